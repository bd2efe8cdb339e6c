import { describe, expect, it } from 'vitest';
import { FakeTimer } from '../../test/support/foundation.js';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst, then paces calls at the sustained rate', async () => {
    const timer = new FakeTimer();
    const limiter = new RateLimiter(2, 2, timer);
    for (let i = 0; i < 4; i += 1) await limiter.acquire('T1');
    expect(timer.sleeps).toEqual([500, 500]);
    expect(timer.now()).toBe(1000);
  });

  it('keeps workspaces apart', async () => {
    const timer = new FakeTimer();
    const limiter = new RateLimiter(1, 1, timer);
    await limiter.acquire('T1');
    await limiter.acquire('T2');
    expect(timer.sleeps).toEqual([]);
    await limiter.acquire('T1');
    expect(timer.sleeps).toEqual([1000]);
  });

  it('serves callers on one key in order', async () => {
    const timer = new FakeTimer();
    const limiter = new RateLimiter(1, 1, timer);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.acquire('T1').then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(timer.now()).toBe(2000);
  });

  it('holds a key back for Retry-After, then restarts at the sustained rate instead of a burst', async () => {
    const timer = new FakeTimer();
    const limiter = new RateLimiter(2, 5, timer);
    await limiter.acquire('T1');
    limiter.pause('T1', 30_000);
    await limiter.acquire('T1');
    await limiter.acquire('T1');
    await limiter.acquire('T1');
    // 30 s of Retry-After, then one token every 500 ms: the pause itself does not count as refill.
    expect(timer.sleeps).toEqual([30_000, 500, 500, 500]);
    // Another workspace is not affected.
    await limiter.acquire('T2');
    expect(timer.sleeps).toHaveLength(4);
  });

  it('does not spin on waits shorter than a millisecond', async () => {
    const timer = new FakeTimer();
    const limiter = new RateLimiter(10_000, 1, timer);
    timer.advance(1_000_000.3);
    for (let i = 0; i < 5; i += 1) await limiter.acquire('T1');
    expect(timer.sleeps).toEqual([1, 1, 1, 1]);
  });

  it('rejects nonsense limits', () => {
    expect(() => new RateLimiter(0, 1)).toThrow(RangeError);
    expect(() => new RateLimiter(1, 0)).toThrow(RangeError);
  });
});
