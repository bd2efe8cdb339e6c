import type { Translator } from './catalog/index.js';
import { text } from './catalog/index.js';
import {
  CONFIDENCE_LABELS,
  PRACTICE_LABELS,
  practiceSchema,
  type Survey,
  surveyDetailsSchema,
} from './checkpoint.js';
import { type Experiment, experimentInputSchema, KPI_DIRECTIONS, kpiImprovement } from './experiment.js';
import type { FormDefinition } from './forms.js';
import { fillTemplate, type Message } from './messages.js';
import type { ProgramSettings } from './program.js';

export const experimentForm: FormDefinition<typeof experimentInputSchema> = {
  id: 'experiment',
  title: 'experiment.form.title',
  submitLabel: 'experiment.form.submit',
  schema: experimentInputSchema,
  fields: [
    {
      id: 'behavior',
      label: 'experiment.form.behavior',
      type: 'text',
      maxLength: 200,
      placeholder: 'experiment.form.behaviorPlaceholder',
    },
    {
      id: 'hypothesis',
      label: 'experiment.form.hypothesis',
      type: 'multiline',
      maxLength: 500,
      placeholder: 'experiment.form.hypothesisPlaceholder',
    },
    {
      id: 'kpiName',
      label: 'experiment.form.kpiName',
      type: 'text',
      maxLength: 80,
      placeholder: 'experiment.form.kpiNamePlaceholder',
    },
    {
      id: 'kpiUnit',
      label: 'experiment.form.kpiUnit',
      type: 'text',
      maxLength: 20,
      placeholder: 'experiment.form.kpiUnitPlaceholder',
    },
    { id: 'kpiBaseline', label: 'experiment.form.baseline', type: 'number' },
    { id: 'kpiTarget', label: 'experiment.form.target', type: 'number' },
    {
      id: 'kpiDirection',
      label: 'experiment.form.direction',
      type: 'select',
      options: KPI_DIRECTIONS.map((d) => ({
        value: d,
        label: text(d === 'increase' ? 'experiment.form.higher' : 'experiment.form.lower'),
      })),
    },
    { id: 'startDate', label: 'experiment.form.startDate', type: 'date' },
    {
      id: 'lengthWeeks',
      label: 'experiment.form.length',
      type: 'select',
      options: Array.from({ length: 9 }, (_, i) => ({
        value: String(8 + i),
        label: text('experiment.form.weeks', { weeks: 8 + i }),
      })),
    },
  ],
};

export const surveyDetailsForm: FormDefinition<typeof surveyDetailsSchema> = {
  id: 'survey',
  title: 'survey.form.title',
  submitLabel: 'survey.form.submit',
  schema: surveyDetailsSchema,
  fields: [
    { id: 'kpiValue', label: 'survey.form.kpiValue', type: 'number' },
    {
      id: 'confidence',
      label: 'survey.form.confidence',
      type: 'select',
      options: CONFIDENCE_LABELS.map((label, i) => ({ value: String(i + 1), label: text(label) })),
    },
    {
      id: 'note',
      label: 'survey.form.note',
      type: 'multiline',
      optional: true,
      maxLength: 1000,
    },
  ],
};

/** The whole check-in in one form, for people who answer from a command rather than the survey message. */
export const checkinForm: FormDefinition<
  ReturnType<typeof surveyDetailsSchema.extend<{ practice: typeof practiceSchema }>>
> = {
  id: 'checkin',
  title: 'checkin.form.title',
  submitLabel: 'survey.form.submit',
  schema: surveyDetailsSchema.extend({ practice: practiceSchema }),
  fields: [
    {
      id: 'practice',
      label: 'checkin.form.practice',
      type: 'select',
      options: PRACTICE_LABELS.map((label, i) => ({ value: String(i + 1), label: text(label) })),
    },
    ...surveyDetailsForm.fields,
  ],
};

/** The first message anyone gets: what is kept, who sees it, for how long; Accept or Decline. */
export function consentRequestMessage(
  t: Translator,
  participantId: string,
  program: ProgramSettings,
): Message {
  const intro = t('consent.intro', { program: program.title ?? program.name });
  return {
    text: intro,
    blocks: [
      { type: 'text', text: intro },
      {
        type: 'fields',
        fields: [
          { label: t('consent.collectLabel'), value: t('consent.collect') },
          { label: t('consent.whoLabel'), value: t('consent.who') },
          {
            label: t('consent.howLongLabel'),
            value: t('consent.howLong', {
              freeTextDays: program.retention.freeTextDays,
              aggregateMonths: program.retention.aggregateMonths,
            }),
          },
        ],
      },
      { type: 'context', text: t('consent.stopAnyTime') },
      {
        type: 'actions',
        actions: [
          { action: 'consent.accept', ref: participantId, label: t('consent.accept'), style: 'primary' },
          { action: 'consent.decline', ref: participantId, label: t('consent.decline') },
        ],
      },
    ],
  };
}

/** What the consent message turns into once answered. */
export function consentAnsweredMessage(t: Translator, participantId: string, accepted: boolean): Message {
  if (!accepted)
    return { text: t('consent.declinedShort'), blocks: [{ type: 'text', text: t('consent.declined') }] };
  return {
    text: t('consent.acceptedShort'),
    blocks: [
      { type: 'text', text: t('consent.accepted') },
      {
        type: 'actions',
        actions: [
          {
            action: 'experiment.start',
            ref: participantId,
            label: t('consent.startExperiment'),
            style: 'primary',
          },
        ],
      },
    ],
  };
}

export function nudgeMessage(
  t: Translator,
  experiment: Experiment,
  template: string,
  occurrence: string,
): Message {
  const body = fillTemplate(template, { behavior: experiment.behavior, kpi: experiment.kpiName });
  return {
    text: body,
    blocks: [
      { type: 'text', text: body },
      {
        type: 'actions',
        actions: [
          {
            action: 'nudge.did',
            ref: experiment.id,
            value: occurrence,
            label: t('nudge.did'),
            style: 'primary',
          },
          { action: 'nudge.skip', ref: experiment.id, value: occurrence, label: t('nudge.skip') },
          { action: 'nudge.snooze', ref: experiment.id, value: occurrence, label: t('nudge.snooze') },
        ],
      },
    ],
  };
}

function practiceQuestion(
  t: Translator,
  experiment: Experiment,
  survey: Pick<Survey, 'id' | 'checkpointDay'>,
  lead: 'first' | 'reminder',
): Message {
  const question = t('survey.question', { lead, day: survey.checkpointDay, behavior: experiment.behavior });
  return {
    text: question,
    blocks: [
      { type: 'text', text: question },
      {
        type: 'actions',
        actions: PRACTICE_LABELS.map((label, i) => ({
          action: 'survey.practice' as const,
          ref: survey.id,
          value: String(i + 1),
          label: t(label),
        })),
      },
      { type: 'context', text: t('survey.thenDetails', { kpi: experiment.kpiName }) },
    ],
  };
}

export function checkpointSurveyMessage(
  t: Translator,
  experiment: Experiment,
  survey: Pick<Survey, 'id' | 'checkpointDay'>,
): Message {
  return practiceQuestion(t, experiment, survey, 'first');
}

export function checkpointReminderMessage(
  t: Translator,
  experiment: Experiment,
  survey: Pick<Survey, 'id' | 'checkpointDay'>,
): Message {
  return practiceQuestion(t, experiment, survey, 'reminder');
}

/** A survey message after the practice click: the answer so far, and the one step left. */
export function practiceSavedMessage(t: Translator, experiment: Experiment, survey: Survey): Message {
  const saved = t('survey.practiceSaved', { day: survey.checkpointDay, practice: survey.practice ?? 0 });
  return {
    text: saved,
    blocks: [
      { type: 'text', text: saved },
      {
        type: 'actions',
        actions: [
          {
            action: 'survey.details',
            ref: survey.id,
            label: t('survey.addKpi', { kpi: experiment.kpiName }),
            style: 'primary',
          },
        ],
      },
    ],
  };
}

/**
 * What a survey message turns into once answered: the practice buttons are gone, so a second click cannot
 * record twice; changing the answer is one explicit button away while the checkpoint is open.
 */
export function surveyAnsweredMessage(t: Translator, experiment: Experiment, survey: Survey): Message {
  // Stryker disable next-line ConditionalExpression: equivalent; without a KPI value the change is not shown (hasKpi is no)
  const gain = survey.kpiValue === null ? 0 : kpiImprovement(experiment, survey.kpiValue);
  const answered = t('survey.answered', {
    day: survey.checkpointDay,
    practice: survey.practice ?? 0,
    hasKpi: survey.kpiValue === null ? 'no' : 'yes',
    kpi: experiment.kpiName,
    value: survey.kpiValue ?? 0,
    unit: experiment.kpiUnit,
    change: `${gain >= 0 ? '+' : ''}${round(gain)}`,
    hasConfidence: survey.confidence === null ? 'no' : 'yes',
    confidence: survey.confidence ?? 0,
  });
  return {
    text: answered,
    blocks: [
      { type: 'text', text: answered },
      ...(survey.status === 'missed'
        ? []
        : [
            {
              type: 'actions' as const,
              actions: [
                { action: 'survey.checkin' as const, ref: survey.id, label: t('survey.changeAnswer') },
              ],
            },
          ]),
    ],
  };
}

export function nudgeAnsweredMessage(
  t: Translator,
  original: string,
  answer: 'did' | 'skip' | 'snooze',
  until?: number,
): Message {
  const tail =
    answer === 'did'
      ? t('nudge.answeredDid')
      : answer === 'skip'
        ? t('nudge.answeredSkip')
        : t('nudge.answeredSnooze', { until: new Date(until ?? 0) });
  return {
    text: `${original}\n${tail}`,
    blocks: [
      { type: 'text', text: original },
      { type: 'context', text: tail },
    ],
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
