import { describe, expect, it } from 'vitest';
import {
  CHARTER_FIELDS,
  CHARTER_PAGES,
  charterPageForm,
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
});
