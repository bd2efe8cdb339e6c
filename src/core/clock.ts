/** The only source of "now" in coachloop. Everything that needs the time receives a Clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
};

/** A clock that moves only when told to: used by tests and by the simulated pilot. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | string | Date) {
    // Stryker disable next-line ConditionalExpression: equivalent; new Date(n).getTime() is n for a number
    this.#now = typeof start === 'number' ? start : new Date(start).getTime();
    if (!Number.isFinite(this.#now)) throw new Error(`invalid start time: ${String(start)}`);
  }

  now(): number {
    return this.#now;
  }

  set(to: number | string | Date): void {
    // Stryker disable next-line ConditionalExpression: equivalent; new Date(n).getTime() is n for a number
    const next = typeof to === 'number' ? to : new Date(to).getTime();
    if (!Number.isFinite(next)) throw new Error(`invalid time: ${String(to)}`);
    this.#now = next;
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monotonic time and waiting, for pacing (rate limits, backoff waits). Separate from the wall clock. */
export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
