import { describe, expect, it } from 'vitest';
import {
  decideVerdict,
  type EvaluationSettings,
  type EvaluationVersion,
  evaluationChanges,
  evaluationDays,
  evaluationDeviations,
  evaluationSettingsSchema,
  formatAmount,
  ruleInForceAt,
  type VerdictInput,
} from './evaluation.js';
import { programSettingsSchema } from './program.js';

const rule = (input: Record<string, unknown> = {}): EvaluationSettings =>
  evaluationSettingsSchema.parse({
    primary: { outcome: 'way_to_target', day: 90 },
    smallestEffect: 10,
    ...input,
  });

describe('evaluationSettingsSchema', () => {
  it('fills the defaults: 90 % interval, 8 per arm, no secondary outcomes, arms from the roster, half control', () => {
    expect(rule()).toEqual({
      primary: { outcome: 'way_to_target', day: 90 },
      smallestEffect: 10,
      intervalLevel: 90,
      minPerArm: 8,
      secondary: [],
      assignment: { method: 'roster', stratifyBy: [], controlPercent: 50 },
    });
  });

  it('refuses what would make the rule meaningless', () => {
    const bad = (input: Record<string, unknown>) =>
      evaluationSettingsSchema.safeParse({
        primary: { outcome: 'way_to_target', day: 90 },
        smallestEffect: 10,
        ...input,
      }).success;
    expect(bad({ smallestEffect: -1 })).toBe(false);
    expect(bad({ intervalLevel: 100 })).toBe(false);
    expect(bad({ intervalLevel: 49 })).toBe(false);
    expect(bad({ minPerArm: 4 })).toBe(false);
    expect(bad({ minPerArm: 5 })).toBe(true);
    expect(bad({ primary: { outcome: 'happiness', day: 90 } })).toBe(false);
    expect(bad({ assignment: { stratifyBy: ['department', 'department'] } })).toBe(false);
    expect(bad({ assignment: { stratifyBy: ['team'] } })).toBe(false);
    expect(bad({ assignment: { controlPercent: 95 } })).toBe(false);
    expect(bad({ assignment: { seed: 'has space' } })).toBe(false);
    expect(bad({ assignment: { seed: 'pilot-2026.q2' } })).toBe(true);
    expect(bad({ assignment: { waitlistStart: '2026-13-01' } })).toBe(false);
    expect(bad({ smallestEffect: undefined })).toBe(false);
  });
});

describe('evaluationDays', () => {
  it('lists the primary day first and each day once', () => {
    expect(
      evaluationDays(
        rule({
          secondary: [
            { outcome: 'practice', day: 60 },
            { outcome: 'practice', day: 90 },
          ],
        }),
      ),
    ).toEqual([90, 60]);
  });
});

describe('evaluationChanges', () => {
  it('names each changed field with its old and new value', () => {
    const before = rule();
    const after = rule({ smallestEffect: 5, assignment: { method: 'randomized', stratifyBy: ['level'] } });
    expect(evaluationChanges(before, after)).toEqual([
      { field: 'assignment.method', from: 'roster', to: 'randomized' },
      { field: 'assignment.stratifyBy', from: '[]', to: '["level"]' },
      { field: 'smallestEffect', from: '10', to: '5' },
    ]);
  });

  it('sees optional fields appear and disappear, and a rule added or removed as a whole', () => {
    expect(evaluationChanges(rule(), rule({ assignment: { seed: 'abc' } }))).toEqual([
      { field: 'assignment.seed', from: null, to: 'abc' },
    ]);
    expect(evaluationChanges(rule({ assignment: { seed: 'abc' } }), rule())).toEqual([
      { field: 'assignment.seed', from: 'abc', to: null },
    ]);
    expect(evaluationChanges(null, rule())).toEqual([{ field: 'evaluation', from: null, to: 'set' }]);
    expect(evaluationChanges(rule(), undefined)).toEqual([{ field: 'evaluation', from: 'set', to: null }]);
    expect(evaluationChanges(null, null)).toEqual([]);
    expect(evaluationChanges(rule(), rule())).toEqual([]);
  });
});

describe('deviations from the rule fixed at launch', () => {
  const LAUNCH = Date.parse('2026-03-02T09:00:00Z');
  const history: EvaluationVersion[] = [
    { version: 1, appliedAt: LAUNCH - 86_400_000, evaluation: rule() },
    // Changed before anyone was enrolled: still the launch rule.
    { version: 2, appliedAt: LAUNCH - 3_600_000, evaluation: rule({ minPerArm: 6 }) },
    // A change to other settings after launch: the rule is the same.
    { version: 3, appliedAt: LAUNCH + 86_400_000, evaluation: rule({ minPerArm: 6 }) },
    {
      version: 4,
      appliedAt: LAUNCH + 10 * 86_400_000,
      evaluation: rule({ minPerArm: 6, smallestEffect: 5 }),
    },
  ];

  it('records every change applied after the first enrolment, with its date and version', () => {
    expect(evaluationDeviations(history, LAUNCH)).toEqual([
      {
        version: 4,
        at: LAUNCH + 10 * 86_400_000,
        changes: [{ field: 'smallestEffect', from: '10', to: '5' }],
      },
    ]);
  });

  it('has none before anyone is enrolled, and reads versions in order whatever order they come in', () => {
    expect(evaluationDeviations(history, null)).toEqual([]);
    expect(evaluationDeviations([...history].reverse(), LAUNCH)).toHaveLength(1);
  });

  it('counts a change applied exactly at the first enrolment as part of the launch rule', () => {
    const atLaunch: EvaluationVersion[] = [
      { version: 1, appliedAt: LAUNCH - 1, evaluation: null },
      { version: 2, appliedAt: LAUNCH, evaluation: rule() },
    ];
    expect(evaluationDeviations(atLaunch, LAUNCH)).toEqual([]);
    expect(evaluationDeviations(atLaunch, LAUNCH - 1)).toEqual([
      { version: 2, at: LAUNCH, changes: [{ field: 'evaluation', from: null, to: 'set' }] },
    ]);
  });

  it('finds the rule in force at a moment', () => {
    expect(ruleInForceAt(history, LAUNCH)?.minPerArm).toBe(6);
    expect(ruleInForceAt(history, LAUNCH)?.smallestEffect).toBe(10);
    expect(ruleInForceAt(history, LAUNCH + 11 * 86_400_000)?.smallestEffect).toBe(5);
    expect(ruleInForceAt(history, LAUNCH - 2 * 86_400_000)).toBeNull();
    expect(ruleInForceAt([...history].reverse(), LAUNCH + 10 * 86_400_000)?.smallestEffect).toBe(5);
  });
});

describe('decideVerdict', () => {
  const base: VerdictInput = {
    rule: rule(),
    hasControl: true,
    withData: { coached: 12, control: 11 },
    interval: { lower: 14, upper: 31 },
  };

  it('says Go when the whole interval lies above the threshold', () => {
    expect(decideVerdict(base)).toEqual({
      verdict: 'go',
      basis: 'above_threshold',
      reason: 'The 90 % interval, 14 to 31 points, lies above the 10-point threshold.',
    });
  });

  it('says No-go when the whole interval lies below the threshold', () => {
    expect(decideVerdict({ ...base, interval: { lower: 1.04, upper: 8.25 } })).toEqual({
      verdict: 'no_go',
      basis: 'below_threshold',
      reason:
        'The 90 % interval, 1 to 8.3 points, lies below the 10-point threshold: the effect is too small to be worth scaling.',
    });
    expect(decideVerdict({ ...base, interval: { lower: -12, upper: -3 } })).toMatchObject({
      verdict: 'no_go',
      basis: 'below_zero',
      reason:
        'The 90 % interval, −12 to −3 points, lies below zero: coached leaders did worse than the control arm.',
    });
  });

  it('says Inconclusive when the interval straddles the threshold, including when it touches it', () => {
    expect(decideVerdict({ ...base, interval: { lower: 4, upper: 31 } })).toEqual({
      verdict: 'inconclusive',
      basis: 'straddles_threshold',
      reason:
        'The 90 % interval, 4 to 31 points, includes the 10-point threshold, so the data cannot yet tell whether the effect is worth scaling.',
    });
    expect(decideVerdict({ ...base, interval: { lower: 10, upper: 20 } }).verdict).toBe('inconclusive');
    expect(decideVerdict({ ...base, interval: { lower: 0, upper: 10 } }).verdict).toBe('inconclusive');
    expect(decideVerdict({ ...base, interval: { lower: 10.01, upper: 20 } }).verdict).toBe('go');
    expect(decideVerdict({ ...base, interval: { lower: 0, upper: 9.99 } }).verdict).toBe('no_go');
  });

  it('uses the threshold of zero and the level and unit of the rule', () => {
    const practice = rule({
      primary: { outcome: 'practice', day: 60 },
      smallestEffect: 0,
      intervalLevel: 95,
    });
    expect(decideVerdict({ ...base, rule: practice, interval: { lower: 0.2, upper: 1.4 } }).reason).toBe(
      'The 95 % interval, 0.2 to 1.4 points, lies above the 0-point threshold.',
    );
    expect(decideVerdict({ ...base, rule: practice, interval: { lower: -0.5, upper: -0.1 } }).basis).toBe(
      'below_zero',
    );
  });

  it('suppresses the estimate of an arm under 5 leaders, and says so', () => {
    expect(decideVerdict({ ...base, withData: { coached: 12, control: 4 } })).toEqual({
      verdict: 'inconclusive',
      basis: 'small_arm',
      reason: 'No estimate is shown: the control arm has fewer than 5 leaders with data at day 90.',
    });
    expect(decideVerdict({ ...base, withData: { coached: 3, control: 4 } }).reason).toBe(
      'No estimate is shown: both arms have fewer than 5 leaders with data at day 90.',
    );
    expect(decideVerdict({ ...base, withData: { coached: 5, control: 5 }, interval: null }).basis).toBe(
      'small_arm',
    );
  });

  it('waits for data, then for the minimum per arm', () => {
    expect(decideVerdict({ ...base, withData: { coached: 0, control: 9 } }).reason).toBe(
      'No estimate yet: the coached arm has no leader with data at day 90.',
    );
    expect(decideVerdict({ ...base, withData: { coached: 0, control: 0 } }).basis).toBe('no_data');
    expect(decideVerdict({ ...base, withData: { coached: 9, control: 6 } })).toEqual({
      verdict: 'inconclusive',
      basis: 'below_minimum',
      reason: 'Only 6 control leaders have data at day 90; the decision rule needs at least 8 per arm.',
    });
    expect(decideVerdict({ ...base, withData: { coached: 7, control: 5 } }).reason).toContain(
      'Only 7 coached and 5 control leaders',
    );
    expect(decideVerdict({ ...base, withData: { coached: 8, control: 8 } }).verdict).toBe('go');
  });

  it('cannot judge without a rule or without a control arm', () => {
    expect(decideVerdict({ ...base, rule: null }).basis).toBe('no_rule');
    expect(decideVerdict({ ...base, hasControl: false })).toEqual({
      verdict: 'inconclusive',
      basis: 'no_control',
      reason: 'There is no control arm, so the effect of coaching cannot be estimated.',
    });
  });
});

describe('formatAmount', () => {
  it('keeps at most one decimal and writes a real minus sign', () => {
    expect(formatAmount(4)).toBe('4');
    expect(formatAmount(4.04)).toBe('4');
    expect(formatAmount(4.06)).toBe('4.1');
    expect(formatAmount(-3.25)).toBe('−3.2');
    expect(formatAmount(-0.04)).toBe('0');
    expect(formatAmount(0)).toBe('0');
  });
});

describe('the rule inside a program', () => {
  it('must name checkpoint days of the program, and a wait-list date only for the staggered method', () => {
    const result = programSettingsSchema.safeParse({
      name: 'pilot',
      checkpointDays: [30, 60, 90],
      evaluation: {
        primary: { outcome: 'way_to_target', day: 84 },
        smallestEffect: 10,
        secondary: [
          { outcome: 'practice', day: 60 },
          { outcome: 'practice', day: 45 },
        ],
        assignment: { method: 'randomized', waitlistStart: '2026-06-01' },
      },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'evaluation.primary.day: day 84 is not a checkpoint day (30, 60, 90)',
      'evaluation.secondary.1.day: day 45 is not a checkpoint day (30, 60, 90)',
      'evaluation.assignment.waitlistStart: is only for the staggered method',
    ]);
    const fine = programSettingsSchema.safeParse({
      name: 'pilot',
      evaluation: {
        primary: { outcome: 'practice', day: 90 },
        smallestEffect: 0.5,
        assignment: { method: 'staggered', waitlistStart: '2026-06-01' },
      },
    });
    expect(fine.success).toBe(true);
    expect(programSettingsSchema.parse({ name: 'pilot' }).evaluation).toBeUndefined();
  });
});
