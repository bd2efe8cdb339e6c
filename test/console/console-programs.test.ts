import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ConsoleHarness, startConsoleHarness } from '../support/console-harness.js';

/*
 * The Programs page over real HTTP: only admins, the settings as `coachloop program validate` prints them, the
 * preview of one leader's messages, and new versions of a file checked and applied with the command's line-numbered
 * problems, nothing written when invalid, and the command's audit entry with the admin as actor.
 */
describe('console Programs page', () => {
  let env: ConsoleHarness;

  beforeAll(async () => {
    env = await startConsoleHarness();
  });
  afterAll(async () => {
    await env?.close();
  });

  const signedIn = (userId: string, name: string) => env.signIn(userId, name);

  const fileForm = (fields: Record<string, string>, file?: { name: string; text: string }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (file) form.set('file', new Blob([file.text], { type: 'application/yaml' }), file.name);
    return form;
  };

  it('lists the programs for an admin and shows a program’s settings with defaults filled in', async () => {
    const { client } = await signedIn('UADMIN', 'Ada Admin');
    const list = await client.request('/console/programs');
    expect(list.status).toBe(200);
    expect(list.text).toContain('href="/console/programs/pilot"');
    const pilot = await client.request('/console/programs/pilot');
    expect(pilot.status).toBe(200);
    expect(pilot.text).toContain('&quot;timezone&quot;: &quot;America/New_York&quot;');
    expect(pilot.text).toContain('&quot;lengthWeeks&quot;'); // a default the file did not set
    expect((await client.request('/console/programs/nope')).status).toBe(404);
  });

  it('refuses curators with the polite 403, on the pages and on the forms', async () => {
    const { client, csrf } = await signedIn('UCURATOR', 'Cora Curator');
    for (const path of ['/console/programs', '/console/programs/pilot', '/console/programs/pilot/preview']) {
      const res = await client.request(path);
      expect(res.status).toBe(403);
      expect(res.text).toContain('Not available to you');
    }
    const versions = (await env.h.app.store.programs.getByName('pilot'))!.version;
    const post = await client.request('/console/programs/file', {
      multipart: fileForm({ _csrf: csrf, intent: 'apply', text: 'name: pilot\ntimezone: Europe/Paris\n' }),
    });
    expect(post.status).toBe(403);
    expect((await env.h.app.store.programs.getByName('pilot'))!.version).toBe(versions);
  });

  it('refuses a form without the session’s token, and writes nothing', async () => {
    const { client } = await signedIn('UADMIN', 'Ada Admin');
    const res = await client.request('/console/programs/file', {
      multipart: fileForm({ _csrf: 'x'.repeat(43), intent: 'apply', text: 'name: forged\ntimezone: UTC\n' }),
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain('The form has expired');
    expect(await env.h.app.store.programs.getByName('forged')).toBeNull();
  });

  it('lists an invalid file’s problems with their lines, as the command does, and writes nothing', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    const auditBefore = (await env.h.app.store.audit.since(0)).length;
    const text = 'name: pilot\ntimezone: Mars/Olympus\nlengthWeeks: 3\n';
    const res = await client.request('/console/programs/file', {
      multipart: fileForm({ _csrf: csrf, intent: 'apply', program: 'pilot', text }),
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('is not a valid program: nothing was applied');
    expect(res.text).toMatch(/timezone \(line 2\): /);
    expect(res.text).toMatch(/lengthWeeks \(line 3\): /);
    expect(res.text).toContain('Mars/Olympus'); // the text stays in the form to be corrected
    const yamlError = await client.request('/console/programs/file', {
      multipart: fileForm({ _csrf: csrf, intent: 'check' }, { name: 'broken.yaml', text: 'name: [pilot\n' }),
    });
    expect(yamlError.status).toBe(422);
    expect(yamlError.text).toMatch(/broken\.yaml is not a valid program/);
    expect(yamlError.text).toMatch(/line \d+: /);
    const pilot = (await env.h.app.store.programs.getByName('pilot'))!;
    expect(pilot.version).toBe(1);
    expect(pilot.settings.timezone).toBe('America/New_York');
    expect((await env.h.app.store.audit.since(0)).length).toBe(auditBefore);
  });

  it('checks a valid file without writing, then applies it with the command’s audit entry and the admin as actor', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    const text = stringify({ name: 'pilot', timezone: 'Europe/Berlin' });
    const checked = await client.request('/console/programs/file', {
      multipart: fileForm({ _csrf: csrf, intent: 'check', program: 'pilot', text }),
    });
    expect(checked.status).toBe(200);
    expect(checked.text).toContain('is valid');
    expect(checked.text).toContain('It would update program pilot (today version 1)');
    expect((await env.h.app.store.programs.getByName('pilot'))!.version).toBe(1);

    const applied = await client.request('/console/programs/file', {
      multipart: fileForm({ _csrf: csrf, intent: 'apply', program: 'pilot', text }),
    });
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('program pilot is now version 2');
    const pilot = (await env.h.app.store.programs.getByName('pilot'))!;
    expect(pilot.settings.timezone).toBe('Europe/Berlin');
    const entry = (await env.h.app.store.audit.since(0)).find(
      (e) => e.action === 'program.applied' && e.subject === 'pilot' && e.detail?.version === 2,
    );
    expect(entry?.actor).toBe('slack:UADMIN');
    expect(entry?.detail).toMatchObject({ via: 'console' });

    // The program page's own text, sent back unchanged, changes nothing: the YAML shown is the program as it is.
    const page = await client.request('/console/programs/pilot');
    const shown = page.text.match(/<textarea[^>]*>([\s\S]*?)<\/textarea>/)![1]!;
    const again = await client.request('/console/programs/file', {
      multipart: fileForm({
        _csrf: csrf,
        intent: 'apply',
        program: 'pilot',
        text: shown.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
      }),
    });
    expect(again.text).toContain('program pilot is unchanged (version 2)');
  });

  it('adds a program from an uploaded file on the list page, and refuses another program’s file on a program’s page', async () => {
    const { client, csrf } = await signedIn('UADMIN', 'Ada Admin');
    const other = await client.request('/console/programs/file', {
      multipart: fileForm(
        { _csrf: csrf, intent: 'apply', program: 'pilot' },
        { name: 'cohort2.yaml', text: 'name: cohort2\ntimezone: Asia/Tokyo\n' },
      ),
    });
    expect(other.status).toBe(422);
    expect(other.text).toContain('the file names the program &quot;cohort2&quot;');
    expect(await env.h.app.store.programs.getByName('cohort2')).toBeNull();
    const added = await client.request('/console/programs/file', {
      multipart: fileForm(
        { _csrf: csrf, intent: 'apply' },
        { name: 'cohort2.yaml', text: 'name: cohort2\ntimezone: Asia/Tokyo\n' },
      ),
    });
    expect(added.status).toBe(200);
    expect(added.text).toContain('program cohort2 is now version 1');
    expect(added.text).toContain('href="/console/programs/cohort2"');
    const entry = (await env.h.app.store.audit.since(0)).find(
      (e) => e.action === 'program.applied' && e.subject === 'cohort2',
    );
    expect(entry).toMatchObject({ actor: 'slack:UADMIN', detail: { version: 1, file: 'cohort2.yaml' } });
  });

  it('previews one leader’s messages for a zone and start date, and says what is wrong with a bad zone', async () => {
    const { client } = await signedIn('UADMIN', 'Ada Admin');
    const res = await client.request(
      '/console/programs/pilot/preview?tz=Asia%2FTokyo&start=2026-03-02&days=14&locale=',
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('a leader in Asia/Tokyo starting 2026-03-02, answering nothing, for 14 days');
    expect(res.text).toMatch(/<p role="status">[1-9]\d* messages<\/p>/);
    expect(res.text).toContain('GMT+9');
    const bad = await client.request('/console/programs/pilot/preview?tz=Nowhere%2FLand&start=2026-02-30');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('&quot;Nowhere/Land&quot; is not an IANA time zone');
    expect(bad.text).toContain('&quot;2026-02-30&quot; is not a date');
  });
});
