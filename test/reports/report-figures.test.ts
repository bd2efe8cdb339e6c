import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutcomeReport, type OutcomeReport } from '../../src/app/reports/compute.js';
import { loadOutcomeReport } from '../../src/app/reports/export.js';
import { DAY, HOUR } from '../../src/core/clock.js';
import type { Experiment } from '../../src/core/experiment.js';
import type { Participant } from '../../src/core/participant.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { ProgramRecord } from '../../src/store/types.js';
import { ReportSeeder } from './seed.js';

/*
 * One program, seeded through the store, every figure worked out by hand below.
 *
 * Leaders (14 invited): coached L1–L6 accepted, L7 declined, L8 no answer, L9 opted out after day 30;
 * control C1–C5 accepted. Not leaders: mentors M1–M4 and curator Q1 (5 people), and the curators' channel.
 *
 * KPI frames (coached):            Control C1–C5: ideas 2 → 6 (increase)
 *   L1 ideas   2 → 6   increase
 *   L2 hours  10 → 4   decrease
 *   L3 ideas   0 → 10  increase
 *   L4 Ideas  50 → 70  increase   (spelled "Ideas ", same unit)
 *   L5 ideas   3 → 5   increase
 *   L6 ideas   8 → 4   decrease
 *   L9 ideas   1 → 5   increase   (opted out: in the funnel and response rates, not in outcomes)
 */
const AS_OF = Date.parse('2026-06-15T09:00:00Z');
const INVITED = AS_OF - 100 * DAY;

let store: SqliteStore;
let program: ProgramRecord;
let report: OutcomeReport;

beforeAll(async () => {
  store = openSqliteStore({ path: ':memory:' });
  const seed = new ReportSeeder(store, INVITED);
  program = await seed.program({
    name: 'figures',
    title: 'Figures pilot',
    lengthWeeks: 13,
    checkpointDays: [30, 60, 90],
    weeklyBudget: 3,
    roi: {
      outcome: 'avoidable exits per year',
      unit: 'exits',
      baseline: 10,
      current: 8,
      direction: 'decrease',
      attributionPercent: 30,
      valuePerUnit: 120_000,
      programCost: 30_000,
    },
  });
  const person = (userId: string, extra: Parameters<ReportSeeder['person']>[1] = { userId }) =>
    seed.person(program, { createdAt: INVITED, invitedAt: INVITED, ...extra, userId });

  // Consent: L1–L5 accept 1–5 days after the invitation, L6 (no invitation time: first seen counts) after 6 days,
  // C1–C5 after 1 day.
  const L: Participant[] = [];
  for (let i = 1; i <= 6; i += 1) {
    L.push(
      await person(`L${i}`, {
        userId: `L${i}`,
        roles: i <= 4 ? ['leader', 'mentee'] : [],
        invitedAt: i === 6 ? null : INVITED,
        consentAt: INVITED + i * DAY,
        displayName: `Leader ${i}`,
        email: `leader${i}@example.com`,
      }),
    );
  }
  await person('L7', { userId: 'L7', consent: 'declined' });
  await person('L8', { userId: 'L8', consent: 'pending' });
  const L9 = await person('L9', { userId: 'L9', consent: 'opted_out', consentAt: INVITED + 40 * DAY });
  const C: Participant[] = [];
  for (let i = 1; i <= 5; i += 1)
    C.push(await person(`C${i}`, { userId: `C${i}`, arm: 'control', consentAt: INVITED + DAY }));
  const M: Participant[] = [];
  for (let i = 1; i <= 4; i += 1) M.push(await person(`M${i}`, { userId: `M${i}`, roles: ['mentor'] }));
  await person('Q1', { userId: 'Q1', roles: ['curator', 'admin'] });
  await store.participants.ensureChannel(
    { platform: 'slack', workspaceId: 'T0REPORTS', userId: 'CCURATORS' },
    program.id,
    INVITED,
  );

  const frames: [number, number, 'increase' | 'decrease', string][] = [
    [2, 6, 'increase', 'ideas'],
    [10, 4, 'decrease', 'hours'],
    [0, 10, 'increase', 'ideas'],
    [50, 70, 'increase', 'Ideas '],
    [3, 5, 'increase', 'ideas'],
    [8, 4, 'decrease', 'ideas'],
  ];
  const E: Experiment[] = [];
  for (const [i, [baseline, target, direction, unit]] of frames.entries()) {
    E.push(await seed.experiment(program, L[i]!, { baseline, target, direction, unit }));
  }
  const E9 = await seed.experiment(program, L9, { baseline: 1, target: 5 });
  const EC: Experiment[] = [];
  for (const c of C) EC.push(await seed.experiment(program, c, { baseline: 2, target: 6 }));

  // Day 30: everyone with an experiment answers (L9 too, before opting out).
  const d30: [number, number][] = [
    [3, 4],
    [4, 7],
    [2, 1],
    [5, 70],
    [3, 2],
    [4, 9],
  ];
  for (const [i, [practice, kpiValue]] of d30.entries()) await seed.answer(E[i]!, 30, { practice, kpiValue });
  await seed.answer(E9, 30, { practice: 5, kpiValue: 5 });
  const c30: [number, number][] = [
    [2, 2],
    [2, 3],
    [3, 2],
    [1, 4],
    [2, 3],
  ];
  for (const [i, [practice, kpiValue]] of c30.entries())
    await seed.answer(EC[i]!, 30, { practice, kpiValue });

  // Day 60: L1–L5 answer, L6 is sent the survey and leaves it; all of control answers.
  const d60: [number, number][] = [
    [4, 5],
    [4, 4],
    [3, 5],
    [5, 66],
    [4, 4],
  ];
  for (const [i, [practice, kpiValue]] of d60.entries()) await seed.answer(E[i]!, 60, { practice, kpiValue });
  await seed.sendSurvey(E[5]!, 60);
  const c60: [number, number][] = [
    [2, 3],
    [3, 3],
    [2, 2],
    [2, 4],
    [3, 4],
  ];
  for (const [i, [practice, kpiValue]] of c60.entries())
    await seed.answer(EC[i]!, 60, { practice, kpiValue });

  // Day 90: L1–L4 answer in full, L5 gives only the practice click; C1–C4 answer, C5 leaves it.
  const d90: [number, number][] = [
    [5, 6],
    [5, 5],
    [4, 8],
    [5, 72],
  ];
  for (const [i, [practice, kpiValue]] of d90.entries()) await seed.answer(E[i]!, 90, { practice, kpiValue });
  await seed.answer(E[4]!, 90, { practice: 3 });
  for (const [i, kpiValue] of [4, 4, 3, 5].entries())
    await seed.answer(EC[i]!, 90, { practice: 3, kpiValue });
  await seed.sendSurvey(EC[4]!, 90);

  // Nudges: L1–L5 get four each (Tue/Thu of ISO weeks 15 and 16).
  const dates = ['2026-04-07', '2026-04-09', '2026-04-14', '2026-04-16'];
  const answers: Record<string, 'did' | 'skip' | 'snooze'>[] = [
    { '2026-04-07': 'did', '2026-04-09': 'did', '2026-04-14': 'skip', '2026-04-16': 'did' },
    { '2026-04-07': 'did', '2026-04-09': 'snooze' },
    { '2026-04-14': 'skip' },
    { '2026-04-16': 'did' },
    { '2026-04-07': 'skip', '2026-04-09': 'skip', '2026-04-14': 'did' },
  ];
  for (let i = 0; i < 5; i += 1) await seed.nudges(program, E[i]!, dates, answers[i]);
  // Extra budgeted messages in week 15: L1 a checkpoint (3 that week), L2 two (4 that week).
  const extra = async (p: Participant, date: string, n: number) =>
    seed.deliver({
      key: `checkpoint:${p.id}:extra-${n}`,
      participantId: p.id,
      kind: 'checkpoint',
      budgeted: true,
      budgetWeek: '2026-W15',
      message: { text: 'checkpoint', blocks: [] },
      dueAt: Date.parse(`${date}T08:00:00Z`),
      expiresAt: Date.parse(`${date}T08:00:00Z`) + DAY,
    });
  await extra(L[0]!, '2026-04-08', 1);
  await extra(L[1]!, '2026-04-08', 2);
  await extra(L[1]!, '2026-04-10', 3);
  // Not counted: an answer to a nudge that was never delivered, and a nudge still waiting in the outbox.
  await store.experiments.recordNudgeResponse({
    experimentId: E[0]!.id,
    occurrence: '2026-04-21',
    answer: 'did',
    at: AS_OF - 50 * DAY,
  });
  await store.outbox.enqueue(
    {
      key: `nudge:${L[2]!.id}:2026-06-16`,
      participantId: L[2]!.id,
      kind: 'nudge',
      budgeted: true,
      budgetWeek: '2026-W25',
      message: { text: 'later', blocks: [] },
      dueAt: AS_OF + DAY,
      expiresAt: AS_OF + 2 * DAY,
    },
    AS_OF,
  );

  // Pairs. P1 M1–L1 (day −60, charter after 5 days), P2 M2–L2 (day −50, after 10 days), P5 M4–L4 (day −30,
  // after 8 days), P3 M3–L3 (day −40, no charter; re-matched on day −19 to P4 M1–L3, charter after 2 days).
  const P1 = await seed.pair(program, M[0]!, L[0]!, AS_OF - 60 * DAY);
  const P2 = await seed.pair(program, M[1]!, L[1]!, AS_OF - 50 * DAY);
  const P3 = await seed.pair(program, M[2]!, L[2]!, AS_OF - 40 * DAY);
  const P5 = await seed.pair(program, M[3]!, L[3]!, AS_OF - 30 * DAY);
  const [p1m1, p1m2] = await seed.charter(P1, AS_OF - 55 * DAY, [AS_OF - 20 * DAY, AS_OF - 10 * DAY]);
  const [p2m1] = await seed.charter(P2, AS_OF - 40 * DAY, [AS_OF - 15 * DAY, AS_OF + 30 * DAY]);
  const [p5m1] = await seed.charter(P5, AS_OF - 22 * DAY, [AS_OF - 2 * DAY, AS_OF + 60 * DAY]);
  await seed.confirmMilestone(p1m1!, P1, AS_OF - 21 * DAY); // a day early: on time
  await seed.confirmMilestone(p1m2!, P1, AS_OF - 7 * DAY, 'partly'); // three days late
  await seed.confirmMilestone(p2m1!, P2, AS_OF - 15 * DAY + 12 * HOUR, 'not_yet'); // within the day's grace: on time
  await seed.confirmMilestone(p5m1!, P5, AS_OF - 2 * DAY); // on the due moment: on time

  // Alerts: P1 (acted after 10 h), P2 (after 20 h), P3 (after 6 h), P5 (open).
  await seed.actOnAlert(
    await seed.alert(P1, AS_OF - 30 * DAY),
    M[0]!.id,
    AS_OF - 30 * DAY + 10 * HOUR,
    'snooze',
  );
  await seed.actOnAlert(
    await seed.alert(P2, AS_OF - 25 * DAY),
    M[1]!.id,
    AS_OF - 25 * DAY + 20 * HOUR,
    'checkin',
  );
  await seed.actOnAlert(
    await seed.alert(P3, AS_OF - 20 * DAY),
    M[2]!.id,
    AS_OF - 20 * DAY + 6 * HOUR,
    'rematch',
  );
  await store.mentoring.closePair(P3.id, 're-matched', AS_OF - 19 * DAY);
  const P4 = await seed.pair(program, M[0]!, L[2]!, AS_OF - 10 * DAY, P3.id);
  await seed.charter(P4, AS_OF - 8 * DAY, [AS_OF + 80 * DAY, AS_OF + 170 * DAY]);
  await seed.alert(P5, AS_OF - DAY);

  report = (await loadOutcomeReport(store, 'figures', AS_OF)).report;
});

afterAll(async () => {
  await store.close();
});

const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };
const rate = (numerator: number, denominator: number, value: number) => ({
  numerator,
  denominator,
  rate: value,
  suppressed: false,
});

describe('the outcome report of a seeded program, checked against hand-computed figures', () => {
  it('describes the program', () => {
    expect(report.schema).toBe('coachloop.outcome-report/1');
    expect(report.generatedAt).toBe('2026-06-15T09:00:00.000Z');
    expect(report.program).toEqual({
      name: 'figures',
      title: 'Figures pilot',
      version: 1,
      timezone: 'Europe/Berlin',
      lengthWeeks: 13,
      checkpointDays: [30, 60, 90],
      weeklyBudget: 3,
    });
    expect(report.privacy.minGroupSize).toBe(5);
  });

  it('counts the funnel: leaders only, channels never', () => {
    const f = report.funnel;
    // Leaders: L1–L9 and C1–C5 = 14. M1–M4 and Q1 are not leaders (5 people); the channel is no person.
    expect(f.invited).toEqual(shown(14));
    expect(f.otherPeople).toEqual(shown(5));
    // Consented = accepted (L1–L6, C1–C5 = 11) + opted out later (L9) = 12; 12 / 14 = 0.857142… → 0.8571.
    expect(f.consented).toEqual(shown(12));
    expect(f.consentRate).toEqual(rate(12, 14, 0.8571));
    // Declined (L7), no answer (L8) and opted out (L9) are one person each: suppressed.
    expect(f.consent).toEqual({ accepted: shown(11), declined: hidden, optedOut: hidden, pending: hidden });
    // Days from invitation to consent of the 11 accepted: L1–L6 1…6 (L6 from first seen), C1–C5 1 each.
    // Sorted [1,1,1,1,1,1,2,3,4,5,6]: the 6th of 11 is 1.
    expect(f.medianDaysToConsent).toEqual({ value: 1, people: 11, suppressed: false });
    // Experiments: L1–L6, L9, C1–C5 = 12.
    expect(f.experimentSet).toEqual(shown(12));
    // Answered day 30: L1–L6, L9, C1–C5 = 12; day 60: L1–L5, C1–C5 = 10; day 90: L1–L5 (L5 practice only), C1–C4 = 9.
    expect(f.steps.map((s) => [s.key, s.count.value, s.ofInvited.rate])).toEqual([
      ['invited', 14, 1],
      ['consented', 12, 0.8571], // 12/14
      ['experiment', 12, 0.8571], // 12/14
      ['day-30', 12, 0.8571], // 12/14
      ['day-60', 10, 0.7143], // 10/14 = 0.714285…
      ['day-90', 9, 0.6429], // 9/14 = 0.642857…
    ]);
    expect([f.invitedFrom, f.invitedTo]).toEqual(['2026-03-07', '2026-03-07']);
  });

  it('computes response rates for checkpoints and nudges', () => {
    // Day 30: sent 12, answered 12. Day 60: sent L1–L6 + C1–C5 = 11, answered 10 → 0.909090… → 0.9091.
    // Day 90: sent L1–L5 + C1–C5 = 10 (L6 never got one), answered 9 → 0.9.
    expect(report.responses.checkpoints).toEqual([
      { day: 30, rate: rate(12, 12, 1) },
      { day: 60, rate: rate(10, 11, 0.9091) },
      { day: 90, rate: rate(9, 10, 0.9) },
    ]);
    // Nudges delivered: 5 people × 4 = 20 (the one still in the outbox does not count).
    // Answered: L1 4 + L2 2 + L3 1 + L4 1 + L5 3 = 11, by 5 people → 11/20 = 0.55; the answer to a nudge that
    // was never delivered does not count.
    // "Did it": L1 3 + L2 1 + L4 1 + L5 1 = 6, but by 4 people only → suppressed.
    expect(report.responses.nudges).toEqual({
      sent: shown(20),
      responseRate: rate(11, 20, 0.55),
      didRate: { numerator: null, denominator: 20, rate: null, suppressed: true },
    });
  });

  it('computes practice and KPI change per checkpoint, direction taken into account (coached arm)', () => {
    const o = report.outcomes;
    expect(o.arm).toBe('coached');
    // Consenting coached leaders: L1–L6 (L9 opted out) = 6, all with an experiment.
    expect(o.people).toEqual(shown(6));
    expect(o.withExperiment).toEqual(shown(6));
    const [d30, d60, d90] = o.checkpoints;
    // Day 30 — % of the way to target = (value − baseline) / (target − baseline) × 100:
    //   L1 (4−2)/(6−2) = 50; L2 (7−10)/(4−10) = 50 (hours fell: better); L3 (1−0)/10 = 10; L4 (70−50)/20 = 100;
    //   L5 (2−3)/2 = −50; L6 (9−8)/(4−8) = −25 (hours rose: worse).
    //   mean = (50+50+10+100−50−25)/6 = 135/6 = 22.5; median of [−50,−25,10,50,50,100] = (10+50)/2 = 30.
    //   practice mean = (3+4+2+5+3+4)/6 = 21/6 = 3.5.
    //   improved: L1, L2, L3, L4 = 4 people → suppressed; target reached: L4 alone → suppressed.
    expect(d30).toEqual({
      day: 30,
      respondents: shown(6),
      practiceMean: { value: 3.5, people: 6, suppressed: false },
      pctOfTargetMean: { value: 22.5, people: 6, suppressed: false },
      pctOfTargetMedian: { value: 30, people: 6, suppressed: false },
      improved: { numerator: null, denominator: 6, rate: null, suppressed: true },
      reachedTarget: { numerator: null, denominator: 6, rate: null, suppressed: true },
    });
    // Day 60 — L1 (5−2)/4 = 75; L2 (4−10)/(−6) = 100; L3 5/10 = 50; L4 16/20 = 80; L5 (4−3)/2 = 50.
    //   mean = 355/5 = 71; median of [50,50,75,80,100] = 75; practice (4+4+3+5+4)/5 = 4.0;
    //   improved 5 of 5 = 1; reached: L2 alone → suppressed.
    expect(d60).toEqual({
      day: 60,
      respondents: shown(5),
      practiceMean: { value: 4, people: 5, suppressed: false },
      pctOfTargetMean: { value: 71, people: 5, suppressed: false },
      pctOfTargetMedian: { value: 75, people: 5, suppressed: false },
      improved: rate(5, 5, 1),
      reachedTarget: { numerator: null, denominator: 5, rate: null, suppressed: true },
    });
    // Day 90 — 5 answered (L5 only clicked practice): practice (5+5+4+5+3)/5 = 22/5 = 4.4 is shown, but only
    //   4 KPI values: every KPI figure of the cell is suppressed.
    expect(d90).toEqual({
      day: 90,
      respondents: shown(5),
      practiceMean: { value: 4.4, people: 5, suppressed: false },
      pctOfTargetMean: { value: null, people: null, suppressed: true },
      pctOfTargetMedian: { value: null, people: null, suppressed: true },
      improved: { numerator: null, denominator: null, rate: null, suppressed: true },
      reachedTarget: { numerator: null, denominator: null, rate: null, suppressed: true },
    });
  });

  it('gives KPI deltas only in groups of five or more that share a unit and a direction', () => {
    // "ideas": L1, L3, L4 ("Ideas "), L5 where higher is better = 4 leaders, and L6 where lower is better = 1;
    // "hours": L2 alone. No group reaches 5 (mixing L6's "lower is better" into the others would average
    // opposite directions), so no unit table; the 6 leaders all count under other units.
    expect(report.outcomes.kpiByUnit).toEqual([]);
    expect(report.outcomes.otherUnits).toEqual(shown(6));
  });

  it('sets coached and control side by side, with the difference', () => {
    const c = report.comparison!;
    expect(c.control.people).toEqual(shown(5));
    // Control day 30: (2,3,2,4,3) on 2 → 6: 0, 25, 0, 50, 25 → mean 100/5 = 20; practice (2+2+3+1+2)/5 = 2.
    // Control day 60: (3,3,2,4,4): 25, 25, 0, 50, 50 → 150/5 = 30; practice (2+3+2+2+3)/5 = 2.4.
    // Control day 90: C1–C4 only → suppressed.
    expect(c.control.checkpoints.map((x) => [x.pctOfTargetMean.value, x.practiceMean.value])).toEqual([
      [20, 2],
      [30, 2.4],
      [null, null],
    ]);
    expect(c.control.checkpoints[2]!.practiceMean.suppressed).toBe(true);
    expect(c.coached.checkpoints).toEqual(report.outcomes.checkpoints);
    // Differences (coached − control): day 30 22.5 − 20 = 2.5 pp, practice 3.5 − 2 = 1.5;
    // day 60 71 − 30 = 41 pp, practice 4 − 2.4 = 1.6; day 90: suppressed on the control side → suppressed.
    expect(c.difference).toEqual([
      { day: 30, practiceMean: shown(1.5), pctOfTargetMean: shown(2.5) },
      { day: 60, practiceMean: shown(1.6), pctOfTargetMean: shown(41) },
      { day: 90, practiceMean: hidden, pctOfTargetMean: hidden },
    ]);
  });

  it('measures pair health', () => {
    const m = report.mentoring;
    // People in pairs: M1–M4, L1–L4 = 8. Pairs P1–P5 = 5; active P1, P2, P4, P5 (7 people); closed P3 and
    // re-matched P4 involve 2 people each → suppressed.
    expect(m.people).toEqual(shown(8));
    expect(m.pairs).toEqual({ total: shown(5), active: shown(4), closed: hidden, rematched: hidden });
    // Charter: pairs at least 14 days old: P1, P2, P3, P5 (8 people); confirmed: P1, P2, P5 (6 people) → 3/4.
    // Days to confirmation: P1 5, P2 10, P5 8, P4 2 → median of [2,5,8,10] = 6.5, over 7 people (M1 twice).
    expect(m.charter).toEqual({
      completion: rate(3, 4, 0.75),
      eligibleAfterDays: 14,
      medianDaysToComplete: { value: 6.5, people: 7, suppressed: false },
    });
    // Milestones due: P1 ×2, P2 ×1, P5 ×1 = 4 (6 people). On time: P1 m1 (early), P2 m1 (12 h late, within the
    // day), P5 m1 (on the dot) = 3 (6 people) → 0.75. Late: P1 m2 (2 people) → suppressed. Unconfirmed: 0.
    expect(m.milestones).toEqual({ onTime: rate(3, 4, 0.75), late: hidden, unconfirmed: shown(0) });
    // Alerts: P1, P2, P3, P5 = 4 (8 people). Acted on: P1 10 h, P2 20 h, P3 6 h (6 people) → 3/4, median 10 h.
    // Awaiting a decision: P5 (2 people) → suppressed.
    expect(m.alerts).toEqual({
      raised: shown(4),
      awaitingDecision: hidden,
      actedOn: rate(3, 4, 0.75),
      medianHoursToAction: { value: 10, people: 6, suppressed: false },
    });
    expect(m.optOuts).toEqual(shown(0));
  });

  it('measures weekly budget use', () => {
    // Person-weeks with budgeted messages: L1–L5 × weeks 15 and 16 = 10 (5 people).
    // Messages: L1 W15 2+1 = 3, L2 W15 2+2 = 4, the other 8 person-weeks 2 each → (3 + 4 + 16) / 10 = 2.3;
    // share of the budget of 3: 2.3 / 3 = 0.76666… → 0.7667. At or over the budget: L1 and L2 (2 people) and
    // over it: L2 alone → suppressed.
    expect(report.budget).toEqual({
      weeklyBudget: 3,
      personWeeks: shown(10),
      meanPerPersonWeek: { value: 2.3, people: 5, suppressed: false },
      meanShareOfBudget: { value: 0.7667, people: 5, suppressed: false },
      atBudget: { numerator: null, denominator: 10, rate: null, suppressed: true },
      overBudget: { numerator: null, denominator: 10, rate: null, suppressed: true },
    });
  });

  it('computes ROI in four steps from the program settings', () => {
    // Baseline 10 exits, current 8, lower is better → delta 10 − 8 = 2; 30 % attributed → 0.6 exits;
    // × 120,000 = 72,000; ROI = (72,000 − 30,000) / 30,000 = 1.4.
    expect(report.roi.status).toBe('complete');
    expect(report.roi.steps).toEqual({
      baseline: 10,
      current: 8,
      delta: 2,
      attributionPercent: 30,
      attributableUnits: 0.6,
      valuePerUnit: 120_000,
      attributableValue: 72_000,
      programCost: 30_000,
      netValue: 42_000,
      roi: 1.4,
    });
    // The latest checkpoint with a shown coached − control difference is day 60: 41 pp.
    expect(report.roi.notes).toEqual([
      'Measured beside it: at day 60, coached leaders were 41.0 percentage points further along the way to their KPI targets than the control arm.',
    ]);
  });

  it('is the same report when computed again from the same rows (pure)', async () => {
    const data = await store.reports.dataset(program.id);
    expect(buildOutcomeReport(program, data, AS_OF)).toEqual(report);
    expect(JSON.stringify(data)).not.toMatch(/example\.com|Leader \d|"L\d"|T0REPORTS/);
  });
});
