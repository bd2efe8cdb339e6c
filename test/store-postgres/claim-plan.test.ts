/**
 * The outbox claim right after a large roster import, before the tables have statistics (autovacuum has not
 * analyzed them yet, or is off): it must read a bounded number of participants, not join every due row against
 * every person of the workspace. Checked on the plan PostgreSQL actually ran (EXPLAIN ANALYZE), not on time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { claimParams, claimStatement } from '../../src/store/postgres/store.js';
import type { RosterPersonPlan } from '../../src/store/types.js';
import { postgresStores } from './support.js';

const stores = postgresStores();
afterEach(() => stores.cleanup());

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

/** Index and table entries each relation's nodes read (rows returned or filtered out, over all loops). */
function rowsRead(node: PlanNode, into = new Map<string, number>()): Map<string, number> {
  if (node['Relation Name']) {
    const loops = node['Actual Loops'] ?? 1;
    const read = ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * loops;
    into.set(node['Relation Name'], (into.get(node['Relation Name']) ?? 0) + read);
  }
  if (node['Rows Removed by Join Filter'])
    into.set('join filter', (into.get('join filter') ?? 0) + node['Rows Removed by Join Filter']);
  for (const child of node.Plans ?? []) rowsRead(child, into);
  return into;
}

describe('claiming due rows on PostgreSQL', () => {
  it('reads a bounded number of people right after a roster import, before any ANALYZE', async () => {
    const people = 3000;
    const store = await stores.open();
    const now = Date.UTC(2026, 2, 3, 14, 0);
    const { record: program } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), now);
    const plans: RosterPersonPlan[] = Array.from({ length: people }, (_, i) => ({
      id: `ppl_${i}`,
      exists: false,
      identity: { platform: 'slack', workspaceId: 'T0001', userId: `U${i}` },
      programId: program.id,
      email: `u${i}@example.test`,
      roles: ['leader'],
      arm: 'coached',
      timezone: 'UTC',
      consentRequest: {
        key: `consent:ppl_${i}`,
        participantId: `ppl_${i}`,
        kind: 'consent',
        budgeted: false,
        budgetWeek: '',
        message: { text: 'Join?', blocks: [] },
        dueAt: now,
        expiresAt: now + 60 * MINUTE,
      },
    }));
    await store.participants.importRoster([{ people: plans, pairs: [] }], now);

    const plan = await store.db
      .transaction(async () => {
        const result = await store.db.query(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${claimStatement(true)}`,
          claimParams(now, 50, 'token', { platform: 'slack', workspaceId: 'T0001' }),
        );
        throw Object.assign(new Error('roll back'), { plan: result.rows[0]!['QUERY PLAN'] });
      })
      .catch((error: { plan?: [{ Plan: PlanNode }] }) => {
        if (!error.plan) throw error;
        return error.plan[0].Plan;
      });
    const read = rowsRead(plan);
    // The claim takes 50 rows; it may look up each due row's person once (and the claimed rows' people again), but
    // never read the workspace's people once per due row (3,000 x 3,000 here).
    expect(read.get('join filter') ?? 0).toBeLessThanOrEqual(2 * people);
    expect(read.get('participants') ?? 0).toBeLessThanOrEqual(2 * people);

    // And the statement the store runs is that one: a claim takes the first 50 rows of the workspace.
    const claimed = await store.outbox.claim(now, 50, 'token-2', { platform: 'slack', workspaceId: 'T0001' });
    expect(claimed.map((row) => row.key)).toEqual(plans.slice(0, 50).map((p) => `consent:${p.id}`));
    expect(await store.outbox.claim(now, 50, 'token-3', { platform: 'slack', workspaceId: 'T9999' })).toEqual(
      [],
    );
  }, 60_000);
});
