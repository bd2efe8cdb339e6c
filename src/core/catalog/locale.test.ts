import { describe, expect, it } from 'vitest';
import { de } from './de.js';
import { en } from './en.js';
import {
  canonicalLocale,
  catalogFor,
  chooseLocale,
  DEFAULT_LOCALE,
  languageName,
  PSEUDO_LOCALE,
  speaks,
  supportedLanguages,
  text,
  translator,
} from './index.js';
import { isPseudo, PSEUDO_FILL, pseudoMessage, unpseudo } from './pseudo.js';

describe('canonical locales', () => {
  it('spells a tag canonically, trimmed, with underscores as dashes', () => {
    expect(canonicalLocale('pt-br')).toBe('pt-BR');
    expect(canonicalLocale(' de_at ')).toBe('de-AT');
    expect(canonicalLocale('EN')).toBe('en');
    expect(canonicalLocale('zh_hant_tw')).toBe('zh-Hant-TW');
  });

  it('is null for nothing and for what is not a tag', () => {
    expect(canonicalLocale(null)).toBeNull();
    expect(canonicalLocale(undefined)).toBeNull();
    expect(canonicalLocale('')).toBeNull();
    expect(canonicalLocale('not a tag!')).toBeNull();
    expect(canonicalLocale('   ')).toBeNull();
  });
});

describe('the languages the bot speaks', () => {
  it('are those with a catalog, in any region, and the pseudo-locale', () => {
    expect(supportedLanguages()).toEqual(['en', 'de', 'fr', 'es', 'pt', 'ja']);
    for (const tag of ['en', 'de-AT', 'fr_CA', 'es-419', 'PT-br', 'ja-JP', 'en-XA', 'en-xa'])
      expect(speaks(tag)).toBe(true);
    for (const tag of ['it', 'zh-CN', 'xa', null, undefined, '', 'not a tag!', 'constructor', 'toString'])
      expect(speaks(tag)).toBe(false);
  });
});

describe('choosing a locale', () => {
  it('is English (British) when no candidate fits', () => {
    expect(chooseLocale([])).toBe(DEFAULT_LOCALE);
    expect(chooseLocale([null, undefined, 'it', 'bad tag!'])).toBe('en-GB');
  });

  it('takes the first spoken candidate as it is when it has a region', () => {
    expect(chooseLocale(['it', 'fr-CA', 'de-AT'])).toBe('fr-CA');
    expect(chooseLocale(['en-us', 'de'])).toBe('en-US');
    expect(chooseLocale(['en-XA', 'en-US'])).toBe(PSEUDO_LOCALE);
  });

  it('lends a bare language the region of a later candidate of the same language only', () => {
    expect(chooseLocale(['de', 'fr-CA', 'de_ch'])).toBe('de-CH');
    expect(chooseLocale(['de', 'fr-CA'])).toBe('de');
    expect(chooseLocale(['de', 'de'])).toBe('de');
    expect(chooseLocale(['en', 'en-AU'])).toBe('en-AU');
    expect(chooseLocale(['en', 'de-AT'])).toBe('en-GB');
    expect(chooseLocale(['en'])).toBe('en-GB');
    expect(chooseLocale(['pt', 'it-IT', 'pt-PT'])).toBe('pt-PT');
  });
});

describe('the catalog for a locale', () => {
  it('is the language’s own, in any region or spelling', () => {
    expect(catalogFor('de-AT')).toEqual({ language: 'de', catalog: de });
    expect(catalogFor('DE_ch').language).toBe('de');
    expect(catalogFor('en-US')).toEqual({ language: 'en', catalog: en });
  });

  it('is English for a language without one', () => {
    expect(catalogFor('it-IT')).toEqual({ language: 'en', catalog: en });
    expect(catalogFor('')).toEqual({ language: 'en', catalog: en });
  });

  it('is the pseudo catalog for the pseudo-locale, built once from English', () => {
    const pseudo = catalogFor('en-xa');
    expect(pseudo.language).toBe(PSEUDO_LOCALE);
    expect(Object.keys(pseudo.catalog)).toEqual(Object.keys(en));
    expect(pseudo.catalog['common.cancel']).toBe(pseudoMessage(en['common.cancel']));
    expect(catalogFor('en-XA').catalog).toBe(pseudo.catalog);
  });
});

describe('language names', () => {
  it('name the language without its region, in the reader’s language', () => {
    expect(languageName('de-AT', 'fr')).toBe('allemand');
    expect(languageName('pt_br', 'en-GB')).toBe('Portuguese');
    expect(languageName('ja', 'en-XA')).toBe('Japanese');
    expect(languageName('en-XA', 'de')).toBe('en-XA');
  });
});

describe('the translator', () => {
  it('uses the reader’s catalog, and English for a key the language lacks', () => {
    const t = translator({ locale: 'de-AT', timeZone: 'UTC' });
    expect(t('common.cancel')).toBe(de['common.cancel']);
    expect(t.reader).toEqual({ locale: 'de-AT', timeZone: 'UTC' });
    expect(translator({ locale: 'it', timeZone: 'UTC' })('common.cancel')).toBe('Cancel');
  });

  it('keeps a formatted sentence apart per language, locale and zone', () => {
    const when = new Date(Date.UTC(2026, 2, 15, 23, 30));
    const utc = translator({ locale: 'en-GB', timeZone: 'UTC' });
    const tokyo = translator({ locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    const key = 'command.snoozed' as const;
    expect(utc(key, { days: 1, until: when })).not.toBe(tokyo(key, { days: 1, until: when }));
    expect(translator({ locale: 'de', timeZone: 'UTC' })(key, { days: 1, until: when })).not.toBe(
      utc(key, { days: 1, until: when }),
    );
  });

  it('renders a text with and without parameters, and words put together', () => {
    const t = translator({ locale: 'en-GB', timeZone: 'UTC' });
    expect(t.text(text('common.cancel'))).toBe('Cancel');
    expect(t.text(text('common.and', { first: 'A', second: 'B' }))).toBe('A and B');
    expect(t.text((tr) => `${tr('common.back')}!`)).toBe('Back!');
    expect(t('common.and', { first: 'A', second: 'B' })).toBe('A and B');
  });

  it('formats pseudo text with British dates and reads back as English', () => {
    const when = new Date(Date.UTC(2026, 2, 16, 9, 30));
    const params = { days: 2, until: when };
    const pseudo = translator({ locale: 'en-XA', timeZone: 'UTC' })('command.snoozed', params);
    expect(isPseudo(pseudo)).toBe(true);
    expect(unpseudo(pseudo)).toBe(
      translator({ locale: 'en-GB', timeZone: 'UTC' })('command.snoozed', params),
    );
  });
});

describe('pseudo messages', () => {
  it('accent every letter and leave other characters', () => {
    expect(pseudoMessage('az AZ 09!')).toBe(`áž ÅŽ 09! ${PSEUDO_FILL.repeat(3)}`);
  });

  it('add about 40 % of the letters as filler words of at most five marks', () => {
    expect(pseudoMessage('')).toBe('');
    expect(pseudoMessage('  ')).toBe('  ');
    expect(pseudoMessage('a')).toBe(`á ${PSEUDO_FILL}`);
    expect(pseudoMessage('abcdefghij')).toBe(`áƀçďéƒğĥíĵ ${PSEUDO_FILL.repeat(4)}`);
    expect(pseudoMessage('a'.repeat(15))).toBe(`${'á'.repeat(15)} ${PSEUDO_FILL.repeat(5)}`);
    expect(pseudoMessage('a'.repeat(16))).toBe(`${'á'.repeat(16)} ${PSEUDO_FILL.repeat(5)} ${PSEUDO_FILL}`);
    expect(pseudoMessage('a'.repeat(25))).toBe(
      `${'á'.repeat(25)} ${PSEUDO_FILL.repeat(5)} ${PSEUDO_FILL.repeat(4)}`,
    );
  });

  it('leave argument names, plural and select keywords as they are, and accent the options', () => {
    expect(pseudoMessage('{n, plural, one {# day} other {# days}}')).toBe(
      `{n, plural, one {# ďáý} other {# ďáýš}} ${PSEUDO_FILL.repeat(4)}`,
    );
    expect(pseudoMessage('Hi {name}')).toBe(`Ĥí {name} ${PSEUDO_FILL}`);
  });

  it('leave commands in backticks as people type them', () => {
    expect(pseudoMessage('Type `/coach pause` now')).toBe(
      `Ţýþé \`/coach pause\` ñóŵ ${PSEUDO_FILL.repeat(5)} ${PSEUDO_FILL.repeat(2)}`,
    );
  });

  it('copy ICU quoting as it is', () => {
    expect(pseudoMessage("it''s")).toBe(`íţ''š ${PSEUDO_FILL.repeat(2)}`);
    expect(pseudoMessage("a '{b}' c")).toBe(`á '{b}' ç ${PSEUDO_FILL}`);
    expect(pseudoMessage("don't")).toBe(`ďóñ'ţ ${PSEUDO_FILL.repeat(2)}`);
    expect(pseudoMessage("a'|b'")).toBe(`á'|b' ${PSEUDO_FILL}`);
  });

  it('are recognised by their filler, and read back as the English they came from', () => {
    expect(isPseudo('Ĥéľľó')).toBe(false);
    expect(isPseudo(`Ĥéľľó ${PSEUDO_FILL}`)).toBe(true);
    expect(unpseudo(`Ĥéľľó ${PSEUDO_FILL.repeat(5)} ${PSEUDO_FILL}, Ŵóŕľď`)).toBe('Hello, World');
    expect(unpseudo('ßüñ 09')).toBe('ßün 09');
    expect(unpseudo(pseudoMessage('Type `/coach pause` now, {name}'))).toBe(
      'Type `/coach pause` now, {name}',
    );
  });
});
