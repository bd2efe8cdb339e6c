import { describe, expect, it } from 'vitest';
import {
  countFigure,
  differenceFigure,
  MIN_GROUP,
  meanOf,
  medianOf,
  rateFigure,
  round,
  showable,
  statFigure,
} from './figures.js';

describe('small-group suppression', () => {
  it('shows a group of nobody or of at least five people, never one of one to four', () => {
    expect(MIN_GROUP).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6].map(showable)).toEqual([true, false, false, false, false, true, true]);
  });

  it('suppresses counts of one to four people, and counts of things that belong to so few people', () => {
    expect(countFigure(0)).toEqual({ value: 0, suppressed: false });
    expect(countFigure(4)).toEqual({ value: null, suppressed: true });
    expect(countFigure(5)).toEqual({ value: 5, suppressed: false });
    // 12 messages to 3 people: hidden; 3 pairs of 6 people: shown.
    expect(countFigure(12, 3)).toEqual({ value: null, suppressed: true });
    expect(countFigure(3, 6)).toEqual({ value: 3, suppressed: false });
  });

  it('suppresses a mean over fewer than five contributors and says "no data" for none', () => {
    expect(statFigure([], meanOf)).toEqual({ value: null, people: 0, suppressed: false });
    expect(statFigure([1, 2, 3, 4], meanOf)).toEqual({ value: null, people: null, suppressed: true });
    // (1+2+3+4+5)/5 = 3
    expect(statFigure([1, 2, 3, 4, 5], meanOf)).toEqual({ value: 3, people: 5, suppressed: false });
  });

  it('suppresses a share when its numerator or its denominator covers one to four people', () => {
    expect(rateFigure(3, 40)).toEqual({ numerator: null, denominator: 40, rate: null, suppressed: true });
    expect(rateFigure(3, 4)).toEqual({ numerator: null, denominator: null, rate: null, suppressed: true });
    // 0 of 40 gives nobody away.
    expect(rateFigure(0, 40)).toEqual({ numerator: 0, denominator: 40, rate: 0, suppressed: false });
    // 5/7 = 0.714285… → 0.7143
    expect(rateFigure(5, 7)).toEqual({ numerator: 5, denominator: 7, rate: 0.7143, suppressed: false });
    expect(rateFigure(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null, suppressed: false });
    // Shares of things (messages) gated by the people behind them: 30 of 60 messages, 4 people answered.
    expect(rateFigure(30, 60, 4, 10).suppressed).toBe(true);
    expect(rateFigure(30, 60, 5, 10)).toEqual({
      numerator: 30,
      denominator: 60,
      rate: 0.5,
      suppressed: false,
    });
  });

  it('suppresses a difference when either side is suppressed', () => {
    const a = { value: 3.5, people: 6, suppressed: false };
    expect(differenceFigure(a, { value: 2, people: 5, suppressed: false })).toEqual({
      value: 1.5,
      suppressed: false,
    });
    expect(differenceFigure(a, { value: null, people: null, suppressed: true })).toEqual({
      value: null,
      suppressed: true,
    });
    expect(differenceFigure(a, { value: null, people: 0, suppressed: false })).toEqual({
      value: null,
      suppressed: false,
    });
  });

  it('takes medians of odd and even counts, and rounds without a negative zero', () => {
    expect(medianOf([5, 1, 3])).toBe(3);
    expect(medianOf([10, 2, 8, 5])).toBe(6.5);
    expect(round(2 / 3)).toBe(0.6667);
    expect(Object.is(round(-0.00001), 0)).toBe(true);
  });
});
