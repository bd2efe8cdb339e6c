import { IntlMessageFormat } from 'intl-messageformat';
import { de } from './de.js';
import { deInformal } from './de-informal.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { frInformal } from './fr-informal.js';
import { ja } from './ja.js';
import { pseudoMessage } from './pseudo.js';
import { pt } from './pt.js';

/**
 * The message catalog: every sentence the bot says, by key, in ICU MessageFormat (plurals, selects, numbers,
 * dates). English is the source; another language is one more file with the same keys and parameters.
 */
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number | Date | null | undefined>;

/** A sentence not yet put into words: its key and parameters. Use cases return these; readers render them. */
export interface Text {
  key: MessageKey;
  params?: MessageParams;
}

export function text(key: MessageKey, params?: MessageParams): Text {
  return params ? { key, params } : { key };
}

/** Something to say: one catalog sentence, or several put together once the reader is known. */
export type Words = Text | ((t: Translator) => string);

/**
 * How the bot addresses people: `formal` is the second person a language expects at work ("Sie", "vous"),
 * `informal` the familiar one ("du", "tu"). A program chooses; languages without an informal overlay read
 * the same either way.
 */
export const ADDRESSES = ['formal', 'informal'] as const;
export type Address = (typeof ADDRESSES)[number];

/** Who reads a message: their language (BCP 47), time zone, and how to address them (default formal). */
export interface Reader {
  locale: string;
  timeZone: string;
  address?: Address;
}

export const DEFAULT_LOCALE = 'en-GB';

/**
 * A made-up language for tests: English with every letter accented and each sentence about 40 % longer, so
 * that text a renderer cuts or a limit it breaks shows up before a real translation does. Dates and numbers
 * are British English.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** The languages the bot speaks, by primary language subtag; a new language is one more line here. */
const CATALOGS: Record<string, Partial<Catalog>> = { en, de, fr, es, pt, ja };

/** Primary language subtags with a catalog (`en`, `de`…), in the order the README lists them. */
export function supportedLanguages(): string[] {
  return Object.keys(CATALOGS);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * Remembers the answers of a pure function of a string, up to `limit` of them (the tags and locales people and
 * programs use are few; a flood of odd ones only stops filling the cache). `Intl` objects are costly to make,
 * and every turn asks for the same few.
 */
function remembered<T>(compute: (key: string) => T, limit = 1000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    if (known.size < limit) known.set(key, value);
    return value;
  };
}

const canonical = remembered((tag: string): string | null => {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
});

/** A well-formed BCP 47 tag in its canonical spelling (`pt-br` → `pt-BR`), or null. */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  return canonical(tag);
}

function languageOf(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/** True when the bot has a catalog for this locale's language (or it is the pseudo-locale). */
export function speaks(tag: string | null | undefined): boolean {
  const locale = canonicalLocale(tag);
  return locale !== null && (locale === PSEUDO_LOCALE || Object.hasOwn(CATALOGS, languageOf(locale)));
}

/**
 * The locale to use from candidates in order of precedence (the person's choice, the roster, the platform,
 * the program): the first one the bot speaks. A later candidate of the same language lends its region, so
 * that "de" chosen by hand on a client set to de-AT still gets Austrian dates. English when none fits.
 */
export function chooseLocale(candidates: readonly (string | null | undefined)[]): string {
  const known = candidates.map(canonicalLocale).filter((c): c is string => c !== null);
  const first = known.find((c) => speaks(c));
  if (!first) return DEFAULT_LOCALE;
  if (first.includes('-') || first === PSEUDO_LOCALE) return first;
  const regional = known.find((c) => c.includes('-') && languageOf(c) === first);
  return regional ?? (first === 'en' ? DEFAULT_LOCALE : first);
}

/**
 * Informal overlays, by primary language subtag: only the sentences whose words differ from the formal
 * catalog of the same language. A language not listed reads the same in either address.
 */
export const INFORMAL_OVERLAYS: Record<string, Partial<Catalog>> = { de: deInformal, fr: frInformal };

/** A catalog with an overlay's sentences put over it. */
export function overlaid(base: Partial<Catalog>, overlay: Partial<Catalog>): Partial<Catalog> {
  return { ...base, ...overlay };
}

const informal = new Map<string, Partial<Catalog>>();

let pseudo: Catalog | undefined;

function pseudoCatalog(): Catalog {
  pseudo ??= Object.fromEntries(
    Object.entries(en).map(([key, template]) => [key, pseudoMessage(template)]),
  ) as Catalog;
  return pseudo;
}

/**
 * The catalog for a locale: its language's, else English; with `informal`, the language's informal overlay
 * over it when it has one (`language` then names the overlay, e.g. `de-informal`).
 */
export function catalogFor(
  locale: string,
  address: Address = 'formal',
): { language: string; catalog: Partial<Catalog> } {
  if (canonicalLocale(locale) === PSEUDO_LOCALE) return { language: PSEUDO_LOCALE, catalog: pseudoCatalog() };
  const language = languageOf(locale);
  const catalog = CATALOGS[language];
  if (!catalog) return { language: 'en', catalog: en };
  const overlay = address === 'informal' ? INFORMAL_OVERLAYS[language] : undefined;
  if (!overlay) return { language, catalog };
  let merged = informal.get(language);
  if (!merged) {
    merged = overlaid(catalog, overlay);
    informal.set(language, merged);
  }
  return { language: `${language}-informal`, catalog: merged };
}

/** The locale dates and numbers are formatted in. */
function formattingLocale(locale: string): string {
  return canonicalLocale(locale) === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
}

/** A language's name, without its region, in the reader's language (`de-AT` read in French: "allemand"). */
export function languageName(tag: string, readerLocale: string): string {
  return languageNames(`${tag}\n${readerLocale}`);
}

const languageNames = remembered((key: string): string => {
  const [tag = '', readerLocale = ''] = key.split('\n');
  const locale = canonicalLocale(tag) ?? tag;
  if (locale === PSEUDO_LOCALE) return locale;
  try {
    const language = languageOf(locale);
    return (
      new Intl.DisplayNames([formattingLocale(readerLocale)], { type: 'language' }).of(language) ?? language
    );
  } catch {
    return locale;
  }
});

/** Named date formats the catalog uses (`{until, date, day}`), in the reader's own zone. */
function formatsFor(timeZone: string) {
  return {
    date: {
      day: { weekday: 'short', day: 'numeric', month: 'short', timeZone },
      dayTime: {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      },
      iso: { year: 'numeric', month: '2-digit', day: '2-digit', timeZone },
    },
  } as const;
}

export interface Translator {
  (key: MessageKey, params?: MessageParams): string;
  readonly reader: Reader;
  /** Renders words made elsewhere. */
  text(value: Words): string;
}

const compiled = new Map<string, IntlMessageFormat>();

function compile(template: string, reader: Reader, cacheKey: string): IntlMessageFormat {
  let format = compiled.get(cacheKey);
  // Stryker disable next-line ConditionalExpression: equivalent; compiling again gives the same format (the cache saves time only)
  if (!format) {
    // Stryker disable next-line ObjectLiteral: equivalent while no catalog sentence contains "<" (tags are ignored)
    format = new IntlMessageFormat(template, formattingLocale(reader.locale), formatsFor(reader.timeZone), {
      // Stryker disable next-line BooleanLiteral: equivalent while no catalog sentence contains "<"
      ignoreTag: true,
    });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; when the cache is emptied changes only memory
    if (compiled.size > 20_000) compiled.clear();
    compiled.set(cacheKey, format);
  }
  return format;
}

/** Puts catalog keys into words for one reader. */
export function translator(reader: Reader): Translator {
  const { language, catalog } = catalogFor(reader.locale, reader.address);
  const say = (key: MessageKey, params: MessageParams = {}): string => {
    const template = catalog[key] ?? en[key];
    const format = compile(
      template,
      reader,
      `${language}\u0000${reader.locale}\u0000${reader.timeZone}\u0000${key}`,
    );
    const values: Record<string, string | number | Date> = {};
    for (const [name, value] of Object.entries(params))
      if (value !== null && value !== undefined) values[name] = value;
    return String(format.format(values));
  };
  const render = (value: Words): string =>
    typeof value === 'function' ? value(t) : say(value.key, value.params);
  const t: Translator = Object.assign(say, { reader, text: render });
  return t;
}

/** English in UTC: for logs, audit details and tests. */
export const english = translator({ locale: DEFAULT_LOCALE, timeZone: 'UTC' });
