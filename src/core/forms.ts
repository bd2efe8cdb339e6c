import type { z } from 'zod';

/** `person` picks someone in the workspace (Slack user picker; Teams people picker). */
export type FieldType = 'text' | 'multiline' | 'number' | 'date' | 'select' | 'person';

export interface FormField {
  id: string;
  label: string;
  type: FieldType;
  options?: readonly { label: string; value: string }[];
  optional?: boolean;
  placeholder?: string;
  hint?: string;
  maxLength?: number;
}

/** A form is defined once — its fields plus its zod schema — and rendered by each channel. */
export interface FormDefinition<Schema extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  submitLabel: string;
  fields: readonly FormField[];
  schema: Schema;
}

export type RawFormValues = Record<string, string | undefined>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Validates raw input against the form's schema and maps every problem onto the field it belongs to. */
export function validateForm<Schema extends z.ZodType>(
  form: FormDefinition<Schema>,
  raw: RawFormValues,
): FormResult<z.output<Schema>> {
  const cleaned: Record<string, string | undefined> = {};
  for (const field of form.fields) {
    const value = raw[field.id];
    cleaned[field.id] = value === undefined || value.trim() === '' ? undefined : value;
  }
  const errors: Record<string, string> = {};
  for (const field of form.fields) {
    if (!field.optional && cleaned[field.id] === undefined) errors[field.id] = 'Please fill this in.';
  }
  const parsed = form.schema.safeParse(cleaned);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  if (!parsed.success) {
    const fieldIds = new Set(form.fields.map((f) => f.id));
    for (const issue of parsed.error.issues) {
      const head = issue.path[0];
      const target = typeof head === 'string' && fieldIds.has(head) ? head : (form.fields[0]?.id ?? 'form');
      errors[target] ??= issue.message;
    }
  }
  return { ok: false, errors };
}
