import type { z } from 'zod';
import { isMessageKey, type MessageKey, type Text, text, type Words } from './catalog/index.js';
import { cleanTypedText } from './text.js';

/** `person` picks someone in the workspace (Slack user picker; in Teams a choice among the team's members). */
export type FieldType = 'text' | 'multiline' | 'number' | 'date' | 'select' | 'person';

export interface FormField {
  id: string;
  label: MessageKey;
  type: FieldType;
  options?: readonly { label: Text; value: string }[];
  optional?: boolean;
  placeholder?: MessageKey;
  hint?: MessageKey;
  maxLength?: number;
}

/**
 * A form is defined once — its fields plus its zod schema — and rendered by each channel. Labels and the
 * schema's messages are catalog keys, so every reader gets the form in their own words.
 */
export interface FormDefinition<Schema extends z.ZodType = z.ZodType> {
  id: string;
  title: MessageKey;
  submitLabel: MessageKey;
  fields: readonly FormField[];
  schema: Schema;
}

export type RawFormValues = Record<string, string | undefined>;

export type FieldErrors = Record<string, Words>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A zod problem as a catalog sentence: the schema's own key when it names one, else a plain default. */
export function problemText(issue: z.core.$ZodIssue): Text {
  const bounds = issue as { maximum?: unknown; minimum?: unknown };
  const params = {
    ...(typeof bounds.maximum === 'number' || typeof bounds.maximum === 'bigint'
      ? { max: Number(bounds.maximum) }
      : {}),
    ...(typeof bounds.minimum === 'number' || typeof bounds.minimum === 'bigint'
      ? { min: Number(bounds.minimum) }
      : {}),
  };
  if (isMessageKey(issue.message)) return text(issue.message, params);
  switch (issue.code) {
    case 'too_big':
      return text('validation.tooLong', params);
    case 'invalid_type':
      return text(issue.expected === 'number' ? 'validation.number' : 'validation.invalid');
    case 'invalid_value':
      return text('validation.choose');
    default:
      return text('validation.invalid');
  }
}

/**
 * Validates raw input against the form's schema and maps every problem onto the field it belongs to. Values are
 * cleaned by the typed-text policy first (core/text.ts): a field left empty by that is empty.
 */
export function validateForm<Schema extends z.ZodType>(
  form: FormDefinition<Schema>,
  raw: RawFormValues,
): FormResult<z.output<Schema>> {
  const cleaned: Record<string, string | undefined> = {};
  for (const field of form.fields) {
    const given = raw[field.id];
    const value = given === undefined ? undefined : cleanTypedText(given);
    cleaned[field.id] = value === undefined || value.trim() === '' ? undefined : value;
  }
  const errors: FieldErrors = {};
  for (const field of form.fields) {
    if (!field.optional && cleaned[field.id] === undefined) errors[field.id] = text('validation.required');
  }
  const parsed = form.schema.safeParse(cleaned);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  if (!parsed.success) {
    const fieldIds = new Set(form.fields.map((f) => f.id));
    for (const issue of parsed.error.issues) {
      const head = issue.path[0];
      // Stryker disable next-line ConditionalExpression: equivalent for the type test alone; field ids are strings, so has() is false for any other key
      const target = typeof head === 'string' && fieldIds.has(head) ? head : (form.fields[0]?.id ?? 'form');
      errors[target] ??= problemText(issue);
    }
  }
  return { ok: false, errors };
}
