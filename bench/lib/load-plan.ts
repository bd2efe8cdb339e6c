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

/** The seeded experiments' hypothesis as a form submission edits it. */
export const EDITED_HYPOTHESIS = 'My team brings more of their own solutions, and says so in the retro';

export type PlannedRequest =
  | { kind: 'click'; userId: string; experimentId: string; occurrence: string }
  | { kind: 'status'; userId: string }
  | { kind: 'form'; userId: string; experimentId: string };

/** Requests in each block of the mix: five "Did it" clicks, two `/coach status`, one experiment form submitted. */
const BLOCK = 8;
const CLICKS = 5;
const STATUSES = 2;

/**
 * The i-th request of the load, in blocks of eight: five "Did it" clicks, two `/coach status` commands and one
 * submission of the experiment form (a leader edits their hypothesis). Click k goes to leader k mod L for nudge
 * date k div L, so every click names a distinct (experiment, occurrence) pair; form f comes from leader f, so
 * each leader submits at most once and each submission must raise that experiment to version 2.
 */
export function plannedRequest(i: number, leaders: number): PlannedRequest {
  const block = Math.floor(i / BLOCK);
  const slot = i % BLOCK;
  if (slot >= CLICKS + STATUSES) {
    if (block >= leaders) throw new Error('more form submissions than leaders');
    const userId = userIdOf(block);
    return { kind: 'form', userId, experimentId: `exp_${userId}` };
  }
  if (slot >= CLICKS) return { kind: 'status', userId: userIdOf((i * 7) % leaders) };
  const k = block * CLICKS + slot;
  const leader = k % leaders;
  const occurrence = NUDGE_DATES[Math.floor(k / leaders)];
  if (!occurrence) throw new Error('more clicks than leader × nudge-date pairs');
  const userId = userIdOf(leader);
  return { kind: 'click', userId, experimentId: `exp_${userId}`, occurrence };
}
