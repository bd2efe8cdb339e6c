/**
 * Resident memory of the whole bot (startCoachloop: Bolt, HTTP server, store) on a database with a large
 * population, across a few scheduler passes. Runs in a fresh process so earlier steps do not count.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import { startBot } from '../lib/bot.js';
import { childMain, log, type StepOptions } from '../lib/common.js';

interface Input extends StepOptions {
  path: string;
}

export interface MemoryOutput {
  participants: number;
  rssAtStartBytes: number;
  rssBotUpBytes: number;
  rssAfterPassesBytes: number;
  peakRssBytes: number;
  /** V8's heap when RSS peaked: used (live and not yet collected) and reserved. */
  heapAtPeak: { usedBytes: number; totalBytes: number };
  heapUsedBytes: number;
  passes: { due: number; ms: number; rssBytes: number }[];
}

childMain<Input, MemoryOutput>(async (input) => {
  const rssAtStart = process.memoryUsage().rss;
  let peak = rssAtStart;
  let atPeak = process.memoryUsage();
  const sample = () => {
    const usage = process.memoryUsage();
    if (usage.rss > peak) {
      peak = usage.rss;
      atPeak = usage;
    }
    return usage.rss;
  };
  const sampler = setInterval(sample, 20);
  const dir = join(dirname(input.path), 'memory-bot');
  mkdirSync(dir, { recursive: true });
  const clock = new ManualClock(0);
  // No Slack calls are made here: the passes only queue messages; nothing is dispatched.
  const app = await startBot({
    dir,
    databasePath: input.path,
    clock,
    slack: { token: 'xoxb-bench', apiUrl: 'http://127.0.0.1:9/api/', botId: 'BBOT', botUserId: 'UBOT' },
  });
  try {
    const store = app.store as import('../../src/store/sqlite/index.js').SqliteStore;
    const participants = Number(
      (store.db.prepare('SELECT COUNT(*) AS n FROM participants').get() as { n: number }).n,
    );
    const rssBotUp = sample();
    const dueTimes = (
      store.db
        .prepare(
          `SELECT MIN(j.due_at) AS due FROM jobs j JOIN participants p ON p.id = j.participant_id
           WHERE j.state = 'scheduled' AND j.kind = 'nudge' GROUP BY p.timezone ORDER BY due`,
        )
        .all() as { due: number }[]
    ).map((r) => r.due);
    const passes: MemoryOutput['passes'] = [];
    const pass = async (at: number) => {
      clock.set(at);
      const t0 = performance.now();
      const stats = await runSchedulerPass(store, clock);
      passes.push({ due: stats.examined, ms: performance.now() - t0, rssBytes: sample() });
      log(
        `memory: pass of ${stats.examined} due in ${((performance.now() - t0) / 1000).toFixed(1)} s, RSS ${(passes.at(-1)!.rssBytes / 1e6).toFixed(0)} MB, peak so far ${(peak / 1e6).toFixed(0)} MB (heap ${(atPeak.heapUsed / 1e6).toFixed(0)}/${(atPeak.heapTotal / 1e6).toFixed(0)} MB)`,
      );
    };
    // Idle passes, then one per 1% time-zone slice (each queues ~1% of the people's nudges), then idle again.
    for (let i = 0; i < 3; i += 1) await pass(dueTimes[0]! - 1000);
    for (const due of dueTimes.slice(0, -1)) await pass(due + 30_000);
    for (let i = 0; i < 3; i += 1) await pass(dueTimes.at(-2)! + 60_000);
    const rssAfter = sample();
    log(
      `memory: ${participants} participants, RSS ${(rssAfter / 1e6).toFixed(0)} MB after ${passes.length} passes, peak ${(peak / 1e6).toFixed(0)} MB (V8 heap ${(atPeak.heapUsed / 1e6).toFixed(0)} MB used of ${(atPeak.heapTotal / 1e6).toFixed(0)} MB, external ${(atPeak.external / 1e6).toFixed(0)} MB)`,
    );
    return {
      participants,
      rssAtStartBytes: rssAtStart,
      rssBotUpBytes: rssBotUp,
      rssAfterPassesBytes: rssAfter,
      peakRssBytes: peak,
      heapAtPeak: { usedBytes: atPeak.heapUsed, totalBytes: atPeak.heapTotal },
      heapUsedBytes: process.memoryUsage().heapUsed,
      passes,
    };
  } finally {
    clearInterval(sampler);
    // close() drains the outbox; the queued nudges have nowhere to go here (bench-only: cancel them first).
    (app.store as import('../../src/store/sqlite/index.js').SqliteStore).db
      .prepare(`UPDATE outbox SET status = 'cancelled' WHERE status = 'pending'`)
      .run();
    await app.close();
  }
});
