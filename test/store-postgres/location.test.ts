import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, openStoreAt } from '../../src/store/index.js';
import { DEFAULT_POOL_SIZE, parsePostgresLocation } from '../../src/store/postgres/index.js';
import type { Store } from '../../src/store/types.js';
import { freshSchema, schemaLocation, TEST_DATABASE_URL } from '../store-contract/postgres.js';

describe('the PostgreSQL location', () => {
  it('takes the pool size and the schema off the URL and leaves the rest to the driver', () => {
    expect(
      parsePostgresLocation(
        'postgres://bot:secret@db.internal:6543/coach?sslmode=require&pool_size=25&schema=pilot',
      ),
    ).toEqual({
      url: 'postgres://bot:secret@db.internal:6543/coach?sslmode=require',
      poolSize: 25,
      schema: 'pilot',
    });
    expect(parsePostgresLocation('postgresql://127.0.0.1/test')).toEqual({
      url: 'postgresql://127.0.0.1/test',
      poolSize: DEFAULT_POOL_SIZE,
    });
  });

  it('refuses a pool size or schema it cannot use, naming the parameter', () => {
    for (const bad of ['0', '201', '2.5', 'ten'])
      expect(() => parsePostgresLocation(`postgres://h/d?pool_size=${bad}`)).toThrow(/pool_size/);
    for (const bad of ['Public', 'a-b', 'x;drop', '1abc'])
      expect(() => parsePostgresLocation(`postgres://h/d?schema=${encodeURIComponent(bad)}`)).toThrow(
        /schema/,
      );
    expect(() => parsePostgresLocation('mysql://h/d')).toThrow(/not a PostgreSQL location/);
    expect(() => parsePostgresLocation('not a url')).toThrow(/not a valid/);
  });
});

describe('opening PostgreSQL through openStore', () => {
  const opened: Store[] = [];
  const schemas: string[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('opens the database DATABASE_URL names, as postgres:// and as postgresql://', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const first = await openStore({ DATABASE_URL: schemaLocation(schema), DATABASE_PATH: 'unused.db' });
    opened.push(first);
    await first.meta.set('probe', 'written over postgres://');
    const second = await openStoreAt(schemaLocation(schema).replace(/^postgres:/, 'postgresql:'), {
      existing: true,
    });
    opened.push(second);
    expect(await second.meta.get('probe')).toBe('written over postgres://');
    expect(await second.fileSafetyWarnings()).toEqual([]);
  });

  it('refuses a schema without a coachloop database when only an existing one may be opened, and creates nothing', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    await expect(openStoreAt(schemaLocation(schema), { existing: true })).rejects.toThrow(
      new RegExp(`no coachloop database in schema ${schema}`),
    );
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    await client.end();
    expect(found.rows).toEqual([]);
  });
});
