import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  describeMatchPlan,
  matchInputFromRoster,
  matchInputFromStore,
  matchPlanJson,
  planMatches,
} from '../app/matching.js';
import { loadProgramFile } from '../app/program-files.js';
import { loadConfig } from '../config.js';
import { english } from '../core/catalog/index.js';
import { systemClock } from '../core/clock.js';
import type { ProgramSettings } from '../core/program.js';
import { openSqliteStore } from '../store/sqlite.js';

/** `coachloop match propose --program P [--roster FILE] [--json]`: proposals for curators, never pairs. */
export function registerMatchCommand(program: Command, fail: (error: unknown) => never): void {
  const match = program.command('match').description('matching proposals for curators');
  match
    .command('propose')
    .description(
      'propose mentors for mentees without one, with the reasons and points behind each; pairs nobody',
    )
    .requiredOption(
      '--program <name|file>',
      'the program (its name in the database, or with --roster also its file)',
    )
    .option('--roster <file>', 'plan from this roster CSV alone, before anyone has installed the app')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; roster?: string; json?: boolean }) => {
      try {
        const now = systemClock.now();
        let plan: ReturnType<typeof planMatches>;
        let name: string;
        if (opts.roster) {
          const settings = await programSettings(opts.program);
          name = settings.name;
          const { plan: input, problems } = matchInputFromRoster(
            readFileSync(opts.roster, 'utf8'),
            settings,
            now,
          );
          if (!input) {
            process.stderr.write(
              `${opts.roster}: no proposals.\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
            );
            process.exitCode = 1;
            return;
          }
          plan = planMatches(input, settings);
        } else {
          const store = openSqliteStore({ path: loadConfig().DATABASE_PATH });
          try {
            const record = await store.programs.getByName(opts.program);
            if (!record)
              throw new Error(
                `no program named "${opts.program}"; apply its file first with: coachloop program apply FILE`,
              );
            name = record.name;
            plan = planMatches(await matchInputFromStore(store, record, now), record.settings);
          } finally {
            await store.close();
          }
        }
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(matchPlanJson(plan), null, 2)}\n`
            : describeMatchPlan(english, plan, name),
        );
      } catch (error) {
        fail(error);
      }
    });
}

/** With --roster the program may be its file; otherwise (or when no such file exists) its name in the database. */
async function programSettings(program: string): Promise<ProgramSettings> {
  if (existsSync(program)) return loadProgramFile(program);
  const store = openSqliteStore({ path: loadConfig().DATABASE_PATH });
  try {
    const record = await store.programs.getByName(program);
    if (!record)
      throw new Error(
        `no program file or program named "${program}" (give a program file or apply it first)`,
      );
    return record.settings;
  } finally {
    await store.close();
  }
}
