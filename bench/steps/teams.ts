/**
 * Teams delivery against Teams' documented rate limits, through the real bot (TeamsSender, Dispatcher and
 * the wiring of startCoachloop in Teams local development mode) to the connector simulator, behind a proxy
 * in another process that answers 429 with Retry-After beyond the limits (see lib/teams-sim-child.ts).
 *  people:       one nudge each to many people (one conversation each): paced by the sender's tenant-wide
 *                pace; Teams allows about 50 requests per second per app per tenant.
 *  conversation: a burst of notices to one person: paced by the sender's per-conversation pacer; Teams
 *                allows 7 per 1 s, 8 per 2 s, 60 per 30 s and 1,800 per hour to one conversation.
 *  cpu:          one nudge each to many people straight to the simulator (no proxy, no platform limit), the
 *                dispatcher's tenant pace set far above what can be reached, then the same messages from a bare
 *                ConnectorClient loop in a process of its own: the CPU per message of each, and their ratio.
 * Total time is compared with a floor, the earliest schedule that the limits allow, computed from the windows in
 * lib/teams-limits.ts: for many people, the sender's configured tenant pace and Teams' tenant cap; for one
 * conversation, Teams' documented limits alone (the tenant pace does not bind there).
 */
import type { ChannelSender } from '../../src/app/ports.js';
import type { TeamsChannel } from '../../src/channels/teams/index.js';
import { messageActivity } from '../../src/channels/teams/sender.js';
import { silentLogger } from '../../src/logger.js';
import type { Coachloop } from '../../src/main.js';
import { Dispatcher, type DispatchStats, emptyDispatchStats } from '../../src/scheduler/dispatcher.js';
import { TEST_BOT_APP_ID } from '../../test/simulators/botframework.js';
import type { BareInput, BareOutput } from '../lib/bare-client-child.js';
import { startTeamsBot } from '../lib/bot.js';
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
import {
  describeWindows,
  floorMs,
  maxInWindow,
  TEAMS_CONVERSATION_WINDOWS,
  TEAMS_TENANT_WINDOW,
} from '../lib/teams-limits.js';

import { BENCH_TENANT, installProbe, rememberInstalls, teamsPerson } from '../lib/teams-people.js';
import { startTeamsSimProcess, type TeamsSimProcess } from '../lib/teams-sim-client.js';

interface Input extends StepOptions {
  mode: 'people' | 'conversation' | 'cpu';
  messages: number;
  /** TEAMS_MESSAGES_PER_SECOND. */
  messagesPerSecond: number;
  /** How the sender's pace reads in the figures. */
  label: string;
  maxSeconds: number;
  /** cpu mode: messages (to other people) sent before the measured ones, so JIT warm-up is not counted. */
  warmup?: number;
}

/** The dispatcher's default number of sends in flight, which the bare loop matches. */
const DISPATCH_CONCURRENCY = 8;
/** Target for the dispatcher's CPU per message over the bare client's. */
const BARE_RATIO_TARGET = 1.3;

function addStats(total: DispatchStats, more: DispatchStats): void {
  for (const key of Object.keys(total) as (keyof DispatchStats)[]) total[key] += more[key];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function percent(over: number): string {
  return `${over >= 0 ? '+' : ''}${(over * 100).toFixed(1)}%`;
}

/** Drains until the outbox has nothing pending or sending (no platform limit: nothing waits). */
async function drainAll(dispatcher: Dispatcher, db: BenchDb, deadline: number): Promise<DispatchStats> {
  const stats = emptyDispatchStats();
  for (let drains = 0; drains < 10_000 && performance.now() < deadline; drains += 1) {
    addStats(stats, await dispatcher.drain());
    const counts = await db.store.outbox.counts();
    if (counts.pending === 0 && counts.sending === 0) return stats;
    await sleep(5);
  }
  throw new Error(`the outbox was not drained: ${JSON.stringify(await db.store.outbox.counts())}`);
}

/**
 * Dispatcher CPU per Teams message, beside a bare ConnectorClient loop's: the bot's own TeamsSender (its adapter,
 * connector transport and per-conversation pacer) under a Dispatcher with default concurrency whose tenant pace is
 * set far above what can be reached, as the Slack throughput run does.
 */
async function cpuMode(input: Input, sim: TeamsSimProcess, db: BenchDb): Promise<Figure[]> {
  const url = sim.simulatorUrl;
  const warmup = input.warmup ?? 0;
  const program = await ensureProgram(db.store);
  const people = await seedPopulation(db.store, program, {
    count: input.messages + warmup,
    platform: 'teams',
    workspaceId: BENCH_TENANT,
    userIdOf: (index) => teamsPerson(index).aadObjectId,
  });
  const clock = new RunningClock(SEND_AT);
  const app = await startTeamsBot({
    dir: db.dir,
    databasePath: db.path,
    clock,
    messagesPerSecond: input.messagesPerSecond,
    store: db.store,
  });
  try {
    const teams = app.channels.get('teams') as TeamsChannel | undefined;
    if (!teams) throw new Error('the bot started without Teams');
    await installProbe(app, url);
    await rememberInstalls(app, people, url);
    const real = teams.sender;
    const unpaced: ChannelSender = {
      platform: 'teams',
      limits: { perWorkspacePerSecond: 1_000_000 / 60, burst: 20 },
      send: (delivery) => real.send(delivery),
    };
    const dispatcher = new Dispatcher({ store: db.store, clock, senders: [unpaced], logger: silentLogger });
    const deadline = performance.now() + input.maxSeconds * 1000;
    if (warmup > 0) {
      await queueNudges(db.store, program, people.slice(input.messages));
      const done = await drainAll(dispatcher, db, deadline);
      if (done.sent !== warmup) throw new Error(`warm-up sent ${done.sent} of ${warmup}`);
    }
    await queueNudges(db.store, program, people.slice(0, input.messages));
    log(
      `teams cpu: ${input.messages} nudges to ${input.messages} people queued (after ${warmup} warm-up sends)`,
    );
    await sim.reset();
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const stats = await drainAll(dispatcher, db, deadline);
    const wallMs = performance.now() - t0;
    const botCpuMs = cpuMs(cpuBefore);
    const simStats = await sim.stats();
    const undelivered = people
      .slice(0, input.messages)
      .filter((_, i) => simStats.delivered[teamsPerson(i).conversationId] !== 1);
    if (stats.sent !== input.messages || undelivered.length > 0)
      throw new Error(
        `sent ${stats.sent} of ${input.messages}; ${undelivered.length} people not reached once`,
      );
    log(
      `teams cpu: ${stats.sent} sent in ${seconds(wallMs)}; bot CPU ${botCpuMs.toFixed(0)} ms, simulator CPU ${simStats.cpuMs.toFixed(0)} ms`,
    );

    // The bare loop: the first measured person's message as the bot renders it, to every measured person.
    const [row] = await db.store.outbox.list({ participantId: people[0]!.participantId });
    if (!row) throw new Error('no outbox row for the first person');
    const bareInput: BareInput = {
      platform: 'teams',
      url,
      activity: {
        ...messageActivity(row.message),
        channelId: 'msteams',
        serviceUrl: url,
        from: { id: `28:${TEST_BOT_APP_ID}` },
      },
      // teamsPerson(i).conversationId
      targetPrefix: 'a:1bench-personal-',
      messages: input.messages,
      warmup,
      concurrency: DISPATCH_CONCURRENCY,
    };
    const bare = await runChild<BareOutput>('lib/bare-client-child.ts', bareInput, 150_000);
    const bareStats = await sim.stats();
    const total = Object.values(bareStats.delivered).reduce((a, b) => a + b, 0);
    if (total !== 2 * input.messages + warmup)
      throw new Error(`the simulator recorded ${total} activities, expected ${2 * input.messages + warmup}`);
    const perMessage = botCpuMs / input.messages;
    const barePerMessage = bare.cpuMs / bare.messages;
    const ratio = perMessage / barePerMessage;
    log(
      `bare client: ${bare.messages} sent in ${seconds(bare.wallMs)}, CPU ${bare.cpuMs.toFixed(0)} ms (${barePerMessage.toFixed(3)} ms per message)`,
    );
    const n = input.messages.toLocaleString('en-US');
    return [
      {
        step: 'teams',
        figure: `Teams dispatch CPU per message, ${n} nudges to ${n} people, no platform limit (bot process; simulator in its own)`,
        value: round(perMessage, 3),
        unit: 'ms',
        result: `${perMessage.toFixed(3)} ms (${Math.round(input.messages / (wallMs / 1000)).toLocaleString('en-US')} msg/s; simulator: ${(simStats.cpuMs / input.messages).toFixed(3)} ms)`,
        target: '—',
        met: null,
        detail: {
          messages: input.messages,
          warmup,
          wallMs,
          botCpuMs,
          simulatorCpuMs: simStats.cpuMs,
          dispatch: stats,
        },
      },
      {
        step: 'teams',
        figure: `Teams dispatch CPU per message ÷ a bare ConnectorClient sendToConversation loop's (same simulator, ${DISPATCH_CONCURRENCY} in flight, each in its own process)`,
        value: round(ratio, 2),
        unit: '×',
        result: `${ratio.toFixed(2)} × (${perMessage.toFixed(3)} ms vs ${barePerMessage.toFixed(3)} ms)`,
        target: `≤ ${BARE_RATIO_TARGET}`,
        met: ratio <= BARE_RATIO_TARGET,
        note: `bare client: ${bare.client}, ${input.messages} messages after ${warmup} warm-up sends, ${seconds(bare.wallMs)}`,
        detail: { bare, dispatchCpuPerMessageMs: perMessage, bareCpuPerMessageMs: barePerMessage },
      },
    ];
  } finally {
    await app.close();
  }
}

childMain<Input, Figure[]>(async (input) => {
  const sim = await startTeamsSimProcess();
  if (input.mode === 'cpu') {
    const db = tempDb('teams-cpu', input.tmpRoot);
    try {
      return await cpuMode(input, sim, db);
    } finally {
      await sim.close();
      await db.cleanup();
    }
  }
  const db = tempDb(`teams-${input.mode}`, input.tmpRoot);
  let app: Coachloop | null = null;
  try {
    const program = await ensureProgram(db.store);
    const people = await seedPopulation(db.store, program, {
      count: input.mode === 'people' ? input.messages : 1,
      platform: 'teams',
      workspaceId: BENCH_TENANT,
      userIdOf: (index) => teamsPerson(index).aadObjectId,
    });
    const clock = new RunningClock(SEND_AT);
    app = await startTeamsBot({
      dir: db.dir,
      databasePath: db.path,
      clock,
      messagesPerSecond: input.messagesPerSecond,
      store: db.store,
    });
    const bot = app;
    const teams = bot.channels.get('teams') as TeamsChannel | undefined;
    if (!teams) throw new Error('the bot started without Teams');
    const sender = teams.sender;
    await installProbe(bot, sim.serviceUrl);
    await rememberInstalls(bot, people, sim.serviceUrl);
    const kind = input.mode === 'people' ? 'nudge' : 'notice';
    if (input.mode === 'people') await queueNudges(db.store, program, people);
    const first = (await db.store.participants.get(people[0]!.participantId))!;
    log(
      `teams ${input.mode}: ${input.messages} ${kind}s to ${input.mode === 'people' ? `${input.messages} people` : 'one person'}; ` +
        `sender ${input.messagesPerSecond}/s (burst ${sender.limits.burst})`,
    );

    await sim.reset();
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    if (input.mode === 'conversation') {
      // As the service queues notices caused by others: each one kicks the dispatcher as it is queued.
      for (let i = 0; i < input.messages; i += 1) {
        await bot.service.notify(
          first,
          `bench-burst-${i}`,
          () => `Your mentoring group changed (${i + 1} of ${input.messages}).`,
        );
      }
    }
    const stats = emptyDispatchStats();
    const deadline = t0 + input.maxSeconds * 1000;
    let drains = 0;
    // A drain sends everything that is ready; rows put back after a 429 wait for their retry time, as they
    // would for the next tick. Bounded by count and by time.
    for (; drains < 10_000 && performance.now() < deadline; drains += 1) {
      addStats(stats, await bot.dispatcher.drain());
      const counts = await db.store.outbox.counts();
      if (counts.pending === 0 && counts.sending === 0) break;
      const next = (await db.store.outbox.nextAttemptAt()) ?? clock.now();
      if (next - clock.now() > input.maxSeconds * 1000)
        throw new Error(`a ${kind} waits until ${new Date(next).toISOString()}: outside working hours?`);
      await sleep(Math.min(1000, Math.max(5, next - clock.now())));
    }
    const wallMs = performance.now() - t0;
    const botCpuMs = cpuMs(cpuBefore);
    const simStats = await sim.stats();

    // Bench-only read: how the rows of this kind ended.
    const outcome = Object.fromEntries(
      (
        db.store.db
          .prepare('SELECT status, COUNT(*) AS n FROM outbox WHERE kind = ? GROUP BY status')
          .all(kind) as { status: string; n: number }[]
      ).map((row) => [row.status, row.n]),
    ) as Record<string, number>;
    const requests = simStats.requests;
    const refused = requests.filter((r) => r.status === 429);
    const refusedByTenant = refused.filter((r) => r.refusedBy === 'tenant').length;
    const refusedByConversation = refused.filter((r) => r.refusedBy === 'conversation').length;
    const otherFailures = requests.filter((r) => r.status !== 429 && (r.status < 200 || r.status > 299));
    const tenantBusiest = maxInWindow(
      requests.map((r) => r.at),
      TEAMS_TENANT_WINDOW.ms,
    );
    log(
      `teams ${input.mode}: ${outcome.sent ?? 0} sent in ${seconds(wallMs)}; ${requests.length} requests, ` +
        `${refused.length} × 429 (tenant ${refusedByTenant}, conversation ${refusedByConversation}); ` +
        `bot CPU ${botCpuMs.toFixed(0)} ms, simulator + proxy CPU ${simStats.cpuMs.toFixed(0)} ms`,
    );

    // Everything arrived, once.
    if ((outcome.sent ?? 0) !== input.messages) {
      throw new Error(`expected ${input.messages} ${kind}s sent, outbox ${JSON.stringify(outcome)}`);
    }
    if (otherFailures.length > 0) {
      throw new Error(
        `the connector refused ${otherFailures.length} requests: ${JSON.stringify(otherFailures.slice(0, 3))}`,
      );
    }
    const bucket = { perSecond: sender.limits.perWorkspacePerSecond, burst: sender.limits.burst };
    const detailBase = {
      messages: input.messages,
      messagesPerSecond: input.messagesPerSecond,
      senderLimits: sender.limits,
      wallMs,
      botCpuMs,
      botCpuPerMessageMs: botCpuMs / input.messages,
      simulatorCpuMs: simStats.cpuMs,
      connections: simStats.connections,
      requests: requests.length,
      refused: { total: refused.length, tenant: refusedByTenant, conversation: refusedByConversation },
      retryAfterSeconds: [...new Set(refused.map((r) => r.retryAfterSeconds))],
      tenantBusiestSecond: tenantBusiest,
      drains,
      dispatch: stats,
      outbox: outcome,
    };

    if (input.mode === 'people') {
      const undelivered = people.filter((_, i) => simStats.delivered[teamsPerson(i).conversationId] !== 1);
      if (undelivered.length > 0)
        throw new Error(`${undelivered.length} people did not get exactly one message`);
      const floor = floorMs(input.messages, { windows: [TEAMS_TENANT_WINDOW], bucket });
      const over = wallMs / floor - 1;
      const n = input.messages.toLocaleString('en-US');
      return [
        {
          step: 'teams',
          figure: `Teams limits: ${n} nudges to ${n} people (a conversation each), ${input.label} — time vs floor`,
          value: round(wallMs / 1000, 1),
          unit: 's',
          result: `${seconds(wallMs)} vs floor ${seconds(floor)} (${percent(over)})`,
          target: 'within 5% of floor',
          met: over <= 0.05,
          note:
            `floor = earliest schedule under the sender's pace (${bucket.perSecond}/s, burst ${bucket.burst}) and ` +
            `the tenant cap (${TEAMS_TENANT_WINDOW.count} in any 1 s); busiest second seen: ${tenantBusiest} requests`,
          detail: { ...detailBase, floorMs: floor, overFloor: over },
        },
        {
          step: 'teams',
          figure: `Teams limits, many people, ${input.label}: 429 responses`,
          value: refused.length,
          unit: 'count',
          result: `${refused.length} (tenant cap ${refusedByTenant}, per conversation ${refusedByConversation}; busiest second ${tenantBusiest} requests)`,
          target: '0',
          met: refused.length === 0,
        },
      ];
    }

    // One conversation.
    const conversationId = teamsPerson(0).conversationId;
    const texts = simStats.textsByConversation[conversationId] ?? [];
    if (texts.length !== input.messages || new Set(texts).size !== input.messages) {
      throw new Error(
        `the conversation got ${texts.length} messages (${new Set(texts).size} distinct), expected ${input.messages}`,
      );
    }
    const toConversation = requests.filter((r) => r.conversationId === conversationId);
    const attempts = toConversation.map((r) => r.at);
    // When each request reached the connector (ms after the first) and what it was answered: 201 or 429.
    const timeline = toConversation.map((r) => `${Math.round(r.at - attempts[0]!)}:${r.status}`).join(' ');
    const busiest = TEAMS_CONVERSATION_WINDOWS.map((w) => ({ ...w, most: maxInWindow(attempts, w.ms) }));
    const within = busiest.every((w) => w.most <= w.count);
    // What Teams' documented limits allow, and what they allow together with the sender's tenant pace (the same
    // unless that pace is set below what one conversation may take).
    const floor = floorMs(input.messages, { windows: [TEAMS_TENANT_WINDOW, ...TEAMS_CONVERSATION_WINDOWS] });
    const paceFloor = floorMs(input.messages, {
      windows: [TEAMS_TENANT_WINDOW, ...TEAMS_CONVERSATION_WINDOWS],
      bucket,
    });
    const over = wallMs / floor - 1;
    const shown = busiest.filter((w) => w.ms <= 30_000);
    const n = input.messages.toLocaleString('en-US');
    return [
      {
        step: 'teams',
        figure: `Teams limits: ${n} notices to one person (one conversation) — time vs floor`,
        value: round(wallMs / 1000, 1),
        unit: 's',
        result: `${seconds(wallMs)} vs floor ${seconds(floor)} (${percent(over)})`,
        target: 'within 5% of floor',
        met: over <= 0.05,
        note:
          `floor = earliest schedule that Teams' documented limits allow: per conversation ${describeWindows(TEAMS_CONVERSATION_WINDOWS)}, ` +
          `per tenant ${describeWindows([TEAMS_TENANT_WINDOW])}` +
          (paceFloor > floor
            ? `; with the sender's tenant pace (${bucket.perSecond}/s, burst ${bucket.burst}) ${seconds(paceFloor)}`
            : ''),
        detail: {
          ...detailBase,
          floorMs: floor,
          paceFloorMs: paceFloor,
          overFloor: over,
          timeline,
        },
      },
      {
        step: 'teams',
        figure: `Teams limits, one conversation: most requests in any ${shown.map((w) => seconds(w.ms).replace('.0', '')).join(' / ')}`,
        value: busiest[1]?.most ?? null,
        unit: 'count',
        result: `${shown.map((w) => w.most).join(' / ')} (limits ${shown.map((w) => w.count).join(' / ')})`,
        target: `≤ ${shown.map((w) => w.count).join(' / ')}`,
        met: within,
        note: 'requests the bot made to the conversation, refused ones included',
        detail: { busiest },
      },
      {
        step: 'teams',
        figure: 'Teams limits, one conversation: 429 responses',
        value: refused.length,
        unit: 'count',
        result: `${refused.length} (per conversation ${refusedByConversation}, tenant cap ${refusedByTenant})`,
        target: '0',
        met: refused.length === 0,
      },
    ];
  } finally {
    await app?.close();
    await sim.close();
    await db.cleanup();
  }
});
