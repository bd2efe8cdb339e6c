import { z } from 'zod';

export const SURVEY_STATUSES = ['open', 'reminded', 'answered', 'missed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const practiceSchema = z.coerce
  .number({ error: 'choose how often you practised, 1 to 5' })
  .int()
  .min(1, 'choose how often you practised, 1 to 5')
  .max(5, 'choose how often you practised, 1 to 5');

/** The second step of a checkpoint micro-survey: the KPI now, confidence, and an optional note. */
export const surveyDetailsSchema = z.object({
  kpiValue: z.coerce
    .number({ error: 'the KPI value must be a number' })
    .refine(Number.isFinite, 'the KPI value must be a number'),
  confidence: z.coerce
    .number({ error: 'choose your confidence, 1 to 5' })
    .int()
    .min(1, 'choose your confidence, 1 to 5')
    .max(5, 'choose your confidence, 1 to 5'),
  note: z
    .string()
    .trim()
    .max(1000, 'keep the note under 1000 characters')
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

export const PRACTICE_LABELS = ['Not yet', 'Once', 'A few times', 'Most days', 'Daily'] as const;
export const CONFIDENCE_LABELS = ['1 – unsure', '2', '3', '4', '5 – very sure'] as const;
