import { z } from 'zod';
import { addLocalDays, isoDateSchema } from './time.js';

export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const EXPERIMENT_STATUSES = ['active', 'paused', 'completed', 'abandoned'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

const finiteNumber = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, `${label} must be a number`);

/** What a leader enters to start (or edit) a behavior experiment. */
export const experimentInputSchema = z
  .object({
    behavior: z
      .string()
      .trim()
      .min(3, 'describe the behavior in a few words')
      .max(200, 'keep it under 200 characters'),
    hypothesis: z
      .string()
      .trim()
      .min(5, 'say what you expect to change')
      .max(500, 'keep it under 500 characters'),
    kpiName: z.string().trim().min(2, 'name the KPI').max(80, 'keep it under 80 characters'),
    kpiUnit: z.string().trim().min(1, 'give a unit, e.g. % or points').max(20, 'keep it under 20 characters'),
    kpiBaseline: finiteNumber('baseline'),
    kpiTarget: finiteNumber('target'),
    kpiDirection: z.enum(KPI_DIRECTIONS, { error: 'choose whether higher or lower is better' }),
    startDate: isoDateSchema,
    lengthWeeks: z.coerce
      .number({ error: 'length must be a number of weeks' })
      .int('length must be whole weeks')
      .min(8, 'an experiment runs 8 to 16 weeks')
      .max(16, 'an experiment runs 8 to 16 weeks'),
  })
  .superRefine((input, ctx) => {
    if (input.kpiDirection === 'increase' && input.kpiTarget <= input.kpiBaseline) {
      ctx.addIssue({
        code: 'custom',
        path: ['kpiTarget'],
        message: 'target must be above the baseline when higher is better',
      });
    }
    if (input.kpiDirection === 'decrease' && input.kpiTarget >= input.kpiBaseline) {
      ctx.addIssue({
        code: 'custom',
        path: ['kpiTarget'],
        message: 'target must be below the baseline when lower is better',
      });
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
