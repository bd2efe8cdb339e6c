/**
 * What the PostgreSQL schema itself guarantees, whatever the code path (the behavior of every operation is in the
 * contract suite, test/store-contract/).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { setupPerson } from '../support/foundation.js';
import { postgresStores } from './support.js';

const START = '2026-03-02T12:00:00-05:00';

const stores = postgresStores();
afterEach(() => stores.cleanup());

describe('the PostgreSQL schema', () => {
  it('refuses a second running experiment for a person', async () => {
    const store = await stores.open();
    const { participant } = await setupPerson(store, new ManualClock(START), {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    await expect(
      store.db.query(
        `INSERT INTO experiments (id, participant_id, behavior, hypothesis, kpi_name, kpi_unit, kpi_baseline, kpi_target,
           kpi_direction, start_date, length_weeks, end_date, status, created_at, updated_at)
         VALUES ('exp_x', ?, 'b', 'h', 'k', 'u', 1, 2, 'increase', '2026-03-02', 13, '2026-06-01', 'paused', 0, 0)`,
        [participant.id],
      ),
    ).rejects.toThrow(/experiments_one_running/);
  });

  it('keeps the audit log and the consent ledger append-only', async () => {
    const store = await stores.open();
    await store.audit.append({ at: 1, actor: 'admin', action: 'program.updated', subject: 'pilot' });
    await store.privacy.recordConsent({
      participantId: 'ppl_1',
      at: 1,
      decision: 'accepted',
      scope: 'pilot',
      channel: 'slack',
    });
    await expect(store.db.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(store.db.query(`UPDATE consent_ledger SET decision = 'declined'`)).rejects.toThrow(
      /append-only/,
    );
    expect(await store.audit.since(0)).toHaveLength(1);
  });

  it('gathers the planner statistics of the tables a bulk import wrote, and not after a dry run', async () => {
    const source = await stores.open();
    await setupPerson(source, new ManualClock(START), { startDate: '2026-03-02', experimentId: 'exp_1' });
    const analyzed = async (target: typeof source) =>
      (
        await target.db.query(
          `SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()
             AND relname IN ('participants', 'jobs') AND last_analyze IS NOT NULL ORDER BY relname`,
        )
      ).rows.map((row) => String(row.relname));
    const dry = await stores.open();
    await dry.transfer.importRows(source.transfer.exportRows(), { dryRun: true });
    expect(await analyzed(dry)).toEqual([]);
    const target = await stores.open();
    expect(await analyzed(target)).toEqual([]);
    await target.transfer.importRows(source.transfer.exportRows());
    expect(await analyzed(target)).toEqual(['jobs', 'participants']);
  });

  it('finds due jobs and ready outbox rows through their partial indexes', async () => {
    const store = await stores.open();
    // With sequential scans off (the tables are tiny), the planner shows it can walk the partial indexes.
    await store.db.transaction(async () => {
      await store.db.query('SET LOCAL enable_seqscan = off');
      const plan = async (sql: string) =>
        (await store.db.query(`EXPLAIN ${sql}`, [1, 10])).rows.map((p) => String(p['QUERY PLAN'])).join('\n');
      expect(
        await plan(`SELECT * FROM jobs WHERE state = 'scheduled' AND due_at <= ? ORDER BY due_at LIMIT ?`),
      ).toMatch(/jobs_due/);
      expect(
        await plan(
          `SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
        ),
      ).toMatch(/outbox_ready/);
    });
  });
});
