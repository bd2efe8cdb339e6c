import { userIdOf } from './common.js';

/** Nudge days (Tuesdays and Thursdays) of the seeded experiments: the occurrences a "Did it" click names. */
export const NUDGE_DATES = [
  '2026-01-13',
  '2026-01-15',
  '2026-01-20',
  '2026-01-22',
  '2026-01-27',
  '2026-01-29',
  '2026-02-03',
  '2026-02-05',
];

export type PlannedRequest =
  | { kind: 'click'; userId: string; experimentId: string; occurrence: string }
  | { kind: 'status'; userId: string };

/**
 * The i-th request of the load: three "Did it" clicks for every `/coach status`. Click k goes to leader
 * k mod L for nudge date k div L, so every click names a distinct (experiment, occurrence) pair.
 */
export function plannedRequest(i: number, leaders: number): PlannedRequest {
  if (i % 4 === 3) return { kind: 'status', userId: userIdOf((i * 7) % leaders) };
  const k = i - Math.floor(i / 4);
  const leader = k % leaders;
  const occurrence = NUDGE_DATES[Math.floor(k / leaders)];
  if (!occurrence) throw new Error('more clicks than leader × nudge-date pairs');
  const userId = userIdOf(leader);
  return { kind: 'click', userId, experimentId: `exp_${userId}`, occurrence };
}
