import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { effectiveAvailability, type ProgramSettingsInput, parseProgramSettings } from './program.js';
import { decideDueJob, type PersonState, type ScheduledJob } from './schedule.js';
import {
  COACHING_START_OCCURRENCE,
  type CoachingStartInput,
  coachingStartDueAt,
  decideCoachingStart,
  openEvaluationDays,
  waitlistStartDate,
} from './waitlist.js';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone: BERLIN }).toMillis();

const program = (overrides: Partial<ProgramSettingsInput> = {}) =>
  parseProgramSettings({
    name: 'pilot',
    timezone: BERLIN,
    lengthWeeks: 12,
    checkpointDays: [30, 60, 84],
    evaluation: {
      primary: { outcome: 'way_to_target', day: 84 },
      smallestEffect: 10,
      secondary: [{ outcome: 'practice', day: 60 }],
      assignment: { method: 'staggered' },
    },
    ...overrides,
  });

const person = (overrides: Partial<PersonState> = {}): PersonState => ({
  availability: effectiveAvailability(program(), {}),
  pausedUntil: null,
  consent: 'accepted',
  reachable: true,
  arm: 'control',
  ...overrides,
});

const job: ScheduledJob = {
  id: 1,
  kind: 'coaching_start',
  participantId: 'ppl_1',
  subjectId: 'ppl_1',
  occurrence: COACHING_START_OCCURRENCE,
  dueAt: at('2026-05-25T10:00'),
  version: 1,
};

const input = (overrides: Partial<CoachingStartInput> = {}): CoachingStartInput => ({
  now: at('2026-05-25T10:00'),
  job,
  program: program(),
  person: person(),
  experiment: { status: 'completed', lengthWeeks: 12 },
  surveys: [],
  ...overrides,
});

describe('waitlistStartDate', () => {
  it('follows the window of an experiment begun at assignment, in the program’s zone, unless the rule names a day', () => {
    // Assigned late on Sunday 1 March UTC, already Monday 2 March in Berlin: 12 weeks (25 May), the last
    // checkpoint's 48 h to a reminder and 48 h to the missed mark (4 days), then the next day: 30 May.
    expect(waitlistStartDate(Date.parse('2026-03-01T23:30:00Z'), program())).toBe('2026-05-30');
    const slow = program({ reminders: { afterHours: 72, count: 1, missedAfterHours: 25 } });
    expect(waitlistStartDate(Date.parse('2026-03-01T23:30:00Z'), slow)).toBe('2026-05-31');
    const fixed = program({
      evaluation: {
        primary: { outcome: 'way_to_target', day: 84 },
        smallestEffect: 10,
        assignment: { method: 'staggered', waitlistStart: '2026-06-15' },
      },
    });
    expect(waitlistStartDate(Date.parse('2026-03-01T23:30:00Z'), fixed)).toBe('2026-06-15');
  });

  it('starts after the measurement window: later than every checkpoint of an experiment begun at assignment', () => {
    const assignedAt = at('2026-03-02T09:00');
    const start = waitlistStartDate(assignedAt, program());
    const closed = DateTime.fromMillis(assignedAt, { zone: BERLIN })
      .plus({ days: 84 + 4 })
      .toISODate()!;
    expect(start > closed).toBe(true);
  });
});

describe('coachingStartDueAt', () => {
  it('is the checkpoint time of that day, moved to the next working moment', () => {
    const who = effectiveAvailability(program(), {});
    expect(coachingStartDueAt('2026-05-25', program(), who)).toBe(at('2026-05-25T10:00'));
    // Saturday 30 May: the next working morning, Monday 1 June at 08:00.
    expect(coachingStartDueAt('2026-05-30', program(), who)).toBe(at('2026-06-01T08:00'));
  });
});

describe('openEvaluationDays', () => {
  it('lists the evaluation days of a running experiment that are not answered or missed yet', () => {
    const running = { status: 'active' as const, lengthWeeks: 12 };
    expect(openEvaluationDays({ program: program(), experiment: running, surveys: [] })).toEqual([60, 84]);
    expect(
      openEvaluationDays({
        program: program(),
        experiment: running,
        surveys: [
          { checkpointDay: 60, status: 'missed' },
          { checkpointDay: 84, status: 'reminded' },
        ],
      }),
    ).toEqual([84]);
    expect(
      openEvaluationDays({
        program: program(),
        experiment: { status: 'paused', lengthWeeks: 12 },
        surveys: [
          { checkpointDay: 60, status: 'answered' },
          { checkpointDay: 84, status: 'answered' },
        ],
      }),
    ).toEqual([]);
  });

  it('ignores days beyond a shorter experiment, finished experiments, and uses all checkpoints without a rule', () => {
    expect(
      openEvaluationDays({
        program: program(),
        experiment: { status: 'active', lengthWeeks: 8 },
        surveys: [],
      }),
    ).toEqual([]);
    expect(
      openEvaluationDays({
        program: program(),
        experiment: { status: 'abandoned', lengthWeeks: 12 },
        surveys: [],
      }),
    ).toEqual([]);
    expect(openEvaluationDays({ program: program(), experiment: null, surveys: [] })).toEqual([]);
    const noRule = program({ evaluation: undefined });
    expect(
      openEvaluationDays({ program: noRule, experiment: { status: 'active', lengthWeeks: 12 }, surveys: [] }),
    ).toEqual([30, 60, 84]);
  });
});

describe('decideCoachingStart', () => {
  it('tells a consenting leader in working hours, and coaches them from then on', () => {
    const decision = decideCoachingStart(input());
    expect(decision).toEqual({
      type: 'send',
      messageKind: 'notice',
      key: 'notice:ppl_1:coaching-start',
      budgetWeek: '2026-W22',
      expiresAt: at('2026-05-28T10:00'),
      effects: [{ type: 'start_coaching' }],
      next: [],
    });
  });

  it('waits a day at a time while the measured experiment still has an evaluation checkpoint open', () => {
    const decision = decideCoachingStart(
      input({
        experiment: { status: 'active', lengthWeeks: 12 },
        surveys: [{ checkpointDay: 60, status: 'answered' }],
      }),
    );
    expect(decision).toEqual({
      type: 'reschedule',
      dueAt: at('2026-05-26T10:00'),
      reason: 'waiting for the day 84 checkpoint of the measured experiment',
    });
  });

  it('waits for working hours before telling anyone', () => {
    const evening = at('2026-05-25T21:00');
    expect(decideCoachingStart(input({ now: evening }))).toEqual({
      type: 'reschedule',
      dueAt: at('2026-05-26T08:00'),
      reason: 'quiet hours or a non-working day',
    });
  });

  it('ends the wait without a message for people who have not consented or cannot be reached', () => {
    for (const who of [
      person({ consent: 'pending' }),
      person({ consent: 'opted_out' }),
      person({ reachable: false }),
    ]) {
      const decision = decideCoachingStart(input({ person: who, now: at('2026-05-25T21:00') }));
      expect(decision.type).toBe('skip');
      expect(decision.type === 'skip' && decision.effects).toEqual([{ type: 'start_coaching' }]);
    }
    const pending = decideCoachingStart(input({ person: person({ consent: 'pending' }) }));
    expect(pending.type === 'skip' && pending.reason).toBe('consent is pending');
    const unreachable = decideCoachingStart(input({ person: person({ reachable: false }) }));
    expect(unreachable.type === 'skip' && unreachable.reason).toBe('person cannot be reached');
  });
});

describe('the staggered control is not nudged before the window ends, and is coached after it', () => {
  it('skips a wait-list leader’s nudges during the window, then sends them once the arm is coached', () => {
    const clock = new ManualClock(at('2026-05-19T09:30'));
    const settings = program();
    const nudge: ScheduledJob = {
      id: 2,
      kind: 'nudge',
      participantId: 'ppl_1',
      subjectId: 'exp_1',
      occurrence: '2026-05-19',
      dueAt: clock.now(),
      version: 1,
    };
    const experiment = {
      id: 'exp_1',
      participantId: 'ppl_1',
      behavior: 'Ask first',
      hypothesis: 'More ideas',
      kpiName: 'Ideas',
      kpiUnit: 'ideas',
      kpiBaseline: 2,
      kpiTarget: 6,
      kpiDirection: 'increase' as const,
      startDate: '2026-03-09',
      lengthWeeks: 12,
      endDate: '2026-06-01',
      status: 'active' as const,
      version: 1,
      createdAt: 0,
      updatedAt: 0,
    };
    const decide = (arm: 'coached' | 'control') =>
      decideDueJob({
        now: clock.now(),
        job: { ...nudge, dueAt: clock.now() },
        program: settings,
        person: person({ arm }),
        experiment,
        survey: null,
        budgetUsed: 0,
        budgetReservedLater: 0,
      });
    expect(decide('control')).toMatchObject({ type: 'skip', reason: 'control arm: measured, not nudged' });
    // The wait ends (day 84 of this experiment closed), the job flips the arm, and the next nudge goes out.
    const start = decideCoachingStart(
      input({
        now: at('2026-05-26T10:00'),
        experiment: { status: 'active', lengthWeeks: 12 },
        surveys: [
          { checkpointDay: 60, status: 'answered' },
          { checkpointDay: 84, status: 'missed' },
        ],
      }),
    );
    expect(start.type === 'send' && start.effects).toEqual([{ type: 'start_coaching' }]);
    clock.set(at('2026-05-28T09:30'));
    expect(decide('coached')).toMatchObject({ type: 'send', messageKind: 'nudge' });
  });
});
