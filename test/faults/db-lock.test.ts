import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackClient, SlackSender } from '../../src/channels/slack/sender.js';
import { Dispatcher } from '../../src/scheduler/dispatcher.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import { chooseDriver } from '../../src/store/sqlite/driver.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';
import {
  auditDelivery,
  DUE_AT,
  dropPopulationTemplates,
  jobOutboxMismatches,
  population,
  SimulatedTime,
  tempRunDir,
  ZONE,
} from './harness.js';

/**
 * Another connection on its own thread, so that it can hold SQLite's write lock while this thread's
 * synchronous statements wait in the busy handler. Asked for the lock, it waits (bounded) until `when`, a
 * count query, reaches `atLeast` (so the lock lands in the middle of a pass or a drain, whatever the
 * machine's speed), takes the write lock, writes under it, holds it `holdMs` and commits.
 */
const LOCK_HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 10000');
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));
parentPort.on('message', ({ when, atLeast, holdMs }) => {
  if (when) {
    const count = db.prepare(when).pluck();
    const deadline = Date.now() + 10000;
    while (Number(count.get()) < atLeast && Date.now() < deadline) pause(1);
  }
  db.exec('BEGIN IMMEDIATE');
  db.prepare("INSERT INTO meta (key, value) VALUES ('fault.lock', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(Date.now()));
  parentPort.postMessage({ type: 'locked', at: Date.now() });
  pause(holdMs);
  db.exec('COMMIT');
  parentPort.postMessage({ type: 'released', at: Date.now() });
});
parentPort.postMessage({ type: 'ready' });
`;

class LockHolder {
  readonly #worker: Worker;
  readonly ready: Promise<number>;
  #waiters: { type: string; resolve: (at: number) => void }[] = [];

  constructor(path: string) {
    const module = createRequire(import.meta.url).resolve(chooseDriver(Number(process.versions.napi)).module);
    this.#worker = new Worker(LOCK_HOLDER, { eval: true, workerData: { path, module } });
    this.#worker.on('message', ({ type, at }: { type: string; at?: number }) => {
      const [match] = this.#waiters.filter((w) => w.type === type);
      if (match) {
        this.#waiters = this.#waiters.filter((w) => w !== match);
        match.resolve(at ?? Date.now());
      }
    });
    this.ready = this.#next('ready');
  }

  /** Settles with the wall-clock time (ms) at which the holder reported it. */
  #next(type: string): Promise<number> {
    return new Promise((resolve) => this.#waiters.push({ type, resolve }));
  }

  /** Asks for the lock (once `when` counts `atLeast`); `locked` and `released` settle as it is taken and given back. */
  lock(
    holdMs: number,
    when?: { sql: string; atLeast: number },
  ): { locked: Promise<number>; released: Promise<number> } {
    const locked = this.#next('locked');
    const released = this.#next('released');
    this.#worker.postMessage({ holdMs, when: when?.sql, atLeast: when?.atLeast ?? 0 });
    return { locked, released };
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}

const PEOPLE = 100;

interface World {
  store: SqliteStore;
  time: SimulatedTime;
  sim: SlackSimulator;
  dispatcher: Dispatcher;
  holder: LockHolder;
  expectedKeys: string[];
  tick(): Promise<void>;
  audit(): Promise<ReturnType<typeof auditDelivery>>;
}

let dir: { dir: string; cleanup: () => void };
let cleanups: (() => unknown)[] = [];
beforeEach(() => {
  dir = tempRunDir();
  cleanups = [];
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  dir.cleanup();
});
afterAll(() => dropPopulationTemplates());

const LEASE_MS = 60_000;

async function world(busyTimeoutMs: number): Promise<World> {
  const { path, userIds, expectedKeys } = await population(PEOPLE, join(dir.dir, 'lock.db'));
  const store = openSqliteStore({ path, busyTimeoutMs });
  cleanups.push(() => store.close());
  const time = new SimulatedTime(DUE_AT);
  const sim = await startSlackSimulator({ now: () => time.now() });
  cleanups.push(() => sim.close());
  for (const id of userIds) sim.addUser({ id, tz: ZONE });
  const dispatcher = new Dispatcher({
    store,
    clock: time,
    timer: time,
    senders: [new SlackSender(createSlackClient({ token: sim.token, apiUrl: sim.apiUrl, timeoutMs: 1000 }))],
    leaseMs: LEASE_MS,
    backoffMs: () => 1000,
  });
  const holder = new LockHolder(path);
  cleanups.push(() => holder.close());
  await holder.ready;
  return {
    store,
    time,
    sim,
    dispatcher,
    holder,
    expectedKeys,
    async tick() {
      await runSchedulerPass(store, time);
      await dispatcher.drain();
    },
    async audit() {
      return auditDelivery(sim, expectedKeys, await store.outbox.counts());
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a failed drain: waits (bounded) until its remaining sends have settled and nothing changes any more. */
async function settle(w: World): Promise<void> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const now = JSON.stringify([await w.store.outbox.counts(), w.sim.calls.length]);
    if (now === last) return;
    last = now;
    await sleep(150);
  }
  throw new Error('the outbox did not settle');
}

/** Ticks until nothing is left to send, moving the clock past the lease so orphaned rows are recovered. */
async function finish(w: World): Promise<number> {
  for (let ticks = 1; ticks <= 20; ticks++) {
    w.time.advance(LEASE_MS + 1);
    await w.tick();
    const counts = await w.store.outbox.counts();
    if (counts.pending + counts.sending === 0) return ticks;
  }
  throw new Error('work left after 20 ticks');
}

function expectExactlyOnce(audit: Awaited<ReturnType<World['audit']>>): void {
  expect(audit.duplicated).toEqual([]);
  expect(audit.missing).toEqual([]);
  expect(audit.unexpected).toEqual([]);
  expect(audit.outbox).toMatchObject({ sent: PEOPLE, pending: 0, sending: 0, failed: 0 });
}

/** Wall-clock times (ms) at which the store's writes for passes and drains completed, in order. */
function recordWrites(store: SqliteStore): number[] {
  const times: number[] = [];
  const wrap =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(...args);
      times.push(Date.now());
      return result;
    };
  store.jobs.apply = wrap(store.jobs.apply);
  store.jobs.applyMany = wrap(store.jobs.applyMany);
  store.outbox.claim = wrap(store.outbox.claim);
  store.outbox.markSent = wrap(store.outbox.markSent);
  return times;
}

const JOBS_DONE = `SELECT COUNT(*) FROM jobs WHERE state = 'done'`;
const ROWS_SENT = `SELECT COUNT(*) FROM outbox WHERE status = 'sent'`;

const jobsDone = (store: SqliteStore) =>
  Number((store.db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE state = 'done'`).get() as { n: number }).n);

describe('the database locked by another connection', () => {
  it('waits for a write lock held for less than the busy timeout, then does all the work in the same tick', async () => {
    const w = await world(2000);
    const writes = recordWrites(w.store);
    const { locked, released } = w.holder.lock(300);
    const lockedAt = await locked;
    await w.tick();
    await released;
    // The first write of the tick went through only once the 300 ms lock was given back: it waited, then succeeded.
    expect(writes[0]).toBeGreaterThanOrEqual(lockedAt + 280);
    expectExactlyOnce(await w.audit());
    expect(jobOutboxMismatches(w.store)).toEqual({ jobsWithoutRow: 0, rowsWithoutJob: 0 });
  });

  it('waits for a short lock that lands in the middle of a drain', async () => {
    const w = await world(2000);
    await runSchedulerPass(w.store, w.time);
    const writes = recordWrites(w.store);
    const { locked, released } = w.holder.lock(300, { sql: ROWS_SENT, atLeast: 20 });
    await w.dispatcher.drain();
    const lockedAt = await locked;
    await released;
    // No write completed while the lock was held; writes resumed after it.
    expect(writes.filter((t) => t > lockedAt + 5 && t < lockedAt + 280)).toEqual([]);
    expect(writes.filter((t) => t >= lockedAt + 280).length).toBeGreaterThan(0);
    expect(w.sim.messages().length).toBe(PEOPLE);
    expectExactlyOnce(await w.audit());
  });

  it('fails the tick cleanly when the lock outlasts the busy timeout, and the next tick does the work', async () => {
    const w = await world(100);
    const { locked, released } = w.holder.lock(800);
    await locked;
    await expect(w.tick()).rejects.toThrow(/database is locked/);
    // Nothing half done: no job advanced, no outbox row, nothing sent.
    expect(jobsDone(w.store)).toBe(0);
    expect(await w.store.outbox.list()).toEqual([]);
    expect(w.sim.messages()).toEqual([]);
    await released;
    await w.tick();
    expectExactlyOnce(await w.audit());
    expect(jobOutboxMismatches(w.store)).toEqual({ jobsWithoutRow: 0, rowsWithoutJob: 0 });
  });

  it('keeps each job and its outbox row together when a long lock cuts a pass short', async () => {
    const w = await world(100);
    const { released } = w.holder.lock(800, { sql: JOBS_DONE, atLeast: 20 });
    // Batches of 10 jobs, each written in a transaction of its own: the lock lands between two of them.
    await expect(runSchedulerPass(w.store, w.time, 10)).rejects.toThrow(/database is locked/);
    const done = jobsDone(w.store);
    expect(done).toBeGreaterThanOrEqual(20);
    expect(done).toBeLessThan(PEOPLE);
    // Every job the pass advanced has its row, and there is no row without its job.
    expect(jobOutboxMismatches(w.store)).toEqual({ jobsWithoutRow: 0, rowsWithoutJob: 0 });
    expect((await w.store.outbox.list()).length).toBe(done);
    await released;
    await settle(w);
    await finish(w);
    expectExactlyOnce(await w.audit());
    expect(jobOutboxMismatches(w.store)).toEqual({ jobsWithoutRow: 0, rowsWithoutJob: 0 });
  });

  it('settles rows a long lock left mid-send without sending any twice', async () => {
    const w = await world(100);
    await runSchedulerPass(w.store, w.time);
    const { released } = w.holder.lock(800, { sql: ROWS_SENT, atLeast: 20 });
    await expect(w.dispatcher.drain()).rejects.toThrow(/database is locked/);
    await released;
    await settle(w);
    const before = await w.store.outbox.counts();
    expect(before.sent).toBeGreaterThanOrEqual(20);
    expect(before.sent).toBeLessThan(PEOPLE);
    // Messages Slack stored whose outcome the lock kept from being written are settled by looking, not resent.
    const unrecorded = w.sim.messages().length - before.sent;
    const lookupsBefore = w.sim.callsTo('conversations.history').length;
    await finish(w);
    expectExactlyOnce(await w.audit());
    if (unrecorded > 0) expect(w.sim.callsTo('conversations.history').length).toBeGreaterThan(lookupsBefore);
  });
});
