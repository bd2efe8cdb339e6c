import { DateTime } from 'luxon';
import { surveyIdFor } from '../core/checkpoint.js';
import { checkpointReminderMessage, checkpointSurveyMessage, nudgeMessage } from '../core/coaching.js';
import type { Experiment } from '../core/experiment.js';
import type { Message, MessageKind } from '../core/messages.js';
import type { ProgramSettings } from '../core/program.js';
import type { ScheduledJob } from '../core/schedule.js';

/** Picks the nudge text for a day: the program's templates in turn, one step per day of the experiment. */
export function nudgeTemplateFor(
  program: ProgramSettings,
  experiment: Experiment,
  occurrence: string,
): string {
  const templates = program.nudges.templates;
  const days = DateTime.fromISO(occurrence).diff(DateTime.fromISO(experiment.startDate), 'days').days;
  const index = Number.isFinite(days) ? Math.abs(Math.round(days)) : 0;
  return templates[index % templates.length] ?? templates[0] ?? '';
}

/** The message a due job turns into. */
export function composeJobMessage(
  kind: MessageKind,
  job: ScheduledJob,
  program: ProgramSettings,
  experiment: Experiment,
): Message {
  const day = Number(job.occurrence.match(/\/day-(\d+)/)?.[1] ?? 0);
  switch (kind) {
    case 'nudge':
      return nudgeMessage(experiment, nudgeTemplateFor(program, experiment, job.occurrence), job.occurrence);
    case 'checkpoint':
      return checkpointSurveyMessage(experiment, { id: surveyIdFor(experiment.id, day), checkpointDay: day });
    case 'checkpoint_reminder':
      return checkpointReminderMessage(experiment, {
        id: surveyIdFor(experiment.id, day),
        checkpointDay: day,
      });
    default:
      throw new Error(`a scheduled job does not produce ${kind} messages`);
  }
}
