/**
 * HTTP ack latency of the real bot (Bolt HTTP receiver, store, service) under a steady mix of nudge
 * "Did it" clicks, `/coach status` commands and experiment forms submitted, sent by a load generator in another
 * process. Afterwards every click must be recorded exactly once, and every form saved exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ManualClock } from '../../src/core/clock.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { startSlackSimulator } from '../../test/simulators/slack-api.js';
import { SIGNING_SECRET, startBot } from '../lib/bot.js';
import {
  childMain,
  type Figure,
  log,
  median,
  percentile,
  round,
  runChild,
  type StepOptions,
  sleep,
} from '../lib/common.js';
import { EDITED_HYPOTHESIS, plannedRequest } from '../lib/load-plan.js';
import type { LoadInput, LoadResult } from '../lib/loadgen.js';
import { SEND_AT } from '../lib/outbox.js';
import { ensureProgram, seedPopulation, verifySeed } from '../lib/seed.js';

interface Input extends StepOptions {
  ratePerSecond: number;
  seconds: number;
  warmupSeconds: number;
  leaders: number;
}

childMain<Input, Figure[]>(async (input) => {
  // In this process: the bot makes no Web API calls on these paths (no message to update, nothing to send).
  const sim = await startSlackSimulator();
  const dir = mkdtempSync(join(input.tmpRoot, 'coachloop-bench-interaction-'));
  const databasePath = join(dir, 'coachloop.db');
  const store = openSqliteStore({ path: databasePath });
  try {
    const program = await ensureProgram(store);
    await seedPopulation(store, program, { count: input.leaders, workspaceId: sim.teamId, collect: false });
    await verifySeed(store, input.leaders, sim.teamId);
    const app = await startBot({ dir, databasePath, store, clock: new ManualClock(SEND_AT), slack: sim });
    try {
      log(
        `bot up at ${app.url}; ${input.leaders} leaders; ${input.ratePerSecond} req/s for ${input.seconds} s`,
      );
      const delay = monitorEventLoopDelay({ resolution: 5 });
      const elu0 = performance.eventLoopUtilization();
      delay.enable();
      const loadInput: LoadInput = {
        url: `${app.url}/slack/events`,
        signingSecret: SIGNING_SECRET,
        teamId: sim.teamId,
        responseUrlBase: sim.responseUrlBase,
        ratePerSecond: input.ratePerSecond,
        seconds: input.seconds,
        warmupSeconds: input.warmupSeconds,
        leaders: input.leaders,
      };
      const load = await runChild<LoadResult>(
        'lib/loadgen.ts',
        loadInput,
        ((input.seconds + input.warmupSeconds) * 2 + 60) * 1000,
      );
      delay.disable();
      const elu = performance.eventLoopUtilization(elu0);

      // Bolt answers a click before its work is done: wait (bounded) until the recorded count stops moving.
      const count = store.db.prepare(`SELECT COUNT(*) AS n FROM nudge_responses WHERE answer = 'did'`);
      const settleStart = performance.now();
      let recorded = -1;
      for (let stable = 0; stable < 10 && performance.now() - settleStart < 30_000; ) {
        const n = Number((count.get() as { n: number }).n);
        stable = n === recorded ? stable + 1 : 0;
        recorded = n;
        if (n >= load.clicks && stable >= 1) break;
        await sleep(100);
      }
      const rows = store.db
        .prepare('SELECT experiment_id AS e, occurrence AS o, answer AS a FROM nudge_responses')
        .all() as { e: string; o: string; a: string }[];
      const got = new Set(rows.map((r) => `${r.e}|${r.o}`));
      const expected = new Set<string>();
      for (let i = 0; i < load.sent; i += 1) {
        const request = plannedRequest(i, input.leaders);
        if (request.kind === 'click') expected.add(`${request.experimentId}|${request.occurrence}`);
      }
      // Each form came from a leader of its own, on version 1 of their experiment: saved once, it is version 2.
      const formed: string[] = [];
      for (let i = 0; i < load.sent; i += 1) {
        const request = plannedRequest(i, input.leaders);
        if (request.kind === 'form') formed.push(request.experimentId);
      }
      let formsSaved = 0;
      for (const id of formed) {
        const experiment = await store.experiments.get(id);
        if (experiment?.version === 2 && experiment.hypothesis === EDITED_HYPOTHESIS) formsSaved += 1;
      }
      const formsOnce = formsSaved === formed.length;
      const missing = [...expected].filter((key) => !got.has(key)).length;
      const unexpected = rows.filter((r) => !expected.has(`${r.e}|${r.o}`) || r.a !== 'did').length;
      const exactlyOnce = missing === 0 && unexpected === 0 && rows.length === expected.size;

      const all = [...load.clickMs, ...load.statusMs, ...load.formMs];
      const p = (values: number[], q: number) => percentile(values, q);
      const achieved = (load.sent - 1) / (load.sendingMs / 1000);
      log(
        `sent ${load.sent} (${load.clicks} clicks, ${load.statuses} status, ${load.forms} forms, ${load.warmupRequests} of them warm-up) at ${achieved.toFixed(0)}/s; p50 ${median(all).toFixed(1)} ms, ` +
          `p99 ${p(all, 99).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms; errors ${load.errors}; recorded ${rows.length}/${expected.size}; forms saved ${formsSaved}/${formed.length}`,
      );
      const detail = {
        sent: load.sent,
        clicks: load.clicks,
        statuses: load.statuses,
        forms: load.forms,
        achievedPerSecond: achieved,
        generatorMaxLagMs: load.maxLagMs,
        warmupRequests: load.warmupRequests,
        allMs: { p50: median(all), p90: p(all, 90), p99: p(all, 99), max: Math.max(...all) },
        withWarmupMs: {
          p50: median(load.allWithWarmupMs),
          p99: p(load.allWithWarmupMs, 99),
          max: Math.max(...load.allWithWarmupMs),
        },
        clickMs: { p50: median(load.clickMs), p99: p(load.clickMs, 99), max: Math.max(...load.clickMs) },
        statusMs: { p50: median(load.statusMs), p99: p(load.statusMs, 99), max: Math.max(...load.statusMs) },
        formMs: { p50: median(load.formMs), p99: p(load.formMs, 99), max: Math.max(...load.formMs) },
        formsSaved,
        errorSamples: load.errorSamples,
        botEventLoop: {
          utilization: elu.utilization,
          delayP99Ms: delay.percentile(99) / 1e6,
          delayMaxMs: delay.max / 1e6,
        },
        recorded: rows.length,
        expected: expected.size,
        missing,
        unexpected,
      };
      const label =
        `${input.ratePerSecond} req/s for ${input.seconds} s after ${input.warmupSeconds} s warm-up ` +
        `(${load.clickMs.length.toLocaleString('en-US')} clicks + ${load.statusMs.length.toLocaleString('en-US')} /coach status + ` +
        `${load.formMs.length.toLocaleString('en-US')} experiment forms)`;
      return [
        {
          step: 'interaction',
          figure: `Interaction ack latency p50 / p99 / max, ${label}`,
          value: round(p(all, 99), 1),
          unit: 'ms',
          result: `${median(all).toFixed(1)} / ${p(all, 99).toFixed(1)} / ${Math.max(...all).toFixed(1)} ms`,
          target: 'p99 ≤ 50 ms',
          met: p(all, 99) <= 50,
          note:
            `clicks p99 ${p(load.clickMs, 99).toFixed(1)} ms, status p99 ${p(load.statusMs, 99).toFixed(1)} ms, ` +
            `forms p99 ${p(load.formMs, 99).toFixed(1)} ms; ` +
            `with warm-up p99 ${p(load.allWithWarmupMs, 99).toFixed(1)} ms, max ${Math.max(...load.allWithWarmupMs).toFixed(1)} ms`,
          detail,
        },
        {
          step: 'interaction',
          figure: 'Interaction errors (non-200 or no answer)',
          value: load.errors,
          unit: 'count',
          result: String(load.errors),
          target: '0',
          met: load.errors === 0,
        },
        {
          step: 'interaction',
          figure: 'Experiment forms saved exactly once',
          value: formsSaved,
          unit: 'forms',
          result: `${formsSaved.toLocaleString('en-US')} of ${formed.length.toLocaleString('en-US')}`,
          target: 'all, once',
          met: formsOnce,
        },
        {
          step: 'interaction',
          figure: 'Clicks recorded exactly once',
          value: rows.length,
          unit: 'rows',
          result: `${rows.length.toLocaleString('en-US')} of ${expected.size.toLocaleString('en-US')} (missing ${missing}, unexpected ${unexpected})`,
          target: 'all, once',
          met: exactlyOnce,
        },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
