/**
 * Microsoft Teams' documented rate limits for bots ("Optimize your bot with rate limiting", Microsoft Learn),
 * as sliding windows, and the arithmetic the Teams benchmark needs: what a window allows at a given time,
 * the most events any window of a series held, and the earliest schedule a set of limits allows.
 *
 * A window { count, ms } allows at most `count` events in any span shorter than `ms`: an event at time t
 * counts against a later time u while u − t < ms (the convention of coachloop's own ConversationPacer).
 */

export interface Window {
  count: number;
  ms: number;
}

/** Per bot per conversation ("send to conversation"): 7 per 1 s, 8 per 2 s, 60 per 30 s, 1,800 per hour. */
export const TEAMS_CONVERSATION_WINDOWS: readonly Window[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];

/** About 50 requests per second per app per tenant, whatever the operation. */
export const TEAMS_TENANT_WINDOW: Window = { count: 50, ms: 1_000 };

/** "7 / 1 s, 8 / 2 s, …" */
export function describeWindows(windows: readonly Window[]): string {
  return windows
    .map((w) => {
      const span =
        w.ms % 3_600_000 === 0
          ? `${w.ms / 3_600_000} h`
          : w.ms % 1000 === 0
            ? `${w.ms / 1000} s`
            : `${w.ms} ms`;
      return `${w.count.toLocaleString('en-US')} / ${span}`;
    })
    .join(', ');
}

/**
 * How long from `now` until one more event fits every window, given earlier events `times` (ascending,
 * none later than `now`); 0 when it fits now.
 */
export function windowWait(times: readonly number[], windows: readonly Window[], now: number): number {
  let wait = 0;
  for (const window of windows) {
    // Events still inside this window: the tail of `times` with now − t < ms.
    let first = times.length;
    while (first > 0 && now - times[first - 1]! < window.ms) first -= 1;
    const inWindow = times.length - first;
    if (inWindow >= window.count) {
      const oldestThatMustLeave = times[times.length - window.count]!;
      wait = Math.max(wait, oldestThatMustLeave + window.ms - now);
    }
  }
  return wait;
}

/** The most events of `times` (ascending) that any span shorter than `ms` holds. */
export function maxInWindow(times: readonly number[], ms: number): number {
  let best = 0;
  let from = 0;
  for (let to = 0; to < times.length; to += 1) {
    while (times[to]! - times[from]! >= ms) from += 1;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

/**
 * Keyed sliding-window logs: `check` says how long a new event on `key` must wait, `record` counts one.
 * Entries older than the longest window are dropped as time goes on.
 */
export class WindowLog {
  readonly #events = new Map<string, number[]>();
  readonly #longest: number;

  constructor(private readonly windows: readonly Window[]) {
    this.#longest = Math.max(...windows.map((w) => w.ms));
  }

  check(key: string, now: number): number {
    const times = this.#events.get(key);
    if (!times) return 0;
    let drop = 0;
    while (drop < times.length && now - times[drop]! >= this.#longest) drop += 1;
    if (drop > 0) times.splice(0, drop);
    return windowWait(times, this.windows, now);
  }

  record(key: string, now: number): void {
    const times = this.#events.get(key);
    if (times) times.push(now);
    else this.#events.set(key, [now]);
  }

  clear(): void {
    this.#events.clear();
  }
}

export interface PaceLimits {
  /** Sliding windows every event must fit. */
  windows: readonly Window[];
  /** A token bucket (the dispatcher's tenant limiter): starts full with `burst` tokens, refills at `perSecond`. */
  bucket?: { perSecond: number; burst: number };
}

/**
 * The earliest times at which `n` events can happen under `limits`, the first at 0 (each as soon as every
 * limit allows; sending earlier never delays a later event here, so the last time is the floor).
 */
export function floorSchedule(n: number, limits: PaceLimits): number[] {
  const times: number[] = [];
  const bucket = limits.bucket;
  let tokens = bucket?.burst ?? 0;
  let refilledAt = 0;
  let t = 0;
  for (let k = 0; k < n; k += 1) {
    // Each pass either fits the event or moves t to a later time; a handful of passes per event at most.
    for (let pass = 0; pass < 1_000; pass += 1) {
      let wait = windowWait(times, limits.windows, t);
      if (bucket) {
        tokens = Math.min(bucket.burst, tokens + ((t - refilledAt) / 1000) * bucket.perSecond);
        refilledAt = t;
        if (tokens < 1 - 1e-9) wait = Math.max(wait, ((1 - tokens) / bucket.perSecond) * 1000);
      }
      if (wait <= 1e-9) break;
      t += wait;
    }
    if (bucket) tokens -= 1;
    times.push(t);
  }
  return times;
}

/** The time of the last of `n` events in the floor schedule (0 for one event or none). */
export function floorMs(n: number, limits: PaceLimits): number {
  return floorSchedule(n, limits).at(-1) ?? 0;
}
