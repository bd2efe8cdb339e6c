import { z } from 'zod';

export const SURVEY_STATUSES = ['open', 'reminded', 'answered', 'missed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const practiceSchema = z.coerce
  .number({ error: 'validation.survey.practice' })
  .int('validation.survey.practice')
  .min(1, 'validation.survey.practice')
  .max(5, 'validation.survey.practice');

/** The second step of a checkpoint micro-survey: the KPI now, confidence, and an optional note. */
export const surveyDetailsSchema = z.object({
  kpiValue: z.coerce.number({ error: 'validation.number' }).refine(Number.isFinite, 'validation.number'),
  confidence: z.coerce
    .number({ error: 'validation.survey.confidence' })
    .int('validation.survey.confidence')
    .min(1, 'validation.survey.confidence')
    .max(5, 'validation.survey.confidence'),
  note: z
    .string()
    .trim()
    .max(1000, 'validation.tooLong')
    .optional()
    .transform((note) => (note ? note : undefined)),
});

export type SurveyDetails = z.output<typeof surveyDetailsSchema>;

export interface Survey {
  id: string;
  experimentId: string;
  participantId: string;
  checkpointDay: number;
  status: SurveyStatus;
  sentAt: number | null;
  remindedAt: number | null;
  practice: number | null;
  kpiValue: number | null;
  confidence: number | null;
  note: string | null;
  answeredAt: number | null;
}

export function surveyIdFor(experimentId: string, checkpointDay: number): string {
  return `svy_${experimentId}_d${checkpointDay}`;
}

/** The five answers of the practice question and of the confidence question, as catalog keys. */
export const PRACTICE_LABELS = [
  'survey.practice1',
  'survey.practice2',
  'survey.practice3',
  'survey.practice4',
  'survey.practice5',
] as const;
export const CONFIDENCE_LABELS = [
  'survey.confidence1',
  'survey.confidence2',
  'survey.confidence3',
  'survey.confidence4',
  'survey.confidence5',
] as const;
