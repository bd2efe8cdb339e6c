/**
 * Outbox dispatch through the real SlackSender and Dispatcher to the Slack simulator, which runs in its
 * own process so that the CPU figures of this process are the bot's alone.
 *  throughput: no platform limit, sender paced far above what can be reached.
 *  limits:     the simulator enforces 1/s per channel and a workspace cap per minute; the sender is set
 *              to that cap. Total time is compared with the floor the cap allows a pace that can change hands
 *              between replicas (see bucketFloorMs).
 */

import { renderMessage } from '../../src/channels/slack/render.js';
import { createSlackClient, OUTBOX_METADATA_EVENT, SlackSender } from '../../src/channels/slack/sender.js';
import { ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/logger.js';
import { Dispatcher, type DispatchStats, emptyDispatchStats } from '../../src/scheduler/dispatcher.js';
import type { BareInput, BareOutput } from '../lib/bare-client-child.js';
import {
  childMain,
  cpuMs,
  type Figure,
  log,
  round,
  runChild,
  type StepOptions,
  sleep,
} from '../lib/common.js';
import { queueNudges, RunningClock, SEND_AT } from '../lib/outbox.js';
import { type BenchDb, ensureProgram, seedPopulation, tempDb } from '../lib/seed.js';
import { startSimProcess } from '../lib/sim-client.js';
import { floorMs } from '../lib/teams-limits.js';

interface Input extends StepOptions {
  mode: 'throughput' | 'limits';
  messages: number;
  /** limits mode: the simulator's workspace cap. */
  workspacePerMinute?: number;
  /** The SlackSender's messagesPerMinute. */
  senderPerMinute: number;
  /** Label for the figure (limits variants). */
  label?: string;
  /** Give up after this long. */
  maxSeconds?: number;
  /** Simulator keep-alive timeout (unset: the simulator's own 1 s, which makes every call a new connection). */
  keepAliveMs?: number;
  /** Messages (to other people) sent before the measured ones, so JIT warm-up is not counted. */
  warmup?: number;
  /**
   * throughput mode: then the same messages from a bare WebClient loop in a process of its own (same simulator,
   * same concurrency), and the ratio of the two CPU figures per message.
   */
  bare?: boolean;
}

/** The dispatcher's default number of sends in flight, which the bare loop matches. */
const DISPATCH_CONCURRENCY = 8;
/** Target for the dispatcher's CPU per message over the bare client's. */
const BARE_RATIO_TARGET = 1.3;

/**
 * The earliest that `n` messages can all have been sent under a cap of `cap` per minute by a token bucket with a
 * burst of at most `maxBurst`. A bucket is the shape of pace that a replica taking a workspace over can continue
 * without knowing what the previous holder sent (from an empty bucket); any burst B with a refill of (cap − B) per
 * minute keeps every minute within the cap, and the floor takes the best B. How large a burst Slack tolerates is a
 * choice of the sender's ("short bursts"), so the floor allows no larger one. A sliding-window pace could send the
 * whole minute at once (the minute floor), but a new holder would then have to wait a minute before its first send.
 */
function bucketFloorMs(n: number, cap: number, maxBurst: number): { ms: number; burst: number } {
  let best = { ms: Number.POSITIVE_INFINITY, burst: 1 };
  for (let burst = 1; burst <= Math.min(n, cap - 1, maxBurst); burst += 1) {
    const ms = n <= burst ? 0 : ((n - burst) / (cap - burst)) * 60_000;
    if (ms < best.ms) best = { ms, burst };
  }
  return best;
}

function addStats(total: DispatchStats, more: DispatchStats): void {
  for (const key of Object.keys(total) as (keyof DispatchStats)[]) total[key] += more[key];
}

/**
 * The same messages through a bare WebClient loop in a child process of its own, against the same simulator:
 * the first measured person's message as the dispatcher rendered and sent it, to every measured person's DM.
 */
async function bareSlack(
  input: Input,
  sim: { apiUrl: string; token: string },
  store: BenchDb['store'],
  participantId: string,
): Promise<BareOutput> {
  const [row] = await store.outbox.list({ participantId });
  if (!row) throw new Error('no outbox row for the first person');
  const { text, blocks } = renderMessage(row.message);
  const bareInput: BareInput = {
    platform: 'slack',
    url: sim.apiUrl,
    token: sim.token,
    slackArgs: {
      text,
      blocks,
      unfurl_links: false,
      metadata: { event_type: OUTBOX_METADATA_EVENT, event_payload: { key: row.key } },
    },
    // The DM of the n-th seeded person (seedPopulation's address).
    targetPrefix: 'DU',
    messages: input.messages,
    warmup: input.warmup ?? 0,
    concurrency: DISPATCH_CONCURRENCY,
  };
  const bare = await runChild<BareOutput>('lib/bare-client-child.ts', bareInput, 150_000);
  log(
    `bare client: ${bare.messages} sent in ${(bare.wallMs / 1000).toFixed(1)} s, CPU ${bare.cpuMs.toFixed(0)} ms ` +
      `(${(bare.cpuMs / bare.messages).toFixed(3)} ms per message)`,
  );
  return bare;
}

function bareFigure(cpuPerMessage: number, bare: BareOutput, input: Input): Figure {
  const barePerMessage = bare.cpuMs / bare.messages;
  const ratio = cpuPerMessage / barePerMessage;
  return {
    step: 'dispatch',
    figure: `Dispatch CPU per message ÷ a bare @slack/web-api chat.postMessage loop's (same simulator, ${DISPATCH_CONCURRENCY} in flight, each in its own process)`,
    value: round(ratio, 2),
    unit: '×',
    result: `${ratio.toFixed(2)} × (${cpuPerMessage.toFixed(3)} ms vs ${barePerMessage.toFixed(3)} ms)`,
    target: `≤ ${BARE_RATIO_TARGET}`,
    met: ratio <= BARE_RATIO_TARGET,
    note: `bare client: ${bare.client}, ${input.messages} messages after ${input.warmup ?? 0} warm-up sends, ${(bare.wallMs / 1000).toFixed(1)} s`,
    detail: { bare, dispatchCpuPerMessageMs: cpuPerMessage, bareCpuPerMessageMs: barePerMessage },
  };
}

childMain<Input, Figure[]>(async (input) => {
  const limited = input.mode === 'limits';
  const warmup = input.warmup ?? 0;
  const sim = await startSimProcess({
    users: input.messages + warmup,
    ...(input.keepAliveMs !== undefined ? { keepAliveMs: input.keepAliveMs } : {}),
    ...(limited
      ? { rateLimits: { perChannelPerSecond: 1, workspacePerMinute: input.workspacePerMinute ?? 300 } }
      : {}),
  });
  const db = tempDb(`dispatch-${input.mode}`, input.tmpRoot);
  try {
    const program = await ensureProgram(db.store);
    const people = await seedPopulation(db.store, program, {
      count: input.messages + warmup,
      withAddress: true,
      workspaceId: sim.teamId,
    });
    const sender = new SlackSender(createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }), {
      messagesPerMinute: input.senderPerMinute,
    });
    const clock = limited ? new RunningClock(SEND_AT) : new ManualClock(SEND_AT);
    const dispatcher = new Dispatcher({ store: db.store, clock, senders: [sender], logger: silentLogger });
    if (warmup > 0) {
      await queueNudges(db.store, program, people.slice(input.messages));
      const done = await dispatcher.drain();
      if (done.sent !== warmup) throw new Error(`warm-up sent ${done.sent} of ${warmup}`);
    }
    await queueNudges(db.store, program, people.slice(0, input.messages));
    log(
      `${input.mode}: ${input.messages} nudges queued${warmup ? ` (after ${warmup} warm-up sends)` : ''}; sender ${input.senderPerMinute}/min (burst ${sender.limits.burst})`,
    );

    await sim.cpuStart();
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const stats = emptyDispatchStats();
    const deadline = t0 + (input.maxSeconds ?? 600) * 1000;
    let drains = 0;
    // A drain sends everything that is ready; rows put back after a 429 wait for their retry time, as they
    // would for the next tick. Bounded by count and by time.
    for (; drains < 10_000 && performance.now() < deadline; drains += 1) {
      addStats(stats, await dispatcher.drain());
      const counts = await db.store.outbox.counts();
      if (counts.pending === 0 && counts.sending === 0) break;
      const next = await db.store.outbox.nextAttemptAt();
      await sleep(Math.min(1000, Math.max(5, (next ?? clock.now()) - clock.now())));
    }
    const wallMs = performance.now() - t0;
    const cpuDelta = process.cpuUsage(cpuBefore);
    const botCpu = cpuMs(cpuBefore);
    const simStats = await sim.stats();
    const counts = await db.store.outbox.counts();
    log(
      `${input.mode}: ${counts.sent} sent in ${(wallMs / 1000).toFixed(1)} s over ${simStats.connections} connections, ` +
        `${simStats.stats.rateLimited} × 429, bot CPU ${botCpu.toFixed(0)} ms, simulator CPU ${simStats.cpuMs.toFixed(0)} ms`,
    );
    if (counts.sent !== input.messages + warmup || simStats.stats.accepted !== input.messages + warmup) {
      throw new Error(
        `expected ${input.messages} sent, outbox ${JSON.stringify(counts)}, simulator accepted ${simStats.stats.accepted}`,
      );
    }
    const detail = {
      messages: input.messages,
      warmupMessages: warmup,
      wallMs,
      botCpuMs: botCpu,
      botUserCpuMs: cpuDelta.user / 1000,
      botSystemCpuMs: cpuDelta.system / 1000,
      keepAliveMs: input.keepAliveMs ?? 1000,
      simCpuMs: simStats.cpuMs,
      drains,
      dispatch: stats,
      outbox: counts,
      simulator: simStats,
      senderLimits: sender.limits,
    };
    const n = input.messages.toLocaleString('en-US');

    if (!limited) {
      const perSecond = input.messages / (wallMs / 1000);
      const cpuPerMessage = botCpu / input.messages;
      const bare = input.bare ? await bareSlack(input, sim, db.store, people[0]!.participantId) : null;
      return [
        {
          step: 'dispatch',
          figure: `Dispatch throughput, ${n} nudges to distinct users, no platform limit${warmup ? ` (after ${warmup} warm-up sends)` : ''}`,
          value: round(perSecond, 0),
          unit: 'msg/s',
          result: `${Math.round(perSecond).toLocaleString('en-US')} msg/s (${(wallMs / 1000).toFixed(1)} s)`,
          target: '—',
          met: null,
          detail,
        },
        {
          step: 'dispatch',
          figure: 'Dispatch CPU per message (bot process; simulator in a separate process)',
          value: round(cpuPerMessage, 3),
          unit: 'ms',
          result: `${cpuPerMessage.toFixed(3)} ms (simulator: ${(simStats.cpuMs / input.messages).toFixed(3)} ms)`,
          target: '≤ 1 ms',
          met: cpuPerMessage <= 1,
        },
        ...(bare ? [bareFigure(cpuPerMessage, bare, input)] : []),
      ];
    }

    const cap = input.workspacePerMinute ?? 300;
    // Every nudge goes to its own DM channel, so the 1/s per channel never binds: the workspace minute does.
    const floor = bucketFloorMs(input.messages, cap, sender.limits.burst);
    const minuteFloorMs = floorMs(input.messages, { windows: [{ count: cap, ms: 60_000 }] });
    const over = wallMs / floor.ms - 1;
    const label = input.label ?? `sender ${input.senderPerMinute}/min`;
    return [
      {
        step: 'limits',
        figure: `Slack limits: ${n} nudges, cap ${input.workspacePerMinute}/min + 1/s per channel, ${label} — time vs floor`,
        value: round(wallMs / 1000, 1),
        unit: 's',
        result: `${(wallMs / 1000).toFixed(1)} s vs floor ${(floor.ms / 1000).toFixed(1)} s (${over >= 0 ? '+' : ''}${(over * 100).toFixed(1)}%)`,
        // A sender set below the cap runs for comparison only: the floor is the cap's.
        target: input.senderPerMinute >= cap ? 'within 2% of floor' : '— (sender below the cap)',
        met: input.senderPerMinute >= cap ? over <= 0.02 : null,
        note:
          `floor = earliest finish of a token-bucket pace within ${cap}/min, burst at most the sender's (best: burst ${floor.burst}, refill ${cap - floor.burst}/min); ` +
          `the minute window alone, filled at once, allows ${(minuteFloorMs / 1000).toFixed(1)} s; ` +
          `the sender: burst ${sender.limits.burst}, refill ${round(sender.limits.perWorkspacePerSecond * 60, 1)}/min`,
        detail: { ...detail, floorMs: floor.ms, floorBurst: floor.burst, minuteFloorMs, overFloor: over },
      },
      {
        step: 'limits',
        figure: `Slack limits, ${label}: 429 responses`,
        value: simStats.stats.rateLimited,
        unit: 'count',
        result: `${simStats.stats.rateLimited} (retried ${stats.retried}, failed ${stats.failed})`,
        target: '0',
        met: simStats.stats.rateLimited === 0,
      },
    ];
  } finally {
    await sim.close();
    await db.cleanup();
  }
});
