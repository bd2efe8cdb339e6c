/**
 * The store operations that several replicas rely on: dispatch leases, per-replica heartbeats, due scopes with
 * scoped claims, and the migration check behind /readyz. Each runs on two connections to one database.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, MINUTE } from '../../src/core/clock.js';
import type { Store } from '../../src/store/types.js';
import { setupPerson } from '../support/foundation.js';
import { describeStores } from './stores.js';

const SECOND = 1000;

describeStores('replicas', (context) => {
  let a: Store;
  let b: Store;

  beforeEach(async () => {
    [a, b] = (await context.connections(2)) as [Store, Store];
  });

  describe('dispatch leases', () => {
    const T = 1_000_000;

    it('grants a free lease, renews it for its holder and refuses others while it lives', async () => {
      expect(await a.leases.acquire('slack:T1', 'r1', T, 30 * SECOND)).toEqual({
        acquired: true,
        previousHolder: null,
        previousUntil: null,
      });
      expect(await b.leases.acquire('slack:T1', 'r2', T + 10 * SECOND, 30 * SECOND)).toEqual({
        acquired: false,
        holder: 'r1',
        until: T + 30 * SECOND,
      });
      // A renewal extends the holding from the renewal's moment.
      expect(await a.leases.acquire('slack:T1', 'r1', T + 20 * SECOND, 30 * SECOND)).toEqual({
        acquired: true,
        previousHolder: 'r1',
        previousUntil: T + 30 * SECOND,
      });
      expect(await b.leases.acquire('slack:T1', 'r2', T + 49 * SECOND, 30 * SECOND)).toMatchObject({
        acquired: false,
        until: T + 50 * SECOND,
      });
      // Other names are independent.
      expect(await b.leases.acquire('teams:tenant', 'r2', T, 30 * SECOND)).toMatchObject({ acquired: true });
    });

    it('is taken over once the holding expires, and the old holder can no longer renew or release it', async () => {
      await a.leases.acquire('slack:T1', 'r1', T, 30 * SECOND);
      expect(await b.leases.acquire('slack:T1', 'r2', T + 30 * SECOND, 30 * SECOND)).toEqual({
        acquired: true,
        previousHolder: 'r1',
        previousUntil: T + 30 * SECOND,
      });
      expect(await a.leases.acquire('slack:T1', 'r1', T + 31 * SECOND, 30 * SECOND)).toEqual({
        acquired: false,
        holder: 'r2',
        until: T + 60 * SECOND,
      });
      expect(await a.leases.release('slack:T1', 'r1', T + 31 * SECOND)).toBe(false);
      expect(await a.leases.acquire('slack:T1', 'r1', T + 59 * SECOND, 30 * SECOND)).toMatchObject({
        acquired: false,
      });
    });

    it('is free at once after a release, which names the releasing holder as the previous one', async () => {
      await a.leases.acquire('slack:T1', 'r1', T, 30 * SECOND);
      expect(await b.leases.release('slack:T1', 'r2', T + SECOND)).toBe(false);
      expect(await a.leases.release('slack:T1', 'r1', T + 2 * SECOND)).toBe(true);
      expect(await a.leases.release('slack:T1', 'r1', T + 3 * SECOND)).toBe(false);
      expect(await b.leases.acquire('slack:T1', 'r2', T + 3 * SECOND, 30 * SECOND)).toEqual({
        acquired: true,
        previousHolder: 'r1',
        previousUntil: T + 2 * SECOND,
      });
    });

    it('grants a contested lease to exactly one of many callers on two connections', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a : b).leases.acquire('slack:T1', `r${i}`, T, 30 * SECOND),
        ),
      );
      expect(results.filter((r) => r.acquired)).toHaveLength(1);
    });
  });

  describe('replica heartbeats', () => {
    it('keeps one row per replica with its latest pass and forgets replicas long gone', async () => {
      await a.replicas.recordPass('r1', 1000, 0);
      await b.replicas.recordPass('r2', 3000, 0);
      await a.replicas.recordPass('r1', 2000, 0);
      expect(await b.replicas.list()).toEqual([
        { replica: 'r2', lastPassAt: 3000 },
        { replica: 'r1', lastPassAt: 2000 },
      ]);
      await b.replicas.recordPass('r2', 10_000, 2500);
      expect(await a.replicas.list()).toEqual([{ replica: 'r2', lastPassAt: 10_000 }]);
    });
  });

  describe('due scopes and scoped claims', () => {
    async function person(store: Store, clock: ManualClock, userId: string, workspaceId: string) {
      const created = await store.participants.create(
        { platform: 'slack', workspaceId, userId, programId: (await programId(store, clock))! },
        clock.now(),
      );
      return created;
    }
    async function programId(store: Store, clock: ManualClock): Promise<string> {
      const existing = (await store.programs.list())[0];
      if (existing) return existing.id;
      const setup = await setupPerson(store, clock, { userId: 'USETUP', startDate: '2026-03-02' });
      return setup.program.id;
    }
    const row = (key: string, participantId: string, dueAt: number) => ({
      key,
      participantId,
      kind: 'notice' as const,
      budgeted: false,
      budgetWeek: '',
      message: { text: key, blocks: [] },
      dueAt,
      expiresAt: dueAt + 60 * MINUTE,
    });

    it('names each workspace with due or stale rows once, and claims only the named workspace', async () => {
      const clock = new ManualClock('2026-03-02T12:00:00Z');
      const now = clock.now();
      const one = await person(a, clock, 'U1', 'T1');
      const two = await person(a, clock, 'U2', 'T2');
      const three = await person(a, clock, 'U3', 'T3');
      await a.outbox.enqueue(row('k1', one.id, now - MINUTE), now);
      await a.outbox.enqueue(row('k1b', one.id, now), now);
      await a.outbox.enqueue(row('k2', two.id, now + MINUTE), now);
      await a.outbox.enqueue(row('k3', three.id, now), now);
      const byName = (scopes: { platform: string; workspaceId: string }[]) =>
        scopes.map((s) => `${s.platform}:${s.workspaceId}`).sort();
      expect(byName(await b.outbox.dueScopes(now, now - 2 * MINUTE))).toEqual(['slack:T1', 'slack:T3']);

      const claimed = await b.outbox.claim(now, 10, 'tok', { platform: 'slack', workspaceId: 'T1' });
      expect(claimed.map((r) => r.key).sort()).toEqual(['k1', 'k1b']);
      expect(await a.outbox.claim(now, 10, 'tok2', { platform: 'teams', workspaceId: 'T1' })).toEqual([]);
      // Claimed rows are no longer due; once their claim is older than the lease they count again, in their scope.
      expect(byName(await b.outbox.dueScopes(now, now - 2 * MINUTE))).toEqual(['slack:T3']);
      clock.advance(3 * MINUTE);
      expect(byName(await b.outbox.dueScopes(clock.now(), clock.now() - 2 * MINUTE))).toEqual([
        'slack:T1',
        'slack:T2',
        'slack:T3',
      ]);
      expect(
        (await a.outbox.stale(clock.now(), 2 * MINUTE, { platform: 'slack', workspaceId: 'T1' })).map(
          (r) => r.key,
        ),
      ).toHaveLength(2);
      expect(await a.outbox.stale(clock.now(), 2 * MINUTE, { platform: 'slack', workspaceId: 'T3' })).toEqual(
        [],
      );
    });
  });

  describe('the migration check', () => {
    it('is empty on a database the store opened, and rejects once the store is closed', async () => {
      expect(await a.pendingMigrations()).toEqual([]);
      await a.close();
      await expect(a.pendingMigrations()).rejects.toThrow();
    });
  });
});
