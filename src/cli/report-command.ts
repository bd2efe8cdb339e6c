import { type Command, Option } from 'commander';
import { CSV_LAYOUTS, type CsvLayout } from '../app/reports/csv.js';
import {
  exportReport,
  REPORT_FORMATS,
  REPORT_STAGES,
  type ReportFormat,
  type ReportStage,
} from '../app/reports/export.js';
import { ConfigError, loadConfig } from '../config.js';
import { type Clock, systemClock } from '../core/clock.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';

export interface ReportCommandDeps {
  clock?: Clock;
  /** Environment to read the configuration from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  stdout?: { write(text: string): unknown };
  stderr?: { write(text: string): unknown };
}

interface ReportOptions {
  program: string;
  format: ReportFormat;
  out?: string;
  csv: CsvLayout;
  stage: ReportStage;
  locale?: string;
}

/**
 * `coachloop report --program NAME --format html|csv|json [--out FILE] [--csv rows|figures] [--stage full|mid]
 * [--locale TAG]`
 */
export function registerReportCommand(program: Command, deps: ReportCommandDeps = {}): Command {
  return program
    .command('report')
    .description('write the outcome report of one program: HTML with charts, CSV or JSON')
    .requiredOption('--program <name>', 'the program, by name')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).makeOptionMandatory())
    .option('--out <file>', 'where to write (default: reports/<program>-<date>.<ext>)')
    .addOption(
      new Option(
        '--csv <layout>',
        'CSV only: rows (pseudonymous, one row per leader and checkpoint) or figures (every figure of the report)',
      )
        .choices(CSV_LAYOUTS)
        .default('rows'),
    )
    .addOption(
      new Option(
        '--stage <stage>',
        'full (the outcome report with the verdict) or mid (the mid-pilot review: response rates, data quality, balance; no effect)',
      )
        .choices(REPORT_STAGES)
        .default('full'),
    )
    .option(
      '--locale <tag>',
      "HTML and CSV only: the language of labels, numbers and dates, e.g. de or pt-BR (default: the program's language)",
    )
    .action(async (opts: ReportOptions, command: Command) => {
      let store: Store | undefined;
      try {
        const config = loadConfig(deps.env ?? process.env);
        store = await openStore(config, { existing: true });
        const result = await exportReport(store, deps.clock ?? systemClock, {
          program: opts.program,
          format: opts.format,
          csvLayout: opts.stage === 'mid' && opts.format === 'csv' ? 'figures' : opts.csv,
          stage: opts.stage,
          actor: 'cli',
          ...(opts.out ? { out: opts.out } : {}),
          ...(opts.locale === undefined ? {} : { locale: opts.locale }),
        });
        await store.close();
        // The path alone on stdout, so scripts can use it; notes go to stderr.
        const stdout = deps.stdout ?? process.stdout;
        const stderr = deps.stderr ?? process.stderr;
        stdout.write(`${result.path}\n`);
        if (result.rows !== null)
          stderr.write(`${result.rows} rows written; the export is recorded in the audit log\n`);
        if (result.review)
          stderr.write(
            `mid-pilot review recorded: first run ${result.review.review.firstRunOn}, ${result.review.review.runs} run(s); it shows no effect\n`,
          );
        if (result.report)
          stderr.write(
            `verdict: ${result.report.evidence.verdict.word}. ${result.report.evidence.verdict.reason}\n`,
          );
        for (const arm of result.withheldArms) {
          stderr.write(`the ${arm} arm has fewer than 5 consenting leaders: its rows are withheld\n`);
        }
      } catch (error) {
        await store?.close();
        const message =
          error instanceof ConfigError ? error.message : `coachloop: ${(error as Error).message}`;
        command.error(message, { exitCode: 1, code: 'coachloop.report' });
      }
    });
}
