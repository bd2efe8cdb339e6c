import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../../core/clock.js';
import type { Arm } from '../../core/participant.js';
import type { AuditEntry, ProgramRecord, ReportDataset, Store } from '../../store/types.js';
import { buildOutcomeReport, type OutcomeReport } from './compute.js';
import { type CsvLayout, renderFiguresCsv, renderMidFiguresCsv, renderRowsCsv } from './csv.js';
import { CSS, renderHtml } from './html.js';
import { buildMidReview, type MidReviewReport } from './mid-review.js';
import { renderMidReviewHtml } from './pilot-html.js';
import { type ReportWords, reportLocale, reportWords } from './report-locale.js';
import { localDate } from './selection.js';

export const REPORT_FORMATS = ['html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** full: the outcome report with the verdict; mid: the governance checkpoint, without any effect. */
export const REPORT_STAGES = ['full', 'mid'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

export class UnknownProgramError extends Error {
  constructor(
    readonly programName: string,
    readonly known: readonly string[],
  ) {
    super(
      `no program named "${programName}". ${
        known.length
          ? `Known programs: ${known.join(', ')}.`
          : 'There are no programs yet: apply one with `coachloop program apply FILE`.'
      }`,
    );
  }
}

export interface LoadedReport {
  program: ProgramRecord;
  data: ReportDataset;
  report: OutcomeReport;
}

/** A program by name, or an error that lists the known ones. */
export async function programNamed(store: Store, programName: string): Promise<ProgramRecord> {
  const program = await store.programs.getByName(programName);
  if (!program)
    throw new UnknownProgramError(
      programName,
      (await store.programs.list()).map((p) => p.name),
    );
  return program;
}

/** Reads one program's rows and computes its report as of `now`. */
export async function loadOutcomeReport(
  store: Store,
  programName: string,
  now: number,
): Promise<LoadedReport> {
  const program = await programNamed(store, programName);
  const data = await store.reports.dataset(program.id);
  return { program, data, report: buildOutcomeReport(program, data, now) };
}

export function renderJson(report: OutcomeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** reports/<program>-<date>.<ext>, the date in the program's time zone. */
export function defaultReportPath(
  program: ProgramRecord,
  format: ReportFormat,
  now: number,
  csvLayout: CsvLayout = 'rows',
  stage: ReportStage = 'full',
): string {
  const suffix = `${stage === 'mid' ? '-mid' : ''}${format === 'csv' && csvLayout === 'figures' ? '-figures' : ''}`;
  return join('reports', `${program.name}-${localDate(now, program.settings.timezone)}${suffix}.${format}`);
}

export interface ExportOptions {
  program: string;
  format: ReportFormat;
  /** Where to write; default reports/<program>-<date>.<ext>. */
  out?: string;
  /** CSV only: `rows` (pseudonymous, one row per leader and checkpoint) or `figures` (the report's figures). */
  csvLayout?: CsvLayout;
  /** Who asked, for the audit log. */
  actor?: string;
  /** Default full; mid writes the mid-pilot review (and records that it was run). */
  stage?: ReportStage;
  /**
   * The language of the HTML and CSV (labels, numbers, dates): a tag the bot speaks, such as `de` or `pt-BR`.
   * Default: the program's `language`, else English. JSON is never localized.
   */
  locale?: string;
}

export interface ExportResult {
  path: string;
  format: ReportFormat;
  /** CSV data rows (without the header); null for HTML and JSON. */
  rows: number | null;
  withheldArms: Arm[];
  /** The full report; null for a mid-pilot review. */
  report: OutcomeReport | null;
  review: MidReviewReport | null;
}

async function exportMidReview(
  store: Store,
  program: ProgramRecord,
  format: ReportFormat,
  layout: CsvLayout,
  now: number,
  words: ReportWords,
): Promise<{ content: string; rows: number | null; review: MidReviewReport }> {
  if (format === 'csv' && layout === 'rows')
    throw new Error(
      'the mid-pilot review has no row export (rows would show the outcomes); use --csv figures',
    );
  const data = await store.reports.dataset(program.id);
  const run = await store.pilots.recordReview(program.id, 'mid', now);
  const review = buildMidReview(program, data, now, run);
  if (format === 'json') return { content: `${JSON.stringify(review, null, 2)}\n`, rows: null, review };
  if (format === 'html') return { content: renderMidReviewHtml(review, CSS, words), rows: null, review };
  const csv = renderMidFiguresCsv(review, words);
  return { content: csv.csv, rows: csv.rows, review };
}

/**
 * Builds the report, writes it to a file (through a temporary file, so a reader never sees half of it) and
 * records the export in the audit log: the program, the format and, for CSV, the number of rows; never the data.
 */
export async function exportReport(
  store: Store,
  clock: Clock,
  options: ExportOptions,
): Promise<ExportResult> {
  const now = clock.now();
  const stage = options.stage ?? 'full';
  const layout = options.csvLayout ?? 'rows';
  if (stage === 'mid') {
    const program = await programNamed(store, options.program);
    const words = reportWords(reportLocale(options.locale, program.settings.language));
    const mid = await exportMidReview(store, program, options.format, layout, now, words);
    const path = options.out ?? defaultReportPath(program, options.format, now, layout, 'mid');
    await writeAndAudit(store, path, mid.content, {
      at: now,
      actor: options.actor ?? 'cli',
      action: 'report.exported',
      subject: program.name,
      detail: {
        stage,
        format: options.format,
        ...(options.format === 'csv' ? { layout, rows: mid.rows } : {}),
        file: path,
      },
    });
    return {
      path,
      format: options.format,
      rows: mid.rows,
      withheldArms: [],
      report: null,
      review: mid.review,
    };
  }
  const { program, content, rows, withheldArms, report } = await renderOutcomeReport(store, now, options);
  const path = options.out ?? defaultReportPath(program, options.format, now, layout);
  await writeAndAudit(store, path, content, {
    at: now,
    actor: options.actor ?? 'cli',
    action: 'report.exported',
    subject: program.name,
    detail: {
      format: options.format,
      ...(options.format === 'csv' ? { layout, rows, withheldArms } : {}),
      file: path,
    },
  });
  return { path, format: options.format, rows, withheldArms, report, review: null };
}

export interface RenderedReport {
  program: ProgramRecord;
  content: string;
  /** CSV data rows (without the header); null for HTML and JSON. */
  rows: number | null;
  withheldArms: Arm[];
  report: OutcomeReport;
}

/** The outcome report of a program as of `now`, in one format; the caller records who took it. */
export async function renderOutcomeReport(
  store: Store,
  now: number,
  options: Pick<ExportOptions, 'program' | 'format' | 'csvLayout' | 'locale'>,
): Promise<RenderedReport> {
  const { program, data, report } = await loadOutcomeReport(store, options.program, now);
  const words = reportWords(reportLocale(options.locale, program.settings.language));
  switch (options.format) {
    case 'json':
      return { program, content: renderJson(report), rows: null, withheldArms: [], report };
    case 'html':
      return { program, content: renderHtml(report, words), rows: null, withheldArms: [], report };
    case 'csv': {
      const csv =
        (options.csvLayout ?? 'rows') === 'rows'
          ? renderRowsCsv(
              program,
              data,
              await store.reports.pseudonymSecret(randomBytes(32).toString('base64url')),
              words,
            )
          : renderFiguresCsv(report, words);
      return { program, content: csv.csv, rows: csv.rows, withheldArms: csv.withheldArms, report };
    }
  }
}

/** Writes through a temporary file (a reader never sees half of it), then records the export. */
async function writeAndAudit(store: Store, path: string, content: string, entry: AuditEntry): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { encoding: 'utf8', mode: 0o600 });
  renameSync(temporary, path);
  await store.audit.append(entry);
}
