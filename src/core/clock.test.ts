import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY, HOUR, ManualClock, MINUTE, systemClock, systemTimer } from './clock.js';

describe('ManualClock', () => {
  it('starts at a number, an ISO string or a Date, and moves only when told', () => {
    expect(new ManualClock(1_000).now()).toBe(1_000);
    expect(new ManualClock('2026-03-02T09:00:00Z').now()).toBe(Date.UTC(2026, 2, 2, 9));
    expect(new ManualClock(new Date(Date.UTC(2026, 2, 2))).now()).toBe(Date.UTC(2026, 2, 2));
    const clock = new ManualClock(0);
    clock.advance(DAY + HOUR + MINUTE);
    expect(clock.now()).toBe(25 * 60 * 60_000 + 60_000);
    clock.set('1970-01-03T00:00:00Z');
    expect(clock.now()).toBe(2 * DAY);
    clock.set(new Date(5));
    expect(clock.now()).toBe(5);
    clock.set(7);
    expect(clock.now()).toBe(7);
  });

  it('refuses a time that is not one', () => {
    expect(() => new ManualClock('soon')).toThrow('invalid start time: soon');
    expect(() => new ManualClock(Number.NaN)).toThrow('invalid start time: NaN');
    const clock = new ManualClock(0);
    expect(() => clock.set('later')).toThrow('invalid time: later');
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow('invalid time: Infinity');
    expect(clock.now()).toBe(0);
  });
});

describe('the system clock and timer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the wall clock and a monotonic timer, and waits as long as asked', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'performance'], now: Date.UTC(2026, 2, 2) });
    expect(systemClock.now()).toBe(Date.UTC(2026, 2, 2));
    const started = systemTimer.now();
    let done = false;
    const waiting = systemTimer.sleep(1_000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
    expect(systemTimer.now() - started).toBe(1_000);
  });

  it('treats a negative wait as no wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let done = false;
    const waiting = systemTimer.sleep(-50).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    await waiting;
    expect(done).toBe(true);
  });
});
