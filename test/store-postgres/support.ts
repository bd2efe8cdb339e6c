import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/store.js';
import { freshSchema, TEST_DATABASE_URL } from '../store-contract/postgres.js';

export { freshSchema };

/**
 * Stores on schemas of their own, closed and dropped by `cleanup`. `open(schema)` opens another store on a schema
 * already used, as a second replica would.
 */
export function postgresStores(): {
  open: (schema?: string, poolSize?: number) => Promise<PostgresStore>;
  cleanup: () => Promise<void>;
} {
  const stores: PostgresStore[] = [];
  const schemas = new Set<string>();
  return {
    open: async (schema = freshSchema(), poolSize = 4) => {
      schemas.add(schema);
      const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema, poolSize });
      stores.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of stores.splice(0)) await store.close();
      if (schemas.size === 0) return;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
      schemas.clear();
    },
  };
}

/**
 * Runs `work` in a transaction of `store` that stays open until the returned `end` is called, so a test can look
 * at what another store sees meanwhile (row locks, snapshots).
 */
export async function holdTransaction(
  store: PostgresStore,
  work: () => Promise<unknown>,
  begin = 'BEGIN',
): Promise<{ end: () => Promise<void> }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = () => {};
  const isStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const transaction = store.db.transaction(async () => {
    await work();
    started();
    await held;
  }, begin);
  await Promise.race([isStarted, transaction]);
  return {
    end: async () => {
      release();
      await transaction;
    },
  };
}
