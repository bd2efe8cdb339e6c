import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../core/experiment.js';
import { missingTranslations, parseProgramSettings } from '../core/program.js';
import { nudgeTemplateFor, nudgeTemplatesFor } from './compose.js';

const experiment = { startDate: '2026-03-02', behavior: 'Ask before I tell' } as Experiment; // a Monday

describe('nudgeTemplateFor', () => {
  it('uses every template in turn across the nudge days before any repeats', () => {
    const program = parseProgramSettings({
      name: 'pilot',
      nudges: { weekdays: ['tue', 'thu'], templates: ['a', 'b', 'c', 'd', 'e'] },
    });
    const days = [
      '2026-03-03',
      '2026-03-05',
      '2026-03-10',
      '2026-03-12',
      '2026-03-17',
      '2026-03-19',
      '2026-03-24',
    ];
    expect(days.map((d) => nudgeTemplateFor(program, experiment, d))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'a',
      'b',
    ]);
  });

  it('takes the templates of the library entry whose keyword is in the behavior', () => {
    const program = parseProgramSettings({
      name: 'pilot',
      nudges: {
        templates: ['general'],
        library: [
          {
            behavior: 'Delegation',
            keywords: ['delegat'],
            templates: ['Which decision can you hand over today?'],
          },
          {
            behavior: 'Feedback',
            keywords: ['feedback', 'praise'],
            templates: ['Who earned specific praise this week?'],
          },
        ],
      },
    });
    const at = (behavior: string) => nudgeTemplateFor(program, { ...experiment, behavior }, '2026-03-03');
    expect(at('Delegate one decision a week')).toBe('Which decision can you hand over today?');
    expect(at('Give specific PRAISE within a day')).toBe('Who earned specific praise this week?');
    expect(at('Ask before I tell')).toBe('general');
  });

  it('counts the nudge days before a date as walking the calendar day by day would, up to 1000', () => {
    const templates = Array.from({ length: 1001 }, (_, i) => `t${i}`);
    const walk = (start: string, to: string, days: readonly number[]) => {
      let n = 0;
      const target = DateTime.fromISO(to, { zone: 'UTC' });
      for (let d = DateTime.fromISO(start, { zone: 'UTC' }); d < target && n < 1000; d = d.plus({ days: 1 }))
        if (days.includes(d.weekday)) n += 1;
      return `t${n}`;
    };
    const weekdaySets = [
      ['tue', 'thu'],
      ['mon', 'wed', 'fri'],
      ['sun'],
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    ] as const;
    const numbers = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
    let checked = 0;
    for (const weekdays of weekdaySets) {
      const program = parseProgramSettings({ name: 'pilot', nudges: { weekdays: [...weekdays], templates } });
      for (const startDate of ['2026-03-02', '2026-03-07', '2024-02-27']) {
        const start = DateTime.fromISO(startDate, { zone: 'UTC' });
        for (const offset of [-3, 0, ...Array.from({ length: 30 }, (_, i) => i + 1), 400, 1500, 3000]) {
          const to = start.plus({ days: offset }).toISODate()!;
          expect(nudgeTemplateFor(program, { ...experiment, startDate }, to)).toBe(
            walk(
              startDate,
              to,
              weekdays.map((w) => numbers[w]),
            ),
          );
          checked += 1;
        }
      }
    }
    expect(checked).toBe(4 * 3 * 35);
  });

  it('works with a single template', () => {
    const program = parseProgramSettings({ name: 'pilot', nudges: { templates: ['only'] } });
    expect(nudgeTemplateFor(program, experiment, '2026-04-02')).toBe('only');
  });
});

describe('nudges in the leader’s language', () => {
  const program = parseProgramSettings({
    name: 'pilot',
    nudges: {
      templates: ['general'],
      library: [
        { behavior: 'Delegation', keywords: ['delegat'], templates: ['delegate'] },
        { behavior: 'Feedback', keywords: ['feedback'], templates: ['feedback'] },
      ],
      languages: {
        de: {
          templates: ['allgemein'],
          library: [{ behavior: 'Delegation', keywords: ['übergeb'], templates: ['delegieren'] }],
        },
        'pt-BR': { library: [{ behavior: 'Feedback', templates: ['retorno'] }] },
      },
    },
  });

  it('takes the language’s own templates, matching its keywords too, and the program’s where it has none', () => {
    expect(nudgeTemplatesFor(program, 'More delegation', 'de-AT')).toEqual(['delegieren']);
    expect(nudgeTemplatesFor(program, 'Aufgaben übergeben', 'de')).toEqual(['delegieren']);
    expect(nudgeTemplatesFor(program, 'Zuhören', 'de')).toEqual(['allgemein']);
    expect(nudgeTemplatesFor(program, 'Give feedback', 'de')).toEqual(['feedback']);
    expect(nudgeTemplatesFor(program, 'Give feedback', 'pt-BR')).toEqual(['retorno']);
    expect(nudgeTemplatesFor(program, 'Listening', 'pt')).toEqual(['general']);
    expect(nudgeTemplatesFor(program, 'More delegation', 'ja')).toEqual(['delegate']);
  });

  it('warns about what a translated language lacks', () => {
    expect(missingTranslations(program)).toEqual([
      'nudges.languages.de: no translation of the library entry "Feedback"; the program\'s own is used',
      "nudges.languages.pt-BR: no templates; the program's own are used",
      'nudges.languages.pt-BR: no translation of the library entry "Delegation"; the program\'s own is used',
    ]);
  });

  it('refuses a translation of a behavior the library does not have', () => {
    expect(() =>
      parseProgramSettings({
        name: 'pilot',
        nudges: { languages: { fr: { library: [{ behavior: 'Nope', templates: ['x'] }] } } },
      }),
    ).toThrow(/Nope.{1,4} is not a behavior of the nudge library/);
  });
});
