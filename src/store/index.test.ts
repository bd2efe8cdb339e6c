import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/foundation.js';
import {
  describeLocation,
  openStore,
  openStoreAt,
  openThrowAwayStore,
  schemeOf,
  storeLocation,
} from './index.js';
import type { Store } from './types.js';

const opened: Store[] = [];
const dirs: ReturnType<typeof tempDir>[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) dir.cleanup();
});

async function keep(store: Promise<Store>): Promise<Store> {
  const s = await store;
  opened.push(s);
  return s;
}

describe('choosing the store from its location', () => {
  it('reads the scheme of a URL, and takes a plain path or a drive letter for a SQLite file', () => {
    expect(schemeOf('postgres://u@127.0.0.1:5432/test')).toBe('postgres');
    expect(schemeOf('PostgreSQL://u@127.0.0.1/test')).toBe('postgres');
    expect(schemeOf('sqlite:./data/coachloop.db')).toBe('sqlite');
    expect(schemeOf('./data/coachloop.db')).toBe('sqlite');
    expect(schemeOf('/var/lib/coachloop/coachloop.db')).toBe('sqlite');
    expect(schemeOf(':memory:')).toBe('sqlite');
    expect(schemeOf('C:\\coachloop\\coachloop.db')).toBe('sqlite');
    expect(schemeOf('mysql://db/coachloop')).toBe('mysql');
  });

  it('prefers DATABASE_URL to DATABASE_PATH', () => {
    expect(storeLocation({ DATABASE_PATH: './a.db' })).toBe('./a.db');
    expect(storeLocation({ DATABASE_URL: 'sqlite:./b.db', DATABASE_PATH: './a.db' })).toBe('sqlite:./b.db');
  });

  it('opens the same SQLite file from a path and from a sqlite: URL', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = await keep(openStore({ DATABASE_PATH: dir.file() }));
    await first.meta.set('probe', 'written by path');
    await first.close();
    const second = await keep(openStore({ DATABASE_URL: `sqlite://${dir.file()}`, DATABASE_PATH: 'unused' }));
    expect(await second.meta.get('probe')).toBe('written by path');
    const third = await keep(openStoreAt(`sqlite:${dir.file()}`));
    expect(await third.ping()).toBe(true);
  });

  it('says clearly when a store is not built or the scheme is unknown', async () => {
    await expect(openStoreAt('mysql://db/coachloop')).rejects.toThrow(/unknown database scheme "mysql:"/);
    await expect(openStoreAt('sqlite:')).rejects.toThrow(/names no file/);
  });

  it('opens only an existing database when asked, and creates nothing then', async () => {
    const dir = tempDir();
    dirs.push(dir);
    await expect(openStoreAt(dir.file('none.db'), { existing: true })).rejects.toThrow(
      /no database at .*none\.db/,
    );
    expect(existsSync(dir.file('none.db'))).toBe(false);
    await keep(openStoreAt(dir.file('none.db')));
    const again = await keep(openStoreAt(dir.file('none.db'), { existing: true }));
    expect(await again.ping()).toBe(true);
  });

  it('keeps a password out of the location it prints', () => {
    expect(describeLocation('postgres://app:s3cret@db.internal:5432/coachloop')).toBe(
      'postgres://app:***@db.internal:5432/coachloop',
    );
    expect(describeLocation('postgres://app@db/coachloop')).toBe('postgres://app@db/coachloop');
    expect(describeLocation('./data/coachloop.db')).toBe('./data/coachloop.db');
  });

  it('opens a throw-away store that works like any other', async () => {
    const store = await keep(openThrowAwayStore());
    expect(await store.inbound.firstSeen('d1', 1)).toBe(true);
    expect(await store.inbound.firstSeen('d1', 2)).toBe(false);
  });
});
