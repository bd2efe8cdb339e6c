import {
  canonicalLocale,
  DEFAULT_LOCALE,
  type MessageKey,
  type MessageParams,
  PSEUDO_LOCALE,
  speaks,
  supportedLanguages,
  type Translator,
  translator,
} from '../../core/catalog/index.js';
import type { ChartWords } from './charts.js';
import { escapeHtml } from './charts.js';

/** A `--locale` the bot has no catalog for, or that is not a language tag at all. */
export class UnknownReportLocaleError extends Error {
  constructor(readonly tag: string) {
    super(
      `unknown locale "${tag}": use a language tag of one of the languages coachloop speaks (${supportedLanguages().join(', ')}), optionally with a region such as de-AT or pt-BR`,
    );
  }
}

/**
 * The locale a report is written in: the one asked for, else the program's language, else English. A tag
 * asked for that the bot does not speak is an error; the program's language was checked when it was applied.
 */
export function reportLocale(requested: string | undefined, programLanguage: string | undefined): string {
  if (requested !== undefined) {
    const locale = canonicalLocale(requested);
    if (locale === null || !speaks(locale)) throw new UnknownReportLocaleError(requested);
    return locale;
  }
  const own = canonicalLocale(programLanguage);
  return own !== null && speaks(own) ? own : DEFAULT_LOCALE;
}

/**
 * Everything a report needs to speak one locale: the catalog's words (as plain text or as escaped HTML) and
 * numbers, percentages, money and calendar dates formatted with `Intl` in that locale.
 */
export interface ReportWords {
  /** The BCP 47 tag of the report (`<html lang>`). */
  readonly locale: string;
  /** The locale numbers and dates are formatted in (the pseudo-locale's is British English). */
  readonly numberLocale: string;
  readonly t: Translator;
  /** A catalog sentence as escaped HTML; `raw` parameters are HTML already and are put in as they are. */
  html(key: MessageKey, params?: MessageParams, raw?: Record<string, string>): string;
  int(n: number): string;
  dec(n: number, digits?: number): string;
  /** A fraction as a whole percentage (0.42 → "42 %" in German). */
  pct(fraction: number): string;
  /** A percentage given in points (42 → "42 %"). */
  percent(points: number, digits?: number): string;
  money(amount: number, currency: string): string;
  /** A calendar day given as YYYY-MM-DD, in the locale's medium style. */
  day(isoDay: string): string;
  /** An instant given as an ISO string, as a date and time in UTC. */
  instant(iso: string): string;
  /** A number with its sign, and a real minus. */
  signed(n: number, digits?: number): string;
  readonly chart: ChartWords;
}

/** The locale numbers and dates are formatted in: the pseudo-locale formats as British English. */
function numberLocale(locale: string): string {
  return locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
}

export function reportWords(locale: string): ReportWords {
  const t = translator({ locale, timeZone: 'UTC' });
  const formatting = numberLocale(locale);
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimal = (digits: number) => {
    let format = decimals.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(formatting, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      decimals.set(digits, format);
    }
    return format;
  };
  const whole = new Intl.NumberFormat(formatting, { maximumFractionDigits: 0 });
  const percentFormat = (digits: number) =>
    new Intl.NumberFormat(formatting, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  const days = new Intl.DateTimeFormat(formatting, { dateStyle: 'medium', timeZone: 'UTC' });
  const instants = new Intl.DateTimeFormat(formatting, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const dec = (n: number, digits = 1) => decimal(digits).format(n);
  const html = (key: MessageKey, params: MessageParams = {}, raw: Record<string, string> = {}) => {
    // Raw parts stand in as markers while the sentence is escaped, then take their places.
    const markers = Object.keys(raw);
    const said = t(key, {
      ...params,
      ...Object.fromEntries(markers.map((name, i) => [name, `\uE000${i}\uE001`])),
    });
    return escapeHtml(said).replace(/\uE000(\d+)\uE001/g, (_, i: string) => raw[markers[Number(i)]!]!);
  };
  return {
    locale,
    numberLocale: formatting,
    t,
    html,
    int: (n) => whole.format(Math.round(n)),
    dec,
    pct: (fraction) => percentFormat(0).format(Math.round(fraction * 100) / 100),
    percent: (points, digits = 0) => percentFormat(digits).format(points / 100),
    money(amount, currency) {
      try {
        return new Intl.NumberFormat(formatting, {
          style: 'currency',
          currency,
          maximumFractionDigits: Math.abs(amount) < 100 ? 2 : 0,
        }).format(amount);
      } catch {
        return `${dec(amount, Math.abs(amount) < 100 ? 2 : 0)} ${currency}`;
      }
    },
    day(isoDay) {
      const at = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(at) ? isoDay : days.format(at);
    },
    instant(iso) {
      const at = Date.parse(iso);
      return Number.isNaN(at) ? iso : `${instants.format(at)} UTC`;
    },
    signed: (n, digits = 1) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${dec(Math.abs(n), digits)}`,
    chart: {
      suppressed: t('report.suppressed'),
      smallGroup: t('report.smallGroup'),
      noAnswers: t('report.chart.noAnswers'),
      nothingDue: t('report.chart.nothingDue'),
      either: (labels) => labels.join(t('report.chart.or')),
    },
  };
}
