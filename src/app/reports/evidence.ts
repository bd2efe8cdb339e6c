import {
  decideVerdict,
  type EvaluationChange,
  type EvaluationSettings,
  evaluationChanges,
  evaluationDeviations,
  OUTCOME_INFO,
  type OutcomeMeasure,
  ruleInForceAt,
  VERDICT_WORDS,
  type Verdict,
  type VerdictBasis,
} from '../../core/evaluation.js';
import { kpiProgress } from '../../core/experiment.js';
import type { Arm } from '../../core/participant.js';
import {
  type EffectSizeWord,
  effectSizeWord,
  type GroupSummary,
  hedgesG,
  summarize,
  welchInterval,
} from '../../core/statistics.js';
import type {
  ProgramRecord,
  ReportDataset,
  ReportExperimentRow,
  ReportPersonRow,
  Store,
} from '../../store/types.js';
import { countFigure, type Figure, MIN_GROUP, round } from './figures.js';
import { chosenExperiments, coachingStarts, isLeader, localDate, measuredExperiments } from './selection.js';

/**
 * The evidence section: the decision rule, who was enrolled and who was lost per arm, the effect with its
 * interval and standardized size, and the verdict with its one-sentence reason. Pure, from the dataset.
 */

export const MISSING_DATA_RULE =
  'Complete cases: each leader counts with the value they gave at the checkpoint. Leaders without one — who ' +
  'declined or never answered the consent request, opted out, set no experiment, missed the checkpoint or ' +
  'answered it without the value — are left out, not filled in; the counts below show how many per arm. ' +
  'Wait-list leaders count with what they answered before their own coaching began.';

export interface LostCounts {
  /** Declined consent, or never answered the consent request. */
  noConsent: Figure;
  optedOut: Figure;
  noExperiment: Figure;
  /** The checkpoint survey was missed (not answered in time). */
  missed: Figure;
  /** Answered without the value this outcome needs (e.g. practice given, KPI left out). */
  noValue: Figure;
}

export interface ArmFlow {
  arm: Arm;
  /** Leaders in the arm: everyone invited, whatever happened next. */
  enrolled: Figure;
  withData: Figure;
  /** Enrolled leaders left out of the estimate, in total and why. */
  lost: Figure;
  lostBecause: LostCounts;
  /** Not lost yet: the checkpoint is still open or not due. */
  pending: Figure;
}

export interface OutcomeEstimate {
  outcome: OutcomeMeasure;
  label: string;
  unit: string;
  day: number;
  /** Per-arm mean and SD; null when the arm has fewer than 5 values (or none). */
  coached: GroupSummary | null;
  control: GroupSummary | null;
  /** Coached − control, with its Welch interval; null when an arm is suppressed or empty. */
  difference: number | null;
  lower: number | null;
  upper: number | null;
  levelPercent: number;
  df: number | null;
  hedgesG: number | null;
  effectSize: EffectSizeWord | null;
  /** Why there is no estimate, when there is none. */
  note: string | null;
}

export interface VerdictReport {
  verdict: Verdict;
  word: string;
  basis: VerdictBasis;
  reason: string;
}

export interface EvidenceReport {
  /** The rule the verdict uses (the program's current one); null when the program has none. */
  rule: EvaluationSettings | null;
  /** First enrolment: the moment the rule was fixed (local date), null before anyone was enrolled. */
  launchedOn: string | null;
  ruleAtLaunch: EvaluationSettings | null;
  deviations: { on: string; version: number; changes: EvaluationChange[] }[];
  flows: { coached: ArmFlow; control: ArmFlow } | null;
  primary: OutcomeEstimate | null;
  secondary: OutcomeEstimate[];
  verdict: VerdictReport;
  /** With deviations: what the rule fixed at launch would have said. */
  verdictUnderLaunchRule: VerdictReport | null;
  missingData: string;
  /** Set when the share lost differs a lot between the arms (a possible bias). */
  attritionWarning: string | null;
  midReview: { firstRunOn: string | null; runs: number };
}

/** When the first leader was enrolled (invited, or first seen): the rule is fixed from then on. */
export function firstEnrolmentAt(people: readonly ReportPersonRow[]): number | null {
  const times = people.filter(isLeader).map((p) => p.invitedAt ?? p.createdAt);
  return times.length > 0 ? Math.min(...times) : null;
}

/** Where one leader stands at one checkpoint for one outcome. */
type Standing = { value: number } | { lost: keyof LostCounts } | { pending: true };

/** The dataset as the evaluation reads it: study arms, and each leader's measured experiment. */
export interface EvaluationSample {
  leaders: ReportPersonRow[];
  standing(person: ReportPersonRow, day: number, outcome: OutcomeMeasure): Standing;
}

export function evaluationSample(data: ReportDataset): EvaluationSample {
  const coachedAt = coachingStarts(data);
  const experimentOf = chosenExperiments(measuredExperiments(data));
  const surveys = new Map(data.surveys.map((s) => [`${s.experimentId}/${s.checkpointDay}`, s]));
  const leaders = data.people.filter(isLeader);
  const standing = (person: ReportPersonRow, day: number, outcome: OutcomeMeasure): Standing => {
    if (person.consent === 'opted_out') return { lost: 'optedOut' };
    if (person.consent !== 'accepted') return { lost: 'noConsent' };
    const experiment: ReportExperimentRow | undefined = experimentOf.get(person.id);
    if (!experiment) return { lost: 'noExperiment' };
    const survey = surveys.get(`${experiment.id}/${day}`);
    const from = coachedAt.get(person.id);
    const inTime = from === undefined || (survey?.answeredAt ?? 0) < from;
    if (survey?.status === 'answered' && inTime) {
      const value =
        outcome === 'practice'
          ? survey.practice
          : survey.kpiValue === null
            ? null
            : kpiProgress(experiment, survey.kpiValue) * 100;
      return value === null ? { lost: 'noValue' } : { value };
    }
    if (survey?.status === 'missed' || (survey?.status === 'answered' && !inTime)) return { lost: 'missed' };
    return experiment.status === 'active' || experiment.status === 'paused' || survey !== undefined
      ? { pending: true }
      : { lost: 'missed' };
  };
  return { leaders, standing };
}

function armFlow(sample: EvaluationSample, arm: Arm, day: number, outcome: OutcomeMeasure): ArmFlow {
  const people = sample.leaders.filter((p) => p.arm === arm);
  const lost: Record<keyof LostCounts, number> = {
    noConsent: 0,
    optedOut: 0,
    noExperiment: 0,
    missed: 0,
    noValue: 0,
  };
  let withData = 0;
  let pending = 0;
  for (const person of people) {
    const s = sample.standing(person, day, outcome);
    if ('value' in s) withData += 1;
    else if ('lost' in s) lost[s.lost] += 1;
    else pending += 1;
  }
  const lostTotal = Object.values(lost).reduce((sum, n) => sum + n, 0);
  return {
    arm,
    enrolled: countFigure(people.length),
    withData: countFigure(withData),
    lost: countFigure(lostTotal),
    lostBecause: {
      noConsent: countFigure(lost.noConsent),
      optedOut: countFigure(lost.optedOut),
      noExperiment: countFigure(lost.noExperiment),
      missed: countFigure(lost.missed),
      noValue: countFigure(lost.noValue),
    },
    pending: countFigure(pending),
  };
}

function valuesOf(sample: EvaluationSample, arm: Arm, day: number, outcome: OutcomeMeasure): number[] {
  const values: number[] = [];
  for (const person of sample.leaders) {
    if (person.arm !== arm) continue;
    const s = sample.standing(person, day, outcome);
    if ('value' in s) values.push(s.value);
  }
  return values;
}

const shown = (summary: GroupSummary): GroupSummary => ({
  n: summary.n,
  mean: round(summary.mean),
  sd: round(summary.sd),
});

/** The effect of coaching on one outcome at one checkpoint: coached − control with its interval. */
export function estimateOutcome(
  sample: EvaluationSample,
  outcome: OutcomeMeasure,
  day: number,
  levelPercent: number,
): OutcomeEstimate & { counts: { coached: number; control: number } } {
  const coached = summarize(valuesOf(sample, 'coached', day, outcome));
  const control = summarize(valuesOf(sample, 'control', day, outcome));
  const base = {
    outcome,
    label: OUTCOME_INFO[outcome].label,
    unit: OUTCOME_INFO[outcome].unit,
    day,
    levelPercent,
    counts: { coached: coached.n, control: control.n },
  };
  const empty = { difference: null, lower: null, upper: null, df: null, hedgesG: null, effectSize: null };
  const small = (['coached', 'control'] as const).filter(
    (arm) => (arm === 'coached' ? coached : control).n < MIN_GROUP,
  );
  if (small.length > 0) {
    return {
      ...base,
      ...empty,
      coached: coached.n >= MIN_GROUP ? shown(coached) : null,
      control: control.n >= MIN_GROUP ? shown(control) : null,
      note: `no estimate: ${small.length === 2 ? 'both arms have' : `the ${small[0]} arm has`} ${
        small.every((arm) => (arm === 'coached' ? coached : control).n === 0)
          ? 'no'
          : `fewer than ${MIN_GROUP}`
      } leaders with data at day ${day}`,
    };
  }
  const interval = welchInterval(coached, control, levelPercent / 100)!;
  const effect = hedgesG(coached, control);
  return {
    ...base,
    coached: shown(coached),
    control: shown(control),
    difference: round(interval.difference),
    lower: round(interval.lower),
    upper: round(interval.upper),
    df: interval.df === null ? null : round(interval.df, 2),
    hedgesG: effect ? round(effect.g, 3) : null,
    effectSize: effect ? effectSizeWord(effect.g) : null,
    note: null,
  };
}

function verdictOf(
  rule: EvaluationSettings | null,
  sample: EvaluationSample,
  hasControl: boolean,
): { verdict: VerdictReport; estimate: ReturnType<typeof estimateOutcome> | null } {
  const estimate = rule
    ? estimateOutcome(sample, rule.primary.outcome, rule.primary.day, rule.intervalLevel)
    : null;
  const result = decideVerdict({
    rule,
    hasControl,
    withData: estimate?.counts ?? { coached: 0, control: 0 },
    interval:
      estimate && estimate.lower !== null && estimate.upper !== null
        ? { lower: estimate.lower, upper: estimate.upper }
        : null,
  });
  return { verdict: { ...result, word: VERDICT_WORDS[result.verdict] }, estimate };
}

/** A difference of more than this many points in the share lost between the arms is called out. */
export const ATTRITION_GAP = 0.15;

function attritionWarning(flows: { coached: ArmFlow; control: ArmFlow }, day: number): string | null {
  const share = (f: ArmFlow) =>
    f.enrolled.value && f.lost.value !== null ? f.lost.value / f.enrolled.value : null;
  const coached = share(flows.coached);
  const control = share(flows.control);
  if (coached === null || control === null || Math.abs(coached - control) <= ATTRITION_GAP) return null;
  const more = coached > control ? 'coached' : 'control';
  return `The ${more} arm lost a larger share of its leaders by day ${day} (${Math.round(coached * 100)}% coached against ${Math.round(control * 100)}% control): if those who dropped out differ from those who stayed, the estimate may be biased.`;
}

export function buildEvidence(program: ProgramRecord, data: ReportDataset): EvidenceReport {
  const zone = program.settings.timezone;
  const rule = program.settings.evaluation ?? null;
  const launchedAt = firstEnrolmentAt(data.people);
  const sample = evaluationSample(data);
  const hasControl = sample.leaders.some((p) => p.arm === 'control');
  const { verdict, estimate } = verdictOf(rule, sample, hasControl);
  const deviations = evaluationDeviations(data.programVersions, launchedAt);
  const ruleAtLaunch = launchedAt === null ? null : ruleInForceAt(data.programVersions, launchedAt);
  const flows =
    rule && hasControl
      ? {
          coached: armFlow(sample, 'coached', rule.primary.day, rule.primary.outcome),
          control: armFlow(sample, 'control', rule.primary.day, rule.primary.outcome),
        }
      : null;
  const mids = data.reviews.filter((r) => r.stage === 'mid');
  const strip = (e: ReturnType<typeof estimateOutcome>): OutcomeEstimate => {
    const { counts: _counts, ...rest } = e;
    return rest;
  };
  return {
    rule,
    launchedOn: launchedAt === null ? null : localDate(launchedAt, zone),
    ruleAtLaunch,
    deviations: deviations.map((d) => ({
      on: localDate(d.at, zone),
      version: d.version,
      changes: d.changes,
    })),
    flows,
    primary: estimate && hasControl ? strip(estimate) : null,
    secondary:
      rule && hasControl
        ? rule.secondary.map((s) => strip(estimateOutcome(sample, s.outcome, s.day, rule.intervalLevel)))
        : [],
    verdict,
    verdictUnderLaunchRule:
      deviations.length > 0 && ruleAtLaunch ? verdictOf(ruleAtLaunch, sample, hasControl).verdict : null,
    missingData: MISSING_DATA_RULE,
    attritionWarning: flows && rule ? attritionWarning(flows, rule.primary.day) : null,
    midReview: {
      firstRunOn: mids.length > 0 ? localDate(Math.min(...mids.map((m) => m.at)), zone) : null,
      runs: mids.length,
    },
  };
}

/**
 * What `program apply` says when a new version changes the decision rule after the first enrolment: the
 * change is a deviation, and the report will show it next to the verdict. Null when it is not one.
 */
export async function evaluationDeviationNote(
  store: Store,
  before: ProgramRecord,
  after: ProgramRecord,
): Promise<string | null> {
  const changes = evaluationChanges(before.settings.evaluation, after.settings.evaluation);
  if (changes.length === 0) return null;
  const launchedAt = firstEnrolmentAt((await store.reports.dataset(after.id)).people);
  if (launchedAt === null || launchedAt >= after.updatedAt) return null;
  return (
    `the decision rule changed after the first enrolment (${localDate(launchedAt, after.settings.timezone)}): ` +
    `${changes.map((c) => `${c.field} ${c.from ?? 'not set'} → ${c.to ?? 'not set'}`).join('; ')}. ` +
    'This is recorded as a deviation and shown next to the verdict.'
  );
}
