import { DateTime } from 'luxon';
import type { Translator } from '../core/catalog/index.js';
import { surveyIdFor } from '../core/checkpoint.js';
import { checkpointReminderMessage, checkpointSurveyMessage, nudgeMessage } from '../core/coaching.js';
import type { Experiment } from '../core/experiment.js';
import type { Message, MessageKind } from '../core/messages.js';
import { nudgesInLanguage, type ProgramSettings } from '../core/program.js';
import type { ScheduledJob } from '../core/schedule.js';
import { type Weekday, weekdayNumber } from '../core/time.js';

/**
 * The nudge library entry whose keyword appears in the leader's behavior, else the program's general
 * templates; in the leader's language when the program file gives it.
 */
export function nudgeTemplatesFor(
  program: ProgramSettings,
  behavior: string,
  locale: string = program.language ?? 'en',
): readonly string[] {
  const nudges = nudgesInLanguage(program, locale);
  const text = behavior.toLowerCase();
  const entry = nudges.library.find((e) => e.keywords.some((k) => text.includes(k.toLowerCase())));
  return entry?.templates ?? nudges.templates;
}

/**
 * Picks the nudge text for a day: the program's templates in turn, one step per nudge day of the experiment,
 * so every template is used before any repeats, whatever the nudge weekdays.
 */
export function nudgeTemplateFor(
  program: ProgramSettings,
  experiment: Experiment,
  occurrence: string,
  locale?: string,
): string {
  const templates = nudgeTemplatesFor(program, experiment.behavior, locale);
  const nudgeDays = new Set(program.nudges.weekdays.map(weekdayNumber));
  const index = nudgeDaysBetween(experiment.startDate, occurrence, nudgeDays);
  return templates[index % templates.length] ?? templates[0] ?? '';
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Nudge days from `from` up to (not including) `to`, at most 1000; counted by whole weeks for plain dates. */
function nudgeDaysBetween(from: string, to: string, nudgeDays: ReadonlySet<number>): number {
  if (PLAIN_DATE.test(from) && PLAIN_DATE.test(to)) {
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS);
    if (Number.isFinite(days)) {
      if (days <= 0) return 0;
      let count = Math.floor(days / 7) * nudgeDays.size;
      const firstWeekday = ((new Date(start).getUTCDay() + 6) % 7) + 1;
      for (let d = 0; d < days % 7; d += 1) if (nudgeDays.has(((firstWeekday - 1 + d) % 7) + 1)) count += 1;
      return Math.min(count, 1000);
    }
  }
  const target = DateTime.fromISO(to, { zone: 'UTC' });
  let index = 0;
  for (
    let day = DateTime.fromISO(from, { zone: 'UTC' });
    day < target && index < 1000;
    day = day.plus({ days: 1 })
  ) {
    if (nudgeDays.has(day.weekday as Weekday)) index += 1;
  }
  return index;
}

/** The message a due job turns into, in the words of the person it goes to. */
export function composeJobMessage(
  t: Translator,
  kind: MessageKind,
  job: ScheduledJob,
  program: ProgramSettings,
  experiment: Experiment,
): Message {
  const day = Number(job.occurrence.match(/\/day-(\d+)/)?.[1] ?? 0);
  switch (kind) {
    case 'nudge':
      return nudgeMessage(
        t,
        experiment,
        nudgeTemplateFor(program, experiment, job.occurrence, t.reader.locale),
        job.occurrence,
      );
    case 'checkpoint':
      return checkpointSurveyMessage(t, experiment, {
        id: surveyIdFor(experiment.id, day),
        checkpointDay: day,
      });
    case 'checkpoint_reminder':
      return checkpointReminderMessage(t, experiment, {
        id: surveyIdFor(experiment.id, day),
        checkpointDay: day,
      });
    default:
      throw new Error(`a scheduled job does not produce ${kind} messages`);
  }
}
