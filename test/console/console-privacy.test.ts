import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProgramText } from '../../src/app/program-files.js';
import { type ConsoleHarness, startConsoleHarness, who } from '../support/console-harness.js';
import type { SlackHarness } from '../support/slack-harness.js';

/*
 * The console's Privacy page and the grant of individual data, over real HTTP: the audit log searched and paged
 * in the store, erasure by email in two steps with the form token, and admins kept to aggregates unless the
 * program grants them more.
 */
describe('console privacy', () => {
  let env: ConsoleHarness;
  let h: SlackHarness;

  beforeAll(async () => {
    env = await startConsoleHarness();
    h = env.h;
  });
  afterAll(async () => {
    await env?.close();
  });

  async function signedIn(userId: string, name: string) {
    const signed = await env.signIn(userId, name);
    expect(signed.page.status).toBe(200);
    return signed;
  }

  it('refuses the Privacy page and its forms to a curator with 403', async () => {
    const { client, csrf } = await signedIn('UCURATOR', 'Cora Curator');
    expect((await client.request('/console/privacy')).status).toBe(403);
    const preview = await client.request('/console/privacy/erase', {
      form: { email: 'mentee@example.org', _csrf: csrf },
    });
    expect(preview.status).toBe(403);
    const confirm = await client.request('/console/privacy/erase/confirm', {
      form: { email: 'mentee@example.org', ids: 'ppl_x', confirm: 'yes', _csrf: csrf },
    });
    expect(confirm.status).toBe(403);
  });

  it('filters the audit log in the store and pages through it', async () => {
    for (let i = 1; i <= 60; i += 1)
      await h.app.store.audit.append({
        at: Date.parse('2026-02-01T12:00:00Z') + i * 60_000,
        actor: i % 2 ? 'ppl_odd' : 'ppl_even',
        action: 'test.bulk',
        subject: `entry-${String(i).padStart(2, '0')}`,
      });
    const { client } = await signedIn('UADMIN', 'Ada Admin');
    const first = await client.request('/console/privacy?action=test.');
    expect(first.status).toBe(200);
    expect(first.text.match(/entry-\d\d/g)).toHaveLength(50);
    expect(first.text).toContain('entry-60');
    expect(first.text).not.toContain('entry-10<');
    expect(first.text).not.toContain('Newer entries');
    const older = first.text.match(/href="([^"]+)">Older entries/)![1]!.replaceAll('&amp;', '&');
    const second = await client.request(older);
    expect(second.text.match(/entry-\d\d/g)).toEqual(
      Array.from({ length: 10 }, (_, i) => `entry-${String(10 - i).padStart(2, '0')}`),
    );
    expect(second.text).toContain('Newer entries');
    expect(second.text).not.toContain('Older entries');

    const byActor = await client.request('/console/privacy?action=test.&actor=ppl_even');
    expect(byActor.text.match(/entry-\d\d/g)).toHaveLength(30);
    const byDay = await client.request('/console/privacy?from=2026-02-01&to=2026-02-01');
    expect(byDay.text.match(/entry-\d\d/g)).toHaveLength(50);
    expect(byDay.text).not.toContain('console.signed_in');
    const none = await client.request('/console/privacy?from=2026-02-02&to=2026-02-28');
    expect(none.text).toContain('No entries match.');
  });

  it('erases a person by email only after a confirmation step with the form token, audited with the admin as actor', async () => {
    const mentee = (await h.app.store.participants.findByIdentity(who('UMENTEE')))!;
    await h.app.store.participants.update(mentee.id, { email: 'mina.mentee@example.org' });
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');

    // No form token, a wrong one: refused, nothing shown or erased.
    expect(
      (await client.request('/console/privacy/erase', { form: { email: 'mina.mentee@example.org' } })).status,
    ).toBe(403);
    expect(
      (
        await client.request('/console/privacy/erase/confirm', {
          form: { email: 'mina.mentee@example.org', ids: mentee.id, confirm: 'yes', _csrf: 'x'.repeat(43) },
        })
      ).status,
    ).toBe(403);

    const unknown = await client.request('/console/privacy/erase', {
      form: { email: 'nobody@example.org', _csrf: csrf },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('No one with this email is known');
    const bad = await client.request('/console/privacy/erase', {
      form: { email: 'not an email', _csrf: csrf },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('aria-invalid="true"');

    // Step one shows who and what, and changes nothing.
    const preview = await client.request('/console/privacy/erase', {
      form: { email: ' Mina.Mentee@example.org ', _csrf: csrf },
    });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Confirm the erasure');
    expect(preview.text).toContain(mentee.id);
    expect(preview.text).toContain('mentee');
    expect(preview.text).toContain('pilot');
    expect(preview.text).toContain('1 active pairs');
    expect(preview.text).toContain('What is deleted');
    expect((await h.app.store.participants.get(mentee.id))?.email).toBe('mina.mentee@example.org');

    // The confirmation is its own POST: without it (or without the ids seen) nothing is erased.
    const unconfirmed = await client.request('/console/privacy/erase/confirm', {
      form: { email: 'mina.mentee@example.org', _csrf: csrf },
    });
    expect(unconfirmed.status).toBe(400);
    const someoneElse = await client.request('/console/privacy/erase/confirm', {
      form: { email: 'mina.mentee@example.org', ids: 'ppl_not_shown', confirm: 'yes', _csrf: csrf },
    });
    expect(someoneElse.text).toContain('Nothing was erased');
    expect((await h.app.store.participants.get(mentee.id))?.email).toBe('mina.mentee@example.org');

    const done = await client.request('/console/privacy/erase/confirm', {
      form: { email: 'mina.mentee@example.org', ids: mentee.id, confirm: 'yes', _csrf: csrf },
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain(`Erased one person: ${mentee.id} (1 pairs closed`);
    const after = (await h.app.store.participants.get(mentee.id))!;
    expect(after.email).toBeNull();
    expect(after.userId).toBe(`erased:${mentee.id}`);
    const erased = (await h.app.store.audit.search({ action: 'person.erased', limit: 10 })).entries;
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ actor: 'slack:UADMIN', subject: mentee.id });
    expect(erased[0]!.detail).toMatchObject({ pairsClosed: 1 });
    expect(done.text).toContain('person.erased');
  });
});

describe('console grant of individual data', () => {
  let env: ConsoleHarness;
  let h: SlackHarness;

  beforeAll(async () => {
    env = await startConsoleHarness();
    h = env.h;
  });
  afterAll(async () => {
    await env?.close();
  });

  const signedIn = (userId: string, name: string) => env.signIn(userId, name);

  const setGrant = async (adminsSeeIndividuals: boolean) => {
    const program = (await h.app.store.programs.getByName('pilot'))!;
    await h.app.store.programs.upsert(
      { ...program.settings, console: { adminsSeeIndividuals } },
      h.clock.now(),
    );
  };

  it('is a program setting, false by default, with the file’s line in its error', () => {
    expect(parseProgramText('name: pilot\n').console.adminsSeeIndividuals).toBe(false);
    expect(
      parseProgramText('name: pilot\nconsole:\n  adminsSeeIndividuals: true\n').console.adminsSeeIndividuals,
    ).toBe(true);
    expect(() =>
      parseProgramText('name: pilot\nconsole:\n  adminsSeeIndividuals: perhaps\n', 'p.yaml'),
    ).toThrow('console.adminsSeeIndividuals (line 3): must be true or false');
  });

  it('keeps admins to aggregates on the Pairs page and the row export unless the program grants more; curators see pairs', async () => {
    const { client: admin, page, csrf } = await signedIn('UADMIN', 'Ada Admin');
    expect(page.text).toContain('Programs in aggregate');
    expect(page.text).toContain('pilot: <span class="sup"');
    expect(page.text).not.toContain('UMENTOR');
    const rows = () =>
      admin.request('/console/report/pilot', { form: { format: 'csv', layout: 'rows', _csrf: csrf } });
    expect((await rows()).status).toBe(403);
    expect((await admin.request('/console/report')).text).not.toContain('value="rows"');
    const { page: curatorPage } = await signedIn('UCURATOR', 'Cora Curator');
    expect(curatorPage.text).toContain('UMENTOR');
    expect(curatorPage.text).not.toContain('Programs in aggregate');

    await setGrant(true);
    const granted = await admin.request('/console/pairs');
    expect(granted.text).toContain('UMENTOR');
    expect(granted.text).not.toContain('Programs in aggregate');
    const csv = await rows();
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await admin.request('/console/report')).text).toContain('value="rows"');

    await setGrant(false);
    expect((await admin.request('/console/pairs')).text).not.toContain('UMENTOR');
    expect((await rows()).status).toBe(403);
  });

  it('shows admins the live report inside the console page under its CSP, the same content as the HTML download, audited', async () => {
    const { client: admin, csrf } = await signedIn('UADMIN', 'Ada Admin');
    const list = await admin.request('/console/report');
    expect(list.text).toContain('href="/console/report/pilot"');
    const live = await admin.request('/console/report/pilot');
    expect(live.status).toBe(200);
    expect(live.text).toContain('<link rel="stylesheet" href="/console/report.css">');
    expect(live.text).not.toMatch(/<style|style="|<script/);
    expect(live.headers.get('content-security-policy')).toContain("style-src 'self'");
    const body = live.text.split('<div class="report">')[1]!.split('</div>\n</main>')[0]!;
    expect(body).toContain('<section id="definitions">');
    const download = await admin.request('/console/report/pilot', { form: { format: 'html', _csrf: csrf } });
    expect(download.text).toContain(body);
    const css = await admin.request('/console/report.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.text).toContain('.report .tiles{');
    expect(css.text).not.toMatch(/(^|[},])\s*body\s*\{/);
    const audit = (await h.app.store.audit.search({ action: 'report.', limit: 10 })).entries;
    expect(audit.slice(0, 2).map((e) => e.action)).toEqual(['report.exported', 'report.viewed']);
    expect(audit[1]).toMatchObject({ actor: 'slack:UADMIN', subject: 'pilot', detail: { via: 'console' } });
    expect((await admin.request('/console/report/nothing')).status).toBe(404);

    const { client: curator } = await signedIn('UCURATOR', 'Cora Curator');
    expect((await curator.request('/console/report/pilot')).status).toBe(403);
  });
});
