import { type Command, InvalidArgumentError, Option } from 'commander';
import { DateTime } from 'luxon';
import { loadProgramFile } from '../app/program-files.js';
import { loadConfig, paceSettings } from '../config.js';
import {
  CapacityInputError,
  estimateCapacity,
  MAX_PEOPLE,
  type PaceSetting,
  parseZoneShares,
  renderCapacityText,
} from '../core/capacity.js';
import { systemClock } from '../core/clock.js';
import { isoDateSchema } from '../core/time.js';

const wholeNumber = (what: string, min: number, max: number) => (value: string) => {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(
      `${what} must be a whole number from ${min} to ${max.toLocaleString('en')}`,
    );
  return n;
};

const zoneShares = (value: string) => {
  try {
    return parseZoneShares(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

const isoDate = (value: string) => {
  if (!isoDateSchema.safeParse(value).success) throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return value;
};

/**
 * `coachloop capacity --program FILE --people N`: how long a day's send waves take for that many people on Slack and
 * on Teams at the configured paces, and whether they are out within the program's catch-up grace window.
 */
export function registerCapacityCommand(program: Command, fail: (error: unknown) => never): void {
  program
    .command('capacity')
    .description(
      "estimate a day's send waves for N people: their duration on Slack and Teams at the configured paces, what bounds them, and what to change",
    )
    .requiredOption('--program <file>', 'program file (YAML or JSON), read as `program validate` reads it')
    .requiredOption('--people <n>', 'how many people', wholeNumber('--people', 1, MAX_PEOPLE))
    .option(
      '--zones <list>',
      "the people's zones with their shares in percent, e.g. Europe/Berlin=60,America/New_York=40 (default: the program's zone)",
      zoneShares,
    )
    .addOption(
      new Option('--platform <name>', 'estimate for Slack, Teams or both')
        .choices(['slack', 'teams', 'both'])
        .default('both'),
    )
    .option(
      '--date <date>',
      "the day (the first nudge day on or after it), YYYY-MM-DD (default: today in the program's zone)",
      isoDate,
    )
    .option(
      '--spread-times <n>',
      'spread the sends over this many times, as if the people were split into that many programs',
      wholeNumber('--spread-times', 1, 24),
      1,
    )
    .option(
      '--spread-minutes <n>',
      'minutes between the spread times',
      wholeNumber('--spread-minutes', 1, 720),
      30,
    )
    .option('--json', 'print JSON instead of text')
    .action(
      (opts: {
        program: string;
        people: number;
        zones?: ReturnType<typeof parseZoneShares>;
        platform: 'slack' | 'teams' | 'both';
        date?: string;
        spreadTimes: number;
        spreadMinutes: number;
        json?: boolean;
      }) => {
        try {
          const settings = loadProgramFile(opts.program);
          // The paces the senders keep with this environment, as `serve` reads it.
          const paces = paceSettings(loadConfig());
          const platforms: PaceSetting[] =
            opts.platform === 'both' ? [paces.slack, paces.teams] : [paces[opts.platform]];
          const date =
            opts.date ?? DateTime.fromMillis(systemClock.now(), { zone: settings.timezone }).toISODate()!;
          const estimate = estimateCapacity({
            program: settings,
            people: opts.people,
            ...(opts.zones ? { zones: opts.zones } : {}),
            platforms,
            date,
            spreadTimes: opts.spreadTimes,
            spreadMinutes: opts.spreadMinutes,
          });
          if (opts.json) {
            const json = {
              ...estimate,
              waves: estimate.waves.map((w) => ({
                ...w,
                dueAt: new Date(w.dueAt).toISOString(),
                sendBy: new Date(w.sendBy).toISOString(),
              })),
            };
            process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
            return;
          }
          process.stdout.write(renderCapacityText(estimate));
        } catch (error) {
          fail(error instanceof CapacityInputError ? new Error(error.message) : error);
        }
      },
    );
}
