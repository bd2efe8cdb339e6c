/**
 * Several real `coachloop serve` processes on one PostgreSQL schema and one Slack workspace with enforced limits,
 * SIGKILLed at random (seeded) points while they dispatch and started again. Shared by the replica test
 * (test/replicas/replica-kill.test.ts, in `npm test`) and its long version (`npm run soak -- --replicas 3`).
 *
 * The truth is the simulator, which lives in the calling process and so outlives every replica: each due message
 * must reach it exactly once (by the outbox key in the message metadata), with no 429, at the workspace's pace.
 *
 * The pace is measured on the simulator's own message timestamps. The floor is the workspace limit the simulator
 * enforces, which is also the pace every replica is configured for (SLACK_MESSAGES_PER_MINUTE): what an operator
 * sets and expects to get. The pace counts every message over the dispatch interval (first message to last)
 * minus the takeover gaps, which the README documents as the price of a dead lease holder: from the last message
 * before the holder was killed to the first after the next replica took the workspace's dispatch lease over. The
 * pace with those gaps counted is reported too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { MINUTE } from '../../src/core/clock.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { openStoreAt } from '../../src/store/index.js';
import type { RosterPersonPlan, RosterPlan, Store } from '../../src/store/types.js';
import {
  auditDelivery,
  type DeliveryAudit,
  keysOnPlatform,
  peakPerWindow,
  prng,
  REPO_ROOT,
} from '../faults/harness.js';
import { type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';
import { freshSchema, schemaLocation, TEST_DATABASE_URL } from '../store-contract/postgres.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReplicaRunOptions {
  /** Messages due at once, one per person (each its own direct-message channel). */
  messages: number;
  replicas: number;
  /** SIGKILLs during the dispatch; the first one hits the replica that holds the workspace's dispatch lease. */
  kills: number;
  seed: number;
  /** The workspace limit the simulator enforces, and the pace the replicas are configured for (per minute). */
  perMinute: number;
  /** DISPATCH_LEASE_MS of every replica. */
  leaseMs: number;
  /** Longest wait for the replicas to settle every message. */
  deadlineMs?: number;
  /** Scratch directory (program files). */
  dir: string;
  log?: (line: string) => void;
  /** When set, each replica's whole output goes to `<logDir>/<name>.log` as well. */
  logDir?: string;
}

export interface Kill {
  /** Messages on Slack when the kill came. */
  afterMessages: number;
  at: number;
  /** The replica held the workspace's dispatch lease when it was killed. */
  holder: boolean;
}

export interface ReplicaRunResult {
  messages: number;
  audit: DeliveryAudit;
  /** 429s the simulator answered for its limits. */
  enforced429: number;
  kills: Kill[];
  /** Replica processes started (the first ones, then one per restart). */
  started: number;
  /** Takeovers of the dispatch lease the replicas logged (from a holder that sent within the last minute). */
  takeovers: number;
  /** Simulator time of the first and last message. */
  firstAt: number;
  lastAt: number;
  /** Takeover gaps after kills of the lease holder (simulator time, ms). */
  gaps: { from: number; to: number }[];
  /** The configured workspace limit per minute. */
  floorPerMinute: number;
  /** Messages per minute over the dispatch interval minus the takeover gaps. */
  pacePerMinute: number;
  /** Messages per minute over the whole dispatch interval. */
  paceWithGapsPerMinute: number;
  /** The most messages Slack accepted in any sliding minute. */
  peakPerMinute: number;
  /** Messages in each second of the dispatch interval, from its first message. */
  perSecond: number[];
  seedMs: number;
  wallMs: number;
}

/** One `coachloop serve` process. */
interface Replica {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** A fresh PostgreSQL schema, migrated; `drop` removes it whatever happened. */
export async function replicaSchema(): Promise<{ location: string; drop: () => Promise<void> }> {
  const schema = freshSchema();
  const location = schemaLocation(schema);
  return {
    location,
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A roster of `messages` people imported through the store port (one transaction), each with the consent request a
 * roster import queues: `messages` outbox rows due now, one per person and direct-message channel.
 */
async function seed(store: Store, sim: SlackSimulator, messages: number, now: number): Promise<string[]> {
  const { record: program } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), now);
  const keys: string[] = [];
  const BATCH = 500;
  function* plans(): Generator<RosterPlan> {
    for (let i = 0; i < messages; i += BATCH) {
      const people: RosterPersonPlan[] = [];
      for (let j = i; j < Math.min(messages, i + BATCH); j++) {
        const userId = `U${String(j).padStart(6, '0')}`;
        sim.addUser({ id: userId, tz: 'UTC' });
        const id = `p_replica_${j}`;
        const key = `consent:${id}:replica-test`;
        keys.push(key);
        people.push({
          id,
          exists: false,
          identity: { platform: 'slack', workspaceId: sim.teamId, userId },
          programId: program.id,
          email: `${userId.toLowerCase()}@example.test`,
          roles: ['leader'],
          arm: 'coached',
          timezone: 'UTC',
          consentRequest: {
            key,
            participantId: id,
            kind: 'consent',
            budgeted: false,
            budgetWeek: '',
            message: { text: `Would you like to join the pilot? (${j})`, blocks: [] },
            dueAt: now,
            expiresAt: now + 120 * MINUTE,
          },
        });
      }
      yield { people, pairs: [] };
    }
  }
  const imported = await store.participants.importRoster(plans(), now);
  if (imported.peopleCreated !== messages)
    throw new Error(`seeded ${imported.peopleCreated} of ${messages} people`);
  return keys;
}

/** The holder of the workspace's dispatch lease now, if it is held. */
async function leaseHolder(location: string, teamId: string): Promise<string | null> {
  const url = new URL(location);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.search = '';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const result = await client.query<{ holder: string; until: string }>(
      `SELECT holder, until FROM "${schema}".dispatch_leases WHERE name = $1`,
      [`dispatch:slack:${teamId}`],
    );
    const row = result.rows[0];
    return row && Number(row.until) > Date.now() ? row.holder : null;
  } finally {
    await client.end();
  }
}

/**
 * Runs the replicas until every message is settled or the deadline passes, then kills them all. `children`
 * receives every process started, so a caller can kill them in its own clean-up if this throws.
 */
export async function runReplicaKills(
  options: ReplicaRunOptions,
  location: string,
  children: ChildProcess[] = [],
): Promise<ReplicaRunResult> {
  const started = performance.now();
  const rand = prng(options.seed ^ 0x7e1ca);
  const log = options.log ?? (() => undefined);
  const programs = join(options.dir, 'programs');
  mkdirSync(programs, { recursive: true });
  const sim = await startSlackSimulator({
    rateLimits: { perChannelPerSecond: 1, workspacePerMinute: options.perMinute },
  });
  let takeovers = 0;
  const replicas = new Map<number, Replica>();
  let startedCount = 0;

  const start = (slot: number): Replica => {
    const name = `replica-${slot}-${startedCount++}`;
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/coachloop.js'), 'serve'], {
      cwd: options.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NO_PROXY: '127.0.0.1,localhost',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: location,
        PROGRAMS_DIR: programs,
        TICK_CRON: '* * * * * *',
        SLACK_BOT_TOKEN: sim.token,
        SLACK_SIGNING_SECRET: 'replica-test-secret',
        SLACK_API_URL: sim.apiUrl,
        SLACK_TIMEOUT_MS: '1500',
        SLACK_MESSAGES_PER_MINUTE: String(options.perMinute),
        DISPATCH_LEASE_MS: String(options.leaseMs),
        TEAMS_TIMEOUT_MS: '1500',
        SHUTDOWN_TIMEOUT_MS: '5000',
      },
    });
    children.push(child);
    let output = '';
    let partial = '';
    const logFile = options.logDir ? join(options.logDir, `${name}.log`) : null;
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (logFile) appendFileSync(logFile, text);
      output = (output + text).slice(-20_000);
      partial += text;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.includes('took over a dispatch lease')) takeovers += 1;
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const replica = { name, child, exited, output: () => output };
    replicas.set(slot, replica);
    return replica;
  };

  const kill = async (replica: Replica) => {
    if (replica.child.exitCode === null && replica.child.signalCode === null) replica.child.kill('SIGKILL');
    await replica.exited;
  };

  /** A replica that exited by itself (a crash, a configuration error) ends the run at once. */
  const checkAlive = () => {
    for (const replica of replicas.values())
      if (replica.child.exitCode !== null)
        throw new Error(
          `${replica.name} exited with code ${replica.child.exitCode}:\n${replica.output().slice(-3000)}`,
        );
  };

  let store: Store | null = null;
  try {
    store = await openStoreAt(location);
    // Every replica serves before anything is due; the roster import commits all its rows at once.
    for (let slot = 0; slot < options.replicas; slot++) start(slot);
    const startDeadline = performance.now() + 60_000;
    while ([...replicas.values()].some((r) => !r.output().includes('coachloop is serving'))) {
      checkAlive();
      if (performance.now() > startDeadline) throw new Error('the replicas did not start within 60 s');
      await sleep(50);
    }
    const seedStarted = performance.now();
    const expectedKeys = await seed(store, sim, options.messages, Date.now());
    const seedMs = Math.round(performance.now() - seedStarted);
    log(`seeded ${options.messages} due messages in ${(seedMs / 1000).toFixed(1)} s`);

    // Kill points: numbers of messages on Slack, spread over the run (seeded).
    const points = Array.from({ length: options.kills }, () =>
      Math.floor(options.messages * (0.05 + 0.85 * rand())),
    ).sort((a, b) => a - b);
    const kills: Kill[] = [];
    const restarts: Promise<void>[] = [];
    const deadline = performance.now() + (options.deadlineMs ?? 180_000);
    const delivered = () => sim.stats.accepted;
    for (const point of points) {
      while (delivered() < point && performance.now() < deadline) {
        checkAlive();
        await sleep(2);
      }
      if (performance.now() >= deadline) break;
      const holder = await leaseHolder(location, sim.teamId);
      const alive = [...replicas].filter(([, r]) => r.child.exitCode === null && r.child.signalCode === null);
      // The first kill hits the lease holder (the one sending); later ones any replica, holder or not.
      const byHolder = alive.find(([, r]) => holder?.includes(`/${r.child.pid}/`));
      const [slot, victim] =
        kills.length === 0 && byHolder ? byHolder : alive[Math.floor(rand() * alive.length)]!;
      const isHolder = holder?.includes(`/${victim.child.pid}/`) ?? false;
      const at = Date.now();
      await kill(victim);
      kills.push({ afterMessages: delivered(), at, holder: isHolder });
      log(`killed ${victim.name}${isHolder ? ' (lease holder)' : ''} after ${delivered()} messages`);
      const pause = Math.floor(rand() * 2000);
      restarts.push(
        sleep(pause).then(() => {
          start(slot);
        }),
      );
    }
    await Promise.all(restarts);

    for (;;) {
      const counts = await store.outbox.counts();
      if (counts.pending + counts.sending === 0) break;
      checkAlive();
      if (performance.now() >= deadline) {
        const tails = [...replicas.values()]
          .map((r) => `--- ${r.name}\n${r.output().slice(-3000)}`)
          .join('\n');
        throw new Error(
          `the replicas did not settle every message in time: ${JSON.stringify(counts)}\n${tails}`,
        );
      }
      await sleep(100);
    }
    await Promise.all([...replicas.values()].map(kill));

    const audit = auditDelivery(sim, expectedKeys, await store.outbox.counts());
    const keyed = new Set(keysOnPlatform(sim));
    const times = sim
      .messages()
      .filter((m) => keyed.has(String(m.metadata?.event_payload.key)))
      .map((m) => Number(m.ts) * 1000)
      .sort((a, b) => a - b);
    const firstAt = times[0] ?? 0;
    const lastAt = times[times.length - 1] ?? 0;
    const gaps = kills
      .filter((k) => k.holder)
      .map((k) => {
        const before = times.filter((t) => t <= k.at);
        return { from: before[before.length - 1] ?? firstAt, to: times.find((t) => t > k.at) ?? lastAt };
      });
    // Gaps that overlap (two holder kills in a row) count once.
    const gapMs = mergedLength(gaps);
    const interval = Math.max(1, lastAt - firstAt);
    return {
      messages: options.messages,
      audit,
      enforced429: sim.stats.rateLimited,
      kills,
      started: startedCount,
      takeovers,
      firstAt,
      lastAt,
      gaps,
      floorPerMinute: options.perMinute,
      pacePerMinute: (times.length / Math.max(1, interval - gapMs)) * 60_000,
      paceWithGapsPerMinute: (times.length / interval) * 60_000,
      peakPerMinute: peakPerWindow(sim, 60_000),
      perSecond: times.reduce<number[]>((counts, t) => {
        const second = Math.floor((t - firstAt) / 1000);
        while (counts.length <= second) counts.push(0);
        counts[second]! += 1;
        return counts;
      }, []),
      seedMs,
      wallMs: Math.round(performance.now() - started),
    };
  } finally {
    await Promise.all([...replicas.values()].map(kill));
    await store?.close();
    await sim.close();
  }
}

function mergedLength(spans: { from: number; to: number }[]): number {
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const from = Math.max(span.from, end);
    if (span.to > from) total += span.to - from;
    end = Math.max(end, span.to);
  }
  return total;
}
