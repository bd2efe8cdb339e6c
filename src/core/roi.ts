import { z } from 'zod';

/**
 * The admin's ROI assumptions, in four visible steps: baseline, delta, attribution and value. Every figure
 * is given by the admin (or, for the delta, measured) and printed beside the result.
 */
/** The currency codes this runtime knows (ISO 4217). */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const roiSettingsSchema = z.object({
  /** The business outcome valued, e.g. "avoidable exits per year". */
  outcome: z.string().min(3).max(120),
  unit: z.string().min(1).max(40),
  /** Outcome before the program, per year (or the period named in `outcome`). */
  baseline: z.number(),
  /** Outcome after the program; when absent, the report derives nothing and says so. */
  current: z.number().optional(),
  /** Whether a lower outcome is the improvement (e.g. exits) or a higher one (e.g. revenue). */
  direction: z.enum(['increase', 'decrease']).default('decrease'),
  /** Share of the change credited to the program, 0–100. */
  attributionPercent: z.number().min(0).max(100),
  /** Money value of one unit of the outcome. */
  valuePerUnit: z.number().min(0),
  /** What the program cost: coaching, analytics, admin time. */
  programCost: z.number().positive(),
  /** An ISO 4217 code (USD, EUR…) or a short plain symbol (€, kr, Fr.). */
  currency: z
    .string()
    .trim()
    .refine(
      (v) => (/^[A-Z]{3}$/.test(v) ? ISO_CURRENCIES.has(v) : /^[\p{Sc}\p{L}.]{1,4}$/u.test(v)),
      'must be an ISO 4217 code such as EUR, or a short symbol such as € or kr',
    )
    .default('USD'),
  /** Why the attribution share is what it is (printed in the report). */
  attributionRationale: z.string().max(500).optional(),
});

export type RoiSettings = z.output<typeof roiSettingsSchema>;
