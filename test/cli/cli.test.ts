import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

describe('the coachloop command', () => {
  let dir: string;
  const env = () => ({
    ...process.env,
    DATABASE_PATH: join(dir, 'db', 'coachloop.db'),
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: '',
  });
  const coachloop = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', [join(root, 'bin/coachloop.js'), ...args], {
        cwd: dir,
        env: env(),
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a new database', async () => {
    const result = await coachloop('migrate');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('database ready');
  });

  it('validates a program file and names each bad field with its line', async () => {
    writeFileSync(
      join(dir, 'broken.yaml'),
      'name: broken\nlengthWeeks: 8\ntimezone: Mars/Base\nnudges:\n  time: "9:30"\ncheckpointDays: [30, 60, 90]\n',
    );
    const result = await coachloop('program', 'validate', 'broken.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('timezone (line 3): must be an IANA time zone');
    expect(result.stderr).toContain('nudges.time (line 5): must be a time as HH:MM');
    expect(result.stderr).toContain('checkpointDays.2 (line 6): day 90 falls after the 8-week window');
  });

  it('validates the form of address: formal by default, informal when set, anything else named with its line', async () => {
    writeFileSync(join(dir, 'casual.yaml'), 'name: casual\naddress: informal\n');
    const casual = await coachloop('program', 'validate', 'casual.yaml');
    expect(casual.code).toBe(0);
    expect(casual.stdout).toContain('"address": "informal"');
    writeFileSync(join(dir, 'plain.yaml'), 'name: plain\n');
    expect((await coachloop('program', 'validate', 'plain.yaml')).stdout).toContain('"address": "formal"');
    writeFileSync(join(dir, 'du.yaml'), 'name: du\ntimezone: Europe/Berlin\naddress: du\n');
    const du = await coachloop('program', 'validate', 'du.yaml');
    expect(du.code).toBe(1);
    expect(du.stderr).toContain('address (line 3): must be formal or informal');
  });

  it('warns about missing translations of a program’s nudges, and still accepts the file', async () => {
    writeFileSync(
      join(dir, 'partly.yaml'),
      [
        'name: partly',
        'nudges:',
        '  library:',
        '    - { behavior: Delegation, keywords: [delegat], templates: ["Hand one thing over today."] }',
        '  languages:',
        '    fr:',
        '      templates: ["Votre expérience cette semaine : *{behavior}*."]',
        '',
      ].join('\n'),
    );
    const result = await coachloop('program', 'validate', 'partly.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: nudges.languages.fr: no translation of the library entry "Delegation"; the program\'s own is used\n',
    );
    expect(result.stdout).toContain('partly.yaml is valid');
  });

  it('applies a program idempotently and records the change in the audit log', async () => {
    const file = join(root, 'programs', 'pilot.yaml');
    expect((await coachloop('program', 'apply', file)).stdout).toContain('is now version 1');
    expect((await coachloop('program', 'apply', file)).stdout).toContain('is unchanged (version 1)');
    const audit = await coachloop('audit', '--since', '2000-01-01');
    expect(audit.stdout.match(/program\.applied/g)).toHaveLength(1);
    expect((await coachloop('audit', '--since', 'yesterday-ish')).stderr).toContain('is not a date');
  });

  it('previews the messages of one leader with local and UTC times', async () => {
    const result = await coachloop(
      'preview',
      '--program',
      join(root, 'programs', 'pilot.yaml'),
      '--tz',
      'America/New_York',
      '--start',
      '2026-03-02',
      '--days',
      '14',
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => / nudge /.test(l));
    expect(lines.map((l) => l.slice(0, 30).trim())).toEqual([
      'Tue 2026-03-03 09:30 EST',
      'Thu 2026-03-05 09:30 EST',
      'Tue 2026-03-10 09:30 EDT',
      'Thu 2026-03-12 09:30 EDT',
    ]);
    expect(lines[2]).toContain('2026-03-10 13:30Z');
    expect((await coachloop('preview', '--program', 'missing.yaml')).code).toBe(1);
  });

  it('previews in a leader’s language: the program’s own nudges for it, and the catalog’s words', async () => {
    const preview = (locale: string) =>
      coachloop(
        'preview',
        '--program',
        join(root, 'programs', 'pilot.yaml'),
        '--start',
        '2026-03-02',
        '--days',
        '31',
        '--locale',
        locale,
      );
    const german = await preview('de');
    expect(german.code).toBe(0);
    expect(german.stdout).toMatch(/nudge +Ihr Experiment diese Woche/);
    expect(german.stdout).toMatch(/checkpoint +Zeit für einen Check-in mit zwei Klicks/);
    // French nudges are not in the file: the program's own, around the catalog's French.
    const french = await preview('fr');
    expect(french.stdout).toMatch(/nudge +Your experiment this week/);
    expect(french.stdout).toMatch(/checkpoint +C’est l’heure d’un point en deux clics/);
    const unknown = await preview('tlh');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--locale: "tlh" is not a language coachloop speaks');
  });

  it('erases a person by email and says so in the audit log', async () => {
    const store = openSqliteStore({ path: env().DATABASE_PATH });
    const program = (await store.programs.getByName('pilot'))!;
    const p = await store.participants.create(
      {
        platform: 'slack',
        workspaceId: 'T1',
        userId: 'U1',
        programId: program.id,
        email: 'gone@example.com',
      },
      Date.now(),
    );
    await store.close();
    const result = await coachloop('forget', '--email', 'gone@example.com');
    expect(result.stdout).toContain(`erased ${p.id}`);
    expect((await coachloop('forget', '--email', 'gone@example.com')).stderr).toContain('no such person');
    expect((await coachloop('audit', '--since', '2000-01-01')).stdout).toContain('person.erased');
  });
});
