import { describe, expect, it } from 'vitest';
import { FakeTimer } from '../../test/support/foundation.js';
import { RateLimiter, type SlidingWindow, SlidingWindowLimiter } from './rate-limit.js';

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

/** The most of `times` (ascending) that any span shorter than `ms` holds. */
function mostInSpan(times: readonly number[], ms: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to += 1) {
    while (times[to]! - times[from]! >= ms) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

const TEAMS_PER_CONVERSATION: SlidingWindow[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];

describe('SlidingWindowLimiter', () => {
  it('lets a window full through at once, then each request as the oldest one leaves', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter([{ count: 3, ms: 1000 }], 0, timer);
    const at: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      (await limiter.acquire('c1'))();
      at.push(timer.now());
    }
    expect(at).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it("keeps Teams' windows for one conversation exactly: 100 answered at once take 39 s", async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter(TEAMS_PER_CONVERSATION, 0, timer);
    const at: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      (await limiter.acquire('c1'))();
      at.push(timer.now());
    }
    for (const window of TEAMS_PER_CONVERSATION)
      expect(mostInSpan(at, window.ms)).toBeLessThanOrEqual(window.count);
    // 7 at once, the 8th a second later, then 8 every 2 s up to the 60th (at 14 s); the 61st waits for the
    // first to leave the 30-second window, and the rest repeat the first 40 thirty seconds later.
    expect(at.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
    expect(at[59]).toBe(14_000);
    expect(at[60]).toBe(30_000);
    expect(at[99]).toBe(39_000);
  });

  it('counts a request until its answer is in, plus the margin', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter([{ count: 1, ms: 1000 }], 50, timer);
    const release = await limiter.acquire('c1');
    timer.advance(300);
    release();
    release();
    await limiter.acquire('c1');
    expect(timer.now()).toBe(1350);
  });

  it('waits for an answer when the window is full of requests under way', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter([{ count: 2, ms: 1000 }], 0, timer);
    const first = await limiter.acquire('c1');
    const second = await limiter.acquire('c1');
    let third = false;
    const waiting = limiter.acquire('c1').then((release) => {
      third = true;
      return release;
    });
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
    expect(third).toBe(false);
    expect(timer.sleeps).toEqual([]);
    timer.advance(200);
    second();
    await waiting;
    // The second request was answered at 200 ms and may have arrived then: the third may arrive a second later.
    expect(timer.now()).toBe(1200);
    first();
  });

  it('never lets a window hold more than its count, however the requests take to arrive', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter(TEAMS_PER_CONVERSATION, 0, timer);
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const arrivals: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const release = await limiter.acquire('c1');
      // Each request arrives somewhere between leaving and its answer, which takes up to 400 ms.
      const answerMs = Math.floor(random() * 400);
      arrivals.push(timer.now() + Math.floor(random() * (answerMs + 1)));
      timer.advance(answerMs);
      release();
      if (random() < 0.2) timer.advance(Math.floor(random() * 3000));
    }
    const sorted = [...arrivals].sort((a, b) => a - b);
    for (const window of TEAMS_PER_CONVERSATION)
      expect(mostInSpan(sorted, window.ms)).toBeLessThanOrEqual(window.count);
  });

  it('keeps keys apart, serves one key in order and forgets keys nothing counts against', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter([{ count: 1, ms: 1000 }], 0, timer);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        limiter.run('c1', async () => {
          order.push(n);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
    expect(timer.now()).toBe(2000);
    await limiter.run('c2', async () => undefined);
    expect(timer.now()).toBe(2000);
    expect(limiter.size).toBe(2);
    timer.advance(1000);
    await limiter.run('c3', async () => undefined);
    expect(limiter.size).toBe(1);
  });

  it('counts a request noted without waiting, so the next ones leave room for it', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter([{ count: 2, ms: 1000 }], 0, timer);
    const reply = limiter.note('c1');
    (await limiter.acquire('c1'))();
    expect(timer.now()).toBe(0);
    timer.advance(100);
    reply();
    // The window holds the request at 0 and the reply answered at 100 ms: the next waits for the first to leave.
    (await limiter.acquire('c1'))();
    expect(timer.now()).toBe(1000);
    (await limiter.acquire('c1'))();
    expect(timer.now()).toBe(1100);
    // A noted request counts even when the window is full: it is not held back.
    limiter.note('c1')();
    (await limiter.acquire('c1'))();
    expect(timer.now()).toBe(2100);
  });

  it('counts a request that failed, and passes its failure on', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter([{ count: 1, ms: 1000 }], 0, timer);
    await expect(
      limiter.run('c1', async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await limiter.run('c1', async () => undefined);
    expect(timer.sleeps).toEqual([1000]);
  });

  it('with no windows lets everything through, and rejects nonsense windows', async () => {
    const timer = new FakeTimer();
    const limiter = new SlidingWindowLimiter([], 0, timer);
    for (let i = 0; i < 100; i += 1) (await limiter.acquire('c1'))();
    expect(timer.sleeps).toEqual([]);
    expect(() => new SlidingWindowLimiter([{ count: 0, ms: 1000 }])).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter([{ count: 1, ms: 0 }])).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter([{ count: 1, ms: 1000 }], -1)).toThrow(RangeError);
  });
});
