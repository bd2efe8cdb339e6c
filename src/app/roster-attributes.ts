import { z } from 'zod';

/**
 * Optional roster columns that describe a person rather than their place in the program. Each is one entry
 * here: its zod schema (an empty cell means "not given") and nothing else to wire — the roster parser adds the
 * column, checks that a person's rows agree on it, and the import stores the value with the person.
 */
const text = (max: number) => z.string().trim().min(1).max(max, `must be at most ${max} characters`);

export const ROSTER_ATTRIBUTES = {
  /** Used to balance arms (evaluation.assignment.stratifyBy) and in the report's balance table. */
  department: text(80),
  level: text(40),
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
