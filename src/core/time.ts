import { DateTime, IANAZone, Info, type Zone } from 'luxon';
import { z } from 'zod';

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export const weekdayNameSchema = z.enum(WEEKDAY_NAMES);
export const weekdayListSchema = z
  .array(weekdayNameSchema)
  .min(1, 'name at least one day')
  .refine((days) => new Set(days).size === days.length, 'each day may appear once');

export function weekdayNumber(name: WeekdayName): Weekday {
  return (WEEKDAY_NAMES.indexOf(name) + 1) as Weekday;
}

export function weekdayName(day: number): WeekdayName {
  const name = WEEKDAY_NAMES[day - 1];
  if (!name) throw new RangeError(`not an ISO weekday: ${day}`);
  return name;
}

export const timeZoneSchema = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone) && (zone.includes('/') || zone === 'UTC'), {
    message: 'must be an IANA time zone such as Europe/Berlin',
  });

/** "HH:MM" in 24-hour form. */
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24-hour)');

/** Whether a YYYY-MM-DD names a day of the calendar (no 30 February). */
function isCalendarDate(value: string): boolean {
  // Stryker disable next-line ObjectLiteral: equivalent; whether a calendar date exists does not depend on the zone
  return DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date');

/** A date typed into a form: like `isoDateSchema`, with catalog keys as messages. */
export const dateFieldSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine(isCalendarDate, 'validation.realDate');

export interface QuietHours {
  start: string;
  end: string;
}

/** The fewest minutes a day quiet hours must leave for messages (else every message of the day lands in one minute). */
export const MIN_SENDING_MINUTES = 60;

/** Minutes of the day outside quiet hours. */
export function sendingMinutes(quiet: QuietHours): number {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? 1440 - (end - start) : start - end;
}

export const quietHoursSchema = z
  .object({ start: localTimeSchema, end: localTimeSchema })
  .refine((q) => q.start !== q.end, 'start and end of quiet hours must differ')
  .superRefine((q, ctx) => {
    const times = [q.start, q.end].every((t) => localTimeSchema.safeParse(t).success);
    if (!times || q.start === q.end || sendingMinutes(q) >= MIN_SENDING_MINUTES) return;
    ctx.addIssue({
      code: 'custom',
      message: `quiet hours from ${q.start} to ${q.end} leave ${sendingMinutes(q)} minutes a day for messages; leave at least ${MIN_SENDING_MINUTES}`,
    });
  });

/** The rules that decide when one person may be messaged. */
export interface Availability {
  timezone: string;
  workingDays: readonly Weekday[];
  quietHours: QuietHours;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * A time zone whose UTC offsets are remembered by instant. Luxon asks the platform's time zone data (an Intl
 * formatter) for an offset on every conversion, and the same instants come back many times over: everyone in a
 * zone with the same nudge time, in every pass. The answers are the same, only computed once.
 */
class RememberingZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  override offset(ts: number): number {
    let offset = this.#offsets.get(ts);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.#offsets.size >= 100_000) this.#offsets.clear();
      this.#offsets.set(ts, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone>();

/** The luxon zone for a zone name, as luxon would read the name itself (IANA zones remember their offsets). */
export function zoneNamed(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    const normalized = Info.normalizeZone(name);
    zone =
      normalized instanceof IANAZone && normalized.isValid
        ? new RememberingZone(normalized.name)
        : normalized;
    zones.set(name, zone);
  }
  return zone;
}

export function localDateTime(instant: number, zone: string): DateTime {
  return DateTime.fromMillis(instant, { zone: zoneNamed(zone) });
}

export function isQuiet(local: DateTime, quiet: QuietHours): boolean {
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  // Stryker disable next-line EqualityOperator: equivalent; quiet hours never start and end at the same time (quietHoursSchema)
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

export function isWorkingDay(local: DateTime, workingDays: readonly Weekday[]): boolean {
  return workingDays.includes(local.weekday as Weekday);
}

/** A local wall-clock time on a local date; a time skipped by a DST jump moves forward, as clocks do. */
export function atLocalTime(date: DateTime, hhmm: string, zone: string): DateTime {
  const minutes = minutesOf(hhmm);
  return DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone: zoneNamed(zone) },
  );
}

/**
 * The earliest instant at or after `instant` that is on a working day and outside quiet hours,
 * in the person's own time zone.
 */
export function nextAllowedInstant(instant: number, who: Availability): number {
  let local = localDateTime(instant, who.timezone);
  // Stryker disable next-line EqualityOperator: equivalent; a safety net: with a working day every week an allowed time is found in far fewer steps
  for (let guard = 0; guard < 32; guard += 1) {
    if (!isWorkingDay(local, who.workingDays)) {
      local = local.plus({ days: 1 }).startOf('day');
      continue;
    }
    if (isQuiet(local, who.quietHours)) {
      const end = atLocalTime(local, who.quietHours.end, who.timezone);
      // Quiet hours that run past midnight end tomorrow when we are in their evening part.
      // Stryker disable next-line EqualityOperator: equivalent; the end of quiet hours is never quiet, so it never equals `local` here
      local = end > local ? end : atLocalTime(local.plus({ days: 1 }), who.quietHours.end, who.timezone);
      continue;
    }
    return local.toMillis();
  }
  throw new Error('no working time found within four weeks: check working days and quiet hours');
}

export function isAllowedNow(instant: number, who: Availability): boolean {
  return nextAllowedInstant(instant, who) === instant;
}

/** ISO week of the instant in the person's zone, e.g. "2026-W09": the unit of the weekly message budget. */
export function localWeekKey(instant: number, zone: string): string {
  const local = localDateTime(instant, zone);
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

export function localDateKey(instant: number, zone: string): string {
  return localDateTime(instant, zone).toISODate() ?? '';
}

/** Start of the next local ISO week (Monday 00:00) after the instant. */
export function startOfNextWeek(instant: number, zone: string): number {
  return localDateTime(instant, zone).startOf('week').plus({ weeks: 1 }).toMillis();
}

export function addLocalDays(isoDate: string, days: number): string {
  // Stryker disable next-line ObjectLiteral: equivalent; adding calendar days gives the same date in any zone
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toISODate() ?? isoDate;
}
