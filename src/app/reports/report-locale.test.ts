import { describe, expect, it } from 'vitest';
import { reportDataset, reportProgram } from '../../../test/support/report-fixtures.js';
import { isPseudo, unpseudo } from '../../core/catalog/pseudo.js';
import { buildOutcomeReport } from './compute.js';
import { csvCell, csvStyle } from './csv.js';
import { renderHtml } from './html.js';
import { reportLocale, reportWords, UnknownReportLocaleError } from './report-locale.js';

const NBSP = '\u00a0';

describe('the locale of a report', () => {
  it('is the one asked for, else the program’s language, else British English', () => {
    expect(reportLocale('de', undefined)).toBe('de');
    expect(reportLocale('pt-br', 'fr')).toBe('pt-BR');
    expect(reportLocale('en-XA', undefined)).toBe('en-XA');
    expect(reportLocale(undefined, 'fr-CA')).toBe('fr-CA');
    expect(reportLocale(undefined, undefined)).toBe('en-GB');
    expect(reportLocale(undefined, 'nl')).toBe('en-GB');
  });

  it('refuses a language the bot does not speak and what is no language tag', () => {
    for (const tag of ['tlh', 'nl-NL', 'not a tag!', '']) {
      expect(() => reportLocale(tag, 'de')).toThrow(UnknownReportLocaleError);
    }
    expect(() => reportLocale('tlh', undefined)).toThrow(/^unknown locale "tlh": use a language tag/);
  });
});

describe('report words', () => {
  it('format numbers, percentages, money and dates as the locale writes them', () => {
    const de = reportWords('de');
    expect([de.int(1234.4), de.dec(3), de.dec(37.54, 1), de.signed(-1.5), de.signed(0, 0)]).toEqual([
      '1.234',
      '3,0',
      '37,5',
      '−1,5',
      '±0',
    ]);
    expect([de.pct(0.375), de.percent(38)]).toEqual([`38${NBSP}%`, `38${NBSP}%`]);
    expect(de.money(1234.5, 'EUR')).toBe(`1.235${NBSP}€`);
    expect(de.money(12.5, 'kr')).toBe('12,50 kr');
    expect(de.day('2026-03-02')).toBe('02.03.2026');
    expect(de.instant('2026-06-15T09:00:00.000Z')).toBe('15.06.2026, 09:00 UTC');
    const en = reportWords('en-GB');
    expect([en.int(1234.4), en.pct(0.375), en.day('2026-03-02'), en.money(1234.5, 'USD')]).toEqual([
      '1,234',
      '38%',
      '2 Mar 2026',
      'US$1,235',
    ]);
    expect(reportWords('ja').day('2026-03-02')).toBe('2026/03/02');
  });

  it('escape a sentence and its parameters, and put in HTML parts as they are', () => {
    const de = reportWords('de');
    expect(de.html('report.roi.needs', { missing: '<roi>' })).toBe('benötigt &lt;roi&gt;');
    expect(de.html('report.balance.fromRoster', {}, { code: '<code>arm</code>' })).toBe(
      'Die Gruppen stammen aus der Spalte <code>arm</code> des Rosters.',
    );
  });
});

describe('CSV in a locale', () => {
  it('separates with semicolons and writes decimal commas where the locale does, without thousands', () => {
    for (const tag of ['de', 'fr', 'es', 'pt-BR']) {
      const style = csvStyle(reportWords(tag));
      expect([style.delimiter, style.number(12345.5), style.number(-1.25)], tag).toEqual([
        ';',
        '12345,5',
        '-1,25',
      ]);
    }
    for (const tag of ['en-GB', 'ja', 'en-XA']) {
      const style = csvStyle(reportWords(tag));
      expect([style.delimiter, style.number(12345.5), style.number(-1.25)], tag).toEqual([
        ',',
        '12345.5',
        '-1.25',
      ]);
    }
  });

  it('quotes a semicolon where it separates, and keeps defusing formulas', () => {
    const de = csvStyle(reportWords('de'));
    expect(csvCell('a;b', de)).toBe('"a;b"');
    expect(csvCell('a,b', de)).toBe('"a,b"');
    expect(csvCell('=1+1', de)).toBe("'=1+1");
    expect(csvCell(0.5, de)).toBe('0,5');
    expect(csvCell('a;b')).toBe('a;b');
  });

  it('names the columns from the catalog; English keeps the codes', () => {
    expect(csvStyle(reportWords('de')).header('kpi_baseline')).toBe('KPI-Ausgangswert');
    expect(csvStyle(reportWords('en-GB')).header('kpi_baseline')).toBe('kpi_baseline');
    expect(csvStyle(reportWords('ja')).header('kpi_baseline')).toBe('KPI 開始値');
  });
});

describe('the HTML report in the pseudo-locale', () => {
  const program = reportProgram();
  const empty = reportDataset();

  it('puts every heading and label through the catalog: accented, and the same English read back', () => {
    const report = buildOutcomeReport(program, empty, Date.parse('2026-06-15T09:00:00Z'));
    const texts = (html: string) =>
      [...html.matchAll(/<(h2|h3|th|dt|figcaption)>([^<]+)</g)].map((m) => m[2]!.trim()).filter(Boolean);
    const english = texts(renderHtml(report));
    const pseudo = texts(renderHtml(report, reportWords('en-XA')));
    expect(pseudo.length).toBeGreaterThan(40);
    expect(pseudo).toHaveLength(english.length);
    for (const [i, text] of pseudo.entries()) {
      if (/[a-z]{2}/i.test(english[i]!)) expect(isPseudo(text), text).toBe(true);
      expect(unpseudo(text).replaceAll('&lt;', '<')).toBe(english[i]!.replaceAll('&lt;', '<'));
    }
  });
});
