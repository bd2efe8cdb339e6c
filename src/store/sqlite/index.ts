import { existsSync } from 'node:fs';
import type { OpenOptions } from '../index.js';
import type { Store } from '../types.js';
import { openSqliteStore } from './store.js';

export { PSEUDONYM_SECRET_KEY } from '../report-rows.js';
export {
  databaseFiles,
  ExperimentAlreadyRunningError,
  exposedDatabaseFiles,
  migrate,
  openSqliteStore,
  type SqliteOptions,
  SqliteStore,
} from './store.js';

/**
 * The file a SQLite location names: a plain path (`./data/coachloop.db`, `:memory:`) or a `sqlite:` URL
 * (`sqlite:./data/coachloop.db`, `sqlite:///var/lib/coachloop.db`, `sqlite::memory:`).
 */
export function sqlitePathOf(location: string): string {
  if (!location.startsWith('sqlite:')) return location;
  const rest = location.slice('sqlite:'.length);
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (!path) throw new Error('the sqlite: location names no file, e.g. sqlite:./data/coachloop.db');
  return path;
}

/** The store's opener (see ../index.ts): creates the file if needed and applies pending migrations. */
export async function openSqlite(location: string, options: OpenOptions = {}): Promise<Store> {
  const path = sqlitePathOf(location);
  if (options.existing && path !== ':memory:' && !existsSync(path))
    throw new Error(
      `no database at ${path}: set DATABASE_PATH, or start coachloop and apply a program first`,
    );
  return openSqliteStore({ path });
}
