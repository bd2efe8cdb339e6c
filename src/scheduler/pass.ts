import { composeJobMessage } from '../app/compose.js';
import { decideCoachingStartJob } from '../app/waitlist.js';
import { translator } from '../core/catalog/index.js';
import type { Clock } from '../core/clock.js';
import { BUDGETED_KINDS } from '../core/messages.js';
import { personStateOf, readerOf } from '../core/participant.js';
import {
  type Decision,
  decideDueJob,
  JOB_PRIORITY,
  type JobKind,
  type PersonState,
  type ScheduledJob,
} from '../core/schedule.js';
import { localWeekKey, startOfNextWeek } from '../core/time.js';
import type { ApplyResult, JobApplication, JobContext, NewOutboxRow, Store } from '../store/types.js';

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
 * The most jobs one group holds: one write transaction, and the longest the pass keeps the rest of the process
 * waiting between two turns (on 2 busy cores, 250 jobs take about 50 ms to write and as long to read and decide).
 */
const GROUP_SIZE = 250;

/** Kinds the core decides from what the store reads about the job alone (context and budget): these go in batches. */
const DECIDED_FROM_CONTEXT: ReadonlySet<JobKind> = new Set<JobKind>(
  (Object.keys(JOB_PRIORITY) as JobKind[]).filter(
    (kind) => !['coaching_start', 'pair_health', 'milestone_reminder', 'pair_checkin'].includes(kind),
  ),
);

/**
 * One scheduler pass: take the jobs that are due (through the due-time index, so idle people cost
 * nothing), let the core decide each, and write outbox rows in the same transaction that advances the job.
 *
 * Jobs are handled in priority order, as one after the other. Consecutive jobs decided from their context alone
 * are read, decided and written together (one transaction per group), as long as no person appears twice in a
 * group: a person's next job is decided only once the one before it is written, so it sees its budget and
 * surveys as they now are. Other people's jobs do not read what a group writes, so the next group is read and
 * decided while the one before it is written (see WriteBehind).
 */
export async function runSchedulerPass(
  store: Store,
  clock: Clock,
  batchSize = 500,
  mentoring?: MentoringJobs,
): Promise<PassStats> {
  const now = clock.now();
  const stats: PassStats = { examined: 0, queued: 0, expired: 0, skipped: 0, rescheduled: 0, lost: 0 };
  // Jobs this pass has handled that are still due (another pass held them, or they were moved to a time already
  // past): the next batch would return them again. A job that was applied otherwise is done or due later, so the
  // set stays small however many jobs a pass handles.
  const stillDue = new Set<number>();
  const tally = new Tally(stats, stillDue, now);
  const weeks = new Map<string, { week: string; weekEnd: number }>();
  for (;;) {
    const batch = await store.jobs.due(now, batchSize);
    const due = batch.filter((job) => !stillDue.has(job.id));
    if (due.length === 0) break;
    due.sort((a, b) => JOB_PRIORITY[a.kind] - JOB_PRIORITY[b.kind] || a.dueAt - b.dueAt);
    const writes = new WriteBehind(tally);
    try {
      let group: ScheduledJob[] = [];
      const people = new Set<string>();
      const flush = async () => {
        if (group.length === 0) return;
        const jobs = group;
        group = [];
        people.clear();
        // A group whose people the write under way holds reads only once that write is done.
        if (jobs.some((job) => writes.holds(job.participantId))) await writes.settle();
        const decided = await decideGroup(store, jobs, now, weeks);
        await giveWay();
        await writes.settle();
        writes.start(decided, store.jobs.applyMany(decided, now));
        await giveWay();
      };
      for (const job of due) {
        stats.examined += 1;
        if (!DECIDED_FROM_CONTEXT.has(job.kind)) {
          await flush();
          await writes.settle();
          const { decision, outbox } = await decideAny(store, job, now, mentoring);
          tally.add([{ job, decision, outbox }], [await store.jobs.apply(job, decision, outbox, now)]);
          continue;
        }
        if (people.has(job.participantId) || group.length >= GROUP_SIZE) await flush();
        group.push(job);
        people.add(job.participantId);
      }
      await flush();
    } finally {
      await writes.settle();
    }
    // A short batch means nothing else is due; judge by what the query returned, not by what was new in it.
    if (batch.length < batchSize) break;
  }
  return stats;
}

/**
 * The one group write that may be under way while the next group is read and decided. Writes stay one after the
 * other, in the pass's order; a server database reads the next group on another connection meanwhile, so the
 * pass waits for the round trips of a read or a write, not of both. Other people's jobs never read what a group
 * writes, and a group with one of the written group's people waits for the write before it reads.
 */
class WriteBehind {
  #pending: Promise<void> | null = null;
  #people = new Set<string>();

  constructor(private readonly tally: Tally) {}

  holds(participantId: string): boolean {
    return this.#pending !== null && this.#people.has(participantId);
  }

  start(items: readonly JobApplication[], write: Promise<readonly ApplyResult[]>): void {
    this.#people = new Set(items.map((item) => item.job.participantId));
    this.#pending = write.then((results) => this.tally.add(items, results));
    // Awaited by settle(); this keeps a failure that comes while the next group is read from counting as unhandled.
    this.#pending.catch(() => {});
  }

  /** Waits for the write under way; its failure fails the pass here. */
  async settle(): Promise<void> {
    const pending = this.#pending;
    this.#pending = null;
    this.#people.clear();
    await pending;
  }
}

/**
 * Lets whatever else the process has to do run (a request that arrived, a timer) before the pass goes on. With a
 * store whose calls never wait (the embedded file), a pass would otherwise hold everything up until its very end.
 */
function giveWay(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Counts what the pass did, and remembers the jobs it handled that stay due. */
class Tally {
  constructor(
    private readonly stats: PassStats,
    private readonly stillDue: Set<number>,
    private readonly now: number,
  ) {}

  add(items: readonly JobApplication[], results: readonly ApplyResult[]): void {
    const { stats } = this;
    for (const [i, { job, decision }] of items.entries()) {
      const result = results[i]!;
      if (!result.applied) {
        stats.lost += 1;
        this.stillDue.add(job.id);
        continue;
      }
      if (decision.type === 'send') stats.queued += result.outboxInserted ? 1 : 0;
      else if (decision.type === 'expire') stats.expired += 1;
      else if (decision.type === 'skip') stats.skipped += 1;
      else {
        stats.rescheduled += 1;
        if (decision.dueAt <= this.now) this.stillDue.add(job.id);
      }
    }
  }
}

/** Reads the contexts and budgets of a group of jobs (distinct people) at once, and lets the core decide each. */
async function decideGroup(
  store: Store,
  jobs: readonly ScheduledJob[],
  now: number,
  weeks: Map<string, { week: string; weekEnd: number }>,
): Promise<JobApplication[]> {
  const contexts = await store.jobs.contexts(jobs);
  const found = jobs.flatMap((job, i) => {
    const context = contexts[i];
    if (!context) return [];
    const person = personStateOf(context.program.settings, context.participant);
    const zone = person.availability.timezone;
    let week = weeks.get(zone);
    if (!week) {
      week = { week: localWeekKey(now, zone), weekEnd: startOfNextWeek(now, zone) };
      weeks.set(zone, week);
    }
    return [{ job, context, person, ...week }];
  });
  const budgets = await store.jobs.budgets(found, now);
  const decided = new Map(found.map((item, i) => [item.job.id, decideWith(item, budgets[i]!, now)]));
  return jobs.map(
    (job) =>
      decided.get(job.id) ?? {
        job,
        decision: { type: 'skip', reason: 'participant or program no longer exists', effects: [], next: [] },
        outbox: null,
      },
  );
}

async function decideAny(
  store: Store,
  job: ScheduledJob,
  now: number,
  mentoring: MentoringJobs | undefined,
): Promise<{ decision: Decision; outbox: NewOutboxRow | readonly NewOutboxRow[] | null }> {
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
  const [decided] = await decideGroup(store, [job], now, new Map());
  return decided!;
}

/** The core's decision about one job, from what was read about it. */
function decideWith(
  { job, context, person }: { job: ScheduledJob; context: JobContext; person: PersonState },
  budget: { used: number; reservedLater: number },
  now: number,
): JobApplication {
  const program = context.program.settings;
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
    return { job, decision, outbox: null };
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
  return { job, decision, outbox };
}
