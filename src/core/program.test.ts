import { describe, expect, it } from 'vitest';
import { engagementSettingsSchema } from './engagement.js';
import { parseProgramSettings, programSettingsSchema } from './program.js';

const paths = (input: Record<string, unknown>) => {
  const result = programSettingsSchema.safeParse({ name: 'pilot', ...input });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('program settings at their bounds', () => {
  it('takes a short lowercase slug as the name, and a title of 1 to 120 characters', () => {
    expect(paths({ name: 'p1' })).toEqual([]);
    expect(paths({ name: `p${'x'.repeat(62)}` })).toEqual([]);
    for (const name of ['p', `p${'x'.repeat(63)}`, 'pilot program', 'pilot!', '-pilot']) {
      expect(paths({ name })).toEqual(['name']);
    }
    expect(paths({ title: 'x' })).toEqual([]);
    expect(paths({ title: 'x'.repeat(120) })).toEqual([]);
    expect(paths({ title: '' })).toEqual(['title']);
    expect(paths({ title: 'x'.repeat(121) })).toEqual(['title']);
  });

  it('wants checkpoint days strictly increasing', () => {
    expect(paths({ checkpointDays: [30, 30] })).toEqual(['checkpointDays']);
    expect(paths({ checkpointDays: [1, 2] })).toEqual([]);
  });

  it('takes nudge templates of 1 to 500 characters, as many as wanted but at least one', () => {
    expect(paths({ nudges: { templates: ['a', 'x'.repeat(500)] } })).toEqual([]);
    expect(paths({ nudges: { templates: [] } })).toEqual(['nudges.templates']);
    expect(paths({ nudges: { templates: [''] } })).toEqual(['nudges.templates.0']);
    expect(paths({ nudges: { templates: ['x'.repeat(501)] } })).toEqual(['nudges.templates.0']);
  });

  it('keeps a nudge library with its behaviors, keywords and templates', () => {
    expect(parseProgramSettings({ name: 'pilot' }).nudges.library).toEqual([]);
    const entry = {
      behavior: 'listening',
      keywords: ['listen', ' ask '],
      templates: ['Listen today', 'Ask'],
    };
    expect(parseProgramSettings({ name: 'pilot', nudges: { library: [entry] } }).nudges.library).toEqual([
      { behavior: 'listening', keywords: ['listen', 'ask'], templates: ['Listen today', 'Ask'] },
    ]);
    const bad = (change: Record<string, unknown>) =>
      paths({ nudges: { library: [{ ...entry, ...change }] } });
    expect(
      bad({ behavior: 'x'.repeat(80), keywords: ['ab', 'x'.repeat(40)], templates: ['x'.repeat(500)] }),
    ).toEqual([]);
    expect(bad({ behavior: '' })).toEqual(['nudges.library.0.behavior']);
    expect(bad({ behavior: 'x'.repeat(81) })).toEqual(['nudges.library.0.behavior']);
    expect(bad({ keywords: [] })).toEqual(['nudges.library.0.keywords']);
    expect(bad({ keywords: [' a '] })).toEqual(['nudges.library.0.keywords.0']);
    expect(bad({ keywords: ['x'.repeat(41)] })).toEqual(['nudges.library.0.keywords.0']);
    expect(bad({ templates: [] })).toEqual(['nudges.library.0.templates']);
    expect(bad({ templates: [''] })).toEqual(['nudges.library.0.templates.0']);
    expect(bad({ templates: ['x'.repeat(501)] })).toEqual(['nudges.library.0.templates.0']);
  });

  it('bounds the grace window, the milestone reminder and the retention periods', () => {
    expect(
      paths({
        catchUpGraceHours: 0,
        milestoneReminderDaysBefore: 0,
        retention: { freeTextDays: 1, aggregateMonths: 1 },
      }),
    ).toEqual([]);
    expect(
      paths({
        catchUpGraceHours: 48,
        milestoneReminderDaysBefore: 30,
        retention: { freeTextDays: 3650, aggregateMonths: 120 },
      }),
    ).toEqual([]);
    expect(paths({ catchUpGraceHours: -1 })).toEqual(['catchUpGraceHours']);
    expect(paths({ catchUpGraceHours: 49 })).toEqual(['catchUpGraceHours']);
    expect(paths({ milestoneReminderDaysBefore: -1 })).toEqual(['milestoneReminderDaysBefore']);
    expect(paths({ milestoneReminderDaysBefore: 31 })).toEqual(['milestoneReminderDaysBefore']);
    expect(paths({ retention: { freeTextDays: 0 } })).toEqual(['retention.freeTextDays']);
    expect(paths({ retention: { freeTextDays: 3651 } })).toEqual(['retention.freeTextDays']);
    expect(paths({ retention: { aggregateMonths: 0 } })).toEqual(['retention.aggregateMonths']);
    expect(paths({ retention: { aggregateMonths: 121 } })).toEqual(['retention.aggregateMonths']);
    expect(parseProgramSettings({ name: 'pilot', retention: { freeTextDays: 30 } }).retention).toEqual({
      freeTextDays: 30,
      aggregateMonths: 12,
    });
  });
});

describe('engagement settings at their bounds', () => {
  const problems = (input: Record<string, unknown>) => {
    const result = engagementSettingsSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('fills the defaults', () => {
    expect(engagementSettingsSchema.parse({})).toEqual({
      threshold: 60,
      graceDays: 7,
      charterDueDays: 14,
      quietDays: 21,
      weights: {
        charterUnfinished: 30,
        milestoneLate: 20,
        personQuiet: 20,
        checkinMissed: 10,
        meetingMissed: 10,
      },
    });
  });

  it('keeps days and weights in their ranges', () => {
    const low = { threshold: 0, graceDays: 1, charterDueDays: 1, quietDays: 1 };
    const weights = (w: number) => ({
      charterUnfinished: w,
      milestoneLate: w,
      personQuiet: w,
      checkinMissed: w,
      meetingMissed: w,
    });
    expect(problems({ ...low, weights: weights(0) })).toEqual([]);
    expect(
      problems({ threshold: 100, graceDays: 60, charterDueDays: 90, quietDays: 120, weights: weights(100) }),
    ).toEqual([]);
    expect(problems({ graceDays: 0, charterDueDays: 0, quietDays: 0 })).toEqual([
      'graceDays',
      'charterDueDays',
      'quietDays',
    ]);
    expect(problems({ graceDays: 61, charterDueDays: 91, quietDays: 121, threshold: 101 })).toEqual([
      'threshold',
      'graceDays',
      'charterDueDays',
      'quietDays',
    ]);
    expect(problems({ weights: weights(-1) }).length).toBe(5);
    expect(problems({ weights: weights(101) }).length).toBe(5);
  });
});
