import { describe, expect, it } from 'vitest';
import { english } from './catalog/index.js';
import {
  CHARTER_FIELDS,
  CHARTER_PAGES,
  charterPageForm,
  charterSummary,
  checkCharterAnswer,
  defaultCharterDraft,
  nextCharterField,
  validateCharter,
} from './charter.js';

const complete = {
  goals: 'Lead a cross-team project and grow my network',
  kpi1Name: 'Stakeholder score',
  kpi1Baseline: '3',
  kpi1Target: '4',
  kpi2Name: 'Peers met monthly',
  kpi2Baseline: '1',
  kpi2Target: '4',
  milestone1: 'Kickoff done',
  milestone1Due: '2026-05-31',
  milestone2: 'Project shipped',
  milestone2Due: '2026-08-29',
  cadence: 'biweekly',
  confidentiality: 'agree',
  mentorWill: 'Review my plan',
  mentorWillNot: 'Rate my performance',
};

describe('the charter', () => {
  it('puts every field on exactly one of three modal pages', () => {
    expect(CHARTER_PAGES).toHaveLength(3);
    const onPages = CHARTER_PAGES.flatMap((p) => p.fields);
    expect(onPages.sort()).toEqual(CHARTER_FIELDS.map((f) => f.id).sort());
    expect(charterPageForm(2).submitLabel).toBe('charter.send');
    expect(charterPageForm(0).fields.map((f) => f.id)).toEqual(CHARTER_PAGES[0]!.fields);
  });

  it('defaults milestones to 90 and 180 days after pairing', () => {
    expect(defaultCharterDraft('2026-03-02')).toEqual({
      milestone1Due: '2026-05-31',
      milestone2Due: '2026-08-29',
    });
  });

  it('asks for the first field without a valid answer next', () => {
    expect(nextCharterField({})?.id).toBe('goals');
    expect(nextCharterField({ goals: complete.goals, kpi1Name: 'x' })?.id).toBe('kpi1Name');
    expect(nextCharterField(complete)).toBeNull();
  });

  it('checks typed chat answers one by one, with friendly synonyms', () => {
    expect(checkCharterAnswer('kpi1Baseline', ' 3.5 ')).toEqual({ ok: true, value: '3.5' });
    expect(checkCharterAnswer('kpi1Baseline', 'three')).toEqual({
      ok: false,
      error: { key: 'validation.number', params: {} },
    });
    expect(checkCharterAnswer('confidentiality', 'Yes')).toEqual({ ok: true, value: 'agree' });
    expect(checkCharterAnswer('cadence', 'Monthly')).toEqual({ ok: true, value: 'monthly' });
    expect(checkCharterAnswer('milestone1Due', '31.05.2026')).toMatchObject({ ok: false });
  });

  it('validates the whole charter, including rules across fields', () => {
    expect(validateCharter(complete)).toMatchObject({
      ok: true,
      charter: { kpi1Baseline: 3, cadence: 'biweekly' },
    });
    expect(
      validateCharter({ ...complete, kpi2Name: 'stakeholder SCORE', milestone2Due: '2026-05-01' }),
    ).toEqual({
      ok: false,
      errors: {
        kpi2Name: { key: 'validation.charter.kpiNamesDiffer', params: {} },
        milestone2Due: { key: 'validation.charter.milestoneOrder', params: {} },
      },
    });
  });

  it('takes only a plain yes as agreement to confidentiality', () => {
    for (const yes of ['yes', 'Agree', 'I agree', 'AGREED', ' agree ']) {
      expect(checkCharterAnswer('confidentiality', yes)).toEqual({ ok: true, value: 'agree' });
    }
    for (const no of ['I disagree', "I don't agree", 'no', 'yes, but not with my manager', 'agreeable']) {
      expect(checkCharterAnswer('confidentiality', no)).toEqual({
        ok: false,
        error: { key: 'validation.charter.confidentiality', params: {} },
      });
    }
  });

  it('gives every field its input type, length limit and choices', () => {
    expect(CHARTER_FIELDS.map((f) => [f.id, f.type, f.maxLength ?? null])).toEqual([
      ['goals', 'multiline', 1000],
      ['kpi1Name', 'text', 80],
      ['kpi1Baseline', 'number', null],
      ['kpi1Target', 'number', null],
      ['kpi2Name', 'text', 80],
      ['kpi2Baseline', 'number', null],
      ['kpi2Target', 'number', null],
      ['milestone1', 'text', 300],
      ['milestone1Due', 'date', null],
      ['milestone2', 'text', 300],
      ['milestone2Due', 'date', null],
      ['cadence', 'select', null],
      ['confidentiality', 'select', null],
      ['mentorWill', 'multiline', 500],
      ['mentorWillNot', 'multiline', 500],
    ]);
    expect(CHARTER_FIELDS.find((f) => f.id === 'cadence')?.options).toEqual([
      { value: 'weekly', label: { key: 'charter.cadence.weekly' } },
      { value: 'biweekly', label: { key: 'charter.cadence.biweekly' } },
      { value: 'monthly', label: { key: 'charter.cadence.monthly' } },
    ]);
    expect(CHARTER_FIELDS.find((f) => f.id === 'confidentiality')?.options).toEqual([
      { value: 'agree', label: { key: 'charter.agree' } },
    ]);
    expect(CHARTER_FIELDS.filter((f) => f.options).map((f) => f.id)).toEqual(['cadence', 'confidentiality']);
    expect(CHARTER_FIELDS[0]).toMatchObject({
      label: 'charter.field.goals',
      question: 'charter.question.goals',
    });
  });

  it('builds each modal page with its own fields and validator, and no page past the third', () => {
    const second = charterPageForm(1);
    expect(second).toMatchObject({ id: 'charter-2', title: 'charter.page2', submitLabel: 'charter.next' });
    expect(second.fields.map((f) => f.id)).toEqual(CHARTER_PAGES[1]!.fields);
    expect(charterPageForm(0).id).toBe('charter-1');
    expect(
      second.schema.safeParse({
        milestone1: complete.milestone1,
        milestone1Due: complete.milestone1Due,
        milestone2: complete.milestone2,
        milestone2Due: complete.milestone2Due,
        cadence: 'weekly',
      }).success,
    ).toBe(true);
    expect(second.schema.safeParse({ cadence: 'weekly' }).success).toBe(false);
    expect(() => charterPageForm(3)).toThrow(RangeError);
  });

  it('wants the second milestone strictly after the first', () => {
    expect(validateCharter({ ...complete, milestone2Due: complete.milestone1Due })).toEqual({
      ok: false,
      errors: { milestone2Due: { key: 'validation.charter.milestoneOrder', params: {} } },
    });
  });

  it('trims typed answers, lowers only the cadence, and maps yes to agree only for confidentiality', () => {
    expect(checkCharterAnswer('kpi1Name', '  Team NPS  ')).toEqual({ ok: true, value: 'Team NPS' });
    expect(checkCharterAnswer('kpi1Name', 'yes')).toEqual({ ok: true, value: 'yes' });
    expect(checkCharterAnswer('cadence', ' WEEKLY ')).toEqual({ ok: true, value: 'weekly' });
    expect(checkCharterAnswer('goals', '   tiny    ')).toEqual({
      ok: false,
      error: { key: 'validation.charter.fewWords', params: { min: 10 } },
    });
    expect(checkCharterAnswer('goals', 'x'.repeat(1001))).toEqual({
      ok: false,
      error: { key: 'validation.tooLong', params: { max: 1000 } },
    });
  });

  it('sums the charter up for the mentor, field by field', () => {
    const result = validateCharter(complete);
    if (!result.ok) throw new Error('the complete charter did not validate');
    expect(charterSummary(english, result.charter)).toEqual([
      { label: 'Goals', value: complete.goals },
      { label: 'KPI 1', value: 'Stakeholder score: 3 → 4' },
      { label: 'KPI 2', value: 'Peers met monthly: 1 → 4' },
      { label: 'Milestones', value: 'Kickoff done (due 2026-05-31)\nProject shipped (due 2026-08-29)' },
      { label: 'Cadence', value: 'Every two weeks' },
      { label: 'Confidentiality', value: 'Agreed: what we discuss stays between us' },
      { label: 'The mentor will', value: 'Review my plan' },
      { label: 'The mentor will not', value: 'Rate my performance' },
    ]);
  });
});
