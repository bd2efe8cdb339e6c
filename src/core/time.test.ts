import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  type Availability,
  addLocalDays,
  atLocalTime,
  dateFieldSchema,
  isAllowedNow,
  isoDateSchema,
  isQuiet,
  isWorkingDay,
  localDateKey,
  localDateTime,
  localTimeSchema,
  localWeekKey,
  nextAllowedInstant,
  startOfNextWeek,
  timeZoneSchema,
  type Weekday,
  weekdayName,
  weekdayNumber,
} from './time.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const show = (instant: number, zone: string) =>
  DateTime.fromMillis(instant, { zone }).toFormat('ccc yyyy-LL-dd HH:mm');

const overnight = (zone = NY, workingDays: Weekday[] = WEEKDAYS): Availability => ({
  timezone: zone,
  workingDays,
  quietHours: { start: '19:00', end: '08:00' },
});

describe('isQuiet', () => {
  const local = (hhmm: string) => DateTime.fromISO(`2026-03-10T${hhmm}`, { zone: NY });

  it('treats quiet hours that span midnight as evening plus early morning', () => {
    const quiet = { start: '19:00', end: '08:00' };
    expect(isQuiet(local('18:59'), quiet)).toBe(false);
    expect(isQuiet(local('19:00'), quiet)).toBe(true);
    expect(isQuiet(local('23:59'), quiet)).toBe(true);
    expect(isQuiet(local('00:00'), quiet)).toBe(true);
    expect(isQuiet(local('07:59'), quiet)).toBe(true);
    expect(isQuiet(local('08:00'), quiet)).toBe(false);
    expect(isQuiet(local('12:00'), quiet)).toBe(false);
  });

  it('treats same-day quiet hours as one block', () => {
    const quiet = { start: '12:00', end: '13:30' };
    expect(isQuiet(local('11:59'), quiet)).toBe(false);
    expect(isQuiet(local('12:00'), quiet)).toBe(true);
    expect(isQuiet(local('13:29'), quiet)).toBe(true);
    expect(isQuiet(local('13:30'), quiet)).toBe(false);
    expect(isQuiet(local('23:00'), quiet)).toBe(false);
    expect(isQuiet(local('03:00'), quiet)).toBe(false);
  });
});

describe('nextAllowedInstant', () => {
  it('returns the instant itself when it is a working day outside quiet hours', () => {
    const instant = at('2026-03-10T10:15', NY);
    expect(nextAllowedInstant(instant, overnight())).toBe(instant);
    expect(isAllowedNow(instant, overnight())).toBe(true);
  });

  it('moves an evening instant to the end of quiet hours on the next morning', () => {
    expect(show(nextAllowedInstant(at('2026-03-10T20:15', NY), overnight()), NY)).toBe(
      'Wed 2026-03-11 08:00',
    );
    expect(show(nextAllowedInstant(at('2026-03-10T19:00', NY), overnight()), NY)).toBe(
      'Wed 2026-03-11 08:00',
    );
    expect(isAllowedNow(at('2026-03-10T19:00', NY), overnight())).toBe(false);
  });

  it('moves an early-morning instant to the end of quiet hours the same day', () => {
    expect(show(nextAllowedInstant(at('2026-03-10T05:40', NY), overnight()), NY)).toBe(
      'Tue 2026-03-10 08:00',
    );
    expect(show(nextAllowedInstant(at('2026-03-10T00:00', NY), overnight()), NY)).toBe(
      'Tue 2026-03-10 08:00',
    );
  });

  it('handles same-day quiet hours', () => {
    const lunch: Availability = {
      timezone: NY,
      workingDays: WEEKDAYS,
      quietHours: { start: '12:00', end: '13:30' },
    };
    expect(show(nextAllowedInstant(at('2026-03-10T12:10', NY), lunch), NY)).toBe('Tue 2026-03-10 13:30');
    expect(show(nextAllowedInstant(at('2026-03-10T13:30', NY), lunch), NY)).toBe('Tue 2026-03-10 13:30');
    // Late evening is fine with lunch-time quiet hours.
    expect(show(nextAllowedInstant(at('2026-03-10T23:10', NY), lunch), NY)).toBe('Tue 2026-03-10 23:10');
  });

  it('skips non-working days, landing at the end of quiet hours', () => {
    expect(show(nextAllowedInstant(at('2026-03-13T20:00', NY), overnight()), NY)).toBe(
      'Mon 2026-03-16 08:00',
    );
    expect(show(nextAllowedInstant(at('2026-03-14T11:00', NY), overnight()), NY)).toBe(
      'Mon 2026-03-16 08:00',
    );
    expect(show(nextAllowedInstant(at('2026-03-15T23:30', NY), overnight()), NY)).toBe(
      'Mon 2026-03-16 08:00',
    );
  });

  it('honours custom working days', () => {
    const monWedFri = overnight(NY, [1, 3, 5]);
    expect(show(nextAllowedInstant(at('2026-03-10T10:00', NY), monWedFri), NY)).toBe('Wed 2026-03-11 08:00');
    expect(show(nextAllowedInstant(at('2026-03-11T10:00', NY), monWedFri), NY)).toBe('Wed 2026-03-11 10:00');
    const weekendOnly = overnight(NY, [6, 7]);
    expect(show(nextAllowedInstant(at('2026-03-10T10:00', NY), weekendOnly), NY)).toBe(
      'Sat 2026-03-14 08:00',
    );
  });

  it('works in the person’s own zone, not the server’s', () => {
    // 20:00 in New York is 01:00 in Berlin the next day: quiet in both, but the answer differs.
    const instant = at('2026-03-10T20:00', NY);
    expect(show(nextAllowedInstant(instant, overnight(NY)), NY)).toBe('Wed 2026-03-11 08:00');
    expect(show(nextAllowedInstant(instant, overnight(BERLIN)), BERLIN)).toBe('Wed 2026-03-11 08:00');
    expect(nextAllowedInstant(instant, overnight(BERLIN))).toBeLessThan(
      nextAllowedInstant(instant, overnight(NY)),
    );
  });

  it('ends quiet hours that end inside a skipped DST hour at the first valid time', () => {
    const every: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
    const who: Availability = {
      timezone: BERLIN,
      workingDays: every,
      quietHours: { start: '01:00', end: '02:30' },
    };
    const result = nextAllowedInstant(at('2026-03-29T01:30', BERLIN), who);
    expect(DateTime.fromMillis(result, { zone: BERLIN }).toISO()).toBe('2026-03-29T03:30:00.000+02:00');
  });

  it('gives up with an error rather than looping when no time is allowed', () => {
    const never: Availability = {
      timezone: NY,
      workingDays: [],
      quietHours: { start: '19:00', end: '08:00' },
    };
    expect(() => nextAllowedInstant(at('2026-03-10T10:00', NY), never)).toThrow(/no working time/);
  });
});

describe('localWeekKey and week arithmetic', () => {
  it('uses ISO weeks starting on Monday in the local zone', () => {
    expect(localWeekKey(at('2026-03-08T23:30', NY), NY)).toBe('2026-W10');
    expect(localWeekKey(at('2026-03-09T00:00', NY), NY)).toBe('2026-W11');
    // The same instant is Sunday night in New York and Monday morning in Berlin.
    const instant = Date.UTC(2026, 2, 9, 3, 0);
    expect(localWeekKey(instant, NY)).toBe('2026-W10');
    expect(localWeekKey(instant, BERLIN)).toBe('2026-W11');
  });

  it('uses the ISO week year at the turn of the year', () => {
    expect(localWeekKey(at('2027-01-01T12:00', NY), NY)).toBe('2026-W53');
    expect(localWeekKey(at('2027-01-04T12:00', NY), NY)).toBe('2027-W01');
    expect(localWeekKey(at('2025-12-29T12:00', BERLIN), BERLIN)).toBe('2026-W01');
  });

  it('finds the start of the next local week across a DST change', () => {
    // Wednesday before the spring-forward Sunday: next Monday midnight is already in EDT.
    const next = startOfNextWeek(at('2026-03-04T15:00', NY), NY);
    expect(DateTime.fromMillis(next, { zone: NY }).toISO()).toBe('2026-03-09T00:00:00.000-04:00');
    const fromSunday = startOfNextWeek(at('2026-03-08T23:59', NY), NY);
    expect(fromSunday).toBe(next);
  });

  it('formats local dates and adds calendar days', () => {
    expect(localDateKey(Date.UTC(2026, 2, 10, 3, 0), NY)).toBe('2026-03-09');
    expect(localDateKey(Date.UTC(2026, 2, 10, 3, 0), BERLIN)).toBe('2026-03-10');
    expect(addLocalDays('2026-03-02', 91)).toBe('2026-06-01');
    expect(addLocalDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});

describe('local times and weekdays', () => {
  it('moves a wall-clock time skipped by spring-forward to after the gap', () => {
    const day = DateTime.fromISO('2026-03-08', { zone: NY });
    expect(atLocalTime(day, '02:30', NY).toISO()).toBe('2026-03-08T03:30:00.000-04:00');
    expect(atLocalTime(day, '09:30', NY).toISO()).toBe('2026-03-08T09:30:00.000-04:00');
  });

  it('maps weekday names to ISO numbers and back', () => {
    expect(weekdayNumber('mon')).toBe(1);
    expect(weekdayNumber('sun')).toBe(7);
    expect(weekdayName(4)).toBe('thu');
    expect(() => weekdayName(8)).toThrow(RangeError);
    expect(isWorkingDay(DateTime.fromISO('2026-03-14', { zone: NY }), WEEKDAYS)).toBe(false);
    expect(isWorkingDay(DateTime.fromISO('2026-03-13', { zone: NY }), WEEKDAYS)).toBe(true);
  });
});

describe('program times', () => {
  it('accepts exactly HH:MM in 24-hour form', () => {
    for (const time of ['00:00', '09:30', '19:59', '23:59'])
      expect(localTimeSchema.safeParse(time).success).toBe(true);
    for (const time of ['09:300', '10:00pm', '9:30', '109:30', '24:00', '12:60', '12.30', ' 09:30', '']) {
      expect(localTimeSchema.safeParse(time)).toMatchObject({
        success: false,
        error: { issues: [{ message: 'must be a time as HH:MM (24-hour)' }] },
      });
    }
  });
});

describe('dates and zones typed by people', () => {
  it('takes exactly YYYY-MM-DD for a real calendar date', () => {
    expect(isoDateSchema.safeParse('2026-02-28').success).toBe(true);
    for (const [value, message] of [
      ['2026-02-30', 'is not a real calendar date'],
      ['2026-02-280', 'must be a date as YYYY-MM-DD'],
      ['12026-02-28', 'must be a date as YYYY-MM-DD'],
      ['28.02.2026', 'must be a date as YYYY-MM-DD'],
    ] as const) {
      expect(isoDateSchema.safeParse(value).error?.issues.map((i) => i.message)).toContain(message);
    }
  });

  it('takes a date field with spaces around it, and names the problem by catalog key', () => {
    expect(dateFieldSchema.parse(' 2026-02-28 ')).toBe('2026-02-28');
    expect(dateFieldSchema.safeParse('2026-02-280').error?.issues[0]?.message).toBe('validation.date');
    expect(dateFieldSchema.safeParse('x2026-02-28').error?.issues[0]?.message).toBe('validation.date');
    expect(dateFieldSchema.safeParse('2026-02-30').error?.issues[0]?.message).toBe('validation.realDate');
  });

  it('takes an IANA zone with a region, or UTC, and says what it wants otherwise', () => {
    expect(timeZoneSchema.safeParse('Europe/Berlin').success).toBe(true);
    expect(timeZoneSchema.safeParse('UTC').success).toBe(true);
    for (const zone of ['EST', 'Mars/Olympus', 'Etc/Nowhere']) {
      expect(timeZoneSchema.safeParse(zone).error?.issues.map((i) => i.message)).toEqual([
        'must be an IANA time zone such as Europe/Berlin',
      ]);
    }
  });
});

describe('zones that remember their offsets', () => {
  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'UTC',
    'Etc/GMT+5',
  ];
  // Around the 2026 changes in New York (8 March, 1 November) and Berlin (29 March, 25 October), hour by hour.
  const instants: number[] = [];
  for (const day of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-04-05'])
    for (let h = -6; h <= 30; h += 1)
      instants.push(Date.parse(`${day}T00:00:00Z`) + h * 3_600_000 + 17 * 60_000);

  it('give the same local times as luxon reading the zone name, the second time too', () => {
    for (const zone of zones)
      for (let round = 0; round < 2; round += 1)
        for (const instant of instants)
          expect(localDateTime(instant, zone).toISO()).toBe(DateTime.fromMillis(instant, { zone }).toISO());
  });

  it('place local wall-clock times as luxon does, including times a change skips or repeats', () => {
    for (const zone of zones)
      for (const date of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01'])
        for (const hhmm of ['00:30', '01:30', '02:30', '03:00']) {
          const [hour, minute] = hhmm.split(':').map(Number);
          const expected = DateTime.fromObject(
            { ...DateTime.fromISO(date).toObject(), hour, minute },
            { zone },
          ).toMillis();
          expect(atLocalTime(DateTime.fromISO(date, { zone }), hhmm, zone).toMillis()).toBe(expected);
        }
  });

  it('leave names luxon does not know as invalid as luxon does', () => {
    expect(localDateTime(0, 'Mars/Olympus').isValid).toBe(false);
    expect(DateTime.fromMillis(0, { zone: 'Mars/Olympus' }).isValid).toBe(false);
  });
});
