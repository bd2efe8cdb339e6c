import { expect, it } from 'vitest';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, HOUR, ManualClock } from '../../src/core/clock.js';
import type { Decision, NextRun, ScheduledJob } from '../../src/core/schedule.js';
import type { JobApplication, Store } from '../../src/store/types.js';
import { setupPerson } from '../support/foundation.js';
import { notice, openSurvey } from './fixtures.js';
import { describeStores } from './stores.js';

const START = '2026-03-02T12:00:00-05:00';

function send(key: string, at: number, next: NextRun[] = []): Decision {
  return {
    type: 'send',
    messageKind: 'notice',
    key,
    budgetWeek: '2026-W10',
    expiresAt: at + DAY,
    effects: [],
    next,
  };
}

async function people(store: Store, count: number) {
  const clock = new ManualClock(START);
  const list = [];
  for (let i = 0; i < count; i += 1)
    list.push(await setupPerson(store, clock, { userId: `U${i}`, startDate: '2026-03-02' }));
  return { clock, people: list };
}

describeStores('jobs in batches', ({ store: open, connections }) => {
  it('applies a batch item by item as one apply after the other would', async () => {
    const store = await open();
    const {
      clock,
      people: [ada, ben, cy],
    } = await people(store, 3);
    const now = clock.now();
    const nudgeOf = async (id: string) => (await store.jobs.nextFor(id))!;
    const adaNudge = await nudgeOf(ada!.participant.id);
    const benNudge = await nudgeOf(ben!.participant.id);
    const cyNudge = await nudgeOf(cy!.participant.id);
    const benCheckpoint = (await store.jobs.scheduled(ben!.participant.id)).find(
      (j) => j.kind === 'checkpoint',
    )!;
    // Cy's nudge was applied by someone else since it was read.
    expect((await store.jobs.apply(cyNudge, send('other', now), null, now)).applied).toBe(true);
    await store.outbox.enqueue(notice(ben!.participant.id, 'queued-before', now), now);
    const next = [{ kind: 'nudge' as const, dueAt: now + 7 * DAY, occurrence: '2026-03-10' }];
    const items: JobApplication[] = [
      {
        job: adaNudge,
        decision: send('nudge:ada', now, next),
        outbox: notice(ada!.participant.id, 'nudge:ada', now),
      },
      // The same job again: its version is gone once the first item is applied.
      {
        job: adaNudge,
        decision: send('nudge:ada2', now),
        outbox: notice(ada!.participant.id, 'nudge:ada2', now),
      },
      {
        job: benNudge,
        decision: { type: 'reschedule', dueAt: now + 2 * HOUR, reason: 'quiet hours' },
        outbox: null,
      },
      // A key an earlier item queued, and one queued before the batch.
      {
        job: benCheckpoint,
        decision: {
          type: 'skip',
          reason: 'test',
          effects: [{ type: 'open_survey', surveyId: surveyIdFor(`exp_U1`, 30), checkpointDay: 30 }],
          next: [],
        },
        outbox: [
          notice(ben!.participant.id, 'nudge:ada', now),
          notice(ben!.participant.id, 'queued-before', now),
        ],
      },
      { job: cyNudge, decision: send('nudge:cy', now), outbox: notice(cy!.participant.id, 'nudge:cy', now) },
    ];
    expect(await store.jobs.applyMany(items, now)).toEqual([
      { applied: true, outboxInserted: true },
      { applied: false, outboxInserted: false },
      { applied: true, outboxInserted: false },
      { applied: true, outboxInserted: false },
      { applied: false, outboxInserted: false },
    ]);
    expect((await store.outbox.byKey('nudge:ada'))?.participantId).toBe(ada!.participant.id);
    expect(await store.outbox.byKey('nudge:ada2')).toBeNull();
    expect(await store.outbox.byKey('nudge:cy')).toBeNull();
    const adaJobs = await store.jobs.scheduled(ada!.participant.id);
    expect(adaJobs.some((j) => j.id === adaNudge.id)).toBe(false);
    expect(adaJobs.find((j) => j.occurrence === '2026-03-10')?.dueAt).toBe(now + 7 * DAY);
    const benJobs = await store.jobs.scheduled(ben!.participant.id);
    expect(benJobs.find((j) => j.id === benNudge.id)).toMatchObject({
      dueAt: now + 2 * HOUR,
      version: benNudge.version + 1,
    });
    expect(benJobs.some((j) => j.id === benCheckpoint.id)).toBe(false);
    expect((await store.surveys.get(surveyIdFor('exp_U1', 30)))?.status).toBe('open');
    expect(await store.jobs.applyMany([], now)).toEqual([]);
  });

  it('writes nothing of a batch when one of its items fails', async () => {
    const store = await open();
    const {
      clock,
      people: [ada, ben],
    } = await people(store, 2);
    const now = clock.now();
    const adaNudge = (await store.jobs.nextFor(ada!.participant.id))!;
    const benNudge = (await store.jobs.nextFor(ben!.participant.id))!;
    const fine: JobApplication = {
      job: adaNudge,
      decision: send('nudge:ada', now, [{ kind: 'nudge', dueAt: now + 7 * DAY, occurrence: '2026-03-10' }]),
      outbox: notice(ada!.participant.id, 'nudge:ada', now),
    };
    const broken: JobApplication = {
      job: benNudge,
      decision: send('nudge:ben', now),
      outbox: notice('ppl_nobody', 'nudge:ben', now),
    };
    await expect(store.jobs.applyMany([fine, broken], now)).rejects.toThrow();
    expect(await store.outbox.byKey('nudge:ada')).toBeNull();
    expect((await store.jobs.scheduled(ada!.participant.id)).find((j) => j.id === adaNudge.id)).toEqual(
      adaNudge,
    );
    expect((await store.jobs.scheduled(ada!.participant.id)).some((j) => j.occurrence === '2026-03-10')).toBe(
      false,
    );
    expect(await store.jobs.applyMany([fine], now)).toEqual([{ applied: true, outboxInserted: true }]);
  });

  it('reads contexts and budgets of many jobs as context and budget read them one by one', async () => {
    const store = await open();
    const clock = new ManualClock('2026-03-30T09:00:00-04:00');
    const setupAt = new Date(START).getTime();
    const ada = await setupPerson(store, clock, { userId: 'U0', startDate: '2026-03-02', now: setupAt });
    const ben = await setupPerson(store, clock, {
      userId: 'U1',
      startDate: '2026-03-02',
      now: setupAt,
      timezone: 'Europe/Berlin',
    });
    await openSurvey(store, ben.participant.id, 'exp_U1', 30, clock.now());
    const base = {
      budgetWeek: '2026-W14',
      message: { text: 'x', blocks: [] },
      dueAt: clock.now(),
      expiresAt: clock.now() + HOUR,
      kind: 'nudge' as const,
      budgeted: true,
    };
    await store.outbox.enqueue({ ...base, participantId: ada.participant.id, key: 'a1' }, clock.now());
    await store.outbox.enqueue({ ...base, participantId: ada.participant.id, key: 'a2' }, clock.now());
    await store.outbox.enqueue(
      { ...base, participantId: ben.participant.id, key: 'b1', budgetWeek: '2026-W13' },
      clock.now(),
    );
    const jobs: ScheduledJob[] = [
      ...(await store.jobs.scheduled(ada.participant.id)),
      ...(await store.jobs.scheduled(ben.participant.id)),
    ];
    const ghost: ScheduledJob = { ...jobs[0]!, id: 999_999, participantId: 'ppl_nobody' };
    const all = [...jobs, ghost];
    expect(jobs.some((j) => j.occurrence === 'exp_U1/day-30/r1')).toBe(true);
    const one = await Promise.all(all.map((job) => store.jobs.context(job)));
    expect(one.at(-1)).toBeNull();
    expect(one.filter((c) => c?.survey).length).toBeGreaterThan(0);
    expect(await store.jobs.contexts(all)).toEqual(one);
    expect(await store.jobs.contexts([])).toEqual([]);

    const weekEnd = new Date('2026-04-06T00:00:00-04:00').getTime();
    const queries = all.flatMap((job) => [
      { job, week: '2026-W14', weekEnd },
      { job, week: '2026-W13', weekEnd: weekEnd - 3 * DAY },
    ]);
    const budgets = await Promise.all(
      queries.map((q) => store.jobs.budget(q.job, q.week, clock.now(), q.weekEnd)),
    );
    expect(budgets.some((b) => b.used === 2)).toBe(true);
    expect(budgets.some((b) => b.reservedLater > 0)).toBe(true);
    expect(await store.jobs.budgets(queries, clock.now())).toEqual(budgets);
    expect(await store.jobs.budgets([], clock.now())).toEqual([]);
  });

  it('lets exactly one of two connections apply each job of overlapping batches', async () => {
    const [a, b] = await connections(2);
    const { people: list } = await people(a!, 6);
    const later = new Date('2026-03-04T12:00:00-05:00').getTime();
    const seen = await a!.jobs.due(later, 100);
    expect(seen.length).toBe(6);
    expect(new Set(seen.map((j) => j.participantId)).size).toBe(list.length);
    const batch = (jobs: ScheduledJob[], pass: string): JobApplication[] =>
      jobs.map((job) => ({
        job,
        decision: send(`nudge:${job.id}:${pass}`, later),
        outbox: notice(job.participantId, `nudge:${job.id}`, later),
      }));
    // A takes the first four, B the last four, in the opposite order: two overlap.
    const [resultsA, resultsB] = await Promise.all([
      a!.jobs.applyMany(batch(seen.slice(0, 4), 'a'), later),
      b!.jobs.applyMany(batch(seen.slice(2).reverse(), 'b'), later),
    ]);
    const appliedA = new Set(
      seen
        .slice(0, 4)
        .filter((_, i) => resultsA[i]!.applied)
        .map((j) => j.id),
    );
    const appliedB = new Set(
      seen
        .slice(2)
        .reverse()
        .filter((_, i) => resultsB[i]!.applied)
        .map((j) => j.id),
    );
    for (const job of seen) expect(Number(appliedA.has(job.id)) + Number(appliedB.has(job.id))).toBe(1);
    expect((await a!.outbox.counts()).pending).toBe(6);
    expect(await b!.jobs.due(later, 100)).toEqual([]);
  });
});
