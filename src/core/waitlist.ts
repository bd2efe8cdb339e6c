import { DateTime } from 'luxon';
import type { Survey } from './checkpoint.js';
import { DAY } from './clock.js';
import { evaluationDays } from './evaluation.js';
import type { Experiment } from './experiment.js';
import type { ProgramSettings } from './program.js';
import { type Decision, outboxKey, type PersonState, type ScheduledJob } from './schedule.js';
import {
  type Availability,
  addLocalDays,
  atLocalTime,
  localDateKey,
  localWeekKey,
  nextAllowedInstant,
} from './time.js';

/**
 * The staggered design's wait-list: control leaders who are measured during the window like any control arm,
 * then coached like everyone else. One `coaching_start` job per wait-list leader ends their wait.
 */

export const COACHING_START_OCCURRENCE = 'waitlist';

/**
 * The local date the wait-list is coached from: the rule's `waitlistStart`, else the day after the measurement
 * window of an experiment started on the day of assignment has closed: one program length, plus the hours the
 * last checkpoint stays open (its reminder, then the missed mark), plus a day.
 */
export function waitlistStartDate(assignedAt: number, program: ProgramSettings): string {
  const closingDays = Math.ceil((program.reminders.afterHours + program.reminders.missedAfterHours) / 24);
  return (
    program.evaluation?.assignment.waitlistStart ??
    addLocalDays(localDateKey(assignedAt, program.timezone), program.lengthWeeks * 7 + closingDays + 1)
  );
}

/** When the wait-list job first runs: that day at the checkpoint time, or the person's next allowed moment. */
export function coachingStartDueAt(date: string, program: ProgramSettings, who: Availability): number {
  const day = DateTime.fromISO(date, { zone: who.timezone });
  return nextAllowedInstant(atLocalTime(day, program.checkpointTime, who.timezone).toMillis(), who);
}

export interface CoachingStartInput {
  now: number;
  job: ScheduledJob;
  program: ProgramSettings;
  person: PersonState;
  /** The leader's current experiment (their measured one, during the wait) and its checkpoint surveys. */
  experiment: Pick<Experiment, 'status' | 'lengthWeeks'> | null;
  surveys: readonly Pick<Survey, 'checkpointDay' | 'status'>[];
}

/** Checkpoint days of the measured experiment that the evaluation reads and that are not closed yet. */
export function openEvaluationDays(
  input: Pick<CoachingStartInput, 'program' | 'experiment' | 'surveys'>,
): number[] {
  const { experiment, program } = input;
  if (!experiment || (experiment.status !== 'active' && experiment.status !== 'paused')) return [];
  const days = program.evaluation ? evaluationDays(program.evaluation) : program.checkpointDays;
  const closed = new Set(
    input.surveys.filter((s) => s.status === 'answered' || s.status === 'missed').map((s) => s.checkpointDay),
  );
  return days.filter((day) => day <= experiment.lengthWeeks * 7 && !closed.has(day)).sort((a, b) => a - b);
}

/**
 * The wait ends once the window is over and the leader's own evaluation checkpoints are answered or closed, so
 * coaching never reaches a measurement. A consenting, reachable leader is told in their working hours; everyone
 * else is simply coached from then on.
 */
export function decideCoachingStart(input: CoachingStartInput): Decision {
  const { now, job, person } = input;
  const who = person.availability;
  const waiting = openEvaluationDays(input);
  if (waiting.length > 0) {
    return {
      type: 'reschedule',
      dueAt: nextAllowedInstant(now + DAY, who),
      reason: `waiting for the day ${waiting.join(', ')} checkpoint of the measured experiment`,
    };
  }
  const effects = [{ type: 'start_coaching' as const }];
  if (person.consent !== 'accepted' || !person.reachable) {
    return {
      type: 'skip',
      reason: person.consent !== 'accepted' ? `consent is ${person.consent}` : 'person cannot be reached',
      effects,
      next: [],
    };
  }
  const allowedAt = nextAllowedInstant(now, who);
  if (allowedAt !== now)
    return { type: 'reschedule', dueAt: allowedAt, reason: 'quiet hours or a non-working day' };
  return {
    type: 'send',
    messageKind: 'notice',
    key: outboxKey('notice', job.participantId, 'coaching-start'),
    budgetWeek: localWeekKey(now, who.timezone),
    expiresAt: now + 3 * DAY,
    effects,
    next: [],
  };
}
