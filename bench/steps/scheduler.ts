/**
 * Scheduler pass cost at the largest population sizes, on one store (the embedded file or a server database,
 * named by `location`; the same code runs on both).
 *  (a) nothing due: the clock just before the earliest due job; a pass should cost next to nothing.
 *  (b) the largest group due at once: a tenth of everyone (Tokyo, see bench/lib/bulk-seed.ts) gets their first
 *      nudge at the same instant, the first of all zones; one pass decides and queues all of them. Each batch's
 *      write transaction is timed (the longest is how long the pass holds the write lock at a time).
 *  (c) while (b) runs, a light stream of what people do (a look-up and a button click written, in turns, on a
 *      connection of its own, every `streamEveryMs`), each timed from when it was meant to start.
 */
import { ManualClock } from '../../src/core/clock.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import { openStoreAt } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { bulkSeed, verifyBulkSeed } from '../lib/bulk-seed.js';
import {
  childMain,
  cpuMs,
  type Figure,
  log,
  median,
  ms,
  percentile,
  round,
  type StepOptions,
  sleep,
  userIdOf,
} from '../lib/common.js';

interface Input extends StepOptions {
  /** Which store, for the figures' names. */
  storeName: string;
  /** A fresh, empty database per size: `{size}` in it is replaced by the size. */
  location: string;
  sizes: number[];
  idleRuns: number;
  streamEveryMs: number;
  /** The size at which the targets are judged. */
  targetSize: number;
}

/** Store work on a second connection while a pass runs, every `everyMs`; latency counted from the planned start. */
async function stream(
  store: Store,
  everyMs: number,
  count: number,
  running: () => boolean,
): Promise<number[]> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let n = 0; running(); n += 1) {
    const planned = start + n * everyMs;
    const wait = planned - performance.now();
    if (wait > 0) await sleep(wait);
    // People outside the due group (index mod 100 ≥ 10), so that the stream never writes where the pass does.
    const index = (n * 7_919) % count;
    const person = index - (index % 100) + 50;
    if (person >= count) continue;
    if (n % 2 === 0) {
      const found = await store.participants.findByIdentity({
        platform: 'slack',
        workspaceId: 'T0001',
        userId: userIdOf(person),
      });
      if (!found) throw new Error('stream: a seeded person was not found');
    } else {
      await store.experiments.recordNudgeResponse({
        experimentId: `exp_${userIdOf(person)}`,
        occurrence: `stream-${n}`,
        answer: 'did',
        at: Date.now(),
      });
    }
    latencies.push(performance.now() - planned);
  }
  return latencies;
}

async function measureSize(size: number, input: Input): Promise<Figure[]> {
  const location = input.location.replaceAll('{size}', String(size));
  const store = await openStoreAt(location);
  const other = await openStoreAt(location);
  try {
    const seed = await bulkSeed(store, size);
    await verifyBulkSeed(store, size);
    log(
      `${input.storeName}: ${size.toLocaleString('en-US')} participants seeded in ${(seed.ms / 1000).toFixed(1)} s (${seed.rows.toLocaleString('en-US')} rows)`,
    );
    const earliest = await store.jobs.nextDueAt();
    const group = seed.slices[0]!;
    if (earliest !== group.firstNudgeAt) throw new Error(`unexpected first due job at ${earliest}`);

    // (a) Nothing due.
    const clock = new ManualClock(earliest - 1);
    for (let i = 0; i < 5; i += 1) await runSchedulerPass(store, clock);
    const idle: number[] = [];
    for (let i = 0; i < input.idleRuns; i += 1) {
      const t0 = performance.now();
      const stats = await runSchedulerPass(store, clock);
      idle.push(performance.now() - t0);
      if (stats.examined !== 0) throw new Error('a job was due in the idle pass');
    }

    // (b) The largest group due at once, with (c) the stream beside it.
    const batches: { jobs: number; ms: number }[] = [];
    const applyMany = store.jobs.applyMany;
    store.jobs.applyMany = async (items, now) => {
      const t0 = performance.now();
      try {
        return await applyMany(items, now);
      } finally {
        batches.push({ jobs: items.length, ms: performance.now() - t0 });
      }
    };
    clock.set(group.firstNudgeAt + 30_000);
    let running = true;
    const streamed = stream(other, input.streamEveryMs, size, () => running);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const stats = await runSchedulerPass(store, clock).finally(() => {
      running = false;
    });
    const passMs = performance.now() - t0;
    // CPU time of this process (the pass, and the stream's share): on a busy machine the wall time also holds
    // the time spent waiting for a core. A server database's own work is in its own processes, not counted here.
    const passCpuMs = cpuMs(cpu0);
    const latencies = await streamed;
    store.jobs.applyMany = applyMany;
    if (stats.examined !== group.people || stats.queued !== group.people)
      throw new Error(
        `expected ${group.people} nudges queued in ${group.zone}, got ${JSON.stringify(stats)}`,
      );
    const counts = await store.outbox.counts();
    if (counts.pending !== group.people) throw new Error(`expected ${group.people} pending messages`);
    const longest = Math.max(...batches.map((b) => b.ms));
    const batchMs = batches.map((b) => b.ms);
    log(
      `${input.storeName}, ${size}: idle median ${median(idle).toFixed(3)} ms; ${group.people} due in ${(passMs / 1000).toFixed(1)} s, longest batch ${longest.toFixed(1)} ms; stream p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );

    const label = size.toLocaleString('en-US');
    const due = group.people.toLocaleString('en-US');
    const atTarget = size === input.targetSize;
    const tag = `[${input.storeName}]`;
    return [
      {
        step: 'scheduler',
        figure: `Seeding ${label} participants through the store's bulk import (${seed.rows.toLocaleString('en-US')} rows) ${tag}`,
        value: round(seed.ms / 1000, 1),
        unit: 's',
        result: `${(seed.ms / 1000).toFixed(1)} s (${Math.round(seed.rows / (seed.ms / 1000)).toLocaleString('en-US')} rows/s)`,
        target: '—',
        met: null,
        detail: { size, rows: seed.rows, ms: seed.ms, slices: seed.slices },
      },
      {
        step: 'scheduler',
        figure: `Scheduler pass, nothing due, ${label} participants (median / p95 of ${idle.length}) ${tag}`,
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
        },
      },
      {
        step: 'scheduler',
        figure: `Scheduler pass, ${due} nudges due at once (${group.zone}), ${label} participants ${tag}`,
        value: round(passMs / 1000, 2),
        unit: 's',
        result: `${(passMs / 1000).toFixed(2)} s; ${ms(passMs / group.people, 3)} per due job; ${(passCpuMs / 1000).toFixed(2)} s of CPU in the bot's process`,
        target: atTarget ? '100,000 in < 10 s' : '—',
        met: atTarget ? group.people >= 100_000 && passMs < 10_000 * (group.people / 100_000) : null,
        detail: { size, zone: group.zone, stats, passMs, passCpuMs, perJobMs: passMs / group.people },
      },
      {
        step: 'scheduler',
        figure: `Longest write transaction of that pass (${batches.length} batches of up to ${Math.max(...batches.map((b) => b.jobs))} jobs; median) ${tag}`,
        value: round(longest, 1),
        unit: 'ms',
        result: `${ms(longest, 1)} (median ${ms(median(batchMs), 1)})`,
        target: atTarget ? '≤ 200 ms' : '—',
        met: atTarget ? longest <= 200 : null,
        detail: {
          batches: batches.length,
          longestMs: longest,
          medianMs: median(batchMs),
          p99Ms: percentile(batchMs, 99),
        },
      },
      {
        step: 'scheduler',
        figure: `Look-ups and clicks on another connection during that pass, one every ${input.streamEveryMs} ms: p50 / p99 / max ${tag}`,
        value: round(percentile(latencies, 99), 1),
        unit: 'ms',
        result: `${ms(median(latencies), 1)} / ${ms(percentile(latencies, 99), 1)} / ${ms(Math.max(...latencies), 1)} (${latencies.length} operations)`,
        target: '—',
        met: null,
        detail: {
          operations: latencies.length,
          p50Ms: median(latencies),
          p99Ms: percentile(latencies, 99),
          maxMs: Math.max(...latencies),
        },
      },
    ];
  } finally {
    await other.close();
    await store.close();
  }
}

childMain<Input, Figure[]>(async (input) => {
  const figures: Figure[] = [];
  for (const size of input.sizes) figures.push(...(await measureSize(size, input)));
  return figures;
});
