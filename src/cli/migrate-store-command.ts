import { type Command, InvalidArgumentError } from 'commander';
import { describeLocation, openStoreAt } from '../store/index.js';
import { copyStore, TRANSFER_TABLES } from '../store/transfer.js';
import type { Store } from '../store/types.js';

const batchSize = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new InvalidArgumentError('must be a whole number of rows from 1 to 10000');
  return n;
};

/**
 * `coachloop migrate-store --from LOCATION --to LOCATION [--dry-run]`: copies a whole database into a new, empty
 * one (e.g. a pilot that started on the embedded file moves to a server database). Locations are written as
 * DATABASE_PATH or DATABASE_URL take them. Prints the rows copied per table; never a row's content.
 */
export function registerMigrateStoreCommand(program: Command, fail: (error: unknown) => never): void {
  program
    .command('migrate-store')
    .description('copy every row of one database into a new, empty one (one transaction on the target)')
    .requiredOption('--from <location>', 'the database to copy, as DATABASE_PATH or DATABASE_URL names it')
    .requiredOption('--to <location>', 'the empty database to copy into (created and migrated when missing)')
    .option('--dry-run', 'copy everything, then roll the target back: checks the move without keeping it')
    .option('--batch <rows>', 'rows read and written at a time', batchSize, 1000)
    .action(async (opts: { from: string; to: string; dryRun?: boolean; batch: number }) => {
      let source: Store | null = null;
      let target: Store | null = null;
      try {
        if (opts.from.trim() === opts.to.trim()) throw new Error('--from and --to name the same database');
        const started = performance.now();
        source = await openStoreAt(opts.from, { existing: true });
        target = await openStoreAt(opts.to);
        process.stdout.write(
          `${opts.dryRun ? 'dry run: copying' : 'copying'} ${describeLocation(opts.from)} → ${describeLocation(opts.to)}\n`,
        );
        const result = await copyStore(source, target, {
          batchSize: opts.batch,
          dryRun: opts.dryRun ?? false,
        });
        const width = Math.max(...TRANSFER_TABLES.map((table) => table.name.length));
        let total = 0;
        for (const table of TRANSFER_TABLES) {
          const rows = result.counts[table.name] ?? 0;
          total += rows;
          process.stdout.write(`  ${table.name.padEnd(width)} ${String(rows).padStart(9)}\n`);
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          result.dryRun
            ? `dry run: ${total} rows would be copied (schema version ${result.schemaVersion}); nothing was written (${seconds} s)\n`
            : `copied ${total} rows (schema version ${result.schemaVersion}) in ${seconds} s\n`,
        );
      } catch (error) {
        await source?.close().catch(() => {});
        await target?.close().catch(() => {});
        fail(error);
      }
      await source?.close();
      await target?.close();
    });
}
