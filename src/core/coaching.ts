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
  title: 'Behavior experiment',
  submitLabel: 'Start experiment',
  schema: experimentInputSchema,
  fields: [
    {
      id: 'behavior',
      label: 'Behavior to practise',
      type: 'text',
      maxLength: 200,
      placeholder: 'Ask before I tell in 1:1s',
    },
    {
      id: 'hypothesis',
      label: 'Hypothesis',
      type: 'multiline',
      maxLength: 500,
      placeholder: 'If I ask first, my team will bring more of their own solutions',
    },
    {
      id: 'kpiName',
      label: 'KPI name',
      type: 'text',
      maxLength: 80,
      placeholder: 'Ideas raised by the team per week',
    },
    { id: 'kpiUnit', label: 'KPI unit', type: 'text', maxLength: 20, placeholder: 'ideas' },
    { id: 'kpiBaseline', label: 'Baseline', type: 'number' },
    { id: 'kpiTarget', label: 'Target', type: 'number' },
    {
      id: 'kpiDirection',
      label: 'Which way is better?',
      type: 'select',
      options: KPI_DIRECTIONS.map((d) => ({
        value: d,
        label: d === 'increase' ? 'Higher is better' : 'Lower is better',
      })),
    },
    { id: 'startDate', label: 'Start date', type: 'date' },
    {
      id: 'lengthWeeks',
      label: 'Length (weeks)',
      type: 'select',
      options: Array.from({ length: 9 }, (_, i) => ({ value: String(8 + i), label: `${8 + i} weeks` })),
    },
  ],
};

export const surveyDetailsForm: FormDefinition<typeof surveyDetailsSchema> = {
  id: 'survey',
  title: 'Checkpoint',
  submitLabel: 'Save',
  schema: surveyDetailsSchema,
  fields: [
    { id: 'kpiValue', label: 'KPI value today', type: 'number' },
    {
      id: 'confidence',
      label: 'Confidence you will keep it up',
      type: 'select',
      options: CONFIDENCE_LABELS.map((label, i) => ({ value: String(i + 1), label })),
    },
    {
      id: 'note',
      label: 'Anything to note? (only you and your coach see it)',
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
  title: 'Checkpoint check-in',
  submitLabel: 'Save',
  schema: surveyDetailsSchema.extend({ practice: practiceSchema }),
  fields: [
    {
      id: 'practice',
      label: 'How often did you practise lately?',
      type: 'select',
      options: PRACTICE_LABELS.map((label, i) => ({ value: String(i + 1), label: `${i + 1} · ${label}` })),
    },
    ...surveyDetailsForm.fields,
  ],
};

/** The first message anyone gets: what is kept, who sees it, for how long; Accept or Decline. */
export function consentRequestMessage(participantId: string, program: ProgramSettings): Message {
  const facts = {
    programTitle: program.title ?? program.name,
    freeTextRetentionDays: program.retention.freeTextDays,
    aggregateRetentionMonths: program.retention.aggregateMonths,
  };
  const text = `Hi! I'm the coaching companion for *${facts.programTitle}*. Before anything starts, here is what I keep and who sees it.`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'fields',
        fields: [
          {
            label: 'What I collect',
            value:
              'Your experiment, your check-in answers, and when you reply to me. I never read your other chats.',
          },
          {
            label: 'Who sees it',
            value:
              'You. Your mentor sees your charter items. Curators see engagement signals only. Admins see totals for groups of 5 or more.',
          },
          {
            label: 'How long',
            value: `Notes you type are deleted after ${facts.freeTextRetentionDays} days; totals are kept ${facts.aggregateRetentionMonths} months.`,
          },
        ],
      },
      {
        type: 'context',
        text: 'You can stop at any time with /coach optout, or erase your data with /coach forget-me.',
      },
      {
        type: 'actions',
        actions: [
          { action: 'consent.accept', ref: participantId, label: 'Accept', style: 'primary' },
          { action: 'consent.decline', ref: participantId, label: 'Decline' },
        ],
      },
    ],
  };
}

export function nudgeMessage(experiment: Experiment, template: string, occurrence: string): Message {
  const text = fillTemplate(template, { behavior: experiment.behavior, kpi: experiment.kpiName });
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'actions',
        actions: [
          { action: 'nudge.did', ref: experiment.id, value: occurrence, label: 'Did it', style: 'primary' },
          { action: 'nudge.skip', ref: experiment.id, value: occurrence, label: 'Not this week' },
          { action: 'nudge.snooze', ref: experiment.id, value: occurrence, label: 'Snooze a week' },
        ],
      },
    ],
  };
}

function practiceQuestion(
  experiment: Experiment,
  survey: Pick<Survey, 'id' | 'checkpointDay'>,
  lead: string,
): Message {
  const text = `${lead} Day ${survey.checkpointDay} checkpoint for *${experiment.behavior}*: how often did you practise it lately?`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'actions',
        actions: PRACTICE_LABELS.map((label, i) => ({
          action: 'survey.practice' as const,
          ref: survey.id,
          value: String(i + 1),
          label: `${i + 1} · ${label}`,
        })),
      },
      { type: 'context', text: `Then one short step: ${experiment.kpiName} today and your confidence.` },
    ],
  };
}

export function checkpointSurveyMessage(
  experiment: Experiment,
  survey: Pick<Survey, 'id' | 'checkpointDay'>,
): Message {
  return practiceQuestion(experiment, survey, 'Time for a two-click check-in.');
}

export function checkpointReminderMessage(
  experiment: Experiment,
  survey: Pick<Survey, 'id' | 'checkpointDay'>,
): Message {
  return practiceQuestion(experiment, survey, 'A gentle reminder:');
}

/** What a survey message turns into once answered: no buttons left, so a second click cannot record twice. */
export function surveyAnsweredMessage(experiment: Experiment, survey: Survey): Message {
  const parts = [`Day ${survey.checkpointDay} checkpoint saved: practice ${survey.practice}/5`];
  if (survey.kpiValue !== null) {
    const gain = kpiImprovement(experiment, survey.kpiValue);
    parts.push(
      `${experiment.kpiName} ${survey.kpiValue} ${experiment.kpiUnit} (${gain >= 0 ? '+' : ''}${round(gain)} vs baseline)`,
    );
  }
  if (survey.confidence !== null) parts.push(`confidence ${survey.confidence}/5`);
  const text = `${parts.join(', ')}. Thank you!`;
  return { text, blocks: [{ type: 'text', text }] };
}

export function nudgeAnsweredMessage(
  original: string,
  answer: 'did' | 'skip' | 'snooze',
  until?: string,
): Message {
  const tail =
    answer === 'did'
      ? 'Nice work — logged as done.'
      : answer === 'skip'
        ? 'Noted: not this week. No judgement; next week is a fresh start.'
        : `Snoozed until ${until ?? 'next week'}. I'll be quiet until then.`;
  return {
    text: `${original}\n${tail}`,
    blocks: [
      { type: 'text', text: original },
      { type: 'context', text: tail },
    ],
  };
}

export function noticeMessage(text: string): Message {
  return { text, blocks: [{ type: 'text', text }] };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
