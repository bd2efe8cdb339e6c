import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';
import { previewProgram } from '../app/preview.js';
import { loadProgramFile, ProgramFileError } from '../app/program-files.js';
import { evaluationDeviationNote } from '../app/reports/evidence.js';
import { ConfigError, loadConfig } from '../config.js';
import { canonicalLocale, speaks } from '../core/catalog/index.js';
import { systemClock } from '../core/clock.js';
import { missingTranslations } from '../core/program.js';
import { timeZoneSchema } from '../core/time.js';
import { startCoachloop } from '../main.js';
import { describeLocation, openStore, openThrowAwayStore, storeLocation } from '../store/index.js';
import { registerAdminCommands } from './admin-commands.js';
import { registerCapacityCommand } from './capacity-command.js';
import { registerMatchCommand } from './match-command.js';
import { registerMigrateStoreCommand } from './migrate-store-command.js';
import { registerPilotCommands } from './pilot-commands.js';
import { registerReportCommand } from './report-command.js';
import { registerRosterCommand } from './roster-command.js';

function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ProgramFileError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`coachloop: ${(error as Error).message}\n`);
  }
  process.exit(1);
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a whole number of days, 1 or more');
  return n;
};

export function buildCli(): Command {
  const program = new Command('coachloop').description(
    'Leadership micro-coaching in Slack and Microsoft Teams',
  );

  program
    .command('serve')
    .description('serve Slack and Teams, and run the scheduler')
    .action(async () => {
      try {
        const config = loadConfig();
        const app = await startCoachloop(config);
        // Rolling deploys stop replicas with SIGTERM: finish the sends under way (SHUTDOWN_TIMEOUT_MS), then exit 0.
        const stop = () => {
          app.shutdown().then(
            () => process.exit(0),
            (error: Error) => {
              process.stderr.write(`coachloop: shutdown failed: ${error.message}\n`);
              process.exit(1);
            },
          );
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('migrate')
    .description('create or upgrade the database, then exit')
    .action(async () => {
      try {
        const config = loadConfig();
        const store = await openStore(config);
        await store.close();
        process.stdout.write(`database ready at ${describeLocation(storeLocation(config))}\n`);
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('preview')
    .description('print every message one leader would receive, in order, with local and UTC times')
    .requiredOption('--program <file>', 'program file (YAML or JSON)')
    .option('--tz <zone>', "the leader's IANA time zone (default: the program's)")
    .option('--start <date>', 'experiment start date, YYYY-MM-DD (default: today)')
    .option('--days <n>', 'how many days to show', positiveInt, 91)
    .option('--locale <tag>', "the leader's language, e.g. de or pt-BR (default: the program's)")
    .option('--json', 'print JSON instead of a table')
    .action(
      async (opts: {
        program: string;
        tz?: string;
        start?: string;
        days: number;
        locale?: string;
        json?: boolean;
      }) => {
        try {
          const settings = loadProgramFile(opts.program);
          const zone = opts.tz ?? settings.timezone;
          if (!timeZoneSchema.safeParse(zone).success)
            throw new Error(`--tz: "${zone}" is not an IANA time zone`);
          const locale = opts.locale === undefined ? undefined : canonicalLocale(opts.locale);
          if (locale === null || (locale !== undefined && !speaks(locale)))
            throw new Error(`--locale: "${opts.locale}" is not a language coachloop speaks`);
          const start = opts.start ?? DateTime.fromMillis(systemClock.now(), { zone }).toISODate()!;
          const lines = await previewProgram(settings, zone, start, opts.days, locale, openThrowAwayStore);
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
            return;
          }
          process.stdout.write(
            `Program ${settings.name}: a leader in ${zone} starting ${start}, answering nothing, for ${opts.days} days\n\n`,
          );
          for (const line of lines) {
            process.stdout.write(
              `${line.local.padEnd(30)} ${line.utc.padEnd(18)} ${line.kind.padEnd(20)} ${line.text.replace(/\s+/g, ' ').slice(0, 90)}\n`,
            );
          }
          process.stdout.write(`\n${lines.length} messages\n`);
        } catch (error) {
          fail(error);
        }
      },
    );

  const programs = program.command('program').description('program files');
  programs
    .command('validate <file>')
    .description('check a program file and print its settings with defaults filled in')
    .action((file: string) => {
      try {
        const settings = loadProgramFile(file);
        for (const warning of missingTranslations(settings)) process.stderr.write(`warning: ${warning}\n`);
        process.stdout.write(`${file} is valid\n${JSON.stringify(settings, null, 2)}\n`);
      } catch (error) {
        fail(error);
      }
    });
  programs
    .command('apply <file>')
    .description('create or update a program from its file (idempotent; future messages only)')
    .action(async (file: string) => {
      try {
        const config = loadConfig();
        const settings = loadProgramFile(file);
        const store = await openStore(config);
        const now = systemClock.now();
        const before = await store.programs.getByName(settings.name);
        const { record, changed } = await store.programs.upsert(settings, now);
        const deviation = changed && before ? await evaluationDeviationNote(store, before, record) : null;
        if (deviation) process.stderr.write(`${deviation}\n`);
        if (changed) {
          await store.audit.append({
            at: now,
            actor: 'cli',
            action: 'program.applied',
            subject: record.name,
            detail: { version: record.version, file },
          });
        }
        await store.close();
        process.stdout.write(
          changed
            ? `program ${record.name} is now version ${record.version}\n`
            : `program ${record.name} is unchanged (version ${record.version})\n`,
        );
      } catch (error) {
        fail(error);
      }
    });

  registerCapacityCommand(program, fail);
  registerRosterCommand(program, fail);
  registerAdminCommands(program, fail);
  registerReportCommand(program);
  registerPilotCommands(program, fail);
  registerMatchCommand(program, fail);
  registerMigrateStoreCommand(program, fail);
  return program;
}

// Real credentials live in .env (see .env.example); variables already set in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');
await buildCli().parseAsync(process.argv);
