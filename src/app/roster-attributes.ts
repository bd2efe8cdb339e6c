import { z } from 'zod';

/**
 * Optional roster columns that describe a person rather than their place in the program. Each is one entry
 * here: its zod schema (an empty cell means "not given") and nothing else to wire — the roster parser adds the
 * column, checks that a person's rows agree on it, and the import stores the value with the person.
 */
const text = (max: number) => z.string().trim().min(1).max(max, `must be at most ${max} characters`);

/**
 * A semicolon-separated list, kept as its items joined by "; " (trimmed, without empty or repeated items); each
 * item that `check` rejects is named in the error.
 */
const list = (max: number, check: (item: string) => string | null, normalize = (item: string) => item) =>
  z.string().transform((value, ctx) => {
    const items = [
      ...new Set(
        value
          .split(';')
          .map((i) => normalize(i.trim()))
          .filter(Boolean),
      ),
    ];
    if (items.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one item' });
    if (items.length > max) ctx.addIssue({ code: 'custom', message: `must name at most ${max} items` });
    for (const item of items) {
      const problem = check(item);
      if (problem) ctx.addIssue({ code: 'custom', message: `"${item}" ${problem}` });
    }
    return items.join('; ');
  });

export const ROSTER_ATTRIBUTES = {
  /** Used to balance arms (evaluation.assignment.stratifyBy), in the report's balance table and by matching. */
  department: text(80),
  level: text(40),
  /** Matching: what a mentee wants to grow in, or what a mentor offers (semicolon-separated). */
  topics: list(12, (topic) => (topic.length > 60 ? 'is longer than 60 characters' : null)),
  /** Matching: a person is never matched with their manager or anyone else in their reporting line. */
  manager_email: z.email('is not an email address').transform((v) => v.toLowerCase()),
  /** Matching: how many mentees a mentor takes at once (default 1). */
  capacity: z
    .string()
    .trim()
    .refine(
      (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 20,
      'must be a whole number from 1 to 20',
    )
    .transform((v) => String(Number(v))),
  /** Matching: languages a person speaks, as language codes (en; de; pt-BR). */
  languages: list(
    10,
    (code) =>
      /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(code) ? null : 'is not a language code such as en, de or pt-BR',
    (code) => code.toLowerCase(),
  ),
} as const;

export type RosterAttributeName = keyof typeof ROSTER_ATTRIBUTES;
export const ROSTER_ATTRIBUTE_NAMES = Object.keys(ROSTER_ATTRIBUTES) as RosterAttributeName[];

const emptyIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** The attribute columns as zod shape entries for the roster row schema. */
export const rosterAttributeShape = Object.fromEntries(
  ROSTER_ATTRIBUTE_NAMES.map((name) => [name, emptyIsAbsent(ROSTER_ATTRIBUTES[name])]),
) as unknown as { [K in RosterAttributeName]: z.ZodType<string | undefined> };

/** A person's attributes from their rows: the first value given for each (rows are checked to agree). */
export function attributesFromRows(
  rows: readonly Partial<Record<RosterAttributeName, string | undefined>>[],
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name of ROSTER_ATTRIBUTE_NAMES) {
    const value = rows.find((r) => r[name])?.[name];
    if (value) attributes[name] = value;
  }
  return attributes;
}
