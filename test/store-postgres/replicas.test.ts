import { afterEach, describe, expect, it } from 'vitest';
import { DAY, ManualClock } from '../../src/core/clock.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { setupPerson } from '../support/foundation.js';
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
    // Each replica's pool opens its four connections first, so no loop drains the table while the others connect.
    await Promise.all([a, b, c].flatMap((store) => [0, 1, 2, 3].map(() => store!.ping())));
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
});
