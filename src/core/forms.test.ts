import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FormDefinition, problemText, validateForm } from './forms.js';

const form: FormDefinition = {
  id: 'sample',
  title: 'experiment.form.title',
  submitLabel: 'experiment.form.submit',
  fields: [
    { id: 'name', label: 'experiment.form.kpiName', type: 'text' },
    { id: 'count', label: 'experiment.form.baseline', type: 'number' },
    { id: 'note', label: 'survey.form.note', type: 'multiline', optional: true },
  ],
  schema: z
    .object({
      name: z.string().min(2, 'validation.experiment.kpiName').max(5),
      count: z.coerce.number({ error: 'validation.number' }).int().max(9),
      note: z.string().optional(),
    })
    .refine((v) => v.name !== 'nope', { message: 'validation.invalid', path: ['elsewhere'] }),
};

describe('validateForm', () => {
  it('returns the parsed value when every required field is there and valid', () => {
    expect(validateForm(form, { name: 'Ideas', count: '3' })).toEqual({
      ok: true,
      value: { name: 'Ideas', count: 3 },
    });
    expect(validateForm(form, { name: 'Ideas', count: '3', note: 'kept as typed ' })).toEqual({
      ok: true,
      value: { name: 'Ideas', count: 3, note: 'kept as typed ' },
    });
  });

  it('treats blank answers as missing: required fields say so, optional ones are left out', () => {
    expect(validateForm(form, { name: '   ', count: '3', note: '  ' })).toEqual({
      ok: false,
      errors: { name: { key: 'validation.required' } },
    });
    expect(validateForm(form, {})).toEqual({
      ok: false,
      errors: { name: { key: 'validation.required' }, count: { key: 'validation.required' } },
    });
  });

  it('puts each problem on its own field, the first one only, and others on the first field', () => {
    expect(validateForm(form, { name: 'I', count: 'many' })).toEqual({
      ok: false,
      errors: {
        name: { key: 'validation.experiment.kpiName', params: { min: 2 } },
        count: { key: 'validation.number', params: {} },
      },
    });
    expect(validateForm(form, { name: 'nope', count: '3' })).toEqual({
      ok: false,
      errors: { name: { key: 'validation.invalid', params: {} } },
    });
    const stricter: FormDefinition = { ...form, fields: form.fields.map((f) => ({ ...f, optional: false })) };
    expect(validateForm(stricter, { name: 'Ideas', count: '3' })).toEqual({
      ok: false,
      errors: { note: { key: 'validation.required' } },
    });
    const empty: FormDefinition = { ...form, fields: [], schema: z.object({ x: z.string() }) };
    expect(validateForm(empty, {})).toEqual({ ok: false, errors: { form: { key: 'validation.invalid' } } });
  });
});

describe('problemText', () => {
  const issue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

  it('uses the schema’s own catalog key, with the bound it broke', () => {
    expect(problemText(issue(z.string().min(3, 'validation.charter.fewWords'), 'a'))).toEqual({
      key: 'validation.charter.fewWords',
      params: { min: 3 },
    });
    expect(problemText(issue(z.string().max(2, 'validation.tooLong'), 'abc'))).toEqual({
      key: 'validation.tooLong',
      params: { max: 2 },
    });
    expect(problemText(issue(z.bigint().max(2n, 'validation.tooLong'), 3n))).toEqual({
      key: 'validation.tooLong',
      params: { max: 2 },
    });
    expect(problemText(issue(z.bigint().min(2n, 'validation.number'), 1n))).toEqual({
      key: 'validation.number',
      params: { min: 2 },
    });
  });

  it('falls back to plain sentences by the kind of problem', () => {
    expect(problemText(issue(z.string().max(2), 'abc'))).toEqual({
      key: 'validation.tooLong',
      params: { max: 2 },
    });
    expect(problemText(issue(z.number(), 'x'))).toEqual({ key: 'validation.number' });
    expect(problemText(issue(z.string(), 1))).toEqual({ key: 'validation.invalid' });
    expect(problemText(issue(z.enum(['a', 'b']), 'c'))).toEqual({ key: 'validation.choose' });
    expect(problemText(issue(z.string().min(3), 'a'))).toEqual({ key: 'validation.invalid' });
  });
});
