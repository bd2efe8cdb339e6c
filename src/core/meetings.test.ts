import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { english } from './catalog/index.js';
import { DAY } from './clock.js';
import { engagementSettingsSchema, scorePair } from './engagement.js';
import { validateForm } from './forms.js';
import {
  answerWindowMs,
  type CheckinSeries,
  meetingNoteForm,
  meetingTally,
  nextPairCheckinRun,
  pairCheckinAnsweredMessage,
  pairCheckinMessage,
  parseRound,
  roundInstant,
  roundName,
  usefulnessSchema,
} from './meetings.js';
import { reasonText } from './mentoring.js';
import type { Availability } from './time.js';

const berlin: Availability = {
  timezone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  quietHours: { start: '19:00', end: '08:00' },
};
const local = (at: number, zone = 'Europe/Berlin') =>
  DateTime.fromMillis(at, { zone }).toFormat('ccc yyyy-LL-dd HH:mm');
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

describe('pair check-in rounds on the charter cadence', () => {
  // Confirmed on Monday 16 March 2026, two weeks before Berlin moves its clocks (29 March).
  const weekly: CheckinSeries = {
    pairId: 'pair_1',
    version: 1,
    cadence: 'weekly',
    anchor: at('2026-03-16T14:20:00+01:00'),
  };

  it('asks at the check-in time in the person\u2019s own zone, the same wall-clock hour across a DST change', () => {
    const rounds = [1, 2, 3].map((round) => roundInstant(weekly, round, '10:00', berlin));
    expect(rounds.map((r) => local(r))).toEqual([
      'Mon 2026-03-23 10:00',
      'Mon 2026-03-30 10:00',
      'Mon 2026-04-06 10:00',
    ]);
    // Before the change Berlin is UTC+1, after it UTC+2: the instants are 7 days minus an hour apart.
    expect(rounds[1]! - rounds[0]!).toBe(7 * DAY - 3_600_000);
  });

  it('each member gets the round in their own time zone', () => {
    const tokyo: Availability = { ...berlin, timezone: 'Asia/Tokyo' };
    expect(local(roundInstant(weekly, 1, '10:00', tokyo), 'Asia/Tokyo')).toBe('Mon 2026-03-23 10:00');
  });

  it('moves a round off a non-working day and out of quiet hours', () => {
    const fridayOff: Availability = { ...berlin, workingDays: [1, 2, 3, 4] };
    const fromFriday = { ...weekly, anchor: at('2026-03-20T11:00:00+01:00') };
    expect(local(roundInstant(fromFriday, 1, '10:00', fridayOff))).toBe('Mon 2026-03-30 10:00');
    expect(local(roundInstant(weekly, 1, '06:30', berlin))).toBe('Mon 2026-03-23 08:00');
  });

  it('biweekly and monthly rounds count from the charter day; a month keeps its calendar day', () => {
    const biweekly = { ...weekly, cadence: 'biweekly' as const };
    expect(local(roundInstant(biweekly, 2, '10:00', berlin))).toBe('Mon 2026-04-13 10:00');
    const monthly: CheckinSeries = { ...weekly, cadence: 'monthly', anchor: at('2026-01-30T12:00:00+01:00') };
    // 30 February does not exist: the round falls on the last day of February (a Saturday, so it is asked on
    // Monday at the check-in time), and March is back on the 30th.
    expect([1, 2].map((r) => local(roundInstant(monthly, r, '10:00', berlin)))).toEqual([
      'Mon 2026-03-02 10:00',
      'Mon 2026-03-30 10:00',
    ]);
  });

  it('the next run is the first round after a moment, named by charter version and round', () => {
    const first = nextPairCheckinRun(weekly, '10:00', berlin, weekly.anchor);
    expect(first).toEqual({
      kind: 'pair_checkin',
      dueAt: roundInstant(weekly, 1, '10:00', berlin),
      occurrence: 'pair_1/v1-1',
    });
    // Asked exactly at the first round: the next is the second; a month later it is the sixth.
    expect(nextPairCheckinRun(weekly, '10:00', berlin, first.dueAt).occurrence).toBe('pair_1/v1-2');
    expect(nextPairCheckinRun(weekly, '10:00', berlin, first.dueAt + 30 * DAY).occurrence).toBe(
      'pair_1/v1-6',
    );
    expect(parseRound('v1-6')).toEqual({ version: 1, round: 6 });
    expect(parseRound('v1-x')).toBeNull();
  });
});

describe('meetings held against expected', () => {
  const now = Date.UTC(2026, 4, 1);
  const window = 14 * DAY;

  it('a yes from either member is a meeting; a skip is not expected; silence counts only once the window closes', () => {
    const tally = meetingTally(
      [
        { askedAt: now - 60 * DAY, answers: ['met', null] },
        { askedAt: now - 45 * DAY, answers: ['not_yet', 'met'] },
        { askedAt: now - 30 * DAY, answers: ['skip', null] },
        { askedAt: now - 20 * DAY, answers: [null, null] },
        { askedAt: now - 10 * DAY, answers: ['not_yet', null] },
        { askedAt: now - 2 * DAY, answers: [null, null] },
      ],
      now,
      window,
    );
    expect(tally).toEqual({ expected: 4, met: 2, skipped: 1 });
  });

  it('feeds the engagement score with its reason in words: "met 1 of 4 expected times"', () => {
    const settings = engagementSettingsSchema.parse({});
    const base = {
      now,
      pairedAt: now - 70 * DAY,
      charterActivatedAt: now - 65 * DAY,
      milestones: [],
      mentor: { name: 'Mo', lastInteractionAt: now - DAY },
      mentee: { name: 'Mia', lastInteractionAt: now - DAY },
      missedCheckins: 0,
    };
    const score = scorePair({ ...base, meetings: { expected: 4, met: 1 } }, settings);
    expect(score.score).toBe(70);
    expect(score.reasons).toHaveLength(1);
    expect(reasonText(english, score.reasons[0]!)).toBe('met 1 of 4 expected times');
    expect(score.reasons[0]!.text).toBe('met 1 of 4 expected times');
    expect(scorePair({ ...base, meetings: { expected: 3, met: 3 } }, settings).reasons).toEqual([]);
    const heavier = engagementSettingsSchema.parse({ weights: { meetingMissed: 25 } });
    expect(scorePair({ ...base, meetings: { expected: 2, met: 0 } }, heavier).score).toBe(50);
  });
});

describe('the check-in messages', () => {
  const buttons = (m: ReturnType<typeof pairCheckinMessage>) =>
    m.blocks.flatMap((b) =>
      b.type === 'actions' ? b.actions.map((a) => [a.action, a.ref, a.value ?? '', a.label]) : [],
    );

  it('asks with Yes / Not yet / We skip this one, each naming the pair and the round', () => {
    const ask = pairCheckinMessage(english, 'Mo', Date.UTC(2026, 2, 2, 12), 'pair_1/v1-2');
    expect(ask.text).toBe(
      'Pair check-in: did you and *Mo* meet since Mon 2 Mar? Only the program team sees the answers.',
    );
    expect(buttons(ask)).toEqual([
      ['meeting.yes', 'pair_1/v1-2', '', 'Yes'],
      ['meeting.notyet', 'pair_1/v1-2', '', 'Not yet'],
      ['meeting.skip', 'pair_1/v1-2', '', 'We skip this one'],
    ]);
  });

  it('after a yes: usefulness 1–5 and a note, each offered until given', () => {
    const yes = pairCheckinAnsweredMessage(english, 'r', 'met', null, false);
    expect(yes.text).toMatch(/How useful was it/);
    expect(buttons(yes)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => ['meeting.useful', 'r', String(n), String(n)]),
      ['meeting.note', 'r', '', 'Add a note'],
    ]);
    expect(buttons(pairCheckinAnsweredMessage(english, 'r', 'met', null, true))).toHaveLength(5);
    const rated = pairCheckinAnsweredMessage(english, 'r', 'met', 4, false);
    expect(rated.text).toBe('Thanks: you met, and it was 4 of 5 useful.');
    expect(buttons(rated)).toEqual([['meeting.note', 'r', '', 'Add a note']]);
    expect(pairCheckinAnsweredMessage(english, 'r', 'met', 4, true).blocks).toHaveLength(1);
  });

  it('not yet and skip say so, with no buttons', () => {
    const notYet = pairCheckinAnsweredMessage(english, 'r', 'not_yet', null, false);
    expect(notYet.text).toMatch(/^Noted: not yet\./);
    expect(notYet.blocks).toHaveLength(1);
    expect(pairCheckinAnsweredMessage(english, 'r', 'skip', null, false).text).toMatch(/skip this one/);
  });

  it('the note is required in its form and at most 500 characters; usefulness is a whole number 1–5', () => {
    expect(validateForm(meetingNoteForm, { note: '  ' }).ok).toBe(false);
    expect(validateForm(meetingNoteForm, { note: 'x'.repeat(501) }).ok).toBe(false);
    expect(validateForm(meetingNoteForm, { note: ' Good talk ' })).toMatchObject({
      ok: true,
      value: { note: 'Good talk' },
    });
    expect(['1', '5'].map((v) => usefulnessSchema.safeParse(v).success)).toEqual([true, true]);
    expect(['0', '6', '2.5', 'x'].map((v) => usefulnessSchema.safeParse(v).success)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('an unanswered round stays open a week at a weekly cadence, two weeks otherwise', () => {
    expect(answerWindowMs('weekly')).toBe(7 * DAY);
    expect(answerWindowMs('biweekly')).toBe(14 * DAY);
    expect(answerWindowMs('monthly')).toBe(14 * DAY);
    expect(roundName(2, 7)).toBe('v2-7');
    expect(parseRound('v2-7')).toEqual({ version: 2, round: 7 });
    expect(parseRound('x2-7')).toBeNull();
    expect(parseRound('v2-7x')).toBeNull();
    expect(parseRound('av2-7')).toBeNull();
  });
});
