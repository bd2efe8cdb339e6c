import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROW_COLUMNS } from '../../src/app/reports/csv.js';
import {
  defaultReportPath,
  exportReport,
  loadOutcomeReport,
  UnknownProgramError,
} from '../../src/app/reports/export.js';
import { DAY, ManualClock } from '../../src/core/clock.js';
import type { Arm } from '../../src/core/participant.js';
import { openSqliteStore, PSEUDONYM_SECRET_KEY, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { ProgramRecord } from '../../src/store/types.js';
import { tempDir } from '../support/foundation.js';
import { ReportSeeder } from './seed.js';

const AS_OF = Date.parse('2026-06-15T09:00:00Z');
let dir: ReturnType<typeof tempDir>;
let store: SqliteStore;
let clock: ManualClock;

beforeEach(() => {
  dir = tempDir();
  store = openSqliteStore({ path: dir.file() });
  clock = new ManualClock(AS_OF);
});

afterEach(async () => {
  await store.close();
  dir.cleanup();
});

/** `n` consenting leaders of an arm, each with an experiment (ideas 2 → 6) and a day-30 answer. */
async function leaders(
  seed: ReportSeeder,
  program: ProgramRecord,
  arm: Arm,
  answers: readonly { practice: number; kpiValue: number }[],
  prefix = arm === 'coached' ? 'UCOACHED' : 'UCONTROL',
) {
  const people = [];
  for (const [i, answer] of answers.entries()) {
    const person = await seed.person(program, {
      userId: `${prefix}${i + 1}`,
      arm,
      displayName: `Dana Q${arm}${i + 1} Example`,
      email: `dana.${arm}${i + 1}@corp.example.org`,
    });
    const experiment = await seed.experiment(program, person, {
      baseline: 2,
      target: 6,
      unit: 'ideas',
      kpiName: 'Ideas raised in the Tuesday standup',
    });
    await seed.answer(experiment, 30, { ...answer, note: 'my skip-level is the problem' });
    people.push({ person, experiment });
  }
  return people;
}

describe('small groups', () => {
  it('suppresses every figure about four people and shows the same figures for five', async () => {
    const seed = new ReportSeeder(store, AS_OF - 60 * DAY);
    const program = await seed.program({ name: 'small', checkpointDays: [30, 60, 90] });
    // Practice 2, 3, 4, 5 and KPI 3, 4, 5, 6 on 2 → 6: 25, 50, 75, 100 % of the way.
    await leaders(seed, program, 'coached', [
      { practice: 2, kpiValue: 3 },
      { practice: 3, kpiValue: 4 },
      { practice: 4, kpiValue: 5 },
      { practice: 5, kpiValue: 6 },
    ]);
    const four = (await loadOutcomeReport(store, 'small', AS_OF)).report;
    expect(four.funnel.invited).toEqual({ value: null, suppressed: true });
    expect(four.funnel.consentRate.suppressed).toBe(true);
    expect(four.responses.checkpoints[0]!.rate).toEqual({
      numerator: null,
      denominator: null,
      rate: null,
      suppressed: true,
    });
    const cell = four.outcomes.checkpoints[0]!;
    expect(cell.respondents.suppressed).toBe(true);
    expect(cell.practiceMean).toEqual({ value: null, people: null, suppressed: true });
    expect(cell.pctOfTargetMean).toEqual({ value: null, people: null, suppressed: true });
    // Groups of nobody are not suppressed: they are zeros and "no data".
    expect(four.outcomes.checkpoints[1]!.practiceMean).toEqual({ value: null, people: 0, suppressed: false });
    expect(four.funnel.consent.declined).toEqual({ value: 0, suppressed: false });
    const html = (
      await exportReport(store, clock, { program: 'small', format: 'html', out: join(dir.dir, 'four.html') })
    ).path;
    expect(readFileSync(html, 'utf8')).toContain('suppressed (n&lt;5)');

    // A fifth leader: practice 5, KPI 6 (100 %).
    await leaders(seed, program, 'coached', [{ practice: 5, kpiValue: 6 }], 'UFIFTH');
    const five = (await loadOutcomeReport(store, 'small', AS_OF)).report;
    expect(five.funnel.invited).toEqual({ value: 5, suppressed: false });
    // Practice (2+3+4+5+5)/5 = 19/5 = 3.8; way to target (25+50+75+100+100)/5 = 350/5 = 70; median 75.
    expect(five.outcomes.checkpoints[0]).toMatchObject({
      respondents: { value: 5, suppressed: false },
      practiceMean: { value: 3.8, people: 5, suppressed: false },
      pctOfTargetMean: { value: 70, people: 5, suppressed: false },
      pctOfTargetMedian: { value: 75, people: 5, suppressed: false },
      improved: { numerator: 5, denominator: 5, rate: 1, suppressed: false },
    });
    const json = JSON.parse(
      readFileSync(
        (
          await exportReport(store, clock, {
            program: 'small',
            format: 'json',
            out: join(dir.dir, 'five.json'),
          })
        ).path,
        'utf8',
      ),
    );
    expect(json.outcomes.checkpoints[0].practiceMean.value).toBe(3.8);
  });

  it('suppresses the control side and the difference when the control arm has four leaders', async () => {
    const seed = new ReportSeeder(store, AS_OF - 60 * DAY);
    const program = await seed.program({ name: 'arms' });
    // Coached (5): KPI 4, 4, 5, 6, 6 → 50, 50, 75, 100, 100 → 375/5 = 75; practice 4 each → 4.
    await leaders(
      seed,
      program,
      'coached',
      [4, 4, 5, 6, 6].map((kpiValue) => ({ practice: 4, kpiValue })),
    );
    await leaders(
      seed,
      program,
      'control',
      [2, 3, 3, 4].map((kpiValue) => ({ practice: 2, kpiValue })),
    );
    const report = (await loadOutcomeReport(store, 'arms', AS_OF)).report;
    const c = report.comparison!;
    expect(c.coached.checkpoints[0]!.pctOfTargetMean).toEqual({ value: 75, people: 5, suppressed: false });
    expect(c.coached.checkpoints[0]!.practiceMean).toEqual({ value: 4, people: 5, suppressed: false });
    expect(c.control.people).toEqual({ value: null, suppressed: true });
    expect(c.control.checkpoints[0]!.pctOfTargetMean).toEqual({
      value: null,
      people: null,
      suppressed: true,
    });
    expect(c.difference[0]).toEqual({
      day: 30,
      practiceMean: { value: null, suppressed: true },
      pctOfTargetMean: { value: null, suppressed: true },
    });
    expect(report.roi.status).toBe('not_configured');

    // With a fifth control leader (KPI 2: 0 %): control (0+25+25+50+0)/5 = 20; difference 75 − 20 = 55 pp.
    await leaders(seed, program, 'control', [{ practice: 3, kpiValue: 2 }], 'UCONTROLX');
    const again = (await loadOutcomeReport(store, 'arms', AS_OF)).report.comparison!;
    expect(again.control.checkpoints[0]!.pctOfTargetMean.value).toBe(20);
    // Practice (2+2+2+2+3)/5 = 2.2; difference 4 − 2.2 = 1.8.
    expect(again.difference[0]).toEqual({
      day: 30,
      practiceMean: { value: 1.8, suppressed: false },
      pctOfTargetMean: { value: 55, suppressed: false },
    });
  });
});

describe('CSV exports', () => {
  it('writes pseudonymous rows only: no ids, names, emails or typed text; and audits the export', async () => {
    const seed = new ReportSeeder(store, AS_OF - 60 * DAY);
    const program = await seed.program({ name: 'csv-pilot', checkpointDays: [30, 60] });
    const coached = await leaders(
      seed,
      program,
      'coached',
      [3, 4, 5, 6, 2].map((kpiValue) => ({ practice: 3, kpiValue })),
    );
    // A control arm of three is withheld whole; a declined person is never exported.
    await leaders(
      seed,
      program,
      'control',
      [2, 3, 4].map((kpiValue) => ({ practice: 2, kpiValue })),
    );
    await seed.person(program, {
      userId: 'UDECLINED',
      consent: 'declined',
      email: 'no.thanks@corp.example.org',
    });

    const result = await exportReport(store, clock, {
      program: 'csv-pilot',
      format: 'csv',
      out: join(dir.dir, 'rows.csv'),
    });
    const csv = readFileSync(result.path, 'utf8');
    // 5 coached leaders × 2 checkpoint days = 10 rows.
    expect(result.rows).toBe(10);
    expect(result.withheldArms).toEqual(['control']);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(ROW_COLUMNS.join(','));
    expect(lines).toHaveLength(11);

    const identifying = [
      ...coached.flatMap(({ person }) => [person.id, person.userId, person.email!, person.displayName!]),
      ...coached.map(({ experiment }) => experiment.id),
      'UCONTROL',
      'UDECLINED',
      'T0REPORTS',
      'slack',
      'example.org',
      'Dana',
      'skip-level',
      'Tuesday standup',
      'ppl_',
      'exp_',
      'svy_',
      'ideas',
      '2026-',
    ];
    for (const text of identifying) expect(csv).not.toContain(text);
    expect(csv).not.toContain('control');

    const rows = lines
      .slice(1)
      .map((line) => Object.fromEntries(line.split(',').map((v, i) => [ROW_COLUMNS[i], v])));
    for (const row of rows) expect(row.pseudonym).toMatch(/^p_[0-9a-f]{16}$/);
    expect(new Set(rows.map((r) => r.pseudonym)).size).toBe(5);
    // The leader who reported 5 on 2 → 6: improvement +3, (5−2)/4 = 75 %; day 60 was never sent.
    const day30 = rows.filter((r) => r.checkpoint_day === '30' && r.kpi_value === '5');
    expect(day30).toEqual([
      expect.objectContaining({
        arm: 'coached',
        experiment_status: 'active',
        kpi_direction: 'increase',
        kpi_baseline: '2',
        kpi_target: '6',
        survey_status: 'answered',
        practice: '3',
        confidence: '4',
        kpi_value: '5',
        kpi_improvement: '3',
        pct_of_target: '75',
      }),
    ]);
    const day60 = rows.filter((r) => r.pseudonym === day30[0]!.pseudonym && r.checkpoint_day === '60');
    expect(day60).toEqual([
      expect.objectContaining({ survey_status: 'not_sent', practice: '', kpi_value: '' }),
    ]);

    // The same pseudonyms in a second export: the secret is kept in the database's meta table.
    const secret = await store.meta.get(PSEUDONYM_SECRET_KEY);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = readFileSync(
      (
        await exportReport(store, clock, {
          program: 'csv-pilot',
          format: 'csv',
          out: join(dir.dir, 'again.csv'),
        })
      ).path,
      'utf8',
    );
    expect(second).toBe(csv);
    expect(await store.meta.get(PSEUDONYM_SECRET_KEY)).toBe(secret);

    const audit = (await store.audit.since(0)).filter((e) => e.action === 'report.exported');
    expect(audit[0]).toEqual({
      at: AS_OF,
      actor: 'cli',
      action: 'report.exported',
      subject: 'csv-pilot',
      detail: {
        format: 'csv',
        layout: 'rows',
        rows: 10,
        withheldArms: ['control'],
        file: join(dir.dir, 'rows.csv'),
      },
    });
    // The audit log names the export, never its data.
    expect(JSON.stringify(audit)).not.toMatch(/p_[0-9a-f]{16}/);
  });

  it('writes the figures, with the same suppression, and audits that too', async () => {
    const seed = new ReportSeeder(store, AS_OF - 60 * DAY);
    const program = await seed.program({ name: 'fig-pilot', checkpointDays: [30] });
    await leaders(
      seed,
      program,
      'coached',
      [3, 4, 5, 6, 6].map((kpiValue) => ({ practice: 4, kpiValue })),
    );
    await seed.person(program, { userId: 'UPENDING', consent: 'pending' });
    const result = await exportReport(store, clock, {
      program: 'fig-pilot',
      format: 'csv',
      csvLayout: 'figures',
      actor: 'admin:U1',
      out: join(dir.dir, 'figures.csv'),
    });
    expect(defaultReportPath(program, 'csv', AS_OF, 'figures')).toBe(
      join('reports', 'fig-pilot-2026-06-15-figures.csv'),
    );
    const lines = readFileSync(result.path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'section,metric,group,checkpoint_day,value,numerator,denominator,people,suppressed',
    );
    expect(lines).toContain('funnel,invited,leaders,,6,,,,false');
    expect(lines).toContain('funnel,consent_pending,leaders,,,,,,true');
    // (3,4,5,6,6) on 2 → 6: 25, 50, 75, 100, 100 → 350/5 = 70.
    expect(lines).toContain('outcomes,pct_of_target_mean,coached,30,70,,,5,false');
    expect(lines).toContain('roi,missing,roi,,,,,,false');
    expect(result.rows).toBe(lines.length - 1);
    const audit = (await store.audit.since(0)).find((e) => e.action === 'report.exported');
    expect(audit).toMatchObject({
      actor: 'admin:U1',
      subject: 'fig-pilot',
      detail: { format: 'csv', layout: 'figures', rows: lines.length - 1 },
    });
  });
});

describe('the HTML report', () => {
  it('is one self-contained file: inline CSS and SVG, nothing fetched, no script', async () => {
    const seed = new ReportSeeder(store, AS_OF - 60 * DAY);
    const program = await seed.program({
      name: 'html-pilot',
      title: 'Pilot <script>alert("x")</script> & co',
    });
    await leaders(
      seed,
      program,
      'coached',
      [3, 4, 5, 6, 6].map((kpiValue) => ({ practice: 4, kpiValue })),
    );
    const html = readFileSync(
      (
        await exportReport(store, clock, {
          program: 'html-pilot',
          format: 'html',
          out: join(dir.dir, 'r.html'),
        })
      ).path,
      'utf8',
    );
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    // The only url() references point into the page itself (the hatch of suppressed bars).
    for (const ref of html.match(/url\([^)]*\)/g) ?? []) expect(ref).toBe('url(#hatch)');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('Pilot &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    // The leaders' own words never reach the report.
    expect(html).not.toContain('skip-level');
    expect(html).not.toContain('Tuesday standup');
    expect(html).not.toContain('Dana');
    // The ROI section says what is missing.
    expect(html).toContain('No ROI assumptions');
  });

  it('renders a program without any data in every format', async () => {
    const seed = new ReportSeeder(store, AS_OF);
    await seed.program({
      name: 'empty',
      roi: {
        outcome: 'exits per year',
        unit: 'exits',
        baseline: 10,
        attributionPercent: 20,
        valuePerUnit: 1000,
        programCost: 5000,
      },
    });
    const report = (await loadOutcomeReport(store, 'empty', AS_OF)).report;
    expect(report.funnel.invited).toEqual({ value: 0, suppressed: false });
    expect(report.funnel.steps.every((s) => s.count.value === 0 && s.ofInvited.rate === null)).toBe(true);
    expect(
      report.outcomes.checkpoints.every((c) => c.practiceMean.value === null && !c.practiceMean.suppressed),
    ).toBe(true);
    expect(report.comparison).toBeNull();
    expect(report.mentoring.pairs.total).toEqual({ value: 0, suppressed: false });
    expect(report.budget.meanPerPersonWeek).toEqual({ value: null, people: 0, suppressed: false });
    expect(report.roi).toMatchObject({ status: 'incomplete', missing: ['roi.current'] });
    const html = readFileSync(
      (await exportReport(store, clock, { program: 'empty', format: 'html', out: join(dir.dir, 'e.html') }))
        .path,
      'utf8',
    );
    expect(html).toContain('No answers yet');
    expect(html).toContain('The outcome after the program (`roi.current`, in exits) is missing');
    const json = JSON.parse(
      readFileSync(
        (await exportReport(store, clock, { program: 'empty', format: 'json', out: join(dir.dir, 'e.json') }))
          .path,
        'utf8',
      ),
    );
    expect(Object.keys(json)).toEqual([
      'schema',
      'generatedAt',
      'program',
      'privacy',
      'funnel',
      'responses',
      'outcomes',
      'comparison',
      'mentoring',
      'budget',
      'roi',
      'evidence',
      'balance',
      'timeline',
    ]);
    expect(json.evidence.verdict).toMatchObject({ verdict: 'inconclusive', basis: 'no_rule' });
    const rows = await exportReport(store, clock, {
      program: 'empty',
      format: 'csv',
      out: join(dir.dir, 'e.csv'),
    });
    expect(rows.rows).toBe(0);
    expect(readFileSync(rows.path, 'utf8')).toBe(`${ROW_COLUMNS.join(',')}\r\n`);
  });

  it('refuses an unknown program by name, listing the known ones', async () => {
    const seed = new ReportSeeder(store, AS_OF);
    await seed.program({ name: 'alpha' });
    await seed.program({ name: 'beta' });
    await expect(exportReport(store, clock, { program: 'gamma', format: 'json' })).rejects.toThrow(
      UnknownProgramError,
    );
    await expect(exportReport(store, clock, { program: 'gamma', format: 'json' })).rejects.toThrow(
      'no program named "gamma". Known programs: alpha, beta.',
    );
    expect((await store.audit.since(0)).filter((e) => e.action === 'report.exported')).toEqual([]);
  });
});
