import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import {
  catalogFor,
  chooseLocale,
  english,
  isMessageKey,
  type MessageKey,
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
