/**
 * The store implementations the contract suite runs on. Each factory makes a fresh, empty database for one test
 * and opens as many connections (store instances) on it as the test asks for; `describeStores` runs a block of
 * tests once per factory and closes and removes everything after each test.
 *
 * Adding an implementation adds one factory to `storeFactories`.
 */
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { tempDir } from '../support/foundation.js';
import { postgresFactory } from './postgres.js';

/** One empty database made for one test. */
export interface TestDatabase {
  /** A new connection on this database (a store instance of its own, as another replica would hold). */
  connect(): Promise<Store>;
  /** Removes the database; connections are closed before. */
  drop(): Promise<void>;
}

export interface StoreFactory {
  readonly name: string;
  /** Once per test file, before its first test (e.g. a schema of the file's own on a shared server). */
  setup?(): Promise<void>;
  /** A fresh, empty, migrated database. */
  database(): Promise<TestDatabase>;
  /** Once per test file, after its last test. */
  teardown?(): Promise<void>;
}

const sqlite: StoreFactory = {
  name: 'sqlite',
  async database() {
    const dir = tempDir();
    return {
      connect: async () => openSqliteStore({ path: dir.file() }),
      drop: async () => dir.cleanup(),
    };
  },
};

export const storeFactories: readonly StoreFactory[] = [sqlite, postgresFactory()];

export interface StoreContext {
  /** The implementation under test. */
  readonly implementation: string;
  /** A fresh database with one connection. */
  store(): Promise<Store>;
  /** A fresh database with several connections on it (as several processes or replicas would hold). */
  connections(count: number): Promise<Store[]>;
}

/** Runs `body` once per store implementation, as `name [implementation]`. */
export function describeStores(name: string, body: (context: StoreContext) => void): void {
  for (const factory of storeFactories) {
    describe(`${name} [${factory.name}]`, () => {
      let databases: TestDatabase[] = [];
      let opened: Store[] = [];
      if (factory.setup) beforeAll(() => factory.setup?.());
      if (factory.teardown) afterAll(() => factory.teardown?.());
      afterEach(async () => {
        for (const store of opened) await store.close();
        for (const database of databases) await database.drop();
        opened = [];
        databases = [];
      });
      const connections = async (count: number): Promise<Store[]> => {
        const database = await factory.database();
        databases.push(database);
        const stores: Store[] = [];
        for (let i = 0; i < count; i += 1) {
          const store = await database.connect();
          opened.push(store);
          stores.push(store);
        }
        return stores;
      };
      body({
        implementation: factory.name,
        store: async () => (await connections(1))[0]!,
        connections,
      });
    });
  }
}
