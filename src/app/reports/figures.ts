/**
 * Figures with small-group suppression. A figure about people is shown only when the group it describes has
 * at least MIN_GROUP distinct people; between 1 and MIN_GROUP - 1 it is suppressed (null in JSON); a group of
 * nobody gives 0 for a count and null ("no data") for a mean.
 */
export const MIN_GROUP = 5;

/** A count (of people, pairs, messages…) or a difference. */
export interface Figure {
  value: number | null;
  suppressed: boolean;
}

/** A mean or median, with the number of people whose values went into it. */
export interface Stat {
  value: number | null;
  /** People who contributed a value; null when suppressed. */
  people: number | null;
  suppressed: boolean;
}

/** A share: numerator of denominator, as a fraction 0–1. */
export interface Rate {
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  suppressed: boolean;
}

/** True when a group of this many distinct people may be shown. */
export function showable(people: number): boolean {
  return people === 0 || people >= MIN_GROUP;
}

/** Four decimals are plenty for every figure in the report and keep the JSON readable. */
export function round(value: number, decimals = 4): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A count of things that belong to `people` distinct people (for a count of people, the same number). */
export function countFigure(value: number, people: number = value): Figure {
  return showable(people) ? { value, suppressed: false } : { value: null, suppressed: true };
}

export function statFigure(
  values: readonly number[],
  compute: (values: readonly number[]) => number,
  people = values.length,
): Stat {
  if (values.length === 0) return { value: null, people: 0, suppressed: false };
  if (!showable(people)) return { value: null, people: null, suppressed: true };
  return { value: round(compute(values)), people, suppressed: false };
}

export const meanOf = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A share. Both groups count: with 3 of 40 answering, the rate would give the 3 away, so it is suppressed
 * like the count itself. `numeratorPeople`/`denominatorPeople` default to the counts (shares of people).
 */
export function rateFigure(
  numerator: number,
  denominator: number,
  numeratorPeople = numerator,
  denominatorPeople = denominator,
): Rate {
  if (!showable(denominatorPeople) || !showable(numeratorPeople)) {
    return {
      numerator: null,
      denominator: showable(denominatorPeople) ? denominator : null,
      rate: null,
      suppressed: true,
    };
  }
  return {
    numerator,
    denominator,
    rate: denominator === 0 ? null : round(numerator / denominator),
    suppressed: false,
  };
}

/** a − b, suppressed when either side is. */
export function differenceFigure(a: Stat | Figure, b: Stat | Figure): Figure {
  if (a.suppressed || b.suppressed) return { value: null, suppressed: true };
  if (a.value === null || b.value === null) return { value: null, suppressed: false };
  return { value: round(a.value - b.value), suppressed: false };
}
