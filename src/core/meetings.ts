import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Translator } from './catalog/index.js';
import type { Cadence } from './charter.js';
import { DAY } from './clock.js';
import type { FormDefinition } from './forms.js';
import { type Message, textMessage } from './messages.js';
import type { NextRun } from './schedule.js';
import { type Availability, atLocalTime, isWorkingDay, nextAllowedInstant } from './time.js';

/**
 * Pair check-ins: at the charter's meeting cadence each member of the pair is asked whether they met.
 * Rounds count from the day the mentor confirmed the charter, in calendar terms in each person's own zone
 * (a week is seven local days, a month a calendar month), so a DST change never moves the hour.
 */
export const MEETING_ANSWERS = ['met', 'not_yet', 'skip'] as const;
export type MeetingAnswer = (typeof MEETING_ANSWERS)[number];

const PERIOD: Record<Cadence, { weeks?: number; months?: number }> = {
  weekly: { weeks: 1 },
  biweekly: { weeks: 2 },
  monthly: { months: 1 },
};

/** How long an unanswered round stays open before it counts as a meeting that did not happen. */
export function answerWindowMs(cadence: Cadence): number {
  return cadence === 'weekly' ? 7 * DAY : 14 * DAY;
}

export interface CheckinSeries {
  pairId: string;
  /** The charter version whose cadence the rounds follow. */
  version: number;
  cadence: Cadence;
  /** When the mentor confirmed that charter version. */
  anchor: number;
}

/** The round's name: its charter version and its number, e.g. "v1-3". */
export function roundName(version: number, round: number): string {
  return `v${version}-${round}`;
}

export function parseRound(name: string): { version: number; round: number } | null {
  const match = /^v(\d{1,4})-(\d{1,5})$/.exec(name);
  if (!match) return null;
  return { version: Number(match[1]), round: Number(match[2]) };
}

/** The local day a round falls on (round 0 is the day the charter became active). */
export function roundDay(series: CheckinSeries, round: number, zone: string): DateTime {
  const start = DateTime.fromMillis(series.anchor, { zone }).startOf('day');
  const period = PERIOD[series.cadence];
  return start.plus({ weeks: (period.weeks ?? 0) * round, months: (period.months ?? 0) * round });
}

/**
 * When a round is asked: its day (or the next working day) at the program's check-in time in the person's
 * zone, moved out of quiet hours.
 */
export function roundInstant(series: CheckinSeries, round: number, time: string, who: Availability): number {
  let day = roundDay(series, round, who.timezone);
  for (let guard = 0; guard < 7 && !isWorkingDay(day, who.workingDays); guard += 1)
    day = day.plus({ days: 1 });
  return nextAllowedInstant(atLocalTime(day, time, who.timezone).toMillis(), who);
}

/** The first round asked after `after`: its job for one member of the pair. */
export function nextPairCheckinRun(
  series: CheckinSeries,
  time: string,
  who: Availability,
  after: number,
): NextRun {
  const period = series.cadence === 'monthly' ? 31 * DAY : (series.cadence === 'weekly' ? 7 : 14) * DAY;
  let round = Math.max(1, Math.floor((after - series.anchor) / period) - 1);
  let dueAt = roundInstant(series, round, time, who);
  while (dueAt <= after) {
    round += 1;
    dueAt = roundInstant(series, round, time, who);
  }
  return { kind: 'pair_checkin', dueAt, occurrence: `${series.pairId}/${roundName(series.version, round)}` };
}

export interface MeetingRound {
  askedAt: number;
  /** What each member answered so far. */
  answers: readonly (MeetingAnswer | null)[];
}

export interface MeetingTally {
  /** Rounds in which the pair was expected to meet (skipped rounds do not count). */
  expected: number;
  met: number;
  skipped: number;
}

/**
 * Meetings held against expected. A round counts as met when either member says yes; as skipped when one of
 * them says the pair skips it; as expected but not met once someone says "not yet" or the round has been open
 * longer than the answer window. A round still open and unanswered does not count yet.
 */
export function meetingTally(rounds: readonly MeetingRound[], now: number, windowMs: number): MeetingTally {
  const tally: MeetingTally = { expected: 0, met: 0, skipped: 0 };
  for (const round of rounds) {
    if (round.answers.includes('met')) {
      tally.expected += 1;
      tally.met += 1;
    } else if (round.answers.includes('skip')) tally.skipped += 1;
    else if (round.answers.includes('not_yet') || now - round.askedAt >= windowMs) tally.expected += 1;
  }
  return tally;
}

// ---- messages and the note form ------------------------------------------------------------------------

/** "Did you meet since …?" with Yes / Not yet / We skip this one. `ref` names the pair and the round. */
export function pairCheckinMessage(t: Translator, otherName: string, since: number, ref: string): Message {
  return textMessage(t('meeting.ask', { other: otherName, since: new Date(since) }), [
    {
      type: 'actions',
      actions: [
        { action: 'meeting.yes', ref, label: t('meeting.yes'), style: 'primary' },
        { action: 'meeting.notyet', ref, label: t('meeting.notYet') },
        { action: 'meeting.skip', ref, label: t('meeting.skip') },
      ],
    },
  ]);
}

/** The check-in once answered: after a yes, how useful it was (1–5) and a note, both optional. */
export function pairCheckinAnsweredMessage(
  t: Translator,
  ref: string,
  answer: MeetingAnswer,
  usefulness: number | null,
  noted: boolean,
): Message {
  if (answer !== 'met') return textMessage(t('meeting.answered', { answer }));
  if (usefulness === null)
    return textMessage(t('meeting.howUseful'), [
      {
        type: 'actions',
        actions: [
          ...[1, 2, 3, 4, 5].map((n) => ({
            action: 'meeting.useful' as const,
            ref,
            value: String(n),
            label: t('meeting.usefulness', { n }),
          })),
          ...(noted ? [] : [{ action: 'meeting.note' as const, ref, label: t('meeting.addNote') }]),
        ],
      },
    ]);
  return textMessage(
    t('meeting.rated', { n: usefulness }),
    noted
      ? []
      : [{ type: 'actions', actions: [{ action: 'meeting.note', ref, label: t('meeting.addNote') }] }],
  );
}

export const meetingNoteForm: FormDefinition = {
  id: 'meeting-note',
  title: 'meeting.noteForm.title',
  submitLabel: 'meeting.noteForm.submit',
  fields: [{ id: 'note', label: 'meeting.noteForm.note', type: 'multiline', maxLength: 500 }],
  schema: z.object({
    note: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
  }),
};

export const usefulnessSchema = z.coerce.number().int().min(1).max(5);
