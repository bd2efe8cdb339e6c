import { DAY, HOUR } from '../../core/clock.js';
import { kpiImprovement, kpiProgress } from '../../core/experiment.js';
import { answerWindowMs, type MeetingAnswer, meetingTally } from '../../core/meetings.js';
import type { Arm } from '../../core/participant.js';
import type {
  ProgramRecord,
  ReportCheckinRow,
  ReportDataset,
  ReportExperimentRow,
  ReportPairRow,
  ReportPersonRow,
  ReportSurveyRow,
} from '../../store/types.js';
import { type BalanceTable, buildBalance } from './balance.js';
import { buildEvidence, type EvidenceReport } from './evidence.js';
import {
  countFigure,
  differenceFigure,
  type Figure,
  MIN_GROUP,
  meanOf,
  medianOf,
  type Rate,
  rateFigure,
  type Stat,
  statFigure,
} from './figures.js';
import { computeRoi, type RoiReport } from './roi-steps.js';
import { chosenExperiments, isLeader, localDate, measuredExperiments } from './selection.js';
import { buildTimeline, type Timeline } from './timeline.js';

export { chosenExperiments, isLeader };

export const REPORT_SCHEMA = 'coachloop.outcome-report/1';

export interface FunnelStep {
  key: string;
  label: string;
  count: Figure;
  /** This step as a share of everyone invited. */
  ofInvited: Rate;
}

export interface CheckpointOutcome {
  day: number;
  /** People who answered this checkpoint. */
  respondents: Figure;
  /** Practice frequency, 1 (not yet) to 5 (daily). */
  practiceMean: Stat;
  /** KPI change as % of the way from baseline to target (0 = baseline, 100 = target reached; negative = worse). */
  pctOfTargetMean: Stat;
  pctOfTargetMedian: Stat;
  /** Share of those who gave a KPI value whose KPI improved (direction taken into account). */
  improved: Rate;
  /** Share of those who gave a KPI value who reached their target. */
  reachedTarget: Rate;
}

export interface ArmOutcome {
  arm: Arm;
  /** Leaders of this arm whose consent stands. */
  people: Figure;
  /** …of whom have set an experiment. */
  withExperiment: Figure;
  checkpoints: CheckpointOutcome[];
}

export interface KpiUnitGroup {
  unit: string;
  /** Groups never mix KPIs where higher is better with ones where lower is better. */
  direction: ReportExperimentRow['kpiDirection'];
  people: Figure;
  baselineMean: Stat;
  targetMean: Stat;
  /** Mean change in the unit, signed so that positive is better, and the mean value reached. */
  checkpoints: { day: number; valueMean: Stat; improvementMean: Stat }[];
}

export interface OutcomeReport {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  program: {
    name: string;
    title: string | null;
    version: number;
    timezone: string;
    lengthWeeks: number;
    checkpointDays: number[];
    weeklyBudget: number;
  };
  privacy: { minGroupSize: number; rule: string };
  funnel: {
    invited: Figure;
    /** Accepted at some point: still in, or opted out later. */
    consented: Figure;
    consent: { accepted: Figure; declined: Figure; optedOut: Figure; pending: Figure };
    consentRate: Rate;
    medianDaysToConsent: Stat;
    experimentSet: Figure;
    steps: FunnelStep[];
    /** First and last invitation date (program time zone), when at least MIN_GROUP people were invited. */
    invitedFrom: string | null;
    invitedTo: string | null;
    /** People in the program who are not in the funnel: mentors, curators or admins without a leader role. */
    otherPeople: Figure;
  };
  responses: {
    /** Answered / sent, per checkpoint day, all leaders. */
    checkpoints: { day: number; rate: Rate }[];
    nudges: { sent: Figure; responseRate: Rate; didRate: Rate };
  };
  outcomes: ArmOutcome & { kpiByUnit: KpiUnitGroup[]; otherUnits: Figure };
  comparison: {
    coached: ArmOutcome;
    control: ArmOutcome;
    /** Coached minus control. */
    difference: { day: number; practiceMean: Figure; pctOfTargetMean: Figure }[];
  } | null;
  mentoring: {
    people: Figure;
    pairs: { total: Figure; active: Figure; closed: Figure; rematched: Figure };
    charter: { completion: Rate; eligibleAfterDays: number; medianDaysToComplete: Stat };
    milestones: { onTime: Rate; late: Figure; unconfirmed: Figure };
    alerts: { raised: Figure; awaitingDecision: Figure; actedOn: Rate; medianHoursToAction: Stat };
    optOuts: Figure;
    /** Matching: the curators' decisions on proposals, time to a pair, no-fault exits, re-matches after alerts. */
    matching: {
      proposals: { total: Figure; approved: Figure; changed: Figure; rejected: Figure; open: Figure };
      /** Mentees: enrolment (invitation, else first contact) to their first pair. */
      medianDaysToPair: Stat;
      /** Pairs in which a member asked for a new match (no fault). */
      noFaultExits: Figure;
      /** Curator alerts followed by a new pair for the mentee within 30 days. */
      rematchedWithin30Days: Rate;
      /** From the pair check-ins: meetings held of those expected (skipped rounds not expected), over all pairs. */
      meetingsHeld: Rate;
      /** Each pair's own meeting rate (held of expected, in %), the median over pairs expected to meet. */
      medianPairMeetingRate: Stat;
    };
  };
  budget: {
    weeklyBudget: number;
    personWeeks: Figure;
    meanPerPersonWeek: Stat;
    meanShareOfBudget: Stat;
    atBudget: Rate;
    overBudget: Rate;
  };
  roi: RoiReport;
  /** The decision rule, per-arm flow, the effect with its interval, and the verdict. */
  evidence: EvidenceReport;
  /** How the arms were assigned and how they compare at the start. */
  balance: BalanceTable;
  /** Launch, checkpoints, draws, reviews, rule changes and the confounder log, by date. */
  timeline: Timeline;
}

export const PRIVACY_RULE =
  `Figures describing fewer than ${MIN_GROUP} people are suppressed: counts of 1–${MIN_GROUP - 1} people, ` +
  `means and medians over fewer than ${MIN_GROUP} contributors, and shares whose numerator or denominator ` +
  `covers 1–${MIN_GROUP - 1} people. For pairs, milestones and alerts the people are the mentors and mentees involved.`;

interface Context {
  days: number[];
  experimentOf: Map<string, ReportExperimentRow>;
  surveyOf: (experimentId: string, day: number) => ReportSurveyRow | undefined;
}

function checkpointOutcome(people: readonly ReportPersonRow[], day: number, ctx: Context): CheckpointOutcome {
  const practices: number[] = [];
  const pcts: number[] = [];
  let respondents = 0;
  let improved = 0;
  let reached = 0;
  for (const person of people) {
    const experiment = ctx.experimentOf.get(person.id);
    const survey = experiment && ctx.surveyOf(experiment.id, day);
    if (!experiment || survey?.status !== 'answered') continue;
    respondents += 1;
    if (survey.practice !== null) practices.push(survey.practice);
    if (survey.kpiValue !== null) {
      const progress = kpiProgress(experiment, survey.kpiValue);
      pcts.push(progress * 100);
      if (kpiImprovement(experiment, survey.kpiValue) > 0) improved += 1;
      if (progress >= 1) reached += 1;
    }
  }
  return {
    day,
    respondents: countFigure(respondents),
    practiceMean: statFigure(practices, meanOf),
    pctOfTargetMean: statFigure(pcts, meanOf),
    pctOfTargetMedian: statFigure(pcts, medianOf),
    improved: rateFigure(improved, pcts.length),
    reachedTarget: rateFigure(reached, pcts.length),
  };
}

function armOutcome(leaders: readonly ReportPersonRow[], arm: Arm, ctx: Context): ArmOutcome {
  const people = leaders.filter((p) => p.arm === arm && p.consent === 'accepted');
  return {
    arm,
    people: countFigure(people.length),
    withExperiment: countFigure(people.filter((p) => ctx.experimentOf.has(p.id)).length),
    checkpoints: ctx.days.map((day) => checkpointOutcome(people, day, ctx)),
  };
}

function kpiByUnit(
  people: readonly ReportPersonRow[],
  ctx: Context,
): { groups: KpiUnitGroup[]; other: Figure } {
  type UnitGroup = {
    labels: Map<string, number>;
    direction: ReportExperimentRow['kpiDirection'];
    experiments: ReportExperimentRow[];
  };
  const byUnit = new Map<string, UnitGroup>();
  for (const person of people) {
    const experiment = ctx.experimentOf.get(person.id);
    if (!experiment) continue;
    const label = experiment.kpiUnit.trim();
    const key = `${label.toLowerCase()}|${experiment.kpiDirection}`;
    const group: UnitGroup = byUnit.get(key) ?? {
      labels: new Map(),
      direction: experiment.kpiDirection,
      experiments: [],
    };
    group.labels.set(label, (group.labels.get(label) ?? 0) + 1);
    group.experiments.push(experiment);
    byUnit.set(key, group);
  }
  const groups: KpiUnitGroup[] = [];
  let other = 0;
  for (const { labels, direction, experiments } of [...byUnit.values()].sort(
    (a, b) => b.experiments.length - a.experiments.length,
  )) {
    // A unit is typed by the leaders: it is shown only when at least MIN_GROUP people share it.
    if (experiments.length < MIN_GROUP) {
      other += experiments.length;
      continue;
    }
    const unit = [...labels.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    groups.push({
      unit,
      direction,
      people: countFigure(experiments.length),
      baselineMean: statFigure(
        experiments.map((e) => e.kpiBaseline),
        meanOf,
      ),
      targetMean: statFigure(
        experiments.map((e) => e.kpiTarget),
        meanOf,
      ),
      checkpoints: ctx.days.map((day) => {
        const values: number[] = [];
        const improvements: number[] = [];
        for (const e of experiments) {
          const survey = ctx.surveyOf(e.id, day);
          if (survey?.status !== 'answered' || survey.kpiValue === null) continue;
          values.push(survey.kpiValue);
          improvements.push(kpiImprovement(e, survey.kpiValue));
        }
        return {
          day,
          valueMean: statFigure(values, meanOf),
          improvementMean: statFigure(improvements, meanOf),
        };
      }),
    });
  }
  return { groups, other: countFigure(other) };
}

function peopleIn(pairs: Iterable<ReportPairRow>): number {
  const people = new Set<string>();
  for (const pair of pairs) {
    people.add(pair.mentorId);
    people.add(pair.menteeId);
  }
  return people.size;
}

function mentoringFigures(
  program: ProgramRecord,
  data: ReportDataset,
  asOf: number,
): OutcomeReport['mentoring'] {
  const pairs = data.pairs;
  const pairById = new Map(pairs.map((p) => [p.id, p]));
  const pairsOf = <T extends { pairId: string }>(rows: readonly T[]) =>
    [...new Set(rows.map((r) => r.pairId))]
      .map((id) => pairById.get(id))
      .filter((p): p is ReportPairRow => p !== undefined);
  const pairCount = (subset: readonly ReportPairRow[]) => countFigure(subset.length, peopleIn(subset));

  const eligibleAfterDays = program.settings.engagement?.charterDueDays ?? 14;
  const eligible = pairs.filter((p) => p.createdAt <= asOf - eligibleAfterDays * DAY);
  const completed = eligible.filter((p) => p.charterConfirmedAt !== null && p.charterConfirmedAt <= asOf);
  const confirmed = pairs.filter((p) => p.charterConfirmedAt !== null);

  // A milestone is due once its due moment has passed while its pair was still running.
  const due = data.milestones.filter((m) => {
    const pair = pairById.get(m.pairId);
    if (!pair || m.dueAt > asOf) return false;
    return pair.status === 'active' || (pair.closedAt !== null && m.dueAt <= pair.closedAt);
  });
  // On time: confirmed no later than a day after the due moment (the engagement score's own grace).
  const onTime = due.filter((m) => m.confirmedAt !== null && m.confirmedAt <= m.dueAt + DAY);
  const late = due.filter((m) => m.confirmedAt !== null && m.confirmedAt > m.dueAt + DAY);
  const unconfirmed = due.filter((m) => m.confirmedAt === null);

  const alerts = data.alerts.filter((a) => pairById.has(a.pairId));
  const acted = alerts.filter((a) => a.actedOn && a.handledAt !== null);
  const awaiting = alerts.filter((a) => a.status === 'open');

  const paired = new Set(pairs.flatMap((p) => [p.mentorId, p.menteeId]));
  const optOuts = data.people.filter((p) => paired.has(p.id) && p.consent === 'opted_out').length;

  return {
    people: countFigure(paired.size),
    pairs: {
      total: pairCount(pairs),
      active: pairCount(pairs.filter((p) => p.status === 'active')),
      closed: pairCount(pairs.filter((p) => p.status === 'closed')),
      rematched: pairCount(pairs.filter((p) => p.replacesPairId !== null)),
    },
    charter: {
      completion: rateFigure(completed.length, eligible.length, peopleIn(completed), peopleIn(eligible)),
      eligibleAfterDays,
      medianDaysToComplete: statFigure(
        confirmed.map((p) => (p.charterConfirmedAt! - p.createdAt) / DAY),
        medianOf,
        peopleIn(confirmed),
      ),
    },
    milestones: {
      onTime: rateFigure(onTime.length, due.length, peopleIn(pairsOf(onTime)), peopleIn(pairsOf(due))),
      late: countFigure(late.length, peopleIn(pairsOf(late))),
      unconfirmed: countFigure(unconfirmed.length, peopleIn(pairsOf(unconfirmed))),
    },
    alerts: {
      raised: countFigure(alerts.length, peopleIn(pairsOf(alerts))),
      awaitingDecision: countFigure(awaiting.length, peopleIn(pairsOf(awaiting))),
      actedOn: rateFigure(acted.length, alerts.length, peopleIn(pairsOf(acted)), peopleIn(pairsOf(alerts))),
      medianHoursToAction: statFigure(
        acted.map((a) => (a.handledAt! - a.createdAt) / HOUR),
        medianOf,
        peopleIn(pairsOf(acted)),
      ),
    },
    optOuts: countFigure(optOuts),
    matching: matchingFigures(data, pairById, asOf),
  };
}

function matchingFigures(data: ReportDataset, pairById: ReadonlyMap<string, ReportPairRow>, asOf: number) {
  const proposals = data.proposals ?? [];
  const proposalCount = (status?: string) => {
    const rows = proposals.filter((p) => status === undefined || p.status === status);
    const people = new Set(rows.flatMap((p) => [p.menteeId, p.chosenMentorId ?? p.mentorId]));
    return countFigure(rows.length, people.size);
  };
  const firstPair = new Map<string, number>();
  for (const pair of data.pairs)
    firstPair.set(pair.menteeId, Math.min(firstPair.get(pair.menteeId) ?? pair.createdAt, pair.createdAt));
  const mentees = data.people.filter((p) => firstPair.has(p.id) && p.roles.includes('mentee'));
  const daysToPair = mentees.map(
    (p) => Math.max(0, firstPair.get(p.id)! - (p.invitedAt ?? p.createdAt)) / DAY,
  );
  const exits = [...new Set((data.voices ?? []).filter((v) => v.kind === 'new_match').map((v) => v.pairId))]
    .map((id) => pairById.get(id))
    .filter((p): p is ReportPairRow => p !== undefined);
  const alerts = data.alerts.filter((a) => pairById.has(a.pairId));
  const rematched = alerts.filter((a) => {
    const pair = pairById.get(a.pairId)!;
    return data.pairs.some(
      (next) =>
        next.menteeId === pair.menteeId &&
        next.id !== pair.id &&
        next.createdAt >= a.createdAt &&
        next.createdAt <= a.createdAt + 30 * DAY,
    );
  });
  const alertPairs = (subset: typeof alerts) =>
    peopleIn(subset.map((a) => pairById.get(a.pairId)!).filter(Boolean));
  return {
    proposals: {
      total: proposalCount(),
      approved: proposalCount('approved'),
      changed: proposalCount('changed'),
      rejected: proposalCount('rejected'),
      open: proposalCount('open'),
    },
    medianDaysToPair: statFigure(daysToPair, medianOf, mentees.length),
    noFaultExits: countFigure(exits.length, peopleIn(exits)),
    rematchedWithin30Days: rateFigure(
      rematched.length,
      alerts.length,
      alertPairs(rematched),
      alertPairs(alerts),
    ),
    ...meetingFigures(data, pairById, asOf),
  };
}

/** Meetings held against expected, per pair and over all pairs, with the score's own counting rule. */
function meetingFigures(data: ReportDataset, pairById: ReadonlyMap<string, ReportPairRow>, asOf: number) {
  const byPair = new Map<string, ReportCheckinRow[]>();
  for (const row of data.checkins ?? []) {
    if (!pairById.has(row.pairId) || row.askedAt > asOf) continue;
    byPair.set(row.pairId, [...(byPair.get(row.pairId) ?? []), row]);
  }
  const tallies = [...byPair].map(([pairId, rows]) => {
    const rounds = new Map<string, { askedAt: number; answers: (MeetingAnswer | null)[] }>();
    for (const row of rows) {
      const round = rounds.get(row.round) ?? { askedAt: row.askedAt, answers: [] };
      round.answers.push(row.answer);
      rounds.set(row.round, round);
    }
    return {
      pair: pairById.get(pairId)!,
      tally: meetingTally([...rounds.values()], asOf, answerWindowMs(rows[0]!.cadence)),
    };
  });
  const expected = tallies.filter((t) => t.tally.expected > 0);
  const met = expected.filter((t) => t.tally.met > 0);
  return {
    meetingsHeld: rateFigure(
      expected.reduce((sum, t) => sum + t.tally.met, 0),
      expected.reduce((sum, t) => sum + t.tally.expected, 0),
      peopleIn(met.map((t) => t.pair)),
      peopleIn(expected.map((t) => t.pair)),
    ),
    medianPairMeetingRate: statFigure(
      expected.map((t) => (100 * t.tally.met) / t.tally.expected),
      medianOf,
      peopleIn(expected.map((t) => t.pair)),
    ),
  };
}

function budgetFigures(weeklyBudget: number, data: ReportDataset): OutcomeReport['budget'] {
  const rows = data.budgetWeeks;
  const peopleOf = (subset: typeof rows) => new Set(subset.map((r) => r.participantId)).size;
  const people = peopleOf(rows);
  const at = rows.filter((r) => r.messages >= weeklyBudget);
  const over = rows.filter((r) => r.messages > weeklyBudget);
  return {
    weeklyBudget,
    personWeeks: countFigure(rows.length, people),
    meanPerPersonWeek: statFigure(
      rows.map((r) => r.messages),
      meanOf,
      people,
    ),
    meanShareOfBudget: statFigure(
      rows.map((r) => r.messages / weeklyBudget),
      meanOf,
      people,
    ),
    atBudget: rateFigure(at.length, rows.length, peopleOf(at), people),
    overBudget: rateFigure(over.length, rows.length, peopleOf(over), people),
  };
}

/** The outcome report of one program: pure, from the rows the store read and the moment it describes. */
export function buildOutcomeReport(program: ProgramRecord, data: ReportDataset, asOf: number): OutcomeReport {
  const settings = program.settings;
  const days = [...settings.checkpointDays];
  const experimentOf = chosenExperiments(measuredExperiments(data));
  const surveys = new Map(data.surveys.map((s) => [`${s.experimentId}/${s.checkpointDay}`, s]));
  const ctx: Context = {
    days,
    experimentOf,
    surveyOf: (experimentId, day) => surveys.get(`${experimentId}/${day}`),
  };

  const leaders = data.people.filter(isLeader);
  const invited = leaders.length;
  const byConsent = (state: ReportPersonRow['consent']) => leaders.filter((p) => p.consent === state).length;
  const parts = {
    accepted: byConsent('accepted'),
    declined: byConsent('declined'),
    optedOut: byConsent('opted_out'),
    pending: byConsent('pending'),
  };
  const consented = parts.accepted + parts.optedOut;
  const withExperiment = leaders.filter((p) => experimentOf.has(p.id)).length;
  const answeredAt = (day: number) =>
    leaders.filter((p) => {
      const e = experimentOf.get(p.id);
      return e !== undefined && ctx.surveyOf(e.id, day)?.status === 'answered';
    }).length;
  const step = (key: string, label: string, n: number): FunnelStep => ({
    key,
    label,
    count: countFigure(n),
    ofInvited: rateFigure(n, invited),
  });
  const invitedAt = leaders.map((p) => p.invitedAt ?? p.createdAt).sort((a, b) => a - b);
  const daysToConsent = leaders
    .filter((p) => p.consent === 'accepted' && p.consentAt !== null)
    .map((p) => Math.max(0, p.consentAt! - (p.invitedAt ?? p.createdAt)) / DAY);

  const sentAt = (day: number) =>
    leaders.filter((p) => {
      const e = experimentOf.get(p.id);
      const s = e && ctx.surveyOf(e.id, day);
      return s !== undefined && (s.sentAt !== null || s.status === 'answered');
    }).length;

  const nudgeRows = data.nudges;
  const nudgePeople = (pick: (r: (typeof nudgeRows)[number]) => number) =>
    nudgeRows.filter((r) => pick(r) > 0).length;
  const total = (pick: (r: (typeof nudgeRows)[number]) => number) =>
    nudgeRows.reduce((sum, r) => sum + pick(r), 0);

  const hasControl = leaders.some((p) => p.arm === 'control');
  const coached = armOutcome(leaders, 'coached', ctx);
  const units = kpiByUnit(
    leaders.filter((p) => p.arm === 'coached' && p.consent === 'accepted'),
    ctx,
  );
  let comparison: OutcomeReport['comparison'] = null;
  if (hasControl) {
    const control = armOutcome(leaders, 'control', ctx);
    comparison = {
      coached,
      control,
      difference: days.map((day, i) => ({
        day,
        practiceMean: differenceFigure(
          coached.checkpoints[i]!.practiceMean,
          control.checkpoints[i]!.practiceMean,
        ),
        pctOfTargetMean: differenceFigure(
          coached.checkpoints[i]!.pctOfTargetMean,
          control.checkpoints[i]!.pctOfTargetMean,
        ),
      })),
    };
  }
  const latestDifference = comparison?.difference.filter((d) => d.pctOfTargetMean.value !== null).at(-1);

  return {
    schema: REPORT_SCHEMA,
    generatedAt: new Date(asOf).toISOString(),
    program: {
      name: program.name,
      title: settings.title ?? null,
      version: program.version,
      timezone: settings.timezone,
      lengthWeeks: settings.lengthWeeks,
      checkpointDays: days,
      weeklyBudget: settings.weeklyBudget,
    },
    privacy: { minGroupSize: MIN_GROUP, rule: PRIVACY_RULE },
    funnel: {
      invited: countFigure(invited),
      consented: countFigure(consented),
      consent: {
        accepted: countFigure(parts.accepted),
        declined: countFigure(parts.declined),
        optedOut: countFigure(parts.optedOut),
        pending: countFigure(parts.pending),
      },
      consentRate: rateFigure(consented, invited),
      medianDaysToConsent: statFigure(daysToConsent, medianOf),
      experimentSet: countFigure(withExperiment),
      steps: [
        step('invited', 'Invited', invited),
        step('consented', 'Consented', consented),
        step('experiment', 'Experiment set', withExperiment),
        ...days.map((day) => step(`day-${day}`, `Answered day ${day}`, answeredAt(day))),
      ],
      invitedFrom: invited >= MIN_GROUP ? localDate(invitedAt[0]!, settings.timezone) : null,
      invitedTo: invited >= MIN_GROUP ? localDate(invitedAt.at(-1)!, settings.timezone) : null,
      otherPeople: countFigure(data.people.length - invited),
    },
    responses: {
      checkpoints: days.map((day) => ({ day, rate: rateFigure(answeredAt(day), sentAt(day)) })),
      nudges: {
        sent: countFigure(
          total((r) => r.sent),
          nudgePeople((r) => r.sent),
        ),
        responseRate: rateFigure(
          total((r) => r.answered),
          total((r) => r.sent),
          nudgePeople((r) => r.answered),
          nudgePeople((r) => r.sent),
        ),
        didRate: rateFigure(
          total((r) => r.did),
          total((r) => r.sent),
          nudgePeople((r) => r.did),
          nudgePeople((r) => r.sent),
        ),
      },
    },
    outcomes: { ...coached, kpiByUnit: units.groups, otherUnits: units.other },
    comparison,
    mentoring: mentoringFigures(program, data, asOf),
    budget: budgetFigures(settings.weeklyBudget, data),
    roi: computeRoi(settings.roi, {
      hasControl,
      controlDifference: latestDifference
        ? { day: latestDifference.day, points: latestDifference.pctOfTargetMean.value! }
        : null,
    }),
    evidence: buildEvidence(program, data),
    balance: buildBalance(program, data),
    timeline: buildTimeline(program, data, asOf),
  };
}
