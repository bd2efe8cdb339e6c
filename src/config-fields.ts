import { z } from 'zod';

/** Field shapes the configuration of coachloop and of each channel share. */

export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export const booleanText = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    if (/^(true|1|yes|on)$/i.test(v)) return true;
    if (/^(false|0|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

/** A check that sees the whole environment (one variable needs another), reporting through zod's context. */
export type ConfigCheck<T> = (env: T & { NODE_ENV: string }, ctx: z.RefinementCtx) => void;
