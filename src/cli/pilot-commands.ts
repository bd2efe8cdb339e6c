import type { Command } from 'commander';
import { addConfounderNote, removeConfounderNote } from '../app/confounders.js';
import { programNamed } from '../app/reports/export.js';
import { verifyAssignments } from '../app/roster-assignment.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../core/clock.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';

async function withStore(work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(loadConfig());
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

/**
 * `coachloop note add|list|remove` (the confounder log) and `coachloop assignment verify` (redraw the bot's
 * arms from their seed).
 */
export function registerPilotCommands(program: Command, fail: (error: unknown) => never): void {
  const note = program
    .command('note')
    .description('the confounder log: what else happened during a pilot, shown on the report timeline');
  note
    .command('add <text>')
    .description('record an event, e.g. "Sales reorganized" (audited)')
    .requiredOption('--program <name>', 'the program')
    .requiredOption('--date <date>', 'when it happened, YYYY-MM-DD')
    .action(async (text: string, opts: { program: string; date: string }) => {
      try {
        await withStore(async (store) => {
          const record = await programNamed(store, opts.program);
          const added = await addConfounderNote(
            store,
            record,
            { date: opts.date, text },
            'cli',
            systemClock.now(),
          );
          process.stdout.write(`${added.id}  ${added.date}  ${added.text}\n`);
        });
      } catch (error) {
        fail(error);
      }
    });
  note
    .command('list')
    .description('list the notes of a program by date')
    .requiredOption('--program <name>', 'the program')
    .option('--all', 'include removed notes')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; all?: boolean; json?: boolean }) => {
      try {
        await withStore(async (store) => {
          const record = await programNamed(store, opts.program);
          const notes = await store.pilots.notes(record.id, { includeRemoved: Boolean(opts.all) });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(notes, null, 2)}\n`);
            return;
          }
          if (notes.length === 0) process.stdout.write(`no notes for ${record.name}\n`);
          for (const n of notes)
            process.stdout.write(`${n.id}  ${n.date}  ${n.text}${n.removedAt ? '  (removed)' : ''}\n`);
        });
      } catch (error) {
        fail(error);
      }
    });
  note
    .command('remove <id>')
    .description('remove a note from the reports (it is kept, marked removed; audited)')
    .requiredOption('--program <name>', 'the program')
    .action(async (id: string, opts: { program: string }) => {
      try {
        await withStore(async (store) => {
          const record = await programNamed(store, opts.program);
          const removed = await removeConfounderNote(store, record, id, 'cli', systemClock.now());
          process.stdout.write(`removed ${removed.id} (${removed.date})\n`);
        });
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('assignment')
    .description('arms drawn by the bot')
    .command('verify')
    .description('redraw every batch from its recorded seed and compare with the recorded arms')
    .requiredOption('--program <name>', 'the program')
    .action(async (opts: { program: string }) => {
      try {
        await withStore(async (store) => {
          const record = await programNamed(store, opts.program);
          const checks = verifyAssignments(await store.pilots.assignments(record.id));
          if (checks.length === 0) process.stdout.write(`the bot has drawn no arms in ${record.name}\n`);
          for (const c of checks) {
            const erased = c.erased > 0 ? `; ${c.erased} erased since, checked without them` : '';
            process.stdout.write(
              c.mismatches.length === 0
                ? `batch ${c.batch} (seed ${c.seed}, ${c.leaders} leaders): reproduced exactly${erased}\n`
                : `batch ${c.batch} (seed ${c.seed}): ${c.mismatches.length} arms differ from the draw: ${c.mismatches.join(', ')}${erased}\n`,
            );
          }
          if (checks.some((c) => c.mismatches.length > 0)) process.exitCode = 1;
        });
      } catch (error) {
        fail(error);
      }
    });
}
