import { afterEach, describe, expect, it } from 'vitest';
import { PrivacyService } from '../../src/app/privacy.js';
import { DAY, ManualClock } from '../../src/core/clock.js';
import type { PostgresStore } from '../../src/store/postgres/store.js';
import { setupPerson } from '../support/foundation.js';
import { holdTransaction, postgresStores } from './support.js';

const START = '2026-03-02T12:00:00-05:00';

/** What identifies Erika or is her free text. */
const TRACES = [
  'erika@example.com',
  'Erika Mustermann',
  'U_ERIKA',
  'D_ERIKA',
  'Ask before I tell',
  'Hamburg',
];

const stores = postgresStores();
afterEach(() => stores.cleanup());

/** Every row of every table of the store's schema, as text, so that a test can look for what must be gone. */
async function everyRow(store: PostgresStore): Promise<string> {
  const tables = await store.db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const rows: string[] = [];
  for (const { table_name } of tables.rows)
    rows.push(
      ...(await store.db.query(`SELECT t::text AS row FROM "${String(table_name)}" t`)).rows.map((r) =>
        String(r.row),
      ),
    );
  return rows.join('\n');
}

describe('erasure on PostgreSQL', () => {
  it('leaves nothing of the person in any table: identity, email, free text, channel state, matching', async () => {
    const store = await stores.open();
    const clock = new ManualClock(START);
    const { participant, program } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
      userId: 'U_ERIKA',
    });
    await store.participants.update(participant.id, {
      email: 'erika@example.com',
      displayName: 'Erika Mustermann',
      address: 'D_ERIKA',
    });
    const owner = { workspaceId: participant.workspaceId, userId: 'U_ERIKA' };
    await store.channelState.set('slack', 'dm:U_ERIKA', 'D_ERIKA', owner, clock.now());
    await store.channelState.set(
      'slack',
      'dm:U_OTHER',
      'D_OTHER',
      { ...owner, userId: 'U_OTHER' },
      clock.now(),
    );
    await store.outbox.enqueue(
      {
        key: `notice:${participant.id}:1`,
        participantId: participant.id,
        kind: 'notice',
        budgeted: false,
        budgetWeek: '2026-W10',
        message: { text: 'Hello Erika Mustermann', blocks: [] },
        dueAt: clock.now(),
        expiresAt: clock.now() + DAY,
      },
      clock.now(),
    );
    const mentor = await store.participants.create(
      { platform: 'slack', workspaceId: participant.workspaceId, userId: 'U_MENTOR', programId: program.id },
      clock.now(),
    );
    const pair = (await store.mentoring.createPair(
      {
        id: 'pair_1',
        programId: program.id,
        mentorId: mentor.id,
        menteeId: participant.id,
        createdBy: 'roster',
      },
      [],
      clock.now(),
    ))!;
    await store.mentoring.saveDraft(
      pair.id,
      { goals: 'Erika wants to lead the Hamburg team' },
      'form',
      clock.now(),
    );
    await store.matching.recordVoice(
      { pairId: pair.id, participantId: participant.id, kind: 'fine', note: 'Erika meets offline' },
      clock.now(),
    );
    await store.matching.addNotWith(
      mentor.id,
      { platform: 'slack', workspaceId: participant.workspaceId, userId: 'U_ERIKA' },
      'Erika Mustermann',
      clock.now(),
    );
    const before = await everyRow(store);
    for (const trace of TRACES) expect(before).toContain(trace);

    await new PrivacyService({ store, clock }).forget(participant, 'cli');

    const after = await everyRow(store);
    for (const trace of TRACES) expect(after).not.toContain(trace);
    // Someone else's entry stays, and the numbers stay with an anonymous record.
    expect(await store.channelState.get('slack', 'dm:U_OTHER')).toBe('D_OTHER');
    expect((await store.participants.get(participant.id))?.consent).toBe('opted_out');
    expect((await store.privacy.consentHistory(participant.id)).map((e) => e.decision)).toContain('erased');
  });

  it('says the erasure is not settled while another session can still see the old row versions', async () => {
    const store = await stores.open();
    const reader = await stores.open();
    // An open REPEATABLE READ transaction keeps its snapshot, so VACUUM must keep what that snapshot may see.
    const snapshot = await holdTransaction(
      reader,
      () => reader.db.query('SELECT COUNT(*) FROM participants'),
      'BEGIN ISOLATION LEVEL REPEATABLE READ',
    );
    try {
      expect(await store.privacy.settleErasure()).toEqual({ complete: false });
    } finally {
      await snapshot.end();
    }
  });
});
