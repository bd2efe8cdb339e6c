import { type PostgresOptions, SCHEMA_NAME } from './database.js';
import { openPostgresStore, type PostgresStore } from './store.js';

export { PostgresStore } from './store.js';

/** Pool size when the location names none: enough for a tick, a dispatcher and the HTTP handlers of one replica. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * The options in a `postgres://` (or `postgresql://`) location. Two query parameters are the store's own and are
 * taken off before the URL reaches the driver: `pool_size` (connections per replica, 1–200, default 10) and `schema`
 * (the schema to use, created if missing; default: the server's search_path, normally `public`). Everything else —
 * user, password, host, port, database, `sslmode`… — is node-postgres's.
 */
export function parsePostgresLocation(location: string): PostgresOptions {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new Error('DATABASE_URL is not a valid postgres:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new Error(`not a PostgreSQL location: ${url.protocol}`);
  const pool = url.searchParams.get('pool_size');
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('pool_size');
  url.searchParams.delete('schema');
  let poolSize = DEFAULT_POOL_SIZE;
  if (pool !== null) {
    poolSize = Number(pool);
    if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 200)
      throw new Error(`pool_size in DATABASE_URL must be a whole number from 1 to 200, not "${pool}"`);
  }
  if (schema !== null && !SCHEMA_NAME.test(schema))
    throw new Error(
      `schema in DATABASE_URL must be a plain lower-case name (letters, digits, _), not "${schema}"`,
    );
  return { url: url.toString(), poolSize, ...(schema !== null ? { schema } : {}) };
}

/** Opens the PostgreSQL store a location names and brings its schema up to date (see ../index.ts). */
export function openPostgres(location: string, options: { existing?: boolean } = {}): Promise<PostgresStore> {
  return openPostgresStore({ ...parsePostgresLocation(location), ...options });
}
