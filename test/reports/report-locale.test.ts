import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { tempDir } from '../support/foundation.js';
import { ReportSeeder } from './seed.js';

/*
 * `coachloop report --locale`: the HTML and CSV reports in the language asked for, or in the program's own,
 * with numbers and dates as that language writes them. Run as the real command, in a child process.
 */

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'coachloop.js');
let dir: ReturnType<typeof tempDir>;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = dir.file('locale.db');
  const store = openSqliteStore({ path: db });
  const seed = new ReportSeeder(store, Date.parse('2026-03-02T09:00:00Z'));
  await seed.sixLeadersAtDay30(await seed.program({ name: 'plain-pilot', title: 'Plain pilot' }), 'UPLAIN');
  await seed.sixLeadersAtDay30(
    await seed.program({ name: 'berlin-pilot', title: 'Berlin pilot', language: 'de' }),
    'UBERLIN',
  );
  await store.close();
});

afterAll(() => {
  dir.cleanup();
});

function coachloop(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir.dir,
    env: { ...process.env, DATABASE_PATH: db, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `coachloop report` for one program and format into `out`, with any further options. */
function report(program: string, format: string, out: string, ...options: string[]) {
  return coachloop(['report', '--program', program, '--format', format, '--out', out, ...options]);
}

function written(run: ReturnType<typeof coachloop>): string {
  expect(run.stderr).not.toContain('coachloop:');
  expect(run.status).toBe(0);
  const path = join(dir.dir, run.stdout.trim());
  expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
  return readFileSync(path, 'utf8');
}

// Each case runs the command a few times; on a busy machine a run takes several seconds.
describe('coachloop report --locale', { timeout: 60_000 }, () => {
  it('writes the HTML report in German: labels, decimal commas and German dates', () => {
    const html = written(report('plain-pilot', 'html', 'de.html', '--locale', 'de'));
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h2>1. Teilnahmetrichter</h2>');
    expect(html).toContain('<h2>2. Antwortquoten</h2>');
    expect(html).toContain('So lesen Sie diesen Bericht');
    expect(html).toContain('>Eingeladene Führungskräfte<');
    // Mean practice 3 with one decimal, and the mean way to target 37.5 % rounded, as German writes them.
    expect(html).toContain('<td>3,0</td>');
    expect(html).toContain('38\u00a0%');
    // The first enrolment (2 March 2026) on the timeline, in German date order.
    expect(html).toContain('02.03.2026');
    expect(html).not.toContain('2026-03-02');
    expect(html).not.toContain('Participation funnel');
    expect(html).not.toContain('How to read this report');
  });

  it('writes the CSV in German: translated headers, semicolons and decimal commas, the same codes in the cells', () => {
    const rows = written(report('plain-pilot', 'csv', 'de-rows.csv', '--locale', 'de')).split('\r\n');
    expect(rows[0]).toBe(
      'Pseudonym;Gruppe;Status des Experiments;KPI-Richtung;KPI-Ausgangswert;KPI-Ziel;Checkpoint-Tag;Status der Umfrage;Übung;Zuversicht;KPI-Wert;KPI-Verbesserung;% des Wegs zum Ziel',
    );
    expect(rows[1]).toMatch(/^p_[0-9a-f]{16};coached;active;increase;2;6;30;answered;3;/);

    const figures = written(
      report('plain-pilot', 'csv', 'de-figures.csv', '--csv', 'figures', '--locale', 'de'),
    ).split('\r\n');
    expect(figures[0]).toBe(
      'Abschnitt;Kennzahl;Bezugsgruppe;Checkpoint-Tag;Wert;Zähler;Nenner;Personen;unterdrückt',
    );
    expect(figures).toContain('funnel;invited;leaders;;6;;;;false');
    expect(figures).toContain('outcomes;pct_of_target_mean;coached;30;37,5;;;6;false');
  });

  it('defaults to the program’s language, and never localizes JSON', () => {
    const german = written(report('berlin-pilot', 'html', 'berlin.html'));
    expect(german).toContain('<html lang="de">');
    expect(german).toContain('<h2>1. Teilnahmetrichter</h2>');
    const csv = written(report('berlin-pilot', 'csv', 'berlin.csv'));
    expect(csv.split('\r\n')[0]).toMatch(/^Pseudonym;Gruppe;/);
    // JSON is for machines: the same keys and numbers in any language.
    const json = JSON.parse(written(report('berlin-pilot', 'json', 'b.json', '--locale', 'fr')));
    expect(json.outcomes.checkpoints[0].pctOfTargetMean).toEqual({
      value: 37.5,
      people: 6,
      suppressed: false,
    });
    expect(json.evidence.verdict.word).toBe('Inconclusive');
  });

  it('stays English, with the column codes and decimal points, for a program without a language', () => {
    const english = written(report('plain-pilot', 'csv', 'en.csv', '--csv', 'figures'));
    expect(english.split('\r\n')[0]).toBe(
      'section,metric,group,checkpoint_day,value,numerator,denominator,people,suppressed',
    );
    expect(english).toContain('outcomes,pct_of_target_mean,coached,30,37.5,,,6,false');
  });

  it('refuses a language it does not speak, or no language tag at all, and writes nothing', () => {
    for (const tag of ['tlh', 'not a tag!']) {
      const run = report('plain-pilot', 'html', 'x.html', '--locale', tag);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `coachloop: unknown locale "${tag}": use a language tag of one of the languages coachloop speaks (en, de, fr, es, pt, ja), optionally with a region such as de-AT or pt-BR\n`,
      );
    }
    expect(() => statSync(join(dir.dir, 'x.html'))).toThrow();
  });
});
