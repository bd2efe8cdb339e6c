import { z } from 'zod';
import { addLocalDays, dateFieldSchema } from './time.js';

export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const EXPERIMENT_STATUSES = ['active', 'paused', 'completed', 'abandoned'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

const finiteNumber = z.coerce
  .number({ error: 'validation.number' })
  .refine(Number.isFinite, 'validation.number');

/** What a leader enters to start (or edit) a behavior experiment. Messages are catalog keys. */
export const experimentInputSchema = z
  .object({
    behavior: z.string().trim().min(3, 'validation.experiment.behavior').max(200, 'validation.tooLong'),
    hypothesis: z.string().trim().min(5, 'validation.experiment.hypothesis').max(500, 'validation.tooLong'),
    kpiName: z.string().trim().min(2, 'validation.experiment.kpiName').max(80, 'validation.tooLong'),
    kpiUnit: z.string().trim().min(1, 'validation.experiment.kpiUnit').max(20, 'validation.tooLong'),
    kpiBaseline: finiteNumber,
    kpiTarget: finiteNumber,
    kpiDirection: z.enum(KPI_DIRECTIONS, { error: 'validation.experiment.direction' }),
    startDate: dateFieldSchema,
    lengthWeeks: z.coerce
      .number({ error: 'validation.experiment.length' })
      .int('validation.experiment.length')
      .min(8, 'validation.experiment.length')
      .max(16, 'validation.experiment.length'),
  })
  .superRefine((input, ctx) => {
    if (input.kpiDirection === 'increase' && input.kpiTarget <= input.kpiBaseline) {
      ctx.addIssue({ code: 'custom', path: ['kpiTarget'], message: 'validation.experiment.targetAbove' });
    }
    if (input.kpiDirection === 'decrease' && input.kpiTarget >= input.kpiBaseline) {
      ctx.addIssue({ code: 'custom', path: ['kpiTarget'], message: 'validation.experiment.targetBelow' });
    }
  });

export type ExperimentInput = z.output<typeof experimentInputSchema>;

export interface Experiment extends ExperimentInput {
  id: string;
  participantId: string;
  endDate: string;
  status: ExperimentStatus;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export function experimentEndDate(startDate: string, lengthWeeks: number): string {
  return addLocalDays(startDate, lengthWeeks * 7);
}

/**
 * Progress from baseline toward target as a fraction (0 = baseline, 1 = target reached),
 * with the KPI's direction taken into account.
 */
export function kpiProgress(
  experiment: Pick<ExperimentInput, 'kpiBaseline' | 'kpiTarget'>,
  value: number,
): number {
  const span = experiment.kpiTarget - experiment.kpiBaseline;
  if (span === 0) return 0;
  return (value - experiment.kpiBaseline) / span;
}

/** The change from baseline, signed so that a positive number is always an improvement. */
export function kpiImprovement(
  experiment: Pick<ExperimentInput, 'kpiBaseline' | 'kpiDirection'>,
  value: number,
): number {
  const delta = value - experiment.kpiBaseline;
  return experiment.kpiDirection === 'increase' ? delta : -delta;
}
