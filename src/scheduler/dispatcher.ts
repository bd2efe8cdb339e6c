import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ChannelSender, Delivery, SendReceipt } from '../app/ports.js';
import { SendError } from '../app/ports.js';
import { type Clock, systemTimer, type Timer } from '../core/clock.js';
import { BUDGETED_KINDS } from '../core/messages.js';
import { availabilityOf, type Participant, type Platform } from '../core/participant.js';
import { type Availability, nextAllowedInstant } from '../core/time.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { DispatchScope, OutboxRow, ProgramRecord, SendStep, Store } from '../store/types.js';
import { RateLimiter } from './rate-limit.js';

export interface DispatcherOptions {
  store: Store;
  clock: Clock;
  senders: readonly ChannelSender[];
  logger?: Logger;
  /** Attempts before a row is marked failed. */
  maxAttempts?: number;
  /** How long a row may stay in `sending` before it counts as abandoned by a crashed process. */
  leaseMs?: number;
  batchSize?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** Backoff before the n-th retry, in ms (without Retry-After). */
  backoffMs?: (attempt: number) => number;
  /** Monotonic time for pacing sends (rate limits, Retry-After pauses); tests pass a fake one. */
  timer?: Timer;
  /** Told when a platform refuses a person or channel for good, after they are marked unreachable. */
  onUnreachable?: (participantId: string, reason: string) => Promise<void>;
  /** This dispatcher's name as a lease holder: unique per process start (default: host, pid and a random part). */
  holder?: string;
  /**
   * Time to live of the dispatch lease on each workspace or tenant. Only the holder dispatches for it; it renews
   * the lease while it works and releases it when nothing there is due any more; another replica takes over at
   * once after a release, or when the holder stops renewing (it died or hung) after the lease expires (default 30 s).
   */
  dispatchLeaseMs?: number;
}

export interface DispatchStats {
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  cancelled: number;
  recovered: number;
  /** Workspaces or tenants with work that another replica's dispatch lease holds. */
  deferred: number;
}

/**
 * The longest window that the in-process pacing keeps (Slack's minute). A dispatcher that takes a workspace over
 * from another replica that held it this recently starts its token bucket empty, so the two together never send
 * more than one bucket would.
 */
const HANDOVER_WINDOW_MS = 60_000;

/** A dispatch lease this dispatcher holds, and when it last renewed it (by the outbox clock). */
interface HeldLease {
  name: string;
  scope: DispatchScope;
  renewedAt: number;
  lost: boolean;
  /** The drain of its workspace ended: a renewal that lands after that gives the lease straight back. */
  done: boolean;
  /**
   * Taken over from another holder: every row that holder claimed or began to send was claimed before this instant
   * (it sends only in the first third of a holding), so such rows still `sending` are orphans, recovered at once.
   */
  orphansBefore: number | null;
}

const leaseName = (scope: DispatchScope) => `dispatch:${scope.platform}:${scope.workspaceId}`;
const scopeKey = (scope: DispatchScope) => `${scope.platform}:${scope.workspaceId}`;

/**
 * 15 s, 30 s, 1 min, … doubling up to 10 min, with jitter (half to full): with the default 10 attempts a message
 * rides out a platform outage of about half an hour to three quarters of one before it is given up.
 */
export const defaultBackoff = (attempt: number): number => {
  const base = Math.min(10 * 60_000, 15_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
};

/** Reason prefix of a row whose last attempt may have reached the platform: the next attempt looks before sending. */
const UNKNOWN_OUTCOME = 'unknown outcome';

/** How long past its expiry a row whose earlier attempt is unaccounted for keeps trying to look. */
const LOOKUP_PATIENCE_MS = 24 * 60 * 60_000;

/** Stats with nothing counted yet, to add drains up. */
export function emptyDispatchStats(): DispatchStats {
  return { sent: 0, retried: 0, failed: 0, expired: 0, cancelled: 0, recovered: 0, deferred: 0 };
}

/**
 * Sends outbox rows. Each row is claimed with a token before sending, so two dispatchers never send the
 * same row; a row's outcome is written only by the holder of its claim. Rows are dispatched per workspace or
 * tenant under a lease in the database, so that across replicas one dispatcher at a time paces each of them.
 */
export class Dispatcher {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #senders: Map<Platform, { sender: ChannelSender; limiter: RateLimiter; lookups: RateLimiter }>;
  readonly #logger: Logger;
  readonly #maxAttempts: number;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #concurrency: number;
  readonly #backoff: (attempt: number) => number;
  readonly #onUnreachable: DispatcherOptions['onUnreachable'];
  readonly #holder: string;
  readonly #dispatchLeaseMs: number;
  #draining: Promise<DispatchStats> | null = null;
  #stopping = false;
  /** Rows claimed and not yet handed to a send, with their claim: whoever deletes an entry owns the row. */
  readonly #unsent = new Map<number, { row: OutboxRow; token: string; scope: string }>();
  /** Sends under way (from the renewed claim to the written outcome). */
  readonly #inFlight = new Set<Promise<void>>();
  /** People with an interrupted send being settled: their other rows wait for it, to keep their order. */
  readonly #recovering = new Map<string, Promise<void>>();
  /** Names of the leases this dispatcher acquired. */
  readonly #leases = new Set<string>();
  /** Beginnings and successes of sends, written together. */
  readonly #steps: SendSteps;
  /** `#allowedAt` answers for the current minute, by availability. */
  #allowed = { minute: Number.NaN, at: new Map<string, number>() };

  constructor(options: DispatcherOptions) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#logger = options.logger ?? silentLogger;
    this.#maxAttempts = options.maxAttempts ?? 10;
    this.#onUnreachable = options.onUnreachable;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#batchSize = options.batchSize ?? 50;
    this.#concurrency = options.concurrency ?? 8;
    this.#backoff = options.backoffMs ?? defaultBackoff;
    this.#holder = options.holder ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.#dispatchLeaseMs = options.dispatchLeaseMs ?? 30_000;
    this.#steps = new SendSteps(this.#store);
    const timer = options.timer ?? systemTimer;
    this.#senders = new Map(
      options.senders.map((sender) => [
        sender.platform,
        {
          sender,
          limiter: new RateLimiter(sender.limits.perWorkspacePerSecond, sender.limits.burst, timer),
          lookups: new RateLimiter(
            sender.limits.lookupsPerSecond ?? sender.limits.perWorkspacePerSecond,
            5,
            timer,
          ),
        },
      ]),
    );
  }

  /** This dispatcher's name as a lease holder. */
  get holder(): string {
    return this.#holder;
  }

  /** Sends everything due now in the workspaces and tenants whose lease it gets; concurrent calls share one run. */
  drain(): Promise<DispatchStats> {
    if (this.#stopping) return Promise.resolve(emptyDispatchStats());
    if (!this.#draining) {
      this.#draining = this.#drain().finally(() => {
        this.#draining = null;
      });
    }
    return this.#draining;
  }

  /**
   * For a graceful shutdown: claims nothing more, hands rows claimed but not yet being sent back to the outbox
   * (due at once, for any replica), and waits up to `timeoutMs` for the sends in flight to write their outcome.
   * Then, if they did, releases its leases so another replica takes over without waiting for them to expire.
   * A send still in flight at the timeout stays `sending` and is settled by recovery (looked up, never resent blind).
   */
  async stop(timeoutMs: number): Promise<{ settled: boolean; inFlight: number }> {
    this.#stopping = true;
    await this.#handBack(() => true, 'handed back unsent: the dispatcher stopped');
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      Promise.allSettled([...this.#inFlight]).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs));
      }),
    ]);
    clearTimeout(timer);
    const inFlight = this.#inFlight.size;
    if (settled) {
      for (const name of this.#leases)
        await this.#store.leases.release(name, this.#holder, this.#clock.now()).catch(() => false);
    }
    return { settled, inFlight };
  }

  async #drain(): Promise<DispatchStats> {
    const stats = emptyDispatchStats();
    const now = this.#clock.now();
    // A workspace whose rows have been `sending` for longer than a dispatch lease may have lost its holder: try its
    // lease (a live holder keeps it, and the drain defers), so that a takeover settles those rows without waiting for
    // the claim lease.
    const scopes = await this.#store.outbox.dueScopes(
      now,
      now - Math.min(this.#leaseMs, this.#dispatchLeaseMs),
    );
    const results = await Promise.allSettled(scopes.map((scope) => this.#drainScope(scope, stats)));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return stats;
  }

  /** One workspace or tenant, under its lease: recovery of abandoned rows, then claims until nothing is due. */
  async #drainScope(scope: DispatchScope, stats: DispatchStats): Promise<void> {
    const lease = await this.#acquire(scope);
    if (!lease) {
      stats.deferred += 1;
      return;
    }
    // Renewed on a timer as well, so that a long wait (a Retry-After pause) does not let the lease lapse.
    const renewal = setInterval(() => void this.#keep(lease, true), Math.max(1, this.#dispatchLeaseMs / 3));
    renewal.unref();
    try {
      // Interrupted sends are looked up on the platform beside the claims, not before them: look-ups have a pace
      // of their own (Slack's Tier 3), and a takeover must not hold the workspace's sends back while they run.
      const interrupted = await this.#recoverStale(stats, scope, lease);
      const settling = this.#settleInterrupted(interrupted, stats, lease).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      let failure: unknown = null;
      try {
        await this.#claimUntilEmpty(scope, stats, lease);
      } catch (error) {
        failure = error;
      }
      const settled = await settling;
      if (failure !== null) throw failure;
      if (settled) throw settled.error;
      // Rows that fell due while the look-ups ran are claimed before the lease goes back.
      if (interrupted.length > 0) await this.#claimUntilEmpty(scope, stats, lease);
    } finally {
      clearInterval(renewal);
      lease.done = true;
      // Nothing more is due here: whichever replica has work for this workspace next may take it at once.
      if (!lease.lost && !this.#stopping)
        await this.#store.leases.release(lease.name, this.#holder, this.#clock.now()).catch(() => false);
    }
  }

  /** Claims and sends the workspace's due rows, a batch at a time, until nothing is due or the lease is gone. */
  async #claimUntilEmpty(scope: DispatchScope, stats: DispatchStats, lease: HeldLease): Promise<void> {
    const token = randomUUID();
    for (;;) {
      if (this.#stopping || !(await this.#keep(lease))) return;
      const rows = await this.#store.outbox.claim(this.#clock.now(), this.#batchSize, token, scope);
      if (rows.length === 0) return;
      for (const row of rows) this.#unsent.set(row.id, { row, token, scope: scopeKey(scope) });
      const reads = new BatchReads(this.#store, rows);
      // One lane per person, in the order the rows were claimed: a person's messages go out one after the
      // other, so they arrive in the order they were queued however long each send's reads take.
      const lanes = lanesByPerson(rows);
      let next = 0;
      let failure: unknown = null;
      const workers = Array.from({ length: Math.min(this.#concurrency, lanes.length) }, async () => {
        // After the first failure no new row is started; the rows already in flight finish first.
        while (next < lanes.length && failure === null) {
          for (const row of lanes[next++]!) {
            if (failure !== null || this.#stopping || lease.lost) break;
            try {
              // An interrupted send to the same person is settled first, so that their messages keep their order.
              await this.#recovering.get(row.participantId);
              await this.#deliverClaimed(row, token, stats, lease, false, reads);
            } catch (error) {
              failure ??= error;
            }
          }
        }
      });
      await Promise.all(workers);
      // Sends whose success was still being written when their worker went on to its next row.
      for (const written of await Promise.allSettled(reads.recording))
        if (written.status === 'rejected') failure ??= written.reason;
      // Rows of this batch that no worker started (a failure, a shutdown, a lost lease) go back at once.
      const batch = new Set(rows.map((row) => row.id));
      await this.#handBack((id) => batch.has(id), 'handed back unsent');
      if (failure !== null) throw failure;
    }
  }

  /**
   * Delivers one claimed row. When the delivery fails before a send took the row over (a store error while its
   * person or program is read), the row goes straight back to the outbox instead of staying `sending` under a
   * claim that only the two-minute claim lease would free.
   */
  async #deliverClaimed(
    row: OutboxRow,
    token: string,
    stats: DispatchStats,
    lease: HeldLease,
    absentChecked = false,
    reads?: BatchReads,
  ): Promise<void> {
    try {
      await this.#deliver(row, token, stats, lease, absentChecked, reads);
    } catch (error) {
      if (this.#unsent.has(row.id))
        await this.#handBack((id) => id === row.id, 'handed back unsent: its delivery failed');
      throw error;
    } finally {
      this.#unsent.delete(row.id);
    }
  }

  /** Takes (or renews) the workspace's dispatch lease; null when another replica holds it. */
  async #acquire(scope: DispatchScope): Promise<HeldLease | null> {
    const name = leaseName(scope);
    const now = this.#clock.now();
    const result = await this.#store.leases.acquire(name, this.#holder, now, this.#dispatchLeaseMs);
    if (!result.acquired) return null;
    this.#leases.add(name);
    const takenOver = result.previousHolder !== null && result.previousHolder !== this.#holder;
    if (
      result.previousHolder !== null &&
      result.previousHolder !== this.#holder &&
      (result.previousUntil ?? 0) > now - HANDOVER_WINDOW_MS
    ) {
      // Taken over from a replica that was sending moments ago: no burst on top of what it sent.
      const entry = this.#senders.get(scope.platform);
      entry?.limiter.pause(scopeKey(scope), 0);
      entry?.lookups.pause(scopeKey(scope), 0);
      this.#logger.info({ lease: name, from: result.previousHolder }, 'took over a dispatch lease');
    }
    return {
      name,
      scope,
      renewedAt: now,
      lost: false,
      done: false,
      orphansBefore: takenOver
        ? Math.min(now, result.previousUntil ?? now) - (2 * this.#dispatchLeaseMs) / 3
        : null,
    };
  }

  /**
   * True while the lease is held. Renews it once a third of its time to live has passed since the last renewal
   * (always, with `force`), so that nothing is sent in the last two thirds of a holding that might lapse. When
   * another replica has it, the rows claimed for its workspace and not yet being sent go back to the outbox.
   */
  async #keep(lease: HeldLease, force = false): Promise<boolean> {
    if (lease.lost) return false;
    const now = this.#clock.now();
    if (!force && now - lease.renewedAt < this.#dispatchLeaseMs / 3) return true;
    let held: boolean;
    try {
      held = (await this.#store.leases.acquire(lease.name, this.#holder, now, this.#dispatchLeaseMs))
        .acquired;
    } catch (error) {
      if (force) return false; // the timer's renewal: the next one, or the check before a send, tries again
      throw error;
    }
    if (held) {
      lease.renewedAt = Math.max(lease.renewedAt, now);
      if (lease.done && !this.#stopping)
        await this.#store.leases.release(lease.name, this.#holder, this.#clock.now()).catch(() => false);
      return true;
    }
    lease.lost = true;
    this.#logger.warn({ lease: lease.name }, 'dispatch lease lost to another replica; handing its rows back');
    const key = scopeKey(lease.scope);
    await this.#handBack((_, scope) => scope === key, 'handed back unsent: the dispatch lease moved');
    return false;
  }

  /** Gives claimed rows that no send has taken yet back to the outbox, due at once. */
  async #handBack(which: (id: number, scope: string) => boolean, reason: string): Promise<void> {
    const now = this.#clock.now();
    for (const [id, { row, token, scope }] of [...this.#unsent]) {
      if (!which(id, scope)) continue;
      this.#unsent.delete(id);
      // An unknown outcome stays marked, so that whoever sends it next looks first.
      const keep = row.reason?.startsWith(UNKNOWN_OUTCOME) ? row.reason : reason;
      await this.#store.outbox.release(id, token, Math.min(now, row.nextAttemptAt), keep).catch(() => false);
    }
  }

  /**
   * Rows a crashed or hung process left in `sending`: those it never began to send go straight back, those a
   * channel cannot look up are closed as failed, and the rest (an interrupted send whose outcome is unknown) are
   * reclaimed and returned, for `#settleInterrupted` to look up without ever sending twice.
   */
  async #recoverStale(
    stats: DispatchStats,
    scope: DispatchScope,
    lease: HeldLease,
  ): Promise<{ row: OutboxRow; token: string }[]> {
    const now = this.#clock.now();
    // Rows left by a holder this dispatcher took the lease over from are orphans already; others wait the claim lease.
    const age =
      lease.orphansBefore === null
        ? this.#leaseMs
        : Math.max(0, Math.min(this.#leaseMs, now - lease.orphansBefore));
    const interrupted: { row: OutboxRow; token: string }[] = [];
    const stale = await this.#store.outbox.stale(now, age, scope);
    if (stale.length > 0)
      this.#logger.info(
        { lease: lease.name, rows: stale.length, sending: stale.filter((r) => r.attempts > 0).length },
        'settling rows a stopped holder left claimed',
      );
    for (const row of stale) {
      if (this.#stopping || !(await this.#keep(lease))) break;
      const token = randomUUID();
      if (!(await this.#store.outbox.reclaim(row.id, row.claimToken, token, this.#clock.now()))) continue;
      stats.recovered += 1;
      if (row.attempts === 0 && !row.reason?.startsWith(UNKNOWN_OUTCOME)) {
        // Claimed but never sent (attempts count sends): nothing can have reached the platform.
        await this.#store.outbox.release(
          row.id,
          token,
          this.#clock.now(),
          'claimed by a process that stopped before sending',
        );
        continue;
      }
      if (!this.#senders.get(row.platform)?.sender.findDelivered) {
        await this.#close(
          row,
          token,
          'failed',
          'outcome unknown after an interrupted send; not sent again so it cannot arrive twice',
          stats,
        );
        continue;
      }
      interrupted.push({ row, token });
    }
    return interrupted;
  }

  /**
   * Looks up each interrupted send, one after the other at the look-up pace, while the workspace's other rows are
   * claimed and sent: found, it is marked sent; not there, it is sent now, before anything else to the same person
   * (their later rows wait for it). A row it does not get to (a shutdown, a lost lease, an error) goes back to the
   * outbox still marked with its unknown outcome, so that whoever sends it next looks first.
   */
  async #settleInterrupted(
    rows: readonly { row: OutboxRow; token: string }[],
    stats: DispatchStats,
    lease: HeldLease,
  ): Promise<void> {
    if (rows.length === 0) return;
    // Each person with interrupted sends: how many of theirs are still unsettled, and the wait their other rows see.
    const people = new Map<string, { left: number; done: () => void }>();
    for (const { row } of rows) {
      const person = people.get(row.participantId);
      if (person) {
        person.left += 1;
        continue;
      }
      const entry = { left: 1, done: () => {} };
      this.#recovering.set(
        row.participantId,
        new Promise<void>((resolve) => {
          entry.done = resolve;
        }),
      );
      people.set(row.participantId, entry);
    }
    const settled = (row: OutboxRow) => {
      const person = people.get(row.participantId)!;
      person.left -= 1;
      if (person.left > 0) return;
      this.#recovering.delete(row.participantId);
      person.done();
    };
    let failure: unknown = null;
    const fail = (error: unknown) => {
      failure ??= error;
    };
    // Look-ups one after the other; a send that follows one does not hold up the next look-up.
    const deliveries: Promise<void>[] = [];
    for (const { row, token } of rows) {
      try {
        const next = failure === null ? await this.#lookUpInterrupted(row, token, stats, lease) : null;
        if (failure !== null) await this.#giveBackInterrupted(row, token);
        if (next) {
          deliveries.push(next.delivering.catch(fail).finally(() => settled(row)));
          continue;
        }
      } catch (error) {
        fail(error);
        await this.#giveBackInterrupted(row, token).catch(() => false);
      }
      settled(row);
    }
    await Promise.all(deliveries);
    if (failure !== null) throw failure;
  }

  /**
   * Looks one interrupted send up. Found, it is marked sent; not there, its delivery starts (returned, so that the
   * caller can wait for it); unlooked (a shutdown, a lost lease), it goes back to the outbox.
   */
  async #lookUpInterrupted(
    row: OutboxRow,
    token: string,
    stats: DispatchStats,
    lease: HeldLease,
  ): Promise<{ delivering: Promise<void> } | null> {
    if (this.#stopping || !(await this.#keep(lease))) {
      await this.#giveBackInterrupted(row, token);
      return null;
    }
    const entry = this.#senders.get(row.platform)!;
    const delivery = await this.#delivery(row);
    if (!delivery) {
      await this.#close(row, token, 'cancelled', 'participant no longer exists', stats);
      return null;
    }
    let found: SendReceipt | null;
    try {
      found = await this.#lookup(entry, delivery, row.workspaceId);
    } catch (error) {
      // Still unknown: look again later. One failed lookup must not stop the whole drain.
      await this.#lookupFailed(row, token, error as SendError, stats);
      return null;
    }
    if (found) {
      await this.#store.outbox.markSent(row.id, token, found.providerRef, this.#clock.now());
      stats.sent += 1;
      return null;
    }
    if (this.#stopping) {
      await this.#giveBackInterrupted(row, token);
      return null;
    }
    // Not on the platform: the ordinary delivery, without looking a second time.
    this.#unsent.set(row.id, { row, token, scope: `${row.platform}:${row.workspaceId}` });
    return { delivering: this.#deliverClaimed(row, token, stats, lease, true) };
  }

  /** An interrupted send goes back to the outbox unsettled, due at once and still marked to be looked up. */
  async #giveBackInterrupted(row: OutboxRow, token: string): Promise<void> {
    const reason = row.reason?.startsWith(UNKNOWN_OUTCOME)
      ? row.reason
      : `${UNKNOWN_OUTCOME}: an interrupted send, not looked up yet`;
    await this.#store.outbox.release(row.id, token, Math.min(this.#clock.now(), row.nextAttemptAt), reason);
  }

  /** Looks on the platform for an earlier attempt, paced by its own limiter (look-ups use a stricter API tier). */
  async #lookup(
    entry: { sender: ChannelSender; lookups: RateLimiter },
    delivery: Delivery,
    workspaceId: string,
  ): Promise<SendReceipt | null> {
    const key = `${delivery.recipient.platform}:${workspaceId}`;
    await entry.lookups.acquire(key);
    try {
      return (await entry.sender.findDelivered?.(delivery)) ?? null;
    } catch (error) {
      // The earlier attempt is still unaccounted for: whatever happens next must look again before it sends.
      const failure = error instanceof SendError ? error.failure : ({ kind: 'transient' } as const);
      if (failure.kind === 'rate_limited') entry.lookups.pause(key, failure.retryAfterMs);
      throw new SendError(`could not check an earlier attempt: ${(error as Error).message}`, failure, true);
    }
  }

  /**
   * A look-up failed, so the earlier attempt stays unaccounted for. Look-ups are not sends and use no attempt:
   * the row waits (honouring Retry-After) and looks again, until a day past its expiry, when it is closed as
   * failed with its unknown outcome rather than risk a second copy.
   */
  async #lookupFailed(row: OutboxRow, token: string, error: SendError, stats: DispatchStats): Promise<void> {
    const now = this.#clock.now();
    if (now > row.expiresAt + LOOKUP_PATIENCE_MS) {
      await this.#store.outbox.finish(
        row.id,
        token,
        'failed',
        `${UNKNOWN_OUTCOME}: ${error.message}; gave up looking`,
        now,
      );
      stats.failed += 1;
      return;
    }
    const retryAfter = error.failure.kind === 'rate_limited' ? error.failure.retryAfterMs : 0;
    const delay = Math.max(this.#backoff(Math.max(1, row.attempts)), retryAfter);
    await this.#store.outbox.release(row.id, token, now + delay, `${UNKNOWN_OUTCOME}: ${error.message}`);
    stats.retried += 1;
  }

  /** Closes a claimed row without sending it, and counts it. */
  async #close(
    row: OutboxRow,
    token: string,
    status: 'failed' | 'expired' | 'cancelled',
    reason: string,
    stats: DispatchStats,
  ): Promise<void> {
    await this.#store.outbox.finish(row.id, token, status, reason, this.#clock.now());
    stats[status] += 1;
    this.#logger.info({ outboxId: row.id, kind: row.kind, status, reason }, 'outbox row closed unsent');
  }

  /**
   * `nextAllowedInstant(now, availability)`, worked out once a minute per availability: working days and quiet
   * hours are whole local minutes, and every zone's offset today is whole minutes, so the answer for any instant of
   * a minute is that minute's own (when it is allowed, the instant itself; otherwise a later minute).
   */
  #allowedAt(now: number, availability: Availability): number {
    const minute = Math.floor(now / 60_000) * 60_000;
    if (this.#allowed.minute !== minute) this.#allowed = { minute, at: new Map() };
    const { timezone, workingDays, quietHours } = availability;
    const key = `${timezone} ${workingDays.join()} ${quietHours.start}-${quietHours.end}`;
    let at = this.#allowed.at.get(key);
    if (at === undefined) {
      at = nextAllowedInstant(minute, availability);
      this.#allowed.at.set(key, at);
    }
    return at === minute ? now : at;
  }

  async #delivery(row: OutboxRow, known?: Participant): Promise<Delivery | null> {
    const participant = known ?? (await this.#store.participants.get(row.participantId));
    if (!participant) return null;
    return {
      key: row.key,
      kind: row.kind,
      message: row.message,
      recipient: {
        participantId: participant.id,
        platform: participant.platform,
        workspaceId: participant.workspaceId,
        userId: participant.userId,
        address: participant.address,
      },
    };
  }

  /**
   * `absentChecked`: recovery has just looked for an earlier attempt of this row and not found it. `reads`: the
   * people and programs of the row's claimed batch, read once for all its rows.
   */
  async #deliver(
    row: OutboxRow,
    token: string,
    stats: DispatchStats,
    lease: HeldLease,
    absentChecked = false,
    reads?: BatchReads,
  ): Promise<void> {
    const store = this.#store;
    const now = this.#clock.now();
    const participant = reads
      ? await reads.person(row.participantId)
      : await store.participants.get(row.participantId);
    const finish = (status: 'failed' | 'expired' | 'cancelled', reason: string) =>
      this.#close(row, token, status, reason, stats);
    if (!participant) return finish('cancelled', 'participant no longer exists');
    const entry = this.#senders.get(participant.platform);
    const delivery = (await this.#delivery(row, participant))!;
    const uncertain = !absentChecked && row.attempts >= 1 && row.reason?.startsWith(UNKNOWN_OUTCOME) === true;
    let absent = absentChecked;
    if (uncertain && entry) {
      // An earlier attempt may have landed although its reply was lost. Look before anything else: if it did,
      // the row is sent, whatever changed since (quiet hours, expiry), and it must never go out a second time.
      let earlier: SendReceipt | null;
      try {
        earlier = await this.#lookup(entry, delivery, participant.workspaceId);
      } catch (error) {
        return this.#lookupFailed(row, token, error as SendError, stats);
      }
      if (earlier) {
        await store.outbox.markSent(row.id, token, earlier.providerRef, this.#clock.now());
        stats.sent += 1;
        return;
      }
      absent = true;
    }
    if (absent && row.attempts >= this.#maxAttempts) {
      return finish(
        'failed',
        `not delivered after ${row.attempts} attempts (the last one's outcome checked: not there)`,
      );
    }
    const refused = refusal(row, participant);
    if (refused) return finish(refused.status, refused.reason);
    if (now > row.expiresAt) return finish('expired', 'not sent within the catch-up grace window');
    if (BUDGETED_KINDS.has(row.kind)) {
      const program = reads
        ? await reads.program(participant.programId)
        : await store.programs.get(participant.programId);
      if (program) {
        const allowedAt = this.#allowedAt(now, availabilityOf(program.settings, participant));
        if (allowedAt !== now) {
          if (allowedAt > row.expiresAt)
            return finish('expired', 'quiet hours last beyond the catch-up grace window');
          // Keep the unknown-outcome mark, so that the attempt after the wait still looks before sending.
          const reason = uncertain
            ? `${UNKNOWN_OUTCOME} earlier; waiting for the end of quiet hours`
            : 'waiting for the end of quiet hours';
          await store.outbox.release(row.id, token, allowedAt, reason);
          return;
        }
      }
    }
    if (!entry) return finish('failed', `no ${participant.platform} channel is configured`);
    try {
      await entry.limiter.acquire(`${participant.platform}:${participant.workspaceId}`);
    } catch (error) {
      return this.#settleSendError(row, token, participant, error, stats);
    }
    // Send only while this replica still dispatches for the workspace, and only if the row was not handed back
    // meanwhile (a shutdown, a lost lease): from here on the row is this send's alone.
    if (!(await this.#keep(lease)) || !this.#unsent.delete(row.id)) return;
    const sending = this.#send(row, token, entry, delivery, participant, stats, reads);
    this.#inFlight.add(sending);
    try {
      await sending;
    } finally {
      this.#inFlight.delete(sending);
    }
  }

  async #send(
    row: OutboxRow,
    token: string,
    entry: { sender: ChannelSender },
    decided: Delivery,
    decidedFor: Participant,
    stats: DispatchStats,
    reads?: BatchReads,
  ): Promise<void> {
    const store = this.#store;
    let sending = row;
    let participant = decidedFor;
    let delivery = decided;
    let receipt: SendReceipt;
    try {
      // Waiting for the rate limit can outlast the lease: renew the claim, and send only while still holding it,
      // so a row that recovery has handed to someone else is not sent from here as well. The person is checked
      // again at the same moment: read with the batch (or before the wait), they may have withdrawn consent, become
      // unreachable or got a new address since; then they are read again and the row decided on what is true now.
      const begin = (person: Participant) =>
        this.#steps.write({
          step: 'begin',
          id: row.id,
          token,
          at: this.#clock.now(),
          person: { consent: person.consent, address: person.address },
        });
      let begun = await begin(participant);
      if (!begun) {
        reads?.forget(row.participantId);
        const fresh = await store.participants.get(row.participantId);
        if (!fresh) return this.#close(row, token, 'cancelled', 'participant no longer exists', stats);
        const refused = refusal(row, fresh);
        if (refused) return this.#close(row, token, refused.status, refused.reason, stats);
        participant = fresh;
        delivery = (await this.#delivery(row, fresh))!;
        begun = await begin(fresh);
      }
      if (!begun) {
        this.#logger.warn(
          { outboxId: row.id, kind: row.kind },
          'claim lost while waiting to send; leaving the row to its new holder',
        );
        return;
      }
      sending = { ...row, attempts: row.attempts + 1 };
      receipt = await entry.sender.send(delivery);
    } catch (error) {
      await this.#settleSendError(sending, token, participant, error, stats);
      return;
    }
    const recording = this.#recordSent(row, sending, token, receipt, participant, stats, reads);
    if (!reads || (receipt.address && receipt.address !== participant.address)) return recording;
    // Within a batch the worker goes on to its next row while the success is written, so that the write shares
    // a transaction with that row's beginning (and others'); the batch waits for it before it ends. A new address
    // is written first, for the person's next row to go there.
    this.#inFlight.add(recording);
    reads.recording.push(recording.finally(() => this.#inFlight.delete(recording)));
  }

  /** Writes a send's success (and the person's new address, if the platform gave one); a failure settles the row. */
  async #recordSent(
    row: OutboxRow,
    sending: OutboxRow,
    token: string,
    receipt: SendReceipt,
    participant: Participant,
    stats: DispatchStats,
    reads?: BatchReads,
  ): Promise<void> {
    try {
      await this.#steps.write({
        step: 'sent',
        id: row.id,
        token,
        providerRef: receipt.providerRef,
        at: this.#clock.now(),
      });
      if (receipt.address && receipt.address !== participant.address) {
        reads?.forget(participant.id);
        await this.#store.participants.update(participant.id, { address: receipt.address });
      }
      stats.sent += 1;
    } catch (error) {
      await this.#settleSendError(sending, token, participant, error, stats);
    }
  }

  /** A send (its wait, the send, or the record of it) that threw, settled as that send's failure. */
  #settleSendError(
    sending: OutboxRow,
    token: string,
    participant: Participant,
    error: unknown,
    stats: DispatchStats,
  ): Promise<void> {
    return this.#settleFailure(
      sending,
      token,
      participant.id,
      participant.workspaceId,
      asSendError(error),
      stats,
    );
  }

  async #settleFailure(
    row: OutboxRow,
    token: string,
    participantId: string,
    workspaceId: string,
    error: SendError,
    stats: DispatchStats,
  ): Promise<void> {
    const store = this.#store;
    const now = this.#clock.now();
    const { failure } = error;
    this.#logger.warn(
      {
        outboxId: row.id,
        kind: row.kind,
        attempt: row.attempts,
        failure: failure.kind,
        error: error.message,
      },
      'send failed',
    );
    if (failure.kind === 'unreachable') {
      await store.outbox.finish(row.id, token, 'failed', `unreachable: ${error.message}`, now);
      await store.participants.update(participantId, { reachable: false });
      stats.failed += 1;
      await this.#onUnreachable?.(participantId, error.message).catch((problem: Error) =>
        this.#logger.warn({ err: problem.message }, 'could not tell curators about an unreachable person'),
      );
      return;
    }
    if (error.outcomeUnknown && !this.#senders.get(row.platform)?.sender.findDelivered) {
      // Without a way to look on the platform a retry could deliver twice: such sends are at most once.
      await store.outbox.finish(
        row.id,
        token,
        'failed',
        `${UNKNOWN_OUTCOME}: ${error.message}; not sent again so it cannot arrive twice`,
        now,
      );
      stats.failed += 1;
      return;
    }
    if (row.attempts >= this.#maxAttempts && error.outcomeUnknown) {
      // Out of attempts, but the last one may have landed: look once more before calling it failed.
      await store.outbox.release(
        row.id,
        token,
        now + this.#backoff(row.attempts),
        `${UNKNOWN_OUTCOME}: ${error.message}`,
      );
      stats.retried += 1;
      return;
    }
    if (failure.kind === 'permanent' || row.attempts >= this.#maxAttempts) {
      await store.outbox.finish(
        row.id,
        token,
        'failed',
        `${failure.kind}: ${error.message} (after ${row.attempts} attempts)`,
        now,
      );
      stats.failed += 1;
      return;
    }
    let delay = this.#backoff(row.attempts);
    if (failure.kind === 'rate_limited') {
      delay = Math.max(delay, failure.retryAfterMs);
      this.#senders.get(row.platform)?.limiter.pause(`${row.platform}:${workspaceId}`, failure.retryAfterMs);
    }
    const reason = `${error.outcomeUnknown ? UNKNOWN_OUTCOME : failure.kind}: ${error.message}`;
    await store.outbox.release(row.id, token, now + delay, reason);
    stats.retried += 1;
  }
}

function asSendError(error: unknown): SendError {
  return error instanceof SendError
    ? error
    : new SendError((error as Error).message, { kind: 'transient' }, true);
}

/** Why a row must not go to its person as they are now (consent, reachability), or null. */
function refusal(
  row: OutboxRow,
  participant: Participant,
): { status: 'failed' | 'cancelled'; reason: string } | null {
  if (row.kind !== 'consent' && participant.consent !== 'accepted')
    return { status: 'cancelled', reason: `consent is ${participant.consent}` };
  if (row.kind === 'consent' && participant.consent === 'accepted')
    return { status: 'cancelled', reason: 'consent already given' };
  if (!participant.reachable)
    return { status: 'failed', reason: 'person cannot be reached on their channel' };
  return null;
}

/**
 * The outbox writes that begin sends and record them sent, written together: those asked for within one turn of
 * the event loop share one transaction (one commit, one round trip) instead of one each. Each resolves only once
 * written, so a send still goes out only after its beginning is durable, exactly as when written alone.
 */
class SendSteps {
  readonly #store: Store;
  #queued: { step: SendStep; done: (written: boolean) => void; failed: (error: unknown) => void }[] = [];

  constructor(store: Store) {
    this.#store = store;
  }

  write(step: SendStep): Promise<boolean> {
    return new Promise((done, failed) => {
      if (this.#queued.length === 0) setImmediate(() => void this.#flush());
      this.#queued.push({ step, done, failed });
    });
  }

  async #flush(): Promise<void> {
    const queued = this.#queued;
    this.#queued = [];
    try {
      const written = await this.#store.outbox.advance(queued.map((entry) => entry.step));
      for (const [i, entry] of queued.entries()) entry.done(written[i] === true);
    } catch (error) {
      for (const entry of queued) entry.failed(error);
    }
  }
}

/**
 * The people and programs of one claimed batch, each read once for all its rows (one store call for the people,
 * one per program) when the first row needs them. A read that fails is not kept, so the next row reads again.
 * A person the dispatcher changes (a new address) is forgotten and read on its own next time; what others change
 * meanwhile is caught as the send begins (see `#send`).
 */
class BatchReads {
  readonly #store: Store;
  readonly #ids: string[];
  #people: Promise<Map<string, Participant>> | null = null;
  readonly #forgotten = new Set<string>();
  readonly #programs = new Map<string, Promise<ProgramRecord | null>>();
  /** Successes of the batch's sends still being written. */
  readonly recording: Promise<void>[] = [];

  constructor(store: Store, rows: readonly OutboxRow[]) {
    this.#store = store;
    this.#ids = [...new Set(rows.map((row) => row.participantId))];
  }

  async person(id: string): Promise<Participant | null> {
    if (this.#forgotten.has(id)) return this.#store.participants.get(id);
    if (!this.#people) {
      const reading = this.#store.participants
        .getMany(this.#ids)
        .then((people) => new Map(people.map((person) => [person.id, person])));
      this.#people = reading;
      reading.catch(() => {
        if (this.#people === reading) this.#people = null;
      });
    }
    return (await this.#people).get(id) ?? null;
  }

  program(id: string): Promise<ProgramRecord | null> {
    let reading = this.#programs.get(id);
    if (!reading) {
      const read = this.#store.programs.get(id);
      reading = read;
      this.#programs.set(id, read);
      read.catch(() => {
        if (this.#programs.get(id) === read) this.#programs.delete(id);
      });
    }
    return reading;
  }

  forget(id: string): void {
    this.#forgotten.add(id);
  }
}

/** The rows grouped by the person they go to, each group and each row in claim order. */
export function lanesByPerson(rows: readonly OutboxRow[]): OutboxRow[][] {
  const lanes = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const lane = lanes.get(row.participantId);
    if (lane) lane.push(row);
    else lanes.set(row.participantId, [row]);
  }
  return [...lanes.values()];
}
