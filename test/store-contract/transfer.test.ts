/**
 * Moving a pilot from one store to another (`coachloop migrate-store`), for every ordered pair of store
 * implementations: a realistic pilot is built through the port on the source, copied, and everything the bot and
 * its reports read is compared through the port on the target; then the bot carries on there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DAY, ManualClock, MINUTE } from '../../src/core/clock.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import {
  copyStore,
  emptyCounts,
  SchemaVersionMismatchError,
  TargetNotEmptyError,
  TRANSFER_TABLES,
} from '../../src/store/transfer.js';
import type { Store, TransferBatch } from '../../src/store/types.js';
import { NOW, readBack, seedPilot } from './pilot.js';
import { type StoreFactory, storeFactories, type TestDatabase } from './stores.js';

function pairsOf(factories: readonly StoreFactory[]): [StoreFactory, StoreFactory][] {
  return factories.flatMap((from) =>
    factories.filter((to) => to !== from).map((to) => [from, to] as [StoreFactory, StoreFactory]),
  );
}

const databases: TestDatabase[] = [];
const opened: Store[] = [];
beforeAll(async () => {
  for (const factory of storeFactories) await factory.setup?.();
});
afterAll(async () => {
  for (const factory of storeFactories) await factory.teardown?.();
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const database of databases.splice(0)) await database.drop();
});

/** A fresh database of the factory's, with as many connections on it as asked for. */
async function connections(factory: StoreFactory, count: number): Promise<Store[]> {
  const database = await factory.database();
  databases.push(database);
  const stores: Store[] = [];
  for (let i = 0; i < count; i += 1) stores.push(await database.connect());
  opened.push(...stores);
  return stores;
}

async function open(factory: StoreFactory): Promise<Store> {
  return (await connections(factory, 1))[0]!;
}

for (const [from, to] of pairsOf(storeFactories)) {
  describe(`migrate-store ${from.name} → ${to.name}`, () => {
    it('copies a pilot that reads back the same through the port: reports, people, jobs, outbox, audit, state', async () => {
      const source = await open(from);
      const target = await open(to);
      const pilot = await seedPilot(source);
      const expected = await readBack(source, pilot);
      const result = await copyStore(source, target, { batchSize: 3 });
      expect(result.counts).toEqual(await source.transfer.counts());
      expect(await readBack(target, pilot)).toEqual(expected);
      // The comparison covers real content, not two empty answers.
      expect(result.counts).toMatchObject({ participants: 6, pairs: 2, outbox: 4, jobs: expect.any(Number) });
      expect(
        Object.entries(result.counts)
          .filter(([, n]) => n === 0)
          .map(([table]) => table),
      ).toEqual([]);
      expect(JSON.stringify(expected)).toContain('reorganization');
      expect((expected as { secret: string }).secret).toBe('the-pseudonym-secret');
    });

    it('lets the bot carry on: due jobs fire once, sent messages stay sent, new rows get new ids', async () => {
      const source = await open(from);
      const target = await open(to);
      const pilot = await seedPilot(source);
      await copyStore(source, target);
      const sentBefore = (await target.outbox.list({ status: 'sent' })).map((row) => row.key);
      expect(sentBefore).toHaveLength(3);
      // The experiment's first nudge comes due; one pass queues it, a second pass has nothing left to do.
      const eve = pilot.people.at(-1)!;
      const next = (await target.jobs.nextFor(eve))!;
      const clock = new ManualClock(next.dueAt + MINUTE);
      const first = await runSchedulerPass(target, clock);
      const second = await runSchedulerPass(target, clock);
      expect(first.examined).toBeGreaterThan(0);
      expect(second.examined).toBe(0);
      const keys = (await target.outbox.list()).map((row) => row.key);
      expect(new Set(keys).size).toBe(keys.length);
      // The dispatcher claims what is waiting, never what was sent before the move.
      const claimed = (await target.outbox.claim(clock.now() + DAY, 100, 'after-move')).map((row) => row.key);
      expect(claimed).toContain('pending:eve');
      expect(claimed.filter((key) => sentBefore.includes(key))).toEqual([]);
      // Generated ids carry on after the copied ones.
      const highest = Math.max(...(await source.outbox.list()).map((row) => row.id));
      expect(
        await target.outbox.enqueue(
          {
            key: 'after-move',
            participantId: eve,
            kind: 'nudge',
            budgeted: false,
            budgetWeek: '2026-W10',
            message: { text: 'new', blocks: [] },
            dueAt: clock.now(),
            expiresAt: clock.now() + DAY,
          },
          clock.now(),
        ),
      ).toBe(true);
      expect((await target.outbox.byKey('after-move'))!.id).toBeGreaterThan(highest);
      await target.audit.append({ at: clock.now(), actor: 'cli', action: 'after.move', subject: 'x' });
      await target.privacy.recordConsent({
        participantId: eve,
        at: clock.now(),
        decision: 'opted_out',
        scope: 's',
        channel: 'slack',
      });
      await target.pilots.recordReview(pilot.programId, 'mid', clock.now());
      await target.matching.recordVoice(
        { pairId: pilot.pairId, participantId: pilot.people[0]!, kind: 'new_match', note: null },
        clock.now(),
      );
      expect((await target.audit.since(0)).at(-1)?.action).toBe('after.move');
    });

    it('refuses a target that holds data, and writes nothing to it', async () => {
      const source = await open(from);
      const target = await open(to);
      await seedPilot(source);
      await target.audit.append({ at: NOW, actor: 'cli', action: 'already.here', subject: 'x' });
      const before = await target.transfer.counts();
      const refusal = copyStore(source, target);
      await expect(refusal).rejects.toThrow(TargetNotEmptyError);
      await expect(refusal).rejects.toThrow(/not empty \(audit_log: 1\).*nothing was written/);
      expect(await target.transfer.counts()).toEqual(before);
    });

    it('writes nothing on a dry run, and nothing when the stream fails halfway', async () => {
      const source = await open(from);
      const target = await open(to);
      await seedPilot(source);
      const dry = await copyStore(source, target, { dryRun: true });
      expect(dry.counts.participants).toBe(6);
      expect(await target.transfer.counts()).toEqual(emptyCounts());
      async function* failing(): AsyncGenerator<TransferBatch> {
        let n = 0;
        for await (const batch of source.transfer.exportRows({ batchSize: 2 })) {
          yield batch;
          n += 1;
          if (n === 5) throw new Error('the source went away');
        }
      }
      await expect(target.transfer.importRows(failing())).rejects.toThrow('the source went away');
      expect(await target.transfer.counts()).toEqual(emptyCounts());
      // And the target is still good for a real copy afterwards.
      expect((await copyStore(source, target)).counts.participants).toBe(6);
    });
  });
}

describe.each(storeFactories.map((factory) => [factory.name, factory] as const))(
  'the row stream [%s]',
  (_, factory) => {
    it('reads every table in dependency order, in batches no larger than asked, from one snapshot', async () => {
      const [store, other] = (await connections(factory, 2)) as [Store, Store];
      await seedPilot(store);
      const order = TRANSFER_TABLES.map((table) => table.name);
      const seen: string[] = [];
      const stream = store.transfer.exportRows({ batchSize: 4 })[Symbol.asyncIterator]();
      const first = await stream.next();
      // Written after the read began: not part of it.
      await other.audit.append({ at: NOW, actor: 'cli', action: 'during.export', subject: 'x' });
      let rows = 0;
      for (let item = first; !item.done; item = await stream.next()) {
        expect(item.value.rows.length).toBeLessThanOrEqual(4);
        if (seen.at(-1) !== item.value.table) seen.push(item.value.table);
        rows += item.value.rows.length;
        if (item.value.table === 'audit_log')
          expect(JSON.stringify(item.value.rows)).not.toContain('during.export');
      }
      expect(seen).toEqual(order.filter((name) => seen.includes(name)));
      expect(new Set(seen).size).toBe(seen.length);
      const counts = await store.transfer.counts();
      expect(rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0) - 1);
    });

    it('names its schema version, the same for every store of this release', async () => {
      const versions = await Promise.all(
        storeFactories.map(async (f) => (await open(f)).transfer.schemaVersion()),
      );
      expect(new Set(versions).size).toBe(1);
      expect(versions[0]).toBeGreaterThanOrEqual(10);
      expect(new SchemaVersionMismatchError(9, 10).message).toMatch(/version 9 .* at 10/);
    });
  },
);
