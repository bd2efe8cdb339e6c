/**
 * The store the end-to-end harnesses run the bot on: SQLite by default, PostgreSQL when `TEST_STORE=postgres`
 * (the `postgres` test project sets it). This is the one place that chooses; the harnesses only ask it for a
 * database and hand its variables to the bot's configuration.
 *
 * On PostgreSQL each harness gets a schema of its own on the local server (see ../store-contract/postgres.ts),
 * created and migrated by the store itself when the bot opens it, kept across restarts, and dropped on close.
 */
import { join } from 'node:path';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { SqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { dropSchema, freshSchema, schemaLocation } from '../store-contract/postgres.js';

export type TestStoreKind = 'sqlite' | 'postgres';

function chosenStore(): TestStoreKind {
  const named = process.env.TEST_STORE || 'sqlite';
  if (named === 'sqlite' || named === 'postgres') return named;
  throw new Error(`TEST_STORE must be "sqlite" or "postgres", not "${named}"`);
}

/** The store this test run uses. */
export const TEST_STORE: TestStoreKind = chosenStore();

/** True when the run is on PostgreSQL: tests of SQLite's own files skip with `it.skipIf(onPostgres)`. */
export const onPostgres = TEST_STORE === 'postgres';

/** A database for one harness. */
export interface HarnessDatabase {
  /** What points the bot at it: `DATABASE_PATH` (SQLite) or `DATABASE_URL` (PostgreSQL), for its configuration or a child process. */
  readonly env: Readonly<Record<string, string>>;
  /** Removes it (the bot is closed before). */
  drop(): Promise<void>;
}

/** A fresh database for one harness whose files live in `dir` (SQLite keeps its file there; `dir` is removed by the harness). */
export function harnessDatabase(dir: string): HarnessDatabase {
  if (TEST_STORE === 'postgres') {
    const schema = freshSchema();
    return { env: { DATABASE_URL: schemaLocation(schema) }, drop: () => dropSchema(schema) };
  }
  return { env: { DATABASE_PATH: join(dir, 'coachloop.db') }, drop: async () => {} };
}

/**
 * Runs one statement, with `?` placeholders, on the database of whichever store is open, and answers its rows
 * (none for a statement that returns none). For the few checks that need raw rows — proof that erasure left
 * nothing, or a change the port rightly refuses — never for what a port operation answers. Write it in SQL both
 * databases read alike; PostgreSQL answers BIGINT columns (the times) as strings.
 */
export async function rawRows(
  store: Store,
  sql: string,
  ...params: unknown[]
): Promise<Record<string, unknown>[]> {
  if (store instanceof PostgresStore) return (await store.db.query(sql, params)).rows;
  if (store instanceof SqliteStore) {
    const statement = store.db.prepare(sql);
    if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
    statement.run(...params);
    return [];
  }
  throw new Error('rawRows knows the SQLite and PostgreSQL stores only');
}
