import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { MentoringService } from '../app/mentoring.js';
import {
  type DirectoryProgress,
  type DirectoryProgressReport,
  importRoster,
  type RosterOutcome,
} from '../app/roster.js';
import { CoachingService } from '../app/service.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../logger.js';
import { rosterDirectories } from '../roster-directories.js';
import { openStore } from '../store/index.js';

/** A file with thousands of bad rows lists the first ones and says how many more there are. */
const SHOWN_PROBLEMS = 100;

/** `coachloop roster import FILE.csv --program NAME [--dry-run]` */
export function registerRosterCommand(program: Command, fail: (error: unknown) => never): void {
  program
    .command('roster')
    .description('program rosters')
    .command('import <file>')
    .description(
      'enroll people from a CSV (email, role, mentor_email, arm, timezone, platform, department, level, topics, manager_email, capacity, languages); all or nothing',
    )
    .requiredOption('--program <name>', 'the program to enroll them in')
    .option('--dry-run', 'check and show what would change, write nothing')
    .action(async (file: string, opts: { program: string; dryRun?: boolean }) => {
      try {
        const config = loadConfig();
        const store = await openStore(config);
        try {
          const record = await store.programs.getByName(opts.program);
          if (!record)
            throw new Error(
              `no program named "${opts.program}"; apply its file first with: coachloop program apply FILE`,
            );
          const lookups = await rosterDirectories(
            config,
            store,
            systemClock,
            createLogger(config.LOG_LEVEL, process.stderr),
          );
          const now = systemClock.now();
          const progress = directoryProgressLines(now);
          const outcome = await importRoster({
            store,
            program: record,
            csv: createReadStream(file),
            lookups,
            now,
            dryRun: opts.dryRun,
            onProgress: progress.report,
          });
          progress.summary();
          if (!outcome.ok) {
            const shown = outcome.problems.slice(0, SHOWN_PROBLEMS);
            const more = outcome.problems.length - shown.length;
            process.stderr.write(
              `${file}: nothing was imported.\n${shown.map((p) => `  - ${p}`).join('\n')}\n${more > 0 ? `  … and ${more} more problems\n` : ''}`,
            );
            process.exitCode = 1;
            return;
          }
          for (const person of outcome.people) {
            process.stdout.write(
              `${person.status.padEnd(9)} ${person.email.padEnd(32)} ${person.platform.padEnd(6)} ${person.roles.join('+').padEnd(20)} ${person.arm}\n`,
            );
          }
          for (const pair of outcome.pairs)
            process.stdout.write(`pair ${pair.status.padEnd(6)} ${pair.mentor} → ${pair.mentee}\n`);
          process.stdout.write(describeDraw(outcome, Boolean(opts.dryRun)));
          if (outcome.written) {
            const coaching = new CoachingService({ store, clock: systemClock });
            const mentoring = new MentoringService({
              store,
              clock: systemClock,
              coaching,
              curators: { isCurator: async () => false, channelFor: async () => null },
            });
            for (const pair of await store.mentoring.activePairs(record.id)) await mentoring.sendIntros(pair);
            const c = outcome.counts!;
            process.stdout.write(
              `\nimported: ${c.peopleCreated} new, ${c.peopleUpdated} updated, ${c.pairsCreated} new pairs; consent requests go out on the next scheduler tick\n`,
            );
          } else {
            process.stdout.write('\ndry run: nothing was written\n');
          }
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(error);
      }
    });
}

/**
 * Long imports show a line on stderr every few seconds while the directories resolve emails, and one summary
 * line when they are done.
 */
function directoryProgressLines(startedAt: number): { report: DirectoryProgress; summary: () => void } {
  let last: DirectoryProgressReport | null = null;
  let shownAt = startedAt;
  const describe = (r: DirectoryProgressReport) =>
    `${r.platform}: ${r.calls} directory calls${r.membersRead ? `, ${r.membersRead} members read` : ''}, ${r.found} of ${r.wanted} roster emails found`;
  return {
    report: (r) => {
      last = r;
      const now = systemClock.now();
      if (now - shownAt < PROGRESS_EVERY_MS) return;
      shownAt = now;
      process.stderr.write(`resolving emails… ${describe(r)}\n`);
    },
    summary: () => {
      if (!last) return;
      const seconds = ((systemClock.now() - startedAt) / 1000).toFixed(1);
      process.stderr.write(`resolved emails in ${seconds} s: ${describe(last)}\n`);
    },
  };
}
const PROGRESS_EVERY_MS = 3000;

/** What the bot drew in this import, how an auditor reproduces it, and who kept their arm. */
export function describeDraw(outcome: RosterOutcome, dryRun: boolean): string {
  const lines: string[] = [];
  const draw = outcome.assignment;
  if (draw) {
    const coached = draw.people.filter((p) => p.arm === 'coached').length;
    const seedNote =
      draw.seedSource === 'drawn'
        ? dryRun
          ? ' (drawn for this dry run: a real import draws its own unless evaluation.assignment.seed is set)'
          : ' (drawn now and recorded)'
        : draw.seedSource === 'program'
          ? ' (from evaluation.assignment.seed)'
          : ' (recorded with the first draw)';
    lines.push(
      `\narms drawn by the bot (${draw.method}, batch ${draw.batch}${draw.stratifyBy.length ? `, stratified by ${draw.stratifyBy.join(' and ')}` : ''}, ${draw.controlPercent}% control): ${coached} coached, ${draw.people.length - coached} control`,
      `seed ${draw.seed}${seedNote}; \`coachloop assignment verify --program NAME\` redraws it`,
    );
    for (const s of draw.strata) lines.push(`  ${s.stratum}: ${s.coached} coached, ${s.control} control`);
    if (draw.waitlistStart)
      lines.push(
        `the control arm is a wait-list: coached from ${draw.waitlistStart} (after its own checkpoints)`,
      );
  }
  for (const note of outcome.notes ?? []) lines.push(`note: ${note}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
