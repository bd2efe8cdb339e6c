import { z } from 'zod';
import { isoDateSchema } from './time.js';

/**
 * A pilot's decision rule, fixed at launch: what is measured, the smallest effect worth scaling, how sure the
 * interval must be, how many leaders each arm needs, and how leaders get their arm. Changes after the first
 * enrolment stay possible, but they are deviations, and the report lists every one next to the verdict.
 */

/** Groups of fewer people are never shown, and an arm this small gets no estimate. */
export const MIN_REPORTED_GROUP = 5;

export const OUTCOME_MEASURES = ['way_to_target', 'practice'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

export const OUTCOME_INFO: Record<OutcomeMeasure, { label: string; unit: string; unitOne: string }> = {
  way_to_target: {
    label: '% of the way from KPI baseline to target',
    unit: 'points',
    unitOne: 'point',
  },
  practice: { label: 'practice frequency (1 = not yet, 5 = daily)', unit: 'points', unitOne: 'point' },
};

export const ASSIGNMENT_METHODS = ['roster', 'randomized', 'staggered'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

/** Roster attributes that arms can be balanced on. */
export const STRATIFIERS = ['department', 'level'] as const;
export type Stratifier = (typeof STRATIFIERS)[number];

const outcomeSchema = z.object({
  outcome: z.enum(OUTCOME_MEASURES, { error: `must be one of ${OUTCOME_MEASURES.join(', ')}` }),
  day: z.number().int().min(1),
});
export type OutcomeChoice = z.output<typeof outcomeSchema>;

export const assignmentSettingsSchema = z.object({
  /**
   * roster: the roster's `arm` column (rows saying `auto` are randomized); randomized: the bot assigns every
   * leader; staggered: randomized, and the control arm is a wait-list that is coached after the window.
   */
  method: z.enum(ASSIGNMENT_METHODS).default('roster'),
  /** Balance the arms within each department and/or level named on the roster. */
  stratifyBy: z
    .array(z.enum(STRATIFIERS))
    .max(STRATIFIERS.length)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'names each attribute once'),
  /** Share of the assigned leaders who go to the control arm. */
  controlPercent: z.number().int().min(10).max(90).default(50),
  /** Makes the assignment reproducible; without it a seed is drawn at the first assignment and recorded. */
  seed: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only')
    .optional(),
  /** Staggered only: the day the wait-list is coached (default: one program length after assignment). */
  waitlistStart: isoDateSchema.optional(),
});
export type AssignmentSettings = z.output<typeof assignmentSettingsSchema>;

export const evaluationSettingsSchema = z.object({
  /** The outcome the verdict is about, at one checkpoint day. */
  primary: outcomeSchema,
  /** The smallest difference (coached − control, in the outcome's units) worth scaling the program for. */
  smallestEffect: z.number().min(0),
  /** Confidence level of the interval, in percent. */
  intervalLevel: z.number().min(50).max(99.9).default(90),
  /** Leaders with data at the primary checkpoint each arm needs before the verdict can be Go or No-go. */
  minPerArm: z.number().int().min(MIN_REPORTED_GROUP).max(100_000).default(8),
  /** Reported with their intervals for context; they never decide. */
  secondary: z.array(outcomeSchema).max(6).default([]),
  assignment: assignmentSettingsSchema.prefault({}),
});
export type EvaluationSettings = z.output<typeof evaluationSettingsSchema>;

/** Every checkpoint day the rule reads: the primary first, then the secondary outcomes'. */
export function evaluationDays(rule: EvaluationSettings): number[] {
  return [...new Set([rule.primary.day, ...rule.secondary.map((s) => s.day)])];
}

// ---- deviations ---------------------------------------------------------------------------------------

/** One field of the rule that changed: dotted path, and the values as text (null: not set). */
export interface EvaluationChange {
  field: string;
  from: string | null;
  to: string | null;
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  if (value === undefined) return;
  into.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
}

/** What differs between two versions of the rule, field by field, in a stable order. */
export function evaluationChanges(
  before: EvaluationSettings | null | undefined,
  after: EvaluationSettings | null | undefined,
): EvaluationChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  if (before) flatten(before, '', a);
  if (after) flatten(after, '', b);
  if (!before && after) return [{ field: 'evaluation', from: null, to: 'set' }];
  if (before && !after) return [{ field: 'evaluation', from: 'set', to: null }];
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((field) => a.get(field) !== b.get(field))
    .map((field) => ({ field, from: a.get(field) ?? null, to: b.get(field) ?? null }));
}

/** One applied version of a program's settings, as far as the decision rule is concerned. */
export interface EvaluationVersion {
  version: number;
  appliedAt: number;
  evaluation: EvaluationSettings | null;
}

export interface Deviation {
  version: number;
  at: number;
  changes: EvaluationChange[];
}

function byVersion(history: readonly EvaluationVersion[]): EvaluationVersion[] {
  return [...history].sort((x, y) => x.version - y.version);
}

/** The rule in force at a moment: the one of the last version applied at or before it. */
export function ruleInForceAt(history: readonly EvaluationVersion[], at: number): EvaluationSettings | null {
  let rule: EvaluationSettings | null = null;
  for (const v of byVersion(history)) if (v.appliedAt <= at) rule = v.evaluation;
  return rule;
}

/**
 * Every change to the rule applied after the first enrolment. Versions that change other settings are not
 * deviations. Before anyone is enrolled (launchedAt null) there are none.
 */
export function evaluationDeviations(
  history: readonly EvaluationVersion[],
  launchedAt: number | null,
): Deviation[] {
  if (launchedAt === null) return [];
  const deviations: Deviation[] = [];
  let previous: EvaluationSettings | null = null;
  for (const v of byVersion(history)) {
    if (v.appliedAt > launchedAt) {
      const changes = evaluationChanges(previous, v.evaluation);
      if (changes.length > 0) deviations.push({ version: v.version, at: v.appliedAt, changes });
    }
    previous = v.evaluation;
  }
  return deviations;
}

// ---- the verdict --------------------------------------------------------------------------------------

export const VERDICTS = ['go', 'no_go', 'inconclusive'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_WORDS: Record<Verdict, string> = {
  go: 'Go',
  no_go: 'No-go',
  inconclusive: 'Inconclusive',
};

export type VerdictBasis =
  | 'no_rule'
  | 'no_control'
  | 'no_data'
  | 'small_arm'
  | 'below_minimum'
  | 'above_threshold'
  | 'below_threshold'
  | 'below_zero'
  | 'straddles_threshold';

export interface VerdictInput {
  rule: Pick<EvaluationSettings, 'smallestEffect' | 'minPerArm' | 'intervalLevel' | 'primary'> | null;
  hasControl: boolean;
  /** Leaders with a value at the primary checkpoint, per arm. */
  withData: { coached: number; control: number };
  /** The estimate's interval; null when no estimate could be made. */
  interval: { lower: number; upper: number } | null;
}

export interface VerdictResult {
  verdict: Verdict;
  basis: VerdictBasis;
  /** One sentence a sponsor can read. */
  reason: string;
}

/** A number for a sentence: at most one decimal, a real minus sign. */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(1);
  return rounded < 0 ? `−${text}` : text;
}

function armList(arms: ('coached' | 'control')[]): string {
  return arms.length === 2 ? 'both arms have' : `the ${arms[0]} arm has`;
}

/**
 * Go when the whole interval lies above the smallest effect worth scaling; No-go when it lies wholly below it;
 * Inconclusive when it straddles the threshold, or when there is no estimate the rule can judge (no rule, no
 * control arm, an arm under 5 leaders with data, or fewer than the rule's minimum per arm).
 */
export function decideVerdict(input: VerdictInput): VerdictResult {
  const { rule } = input;
  if (!rule) {
    return {
      verdict: 'inconclusive',
      basis: 'no_rule',
      reason: 'No decision rule was set: add an evaluation section to the program to get a verdict.',
    };
  }
  if (!input.hasControl) {
    return {
      verdict: 'inconclusive',
      basis: 'no_control',
      reason: 'There is no control arm, so the effect of coaching cannot be estimated.',
    };
  }
  const day = rule.primary.day;
  const arms = (['coached', 'control'] as const).filter((arm) => input.withData[arm] === 0);
  if (arms.length > 0) {
    return {
      verdict: 'inconclusive',
      basis: 'no_data',
      reason: `No estimate yet: ${armList(arms)} no leader with data at day ${day}.`,
    };
  }
  const small = (['coached', 'control'] as const).filter((arm) => input.withData[arm] < MIN_REPORTED_GROUP);
  if (small.length > 0 || !input.interval) {
    return {
      verdict: 'inconclusive',
      basis: 'small_arm',
      reason: `No estimate is shown: ${armList(small.length > 0 ? small : ['coached', 'control'])} fewer than ${MIN_REPORTED_GROUP} leaders with data at day ${day}.`,
    };
  }
  const short = (['coached', 'control'] as const).filter((arm) => input.withData[arm] < rule.minPerArm);
  if (short.length > 0) {
    const counts = short.map((arm) => `${input.withData[arm]} ${arm}`).join(' and ');
    return {
      verdict: 'inconclusive',
      basis: 'below_minimum',
      reason: `Only ${counts} leaders have data at day ${day}; the decision rule needs at least ${rule.minPerArm} per arm.`,
    };
  }
  const { lower, upper } = input.interval;
  const unit = OUTCOME_INFO[rule.primary.outcome].unit;
  const interval = `The ${formatAmount(rule.intervalLevel)} % interval, ${formatAmount(lower)} to ${formatAmount(upper)} ${unit},`;
  const threshold = `the ${formatAmount(rule.smallestEffect)}-${OUTCOME_INFO[rule.primary.outcome].unitOne} threshold`;
  if (lower > rule.smallestEffect) {
    return { verdict: 'go', basis: 'above_threshold', reason: `${interval} lies above ${threshold}.` };
  }
  if (upper < 0) {
    return {
      verdict: 'no_go',
      basis: 'below_zero',
      reason: `${interval} lies below zero: coached leaders did worse than the control arm.`,
    };
  }
  if (upper < rule.smallestEffect) {
    return {
      verdict: 'no_go',
      basis: 'below_threshold',
      reason: `${interval} lies below ${threshold}: the effect is too small to be worth scaling.`,
    };
  }
  return {
    verdict: 'inconclusive',
    basis: 'straddles_threshold',
    reason: `${interval} includes ${threshold}, so the data cannot yet tell whether the effect is worth scaling.`,
  };
}
