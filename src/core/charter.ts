import { z } from 'zod';
import type { FormDefinition, FormField } from './forms.js';
import { addLocalDays, isoDateSchema } from './time.js';

/**
 * The pairing charter: goals, two named KPIs, milestones (default at 90 and 180 days), meeting cadence,
 * a confidentiality agreement and role boundaries. One definition drives the modal pages and the
 * step-by-step chat alike.
 */
export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${label}: a few words, please`)
    .max(max, `${label}: keep it under ${max} characters`);
const number = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, `${label} must be a number`);

/** Each field with its own validator, so a typed chat answer can be checked on its own. */
export const CHARTER_FIELD_SCHEMAS = {
  goals: text('Goals', 10, 1000),
  kpi1Name: text('KPI 1', 2, 80),
  kpi1Baseline: number('KPI 1 baseline'),
  kpi1Target: number('KPI 1 target'),
  kpi2Name: text('KPI 2', 2, 80),
  kpi2Baseline: number('KPI 2 baseline'),
  kpi2Target: number('KPI 2 target'),
  milestone1: text('Milestone 1', 5, 300),
  milestone1Due: isoDateSchema,
  milestone2: text('Milestone 2', 5, 300),
  milestone2Due: isoDateSchema,
  cadence: z.enum(CADENCES, { error: 'choose weekly, biweekly or monthly' }),
  confidentiality: z.literal('agree', {
    error: 'both of you need to agree to keep what is said confidential',
  }),
  mentorWill: text('What the mentor will do', 5, 500),
  mentorWillNot: text('What the mentor will not do', 5, 500),
} as const;

export type CharterFieldId = keyof typeof CHARTER_FIELD_SCHEMAS;

export const charterSchema = z.object(CHARTER_FIELD_SCHEMAS).superRefine((c, ctx) => {
  if (c.kpi1Name.toLowerCase() === c.kpi2Name.toLowerCase()) {
    ctx.addIssue({ code: 'custom', path: ['kpi2Name'], message: 'the two KPIs need different names' });
  }
  if (c.milestone2Due <= c.milestone1Due) {
    ctx.addIssue({
      code: 'custom',
      path: ['milestone2Due'],
      message: 'the second milestone must come after the first',
    });
  }
});

export type Charter = z.output<typeof charterSchema>;
export type CharterDraft = Partial<Record<CharterFieldId, string>>;

export const CHARTER_FIELDS: readonly (FormField & { id: CharterFieldId; question: string })[] = [
  {
    id: 'goals',
    label: 'Goals for this mentorship',
    type: 'multiline',
    maxLength: 1000,
    question: 'What do you want from this mentorship? Two or three goals in your own words.',
  },
  {
    id: 'kpi1Name',
    label: 'KPI 1',
    type: 'text',
    maxLength: 80,
    question: 'Name the first KPI you want to move (e.g. "stakeholder alignment score").',
  },
  {
    id: 'kpi1Baseline',
    label: 'KPI 1 baseline',
    type: 'number',
    question: 'Where is KPI 1 today? (a number)',
  },
  {
    id: 'kpi1Target',
    label: 'KPI 1 target',
    type: 'number',
    question: 'Where should KPI 1 be by the end? (a number)',
  },
  { id: 'kpi2Name', label: 'KPI 2', type: 'text', maxLength: 80, question: 'Name the second KPI.' },
  {
    id: 'kpi2Baseline',
    label: 'KPI 2 baseline',
    type: 'number',
    question: 'Where is KPI 2 today? (a number)',
  },
  {
    id: 'kpi2Target',
    label: 'KPI 2 target',
    type: 'number',
    question: 'Where should KPI 2 be by the end? (a number)',
  },
  {
    id: 'milestone1',
    label: 'First milestone',
    type: 'text',
    maxLength: 300,
    question: 'Describe your first milestone (about 90 days in).',
  },
  {
    id: 'milestone1Due',
    label: 'First milestone due',
    type: 'date',
    question: 'When is the first milestone due? (YYYY-MM-DD)',
  },
  {
    id: 'milestone2',
    label: 'Second milestone',
    type: 'text',
    maxLength: 300,
    question: 'Describe your second milestone (about 180 days in).',
  },
  {
    id: 'milestone2Due',
    label: 'Second milestone due',
    type: 'date',
    question: 'When is the second milestone due? (YYYY-MM-DD)',
  },
  {
    id: 'cadence',
    label: 'Meeting cadence',
    type: 'select',
    options: CADENCES.map((c) => ({
      value: c,
      label: c === 'biweekly' ? 'Every two weeks' : c === 'weekly' ? 'Weekly' : 'Monthly',
    })),
    question: 'How often will you meet: weekly, biweekly or monthly?',
  },
  {
    id: 'confidentiality',
    label: 'Confidentiality',
    type: 'select',
    options: [{ value: 'agree', label: 'We keep what we discuss between us' }],
    question: 'Do you agree to keep what you discuss between the two of you? Answer "agree".',
  },
  {
    id: 'mentorWill',
    label: 'The mentor will…',
    type: 'multiline',
    maxLength: 500,
    question: 'What will your mentor do for you? (e.g. review my plan, introduce me to peers)',
  },
  {
    id: 'mentorWillNot',
    label: 'The mentor will not…',
    type: 'multiline',
    maxLength: 500,
    question: "What is outside the mentor's role? (e.g. not my manager, no performance ratings)",
  },
];

/** Modal pages: three, so the stack never passes Slack's limit of three views. */
export const CHARTER_PAGES: readonly { title: string; fields: readonly CharterFieldId[] }[] = [
  {
    title: 'Charter 1/3: goals',
    fields: ['goals', 'kpi1Name', 'kpi1Baseline', 'kpi1Target', 'kpi2Name', 'kpi2Baseline', 'kpi2Target'],
  },
  {
    title: 'Charter 2/3: plan',
    fields: ['milestone1', 'milestone1Due', 'milestone2', 'milestone2Due', 'cadence'],
  },
  { title: 'Charter 3/3: roles', fields: ['confidentiality', 'mentorWill', 'mentorWillNot'] },
];

export function charterPageForm(page: number): FormDefinition {
  const spec = CHARTER_PAGES[page];
  if (!spec) throw new RangeError(`no charter page ${page}`);
  const fields = spec.fields.map((id) => CHARTER_FIELDS.find((f) => f.id === id)!);
  const shape = Object.fromEntries(spec.fields.map((id) => [id, CHARTER_FIELD_SCHEMAS[id]]));
  return {
    id: `charter-${page + 1}`,
    title: spec.title,
    submitLabel: page === CHARTER_PAGES.length - 1 ? 'Send to mentor' : 'Next',
    fields,
    schema: z.object(shape),
  };
}

/** The default milestone dates: 90 and 180 days after the pair was formed. */
export function defaultCharterDraft(pairStartDate: string): CharterDraft {
  return { milestone1Due: addLocalDays(pairStartDate, 90), milestone2Due: addLocalDays(pairStartDate, 180) };
}

/** The next question in chat mode: the first field without a valid answer. */
export function nextCharterField(draft: CharterDraft): (typeof CHARTER_FIELDS)[number] | null {
  return CHARTER_FIELDS.find((f) => !CHARTER_FIELD_SCHEMAS[f.id].safeParse(draft[f.id]).success) ?? null;
}

/** Checks one typed chat answer; returns the value to store or the error to show. */
export function checkCharterAnswer(
  field: CharterFieldId,
  raw: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const typed = raw.trim();
  const candidate =
    field === 'confidentiality' && /^(yes|agree|i agree|agreed)$/i.test(typed)
      ? 'agree'
      : field === 'cadence'
        ? typed.toLowerCase()
        : typed;
  const parsed = CHARTER_FIELD_SCHEMAS[field].safeParse(candidate);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues[0]?.message ?? 'That answer does not fit.' };
  return { ok: true, value: String(parsed.data) };
}

export function validateCharter(
  draft: CharterDraft,
): { ok: true; charter: Charter } | { ok: false; errors: Partial<Record<CharterFieldId, string>> } {
  const parsed = charterSchema.safeParse(draft);
  if (parsed.success) return { ok: true, charter: parsed.data };
  const errors: Partial<Record<CharterFieldId, string>> = {};
  for (const issue of parsed.error.issues) {
    const id = issue.path[0] as CharterFieldId;
    errors[id] ??= issue.message;
  }
  return { ok: false, errors };
}

export function charterSummary(c: Charter): { label: string; value: string }[] {
  return [
    { label: 'Goals', value: c.goals },
    { label: 'KPI 1', value: `${c.kpi1Name}: ${c.kpi1Baseline} → ${c.kpi1Target}` },
    { label: 'KPI 2', value: `${c.kpi2Name}: ${c.kpi2Baseline} → ${c.kpi2Target}` },
    {
      label: 'Milestones',
      value: `${c.milestone1} (due ${c.milestone1Due})\n${c.milestone2} (due ${c.milestone2Due})`,
    },
    { label: 'Cadence', value: c.cadence },
    { label: 'Confidentiality', value: 'Agreed: what we discuss stays between us' },
    { label: 'The mentor will', value: c.mentorWill },
    { label: 'The mentor will not', value: c.mentorWillNot },
  ];
}
