import { describe, expect, it } from 'vitest';
import { DAY, ManualClock } from './clock.js';
import { engagementSettingsSchema, escalationStep, type PairSignals, scorePair } from './engagement.js';

const settings = engagementSettingsSchema.parse({});
const start = Date.UTC(2026, 2, 2);

function signals(overrides: Partial<PairSignals> = {}): PairSignals {
  return {
    now: start + 10 * DAY,
    pairedAt: start,
    charterActivatedAt: start + 5 * DAY,
    milestones: [],
    mentor: { name: 'Maria', lastInteractionAt: start + 9 * DAY },
    mentee: { name: 'Theo', lastInteractionAt: start + 9 * DAY },
    missedCheckins: 0,
    ...overrides,
  };
}

describe('scorePair', () => {
  it('is 100 with no reasons for an active pair', () => {
    expect(scorePair(signals(), settings)).toEqual({ score: 100, reasons: [], low: false });
  });

  it('explains every point it takes off, from what the bot saw', () => {
    const result = scorePair(
      signals({
        now: start + 40 * DAY,
        charterActivatedAt: null,
        milestones: [
          { description: 'Kickoff', dueAt: start + 30 * DAY, confirmedAt: null },
          { description: 'On time', dueAt: start + 30 * DAY, confirmedAt: start + 30 * DAY },
        ],
        mentor: { name: 'Maria', lastInteractionAt: start + 10 * DAY },
        mentee: { name: 'Theo', lastInteractionAt: start + 39 * DAY },
        missedCheckins: 2,
      }),
      settings,
    );
    expect(result.reasons).toEqual([
      {
        signal: 'charter_unfinished',
        points: 30,
        text: 'charter not finished 40 days after pairing',
        facts: { days: 40 },
      },
      {
        signal: 'milestone_late',
        points: 20,
        text: 'milestone "Kickoff" unconfirmed 10 days after its due date',
        facts: { description: 'Kickoff', confirmed: false, days: 10 },
      },
      {
        signal: 'person_quiet',
        points: 20,
        text: 'mentor Maria has not interacted with the bot for 30 days',
        facts: { role: 'mentor', name: 'Maria', days: 30 },
      },
      {
        signal: 'checkin_missed',
        points: 20,
        text: 'mentee missed 2 checkpoint check-ins',
        facts: { count: 2 },
      },
    ]);
    expect(result).toMatchObject({ score: 10, low: true });
  });

  it('takes its weights and threshold from the program settings', () => {
    const strict = engagementSettingsSchema.parse({ threshold: 95, weights: { checkinMissed: 3 } });
    const result = scorePair(signals({ missedCheckins: 1 }), strict);
    expect(result).toMatchObject({ score: 97, low: false });
    expect(scorePair(signals({ missedCheckins: 2 }), strict)).toMatchObject({ score: 94, low: true });
  });

  it('counts a person who never interacted from the day the pair formed', () => {
    const result = scorePair(
      signals({ now: start + 22 * DAY, mentee: { name: 'Theo', lastInteractionAt: null } }),
      settings,
    );
    expect(result.reasons.map((r) => r.text)).toEqual([
      'mentee Theo has not interacted with the bot for 22 days',
    ]);
  });
});

describe('scorePair at its edges', () => {
  it('starts the "charter not finished" penalty only after the charter window, counted from the pairing date', () => {
    const clock = new ManualClock(start + 14 * DAY);
    const unfinished = () => scorePair(signals({ now: clock.now(), charterActivatedAt: null }), settings);
    expect(unfinished()).toEqual({ score: 100, reasons: [], low: false });
    clock.advance(1);
    expect(unfinished().reasons).toEqual([
      {
        signal: 'charter_unfinished',
        points: 30,
        text: 'charter not finished 14 days after pairing',
        facts: { days: 14 },
      },
    ]);
    // A pair formed later gets its own window.
    expect(
      scorePair(signals({ now: clock.now(), pairedAt: start + 5 * DAY, charterActivatedAt: null }), settings)
        .reasons,
    ).toEqual([]);
    // A finished charter is never a reason.
    clock.advance(60 * DAY);
    expect(
      scorePair(signals({ now: clock.now(), charterActivatedAt: start + 20 * DAY }), settings).reasons.map(
        (r) => r.signal,
      ),
    ).not.toContain('charter_unfinished');
  });

  it('does not call a pair exactly at the threshold low', () => {
    const atThreshold = engagementSettingsSchema.parse({ threshold: 80, weights: { checkinMissed: 10 } });
    expect(scorePair(signals({ missedCheckins: 2 }), atThreshold)).toMatchObject({ score: 80, low: false });
    expect(scorePair(signals({ missedCheckins: 3 }), atThreshold)).toMatchObject({ score: 70, low: true });
  });

  it('counts a milestone late only more than a day after its due date, confirmed or not', () => {
    const due = start + 5 * DAY;
    const lateness = (confirmedAt: number | null, now = start + 10 * DAY) =>
      scorePair(signals({ now, milestones: [{ description: 'Kickoff', dueAt: due, confirmedAt }] }), settings)
        .reasons;
    expect(lateness(null, due + DAY)).toEqual([]);
    expect(lateness(null, due + DAY + 1)).toMatchObject([
      { signal: 'milestone_late', facts: { confirmed: false, days: 1 } },
    ]);
    expect(lateness(due + DAY)).toEqual([]);
    expect(lateness(due + 3 * DAY)).toEqual([
      {
        signal: 'milestone_late',
        points: 20,
        text: 'milestone "Kickoff" confirmed 3 days after its due date',
        facts: { description: 'Kickoff', confirmed: true, days: 3 },
      },
    ]);
  });

  it('calls a person quiet only after the quiet days, and never scores below zero', () => {
    const quiet = (lastInteractionAt: number) =>
      scorePair(signals({ now: start + 30 * DAY, mentor: { name: 'Maria', lastInteractionAt } }), settings)
        .reasons;
    expect(quiet(start + 9 * DAY)).toEqual([]);
    expect(quiet(start + 9 * DAY - 1)).toMatchObject([{ signal: 'person_quiet', facts: { role: 'mentor' } }]);
    const heavy = engagementSettingsSchema.parse({ weights: { checkinMissed: 60 } });
    expect(scorePair(signals({ missedCheckins: 1 }), heavy).reasons[0]?.text).toBe(
      'mentee missed 1 checkpoint check-in',
    );
    expect(scorePair(signals({ missedCheckins: 2 }), heavy)).toMatchObject({ score: 0, low: true });
  });
});

describe('escalationStep', () => {
  const low = { score: 30, reasons: [], low: true };
  const now = start + 30 * DAY;
  it('nudges the pair first, waits out the grace period, then alerts curators once', () => {
    expect(
      escalationStep(
        { ...low, low: false },
        { nudgedAt: null, openAlert: false, snoozedUntil: null },
        now,
        settings,
      ),
    ).toEqual({ type: 'healthy' });
    expect(
      escalationStep(low, { nudgedAt: null, openAlert: false, snoozedUntil: null }, now, settings),
    ).toEqual({ type: 'nudge_pair' });
    expect(
      escalationStep(low, { nudgedAt: now - 6 * DAY, openAlert: false, snoozedUntil: null }, now, settings),
    ).toEqual({ type: 'wait', until: now + DAY });
    expect(
      escalationStep(low, { nudgedAt: now - 7 * DAY, openAlert: false, snoozedUntil: null }, now, settings),
    ).toEqual({ type: 'alert_curators' });
    expect(
      escalationStep(low, { nudgedAt: now - 7 * DAY, openAlert: true, snoozedUntil: null }, now, settings),
    ).toEqual({ type: 'alert_open' });
    expect(
      escalationStep(
        low,
        { nudgedAt: now - 9 * DAY, openAlert: false, snoozedUntil: now + DAY },
        now,
        settings,
      ),
    ).toEqual({ type: 'wait', until: now + DAY });
  });

  it('alerts once the snooze has ended, and waits out the grace period to its last millisecond', () => {
    expect(
      escalationStep(low, { nudgedAt: now - 9 * DAY, openAlert: false, snoozedUntil: now }, now, settings),
    ).toEqual({ type: 'alert_curators' });
    expect(
      escalationStep(
        low,
        { nudgedAt: now - 7 * DAY + 1, openAlert: false, snoozedUntil: null },
        now,
        settings,
      ),
    ).toEqual({ type: 'wait', until: now + 1 });
  });
});
