import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoster } from '../../src/app/roster.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { tempDir } from '../support/foundation.js';

const exec = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'coachloop.js');

const PROGRAM = (smallestEffect: number) => `name: cli-pilot
checkpointDays: [30, 60, 90]
evaluation:
  primary: { outcome: way_to_target, day: 90 }
  smallestEffect: ${smallestEffect}
  assignment: { method: randomized, stratifyBy: [department], seed: cli-seed }
`;

// Each command is a real process that loads the sources through tsx: a few seconds apiece on a busy machine.
describe('coachloop note, assignment verify, report --stage mid and program apply of a pilot', {
  timeout: 180_000,
}, () => {
  let dir: ReturnType<typeof tempDir>;
  const db = () => dir.file('pilot.db');
  const coachloop = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
        cwd: dir.dir,
        env: { ...process.env, DATABASE_PATH: db(), LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: '' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    dir = tempDir();
    writeFileSync(join(dir.dir, 'pilot.yaml'), PROGRAM(10));
    expect((await coachloop('program', 'apply', 'pilot.yaml')).code).toBe(0);
    // Twelve leaders drawn into arms by the bot, through the roster import (users found by a local directory).
    const store = openSqliteStore({ path: db() });
    const program = (await store.programs.getByName('cli-pilot'))!;
    const emails = Array.from({ length: 12 }, (_, i) => `leader${i}@example.com`);
    const outcome = await importRoster({
      store,
      program,
      csv: ['email,role,department', ...emails.map((e, i) => `${e},leader,${i % 2 ? 'Sales' : 'Ops'}`)].join(
        '\n',
      ),
      lookups: [
        {
          platform: 'slack',
          lookupByEmail: async (email) => ({
            platform: 'slack',
            workspaceId: 'T1',
            userId: email.split('@')[0]!,
          }),
        },
      ],
      now: Date.now(),
    });
    expect(outcome.problems).toEqual([]);
    await store.close();
  }, 60_000);
  afterAll(() => dir.cleanup());

  it('keeps a confounder log: add, list, remove, all audited, with clear errors', async () => {
    const added = await coachloop(
      'note',
      'add',
      '--program',
      'cli-pilot',
      '--date',
      '2026-04-02',
      'Sales reorganized',
    );
    expect(added.code).toBe(0);
    const [id] = added.stdout.trim().split(/\s+/);
    expect(id).toMatch(/^note_/);
    expect(added.stdout).toContain('2026-04-02  Sales reorganized');

    const bad = await coachloop('note', 'add', '--program', 'cli-pilot', '--date', '2026-02-30', 'x');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('date: is not a real calendar date; text: say what happened in a few words');
    const unknown = await coachloop(
      'note',
      'add',
      '--program',
      'nope',
      '--date',
      '2026-04-02',
      'Hiring freeze',
    );
    expect(unknown.stderr).toContain('no program named "nope". Known programs: cli-pilot.');

    expect((await coachloop('note', 'list', '--program', 'cli-pilot')).stdout).toContain(
      `${id}  2026-04-02  Sales reorganized`,
    );
    expect((await coachloop('note', 'remove', id!, '--program', 'cli-pilot')).stdout).toBe(
      `removed ${id} (2026-04-02)\n`,
    );
    expect((await coachloop('note', 'remove', id!, '--program', 'cli-pilot')).code).toBe(1);
    expect((await coachloop('note', 'list', '--program', 'cli-pilot')).stdout).toBe(
      'no notes for cli-pilot\n',
    );
    expect((await coachloop('note', 'list', '--program', 'cli-pilot', '--all')).stdout).toContain(
      '(removed)',
    );

    const audit = await coachloop('audit', '--since', '2020-01-01', '--json');
    const actions = audit.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; detail?: Record<string, unknown> });
    const notes = actions.filter((a) => a.action.startsWith('note.'));
    expect(notes.map((a) => a.action)).toEqual(['note.added', 'note.removed']);
    expect(JSON.stringify(notes)).not.toContain('Sales reorganized');
    expect(actions.find((a) => a.action === 'arms.assigned')?.detail).toMatchObject({
      seed: 'cli-seed',
      batch: 1,
    });
  });

  it('redraws the arms from their seed, and notices an arm moved by hand', async () => {
    const ok = await coachloop('assignment', 'verify', '--program', 'cli-pilot');
    expect(ok).toMatchObject({
      code: 0,
      stdout: 'batch 1 (seed cli-seed, 12 leaders): reproduced exactly\n',
    });
    const store = openSqliteStore({ path: db() });
    store.db
      .prepare(
        `UPDATE arm_assignments SET arm = 'control' WHERE arm = 'coached' AND participant_id IN (SELECT participant_id FROM arm_assignments LIMIT 12)`,
      )
      .run();
    await store.close();
    const moved = await coachloop('assignment', 'verify', '--program', 'cli-pilot');
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(/^batch 1 \(seed cli-seed\): 6 arms differ from the draw: leader/);
  });

  it('runs the mid-pilot review without the effect, and the full report says when it was first run', async () => {
    const first = await coachloop('report', '--program', 'cli-pilot', '--stage', 'mid', '--format', 'html');
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toMatch(/^reports\/cli-pilot-\d{4}-\d\d-\d\d-mid\.html$/);
    expect(first.stderr).toMatch(
      /^mid-pilot review recorded: first run \d{4}-\d\d-\d\d, 1 run\(s\); it shows no effect\n$/,
    );
    const html = readFileSync(join(dir.dir, first.stdout.trim()), 'utf8');
    expect(html).toContain('No effect is shown here.');
    expect(html).not.toContain('id="evidence"');

    const csv = await coachloop('report', '--program', 'cli-pilot', '--stage', 'mid', '--format', 'csv');
    expect(csv.stdout.trim()).toMatch(/-mid-figures\.csv$/);
    const figures = readFileSync(join(dir.dir, csv.stdout.trim()), 'utf8');
    expect(figures).toContain('effect,shown,withheld,,false');
    expect(figures).not.toContain('evidence,');

    const full = await coachloop(
      'report',
      '--program',
      'cli-pilot',
      '--format',
      'json',
      '--out',
      'full.json',
    );
    expect(full.stderr).toContain(
      'verdict: Inconclusive. No estimate yet: both arms have no leader with data at day 90.',
    );
    const report = JSON.parse(readFileSync(join(dir.dir, 'full.json'), 'utf8'));
    expect(report.evidence.midReview.runs).toBe(2);
    expect(report.evidence.midReview.firstRunOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(report.balance.assignment).toMatchObject({
      drawn: 12,
      seeds: ['cli-seed'],
      stratifyBy: ['department'],
    });
  });

  it('names a change to the decision rule after the first enrolment as a deviation', async () => {
    writeFileSync(join(dir.dir, 'pilot.yaml'), PROGRAM(5));
    const applied = await coachloop('program', 'apply', 'pilot.yaml');
    expect(applied.code).toBe(0);
    expect(applied.stderr).toMatch(
      /^the decision rule changed after the first enrolment \(\d{4}-\d\d-\d\d\): smallestEffect 10 → 5\. This is recorded as a deviation and shown next to the verdict\.\n$/,
    );
    await coachloop('report', '--program', 'cli-pilot', '--format', 'json', '--out', 'after.json');
    const report = JSON.parse(readFileSync(join(dir.dir, 'after.json'), 'utf8'));
    expect(report.evidence.deviations).toEqual([
      { on: expect.any(String), version: 2, changes: [{ field: 'smallestEffect', from: '10', to: '5' }] },
    ]);
    // Applying the same file again changes nothing and says nothing.
    expect((await coachloop('program', 'apply', 'pilot.yaml')).stderr).toBe('');
  });
});
