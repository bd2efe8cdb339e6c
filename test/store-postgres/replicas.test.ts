import { afterEach, describe, expect, it } from 'vitest';
import { DAY, ManualClock } from '../../src/core/clock.js';
import type { Decision } from '../../src/core/schedule.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { ExperimentAlreadyRunningError } from '../../src/store/postgres/store.js';
import { experimentInput, setupPerson } from '../support/foundation.js';
import { freshSchema, holdTransaction, postgresStores } from './support.js';

const START = '2026-03-02T12:00:00-05:00';

const stores = postgresStores();
afterEach(() => stores.cleanup());

describe('several stores on one database, as replicas', () => {
  it('migrates once when replicas open the same schema at the same moment', async () => {
    const schema = freshSchema();
    const replicas = await Promise.all([1, 2, 3, 4].map(() => stores.open(schema)));
    const all = PG_MIGRATIONS.map((m) => m.version);
    // Exactly one replica applied every version; the others waited on the lock and found nothing to do.
    expect(replicas.map((r) => r.migrated.length).sort()).toEqual([0, 0, 0, all.length]);
    expect(replicas.find((r) => r.migrated.length > 0)?.migrated).toEqual(all);
    const recorded = await replicas[0]!.db.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.rows.map((r) => Number(r.version))).toEqual(all);
    // A replica that starts later applies nothing either.
    expect((await stores.open(schema)).migrated).toEqual([]);
  });

  it('hands each due outbox row to exactly one of several claimants', async () => {
    const schema = freshSchema();
    const [a, b, c] = await Promise.all([stores.open(schema), stores.open(schema), stores.open(schema)]);
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(a!, clock, { startDate: '2026-03-02', experimentId: 'exp_1' });
    const count = 300;
    for (let i = 0; i < count; i++)
      await a!.outbox.enqueue(
        {
          key: `notice:${participant.id}:${i}`,
          participantId: participant.id,
          kind: 'notice',
          budgeted: false,
          budgetWeek: '2026-W10',
          message: { text: `message ${i}`, blocks: [] },
          dueAt: clock.now(),
          expiresAt: clock.now() + DAY,
        },
        clock.now(),
      );
    // Each replica runs four claim loops at once, small batches, until nothing is left.
    const claimedBy = new Map<number, string>();
    const duplicates: number[] = [];
    const loop = async (store: typeof a, token: string) => {
      for (;;) {
        const rows = await store!.outbox.claim(clock.now(), 7, token);
        if (rows.length === 0) return;
        for (const row of rows) {
          if (claimedBy.has(row.id)) duplicates.push(row.id);
          claimedBy.set(row.id, token);
          expect(row.claimToken).toBe(token);
        }
      }
    };
    await Promise.all(
      [a, b, c].flatMap((store, r) => [0, 1, 2, 3].map((l) => loop(store, `replica-${r}-loop-${l}`))),
    );
    expect(duplicates).toEqual([]);
    expect(claimedBy.size).toBe(count);
    // The work was in fact shared, and the database agrees with what each claimant was given.
    expect(new Set(claimedBy.values()).size).toBeGreaterThan(1);
    expect(await a!.outbox.counts()).toMatchObject({ pending: 0, sending: count });
    for (const row of await b!.outbox.list({ status: 'sending' }))
      expect(row.claimToken).toBe(claimedBy.get(row.id));
  });

  it('applies a due job once when two replicas decide it at the same moment', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([stores.open(schema), stores.open(schema)]);
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(a!, clock, { startDate: '2026-03-02', experimentId: 'exp_1' });
    const jobs = await a!.jobs.scheduled(participant.id);
    expect(jobs.length).toBeGreaterThan(3);
    for (const job of jobs) {
      const decision = (replica: string): Decision => ({
        type: 'skip',
        reason: `decided by ${replica}`,
        effects: [],
        next: [],
      });
      const row = (replica: string) => ({
        key: `test:${job.id}:${replica}`,
        participantId: participant.id,
        kind: 'notice' as const,
        budgeted: false,
        budgetWeek: '2026-W10',
        message: { text: replica, blocks: [] },
        dueAt: clock.now(),
        expiresAt: clock.now() + DAY,
      });
      const results = await Promise.all([
        a!.jobs.apply(job, decision('a'), row('a'), clock.now()),
        b!.jobs.apply(job, decision('b'), row('b'), clock.now()),
      ]);
      expect(results.filter((r) => r.applied)).toHaveLength(1);
      // The loser wrote nothing: exactly one outbox row for the job.
      const written = (await a!.outbox.list()).filter((o) => o.key.startsWith(`test:${job.id}:`));
      expect(written).toHaveLength(1);
    }
    expect(await a!.jobs.scheduled(participant.id)).toEqual([]);
  });

  it('leaves out of the due list a job that another replica is applying right now', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([stores.open(schema), stores.open(schema)]);
    const clock = new ManualClock(START);
    await setupPerson(a!, clock, { startDate: '2026-03-02', experimentId: 'exp_1' });
    const later = new Date('2026-05-01T12:00:00-04:00').getTime();
    const due = await a!.jobs.due(later, 10);
    expect(due.length).toBeGreaterThan(1);
    const busy = due[0]!;
    const holder = await holdTransaction(a!, () =>
      a!.db.query('SELECT id FROM jobs WHERE id = ? FOR UPDATE', [busy.id]),
    );
    const seen = await b!.jobs.due(later, 10);
    expect(seen.map((j) => j.id)).toEqual(due.slice(1).map((j) => j.id));
    await holder.end();
    expect((await b!.jobs.due(later, 10)).map((j) => j.id)).toEqual(due.map((j) => j.id));
  });

  it('keeps one running experiment, one participant and one decision per alert under concurrent writes', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([stores.open(schema), stores.open(schema)]);
    const clock = new ManualClock(START);
    const { participant, program } = await setupPerson(a!, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    await a!.experiments.setStatus('exp_1', 'completed', clock.now());
    const starts = await Promise.allSettled(
      [a, b].map((store, i) =>
        store!.experiments.start(
          `exp_${i + 2}`,
          participant.id,
          experimentInput('2026-03-09'),
          '2026-06-08',
          [],
          clock.now(),
        ),
      ),
    );
    expect(starts.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const refused = starts.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ExperimentAlreadyRunningError);

    const identity = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U_NEW' };
    const created = await Promise.all(
      [a, b, a, b].map((store) =>
        store!.participants.create({ ...identity, programId: program.id }, clock.now()),
      ),
    );
    expect(new Set(created.map((p) => p.id)).size).toBe(1);

    const mentor = await a!.participants.create(
      { platform: 'slack', workspaceId: 'T1', userId: 'U_MENTOR', programId: program.id },
      clock.now(),
    );
    const pairs = await Promise.all(
      [a, b].map((store, i) =>
        store!.mentoring.createPair(
          {
            id: `pair_${i}`,
            programId: program.id,
            mentorId: mentor.id,
            menteeId: created[0]!.id,
            createdBy: 'U_C',
          },
          [],
          clock.now(),
        ),
      ),
    );
    expect(pairs.filter((p) => p !== null)).toHaveLength(1);
    const pair = pairs.find((p) => p !== null)!;
    expect(
      await a!.mentoring.openAlert({ id: 'alert_1', pairId: pair.id, score: 40, reasons: [] }, clock.now()),
    ).toBe(true);
    const decisions = await Promise.all(
      [a, b, a, b].map((store, i) =>
        store!.mentoring.handleAlert('alert_1', 'check_in', `curator_${i}`, clock.now(), {}),
      ),
    );
    expect(decisions.filter(Boolean)).toHaveLength(1);
  });
});
