/** Seeds a population into a database file for the memory probe (a separate process measures RSS). */
import { copyFileSync } from 'node:fs';
import { childMain, log, type StepOptions } from '../lib/common.js';
import { databaseBytes, ensureProgram, seedPopulation, tempDb, verifySeed } from '../lib/seed.js';
import { sliceZoneOf } from './zones.js';

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
    const program = await ensureProgram(db.store);
    const t0 = performance.now();
    await seedPopulation(db.store, program, { count: input.size, zoneOf: sliceZoneOf, collect: false });
    const seedMs = performance.now() - t0;
    await verifySeed(db.store, input.size);
    const dbBytes = databaseBytes(db);
    copyFileSync(db.path, input.path);
    log(`${input.size} participants seeded for the memory probe in ${(seedMs / 1000).toFixed(1)} s`);
    return { size: input.size, seedMs, dbBytes };
  } finally {
    await db.cleanup();
  }
});
