import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Survey } from './checkpoint.js';
import { HOUR, ManualClock, MINUTE } from './clock.js';
import type { Experiment } from './experiment.js';
import { effectiveAvailability, type ProgramSettingsInput, parseProgramSettings } from './program.js';
import {
  type DecisionInput,
  decideDueJob,
  experimentEndAt,
  JOB_PRIORITY,
  type JobKind,
  nextNudgeRun,
  planExperiment,
  type ScheduledJob,
} from './schedule.js';

/**
 * Follow-ups of checkpoint surveys, the unreachable person, the end of a window and late sends: rules of
 * decideDueJob and planExperiment that the scheduling tests beside this file do not reach.
 */

const NY = 'America/New_York';
const at = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toMillis();

function program(overrides: Partial<ProgramSettingsInput> = {}) {
  return parseProgramSettings({ name: 'pilot', timezone: NY, ...overrides });
}

const experiment: Experiment = {
  id: 'exp_1',
  participantId: 'ppl_1',
  behavior: 'Ask before I tell',
  hypothesis: 'The team brings more ideas',
  kpiName: 'Ideas',
  kpiUnit: 'ideas',
  kpiBaseline: 2,
  kpiTarget: 5,
  kpiDirection: 'increase',
  startDate: '2026-03-02',
  lengthWeeks: 13,
  endDate: '2026-06-01',
  status: 'active',
  version: 1,
  createdAt: 0,
  updatedAt: 0,
};

function job(kind: JobKind, occurrence: string, dueAt: number): ScheduledJob {
  return { id: 1, kind, participantId: 'ppl_1', subjectId: 'exp_1', occurrence, dueAt, version: 1 };
}

function survey(status: Survey['status']): Survey {
  return {
    id: 'svy_exp_1_d30',
    experimentId: 'exp_1',
    participantId: 'ppl_1',
    checkpointDay: 30,
    status,
    sentAt: at('2026-04-01T10:00'),
    remindedAt: status === 'reminded' ? at('2026-04-03T10:00') : null,
    practice: null,
    kpiValue: null,
    confidence: null,
    note: null,
    answeredAt: null,
  };
}

function decide(
  settings: ReturnType<typeof program>,
  scheduled: ScheduledJob,
  now: number,
  overrides: Partial<DecisionInput> = {},
) {
  return decideDueJob({
    now,
    job: scheduled,
    program: settings,
    person: {
      availability: effectiveAvailability(settings, {}),
      pausedUntil: null,
      consent: 'accepted',
      reachable: true,
    },
    experiment,
    survey: null,
    budgetUsed: 0,
    budgetReservedLater: 0,
    ...overrides,
  });
}

describe('closing a checkpoint survey as missed', () => {
  const settings = program({ reminders: { afterHours: 48, count: 1, missedAfterHours: 24 } });
  const due = at('2026-04-06T10:00');

  it('closes a survey that was never reminded (still open) as missed', () => {
    expect(
      decide(settings, job('checkpoint_missed', 'exp_1/day-30', due), due, { survey: survey('open') }),
    ).toEqual({
      type: 'skip',
      reason: 'checkpoint survey not answered in time',
      effects: [{ type: 'survey_missed' }],
      next: [],
    });
  });

  it('closes a reminded survey as missed, and leaves an answered or missed one alone', () => {
    const missed = job('checkpoint_missed', 'exp_1/day-30', due);
    expect(decide(settings, missed, due, { survey: survey('reminded') })).toMatchObject({
      effects: [{ type: 'survey_missed' }],
    });
    for (const status of ['answered', 'missed'] as const) {
      expect(decide(settings, missed, due, { survey: survey(status) })).toEqual({
        type: 'skip',
        reason: 'checkpoint survey already closed',
        effects: [],
        next: [],
      });
    }
    expect(decide(settings, missed, due, { survey: null })).toMatchObject({ effects: [] });
  });

  it('closes the survey even after the experiment was completed or abandoned', () => {
    const missed = job('checkpoint_missed', 'exp_1/day-30', due);
    for (const status of ['completed', 'abandoned'] as const) {
      expect(
        decide(settings, missed, due, { survey: survey('open'), experiment: { ...experiment, status } }),
      ).toMatchObject({ effects: [{ type: 'survey_missed' }] });
    }
  });

  it('with reminders off, plans the missed mark one reminder interval after the survey', () => {
    const off = program({ reminders: { afterHours: 36, count: 0, missedAfterHours: 24 } });
    const clock = new ManualClock(at('2026-04-01T10:00'));
    const sent = decide(off, job('checkpoint', 'exp_1/day-30', clock.now()), clock.now());
    expect(sent).toMatchObject({
      type: 'send',
      next: [{ kind: 'checkpoint_missed', dueAt: clock.now() + 36 * HOUR, occurrence: 'exp_1/day-30' }],
    });
    clock.advance(36 * HOUR);
    expect(
      decide(off, job('checkpoint_missed', 'exp_1/day-30', clock.now()), clock.now(), {
        survey: survey('open'),
      }),
    ).toMatchObject({ effects: [{ type: 'survey_missed' }] });
  });

  it('closes a survey whose only reminder was skipped for the budget', () => {
    const clock = new ManualClock(at('2026-04-03T10:00'));
    const reminder = job('checkpoint_reminder', 'exp_1/day-30/r1', clock.now());
    const skipped = decide(settings, reminder, clock.now(), {
      survey: survey('open'),
      budgetUsed: settings.weeklyBudget,
    });
    expect(skipped).toEqual({
      type: 'skip',
      reason: 'weekly message budget reached',
      effects: [],
      next: [{ kind: 'checkpoint_missed', dueAt: clock.now() + 24 * HOUR, occurrence: 'exp_1/day-30' }],
    });
    clock.advance(24 * HOUR);
    expect(
      decide(settings, job('checkpoint_missed', 'exp_1/day-30', clock.now()), clock.now(), {
        survey: survey('open'),
      }),
    ).toMatchObject({ effects: [{ type: 'survey_missed' }] });
  });
});

describe('more than one reminder', () => {
  for (const count of [2, 3]) {
    it(`with ${count} reminders, sends each of them, then closes the survey as missed`, () => {
      const settings = program({ reminders: { afterHours: 48, count, missedAfterHours: 24 } });
      // Monday: every 48 hours lands on a working day (Mon, Wed, Fri, then Mon after the weekend).
      const clock = new ManualClock(at('2026-04-06T10:00'));
      let decision = decide(settings, job('checkpoint', 'exp_1/day-30', clock.now()), clock.now());
      const sentKinds: string[] = [];
      for (let reminder = 1; reminder <= count; reminder += 1) {
        expect(decision.type).toBe('send');
        if (decision.type !== 'send') return;
        sentKinds.push(decision.key);
        expect(decision.next).toHaveLength(1);
        const next = decision.next[0]!;
        expect(next).toMatchObject({ kind: 'checkpoint_reminder', occurrence: `exp_1/day-30/r${reminder}` });
        expect(next.dueAt).toBeGreaterThanOrEqual(clock.now() + 48 * HOUR);
        clock.set(next.dueAt);
        decision = decide(settings, job(next.kind, next.occurrence, next.dueAt), clock.now(), {
          survey: survey(reminder === 1 ? 'open' : 'reminded'),
        });
        expect(decision).toMatchObject({ type: 'send', effects: [{ type: 'survey_reminded' }] });
      }
      if (decision.type !== 'send') throw new Error('the last reminder was not sent');
      sentKinds.push(decision.key);
      expect(sentKinds).toEqual([
        'checkpoint:ppl_1:exp_1/day-30',
        ...Array.from({ length: count }, (_, i) => `checkpoint_reminder:ppl_1:exp_1/day-30/r${i + 1}`),
      ]);
      expect(decision.next).toEqual([
        { kind: 'checkpoint_missed', dueAt: clock.now() + 24 * HOUR, occurrence: 'exp_1/day-30' },
      ]);
      clock.advance(24 * HOUR);
      expect(
        decide(settings, job('checkpoint_missed', 'exp_1/day-30', clock.now()), clock.now(), {
          survey: survey('reminded'),
        }),
      ).toMatchObject({ effects: [{ type: 'survey_missed' }] });
    });
  }
});

describe('a person who cannot be reached', () => {
  const settings = program({ reminders: { afterHours: 48, count: 2, missedAfterHours: 24 } });
  const unreachable = (availability = effectiveAvailability(settings, {})) => ({
    person: { availability, pausedUntil: null, consent: 'accepted' as const, reachable: false },
  });

  it('keeps a checkpoint waiting a day at a time instead of rolling it on as a nudge', () => {
    const clock = new ManualClock(at('2026-04-01T10:00'));
    expect(
      decide(settings, job('checkpoint', 'exp_1/day-30', clock.now()), clock.now(), unreachable()),
    ).toEqual({
      type: 'reschedule',
      dueAt: at('2026-04-02T10:00'),
      reason: 'person cannot be reached on their channel',
    });
    // A Friday: the next day is the weekend, so the checkpoint waits for Monday morning.
    clock.set(at('2026-04-03T10:00'));
    expect(
      decide(settings, job('checkpoint', 'exp_1/day-30', clock.now()), clock.now(), unreachable()),
    ).toEqual({
      type: 'reschedule',
      dueAt: at('2026-04-06T08:00'),
      reason: 'person cannot be reached on their channel',
    });
  });

  it('moves a reminder on to the next follow-up, unsent, instead of rolling it on as a nudge', () => {
    const clock = new ManualClock(at('2026-04-06T10:00'));
    expect(
      decide(settings, job('checkpoint_reminder', 'exp_1/day-30/r1', clock.now()), clock.now(), {
        ...unreachable(),
        survey: survey('open'),
      }),
    ).toEqual({
      type: 'skip',
      reason: 'person cannot be reached on their channel',
      effects: [],
      next: [{ kind: 'checkpoint_reminder', dueAt: at('2026-04-08T10:00'), occurrence: 'exp_1/day-30/r2' }],
    });
    expect(
      decide(settings, job('checkpoint_reminder', 'exp_1/day-30/r2', clock.now()), clock.now(), {
        ...unreachable(),
        survey: survey('reminded'),
      }),
    ).toEqual({
      type: 'skip',
      reason: 'person cannot be reached on their channel',
      effects: [],
      next: [{ kind: 'checkpoint_missed', dueAt: clock.now() + 24 * HOUR, occurrence: 'exp_1/day-30' }],
    });
  });

  it('rolls a nudge on to the next nudge day, unsent', () => {
    const tue = at('2026-03-10T09:30');
    expect(decide(settings, job('nudge', '2026-03-10', tue), tue, unreachable())).toEqual({
      type: 'skip',
      reason: 'person cannot be reached on their channel',
      effects: [],
      next: [{ kind: 'nudge', dueAt: at('2026-03-12T09:30'), occurrence: '2026-03-12' }],
    });
    // No nudge day left in the window: nothing is planned.
    const last = at('2026-05-28T09:30');
    expect(decide(settings, job('nudge', '2026-05-28', last), last, unreachable())).toEqual({
      type: 'skip',
      reason: 'person cannot be reached on their channel',
      effects: [],
      next: [],
    });
  });

  it('asks for consent before anything else, and says which state it is in', () => {
    const due = at('2026-04-01T10:00');
    expect(
      decide(settings, job('checkpoint', 'exp_1/day-30', due), due, {
        person: {
          availability: effectiveAvailability(settings, {}),
          pausedUntil: null,
          consent: 'opted_out',
          reachable: false,
        },
      }),
    ).toEqual({ type: 'skip', reason: 'consent is opted_out', effects: [], next: [] });
  });
});

describe('the end of an experiment window', () => {
  const settings = program();
  const end = experimentEndAt(effectiveAvailability(settings, {}), experiment);

  it('marks a paused experiment completed, like an active one', () => {
    for (const status of ['active', 'paused'] as const) {
      expect(
        decide(settings, job('experiment_end', 'exp_1', end), end, { experiment: { ...experiment, status } }),
      ).toEqual({
        type: 'skip',
        reason: 'experiment window ended',
        effects: [{ type: 'complete_experiment' }],
        next: [],
      });
    }
  });

  it('does nothing for an experiment already completed, abandoned or gone', () => {
    for (const gone of [
      { ...experiment, status: 'completed' as const },
      { ...experiment, status: 'abandoned' as const },
      null,
    ]) {
      expect(decide(settings, job('experiment_end', 'exp_1', end), end, { experiment: gone })).toEqual({
        type: 'skip',
        reason: 'experiment window ended',
        effects: [],
        next: [],
      });
    }
  });

  it('ends at midnight of the end date in the person’s zone', () => {
    expect(end).toBe(at('2026-06-01T00:00'));
  });
});

describe('planning when no nudge day is left', () => {
  const settings = program();
  const who = effectiveAvailability(settings, {});

  it('plans no nudge (and no empty entry) when resuming after the last nudge day', () => {
    // Friday 29 May: the last nudge day (Thursday 28) has passed; the window ends Monday 1 June.
    const clock = new ManualClock(at('2026-05-29T12:00'));
    const runs = planExperiment(clock.now(), settings, who, experiment, new Set([30, 60]));
    // Day 90 is Sunday 31 May: its survey moves to Monday morning.
    expect(runs).toEqual([
      { kind: 'checkpoint', dueAt: at('2026-06-01T08:00'), occurrence: 'exp_1/day-90' },
      { kind: 'experiment_end', dueAt: at('2026-06-01T00:00'), occurrence: 'exp_1' },
    ]);
  });

  it('plans the next nudge first when one is left', () => {
    const clock = new ManualClock(at('2026-05-27T12:00'));
    const runs = planExperiment(clock.now(), settings, who, experiment, new Set([30, 60, 90]));
    expect(runs).toEqual([
      { kind: 'nudge', dueAt: at('2026-05-28T09:30'), occurrence: '2026-05-28' },
      { kind: 'experiment_end', dueAt: at('2026-06-01T00:00'), occurrence: 'exp_1' },
    ]);
  });
});

describe('a late survey', () => {
  const settings = program({ catchUpGraceHours: 4 });

  it('keeps its whole grace window for delivery retries, counted from when it is sent', () => {
    const due = at('2026-04-01T10:00');
    const clock = new ManualClock(due);
    clock.advance(3 * HOUR);
    expect(decide(settings, job('checkpoint', 'exp_1/day-30', due), clock.now())).toMatchObject({
      type: 'send',
      expiresAt: clock.now() + 4 * HOUR,
    });
    // On time, the grace window counts from the due time.
    expect(decide(settings, job('checkpoint', 'exp_1/day-30', due), due)).toMatchObject({
      type: 'send',
      expiresAt: due + 4 * HOUR,
    });
  });

  it('expires just past the grace window, and not at its edge', () => {
    const due = at('2026-04-01T10:00');
    expect(decide(settings, job('checkpoint', 'exp_1/day-30', due), due + 4 * HOUR)).toMatchObject({
      type: 'send',
    });
    expect(decide(settings, job('checkpoint', 'exp_1/day-30', due), due + 4 * HOUR + MINUTE)).toMatchObject({
      type: 'expire',
    });
  });
});

describe('edges of the decision rules', () => {
  const settings = program({ catchUpGraceHours: 4 });
  const who = effectiveAvailability(settings, {});
  const person = (overrides: Partial<DecisionInput['person']> = {}) => ({
    person: {
      availability: who,
      pausedUntil: null,
      consent: 'accepted' as const,
      reachable: true,
      ...overrides,
    },
  });
  const tue = at('2026-03-10T09:30');
  const nudge = job('nudge', '2026-03-10', tue);
  const nextNudge = { kind: 'nudge', dueAt: at('2026-03-12T09:30'), occurrence: '2026-03-12' };

  it('skips without effects or plans once the experiment is over or consent is gone', () => {
    const stop = { type: 'skip', reason: 'experiment is no longer running', effects: [], next: [] };
    expect(decide(settings, nudge, tue, { experiment: { ...experiment, status: 'completed' } })).toEqual(
      stop,
    );
    expect(decide(settings, nudge, tue, { experiment: { ...experiment, status: 'abandoned' } })).toEqual(
      stop,
    );
    expect(decide(settings, nudge, tue, { experiment: null })).toEqual(stop);
    expect(decide(settings, nudge, tue, person({ consent: 'pending' }))).toEqual({
      type: 'skip',
      reason: 'consent is pending',
      effects: [],
      next: [],
    });
  });

  it('skips a nudge with no effects and plans the next one, for each reason it has', () => {
    expect(decide(settings, nudge, tue, person({ arm: 'control' }))).toEqual({
      type: 'skip',
      reason: 'control arm: measured, not nudged',
      effects: [],
      next: [nextNudge],
    });
    expect(decide(settings, nudge, tue, { experiment: { ...experiment, status: 'paused' } })).toEqual({
      type: 'skip',
      reason: 'experiment paused',
      effects: [],
      next: [nextNudge],
    });
    expect(decide(settings, nudge, tue, { budgetUsed: 2, budgetReservedLater: 1 })).toEqual({
      type: 'skip',
      reason: 'weekly message budget reached',
      effects: [],
      next: [nextNudge],
    });
    expect(decide(settings, nudge, tue + 4 * HOUR + MINUTE)).toEqual({
      type: 'expire',
      messageKind: 'nudge',
      key: 'nudge:ppl_1:2026-03-10',
      budgetWeek: '2026-W11',
      reason: 'missed its slot by more than the catch-up grace window',
      effects: [],
      next: [nextNudge],
    });
  });

  it('plans no further nudge after the last nudge day of the window', () => {
    const last = at('2026-05-28T09:30');
    expect(decide(settings, job('nudge', '2026-05-28', last), last, person({ arm: 'control' }))).toEqual({
      type: 'skip',
      reason: 'control arm: measured, not nudged',
      effects: [],
      next: [],
    });
  });

  it('counts a snooze that ends right now as over', () => {
    expect(decide(settings, nudge, tue, person({ pausedUntil: tue }))).toMatchObject({ type: 'send' });
    expect(decide(settings, nudge, tue, person({ pausedUntil: tue + 1 }))).toMatchObject({
      type: 'skip',
      reason: 'snoozed',
    });
  });

  it('waits out quiet hours that end exactly at the edge of the grace window, and expires past it', () => {
    const early = program({ catchUpGraceHours: 2, nudges: { time: '06:00' } });
    const dawn = at('2026-03-10T06:00');
    expect(decide(early, job('nudge', '2026-03-10', dawn), dawn)).toEqual({
      type: 'reschedule',
      dueAt: at('2026-03-10T08:00'),
      reason: 'quiet hours or a non-working day',
    });
    expect(decide(early, job('nudge', '2026-03-10', dawn - MINUTE), dawn)).toMatchObject({
      type: 'expire',
      reason: 'the next allowed time falls outside the catch-up grace window',
      effects: [],
    });
  });

  it('does not send a reminder for a survey that is gone, nor a second survey for one already reminded', () => {
    const due = at('2026-04-03T10:00');
    expect(decide(settings, job('checkpoint_reminder', 'exp_1/day-30/r1', due), due)).toEqual({
      type: 'skip',
      reason: 'checkpoint survey already closed',
      effects: [],
      next: [],
    });
    for (const status of ['answered', 'missed'] as const) {
      expect(
        decide(settings, job('checkpoint_reminder', 'exp_1/day-30/r1', due), due, { survey: survey(status) }),
      ).toEqual({ type: 'skip', reason: 'checkpoint survey already closed', effects: [], next: [] });
    }
    expect(
      decide(settings, job('checkpoint', 'exp_1/day-30', due), due, { survey: survey('reminded') }),
    ).toEqual({ type: 'skip', reason: 'checkpoint survey already handled', effects: [], next: [] });
    expect(
      decide(settings, job('checkpoint', 'exp_1/day-30', due), due, { survey: survey('open') }),
    ).toMatchObject({
      type: 'send',
      effects: [{ type: 'open_survey', surveyId: 'svy_exp_1_d30', checkpointDay: 30 }],
    });
  });

  it('expires a late reminder without effects and plans what follows it', () => {
    const due = at('2026-04-03T10:00');
    expect(
      decide(settings, job('checkpoint_reminder', 'exp_1/day-30/r1', due), due + 5 * HOUR, {
        survey: survey('open'),
      }),
    ).toEqual({
      type: 'expire',
      messageKind: 'checkpoint_reminder',
      key: 'checkpoint_reminder:ppl_1:exp_1/day-30/r1',
      budgetWeek: '2026-W14',
      reason: 'missed its slot by more than the catch-up grace window',
      effects: [],
      next: [{ kind: 'checkpoint_missed', dueAt: due + 5 * HOUR + 48 * HOUR, occurrence: 'exp_1/day-30' }],
    });
  });

  it('refuses a checkpoint job whose occurrence names no day', () => {
    const due = at('2026-04-01T10:00');
    expect(() => decide(settings, job('checkpoint', 'exp_1/someday', due), due)).toThrow(
      'not a checkpoint occurrence: exp_1/someday',
    );
  });

  it('puts checkpoint work before nudges, and the pair and wait-list work last', () => {
    const order = (Object.keys(JOB_PRIORITY) as JobKind[]).sort((a, b) => JOB_PRIORITY[a] - JOB_PRIORITY[b]);
    expect(order).toEqual([
      'checkpoint',
      'checkpoint_reminder',
      'checkpoint_missed',
      'experiment_end',
      'milestone_reminder',
      'nudge',
      'pair_health',
      'coaching_start',
      'pair_checkin',
    ]);
  });
});

describe('the nudge window in the person’s own zone', () => {
  it('starts nudges on the start date, not the evening before it in another zone', () => {
    const settings = program();
    const who = effectiveAvailability(settings, {});
    // Wednesday start: Tuesday 10 March is a nudge day but before the window.
    const window = { startDate: '2026-03-11', endDate: '2026-06-10' };
    expect(nextNudgeRun(at('2026-03-09T12:00'), settings, who, window)).toEqual({
      kind: 'nudge',
      dueAt: at('2026-03-12T09:30'),
      occurrence: '2026-03-12',
    });
  });

  it('sends no nudge on the end date, even where that date starts hours before it does in UTC', () => {
    const settings = program({ timezone: 'Asia/Tokyo' });
    const who = effectiveAvailability(settings, {});
    // The window ends on Thursday 12 March, a nudge day.
    const window = { startDate: '2026-03-02', endDate: '2026-03-12' };
    const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
    expect(nextNudgeRun(tokyo('2026-03-10T12:00'), settings, who, window)).toBeNull();
  });
});
