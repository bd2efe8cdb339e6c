/**
 * Seeds a population into a database file for the memory probe (a separate process measures RSS), through the
 * store's bulk import: the same people as the scheduler step's, spread over its nine zones.
 */
import { copyFileSync } from 'node:fs';
import { bulkSeed, verifyBulkSeed } from '../lib/bulk-seed.js';
import { childMain, log, type StepOptions } from '../lib/common.js';
import { databaseBytes, tempDb } from '../lib/seed.js';

interface Input extends StepOptions {
  size: number;
  /** Where to leave the seeded database file. */
  path: string;
}

export interface SeedOutput {
  size: number;
  seedMs: number;
  dbBytes: { main: number; wal: number; total: number };
}

childMain<Input, SeedOutput>(async (input) => {
  const db = tempDb('memory-seed', input.tmpRoot);
  try {
    const seed = await bulkSeed(db.store, input.size);
    await verifyBulkSeed(db.store, input.size);
    const dbBytes = databaseBytes(db);
    copyFileSync(db.path, input.path);
    log(`${input.size} participants seeded for the memory probe in ${(seed.ms / 1000).toFixed(1)} s`);
    return { size: input.size, seedMs: seed.ms, dbBytes };
  } finally {
    await db.cleanup();
  }
});
