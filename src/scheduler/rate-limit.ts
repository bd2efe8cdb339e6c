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
