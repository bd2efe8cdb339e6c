import { systemTimer, type Timer } from '../core/clock.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
  pausedUntil: number;
  queue: Promise<void>;
}

/**
 * Token buckets keyed by workspace or tenant. `acquire` waits its turn (callers on one key are served in
 * order); `pause` holds a key back after the platform answered 429 with Retry-After.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly timer: Timer = systemTimer,
  ) {
    if (ratePerSecond <= 0 || burst < 1) throw new RangeError('rate must be positive and burst at least 1');
  }

  #bucket(key: string): Bucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.burst, updatedAt: this.timer.now(), pausedUntil: 0, queue: Promise.resolve() };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  acquire(key: string): Promise<void> {
    const bucket = this.#bucket(key);
    const turn = bucket.queue.then(async () => {
      for (;;) {
        const now = this.timer.now();
        if (bucket.pausedUntil > now) {
          await this.timer.sleep(bucket.pausedUntil - now);
          continue;
        }
        bucket.tokens = Math.min(
          this.burst,
          bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.ratePerSecond,
        );
        bucket.updatedAt = now;
        if (bucket.tokens >= 1) {
          bucket.tokens -= 1;
          return;
        }
        // Whole milliseconds, as timers wait anyway: a fractional wait can round away to nothing and spin.
        await this.timer.sleep(Math.ceil(((1 - bucket.tokens) / this.ratePerSecond) * 1000));
      }
    });
    bucket.queue = turn.catch(() => undefined);
    return turn;
  }

  pause(key: string, ms: number): void {
    const bucket = this.#bucket(key);
    bucket.pausedUntil = Math.max(bucket.pausedUntil, this.timer.now() + ms);
    // The bucket refills from the end of the pause: otherwise the paused time itself would count as refill
    // and a full burst would hit the platform the moment Retry-After runs out.
    bucket.tokens = 0;
    bucket.updatedAt = Math.max(bucket.updatedAt, bucket.pausedUntil);
  }
}

/** At most `count` requests may arrive within any span shorter than `ms`. */
export interface SlidingWindow {
  count: number;
  ms: number;
}

interface WindowLog {
  /**
   * The latest moment each earlier request can have arrived at: when its answer came back, or Infinity while it
   * is under way.
   */
  arrivals: number[];
  queue: Promise<void>;
  /** Turns asked for and not yet let through. */
  pending: number;
  /** Turns waiting for a request under way to be answered. */
  waiting: (() => void)[];
}

/**
 * Sliding windows keyed by conversation (or any other key), for a platform that counts requests when they arrive,
 * as Teams does per conversation (7 per 1 s, 8 per 2 s, 60 per 30 s, …). A request arrives somewhere between the
 * moment it is let through and the moment its answer comes back, so each one counts from the first until `ms` plus
 * `marginMs` after the second: `acquire` resolves with a release to call once the request has been answered or has
 * failed. However late a request arrives or early the next one, no window ever holds more than `count`, and no
 * request waits longer than that requires (plus the margin, for clocks and timers). Callers on one key are served in
 * order.
 */
export class SlidingWindowLimiter {
  /** Least recently used first. */
  readonly #logs = new Map<string, WindowLog>();
  readonly #windows: readonly SlidingWindow[];
  /** How long after its answer a request stops counting in the longest window. */
  readonly #forgetAfterMs: number;

  constructor(
    windows: readonly SlidingWindow[],
    private readonly marginMs = 0,
    private readonly timer: Timer = systemTimer,
  ) {
    if (windows.some((w) => !(w.count >= 1) || !(w.ms > 0)) || !(marginMs >= 0))
      throw new RangeError(
        'a window needs a count of at least 1 and a positive span, and the margin cannot be negative',
      );
    this.#windows = windows.map((w) => ({ count: Math.floor(w.count), ms: w.ms }));
    this.#forgetAfterMs = Math.max(0, ...this.#windows.map((w) => w.ms)) + marginMs;
  }

  /** How many keys are remembered (requests that still count, or turns waiting). */
  get size(): number {
    return this.#logs.size;
  }

  /** The key's log, now the most recently used; keys that nothing counts against any more are forgotten. */
  #log(key: string, now: number): WindowLog {
    const log = this.#logs.get(key) ?? { arrivals: [], queue: Promise.resolve(), pending: 0, waiting: [] };
    this.#logs.delete(key);
    for (const [other, old] of this.#logs) {
      this.#prune(old, now);
      if (old.arrivals.length > 0 || old.pending > 0) break;
      this.#logs.delete(other);
    }
    this.#logs.set(key, log);
    return log;
  }

  #prune(log: WindowLog, now: number): void {
    const arrivals = log.arrivals;
    let drop = 0;
    while (drop < arrivals.length && arrivals[drop]! + this.#forgetAfterMs <= now) drop += 1;
    if (drop > 0) arrivals.splice(0, drop);
  }

  /**
   * How long until one more request fits every window; Infinity when only the answer to a request under way can
   * make room.
   */
  #wait(log: WindowLog, now: number): number {
    this.#prune(log, now);
    const latestFirst = [...log.arrivals].sort((a, b) => b - a);
    let wait = 0;
    for (const window of this.#windows) {
      // The count-th latest arrival must have left the window before one more may arrive.
      const mustLeave = latestFirst[window.count - 1];
      if (mustLeave !== undefined) wait = Math.max(wait, mustLeave + window.ms + this.marginMs - now);
    }
    return wait;
  }

  acquire(key: string): Promise<() => void> {
    const log = this.#log(key, this.timer.now());
    log.pending += 1;
    const turn = log.queue.then(async () => {
      for (;;) {
        const wait = this.#wait(log, this.timer.now());
        if (wait === Number.POSITIVE_INFINITY) {
          await new Promise<void>((resolve) => log.waiting.push(resolve));
        } else if (wait > 0) {
          // Whole milliseconds, as timers wait anyway: a fractional wait can round away to nothing and spin.
          await this.timer.sleep(Math.ceil(wait));
        } else {
          break;
        }
      }
      log.arrivals.push(Number.POSITIVE_INFINITY);
      return this.#release(log);
    });
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    log.queue = settled.then(() => {
      log.pending -= 1;
    });
    return turn;
  }

  /**
   * Counts a request that goes out now without waiting for its turn (a reply someone is waiting for), so that the
   * requests paced after it leave room for it. Returns the release to call once it has been answered or has failed.
   */
  note(key: string): () => void {
    const log = this.#log(key, this.timer.now());
    log.arrivals.push(Number.POSITIVE_INFINITY);
    return this.#release(log);
  }

  /** Marks one request under way on the log as answered now (once), and wakes the turns waiting for that. */
  #release(log: WindowLog): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Requests under way are alike: the first of them now has an answer.
      const at = log.arrivals.indexOf(Number.POSITIVE_INFINITY);
      if (at >= 0) log.arrivals[at] = this.timer.now();
      for (const wake of log.waiting.splice(0)) wake();
    };
  }

  /** Runs `request` when every window allows it; it counts until its answer is in (or it failed). */
  async run<T>(key: string, request: () => Promise<T>): Promise<T> {
    const release = await this.acquire(key);
    try {
      return await request();
    } finally {
      release();
    }
  }
}
