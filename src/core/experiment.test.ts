import { describe, expect, it } from 'vitest';
import {
  EXPERIMENT_STATUSES,
  experimentEndDate,
  experimentInputSchema,
  KPI_DIRECTIONS,
  kpiImprovement,
  kpiProgress,
} from './experiment.js';

const input = {
  behavior: 'Ask before I tell',
  hypothesis: 'The team brings more ideas',
  kpiName: 'Ideas',
  kpiUnit: 'ideas',
  kpiBaseline: '2',
  kpiTarget: '5',
  kpiDirection: 'increase',
  startDate: '2026-03-02',
  lengthWeeks: '13',
};

function problems(overrides: Record<string, unknown>) {
  const parsed = experimentInputSchema.safeParse({ ...input, ...overrides });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('experimentInputSchema', () => {
  it('turns typed values into an experiment', () => {
    expect(experimentInputSchema.parse({ ...input, behavior: '  Ask before I tell  ' })).toEqual({
      ...input,
      kpiBaseline: 2,
      kpiTarget: 5,
      lengthWeeks: 13,
    });
  });

  it('needs a few characters of each text, counted without surrounding spaces, and not too many', () => {
    expect(problems({ behavior: 'abc' })).toEqual([]);
    expect(problems({ behavior: ' ab ' })).toEqual(['behavior: validation.experiment.behavior']);
    expect(problems({ behavior: 'x'.repeat(201) })).toEqual(['behavior: validation.tooLong']);
    expect(problems({ hypothesis: 'abcde', kpiName: 'ab', kpiUnit: 'x' })).toEqual([]);
    expect(problems({ hypothesis: ' abcd ' })).toEqual(['hypothesis: validation.experiment.hypothesis']);
    expect(problems({ hypothesis: 'x'.repeat(501) })).toEqual(['hypothesis: validation.tooLong']);
    expect(problems({ kpiName: ' a ' })).toEqual(['kpiName: validation.experiment.kpiName']);
    expect(problems({ kpiName: 'x'.repeat(81) })).toEqual(['kpiName: validation.tooLong']);
    expect(problems({ kpiUnit: '  ' })).toEqual(['kpiUnit: validation.experiment.kpiUnit']);
    expect(problems({ kpiUnit: 'x'.repeat(21) })).toEqual(['kpiUnit: validation.tooLong']);
  });

  it('takes numbers only, and a whole length of 8 to 16 weeks', () => {
    expect(problems({ kpiBaseline: 'two' })).toEqual(['kpiBaseline: validation.number']);
    expect(problems({ kpiBaseline: 'Infinity' })).toEqual(['kpiBaseline: validation.number']);
    for (const lengthWeeks of ['8', '16']) expect(problems({ lengthWeeks })).toEqual([]);
    for (const lengthWeeks of ['7', '17', '10.5']) {
      expect(problems({ lengthWeeks })).toEqual(['lengthWeeks: validation.experiment.length']);
    }
    expect(problems({ kpiDirection: 'sideways' })).toEqual(['kpiDirection: validation.experiment.direction']);
    expect(problems({ startDate: '2026-02-30' })).toEqual(['startDate: validation.realDate']);
  });

  it('wants the target beyond the baseline in the KPI’s better direction', () => {
    expect(problems({ kpiTarget: '2' })).toEqual(['kpiTarget: validation.experiment.targetAbove']);
    expect(problems({ kpiTarget: '1' })).toEqual(['kpiTarget: validation.experiment.targetAbove']);
    expect(problems({ kpiDirection: 'decrease', kpiTarget: '1' })).toEqual([]);
    expect(problems({ kpiDirection: 'decrease', kpiTarget: '2' })).toEqual([
      'kpiTarget: validation.experiment.targetBelow',
    ]);
    expect(problems({ kpiDirection: 'decrease', kpiTarget: '5' })).toEqual([
      'kpiTarget: validation.experiment.targetBelow',
    ]);
  });

  it('names its directions and statuses', () => {
    expect(KPI_DIRECTIONS).toEqual(['increase', 'decrease']);
    expect(EXPERIMENT_STATUSES).toEqual(['active', 'paused', 'completed', 'abandoned']);
  });
});

describe('experiment arithmetic', () => {
  it('ends a whole number of weeks after the start date', () => {
    expect(experimentEndDate('2026-03-02', 13)).toBe('2026-06-01');
    expect(experimentEndDate('2026-03-02', 8)).toBe('2026-04-27');
  });

  it('measures progress from baseline (0) to target (1) in either direction', () => {
    expect(kpiProgress({ kpiBaseline: 2, kpiTarget: 6 }, 4)).toBe(0.5);
    expect(kpiProgress({ kpiBaseline: 2, kpiTarget: 6 }, 8)).toBe(1.5);
    expect(kpiProgress({ kpiBaseline: 10, kpiTarget: 6 }, 7)).toBe(0.75);
    expect(kpiProgress({ kpiBaseline: 3, kpiTarget: 3 }, 9)).toBe(0);
  });

  it('signs the change from baseline so that better is positive', () => {
    expect(kpiImprovement({ kpiBaseline: 2, kpiDirection: 'increase' }, 5)).toBe(3);
    expect(kpiImprovement({ kpiBaseline: 2, kpiDirection: 'increase' }, 1)).toBe(-1);
    expect(kpiImprovement({ kpiBaseline: 10, kpiDirection: 'decrease' }, 7)).toBe(3);
    expect(kpiImprovement({ kpiBaseline: 10, kpiDirection: 'decrease' }, 12)).toBe(-2);
  });
});
