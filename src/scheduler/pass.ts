import { composeJobMessage } from '../app/compose.js';
import { decideCoachingStartJob } from '../app/waitlist.js';
import { translator } from '../core/catalog/index.js';
import type { Clock } from '../core/clock.js';
import { BUDGETED_KINDS } from '../core/messages.js';
import { personStateOf, readerOf } from '../core/participant.js';
import { type Decision, decideDueJob, JOB_PRIORITY, type ScheduledJob } from '../core/schedule.js';
import { localWeekKey, startOfNextWeek } from '../core/time.js';
import type { NewOutboxRow, Store } from '../store/types.js';

export interface PassStats {
  examined: number;
  queued: number;
  expired: number;
  skipped: number;
  rescheduled: number;
  /** Jobs another pass handled first. */
  lost: number;
}

/** Deciders for the mentoring jobs (pair health, milestone reminders), supplied by the mentoring use cases. */
export interface MentoringJobs {
  decidePairHealth(job: ScheduledJob, now: number): Promise<{ decision: Decision; outbox: NewOutboxRow[] }>;
  decideMilestoneReminder(
    job: ScheduledJob,
    now: number,
  ): Promise<{ decision: Decision; outbox: NewOutboxRow[] }>;
  decidePairCheckin(job: ScheduledJob, now: number): Promise<{ decision: Decision; outbox: NewOutboxRow[] }>;
}

/**
 * One scheduler pass: take the jobs that are due (through the due-time index, so idle people cost
 * nothing), let the core decide each, and write outbox rows in the same transaction that advances the job.
 */
export async function runSchedulerPass(
  store: Store,
  clock: Clock,
  batchSize = 500,
  mentoring?: MentoringJobs,
): Promise<PassStats> {
  const now = clock.now();
  const stats: PassStats = { examined: 0, queued: 0, expired: 0, skipped: 0, rescheduled: 0, lost: 0 };
  const seen = new Set<number>();
  for (;;) {
    const batch = await store.jobs.due(now, batchSize);
    const due = batch.filter((job) => !seen.has(job.id));
    if (due.length === 0) break;
    due.sort((a, b) => JOB_PRIORITY[a.kind] - JOB_PRIORITY[b.kind] || a.dueAt - b.dueAt);
    for (const job of due) {
      seen.add(job.id);
      stats.examined += 1;
      const { decision, outbox } = await decideAny(store, job, now, mentoring);
      const result = await store.jobs.apply(job, decision, outbox, now);
      if (!result.applied) {
        stats.lost += 1;
        continue;
      }
      if (decision.type === 'send') stats.queued += result.outboxInserted ? 1 : 0;
      else if (decision.type === 'expire') stats.expired += 1;
      else if (decision.type === 'skip') stats.skipped += 1;
      else stats.rescheduled += 1;
    }
    // A short batch means nothing else is due; judge by what the query returned, not by what was new in it.
    if (batch.length < batchSize) break;
  }
  return stats;
}

async function decideAny(
  store: Store,
  job: ScheduledJob,
  now: number,
  mentoring: MentoringJobs | undefined,
): Promise<{ decision: Decision; outbox: NewOutboxRow | NewOutboxRow[] | null }> {
  if (job.kind === 'coaching_start') return decideCoachingStartJob(store, job, now);
  if (job.kind === 'pair_health' || job.kind === 'milestone_reminder' || job.kind === 'pair_checkin') {
    if (!mentoring)
      return {
        decision: {
          type: 'reschedule',
          dueAt: now + 3_600_000,
          reason: 'mentoring is not wired in this process',
        },
        outbox: null,
      };
    if (job.kind === 'pair_checkin') return mentoring.decidePairCheckin(job, now);
    return job.kind === 'pair_health'
      ? mentoring.decidePairHealth(job, now)
      : mentoring.decideMilestoneReminder(job, now);
  }
  return decide(store, job, now);
}

async function decide(
  store: Store,
  job: ScheduledJob,
  now: number,
): Promise<{ decision: Decision; outbox: NewOutboxRow | null }> {
  const context = await store.jobs.context(job);
  if (!context) {
    return {
      decision: { type: 'skip', reason: 'participant or program no longer exists', effects: [], next: [] },
      outbox: null,
    };
  }
  const program = context.program.settings;
  const person = personStateOf(program, context.participant);
  const zone = person.availability.timezone;
  const budget = await store.jobs.budget(job, localWeekKey(now, zone), now, startOfNextWeek(now, zone));
  const decision = decideDueJob({
    now,
    job,
    program,
    person,
    experiment: context.experiment,
    survey: context.survey,
    budgetUsed: budget.used,
    budgetReservedLater: budget.reservedLater,
  });
  if ((decision.type !== 'send' && decision.type !== 'expire') || !context.experiment)
    return { decision, outbox: null };
  const outbox: NewOutboxRow = {
    key: decision.key,
    participantId: job.participantId,
    kind: decision.messageKind,
    budgeted: BUDGETED_KINDS.has(decision.messageKind),
    budgetWeek: decision.budgetWeek,
    message: composeJobMessage(
      translator(readerOf(program, context.participant)),
      decision.messageKind,
      job,
      program,
      context.experiment,
    ),
    dueAt: now,
    expiresAt: decision.type === 'send' ? decision.expiresAt : now,
    ...(decision.type === 'expire' ? { status: 'expired' as const, reason: decision.reason } : {}),
  };
  return { decision, outbox };
}
