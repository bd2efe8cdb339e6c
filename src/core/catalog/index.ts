import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en.js';

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

/** Who reads a message: their language (BCP 47) and time zone, for words, dates and numbers. */
export interface Reader {
  locale: string;
  timeZone: string;
}

export const DEFAULT_LOCALE = 'en-GB';

// Stryker disable next-line ObjectLiteral: equivalent while English is the only catalog (every locale falls back to it)
const CATALOGS: Record<string, Catalog> = { en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The catalog for a locale: its language's, else English. */
export function catalogFor(locale: string): { language: string; catalog: Catalog } {
  // Stryker disable next-line LogicalOperator,MethodExpression,Regex: equivalent while English is the only catalog
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const catalog = CATALOGS[language];
  return catalog ? { language, catalog } : { language: 'en', catalog: en };
}

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
    format = new IntlMessageFormat(template, reader.locale, formatsFor(reader.timeZone), {
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
  const { language, catalog } = catalogFor(reader.locale);
  const say = (key: MessageKey, params: MessageParams = {}): string => {
    // Stryker disable next-line LogicalOperator: equivalent while English is the only catalog
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
