import { createReadStream, existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Curators } from '../app/curators.js';
import { postMatchReview } from '../app/match-review.js';
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
import { channelModules } from '../registry.js';
import { openStore } from '../store/index.js';

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
          const { plan: input, problems } = await matchInputFromRoster(
            createReadStream(opts.roster),
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
          const store = await openStore(loadConfig());
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
  registerPost(match, fail);
}

/** `coachloop match post --program P`: the proposals go to the curators' channel for review. */
function registerPost(match: Command, fail: (error: unknown) => never): void {
  match
    .command('post')
    .description(
      "send the proposals to the curators' channel as review messages (Approve / Choose another / Reject); pairs nobody",
    )
    .requiredOption('--program <name>', 'the program')
    .action(async (opts: { program: string }) => {
      try {
        const config = loadConfig();
        const store = await openStore(config);
        try {
          const record = await store.programs.getByName(opts.program);
          if (!record)
            throw new Error(
              `no program named "${opts.program}"; apply its file first with: coachloop program apply FILE`,
            );
          const modules = (await channelModules()).filter((m) => m.configured(config));
          const curators = new Curators({
            store,
            clock: systemClock,
            policy: {
              listed: config.CURATORS,
              configuredChannels: Object.fromEntries(
                modules.flatMap((m) => {
                  const channel = m.curatorChannel(config);
                  return channel ? [[m.platform, channel]] : [];
                }),
              ),
            },
          });
          const posted = await postMatchReview({ store, clock: systemClock, curators }, record);
          const proposals = posted.reviews.reduce((sum, r) => sum + r.proposals, 0);
          process.stdout.write(
            `${proposals} proposals in ${posted.reviews.length} review messages for the curators; they go out on the next scheduler tick\n`,
          );
          if (posted.alreadyWaiting > 0)
            process.stdout.write(
              `${posted.alreadyWaiting} mentees still have an open proposal from an earlier post\n`,
            );
          if (posted.unmatched > 0)
            process.stdout.write(
              `${posted.unmatched} mentees cannot be matched now: see coachloop match propose --program ${record.name}\n`,
            );
          if (posted.withoutChannel > 0) {
            process.stderr.write(
              `${posted.withoutChannel} proposals were not posted: no curator channel for their platform (set CURATOR_CHANNEL or claim one with /coach claim)\n`,
            );
            process.exitCode = 1;
          }
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(error);
      }
    });
}

/** With --roster the program may be its file; otherwise (or when no such file exists) its name in the database. */
async function programSettings(program: string): Promise<ProgramSettings> {
  if (existsSync(program)) return loadProgramFile(program);
  const store = await openStore(loadConfig());
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
