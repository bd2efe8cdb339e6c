import { describe, expect, it } from 'vitest';
import { effectSizeWord, hedgesG, summarize, welchInterval } from './statistics.js';

describe('summarize', () => {
  it('gives the count, mean and sample standard deviation (n − 1), worked by hand', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5; squared deviations sum to 32; 32 / 7 = 4.5714…; √ = 2.1381
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.13809, 5);
  });

  it('has no spread for one value and nothing for none', () => {
    expect(summarize([7])).toEqual({ n: 1, mean: 7, sd: 0 });
    const empty = summarize([]);
    expect(empty.n).toBe(0);
    expect(empty.mean).toBeNaN();
  });
});

describe('welchInterval', () => {
  it('matches a hand-worked example with a t-table value', () => {
    // a = 1..5 and b = 0..4: both have variance 2.5, so SE = √(2.5/5 + 2.5/5) = 1 and the Welch df is
    // 1² / (0.5²/4 + 0.5²/4) = 8. A t table gives t(0.95, 8) = 1.860, so the 90 % interval is 1 ± 1.860.
    const interval = welchInterval(summarize([1, 2, 3, 4, 5]), summarize([0, 1, 2, 3, 4]), 0.9)!;
    expect(interval.difference).toBe(1);
    expect(interval.standardError).toBe(1);
    expect(interval.df).toBeCloseTo(8, 10);
    expect(interval.lower).toBeCloseTo(1 - 1.86, 2);
    expect(interval.upper).toBeCloseTo(1 + 1.86, 2);
    expect(interval.level).toBe(0.9);
  });

  it("reproduces Welch's test on Student's (1908) sleep data as printed by R's t.test", () => {
    // extra ~ group, data = sleep: t = -1.8608, df = 17.776, 95 percent CI -3.3654832 0.2054832.
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const interval = welchInterval(summarize(group1), summarize(group2), 0.95)!;
    expect(interval.difference).toBeCloseTo(0.75 - 2.33, 10);
    expect(interval.df).toBeCloseTo(17.776, 3);
    expect(interval.difference / interval.standardError).toBeCloseTo(-1.8608, 4);
    expect(interval.lower).toBeCloseTo(-3.3654832, 6);
    expect(interval.upper).toBeCloseTo(0.2054832, 6);
  });

  it('widens with the confidence level and is symmetric around the difference', () => {
    const a = summarize([40, 55, 62, 70, 48, 66]);
    const b = summarize([20, 35, 28, 41, 30, 25, 33]);
    const i90 = welchInterval(a, b, 0.9)!;
    const i95 = welchInterval(a, b, 0.95)!;
    expect(i95.lower).toBeLessThan(i90.lower);
    expect(i95.upper).toBeGreaterThan(i90.upper);
    expect(i90.upper - i90.difference).toBeCloseTo(i90.difference - i90.lower, 10);
  });

  it('needs two values per group, and collapses to the difference when nothing varies', () => {
    expect(welchInterval(summarize([1]), summarize([1, 2]), 0.9)).toBeNull();
    expect(welchInterval(summarize([1, 2]), summarize([3]), 0.9)).toBeNull();
    const flat = welchInterval(summarize([5, 5, 5]), summarize([2, 2]), 0.9)!;
    expect(flat).toMatchObject({ difference: 3, lower: 3, upper: 3, df: null, standardError: 0 });
  });

  it('refuses a level outside (0, 1)', () => {
    const a = summarize([1, 2, 3]);
    expect(() => welchInterval(a, a, 90)).toThrow(RangeError);
    expect(() => welchInterval(a, a, 0)).toThrow(RangeError);
    expect(() => welchInterval(a, a, 1)).toThrow(RangeError);
  });
});

describe('hedgesG', () => {
  it('matches the worked example of Borenstein et al., Introduction to Meta-Analysis (2009), chapter 4', () => {
    // Means 103 and 100, SDs 5.5 and 4.5, 50 per group: S_within = 5.0249, d = 0.5970, J = 0.9923, g = 0.5924.
    const effect = hedgesG({ n: 50, mean: 103, sd: 5.5 }, { n: 50, mean: 100, sd: 4.5 })!;
    expect(effect.pooledSd).toBeCloseTo(5.0249, 4);
    expect(effect.d).toBeCloseTo(0.597, 4);
    expect(effect.g).toBeCloseTo(0.5924, 4);
  });

  it('corrects more for small groups, keeps the sign, and needs spread and two values per group', () => {
    const small = hedgesG({ n: 3, mean: 10, sd: 2 }, { n: 3, mean: 12, sd: 2 })!;
    expect(small.d).toBe(-1);
    // J = 1 − 3 / (4 × 4 − 1) = 0.8
    expect(small.g).toBeCloseTo(-0.8, 10);
    expect(hedgesG({ n: 3, mean: 1, sd: 0 }, { n: 4, mean: 1, sd: 0 })).toBeNull();
    expect(hedgesG({ n: 1, mean: 1, sd: 0 }, { n: 4, mean: 1, sd: 1 })).toBeNull();
  });
});

describe('effectSizeWord', () => {
  it("uses Cohen's conventions on the size, whatever the sign", () => {
    expect(effectSizeWord(0)).toBe('negligible');
    expect(effectSizeWord(0.19)).toBe('negligible');
    expect(effectSizeWord(0.2)).toBe('small');
    expect(effectSizeWord(-0.49)).toBe('small');
    expect(effectSizeWord(0.5)).toBe('medium');
    expect(effectSizeWord(0.79)).toBe('medium');
    expect(effectSizeWord(0.8)).toBe('large');
    expect(effectSizeWord(-2)).toBe('large');
  });
});
