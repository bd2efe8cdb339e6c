import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerReportCommand } from '../../src/cli/report-command.js';
import { DAY, ManualClock } from '../../src/core/clock.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { tempDir } from '../support/foundation.js';
import { ReportSeeder } from './seed.js';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'coachloop.js');
let dir: ReturnType<typeof tempDir>;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = dir.file('cli.db');
  const store = openSqliteStore({ path: db });
  const seed = new ReportSeeder(store, Date.parse('2026-03-01T09:00:00Z'));
  const program = await seed.program({ name: 'cli-pilot', title: 'CLI pilot', checkpointDays: [30, 60, 90] });
  await seed.sixLeadersAtDay30(program, 'UCLI');
  await store.close();
});

afterAll(() => {
  dir.cleanup();
});

function coachloop(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir.dir,
    env: { ...process.env, DATABASE_PATH: db, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const berlinDate = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);

describe('coachloop report', () => {
  it('writes the HTML report to reports/<program>-<date>.html and prints the path', () => {
    const before = berlinDate(Date.now());
    const run = coachloop(['report', '--program', 'cli-pilot', '--format', 'html']);
    const after = berlinDate(Date.now());
    // The verdict goes to stderr; this program has no decision rule.
    expect(run.stderr).toBe(
      'verdict: Inconclusive. No decision rule was set: add an evaluation section to the program to get a verdict.\n',
    );
    expect(run.status).toBe(0);
    const path = run.stdout.trim();
    expect([`reports/cli-pilot-${before}.html`, `reports/cli-pilot-${after}.html`]).toContain(path);
    const html = readFileSync(join(dir.dir, path), 'utf8');
    // Reports name the program's people: owner-only, like the database.
    expect((statSync(join(dir.dir, path)).mode & 0o777).toString(8)).toBe('600');
    expect(html).toContain('<svg');
    expect(html).toContain('CLI pilot');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('writes a pseudonymous CSV where --out says, and records the export in the audit log', async () => {
    const run = coachloop([
      'report',
      '--program',
      'cli-pilot',
      '--format',
      'csv',
      '--out',
      'exports/rows.csv',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('exports/rows.csv\n');
    // 6 leaders × 3 checkpoint days.
    expect(run.stderr).toContain('18 rows written; the export is recorded in the audit log\n');
    const csv = readFileSync(join(dir.dir, 'exports', 'rows.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^pseudonym,arm,/);
    expect(csv).not.toMatch(/UCLI|example\.com|ppl_/);
    const store = openSqliteStore({ path: db });
    try {
      const audit = (await store.audit.since(0)).filter(
        (e) => e.action === 'report.exported' && e.detail?.format === 'csv',
      );
      expect(audit).toEqual([
        expect.objectContaining({
          actor: 'cli',
          subject: 'cli-pilot',
          detail: { format: 'csv', layout: 'rows', rows: 18, withheldArms: [], file: 'exports/rows.csv' },
        }),
      ]);
    } finally {
      await store.close();
    }
  });

  it('writes JSON and the figures CSV', () => {
    const json = coachloop([
      'report',
      '--program',
      'cli-pilot',
      '--format',
      'json',
      '--out',
      'out/report.json',
    ]);
    expect(json.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir.dir, 'out', 'report.json'), 'utf8'));
    expect(report.funnel.invited).toEqual({ value: 6, suppressed: false });
    const figures = coachloop([
      'report',
      '--program',
      'cli-pilot',
      '--format',
      'csv',
      '--csv',
      'figures',
      '--out',
      'out/figures.csv',
    ]);
    expect(figures.status).toBe(0);
    expect(readFileSync(join(dir.dir, 'out', 'figures.csv'), 'utf8')).toContain(
      'funnel,invited,leaders,,6,,,,false',
    );
  });

  it('fails clearly on an unknown program, a bad format and a missing database', () => {
    const unknown = coachloop(['report', '--program', 'nope', '--format', 'html']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('coachloop: no program named "nope". Known programs: cli-pilot.\n');
    expect(unknown.stdout).toBe('');

    const format = coachloop(['report', '--program', 'cli-pilot', '--format', 'pdf']);
    expect(format.status).toBe(1);
    expect(format.stderr).toContain(
      "option '--format <format>' argument 'pdf' is invalid. Allowed choices are html, csv, json.",
    );

    const missing = coachloop(['report', '--program', 'cli-pilot', '--format', 'html'], {
      DATABASE_PATH: join(dir.dir, 'missing', 'none.db'),
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^coachloop: no database at .*none\.db/);
    expect(existsSync(join(dir.dir, 'missing'))).toBe(false);
  });

  it('runs in process with an injected clock and environment', async () => {
    const errors: string[] = [];
    const cli = new Command('coachloop')
      .exitOverride()
      .configureOutput({ writeErr: (text) => errors.push(text), writeOut: () => undefined });
    const clock = new ManualClock(Date.parse('2026-06-15T09:00:00Z'));
    const printed: string[] = [];
    registerReportCommand(cli, {
      clock,
      env: { DATABASE_PATH: db },
      stdout: { write: (text: string) => printed.push(text) },
    });
    const out = join(dir.dir, 'in-process.json');
    await cli.parseAsync(['report', '--program', 'cli-pilot', '--format', 'json', '--out', out], {
      from: 'user',
    });
    expect(printed).toEqual([`${out}\n`]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.generatedAt).toBe('2026-06-15T09:00:00.000Z');
    // Day 30 KPI values 2 + (i mod 4) for i = 1…6: 3, 4, 5, 2, 3, 4 on 2 → 6 → 25, 50, 75, 0, 25, 50 → 225/6 = 37.5.
    expect(report.outcomes.checkpoints[0].pctOfTargetMean).toEqual({
      value: 37.5,
      people: 6,
      suppressed: false,
    });

    clock.advance(DAY);
    const failure = await cli
      .parseAsync(['report', '--program', 'nope', '--format', 'json'], { from: 'user' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommanderError);
    expect((failure as CommanderError).exitCode).toBe(1);
    expect(errors.join('')).toContain('coachloop: no program named "nope"');
  });
});
