/**
 * Fault injection for the outbox: shared by the short tests in this folder (run by `npm test`) and the
 * long soak (`npm run soak`). Everything here talks to the local Slack simulator on 127.0.0.1 only.
 *
 * The population: `count` people in New York with an experiment that started on Monday 2026-03-02, so
 * at Tuesday 09:30 local exactly one nudge per person falls due. Those keys are the truth every run is
 * checked against: each must reach the simulator exactly once, none may be missing, no other key may appear.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelSender } from '../../src/app/ports.js';
import { createSlackClient, OUTBOX_METADATA_EVENT, SlackSender } from '../../src/channels/slack/sender.js';
import { ManualClock } from '../../src/core/clock.js';
import { Dispatcher, type DispatchStats, emptyDispatchStats } from '../../src/scheduler/dispatcher.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { OutboxStatus } from '../../src/store/types.js';
import { type Fault, type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';
import { at, setupPerson } from '../support/foundation.js';
import { SimulatedTime } from './simulated-time.js';

export const ZONE = 'America/New_York';
/** Tuesday 09:30 in New York: the first nudge of every experiment in the population is due. */
export const DUE_AT = at('2026-03-03T09:30', ZONE);
const NUDGE_DATE = '2026-03-03';
const SETUP_AT = at('2026-03-02T07:00', ZONE);

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORKER_PATH = fileURLToPath(new URL('../../scripts/fault-worker.ts', import.meta.url));

export { SimulatedTime };

/** Small seeded PRNG (mulberry32), so every schedule of faults and kills can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The Web API client logs every failed request at WARN on the console; these runs provoke hundreds on purpose.
 * Drops those lines (only those) until the returned function is called.
 */
export function muteWebApiWarnings(): () => void {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[1] === 'string' && args[1].startsWith('web-api:')) return;
    original(...args);
  };
  return () => {
    console.warn = original;
  };
}

export const userIdOf = (index: number): string => `U${String(index).padStart(5, '0')}`;

// ---------------------------------------------------------------------------
// The population
// ---------------------------------------------------------------------------

export interface Population {
  /** Database file with the people, their experiments and planned jobs, nothing sent yet. */
  path: string;
  userIds: string[];
  /** The outbox key of every message due at DUE_AT. */
  expectedKeys: string[];
}

const templates = new Map<number, { dir: string; path: string; userIds: string[]; expectedKeys: string[] }>();

/** Builds the population once per size and process, then hands out copies of the file. */
export async function population(count: number, path: string): Promise<Population> {
  let template = templates.get(count);
  if (!template) {
    const dir = mkdtempSync(join(tmpdir(), 'coachloop-faults-template-'));
    const file = join(dir, 'template.db');
    const store = openSqliteStore({ path: file });
    const clock = new ManualClock(SETUP_AT);
    const userIds: string[] = [];
    const expectedKeys: string[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const userId = userIdOf(i);
        const person = await setupPerson(store, clock, { userId, startDate: '2026-03-02' });
        userIds.push(userId);
        expectedKeys.push(`nudge:${person.participant.id}:${NUDGE_DATE}`);
      }
    } finally {
      await store.close(); // the last connection closing checkpoints the WAL into the file
    }
    template = { dir, path: file, userIds, expectedKeys };
    templates.set(count, template);
  }
  copyFileSync(template.path, path);
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${path}${suffix}`)) rmSync(`${path}${suffix}`);
  return { path, userIds: template.userIds, expectedKeys: template.expectedKeys };
}

export function dropPopulationTemplates(): void {
  for (const template of templates.values()) rmSync(template.dir, { recursive: true, force: true });
  templates.clear();
}

export function tempRunDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-faults-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------
// Faults and their tally
// ---------------------------------------------------------------------------

export const FAULT_LABELS = [
  'ratelimit',
  'http5xx',
  'platform-error',
  'slow',
  'delay-past-timeout',
  'hang-applied',
  'hang-lost',
] as const;
export type FaultLabel = (typeof FAULT_LABELS)[number];

/**
 * The platform faults thrown at random: 429 with Retry-After, 5xx, `ok:false` internal errors, slow answers
 * inside the client timeout, answers after it (the call took effect), and calls that never answer, with and
 * without effect (a hang that stored the message is the "ambiguous send").
 */
export function platformFaults(timeoutMs: number): Fault[] {
  return [
    { type: 'ratelimit', retryAfterSeconds: 1 },
    { type: 'ratelimit', retryAfterSeconds: 3 },
    { type: 'http', status: 500 },
    { type: 'http', status: 502 },
    { type: 'http', status: 503 },
    { type: 'error', error: 'internal_error' },
    { type: 'delay', ms: Math.max(1, Math.round(timeoutMs / 4)) },
    { type: 'delay', ms: timeoutMs + 100 },
    { type: 'hang', apply: true },
    { type: 'hang', apply: false },
  ];
}

export function labelOf(fault: Fault, timeoutMs: number): FaultLabel {
  switch (fault.type) {
    case 'ratelimit':
      return 'ratelimit';
    case 'http':
      return 'http5xx';
    case 'error':
      return 'platform-error';
    case 'delay':
      return fault.ms >= timeoutMs ? 'delay-past-timeout' : 'slow';
    case 'hang':
      return fault.apply ? 'hang-applied' : 'hang-lost';
  }
}

export type FaultTally = Record<FaultLabel, number>;

export function emptyTally(): FaultTally {
  return Object.fromEntries(FAULT_LABELS.map((label) => [label, 0])) as FaultTally;
}

export function addTally(into: FaultTally, more: FaultTally): FaultTally {
  for (const label of FAULT_LABELS) into[label] += more[label];
  return into;
}

/** Faults the simulator applied, by kind; and the `chat.postMessage` calls whose outcome the client could not know. */
export function tallyFaults(
  sim: SlackSimulator,
  timeoutMs: number,
): { faults: FaultTally; ambiguousPosts: number } {
  const faults = emptyTally();
  let ambiguousPosts = 0;
  for (const call of sim.calls) {
    if (!call.fault) continue;
    const label = labelOf(call.fault, timeoutMs);
    faults[label] += 1;
    if (call.method === 'chat.postMessage' && (label === 'hang-applied' || label === 'delay-past-timeout'))
      ambiguousPosts += 1;
  }
  return { faults, ambiguousPosts };
}

// ---------------------------------------------------------------------------
// The verdict
// ---------------------------------------------------------------------------

export interface DeliveryAudit {
  expected: number;
  /** Distinct expected keys found on the platform. */
  delivered: number;
  missing: string[];
  /** Keys that reached the platform more than once (each listed once). */
  duplicated: string[];
  /** Keys on the platform that nobody expected. */
  unexpected: string[];
  outbox: Record<OutboxStatus, number>;
}

export function keysOnPlatform(sim: SlackSimulator): string[] {
  return sim
    .messages()
    .filter((m) => m.metadata?.event_type === OUTBOX_METADATA_EVENT)
    .map((m) => String(m.metadata?.event_payload.key));
}

export function auditDelivery(
  sim: SlackSimulator,
  expectedKeys: readonly string[],
  outbox: Record<OutboxStatus, number>,
): DeliveryAudit {
  const seen = new Map<string, number>();
  for (const key of keysOnPlatform(sim)) seen.set(key, (seen.get(key) ?? 0) + 1);
  const expected = new Set(expectedKeys);
  return {
    expected: expected.size,
    delivered: [...expected].filter((key) => seen.has(key)).length,
    missing: [...expected].filter((key) => !seen.has(key)),
    duplicated: [...seen].filter(([, n]) => n > 1).map(([key]) => key),
    unexpected: [...seen.keys()].filter((key) => !expected.has(key)),
    outbox,
  };
}

/** The most messages the platform accepted in any sliding window of `windowMs` (from message timestamps). */
export function peakPerWindow(sim: SlackSimulator, windowMs: number): number {
  const times = sim
    .messages()
    .map((m) => Number(m.ts) * 1000)
    .sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

/** Jobs and outbox rows commit together: every job done as a send has its row, and every row has its job. */
export function jobOutboxMismatches(store: SqliteStore): { jobsWithoutRow: number; rowsWithoutJob: number } {
  const one = (sql: string) => Number((store.db.prepare(sql).get() as { n: number }).n);
  return {
    jobsWithoutRow: one(
      `SELECT COUNT(*) AS n FROM jobs j WHERE j.state = 'done' AND j.result LIKE 'sent as %'
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE 'sent as ' || o.key = j.result)`,
    ),
    rowsWithoutJob: one(
      `SELECT COUNT(*) AS n FROM outbox o WHERE NOT EXISTS
         (SELECT 1 FROM jobs j WHERE j.state = 'done' AND j.result = 'sent as ' || o.key)`,
    ),
  };
}

// ---------------------------------------------------------------------------
// Scenario 1: random platform faults, in process
// ---------------------------------------------------------------------------

export interface FaultRunOptions {
  messages: number;
  seed: number;
  /** Chance that any Web API call meets a fault. */
  probability: number;
  /** Client timeout (real milliseconds). */
  timeoutMs: number;
  /** The pace coachloop is configured for (SLACK_MESSAGES_PER_MINUTE). */
  senderPerMinute: number;
  /** The limit the simulated workspace enforces on chat.postMessage. */
  platformPerMinute: number;
  maxAttempts?: number;
  concurrency?: number;
  /** Web API methods that meet faults (default: all). */
  faultMethods?: string[];
  /** Leave `findDelivered` out of the sender: a channel that cannot look (at-most-once). */
  blind?: boolean;
  /** Wall-time bound for the whole run. */
  deadlineMs?: number;
  dir: string;
}

export interface FaultRunResult {
  messages: number;
  audit: DeliveryAudit;
  faults: FaultTally;
  injected429: number;
  enforced429: number;
  ambiguousPosts: number;
  /** Web API calls made, by method. */
  calls: Record<string, number>;
  peakPerMinute: number;
  dispatch: DispatchStats;
  ticks: number;
  simulatedMs: number;
  wallMs: number;
  /** Outbox rows by status and reason, for rows that did not end `sent`. */
  unsent: { key: string; status: string; attempts: number; reason: string | null }[];
}

function addStats(into: DispatchStats, more: DispatchStats): void {
  for (const key of Object.keys(into) as (keyof DispatchStats)[]) into[key] += more[key];
}

export { emptyDispatchStats };

/**
 * A large batch falls due at once and is dispatched through the real SlackSender and Dispatcher while the
 * simulator throws seeded random faults and enforces its rate limits. The clock jumps to the next retry
 * whenever a drain ends with work left, so backoffs and Retry-After pass without waiting for them.
 */
export async function runPlatformFaults(options: FaultRunOptions): Promise<FaultRunResult> {
  const started = performance.now();
  const deadline = started + (options.deadlineMs ?? 120_000);
  const { expectedKeys, userIds, path } = await population(
    options.messages,
    join(options.dir, `faults-${options.seed}.db`),
  );
  const store = openSqliteStore({ path });
  const time = new SimulatedTime(DUE_AT);
  const unmute = muteWebApiWarnings();
  const sim = await startSlackSimulator({
    now: () => time.now(),
    rateLimits: { perChannelPerSecond: 1, workspacePerMinute: options.platformPerMinute },
  });
  try {
    for (const id of userIds) sim.addUser({ id, tz: ZONE });
    sim.injectRandomFaults({
      probability: options.probability,
      kinds: platformFaults(options.timeoutMs),
      seed: options.seed,
      ...(options.faultMethods ? { methods: options.faultMethods } : {}),
    });
    const slack = new SlackSender(
      createSlackClient({ token: sim.token, apiUrl: sim.apiUrl, timeoutMs: options.timeoutMs }),
      {
        messagesPerMinute: options.senderPerMinute,
      },
    );
    const sender: ChannelSender = options.blind
      ? { platform: 'slack', limits: slack.limits, send: (d) => slack.send(d) }
      : slack;
    const dispatcher = new Dispatcher({
      store,
      clock: time,
      timer: time,
      senders: [sender],
      maxAttempts: options.maxAttempts ?? 40,
      concurrency: options.concurrency ?? 8,
      backoffMs: (attempt) => 1000 * Math.min(attempt, 30),
    });
    const dispatch = emptyDispatchStats();
    let ticks = 0;
    for (; ticks < 5000; ticks++) {
      if (performance.now() > deadline)
        throw new Error(`platform-fault run ${options.seed} exceeded its wall-time bound`);
      await runSchedulerPass(store, time);
      addStats(dispatch, await dispatcher.drain());
      const counts = await store.outbox.counts();
      if (counts.pending + counts.sending === 0) break;
      const next = (await store.outbox.nextAttemptAt()) ?? time.now() + 1000;
      time.set(Math.max(time.now() + 1, next));
    }
    const { faults, ambiguousPosts } = tallyFaults(sim, options.timeoutMs);
    const calls: Record<string, number> = {};
    for (const call of sim.calls) calls[call.method] = (calls[call.method] ?? 0) + 1;
    const unsent = (await store.outbox.list())
      .filter((row) => row.status !== 'sent')
      .map((row) => ({ key: row.key, status: row.status, attempts: row.attempts, reason: row.reason }));
    return {
      messages: options.messages,
      audit: auditDelivery(sim, expectedKeys, await store.outbox.counts()),
      faults,
      injected429: faults.ratelimit,
      enforced429: sim.stats.rateLimited,
      ambiguousPosts,
      calls,
      peakPerMinute: peakPerWindow(sim, 60_000),
      dispatch,
      ticks,
      simulatedMs: time.now() - DUE_AT,
      wallMs: Math.round(performance.now() - started),
      unsent,
    };
  } finally {
    await sim.close();
    await store.close();
    unmute();
  }
}

// ---------------------------------------------------------------------------
// Scenario 2: SIGKILL at random points, across processes
// ---------------------------------------------------------------------------

export interface KillRunOptions {
  messages: number;
  kills: number;
  seed: number;
  /** Chance of a platform fault per Web API call while the workers run (0 for none). */
  probability: number;
  timeoutMs: number;
  /** The workers' lease on rows in `sending` (simulated milliseconds). */
  leaseMs: number;
  /** The workers' maxAttempts (undefined: the dispatcher's default). */
  maxAttempts?: number;
  /** Wall-time bound for one worker. */
  workerDeadlineMs?: number;
  dir: string;
  log?: (line: string) => void;
}

export interface KillRunResult {
  messages: number;
  audit: DeliveryAudit;
  kills: number;
  /** Where the kills landed: before the first send of that worker, or after n sends. */
  killPoints: string[];
  /** Workers started, the last one included. */
  workers: number;
  /** Rows found in `sending` after a kill (left by the killed worker). */
  orphaned: number;
  /** Of those, rows whose message Slack had already stored: killed between the send and writing its outcome. */
  orphanedDelivered: number;
  /** Drain totals reported by workers before they died or finished. */
  dispatch: DispatchStats;
  faults: FaultTally;
  ambiguousPosts: number;
  wallMs: number;
  unsent: { key: string; status: string; attempts: number; reason: string | null }[];
}

interface WorkerLine {
  t: 'ready' | 'tick' | 'done' | 'error';
  now?: number;
  dispatch?: DispatchStats;
  message?: string;
}

function startWorker(
  args: Record<string, string | number>,
  onLine: (line: WorkerLine) => void,
): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const argv = Object.entries(args).flatMap(([key, value]) => [`--${key}`, String(value)]);
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_PATH, ...argv], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_PROXY: '127.0.0.1,localhost', LOG_LEVEL: 'silent' },
  });
  let buffer = '';
  let errors = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const text = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!text.startsWith('{')) continue;
      try {
        onLine(JSON.parse(text) as WorkerLine);
      } catch {
        // a line cut short by the kill
      }
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => errors };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the exit, at most `ms` (the timer does not outlive the wait). */
async function exitWithin(exited: Promise<number | null>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** The latest instant the database knows of: the next worker's clock starts after it. */
function latestInstant(path: string): number {
  const store = openSqliteStore({ path });
  try {
    const row = store.db
      .prepare('SELECT MAX(claimed_at) AS claimed, MAX(sent_at) AS sent FROM outbox')
      .get() as {
      claimed: number | null;
      sent: number | null;
    };
    return Math.max(row.claimed ?? 0, row.sent ?? 0);
  } finally {
    store.db.close();
  }
}

/** Keys of the rows a killed worker left in `sending`. */
function keysInSending(path: string): string[] {
  const store = openSqliteStore({ path });
  try {
    return (
      store.db.prepare(`SELECT key FROM outbox WHERE status = 'sending'`).all() as { key: string }[]
    ).map((r) => r.key);
  } finally {
    store.db.close();
  }
}

/**
 * Workers (child processes) run passes and drains on one SQLite file against a simulator that lives here,
 * so the platform keeps the truth across kills. Each worker is SIGKILLed at a seeded random point (a number
 * of sends, or a moment during start-up and the pass); the next one starts with its clock past the last
 * one's, mostly beyond the lease so it recovers orphaned rows at once, sometimes inside it so it must wait.
 * After `kills` kills, one last worker runs to the end.
 */
export async function runKills(options: KillRunOptions): Promise<KillRunResult> {
  const started = performance.now();
  const rand = prng(options.seed ^ 0x5eed);
  const { expectedKeys, userIds, path } = await population(
    options.messages,
    join(options.dir, `kills-${options.seed}.db`),
  );
  const sim = await startSlackSimulator();
  const dispatch = emptyDispatchStats();
  const killPoints: string[] = [];
  let kills = 0;
  let workers = 0;
  let orphaned = 0;
  let orphanedDelivered = 0;
  let now = DUE_AT;
  try {
    for (const id of userIds) sim.addUser({ id, tz: ZONE });
    if (options.probability > 0) {
      sim.injectRandomFaults({
        probability: options.probability,
        kinds: platformFaults(options.timeoutMs),
        seed: options.seed,
      });
    }
    const workerArgs = () => ({
      db: path,
      api: sim.apiUrl,
      token: sim.token,
      now,
      lease: options.leaseMs,
      timeout: options.timeoutMs,
      deadline: options.workerDeadlineMs ?? 60_000,
      ...(options.maxAttempts ? { 'max-attempts': options.maxAttempts } : {}),
    });
    const posts = () => sim.callsTo('chat.postMessage').length;

    for (let round = 0; round <= options.kills; round++) {
      const last = round === options.kills;
      const sentBefore = keysOnPlatform(sim).length;
      const postsBefore = posts();
      let finished = false;
      let error: string | undefined;
      const worker = startWorker(workerArgs(), (line) => {
        if (line.dispatch) {
          for (const key of Object.keys(dispatch) as (keyof DispatchStats)[])
            dispatch[key] += line.dispatch[key] ?? 0;
        }
        if (line.t === 'done') finished = true;
        if (line.t === 'error') error = line.message;
      });
      workers += 1;
      const workerDeadline = performance.now() + (options.workerDeadlineMs ?? 60_000) + 5000;
      let exitCode: number | null | undefined;
      void worker.exited.then((code) => {
        exitCode = code;
      });
      if (last) {
        while (exitCode === undefined && performance.now() < workerDeadline) await sleep(5);
      } else {
        // A kill point: after a random number of sends (on average an even share of what is left among the
        // kills still to come), or at a random moment (start-up, the pass, the recovery of orphaned rows).
        const left = Math.max(1, options.messages - sentBefore);
        const share = Math.max(1, Math.ceil((2 * left) / (options.kills - round + 1)));
        const byTime = rand() < 0.25;
        const afterPosts = 1 + Math.floor(rand() * share);
        const afterMs = Math.floor(rand() * 1500);
        const startedAt = performance.now();
        while (exitCode === undefined && performance.now() < workerDeadline) {
          if (byTime ? performance.now() - startedAt >= afterMs : posts() - postsBefore >= afterPosts) break;
          await sleep(1);
        }
        if (exitCode === undefined) {
          worker.child.kill('SIGKILL');
          kills += 1;
          const sends = posts() - postsBefore;
          killPoints.push(
            sends === 0
              ? `before any send (${Math.round(performance.now() - startedAt)} ms)`
              : `after ${sends} sends`,
          );
          await exitWithin(worker.exited, 10_000);
          if (exitCode === undefined) throw new Error(`worker ${workers} survived SIGKILL`);
          const left = keysInSending(path);
          const onSlack = new Set(keysOnPlatform(sim));
          orphaned += left.length;
          orphanedDelivered += left.filter((key) => onSlack.has(key)).length;
          // The next worker's clock: after everything the database has seen; mostly past the lease, sometimes inside it.
          const past = rand() < 0.75 ? options.leaseMs + 1 : Math.floor(rand() * options.leaseMs);
          now = Math.max(now, latestInstant(path)) + past;
          continue;
        }
      }
      if (exitCode === undefined) {
        worker.child.kill('SIGKILL');
        await worker.exited;
        throw new Error(`worker ${workers} did not finish within its bound\n${worker.stderr()}`);
      }
      if (exitCode !== 0 || !finished) {
        throw new Error(
          `worker ${workers} ended with code ${String(exitCode)}${error ? `: ${error}` : ''}\n${worker.stderr()}`,
        );
      }
      if (!last) options.log?.(`worker ${workers} finished before its kill point`);
      break;
    }
    const store = openSqliteStore({ path });
    try {
      const { faults, ambiguousPosts } = tallyFaults(sim, options.timeoutMs);
      const unsent = (await store.outbox.list())
        .filter((row) => row.status !== 'sent')
        .map((row) => ({ key: row.key, status: row.status, attempts: row.attempts, reason: row.reason }));
      return {
        messages: options.messages,
        audit: auditDelivery(sim, expectedKeys, await store.outbox.counts()),
        kills,
        killPoints,
        workers,
        orphaned,
        orphanedDelivered,
        dispatch,
        faults,
        ambiguousPosts,
        wallMs: Math.round(performance.now() - started),
        unsent,
      };
    } finally {
      await store.close();
    }
  } finally {
    await sim.close();
  }
}

// ---------------------------------------------------------------------------
// A crash loop: the same rows claimed by worker after worker that dies before they are sent
// ---------------------------------------------------------------------------

export interface CrashLoopRow {
  key: string;
  status: string;
  attempts: number;
  reason: string | null;
  /** chat.postMessage calls that carried this key (hung, refused or stored). */
  posts: number;
}

export interface CrashLoopResult {
  audit: DeliveryAudit;
  rows: CrashLoopRow[];
  /** Workers killed (the last one runs to the end). */
  kills: number;
  /** The keys each worker posted to Slack, worker by worker. */
  postedByWorker: string[][];
}

/**
 * `people` messages fall due; `crashes` workers in a row claim them (one batch), start sends, get no answer
 * from Slack (which stores nothing) and are SIGKILLed once 8 sends (as many as the dispatcher runs at once) have
 * reached Slack. The first worker claims every row and leaves those beyond the first 8 claimed but never tried.
 * Then Slack refuses the first send of every row once with a 503, and answers normally after that.
 */
export async function runCrashLoop(options: {
  people: number;
  crashes: number;
  leaseMs: number;
  /** The workers' maxAttempts (undefined: the dispatcher's default). */
  maxAttempts?: number;
  dir: string;
}): Promise<CrashLoopResult> {
  const { expectedKeys, userIds, path } = await population(
    options.people,
    join(options.dir, 'crash-loop.db'),
  );
  const sim = await startSlackSimulator();
  let now = DUE_AT;
  let kills = 0;
  const postedByWorker: string[][] = [];
  const postedKey = (call: { args: Record<string, unknown> }) =>
    String((call.args.metadata as { event_payload?: { key?: unknown } } | undefined)?.event_payload?.key);
  try {
    for (const id of userIds) sim.addUser({ id, tz: ZONE });
    const posts = () => sim.callsTo('chat.postMessage').length;
    const inFlight = Math.min(8, options.people);
    for (let crash = 0; crash <= options.crashes; crash++) {
      const last = crash === options.crashes;
      sim.clearFaults();
      if (last) sim.injectFault('chat.postMessage', { type: 'http', status: 503 }, options.people);
      else
        sim.injectRandomFaults({
          probability: 1,
          kinds: [{ type: 'hang', apply: false }],
          methods: ['chat.postMessage'],
        });
      const before = posts();
      let finished = false;
      const worker = startWorker(
        {
          db: path,
          api: sim.apiUrl,
          token: sim.token,
          now,
          lease: options.leaseMs,
          timeout: last ? 200 : 30_000,
          deadline: 20_000,
          ...(options.maxAttempts ? { 'max-attempts': options.maxAttempts } : {}),
        },
        (line) => {
          if (line.t === 'done') finished = true;
        },
      );
      let exitCode: number | null | undefined;
      void worker.exited.then((code) => {
        exitCode = code;
      });
      const deadline = performance.now() + 25_000;
      while (exitCode === undefined && performance.now() < deadline && (last || posts() - before < inFlight))
        await sleep(2);
      if (exitCode === undefined) {
        worker.child.kill('SIGKILL');
        await exitWithin(worker.exited, 10_000);
        if (last) throw new Error(`the last worker did not finish\n${worker.stderr()}`);
        kills += 1;
      } else if (!last || exitCode !== 0 || !finished) {
        throw new Error(
          `worker ${crash + 1} ended on its own with code ${String(exitCode)}\n${worker.stderr()}`,
        );
      }
      postedByWorker.push(sim.callsTo('chat.postMessage').slice(before).map(postedKey));
      now = Math.max(now, latestInstant(path)) + options.leaseMs + 1;
    }
    const postsByKey = new Map<string, number>();
    for (const call of sim.callsTo('chat.postMessage')) {
      const key = postedKey(call);
      postsByKey.set(key, (postsByKey.get(key) ?? 0) + 1);
    }
    const store = openSqliteStore({ path });
    try {
      return {
        audit: auditDelivery(sim, expectedKeys, await store.outbox.counts()),
        rows: (await store.outbox.list()).map((row) => ({
          key: row.key,
          status: row.status,
          attempts: row.attempts,
          reason: row.reason,
          posts: postsByKey.get(row.key) ?? 0,
        })),
        kills,
        postedByWorker,
      };
    } finally {
      await store.close();
    }
  } finally {
    await sim.close();
  }
}

// ---------------------------------------------------------------------------
// A per-method rate limit in front of the simulator
// ---------------------------------------------------------------------------

export interface MethodLimitProxy {
  /** Use as the client's `apiUrl`. */
  apiUrl: string;
  /** 429s this proxy answered. */
  enforced: number;
  /** Calls it let through to the simulator. */
  allowed: number;
  close(): Promise<void>;
}

/**
 * The simulator enforces limits on chat.postMessage only. This proxy (127.0.0.1, ephemeral port) forwards
 * every call to it, but answers 429 with Retry-After to calls of `method` beyond `perMinute` in any sliding
 * minute of `now()`, as Slack does for its tiered methods (conversations.history is Tier 3).
 */
export async function startMethodLimitProxy(options: {
  target: string;
  method: string;
  perMinute: number;
  now: () => number;
}): Promise<MethodLimitProxy> {
  const target = new URL(options.target);
  let window: number[] = [];
  const sockets = new Set<Socket>();
  const proxy: MethodLimitProxy = { apiUrl: '', enforced: 0, allowed: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    if ((req.url ?? '').endsWith(`/${options.method}`)) {
      const t = options.now();
      window = window.filter((at) => at > t - 60_000);
      if (window.length >= options.perMinute) {
        proxy.enforced += 1;
        const retryAfter = Math.max(1, Math.ceil((window[0]! + 60_000 - t) / 1000));
        req.resume();
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      window.push(t);
      proxy.allowed += 1;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  proxy.apiUrl = `http://127.0.0.1:${port}/api/`;
  proxy.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
