import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, startConsoleHarness, TEAM } from '../support/console-harness.js';
import { waitFor } from '../support/slack-harness.js';

/*
 * The Roster page over real HTTP: only admins, form tokens on the upload, every problem with its line and nothing
 * written, the dry run's changes, the apply through the same import as `coachloop roster import` (with its audit
 * entry, the admin as actor), progress written into the page as the import goes, and a clear 413 past the limit.
 */
describe('console Roster page', () => {
  let env: ConsoleHarness;
  const LEADS = ['lead1', 'lead2', 'lead3'];

  beforeAll(async () => {
    env = await startConsoleHarness();
    for (const name of [...LEADS, 'coach', 'late'])
      env.h.sim.addUser({ id: `U${name.toUpperCase()}`, email: `${name}@example.com`, tz: 'Europe/Berlin' });
  });
  afterAll(async () => {
    await env?.close();
  });

  const signedIn = (userId: string, name: string) => env.signIn(userId, name);

  const upload = (csrf: string, csv: string, program = 'pilot') => {
    const form = new FormData();
    form.set('_csrf', csrf);
    form.set('program', program);
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
    return form;
  };
  const enrolled = async () => {
    const pilot = (await env.h.app.store.programs.getByName('pilot'))!;
    return (await env.h.app.store.participants.inProgram(pilot.id))
      .map((p) => p.userId)
      .filter((id) => id.startsWith('ULEAD') || id === 'UCOACH' || id === 'ULATE')
      .sort();
  };
  const GOOD =
    'email,role,mentor_email\nlead1@example.com,leader,\nlead2@example.com,mentee,coach@example.com\ncoach@example.com,mentor,\n';

  it('refuses curators the page and the upload, and an upload without the session’s token', async () => {
    const curator = await signedIn('UCURATOR', 'Cora Curator');
    const page = await curator.client.request('/console/roster');
    expect(page.status).toBe(403);
    expect(page.text).toContain('Not available to you');
    expect(
      (await curator.client.request('/console/roster/check', { multipart: upload(curator.csrf, GOOD) }))
        .status,
    ).toBe(403);
    const admin = await signedIn('UADMIN', 'Ada Admin');
    const forged = await admin.client.request('/console/roster/check', {
      multipart: upload('y'.repeat(43), GOOD),
    });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('The form has expired');
    const apply = await admin.client.request('/console/roster/apply', {
      form: { program: 'pilot', csv: Buffer.from(GOOD).toString('base64') },
    });
    expect(apply.status).toBe(403);
    expect(await enrolled()).toEqual([]);
  });

  it('lists every problem of a bad file with its line, and writes nothing', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    const page = await client.request('/console/roster');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<option value="pilot"');
    const bad = 'email,role\nlead1@example.com,leader\nnot-an-email,leader\nlead2@example.com,boss\n';
    const res = await client.request('/console/roster/check', { multipart: upload(csrf, bad) });
    expect(res.status).toBe(422);
    expect(res.text).toContain('The roster has 2 problems: nothing was imported');
    expect(res.text).toMatch(/line 3: email is not an email address/);
    expect(res.text).toMatch(/line 4: role must be one of leader/);
    // A user the directory does not know is found only by the dry run, with the line too.
    const unknown = await client.request('/console/roster/check', {
      multipart: upload(csrf, 'email,role\nlead1@example.com,leader\nghost@example.com,leader\n'),
    });
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('line 3: no Slack or Teams user has the email ghost@example.com');
    expect(unknown.text).not.toContain('action="/console/roster/apply"');
    expect(await enrolled()).toEqual([]);
    expect((await env.h.app.store.audit.since(0)).some((e) => e.action === 'roster.imported')).toBe(false);
  });

  it('shows a dry run’s changes, then applies the same file with the command’s audit entry', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    const dry = await client.request('/console/roster/check', { multipart: upload(csrf, GOOD) });
    expect(dry.status).toBe(200);
    expect(dry.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(dry.text).toContain('Read 3 rows for program pilot.');
    expect(dry.text).toContain('Dry run: the roster can be applied');
    expect(dry.text).toMatch(/Added: <strong>3<\/strong>/);
    expect(dry.text).toMatch(/Removed: <strong>0<\/strong>/);
    expect(dry.text).toMatch(/New pairs: <strong>1<\/strong>/);
    expect(dry.text).toContain('lead2@example.com');
    expect(dry.text.trimEnd()).toMatch(/<\/html>$/);
    expect(await enrolled()).toEqual([]);

    const csv = dry.text.match(/name="csv" value="([^"]+)"/)![1]!;
    expect(Buffer.from(csv, 'base64').toString()).toBe(GOOD);
    const applied = await client.request('/console/roster/apply', {
      form: { _csrf: csrf, program: 'pilot', csv },
    });
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('The roster is applied');
    expect(applied.text).toContain('Imported into pilot: 3 new, 0 updated, 1 new pairs');
    expect(await enrolled()).toEqual(['UCOACH', 'ULEAD1', 'ULEAD2']);
    const entry = (await env.h.app.store.audit.since(0)).find((e) => e.action === 'roster.imported');
    expect(entry).toMatchObject({
      actor: 'slack:UADMIN',
      subject: 'pilot',
      detail: { rows: 3, peopleCreated: 3, pairsCreated: 1 },
    });
    const lead1 = await env.h.app.store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: TEAM,
      userId: 'ULEAD1',
    });
    expect(lead1?.roles).toEqual(['leader']);

    // The same file again changes nothing.
    const again = await client.request('/console/roster/check', { multipart: upload(csrf, GOOD) });
    expect(again.text).toMatch(/Unchanged: <strong>3<\/strong>/);
    expect(again.text).toMatch(/Added: <strong>0<\/strong>/);
  });

  it('writes the progress into the page while the directory is still answering, then the outcome', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    env.h.sim.injectFault('users.lookupByEmail', { type: 'delay', ms: 1500 });
    const res = await fetch(`${env.base}/console/roster/check`, {
      method: 'POST',
      headers: { cookie: [...client.cookies].map(([n, v]) => `${n}=${v}`).join('; ') },
      body: upload(csrf, 'email,role\nlead3@example.com,leader\n'),
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('Resolving emails in the chat directories')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    // The directory has not answered yet: the page so far is the progress, not the outcome.
    expect(text).toContain('role="log"');
    expect(text).not.toContain('Dry run: the roster can be applied');
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain('Dry run: the roster can be applied');
    expect(text.trimEnd()).toMatch(/<\/html>$/);
  });

  it('finishes an apply whose browser went away, all of it and audited, and keeps serving', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    env.h.sim.injectFault('users.lookupByEmail', { type: 'delay', ms: 1000 });
    const leaving = new AbortController();
    const res = await fetch(`${env.base}/console/roster/apply`, {
      method: 'POST',
      headers: {
        cookie: [...client.cookies].map(([n, v]) => `${n}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        _csrf: csrf,
        program: 'pilot',
        csv: Buffer.from('email,role\nlate@example.com,leader\n').toString('base64'),
      }).toString(),
      signal: leaving.signal,
    });
    await res.body!.getReader().read();
    leaving.abort();
    await waitFor(async () =>
      (await env.h.app.store.audit.since(0)).some(
        (e) => e.action === 'roster.imported' && e.detail?.rows === 1 && e.actor === 'slack:UADMIN',
      ),
    );
    expect(await enrolled()).toContain('ULATE');
    expect((await client.request('/console/roster')).status).toBe(200);
  });

  it('answers a file over the limit with a clear 413 page, and other forms keep their 64 KB limit', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    const big = `email,role\n${'someone@example.com,leader\n'.repeat(210_000)}`;
    const res = await client.request('/console/roster/check', { multipart: upload(csrf, big) });
    expect(res.status).toBe(413);
    expect(res.text).toContain('The file is too large');
    expect(res.text).toContain('up to 5 MB');
    const form = await client.request('/console/programs/file', {
      form: { _csrf: csrf, text: 'x'.repeat(70 * 1024) },
    });
    expect(form.status).toBe(413);
    expect(form.text).toContain('A form here may send up to 64 KB');
  });
});
