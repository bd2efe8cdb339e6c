import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_LABELS,
  PRACTICE_LABELS,
  practiceSchema,
  SURVEY_STATUSES,
  surveyDetailsSchema,
  surveyIdFor,
} from './checkpoint.js';

function problems(value: Record<string, unknown>) {
  const parsed = surveyDetailsSchema.safeParse({ kpiValue: '4', confidence: '3', ...value });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('checkpoint answers', () => {
  it('takes practice as a whole number from 1 to 5', () => {
    expect(practiceSchema.parse('1')).toBe(1);
    expect(practiceSchema.parse('5')).toBe(5);
    for (const bad of ['0', '6', '2.5', 'often']) {
      expect(practiceSchema.safeParse(bad).error?.issues.map((i) => i.message)).toEqual([
        'validation.survey.practice',
      ]);
    }
  });

  it('takes the KPI as any finite number and confidence from 1 to 5', () => {
    expect(surveyDetailsSchema.parse({ kpiValue: '-2.5', confidence: '5' })).toEqual({
      kpiValue: -2.5,
      confidence: 5,
      note: undefined,
    });
    expect(problems({ kpiValue: 'lots' })).toEqual(['kpiValue: validation.number']);
    expect(problems({ kpiValue: 'Infinity' })).toEqual(['kpiValue: validation.number']);
    expect(problems({ confidence: '1' })).toEqual([]);
    for (const confidence of ['0', '6', '3.5', 'sure']) {
      expect(problems({ confidence })).toEqual(['confidence: validation.survey.confidence']);
    }
  });

  it('keeps a note trimmed, drops an empty one and refuses one over 1000 characters', () => {
    expect(surveyDetailsSchema.parse({ kpiValue: '4', confidence: '3', note: '  fine  ' }).note).toBe('fine');
    expect(surveyDetailsSchema.parse({ kpiValue: '4', confidence: '3', note: '   ' }).note).toBeUndefined();
    expect(problems({ note: ` ${'x'.repeat(1000)} ` })).toEqual([]);
    expect(problems({ note: 'x'.repeat(1001) })).toEqual(['note: validation.tooLong']);
  });

  it('names one survey per experiment and checkpoint day', () => {
    expect(surveyIdFor('exp_1', 30)).toBe('svy_exp_1_d30');
    expect(SURVEY_STATUSES).toEqual(['open', 'reminded', 'answered', 'missed']);
    expect(PRACTICE_LABELS).toHaveLength(5);
    expect(CONFIDENCE_LABELS).toHaveLength(5);
  });
});
