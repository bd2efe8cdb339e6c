import { composeJobMessage } from '../../src/app/compose.js';
import { english } from '../../src/core/catalog/index.js';
import type { Clock } from '../../src/core/clock.js';
import { outboxKey, type ScheduledJob } from '../../src/core/schedule.js';
import { localWeekKey } from '../../src/core/time.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import type { ProgramRecord } from '../../src/store/types.js';
import type { SeededPerson } from './seed.js';

/** Tuesday 13 January 2026, 10:00 in New York: a nudge day, inside working hours for the bench program. */
export const SEND_AT = Date.parse('2026-01-13T15:00:00Z');
export const SEND_DATE = '2026-01-13';

/** A wall clock that starts at `start` and runs in real time (for sends that wait on Retry-After). */
export class RunningClock implements Clock {
  readonly #origin = performance.now();
  constructor(private readonly start: number) {}
  now(): number {
    return Math.floor(this.start + (performance.now() - this.#origin));
  }
}

/**
 * One pending nudge per person (their first planned nudge, due now), composed as the scheduler would and
 * queued through store.outbox.enqueue.
 */
export async function queueNudges(
  store: SqliteStore,
  program: ProgramRecord,
  people: readonly SeededPerson[],
  now = SEND_AT,
): Promise<void> {
  const first = people[0];
  if (!first) return;
  const base = await store.experiments.get(first.experimentId);
  if (!base) throw new Error('seeded experiment not found');
  const week = localWeekKey(now, program.settings.timezone);
  const planned: { person: SeededPerson; job: ScheduledJob }[] = [];
  for (const person of people) {
    const job = (await store.jobs.scheduled(person.participantId)).find((j) => j.kind === 'nudge');
    if (!job || job.occurrence !== SEND_DATE)
      throw new Error(`no nudge planned on ${SEND_DATE} for ${person.userId}`);
    planned.push({ person, job });
  }
  const results: Promise<boolean>[] = [];
  // One transaction for the lot; enqueue's own transaction becomes a savepoint and its body runs synchronously.
  store.db
    .transaction(() => {
      for (const { person, job } of planned) {
        const experiment = { ...base, id: person.experimentId, participantId: person.participantId };
        results.push(
          store.outbox.enqueue(
            {
              key: outboxKey('nudge', person.participantId, job.occurrence),
              participantId: person.participantId,
              kind: 'nudge',
              budgeted: true,
              budgetWeek: week,
              message: composeJobMessage(english, 'nudge', job, program.settings, experiment),
              dueAt: now,
              expiresAt: now + program.settings.catchUpGraceHours * 3_600_000,
            },
            now,
          ),
        );
      }
    })
    .immediate();
  const inserted = await Promise.all(results);
  if (inserted.some((ok) => !ok)) throw new Error('an outbox row was not inserted');
}
