import { ManualClock, type Timer } from '../../src/core/clock.js';

/**
 * One simulated time for everything in a process: the outbox clock, the rate limiter's pacing and the
 * simulator's rate-limit windows. Waiting (a rate-limit pause, a Retry-After) moves it on at once, so
 * minutes of pacing cost no wall time, and the limiter and the platform agree on how much time passed.
 */
export class SimulatedTime extends ManualClock implements Timer {
  async sleep(ms: number): Promise<void> {
    this.advance(Math.max(0, ms));
  }
}
