import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSurvey } from '../../../test/store-contract/fixtures.js';
import { experimentInput, setupPerson, tempDir } from '../../../test/support/foundation.js';
import { ManualClock } from '../../core/clock.js';
import { Database } from './driver.js';
import { MIGRATIONS } from './migrations.js';
import { ExperimentAlreadyRunningError, migrate, openSqliteStore, type SqliteStore } from './store.js';

const START = '2026-03-02T12:00:00-05:00';

let dirs: ReturnType<typeof tempDir>[] = [];
let stores: SqliteStore[] = [];

function fileStore(path: string): SqliteStore {
  const store = openSqliteStore({ path });
  stores.push(store);
  return store;
}

function memoryStore(): SqliteStore {
  const store = openSqliteStore({ path: ':memory:' });
  stores.push(store);
  return store;
}

beforeEach(() => {
  dirs = [];
  stores = [];
});

afterEach(async () => {
  for (const store of stores) await store.close();
  for (const dir of dirs) dir.cleanup();
});

function newDir() {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

describe('opening and migrating', () => {
  it('applies each migration once and records it', async () => {
    const { file } = newDir();
    const first = fileStore(file());
    const rows = first.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    await first.close();

    const second = fileStore(file());
    expect(second.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({
      n: MIGRATIONS.length,
    });
    expect(migrate(second.db)).toEqual([]);
    // The schema is really there and usable.
    expect(await second.programs.list()).toEqual([]);
  });

  it('moves the Teams address book out of meta into channel state, with the owner of each entry', async () => {
    const { file } = newDir();
    const db = new Database(file());
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(m.version, m.name);
    }
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    put.run('teams.reference:tenant-1:29:abc', '{"r":1}');
    put.run('teams.reference:tenant-1:19:chan@thread.tacv2', '{"r":2}');
    put.run('teams.member:tenant-1:aad-1', '{"id":"29:abc"}');
    put.run('teams.reference:tenant-1:gone', '');
    put.run('teams.tenant:tenant-1', '{"t":1}');
    put.run('teams.curator_channels', '{"tenant-1":"19:chan@thread.tacv2"}');
    put.run('scheduler.last_pass_at', '5');
    db.close();

    const store = fileStore(file());
    const rows = store.db
      .prepare(
        'SELECT key, value, owner_workspace_id AS w, owner_user_id AS u FROM channel_state ORDER BY key',
      )
      .all();
    expect(rows).toEqual([
      { key: 'curator_channel:tenant-1', value: '19:chan@thread.tacv2', w: null, u: null },
      { key: 'member:tenant-1:aad-1', value: '{"id":"29:abc"}', w: 'tenant-1', u: 'aad-1' },
      {
        key: 'reference:tenant-1:19:chan@thread.tacv2',
        value: '{"r":2}',
        w: 'tenant-1',
        u: '19:chan@thread.tacv2',
      },
      { key: 'reference:tenant-1:29:abc', value: '{"r":1}', w: 'tenant-1', u: '29:abc' },
      { key: 'tenant:tenant-1', value: '{"t":1}', w: null, u: null },
    ]);
    expect(store.db.prepare('SELECT key FROM meta').all()).toEqual([{ key: 'scheduler.last_pass_at' }]);
    await store.close();
  });

  it('does not fail when another process applied a migration after this one looked', () => {
    const { file } = newDir();
    const path = file();
    const late = new Database(path);
    const other = new Database(path);
    let raced = false;
    // A connection that reads the list of applied migrations just before another process migrates the same file.
    const racing = new Proxy(late, {
      get(target, property) {
        if (property === 'prepare') {
          return (sql: string) => {
            const statement = target.prepare(sql);
            if (raced || sql !== 'SELECT version FROM schema_migrations') return statement;
            raced = true;
            const rows = statement.all();
            expect(migrate(other)).toEqual(MIGRATIONS.map((m) => m.version));
            return { all: () => rows };
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      expect(migrate(racing)).toEqual([]);
      expect(raced).toBe(true);
      expect(late.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({
        n: MIGRATIONS.length,
      });
    } finally {
      late.close();
      other.close();
    }
  });

  it('runs with foreign keys on and in WAL mode', async () => {
    const { file } = newDir();
    const store = fileStore(file());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    await expect(
      store.participants.create(
        { platform: 'slack', workspaceId: 'T1', userId: 'U1', programId: 'prg_missing' },
        0,
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});

describe('what the schema itself guarantees (the contract suite covers behavior through the port)', () => {
  it('refuses a second running experiment in the database, whatever the code path', async () => {
    const store = memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    await expect(
      store.experiments.start(
        'exp_2',
        participant.id,
        experimentInput('2026-03-09'),
        '2026-06-08',
        [],
        clock.now(),
      ),
    ).rejects.toBeInstanceOf(ExperimentAlreadyRunningError);
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO experiments (id, participant_id, behavior, hypothesis, kpi_name, kpi_unit, kpi_baseline, kpi_target,
             kpi_direction, start_date, length_weeks, end_date, status, created_at, updated_at)
           VALUES ('exp_x', ?, 'b', 'h', 'k', 'u', 1, 2, 'increase', '2026-03-02', 13, '2026-06-01', 'paused', 0, 0)`,
        )
        .run(participant.id),
    ).toThrow(/UNIQUE/);
  });

  it('logs each change of a survey answer, never the free text', async () => {
    const store = memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    const id = await openSurvey(store, participant.id, 'exp_1', 30, clock.now());
    await store.surveys.answerPractice(id, 3, clock.now());
    expect(store.surveyChangeCount(id)).toBe(0);
    await store.surveys.answerPractice(id, 4, clock.now());
    expect(store.surveyChangeCount(id)).toBe(1);
    // The same answer again is not a change.
    await store.surveys.answerPractice(id, 4, clock.now());
    expect(store.surveyChangeCount(id)).toBe(1);
    await store.surveys.answerDetails(id, { kpiValue: 4, confidence: 3, note: 'first note' }, clock.now());
    expect(store.surveyChangeCount(id)).toBe(1);
    await store.surveys.answerDetails(id, { kpiValue: 5, confidence: 3, note: undefined }, clock.now());
    // kpi_value and the removed note changed; the confidence did not.
    expect(
      store.db
        .prepare('SELECT field, old_value, new_value FROM survey_changes WHERE survey_id = ? ORDER BY rowid')
        .all(id),
    ).toEqual([
      { field: 'practice', old_value: '3', new_value: '4' },
      { field: 'kpi_value', old_value: '4', new_value: '5' },
      { field: 'note', old_value: '(text)', new_value: '(text)' },
    ]);
  });

  it('keeps the audit log append-only', async () => {
    const store = memoryStore();
    await store.audit.append({ at: 1, actor: 'admin', action: 'program.updated', subject: 'pilot' });
    expect(() => store.db.prepare(`UPDATE audit_log SET actor = 'someone else'`).run()).toThrow(
      /append-only/,
    );
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('finds due jobs through the due-time index', () => {
    const store = memoryStore();
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM jobs WHERE state = 'scheduled' AND due_at <= ? ORDER BY due_at LIMIT ?`,
      )
      .all(0, 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX jobs_due/);
  });
});
