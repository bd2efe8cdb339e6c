import { randomUUID } from 'node:crypto';
import type { ChannelSender, Delivery, SendReceipt } from '../app/ports.js';
import { SendError } from '../app/ports.js';
import { type Clock, systemTimer, type Timer } from '../core/clock.js';
import { BUDGETED_KINDS } from '../core/messages.js';
import { availabilityOf, type Participant, type Platform } from '../core/participant.js';
import { nextAllowedInstant } from '../core/time.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { OutboxRow, Store } from '../store/types.js';
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
}

export interface DispatchStats {
  sent: number;
  retried: number;
  failed: number;
  expired: number;
  cancelled: number;
  recovered: number;
}

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

function emptyStats(): DispatchStats {
  return { sent: 0, retried: 0, failed: 0, expired: 0, cancelled: 0, recovered: 0 };
}

/**
 * Sends outbox rows. Each row is claimed with a token before sending, so two dispatchers never send the
 * same row; a row's outcome is written only by the holder of its claim.
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
  #draining: Promise<DispatchStats> | null = null;

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

  /** Sends everything due now; concurrent calls share one run. */
  drain(): Promise<DispatchStats> {
    if (!this.#draining) {
      this.#draining = this.#drain().finally(() => {
        this.#draining = null;
      });
    }
    return this.#draining;
  }

  async #drain(): Promise<DispatchStats> {
    const stats = emptyStats();
    await this.#recoverStale(stats);
    const token = randomUUID();
    for (;;) {
      const rows = await this.#store.outbox.claim(this.#clock.now(), this.#batchSize, token);
      if (rows.length === 0) break;
      let next = 0;
      let failure: unknown = null;
      const workers = Array.from({ length: Math.min(this.#concurrency, rows.length) }, async () => {
        // After the first failure no new row is started; the rows already in flight finish first.
        while (next < rows.length && failure === null) {
          const row = rows[next++]!;
          try {
            await this.#deliver(row, token, stats);
          } catch (error) {
            failure ??= error;
          }
        }
      });
      await Promise.all(workers);
      if (failure !== null) throw failure;
    }
    return stats;
  }

  /** Rows a crashed or hung process left in `sending`: settle them without ever sending twice. */
  async #recoverStale(stats: DispatchStats): Promise<void> {
    for (const row of await this.#store.outbox.stale(this.#clock.now(), this.#leaseMs)) {
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
      const entry = this.#senders.get(row.platform);
      const delivery = await this.#delivery(row);
      if (!entry?.sender.findDelivered || !delivery) {
        await this.#store.outbox.finish(
          row.id,
          token,
          'failed',
          'outcome unknown after an interrupted send; not sent again so it cannot arrive twice',
          this.#clock.now(),
        );
        stats.failed += 1;
        continue;
      }
      let found: SendReceipt | null;
      try {
        found = await this.#lookup(entry, delivery, row.workspaceId);
      } catch (error) {
        // Still unknown: look again later. One failed lookup must not stop the whole drain.
        await this.#lookupFailed(row, token, error as SendError, stats);
        continue;
      }
      if (found) {
        await this.#store.outbox.markSent(row.id, token, found.providerRef, this.#clock.now());
        stats.sent += 1;
      } else {
        await this.#store.outbox.release(
          row.id,
          token,
          this.#clock.now(),
          'interrupted send not found on the platform; will send',
        );
      }
    }
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

  async #deliver(row: OutboxRow, token: string, stats: DispatchStats): Promise<void> {
    const store = this.#store;
    const now = this.#clock.now();
    const participant = await store.participants.get(row.participantId);
    const finish = async (status: 'failed' | 'expired' | 'cancelled', reason: string) => {
      await store.outbox.finish(row.id, token, status, reason, this.#clock.now());
      stats[status] += 1;
      this.#logger.info({ outboxId: row.id, kind: row.kind, status, reason }, 'outbox row closed unsent');
    };
    if (!participant) return finish('cancelled', 'participant no longer exists');
    const entry = this.#senders.get(participant.platform);
    const delivery = (await this.#delivery(row, participant))!;
    const uncertain = row.attempts >= 1 && row.reason?.startsWith(UNKNOWN_OUTCOME) === true;
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
      if (row.attempts >= this.#maxAttempts) {
        return finish(
          'failed',
          `not delivered after ${row.attempts} attempts (the last one's outcome checked: not there)`,
        );
      }
    }
    if (row.kind !== 'consent' && participant.consent !== 'accepted')
      return finish('cancelled', `consent is ${participant.consent}`);
    if (row.kind === 'consent' && participant.consent === 'accepted')
      return finish('cancelled', 'consent already given');
    if (!participant.reachable) return finish('failed', 'person cannot be reached on their channel');
    if (now > row.expiresAt) return finish('expired', 'not sent within the catch-up grace window');
    if (BUDGETED_KINDS.has(row.kind)) {
      const program = await store.programs.get(participant.programId);
      if (program) {
        const allowedAt = nextAllowedInstant(now, availabilityOf(program.settings, participant));
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
    let sending = row;
    try {
      await entry.limiter.acquire(`${participant.platform}:${participant.workspaceId}`);
      // Waiting for the rate limit can outlast the lease: renew the claim, and send only while still holding it,
      // so a row that recovery has handed to someone else is not sent from here as well.
      if (!(await store.outbox.beginSend(row.id, token, this.#clock.now()))) {
        this.#logger.warn(
          { outboxId: row.id, kind: row.kind },
          'claim lost while waiting to send; leaving the row to its new holder',
        );
        return;
      }
      sending = { ...row, attempts: row.attempts + 1 };
      const receipt = await entry.sender.send(delivery);
      await store.outbox.markSent(row.id, token, receipt.providerRef, this.#clock.now());
      if (receipt.address && receipt.address !== participant.address) {
        await store.participants.update(participant.id, { address: receipt.address });
      }
      stats.sent += 1;
    } catch (error) {
      const failure =
        error instanceof SendError
          ? error
          : new SendError((error as Error).message, { kind: 'transient' }, true);
      await this.#settleFailure(sending, token, participant.id, participant.workspaceId, failure, stats);
    }
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
