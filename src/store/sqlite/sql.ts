import type Database from 'better-sqlite3';
import type { Row } from '../rows.js';

export { numOrNull, type Row, str, strOrNull } from '../rows.js';

/** The small helpers every SQLite repository here uses over one connection. */
export class SqlRepository {
  readonly #statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** Prepared once per SQL text and connection, then reused. */
  protected statement(sql: string): Database.Statement {
    let prepared = this.#statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.#statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Synchronous work inside one IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlock). */
  protected tx<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  protected one(sql: string, ...params: unknown[]): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  protected all(sql: string, ...params: unknown[]): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }

  protected run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.statement(sql).run(...params);
  }
}
