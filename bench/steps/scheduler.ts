/**
 * Scheduler pass cost at several population sizes.
 *  (a) nothing due: the clock just before the earliest due job; a pass should cost next to nothing.
 *  (b) ~1% due: 1% of the people live in each of a few other time zones, so their Tuesday 09:30 nudge
 *      comes due hours before everyone else's; one pass per zone handles exactly that 1%.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { ManualClock } from '../../src/core/clock.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import {
  childMain,
  type Figure,
  log,
  median,
  ms,
  percentile,
  round,
  type StepOptions,
} from '../lib/common.js';
import { databaseBytes, ensureProgram, seedPopulation, tempDb, verifySeed } from '../lib/seed.js';
import { SLICE_ZONES, sliceZoneOf } from './zones.js';

interface Input extends StepOptions {
  sizes: number[];
  idleRuns: number;
  /** Leave a copy of the freshly seeded database of this size for the memory probe. */
  keepCopy?: { size: number; path: string };
}

async function measureSize(size: number, input: Input): Promise<Figure[]> {
  const db = tempDb(`sched-${size}`, input.tmpRoot);
  try {
    const program = await ensureProgram(db.store);
    const seedStart = performance.now();
    await seedPopulation(db.store, program, { count: size, zoneOf: sliceZoneOf, collect: false });
    const seedMs = performance.now() - seedStart;
    await verifySeed(db.store, size);
    const bytes = databaseBytes(db);
    log(
      `${size} participants seeded in ${(seedMs / 1000).toFixed(1)} s (${(bytes.total / 1e6).toFixed(1)} MB)`,
    );
    if (input.keepCopy?.size === size) {
      copyFileSync(db.path, input.keepCopy.path);
      writeFileSync(`${input.keepCopy.path}.json`, JSON.stringify({ size, seedMs, dbBytes: bytes }));
    }

    // When each zone's first nudges are due (bench-only read on store.db).
    const dueByZone = db.store.db
      .prepare(
        `SELECT p.timezone AS zone, MIN(j.due_at) AS due, COUNT(*) AS n FROM jobs j JOIN participants p ON p.id = j.participant_id
         WHERE j.state = 'scheduled' AND j.kind = 'nudge' GROUP BY p.timezone ORDER BY due`,
      )
      .all() as { zone: string | null; due: number; n: number }[];
    const slices = dueByZone.filter((row) => row.zone !== null);
    const earliest = dueByZone[0]!.due;
    if (slices.length !== SLICE_ZONES.length || dueByZone.at(-1)!.zone !== null) {
      throw new Error(`unexpected due order: ${JSON.stringify(dueByZone)}`);
    }

    // (a) Nothing due.
    const clock = new ManualClock(earliest - 1);
    for (let i = 0; i < 5; i += 1) await runSchedulerPass(db.store, clock);
    const idle: number[] = [];
    for (let i = 0; i < input.idleRuns; i += 1) {
      const t0 = performance.now();
      const stats = await runSchedulerPass(db.store, clock);
      idle.push(performance.now() - t0);
      if (stats.examined !== 0) throw new Error('a job was due in the idle pass');
    }

    // (b) ~1% due, one zone after another.
    const passes: { zone: string; examined: number; queued: number; ms: number }[] = [];
    for (const slice of slices) {
      clock.set(slice.due + 30_000);
      const t0 = performance.now();
      const stats = await runSchedulerPass(db.store, clock);
      const took = performance.now() - t0;
      passes.push({ zone: slice.zone!, examined: stats.examined, queued: stats.queued, ms: took });
      if (stats.examined !== slice.n || stats.queued !== slice.n) {
        throw new Error(`expected ${slice.n} nudges queued in ${slice.zone}, got ${JSON.stringify(stats)}`);
      }
    }
    const passMs = passes.map((p) => p.ms);
    const perJob = passes.map((p) => p.ms / p.examined);
    const due = passes[0]!.examined;
    const atTarget = size === 100_000;
    log(`${size}: idle median ${median(idle).toFixed(3)} ms, 1% pass median ${median(passMs).toFixed(1)} ms`);
    const label = size.toLocaleString('en-US');
    return [
      {
        step: 'scheduler',
        figure: `Scheduler pass, nothing due, ${label} participants (median / p95 of ${idle.length})`,
        value: round(median(idle), 3),
        unit: 'ms',
        result: `${ms(median(idle), 3)} / ${ms(percentile(idle, 95), 3)}`,
        target: atTarget ? '< 5 ms' : '—',
        met: atTarget ? median(idle) < 5 && percentile(idle, 95) < 5 : null,
        detail: {
          size,
          runs: idle.length,
          medianMs: median(idle),
          p95Ms: percentile(idle, 95),
          maxMs: Math.max(...idle),
          seedMs,
          dbBytes: bytes.total,
        },
      },
      {
        step: 'scheduler',
        figure: `Scheduler pass, 1% due (${due.toLocaleString('en-US')} nudges), ${label} participants (median of ${passes.length})`,
        value: round(median(passMs), 1),
        unit: 'ms',
        result: `${ms(median(passMs), 1)}; ${ms(median(perJob), 3)} per due job`,
        target: '—',
        met: null,
        detail: { size, passes, perJobMedianMs: median(perJob), perJobMaxMs: Math.max(...perJob) },
      },
    ];
  } finally {
    await db.cleanup();
  }
}

childMain<Input, Figure[]>(async (input) => {
  const figures: Figure[] = [];
  for (const size of input.sizes) figures.push(...(await measureSize(size, input)));
  return figures;
});
