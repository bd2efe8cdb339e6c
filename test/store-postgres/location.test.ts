import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_SIZE, parsePostgresLocation } from '../../src/store/postgres/index.js';

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
