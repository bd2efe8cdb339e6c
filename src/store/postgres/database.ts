import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

import type { Row } from '../rows.js';

/** A row as node-postgres returns it: BIGINT columns (the epoch-millisecond times) arrive as strings. */
export type { Row };

const numberedCache = new Map<string, string>();

/**
 * The SQL here is written with `?` placeholders, in the order of its parameters, as on the SQLite side; PostgreSQL
 * wants `$1…$n`. No statement of this store uses a `?` for anything else (no jsonb `?` operator, none in literals).
 */
export function numbered(sql: string): string {
  let converted = numberedCache.get(sql);
  if (converted === undefined) {
    let n = 0;
    converted = sql.replace(/\?/g, () => `$${++n}`);
    numberedCache.set(sql, converted);
  }
  return converted;
}

export interface PostgresOptions {
  /** `postgres://…` or `postgresql://…`. */
  url: string;
  /** Connections the pool keeps at most (default 10). Each transaction holds one for its whole length. */
  poolSize?: number;
  /** The schema to work in (default: the server's search_path, normally `public`); created when missing. */
  schema?: string;
}

/** The schema names the store accepts: plain lower-case identifiers, which never need quoting rules or carry SQL. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name as an SQL identifier. */
export function schemaIdentifier(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`bad schema name ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

/**
 * One pool, and the transaction the current async call chain runs in. A transaction takes a client of its own
 * (BEGIN … COMMIT or ROLLBACK on it); every query made inside `transaction(work)` — by any repository of the store —
 * goes to that client, and every query outside goes to the pool.
 */
export class PgDatabase {
  readonly #current = new AsyncLocalStorage<pg.PoolClient>();

  constructor(readonly pool: pg.Pool) {}

  static connect(options: PostgresOptions): PgDatabase {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${schemaIdentifier(options.schema)}` } : {}),
    });
    // An idle client whose connection drops (a server restart) must not take the process with it.
    pool.on('error', () => {});
    return new PgDatabase(pool);
  }

  query(sql: string, params: readonly unknown[] = []): Promise<pg.QueryResult<Row>> {
    const client = this.#current.getStore() ?? this.pool;
    return client.query<Row>(numbered(sql), params as unknown[]);
  }

  get inTransaction(): boolean {
    return this.#current.getStore() !== undefined;
  }

  /** Runs `work` in one transaction; inside another it simply joins it. */
  async transaction<T>(work: () => Promise<T>, begin = 'BEGIN'): Promise<T> {
    if (this.inTransaction) return work();
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const result = await this.#current.run(client, work);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** The small helpers every PostgreSQL repository of the store uses. */
export class PgRepository {
  constructor(readonly db: PgDatabase) {}

  protected tx<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  protected async one(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.db.query(sql, params)).rows[0];
  }

  protected async all(sql: string, ...params: unknown[]): Promise<Row[]> {
    return (await this.db.query(sql, params)).rows;
  }

  /** The number of rows the statement changed. */
  protected async run(sql: string, ...params: unknown[]): Promise<number> {
    return (await this.db.query(sql, params)).rowCount ?? 0;
  }
}

/** SQLSTATE of a unique violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}
