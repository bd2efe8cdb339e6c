import { z } from 'zod';
import { type MessageKey, type Text, type Translator, text } from './catalog/index.js';
import { type FormDefinition, type FormField, problemText } from './forms.js';
import { cleanTypedText } from './text.js';
import { addLocalDays, dateFieldSchema } from './time.js';

/**
 * The pairing charter: goals, two named KPIs, milestones (default at 90 and 180 days), meeting cadence,
 * a confidentiality agreement and role boundaries. One definition drives the modal pages and the
 * step-by-step chat alike.
 */
export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

const words = (min: number, max: number) =>
  z.string().trim().min(min, 'validation.charter.fewWords').max(max, 'validation.tooLong');
const number = z.coerce.number({ error: 'validation.number' }).refine(Number.isFinite, 'validation.number');

/** Each field with its own validator, so a typed chat answer can be checked on its own. Messages are catalog keys. */
export const CHARTER_FIELD_SCHEMAS = {
  goals: words(10, 1000),
  kpi1Name: words(2, 80),
  kpi1Baseline: number,
  kpi1Target: number,
  kpi2Name: words(2, 80),
  kpi2Baseline: number,
  kpi2Target: number,
  milestone1: words(5, 300),
  milestone1Due: dateFieldSchema,
  milestone2: words(5, 300),
  milestone2Due: dateFieldSchema,
  cadence: z.enum(CADENCES, { error: 'validation.charter.cadence' }),
  confidentiality: z.literal('agree', { error: 'validation.charter.confidentiality' }),
  mentorWill: words(5, 500),
  mentorWillNot: words(5, 500),
} as const;

export type CharterFieldId = keyof typeof CHARTER_FIELD_SCHEMAS;

export const charterSchema = z.object(CHARTER_FIELD_SCHEMAS).superRefine((c, ctx) => {
  if (c.kpi1Name.toLowerCase() === c.kpi2Name.toLowerCase()) {
    ctx.addIssue({ code: 'custom', path: ['kpi2Name'], message: 'validation.charter.kpiNamesDiffer' });
  }
  if (c.milestone2Due <= c.milestone1Due) {
    ctx.addIssue({
      code: 'custom',
      path: ['milestone2Due'],
      message: 'validation.charter.milestoneOrder',
    });
  }
});

export type Charter = z.output<typeof charterSchema>;
export type CharterDraft = Partial<Record<CharterFieldId, string>>;

const FIELD_TYPES: Record<CharterFieldId, Pick<FormField, 'type' | 'maxLength'>> = {
  goals: { type: 'multiline', maxLength: 1000 },
  kpi1Name: { type: 'text', maxLength: 80 },
  kpi1Baseline: { type: 'number' },
  kpi1Target: { type: 'number' },
  kpi2Name: { type: 'text', maxLength: 80 },
  kpi2Baseline: { type: 'number' },
  kpi2Target: { type: 'number' },
  milestone1: { type: 'text', maxLength: 300 },
  milestone1Due: { type: 'date' },
  milestone2: { type: 'text', maxLength: 300 },
  milestone2Due: { type: 'date' },
  cadence: { type: 'select' },
  confidentiality: { type: 'select' },
  mentorWill: { type: 'multiline', maxLength: 500 },
  mentorWillNot: { type: 'multiline', maxLength: 500 },
};

const FIELD_OPTIONS: Partial<Record<CharterFieldId, FormField['options']>> = {
  cadence: CADENCES.map((c) => ({ value: c, label: text(`charter.cadence.${c}`) })),
  confidentiality: [{ value: 'agree', label: text('charter.agree') }],
};

/** Every charter field: its form input (label) and its chat question, both catalog keys. */
export const CHARTER_FIELDS: readonly (FormField & { id: CharterFieldId; question: MessageKey })[] = (
  Object.keys(CHARTER_FIELD_SCHEMAS) as CharterFieldId[]
).map((id) => ({
  id,
  label: `charter.field.${id}` as const,
  question: `charter.question.${id}` as const,
  ...FIELD_TYPES[id],
  ...(FIELD_OPTIONS[id] ? { options: FIELD_OPTIONS[id] } : {}),
}));

/** Modal pages: three, so the stack never passes Slack's limit of three views. */
export const CHARTER_PAGES: readonly { title: MessageKey; fields: readonly CharterFieldId[] }[] = [
  {
    title: 'charter.page1',
    fields: ['goals', 'kpi1Name', 'kpi1Baseline', 'kpi1Target', 'kpi2Name', 'kpi2Baseline', 'kpi2Target'],
  },
  {
    title: 'charter.page2',
    fields: ['milestone1', 'milestone1Due', 'milestone2', 'milestone2Due', 'cadence'],
  },
  { title: 'charter.page3', fields: ['confidentiality', 'mentorWill', 'mentorWillNot'] },
];

export function charterPageForm(page: number): FormDefinition {
  const spec = CHARTER_PAGES[page];
  if (!spec) throw new RangeError(`no charter page ${page}`);
  const fields = spec.fields.map((id) => CHARTER_FIELDS.find((f) => f.id === id)!);
  const shape = Object.fromEntries(spec.fields.map((id) => [id, CHARTER_FIELD_SCHEMAS[id]]));
  return {
    id: `charter-${page + 1}`,
    title: spec.title,
    submitLabel: page === CHARTER_PAGES.length - 1 ? 'charter.send' : 'charter.next',
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

/** Checks one typed chat answer; returns the value to store or the problem to show. */
export function checkCharterAnswer(
  field: CharterFieldId,
  raw: string,
): { ok: true; value: string } | { ok: false; error: Text } {
  const typed = cleanTypedText(raw).trim();
  const candidate =
    field === 'confidentiality' && /^(yes|agree|i agree|agreed)$/i.test(typed)
      ? 'agree'
      : field === 'cadence'
        ? typed.toLowerCase()
        : typed;
  const parsed = CHARTER_FIELD_SCHEMAS[field].safeParse(candidate);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  if (!parsed.success) return { ok: false, error: issue ? problemText(issue) : text('validation.invalid') };
  return { ok: true, value: String(parsed.data) };
}

export function validateCharter(
  draft: CharterDraft,
): { ok: true; charter: Charter } | { ok: false; errors: Partial<Record<CharterFieldId, Text>> } {
  const parsed = charterSchema.safeParse(draft);
  if (parsed.success) return { ok: true, charter: parsed.data };
  const errors: Partial<Record<CharterFieldId, Text>> = {};
  for (const issue of parsed.error.issues) {
    const id = issue.path[0] as CharterFieldId;
    errors[id] ??= problemText(issue);
  }
  return { ok: false, errors };
}

export function charterSummary(t: Translator, c: Charter): { label: string; value: string }[] {
  const kpi = (name: string, baseline: number, target: number) =>
    t('charter.summary.kpi', { name, baseline, target });
  return [
    { label: t('charter.summary.goals'), value: c.goals },
    { label: t('charter.summary.kpi1'), value: kpi(c.kpi1Name, c.kpi1Baseline, c.kpi1Target) },
    { label: t('charter.summary.kpi2'), value: kpi(c.kpi2Name, c.kpi2Baseline, c.kpi2Target) },
    {
      label: t('charter.summary.milestones'),
      value: [
        t('charter.summary.milestone', { description: c.milestone1, due: c.milestone1Due }),
        t('charter.summary.milestone', { description: c.milestone2, due: c.milestone2Due }),
      ].join('\n'),
    },
    { label: t('charter.summary.cadence'), value: t(`charter.cadence.${c.cadence}`) },
    { label: t('charter.summary.confidentiality'), value: t('charter.summary.agreed') },
    { label: t('charter.summary.will'), value: c.mentorWill },
    { label: t('charter.summary.willNot'), value: c.mentorWillNot },
  ];
}
