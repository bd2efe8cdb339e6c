/**
 * The PostgreSQL store in the contract suite. Each test file gets a schema of its own on the local server
 * (`t_<random>`, migrated once), so files run in parallel without meeting; each test starts from that schema emptied
 * (every table truncated, identities restarted), which is a fresh database as far as the port can tell and much
 * quicker than migrating anew. The schema is dropped after the file's last test.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../../src/store/postgres/index.js';
import type { StoreFactory } from './stores.js';

/** The server the tests use: the local PostgreSQL (trust authentication), or TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema name, so that test files running in parallel never meet. */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** The location of a schema on the test server, as DATABASE_URL would name it. */
export function schemaLocation(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  url.searchParams.set('pool_size', '4');
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Removes a schema and everything in it from the test server (nothing happens when it is not there). */
export async function dropSchema(schema: string): Promise<void> {
  await onServer((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

export function postgresFactory(): StoreFactory {
  let schema: string | null = null;
  const current = () => {
    if (!schema) throw new Error('the PostgreSQL factory was not set up');
    return schema;
  };
  return {
    name: 'postgres',
    async setup() {
      schema = freshSchema();
      await (await openPostgres(schemaLocation(schema))).close();
    },
    async database() {
      const name = current();
      await onServer(async (client) => {
        const tables = await client.query<{ name: string }>(
          `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
           WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
          [name],
        );
        await client.query(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
      });
      return { connect: () => openPostgres(schemaLocation(name)), drop: async () => {} };
    },
    async teardown() {
      const name = current();
      schema = null;
      await dropSchema(name);
    },
  };
}
