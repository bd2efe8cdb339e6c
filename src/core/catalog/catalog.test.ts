import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { de } from './de.js';
import { en } from './en.js';
import {
  type Catalog,
  catalogFor,
  chooseLocale,
  english,
  INFORMAL_OVERLAYS,
  isMessageKey,
  type MessageKey,
  overlaid,
  PSEUDO_LOCALE,
  supportedLanguages,
  text,
  translator,
} from './index.js';
import { unpseudo } from './pseudo.js';

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** The arguments a message takes, with the kind of each (0 literal, 1 argument, 2 number, 3 date, 5 select, 6 plural). */
function argumentsOf(nodes: Node[], into = new Map<string, number>()): Map<string, number> {
  for (const node of nodes) {
    if (node.value !== undefined && node.type !== 0 && node.type !== 7) into.set(node.value, node.type);
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, into);
  }
  return into;
}

function sampleFor(kind: number): string | number | Date {
  if (kind === 2 || kind === 6) return 2;
  if (kind === 3 || kind === 4) return new Date(Date.UTC(2026, 2, 16, 9, 30));
  if (kind === 5) return 'yes';
  return 'Sample';
}

describe('the English catalog', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('holds every sentence as valid ICU MessageFormat that formats with its own arguments', () => {
    expect(keys.length).toBeGreaterThan(200);
    for (const key of keys) {
      const format = new IntlMessageFormat(en[key], 'en-GB', undefined, { ignoreTag: true });
      const params = Object.fromEntries(
        [...argumentsOf(format.getAst() as unknown as Node[])].map(([name, kind]) => [name, sampleFor(kind)]),
      );
      const said = english(key, params);
      expect(said, key).not.toMatch(/\{|\}/);
      expect(said.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('keeps apostrophes, plurals and dates in the reader’s words and zone', () => {
    expect(english('command.unknown', { word: 'dance' })).toBe('I don\'t know "dance".');
    expect(english('command.snoozed', { days: 1, until: new Date(Date.UTC(2026, 2, 16, 12)) })).toBe(
      'Snoozed for 1 day, until Mon 16 Mar. Messages resume by themselves.',
    );
    const tokyo = translator({ locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    // 23:30 UTC on Sunday is already Monday morning in Tokyo.
    expect(tokyo('status.snoozed', { until: new Date(Date.UTC(2026, 2, 15, 23, 30)) })).toBe(
      '*Snoozed* until Mon 16 Mar.',
    );
    expect(english('status.snoozed', { until: new Date(Date.UTC(2026, 2, 15, 23, 30)) })).toBe(
      '*Snoozed* until Sun 15 Mar.',
    );
  });

  it('falls back to English for a language it does not have yet', () => {
    const other = translator({ locale: 'xx-YY', timeZone: 'UTC' });
    expect(other('consent.accept')).toBe('Accept');
  });
});

describe('catalog helpers', () => {
  it('makes texts with and without parameters', () => {
    expect(text('consent.accept')).toEqual({ key: 'consent.accept' });
    expect(text('command.unknown', { word: 'x' })).toEqual({ key: 'command.unknown', params: { word: 'x' } });
  });

  it('knows its keys, and only its own', () => {
    expect(isMessageKey('consent.accept')).toBe(true);
    expect(isMessageKey('consent.nothing')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('picks English for English readers and for languages it does not have', () => {
    expect(catalogFor('en-GB')).toEqual({ language: 'en', catalog: en });
    expect(catalogFor('nl_NL')).toEqual({ language: 'en', catalog: en });
  });

  it('renders a text or words put together for the reader', () => {
    expect(english.text(text('command.unknown', { word: 'dance' }))).toBe('I don\'t know "dance".');
    expect(english.text((t) => `${t('consent.accept')} / ${t('consent.decline')}`)).toBe('Accept / Decline');
    expect(english.reader).toEqual({ locale: 'en-GB', timeZone: 'UTC' });
  });

  it('treats a parameter given as null or undefined as missing, never as the word "null"', () => {
    expect(() => english('pair.nudge', { other: null })).toThrow(/was not provided/);
    expect(() => english('pair.nudge', { other: undefined })).toThrow(/was not provided/);
    expect(english('pair.nudge', { other: 'Maria', unused: null })).toContain('*Maria*');
  });

  it('formats the same sentence for readers in different zones each in their own', () => {
    const at = new Date(Date.UTC(2026, 2, 15, 23, 30));
    const tokyo = translator({ locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    expect(english('status.snoozed', { until: at })).toBe('*Snoozed* until Sun 15 Mar.');
    expect(tokyo('status.snoozed', { until: at })).toBe('*Snoozed* until Mon 16 Mar.');
    expect(tokyo('status.nextWhen', { at, zone: 'Asia/Tokyo' })).toBe('Mon 16 Mar, 08:30 (Asia/Tokyo)');
    expect(english('status.nextWhen', { at, zone: 'UTC' })).toBe('Sun 15 Mar, 23:30 (UTC)');
  });
});

/** Each parameter of a message, by name, with its kind: what a translation must keep. */
function signatureOf(template: string, locale: string): Record<string, number> {
  const format = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
  return Object.fromEntries([...argumentsOf(format.getAst() as unknown as Node[])].sort());
}

describe.each(supportedLanguages().filter((l) => l !== 'en'))('the %s catalog', (language) => {
  const { catalog } = catalogFor(language);
  const keys = Object.keys(en) as MessageKey[];

  it('has every English key and no other', () => {
    const missing = keys.filter((key) => !Object.hasOwn(catalog, key));
    const extra = Object.keys(catalog).filter((key) => !Object.hasOwn(en, key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('takes the same parameters as English, of the same kinds, and formats with them', () => {
    const t = translator({ locale: language, timeZone: 'Europe/Berlin' });
    for (const key of keys) {
      if (!Object.hasOwn(catalog, key)) continue;
      expect(signatureOf(catalog[key]!, language), key).toEqual(signatureOf(en[key], 'en'));
      const format = new IntlMessageFormat(en[key], 'en-GB', undefined, { ignoreTag: true });
      const params = Object.fromEntries(
        [...argumentsOf(format.getAst() as unknown as Node[])].map(([name, kind]) => [name, sampleFor(kind)]),
      );
      const said = t(key, params);
      expect(said, key).not.toMatch(/\{|\}/);
      expect(said.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('keeps commands as people type them', () => {
    for (const key of keys) {
      const commands = (template: string) =>
        [...template.matchAll(/`\/coach [^`]*`/g)].map((m) => m[0]).sort();
      expect(commands(catalog[key] ?? ''), key).toEqual(commands(en[key]));
    }
  });
});

/**
 * What is wrong with an informal overlay: keys its base catalog lacks, sentences whose parameters differ from
 * the base's (by name and kind), sentences no different from the base, and commands it changed.
 */
function overlayProblems(language: string, overlay: Partial<Catalog>): string[] {
  const { catalog: base } = catalogFor(language);
  const problems: string[] = [];
  const commands = (template: string) => [...template.matchAll(/`\/coach [^`]*`/g)].map((m) => m[0]).sort();
  for (const [key, template] of Object.entries(overlay)) {
    const formal = isMessageKey(key) ? base[key] : undefined;
    if (formal === undefined || template === undefined) {
      problems.push(`${key}: not in the ${language} catalog`);
      continue;
    }
    let signature: Record<string, number>;
    try {
      signature = signatureOf(template, language);
    } catch (error) {
      problems.push(`${key}: not ICU MessageFormat (${String(error)})`);
      continue;
    }
    if (JSON.stringify(signature) !== JSON.stringify(signatureOf(formal, language)))
      problems.push(`${key}: parameters differ from the formal sentence`);
    if (template === formal) problems.push(`${key}: the same as the formal sentence`);
    if (JSON.stringify(commands(template)) !== JSON.stringify(commands(formal)))
      problems.push(`${key}: commands differ from the formal sentence`);
  }
  return problems;
}

describe.each(Object.keys(INFORMAL_OVERLAYS))('the informal %s overlay', (language) => {
  const overlay = INFORMAL_OVERLAYS[language]!;

  it('holds only keys of its language’s catalog, with the same parameters, each worded differently', () => {
    expect(Object.keys(overlay).length).toBeGreaterThan(0);
    expect(overlayProblems(language, overlay)).toEqual([]);
  });

  it('formats every sentence with the parameters English gives it', () => {
    const t = translator({ locale: language, timeZone: 'Europe/Berlin', address: 'informal' });
    for (const key of Object.keys(overlay) as MessageKey[]) {
      const format = new IntlMessageFormat(en[key], 'en-GB', undefined, { ignoreTag: true });
      const params = Object.fromEntries(
        [...argumentsOf(format.getAst() as unknown as Node[])].map(([name, kind]) => [name, sampleFor(kind)]),
      );
      const said = t(key, params);
      expect(said, key).not.toMatch(/\{|\}/);
      expect(said.trim().length, key).toBeGreaterThan(0);
    }
  });
});

describe('the overlay check', () => {
  it('fails an overlay that adds a key, changes a parameter or its kind, or repeats the formal words', () => {
    expect(
      overlayProblems('de', {
        'consent.accept': de['consent.accept'],
        'command.unknown': 'Ich kenne „{wort}“ nicht.',
        'command.snoozed': 'Pausiert für {days} Tage, bis {until}.',
        ...({ 'consent.nothing': 'Nichts.' } as Partial<Catalog>),
      }).map((problem) => problem.split(':')[0]),
    ).toEqual(['consent.accept', 'command.unknown', 'command.snoozed', 'consent.nothing']);
  });
});

describe('the form of address', () => {
  it('puts an overlay over its base and keeps every other sentence', () => {
    const merged = overlaid(
      { 'consent.accept': 'Zustimmen', 'consent.decline': 'Ablehnen' },
      {
        'consent.accept': 'Ja',
      },
    );
    expect(merged).toEqual({ 'consent.accept': 'Ja', 'consent.decline': 'Ablehnen' });
  });

  it('reads a program’s informal words in German and French, formal ones otherwise and by default', () => {
    const reader = (locale: string, address?: 'formal' | 'informal') =>
      translator({ locale, timeZone: 'Europe/Berlin', ...(address ? { address } : {}) });
    for (const language of Object.keys(INFORMAL_OVERLAYS)) {
      const [key] = Object.keys(INFORMAL_OVERLAYS[language]!) as MessageKey[];
      const informalCatalog = catalogFor(language, 'informal');
      expect(informalCatalog.language).toBe(`${language}-informal`);
      expect(informalCatalog.catalog[key!]).toBe(INFORMAL_OVERLAYS[language]![key!]);
      expect(catalogFor(language).catalog[key!]).toBe(catalogFor(language, 'formal').catalog[key!]);
      expect(catalogFor(language).catalog[key!]).not.toBe(informalCatalog.catalog[key!]);
      expect(Object.keys(informalCatalog.catalog).length).toBe(
        Object.keys(catalogFor(language).catalog).length,
      );
    }
    // Languages without an overlay, and English, read the same in either address.
    for (const locale of ['en-GB', 'es', 'pt-BR', 'ja', PSEUDO_LOCALE])
      expect(catalogFor(locale, 'informal')).toEqual(catalogFor(locale, 'formal'));
    expect(reader('es', 'informal')('consent.accept')).toBe(reader('es')('consent.accept'));
  });
});

describe('the pseudo-locale', () => {
  const pseudo = translator({ locale: PSEUDO_LOCALE, timeZone: 'UTC' });

  it('is English accented and longer, and reads back as the same English', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const format = new IntlMessageFormat(en[key], 'en-GB', undefined, { ignoreTag: true });
      const params = Object.fromEntries(
        [...argumentsOf(format.getAst() as unknown as Node[])].map(([name, kind]) => [name, sampleFor(kind)]),
      );
      const said = pseudo(key, params);
      expect(unpseudo(said), key).toBe(english(key, params));
      // Parameters keep their length; a sentence of words only grows by at least 40 % of its letters.
      if (Object.keys(params).length === 0)
        expect(said.length, key).toBeGreaterThanOrEqual(english(key).replace(/\s/g, '').length * 1.4);
    }
    expect(pseudo('consent.accept')).toBe('Åççéþţ ¤¤¤');
    expect(pseudo('help.start')).toMatch(/^• `\/coach start` — šéţ úþ/);
  });
});

describe('choosing a locale', () => {
  it('takes the first candidate the bot speaks, in order, and English when none fits', () => {
    expect(chooseLocale([null, undefined, 'xx-YY', 'en-US'])).toBe('en-US');
    expect(chooseLocale(['tlh', 'qq'])).toBe('en-GB');
    expect(chooseLocale([])).toBe('en-GB');
    expect(chooseLocale(['en', 'en-IE'])).toBe('en-IE');
    expect(chooseLocale(['EN_us'])).toBe('en-US');
    expect(chooseLocale(['not a tag!', PSEUDO_LOCALE])).toBe(PSEUDO_LOCALE);
  });
});
