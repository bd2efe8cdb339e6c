import { DateTime } from 'luxon';
import { type Survey, surveyIdFor } from './checkpoint.js';
import { HOUR } from './clock.js';
import type { Experiment } from './experiment.js';
import type { MessageKind } from './messages.js';
import type { ProgramSettings } from './program.js';
import {
  type Availability,
  atLocalTime,
  isWorkingDay,
  localDateTime,
  localWeekKey,
  nextAllowedInstant,
  startOfNextWeek,
  weekdayNumber,
  zoneNamed,
} from './time.js';

export const JOB_KINDS = [
  'nudge',
  'checkpoint',
  'checkpoint_reminder',
  'checkpoint_missed',
  'experiment_end',
  'milestone_reminder',
  'pair_health',
  'coaching_start',
  'pair_checkin',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Checkpoint work takes its turn before nudges when both are due in the same pass. */
export const JOB_PRIORITY: Record<JobKind, number> = {
  checkpoint: 0,
  checkpoint_reminder: 1,
  checkpoint_missed: 2,
  experiment_end: 3,
  milestone_reminder: 4,
  nudge: 5,
  pair_health: 6,
  coaching_start: 7,
  pair_checkin: 8,
};

export interface ScheduledJob {
  id: number;
  kind: JobKind;
  participantId: string;
  /** The experiment or mentor pair the job belongs to. */
  subjectId: string;
  /** What makes this run unique: a local date for nudges, "<experiment>/day-30" for checkpoints. */
  occurrence: string;
  dueAt: number;
  version: number;
}

export const CONSENT_STATES = ['pending', 'accepted', 'declined', 'opted_out'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export interface PersonState {
  availability: Availability;
  pausedUntil: number | null;
  consent: ConsentState;
  reachable: boolean;
  /** Control-arm leaders are measured (checkpoint surveys) but not nudged. */
  arm?: 'coached' | 'control';
}

export interface DecisionInput {
  now: number;
  job: ScheduledJob;
  program: ProgramSettings;
  person: PersonState;
  experiment: Experiment | null;
  survey: Survey | null;
  /** Budgeted messages already queued or sent in the person's current local week. */
  budgetUsed: number;
  /** Checkpoint messages still scheduled later in the same local week: nudges leave room for them. */
  budgetReservedLater: number;
}

export interface NextRun {
  kind: JobKind;
  dueAt: number;
  occurrence: string;
}

export type Effect =
  | { type: 'open_survey'; surveyId: string; checkpointDay: number }
  | { type: 'survey_reminded' }
  | { type: 'survey_missed' }
  | { type: 'complete_experiment' }
  /** Mentoring: the pair got its friendly nudge / is healthy again / its curator alert opens or its snooze ends. */
  | { type: 'pair_nudged' }
  | { type: 'pair_healthy' }
  | {
      type: 'open_alert';
      alertId: string;
      score: number;
      reasons: { signal: string; points: number; text: string }[];
    }
  | { type: 'end_alert_snooze'; alertId: string }
  /** Mentoring: this member of the pair was asked whether they met in a check-in round (e.g. "v1-3"). */
  | { type: 'pair_checkin_asked'; round: string }
  /** A wait-list leader's comparison period is over: from now on they are coached. */
  | { type: 'start_coaching' };

export type Decision =
  /** Write an outbox row for this occurrence, then move on. */
  | {
      type: 'send';
      messageKind: MessageKind;
      key: string;
      budgetWeek: string;
      expiresAt: number;
      effects: Effect[];
      next: NextRun[];
    }
  /** Too late to send: record the occurrence as expired (with its key, so it can never go out later). */
  | {
      type: 'expire';
      messageKind: MessageKind;
      key: string;
      budgetWeek: string;
      reason: string;
      effects: Effect[];
      next: NextRun[];
    }
  /** Same occurrence, later. */
  | { type: 'reschedule'; dueAt: number; reason: string }
  /** Drop this occurrence without a message. */
  | { type: 'skip'; reason: string; effects: Effect[]; next: NextRun[] };

export function outboxKey(kind: MessageKind, participantId: string, occurrence: string): string {
  return `${kind}:${participantId}:${occurrence}`;
}

export function checkpointOccurrence(experimentId: string, day: number): string {
  return `${experimentId}/day-${day}`;
}

const LATE_MARK = '~late';
const MAX_LATE_OFFERS = 2;

/** A checkpoint slot that passed while the bot was down is offered again under a new occurrence, twice at most. */
function lateOccurrence(occurrence: string): string | null {
  // Stryker disable next-line Regex: equivalent; the mark is always last and its count is one digit (two offers at most)
  const match = occurrence.match(/~late(\d+)$/);
  const count = match ? Number(match[1]) : 0;
  if (count >= MAX_LATE_OFFERS) return null;
  const base = match ? occurrence.slice(0, match.index) : occurrence;
  return `${base}${LATE_MARK}${count + 1}`;
}

function nudgeWeekdays(program: ProgramSettings): number[] {
  return program.nudges.weekdays.map(weekdayNumber);
}

/**
 * The next nudge strictly after `after`: on a nudge weekday that is also one of the person's working days,
 * at the program's local nudge time, moved past quiet hours but never onto another date, inside the
 * experiment window. Null when the window has no more nudge days.
 */
export function nextNudgeRun(
  after: number,
  program: ProgramSettings,
  who: Availability,
  experiment: Pick<Experiment, 'startDate' | 'endDate'>,
): NextRun | null {
  // Everyone with the same zone, days, hours and window gets the same answer: a large pass asks the same question
  // for thousands of people, and the answer is computed once.
  const key = JSON.stringify([
    after,
    who.timezone,
    who.workingDays,
    who.quietHours.start,
    who.quietHours.end,
    program.nudges.weekdays,
    program.nudges.time,
    experiment.startDate,
    experiment.endDate,
  ]);
  let run = nudgeRuns.get(key);
  if (run === undefined) {
    run = findNextNudgeRun(after, program, who, experiment);
    if (nudgeRuns.size >= 10_000) nudgeRuns.clear();
    nudgeRuns.set(key, run);
  }
  return run && { ...run };
}

const nudgeRuns = new Map<string, NextRun | null>();

function findNextNudgeRun(
  after: number,
  program: ProgramSettings,
  who: Availability,
  experiment: Pick<Experiment, 'startDate' | 'endDate'>,
): NextRun | null {
  const zone = who.timezone;
  // Stryker disable next-line ObjectLiteral: equivalent; `day` is read as a calendar date in its own zone, which is the start date either way
  const start = DateTime.fromISO(experiment.startDate, { zone: zoneNamed(zone) });
  const end = DateTime.fromISO(experiment.endDate, { zone: zoneNamed(zone) });
  const afterLocal = localDateTime(after, zone).startOf('day');
  let day = DateTime.max(afterLocal, start);
  const days = nudgeWeekdays(program);
  // The window bounds the loop (16 weeks at most; an invalid end date compares false).
  for (; day < end; day = day.plus({ days: 1 })) {
    if (!days.includes(day.weekday) || !isWorkingDay(day, who.workingDays)) continue;
    const planned = atLocalTime(day, program.nudges.time, zone).toMillis();
    const allowed = nextAllowedInstant(planned, who);
    const date = day.toISODate() ?? '';
    if (localDateTime(allowed, zone).toISODate() !== date) continue;
    if (allowed > after) return { kind: 'nudge', dueAt: allowed, occurrence: date };
  }
  return null;
}

/** When the survey for a checkpoint day goes out: that day at the checkpoint time, or the next allowed moment. */
export function checkpointDueAt(
  program: ProgramSettings,
  who: Availability,
  experiment: Pick<Experiment, 'startDate'>,
  checkpointDay: number,
): number {
  // Stryker disable next-line ObjectLiteral: equivalent; only the calendar date is read from `day`, the same in any zone
  const day = DateTime.fromISO(experiment.startDate, { zone: zoneNamed(who.timezone) }).plus({
    days: checkpointDay,
  });
  return nextAllowedInstant(atLocalTime(day, program.checkpointTime, who.timezone).toMillis(), who);
}

export function experimentEndAt(who: Availability, experiment: Pick<Experiment, 'endDate'>): number {
  return DateTime.fromISO(experiment.endDate, { zone: zoneNamed(who.timezone) })
    .startOf('day')
    .toMillis();
}

/** Everything the scheduler plans when an experiment starts (or resumes). */
export function planExperiment(
  now: number,
  program: ProgramSettings,
  who: Availability,
  experiment: Pick<Experiment, 'id' | 'startDate' | 'endDate' | 'lengthWeeks'>,
  answeredOrSentDays: ReadonlySet<number> = new Set(),
): NextRun[] {
  const runs: NextRun[] = [];
  const firstNudge = nextNudgeRun(now, program, who, experiment);
  if (firstNudge) runs.push(firstNudge);
  for (const day of program.checkpointDays) {
    if (day > experiment.lengthWeeks * 7 || answeredOrSentDays.has(day)) continue;
    runs.push({
      kind: 'checkpoint',
      dueAt: Math.max(checkpointDueAt(program, who, experiment, day), nextAllowedInstant(now, who)),
      occurrence: checkpointOccurrence(experiment.id, day),
    });
  }
  runs.push({ kind: 'experiment_end', dueAt: experimentEndAt(who, experiment), occurrence: experiment.id });
  return runs;
}

function checkpointDayOf(occurrence: string): number {
  const match = occurrence.match(/\/day-(\d+)/);
  if (!match) throw new Error(`not a checkpoint occurrence: ${occurrence}`);
  return Number(match[1]);
}

function surveyFollowUp(input: DecisionInput, sentAt: number, reminderNumber: number): NextRun {
  const { program, job } = input;
  // Stryker disable next-line Regex: equivalent; "/rN" is always last and N is one digit (three reminders at most)
  const base = job.occurrence.replace(/\/r\d+$/, '');
  if (reminderNumber <= program.reminders.count) {
    return {
      kind: 'checkpoint_reminder',
      dueAt: nextAllowedInstant(sentAt + program.reminders.afterHours * HOUR, input.person.availability),
      occurrence: `${base}/r${reminderNumber}`,
    };
  }
  const wait = reminderNumber === 1 ? program.reminders.afterHours : program.reminders.missedAfterHours;
  return { kind: 'checkpoint_missed', dueAt: sentAt + wait * HOUR, occurrence: base };
}

function reminderNumberOf(occurrence: string): number {
  // Stryker disable next-line Regex: equivalent; "/rN" is always last and N is one digit (three reminders at most)
  const match = occurrence.match(/\/r(\d+)$/);
  return match ? Number(match[1]) : 0;
}

/**
 * The single rule book of the scheduler: given one due job and what is known about the person,
 * decide what happens now. Pure: no I/O, the time comes in with the input.
 */
export function decideDueJob(input: DecisionInput): Decision {
  const { job, now, program, person, experiment } = input;
  const who = person.availability;
  const grace = program.catchUpGraceHours * HOUR;
  const weekKey = localWeekKey(now, who.timezone);

  if (job.kind === 'experiment_end') {
    const live = experiment && (experiment.status === 'active' || experiment.status === 'paused');
    return {
      type: 'skip',
      reason: 'experiment window ended',
      effects: live ? [{ type: 'complete_experiment' }] : [],
      next: [],
    };
  }

  const surveyOpen =
    input.survey !== null && (input.survey.status === 'open' || input.survey.status === 'reminded');

  // Closing a survey sends nothing, so it happens even after the experiment has ended.
  if (job.kind === 'checkpoint_missed') {
    return {
      type: 'skip',
      reason: surveyOpen ? 'checkpoint survey not answered in time' : 'checkpoint survey already closed',
      effects: surveyOpen ? [{ type: 'survey_missed' }] : [],
      next: [],
    };
  }

  // Nudges stop with the window. A checkpoint planned inside the window still goes out (and is followed up) when
  // its allowed time falls after the end, e.g. a day-90 survey on a Sunday moved to the Monday the window closes.
  if (
    !experiment ||
    experiment.status === 'abandoned' ||
    (experiment.status === 'completed' && job.kind === 'nudge')
  ) {
    return { type: 'skip', reason: 'experiment is no longer running', effects: [], next: [] };
  }

  if (person.consent !== 'accepted') {
    return { type: 'skip', reason: `consent is ${person.consent}`, effects: [], next: [] };
  }
  if (!person.reachable) {
    // Keep the plan alive while the channel is blocked: nudges roll on unsent, checkpoints wait a day at a
    // time, so everything resumes by itself once the person can be reached again.
    const reason = 'person cannot be reached on their channel';
    if (job.kind === 'nudge') {
      const next = nextNudgeRun(now, program, who, experiment);
      return { type: 'skip', reason, effects: [], next: next ? [next] : [] };
    }
    if (job.kind === 'checkpoint')
      return { type: 'reschedule', dueAt: nextAllowedInstant(now + 24 * HOUR, who), reason };
    return {
      type: 'skip',
      reason,
      effects: [],
      next: [surveyFollowUp(input, now, reminderNumberOf(job.occurrence) + 1)],
    };
  }

  // Stryker disable next-line ConditionalExpression: equivalent for the null test alone; null > now is false for any time
  const snoozedUntil = person.pausedUntil !== null && person.pausedUntil > now ? person.pausedUntil : null;
  const paused = experiment.status === 'paused';

  if (job.kind === 'nudge') {
    const key = outboxKey('nudge', job.participantId, job.occurrence);
    const nextAfter = (from: number) => {
      const next = nextNudgeRun(from, program, who, experiment);
      return next ? [next] : [];
    };
    if (now - job.dueAt > grace) {
      return {
        type: 'expire',
        messageKind: 'nudge',
        key,
        budgetWeek: weekKey,
        reason: 'missed its slot by more than the catch-up grace window',
        effects: [],
        next: nextAfter(now),
      };
    }
    if (person.arm === 'control')
      return { type: 'skip', reason: 'control arm: measured, not nudged', effects: [], next: nextAfter(now) };
    if (snoozedUntil !== null)
      return { type: 'skip', reason: 'snoozed', effects: [], next: nextAfter(snoozedUntil) };
    if (paused) return { type: 'skip', reason: 'experiment paused', effects: [], next: nextAfter(now) };
    const allowedAt = nextAllowedInstant(now, who);
    if (allowedAt !== now) {
      if (allowedAt - job.dueAt > grace) {
        return {
          type: 'expire',
          messageKind: 'nudge',
          key,
          budgetWeek: weekKey,
          reason: 'the next allowed time falls outside the catch-up grace window',
          effects: [],
          next: nextAfter(allowedAt),
        };
      }
      return { type: 'reschedule', dueAt: allowedAt, reason: 'quiet hours or a non-working day' };
    }
    if (input.budgetUsed + input.budgetReservedLater >= program.weeklyBudget) {
      return { type: 'skip', reason: 'weekly message budget reached', effects: [], next: nextAfter(now) };
    }
    return {
      type: 'send',
      messageKind: 'nudge',
      key,
      budgetWeek: weekKey,
      expiresAt: job.dueAt + grace,
      effects: [],
      next: nextAfter(now),
    };
  }

  // Checkpoint survey or its reminder.
  const survey = input.survey;
  const day = checkpointDayOf(job.occurrence);
  const messageKind: MessageKind = job.kind === 'checkpoint' ? 'checkpoint' : 'checkpoint_reminder';
  const key = outboxKey(messageKind, job.participantId, job.occurrence);
  if (
    job.kind === 'checkpoint_reminder' &&
    (!survey || survey.status === 'answered' || survey.status === 'missed')
  ) {
    return { type: 'skip', reason: 'checkpoint survey already closed', effects: [], next: [] };
  }
  if (job.kind === 'checkpoint' && survey && survey.status !== 'open') {
    return { type: 'skip', reason: 'checkpoint survey already handled', effects: [], next: [] };
  }
  const reminderNumber = reminderNumberOf(job.occurrence);

  if (now - job.dueAt > grace) {
    const reason = 'missed its slot by more than the catch-up grace window';
    if (job.kind === 'checkpoint') {
      const again = lateOccurrence(job.occurrence);
      const next: NextRun[] = again
        ? [{ kind: 'checkpoint', dueAt: nextAllowedInstant(now, who), occurrence: again }]
        : [];
      return {
        type: 'expire',
        messageKind,
        key,
        budgetWeek: weekKey,
        reason,
        effects: again ? [] : [{ type: 'survey_missed' }],
        next,
      };
    }
    return {
      type: 'expire',
      messageKind,
      key,
      budgetWeek: weekKey,
      reason,
      effects: [],
      next: [surveyFollowUp(input, now, reminderNumber + 1)],
    };
  }
  if (snoozedUntil !== null || paused) {
    const resumeFrom = snoozedUntil ?? now + 24 * HOUR;
    return {
      type: 'reschedule',
      dueAt: nextAllowedInstant(resumeFrom, who),
      reason: snoozedUntil ? 'snoozed' : 'experiment paused',
    };
  }
  const allowedAt = nextAllowedInstant(now, who);
  if (allowedAt !== now)
    return { type: 'reschedule', dueAt: allowedAt, reason: 'quiet hours or a non-working day' };

  if (input.budgetUsed >= program.weeklyBudget) {
    if (job.kind === 'checkpoint_reminder') {
      return {
        type: 'skip',
        reason: 'weekly message budget reached',
        effects: [],
        next: [surveyFollowUp(input, now, reminderNumber + 1)],
      };
    }
    return {
      type: 'reschedule',
      dueAt: nextAllowedInstant(startOfNextWeek(now, who.timezone), who),
      reason: 'weekly message budget reached; the survey waits for next week',
    };
  }

  const effects: Effect[] =
    job.kind === 'checkpoint'
      ? [{ type: 'open_survey', surveyId: surveyIdFor(job.subjectId, day), checkpointDay: day }]
      : [{ type: 'survey_reminded' }];
  return {
    type: 'send',
    messageKind,
    key,
    budgetWeek: weekKey,
    expiresAt: Math.max(job.dueAt, now) + grace,
    effects,
    next: [surveyFollowUp(input, now, reminderNumber + 1)],
  };
}
