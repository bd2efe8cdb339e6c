import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DAY } from './clock.js';
import {
  answerWindowMs,
  type CheckinSeries,
  meetingTally,
  nextPairCheckinRun,
  parseRound,
  roundDay,
  roundInstant,
  roundName,
} from './meetings.js';
import type { Availability } from './time.js';

const utc: Availability = {
  timezone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  quietHours: { start: '22:00', end: '06:00' },
};
const local = (at: number, zone = 'UTC') =>
  DateTime.fromMillis(at, { zone }).toFormat('ccc yyyy-LL-dd HH:mm');
// Wednesday 7 January 2026, 15:00 UTC.
const anchor = Date.UTC(2026, 0, 7, 15);
const series = (cadence: CheckinSeries['cadence']): CheckinSeries => ({
  pairId: 'p',
  version: 2,
  cadence,
  anchor,
});

describe('round names', () => {
  it('read back what they write, with up to 4 digits of version and 5 of round', () => {
    expect(roundName(3, 12)).toBe('v3-12');
    expect(parseRound(roundName(3, 12))).toEqual({ version: 3, round: 12 });
    expect(parseRound('v9999-99999')).toEqual({ version: 9999, round: 99999 });
    for (const bad of ['v10000-1', 'v1-100000', 'xv1-2', 'v1-2x', 'v-2', 'v1-', '1-2', 'v1_2', ''])
      expect(parseRound(bad)).toBeNull();
  });
});

describe('round days', () => {
  it('start on the charter’s local day and step by the cadence', () => {
    const day = (cadence: CheckinSeries['cadence'], round: number, zone = 'UTC') =>
      roundDay(series(cadence), round, zone).toFormat('yyyy-LL-dd HH:mm');
    expect(day('weekly', 0)).toBe('2026-01-07 00:00');
    expect(day('weekly', 3)).toBe('2026-01-28 00:00');
    expect(day('biweekly', 3)).toBe('2026-02-18 00:00');
    expect(day('monthly', 3)).toBe('2026-04-07 00:00');
    // 15:00 UTC is already the next day in Tokyo.
    expect(day('weekly', 1, 'Asia/Tokyo')).toBe('2026-01-15 00:00');
  });
});

describe('round instants', () => {
  it('move to the next working day at the check-in time, and refuse a week without one', () => {
    expect(() => roundInstant(series('weekly'), 1, '10:00', { ...utc, workingDays: [] })).toThrow(
      /no working time/,
    );
    const mondays: Availability = { ...utc, workingDays: [1] };
    expect(local(roundInstant(series('weekly'), 1, '10:00', mondays))).toBe('Mon 2026-01-19 10:00');
  });
});

describe('the next check-in run', () => {
  it('is the first round strictly after the moment, for every cadence', () => {
    for (const cadence of ['weekly', 'biweekly', 'monthly'] as const) {
      const s = series(cadence);
      const rounds = Array.from({ length: 14 }, (_, r) => roundInstant(s, r + 1, '10:00', utc));
      for (let r = 0; r < rounds.length - 1; r += 1) {
        const at = rounds[r]!;
        for (const after of [at - 1, at, at + DAY]) {
          const next = nextPairCheckinRun(s, '10:00', utc, after);
          const expected = rounds.findIndex((due) => due > after);
          expect(next).toEqual({
            kind: 'pair_checkin',
            dueAt: rounds[expected],
            occurrence: `p/v2-${expected + 1}`,
          });
        }
      }
    }
  });

  it('never asks round 0, the day the charter was confirmed', () => {
    const early = { ...series('weekly'), anchor: Date.UTC(2026, 0, 7, 5) };
    expect(nextPairCheckinRun(early, '10:00', utc, early.anchor).occurrence).toBe('p/v2-1');
  });
});

describe('the answer window', () => {
  it('closes exactly when it has been open its length', () => {
    const now = Date.UTC(2026, 4, 1);
    const open = (openFor: number) =>
      meetingTally([{ askedAt: now - openFor, answers: [null, null] }], now, 7 * DAY);
    expect(open(7 * DAY - 1)).toEqual({ expected: 0, met: 0, skipped: 0 });
    expect(open(7 * DAY)).toEqual({ expected: 1, met: 0, skipped: 0 });
    expect(meetingTally([], now, 7 * DAY)).toEqual({ expected: 0, met: 0, skipped: 0 });
  });

  it('counts a yes over a skip, and a skip over a not yet', () => {
    const now = Date.UTC(2026, 4, 1);
    expect(meetingTally([{ askedAt: now, answers: ['skip', 'met'] }], now, DAY)).toEqual({
      expected: 1,
      met: 1,
      skipped: 0,
    });
    expect(meetingTally([{ askedAt: now, answers: ['not_yet', 'skip'] }], now, DAY)).toEqual({
      expected: 0,
      met: 0,
      skipped: 1,
    });
  });

  it('is a week at a weekly cadence and two weeks otherwise', () => {
    expect([answerWindowMs('weekly'), answerWindowMs('biweekly'), answerWindowMs('monthly')]).toEqual([
      7 * DAY,
      14 * DAY,
      14 * DAY,
    ]);
  });
});
