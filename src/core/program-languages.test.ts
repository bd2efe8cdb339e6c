import { describe, expect, it } from 'vitest';
import { fillTemplate } from './messages.js';
import {
  builtInNudgeTemplates,
  DEFAULT_NUDGE_TEMPLATES,
  effectiveAvailability,
  missingTranslations,
  nudgesInLanguage,
  parseProgramSettings,
  programSettingsSchema,
} from './program.js';

const paths = (input: Record<string, unknown>) => {
  const result = programSettingsSchema.safeParse({ name: 'pilot', ...input });
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

const listening = { behavior: 'listening', keywords: ['listen'], templates: ['Listen today'] };
const feedback = { behavior: 'feedback', keywords: ['feedback'], templates: ['Give feedback'] };

describe('the program language', () => {
  it('takes a language tag up to 35 characters, and refuses what is not one', () => {
    expect(parseProgramSettings({ name: 'pilot', language: 'pt-BR' }).language).toBe('pt-BR');
    expect(parseProgramSettings({ name: 'pilot' }).language).toBeUndefined();
    expect(paths({ language: 'de' })).toEqual([]);
    expect(paths({ language: 'not a tag!' })).toEqual(['language']);
    expect(paths({ language: '' })).toEqual(['language']);
    // Well-formed tags of 35 and 36 characters.
    expect(paths({ language: 'en-aaaaaaaa-bbbbbbbb-cccccccc-ddddd' })).toEqual([]);
    expect(paths({ language: 'en-aaaaaaaa-bbbbbbbb-cccccccc-dddddd' })).toEqual(['language']);
  });
});

describe('nudges per language', () => {
  it('defaults to no other language', () => {
    expect(parseProgramSettings({ name: 'pilot' }).nudges.languages).toEqual({});
  });

  it('keys languages by tag and refuses what is not one', () => {
    expect(paths({ nudges: { languages: { de: { templates: ['Hallo'] } } } })).toEqual([]);
    expect(paths({ nudges: { languages: { 'not a tag!': { templates: ['x'] } } } })).toEqual([
      'nudges.languages.not a tag!',
    ]);
  });

  it('takes templates of 1 to 500 characters, at least one when given', () => {
    const lang = (de: Record<string, unknown>) => paths({ nudges: { languages: { de } } });
    expect(lang({})).toEqual([]);
    expect(lang({ templates: ['a', 'x'.repeat(500)] })).toEqual([]);
    expect(lang({ templates: [] })).toEqual(['nudges.languages.de.templates']);
    expect(lang({ templates: [''] })).toEqual(['nudges.languages.de.templates.0']);
    expect(lang({ templates: ['x'.repeat(501)] })).toEqual(['nudges.languages.de.templates.0']);
    expect(
      parseProgramSettings({ name: 'pilot', nudges: { languages: { de: {} } } }).nudges.languages,
    ).toEqual({
      de: { library: [] },
    });
  });

  it('translates library entries of the program, with keywords of 2 to 40 characters or none', () => {
    const lib = (entry: Record<string, unknown>) =>
      paths({
        nudges: {
          library: [listening],
          languages: { de: { library: [{ behavior: 'listening', templates: ['Hör zu'], ...entry }] } },
        },
      });
    expect(lib({})).toEqual([]);
    expect(
      parseProgramSettings({
        name: 'pilot',
        nudges: {
          library: [listening],
          languages: { de: { library: [{ behavior: 'listening', templates: ['Hör zu'] }] } },
        },
      }).nudges.languages.de?.library,
    ).toEqual([{ behavior: 'listening', keywords: [], templates: ['Hör zu'] }]);
    expect(lib({ keywords: [' zuhören ', 'ab', 'x'.repeat(40)] })).toEqual([]);
    expect(lib({ keywords: [' a '] })).toEqual(['nudges.languages.de.library.0.keywords.0']);
    expect(lib({ keywords: ['x'.repeat(41)] })).toEqual(['nudges.languages.de.library.0.keywords.0']);
    expect(lib({ behavior: '' })).toEqual([
      'nudges.languages.de.library.0.behavior',
      'nudges.languages.de.library.0.behavior',
    ]);
    expect(lib({ behavior: 'x'.repeat(81) })).toEqual([
      'nudges.languages.de.library.0.behavior',
      'nudges.languages.de.library.0.behavior',
    ]);
    expect(lib({ templates: [] })).toEqual(['nudges.languages.de.library.0.templates']);
    expect(lib({ templates: [''] })).toEqual(['nudges.languages.de.library.0.templates.0']);
    expect(lib({ templates: ['x'.repeat(501)] })).toEqual(['nudges.languages.de.library.0.templates.0']);
  });

  it('refuses a translated entry whose behavior is not in the library, naming it', () => {
    const result = programSettingsSchema.safeParse({
      name: 'pilot',
      nudges: {
        library: [listening, feedback],
        languages: {
          de: {
            library: [
              { behavior: 'feedback', templates: ['x'] },
              { behavior: 'delegation', templates: ['y'] },
            ],
          },
          fr: { library: [{ behavior: 'listening', templates: ['z'] }] },
        },
      },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['nudges.languages.de.library.1.behavior', '"delegation" is not a behavior of the nudge library'],
    ]);
  });
});

describe('the nudges a reader gets', () => {
  const program = parseProgramSettings({
    name: 'pilot',
    nudges: {
      templates: ['Own'],
      library: [listening, feedback],
      languages: {
        'de-AT': { templates: ['Servus'] },
        de: {
          templates: ['Hallo'],
          library: [{ behavior: 'listening', keywords: ['zuhören'], templates: ['Hör zu'] }],
        },
        'pt-br': { library: [{ behavior: 'feedback', templates: ['Dê feedback'] }] },
      },
    },
  });

  it('are the program’s own for a language it does not translate', () => {
    const fr = nudgesInLanguage(program, 'fr');
    expect([fr.templates, fr.library]).toEqual([['Own'], [listening, feedback]]);
    expect(nudgesInLanguage(program, 'en-GB')).toBe(program.nudges);
  });

  it('are the exact tag’s first, then the same language’s', () => {
    expect(nudgesInLanguage(program, 'de-at').templates).toEqual(['Servus']);
    expect(nudgesInLanguage(program, 'de').templates).toEqual(['Hallo']);
    expect(nudgesInLanguage(program, 'de-CH').templates).toEqual(['Servus']);
    expect(nudgesInLanguage(program, 'pt').library[1]?.templates).toEqual(['Dê feedback']);
    expect(nudgesInLanguage(program, 'pt-BR').library[1]?.templates).toEqual(['Dê feedback']);
    expect(nudgesInLanguage(program, 'pt_BR').library[1]?.templates).toEqual(['Dê feedback']);
  });

  it('translate library entries, adding their keywords to the program’s, and keep the others', () => {
    expect(nudgesInLanguage(program, 'de')).toEqual({
      templates: ['Hallo'],
      library: [{ behavior: 'listening', keywords: ['listen', 'zuhören'], templates: ['Hör zu'] }, feedback],
    });
    expect(nudgesInLanguage(program, 'pt-BR')).toEqual({
      templates: ['Own'],
      library: [listening, { behavior: 'feedback', keywords: ['feedback'], templates: ['Dê feedback'] }],
    });
  });

  it('work for a tag that is not well formed, matched as it is', () => {
    const odd = nudgesInLanguage(program, '!!');
    expect([odd.templates, odd.library]).toEqual([['Own'], [listening, feedback]]);
  });
});

describe('the built-in nudges', () => {
  const bare = parseProgramSettings({ name: 'pilot' });

  it('are the default templates of a program file, in English', () => {
    expect(bare.nudges.templates).toEqual(DEFAULT_NUDGE_TEMPLATES);
    expect(builtInNudgeTemplates('en-GB')).toEqual(DEFAULT_NUDGE_TEMPLATES);
    expect(DEFAULT_NUDGE_TEMPLATES[0]).toBe(
      'Your experiment this week: *{behavior}*. Where is one moment today to try it?',
    );
  });

  it('reach a German person in German when the program gives no nudges at all', () => {
    const german = nudgesInLanguage(bare, 'de-DE').templates;
    expect(german).toEqual(builtInNudgeTemplates('de'));
    expect(fillTemplate(german[0]!, { behavior: 'Zuhören' })).toBe(
      'Ihr Experiment diese Woche: *Zuhören*. Wo gibt es heute einen Moment, es auszuprobieren?',
    );
    // Each language its own words, every one with the placeholder the behavior goes into.
    const all = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja'].map((tag) => builtInNudgeTemplates(tag));
    expect(new Set(all.map((t) => t[0])).size).toBe(6);
    for (const templates of all) {
      expect(templates).toHaveLength(3);
      for (const template of templates) expect(template).toContain('{behavior}');
    }
    expect(builtInNudgeTemplates('nl')).toEqual(DEFAULT_NUDGE_TEMPLATES);
    // An informal program's built-in nudges say "du" in German; Spanish reads the same in either address.
    expect(builtInNudgeTemplates('de', 'informal')[0]).toMatch(/^Dein Experiment diese Woche/);
    expect(builtInNudgeTemplates('de')[0]).toMatch(/^Ihr Experiment diese Woche/);
    expect(builtInNudgeTemplates('es', 'informal')).toEqual(builtInNudgeTemplates('es'));
    const informal = parseProgramSettings({ name: 'pilot', address: 'informal' });
    expect(nudgesInLanguage(informal, 'de').templates).toEqual(builtInNudgeTemplates('de', 'informal'));
  });

  it('give way to the program’s own templates and its translations', () => {
    const own = parseProgramSettings({ name: 'pilot', nudges: { templates: ['Own'] } });
    expect(nudgesInLanguage(own, 'de').templates).toEqual(['Own']);
    const translated = parseProgramSettings({
      name: 'pilot',
      nudges: { library: [listening], languages: { de: { templates: ['Hallo'] } } },
    });
    expect(nudgesInLanguage(translated, 'de').templates).toEqual(['Hallo']);
    // A language the program does not translate still gets the built-in nudges in its own words.
    expect(nudgesInLanguage(translated, 'fr')).toEqual({
      ...translated.nudges,
      templates: builtInNudgeTemplates('fr'),
      library: [listening],
    });
  });
});

describe('missing translations', () => {
  it('are none without other languages, and none when all is translated', () => {
    expect(
      missingTranslations(parseProgramSettings({ name: 'pilot', nudges: { library: [listening] } })),
    ).toEqual([]);
    expect(
      missingTranslations(
        parseProgramSettings({
          name: 'pilot',
          nudges: {
            library: [listening],
            languages: {
              de: { templates: ['Hallo'], library: [{ behavior: 'listening', templates: ['Hör zu'] }] },
            },
          },
        }),
      ),
    ).toEqual([]);
  });

  it('name each language without templates and each library entry it lacks', () => {
    const program = parseProgramSettings({
      name: 'pilot',
      nudges: {
        library: [listening, feedback],
        languages: {
          de: { library: [{ behavior: 'listening', templates: ['Hör zu'] }] },
          fr: { templates: ['Bonjour'] },
        },
      },
    });
    expect(missingTranslations(program)).toEqual([
      "nudges.languages.de: no templates; the program's own are used",
      'nudges.languages.de: no translation of the library entry "feedback"; the program\'s own is used',
      'nudges.languages.fr: no translation of the library entry "listening"; the program\'s own is used',
      'nudges.languages.fr: no translation of the library entry "feedback"; the program\'s own is used',
    ]);
  });
});

describe('a person’s availability', () => {
  const program = parseProgramSettings({
    name: 'pilot',
    timezone: 'Europe/Paris',
    workingDays: ['mon', 'wed'],
  });

  it('is the program’s unless the person overrides a part', () => {
    expect(effectiveAvailability(program, {})).toEqual({
      timezone: 'Europe/Paris',
      workingDays: [1, 3],
      quietHours: { start: '19:00', end: '08:00' },
    });
    expect(
      effectiveAvailability(program, {
        timezone: 'Asia/Tokyo',
        workingDays: [2],
        quietHours: { start: '20:00', end: '07:00' },
      }),
    ).toEqual({ timezone: 'Asia/Tokyo', workingDays: [2], quietHours: { start: '20:00', end: '07:00' } });
    expect(
      effectiveAvailability(program, { timezone: null, workingDays: null, quietHours: null }).timezone,
    ).toBe('Europe/Paris');
  });
});
