/** Small fixtures the contract tests share; they go through the store port only. */
import { expect } from 'vitest';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, HOUR, ManualClock } from '../../src/core/clock.js';
import type { Decision } from '../../src/core/schedule.js';
import type { NewOutboxRow, Store } from '../../src/store/types.js';
import { type Person, setupPerson } from '../support/foundation.js';

/** Opens the survey of a checkpoint job the way a scheduler pass does when it sends it. */
export async function openSurvey(
  store: Store,
  participantId: string,
  experimentId: string,
  day: number,
  now: number,
): Promise<string> {
  const job = (await store.jobs.scheduled(participantId)).find(
    (j) => j.occurrence === `${experimentId}/day-${day}`,
  )!;
  const surveyId = surveyIdFor(experimentId, day);
  const decision: Decision = {
    type: 'skip',
    reason: 'test: survey opened',
    effects: [{ type: 'open_survey', surveyId, checkpointDay: day }],
    next: [
      { kind: 'checkpoint_reminder', dueAt: now + 48 * HOUR, occurrence: `${experimentId}/day-${day}/r1` },
      { kind: 'checkpoint_missed', dueAt: now + 96 * HOUR, occurrence: `${experimentId}/day-${day}` },
    ],
  };
  const result = await store.jobs.apply(job, decision, null, now);
  expect(result.applied).toBe(true);
  return surveyId;
}

/** A program, a leader with consent and a running experiment `exp_1` from 2 March 2026, and the clock at its start. */
export async function withLeader(
  store: Store,
  at = '2026-03-02T12:00:00-05:00',
): Promise<Person & { clock: ManualClock }> {
  const clock = new ManualClock(at);
  const person = await setupPerson(store, clock, { startDate: '2026-03-02', experimentId: 'exp_1' });
  return { ...person, clock };
}

/** A notice due at `dueAt`, for outbox tests. */
export function notice(participantId: string, key: string, dueAt: number): NewOutboxRow {
  return {
    key,
    participantId,
    kind: 'notice',
    budgeted: false,
    budgetWeek: '2026-W10',
    message: { text: key, blocks: [] },
    dueAt,
    expiresAt: dueAt + DAY,
  };
}
