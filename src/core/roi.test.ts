import { describe, expect, it } from 'vitest';
import { roiSettingsSchema } from './roi.js';

const roi = {
  outcome: 'avoidable exits per year',
  unit: 'exits',
  baseline: 12,
  attributionPercent: 40,
  valuePerUnit: 50_000,
  programCost: 80_000,
};

function problems(overrides: Record<string, unknown>) {
  const parsed = roiSettingsSchema.safeParse({ ...roi, ...overrides });
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
}

describe('roiSettingsSchema', () => {
  it('fills the direction and currency', () => {
    expect(roiSettingsSchema.parse(roi)).toEqual({ ...roi, direction: 'decrease', currency: 'USD' });
  });

  it('keeps every figure in its range', () => {
    expect(
      problems({ outcome: 'abc', unit: 'x', currency: 'x', attributionPercent: 0, valuePerUnit: 0 }),
    ).toEqual([]);
    expect(problems({ outcome: 'x'.repeat(120), unit: 'x'.repeat(40), currency: 'Fr.' })).toEqual([]);
    for (const currency of ['EUR', ' CHF ', '€', 'kr']) expect(problems({ currency })).toEqual([]);
    expect(problems({ attributionPercent: 100, attributionRationale: 'x'.repeat(500) })).toEqual([]);
    expect(problems({ outcome: 'ab' })).toEqual(['outcome']);
    expect(problems({ outcome: 'x'.repeat(121) })).toEqual(['outcome']);
    expect(problems({ unit: '' })).toEqual(['unit']);
    expect(problems({ unit: 'x'.repeat(41) })).toEqual(['unit']);
    expect(problems({ attributionPercent: -1 })).toEqual(['attributionPercent']);
    expect(problems({ attributionPercent: 101 })).toEqual(['attributionPercent']);
    expect(problems({ valuePerUnit: -1 })).toEqual(['valuePerUnit']);
    expect(problems({ programCost: 0 })).toEqual(['programCost']);
    expect(problems({ currency: '' })).toEqual(['currency']);
    for (const currency of ['xxxxx', 'ABC', '12']) expect(problems({ currency })).toEqual(['currency']);
    expect(problems({ attributionRationale: 'x'.repeat(501) })).toEqual(['attributionRationale']);
  });
});
