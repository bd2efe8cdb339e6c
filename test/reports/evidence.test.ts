import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOutcomeReport } from '../../src/app/reports/compute.js';
import { renderFiguresCsv } from '../../src/app/reports/csv.js';
import { renderHtml } from '../../src/app/reports/html.js';
import { buildMidReview } from '../../src/app/reports/mid-review.js';
import { DAY } from '../../src/core/clock.js';
import type { Participant } from '../../src/core/participant.js';
import { type ProgramSettingsInput, parseProgramSettings } from '../../src/core/program.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { ProgramRecord } from '../../src/store/types.js';
import { tempDir } from '../support/foundation.js';
import { ReportSeeder } from './seed.js';

const START = Date.parse('2026-03-01T09:00:00Z');
const DAY90 = Date.parse('2026-06-01T09:00:00Z');
const AS_OF = Date.parse('2026-06-15T09:00:00Z');

const RULE = {
  primary: { outcome: 'way_to_target' as const, day: 90 },
  smallestEffect: 10,
  minPerArm: 5,
  secondary: [{ outcome: 'practice' as const, day: 90 }],
};

describe('the evidence section', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  let seed: ReportSeeder;
  let program: ProgramRecord;
  let n = 0;

  const settings = (extra: Partial<ProgramSettingsInput> = {}) => ({
    name: 'evidence',
    checkpointDays: [30, 60, 90],
    evaluation: RULE,
    ...extra,
  });

  /** A leader on a 0 → 10 KPI who answers day 90 with `value` (so value × 10 = % of the way to target). */
  async function leader(arm: 'coached' | 'control', value: number | null, practice: number | null = 3) {
    n += 1;
    const person = await seed.person(program, { userId: `U${n}`, arm, invitedAt: START });
    const experiment = await seed.experiment(program, person, { baseline: 0, target: 10 });
    if (value !== null || practice !== null)
      await seed.answer(experiment, 90, { practice, kpiValue: value }, DAY90);
    return person;
  }

  beforeEach(async () => {
    dir = tempDir();
    store = openSqliteStore({ path: dir.file('evidence.db') });
    seed = new ReportSeeder(store, START);
    program = await seed.program(settings());
  });
  afterEach(async () => {
    await store.close();
    dir.cleanup();
  });

  const report = async () =>
    buildOutcomeReport(
      (await store.programs.get(program.id))!,
      await store.reports.dataset(program.id),
      AS_OF,
    );

  it('estimates the effect with its Welch interval and Hedges’ g, worked by hand, and says Go', async () => {
    // Coached 50, 60, 70, 60, 50, 70 and control 20, 10, 30, 20, 10, 30: means 60 and 20, both variances 80.
    // SE = √(80/6 + 80/6) = 5.164, Welch df = 10, t(0.95, 10) = 1.812 (t table): 40 ± 9.36 → 30.64 to 49.36.
    // Pooled SD √80 = 8.944, d = 4.472, J = 1 − 3/39 = 0.9231, g = 4.128.
    for (const v of [5, 6, 7, 6, 5, 7]) await leader('coached', v, 4);
    for (const v of [2, 1, 3, 2, 1, 3]) await leader('control', v, 2);
    const { evidence } = await report();
    expect(evidence.primary).toMatchObject({
      outcome: 'way_to_target',
      day: 90,
      coached: { n: 6, mean: 60 },
      control: { n: 6, mean: 20 },
      difference: 40,
      df: 10,
      effectSize: 'large',
    });
    expect(evidence.primary!.lower).toBeCloseTo(30.64, 1);
    expect(evidence.primary!.upper).toBeCloseTo(49.36, 1);
    expect(evidence.primary!.hedgesG).toBeCloseTo(4.128, 2);
    expect(evidence.verdict).toEqual({
      verdict: 'go',
      word: 'Go',
      basis: 'above_threshold',
      reason: 'The 90 % interval, 30.6 to 49.4 points, lies above the 10-point threshold.',
    });
    expect(evidence.secondary[0]).toMatchObject({ outcome: 'practice', difference: 2, lower: 2, upper: 2 });
    expect(evidence.flows!.coached).toMatchObject({
      enrolled: { value: 6 },
      withData: { value: 6 },
      lost: { value: 0 },
    });
    expect(evidence.missingData).toMatch(/^Complete cases/);

    const r = await report();
    const html = renderHtml(r);
    expect(html).toContain('<div class="verdict go" id="verdict"><div class="word">Go</div>');
    expect(html).toContain('30.6 to 49.4');
    const csv = renderFiguresCsv(r).csv;
    expect(csv).toContain('evidence,verdict,go,90,"The 90 % interval, 30.6 to 49.4 points');
    expect(csv).toContain('evidence,difference,primary:way_to_target,90,40,');
  });

  it('says No-go when the interval lies below the threshold, Inconclusive when it straddles it', async () => {
    for (const v of [3, 3.2, 3.4, 3.2, 3, 3.4]) await leader('coached', v);
    for (const v of [2.6, 2.8, 3, 2.8, 2.6, 3]) await leader('control', v);
    expect((await report()).evidence.verdict.verdict).toBe('no_go');

    for (const v of [9, 0]) await leader('coached', v);
    const straddle = (await report()).evidence;
    expect(straddle.verdict.basis).toBe('straddles_threshold');
    expect(straddle.primary!.lower!).toBeLessThan(10);
    expect(straddle.primary!.upper!).toBeGreaterThan(10);
  });

  it('gives an arm under 5 leaders no estimate, and counts who was lost and why', async () => {
    for (const v of [5, 6, 7, 6, 5, 7]) await leader('coached', v);
    for (const v of [2, 1, 3, 2]) await leader('control', v);
    await leader('control', null, 3); // answered practice, no KPI value
    n += 1;
    await seed.person(program, { userId: `U${n}`, arm: 'control', consent: 'opted_out', invitedAt: START });
    n += 1;
    await seed.person(program, { userId: `U${n}`, arm: 'control', consent: 'declined', invitedAt: START });
    const r = await report();
    expect(r.evidence.primary).toMatchObject({
      difference: null,
      lower: null,
      control: null,
      note: 'no estimate: the control arm has fewer than 5 leaders with data at day 90',
    });
    expect(r.evidence.verdict).toMatchObject({
      verdict: 'inconclusive',
      basis: 'small_arm',
      reason: 'No estimate is shown: the control arm has fewer than 5 leaders with data at day 90.',
    });
    const control = r.evidence.flows!.control;
    expect(control.enrolled.value).toBe(7);
    expect(control.withData).toEqual({ value: null, suppressed: true });
    expect(control.lost).toEqual({ value: null, suppressed: true });
    const html = renderHtml(r);
    expect(html).toContain('No estimate is shown: the control arm has fewer than 5 leaders');
    expect(html).not.toContain('class="interval"');
  });

  it('records a change to the rule after the first enrolment as a deviation, next to the verdict', async () => {
    for (const v of [5, 6, 7, 6, 5, 7]) await leader('coached', v);
    for (const v of [2, 1, 3, 2, 1, 3]) await leader('control', v);
    const changedAt = START + 20 * DAY;
    await store.programs.upsert(
      parseProgramSettings(settings({ evaluation: { ...RULE, smallestEffect: 45 } })),
      changedAt,
    );
    const r = await report();
    expect(r.evidence.deviations).toEqual([
      { on: '2026-03-21', version: 2, changes: [{ field: 'smallestEffect', from: '10', to: '45' }] },
    ]);
    expect(r.evidence.verdict.verdict).toBe('inconclusive');
    expect(r.evidence.verdictUnderLaunchRule?.verdict).toBe('go');
    const html = renderHtml(r);
    expect(html).toContain('1 deviation from the rule fixed at launch');
    // Dates read as the report's locale writes them (British English by default).
    expect(html).toContain('Deviation on 21 Mar 2026');
    expect(html).toContain('Under the rule fixed at launch the verdict would be: <strong>Go</strong>');
    expect(r.timeline.events.find((e) => e.kind === 'deviation')?.label).toBe(
      'Decision rule changed (version 2): smallestEffect',
    );
  });

  it('puts confounder notes on the timeline beside the checkpoints', async () => {
    const people: Participant[] = [];
    for (const v of [5, 6, 7, 6, 5]) people.push(await leader('coached', v));
    await store.pilots.addNote(
      { programId: program.id, date: '2026-04-02', text: 'Sales <b>reorganized</b>', by: 'cli' },
      START,
    );
    const removed = await store.pilots.addNote(
      { programId: program.id, date: '2026-04-03', text: 'typo', by: 'cli' },
      START,
    );
    await store.pilots.removeNote(program.id, removed.id, 'cli', START + 1);
    const r = await report();
    expect(r.timeline.events.map((e) => [e.kind, e.date])).toEqual([
      ['launch', '2026-03-01'],
      ['note', '2026-04-02'],
      ['checkpoint', '2026-06-01'],
      ['report', '2026-06-15'],
    ]);
    const html = renderHtml(r);
    expect(html).toContain('Sales &lt;b&gt;reorganized&lt;/b&gt;');
    expect(html).not.toContain('typo');
  });

  it('the mid-pilot review shows response rates, data quality and balance, never the effect', async () => {
    for (const v of [5, 6, 7, 6, 25]) await leader('coached', v);
    for (const v of [2, 1, 3, 2, 1]) await leader('control', v);
    await leader('control', null, 2);
    const mid = buildMidReview(
      (await store.programs.get(program.id))!,
      await store.reports.dataset(program.id),
      AS_OF,
      { firstAt: AS_OF, runs: 1 },
    );
    expect(Object.keys(mid)).not.toContain('evidence');
    expect(JSON.stringify(mid)).not.toMatch(/"(difference|hedgesG|verdict|lower|upper|mean)":/);
    expect(mid.effect.shown).toBe(false);
    expect(mid.responses.find((r) => r.arm === 'control')!.checkpoints.at(-1)!.rate).toMatchObject({
      numerator: 6,
      denominator: 6,
    });
    // 25 on a 0 → 10 KPI is 250 % of the way: more than one span beyond the target.
    expect(mid.dataQuality.map((w) => [w.key, w.leaders])).toEqual([
      ['missing_kpi', { value: null, suppressed: true }],
      ['far_outside', { value: null, suppressed: true }],
    ]);
    expect(mid.balance.arms.map((a) => a.enrolled.value)).toEqual([5, 6]);
  });
});
