import { createRequire } from 'node:module';
import type tQuantileFn from '@stdlib/stats-base-dists-t-quantile';
import type meanFn from '@stdlib/stats-base-mean';
import type varianceFn from '@stdlib/stats-base-variance';

/**
 * The statistics behind a pilot's verdict: a Welch interval for a difference of two means and a standardized
 * effect size. Means, variances and the t quantile come from stdlib; what is left here is the textbook
 * arithmetic that combines them.
 */

/**
 * stdlib's functions come in hundreds of small files; they are loaded the first time a report needs them, so
 * that starting the bot or any other command does not pay for them.
 */
const load = createRequire(import.meta.url);
let stdlib: { mean: typeof meanFn; variance: typeof varianceFn; tQuantile: typeof tQuantileFn } | null = null;
function lib() {
  stdlib ??= {
    mean: load('@stdlib/stats-base-mean') as typeof meanFn,
    variance: load('@stdlib/stats-base-variance') as typeof varianceFn,
    tQuantile: load('@stdlib/stats-base-dists-t-quantile') as typeof tQuantileFn,
  };
  return stdlib;
}

/** What one group's values say: how many, their mean and their sample standard deviation (n − 1). */
export interface GroupSummary {
  n: number;
  mean: number;
  /** Sample standard deviation; 0 for a single value. */
  sd: number;
}

export function summarize(values: readonly number[]): GroupSummary {
  const n = values.length;
  if (n === 0) return { n: 0, mean: Number.NaN, sd: Number.NaN };
  const x = Float64Array.from(values);
  const { mean, variance } = lib();
  return { n, mean: mean(n, x, 1), sd: n > 1 ? Math.sqrt(variance(n, 1, x, 1)) : 0 };
}

/** A difference of two means (a − b) with its confidence interval. */
export interface DifferenceInterval {
  difference: number;
  lower: number;
  upper: number;
  /** The interval's confidence level as a fraction, e.g. 0.9. */
  level: number;
  /** Welch–Satterthwaite degrees of freedom; null when both groups have no spread at all. */
  df: number | null;
  /** Standard error of the difference. */
  standardError: number;
}

/**
 * Welch's interval for the difference of two means, which does not assume equal variances:
 * (mean a − mean b) ± t(1 − α/2, ν) × √(sa²/na + sb²/nb), with ν from the Welch–Satterthwaite equation.
 * Each group needs at least two values. When neither group varies, the interval is the difference itself.
 */
export function welchInterval(a: GroupSummary, b: GroupSummary, level: number): DifferenceInterval | null {
  if (a.n < 2 || b.n < 2) return null;
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1: ${level}`);
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const difference = a.mean - b.mean;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) {
    return { difference, lower: difference, upper: difference, level, df: null, standardError };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = lib().tQuantile(1 - (1 - level) / 2, df) * standardError;
  return { difference, lower: difference - half, upper: difference + half, level, df, standardError };
}

/** A standardized effect size: the difference in units of the pooled standard deviation. */
export interface EffectSize {
  /** Cohen's d: (mean a − mean b) / pooled SD. */
  d: number;
  /** Hedges' g: d with the small-sample correction J = 1 − 3 / (4 (na + nb − 2) − 1). */
  g: number;
  pooledSd: number;
}

/** Null when there is no spread to standardize by (or too few values for a pooled SD). */
export function hedgesG(a: GroupSummary, b: GroupSummary): EffectSize | null {
  const df = a.n + b.n - 2;
  if (a.n < 2 || b.n < 2) return null;
  const pooledSd = Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / df);
  if (pooledSd === 0) return null;
  const d = (a.mean - b.mean) / pooledSd;
  const correction = 1 - 3 / (4 * df - 1);
  return { d, g: d * correction, pooledSd };
}

export const EFFECT_SIZE_WORDS = ['negligible', 'small', 'medium', 'large'] as const;
export type EffectSizeWord = (typeof EFFECT_SIZE_WORDS)[number];

/** Cohen's conventional words for a standardized effect: under 0.2 negligible, 0.2 small, 0.5 medium, 0.8 large. */
export function effectSizeWord(g: number): EffectSizeWord {
  const size = Math.abs(g);
  if (size < 0.2) return 'negligible';
  if (size < 0.5) return 'small';
  if (size < 0.8) return 'medium';
  return 'large';
}
