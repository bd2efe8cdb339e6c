import type Database from 'better-sqlite3';
import {
  columnNames,
  DryRun,
  emptyCounts,
  neutralValue,
  schemaDifferences,
  TargetNotEmptyError,
  TRANSFER_TABLES,
  TransferSchemaError,
  transferTable,
} from '../transfer.js';
import type { TransferBatch, TransferCounts, TransferStore } from '../types.js';
import { type Row, SqlRepository } from './sql.js';

/**
 * The neutral row stream on SQLite. Rows are read in rowid order, which is the order they were inserted in (some
 * reads break ties by it), and written back in stream order, so a copy between two SQLite files keeps it too.
 */
export class SqliteTransferStore extends SqlRepository implements TransferStore {
  constructor(db: Database.Database) {
    super(db);
  }

  async schemaVersion(): Promise<number> {
    return Number(this.one('SELECT MAX(version) AS v FROM schema_migrations')?.v ?? 0);
  }

  async counts(): Promise<TransferCounts> {
    return this.#counts();
  }

  #counts(): TransferCounts {
    const counts = emptyCounts();
    for (const table of TRANSFER_TABLES)
      counts[table.name] = Number(this.one(`SELECT COUNT(*) AS n FROM ${table.name}`)?.n ?? 0);
    return counts;
  }

  #checkSchema(which: string): void {
    const tables = this.all(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    ).map((row) => String(row.name));
    const actual = new Map(
      tables.map((name) => [
        name,
        (this.db.pragma(`table_info(${name})`) as Row[]).map((column) => String(column.name)),
      ]),
    );
    const problems = schemaDifferences(actual);
    if (problems.length > 0) throw new TransferSchemaError(which, problems);
  }

  async *exportRows(options: { batchSize?: number } = {}): AsyncGenerator<TransferBatch> {
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
    // A read transaction: from its first read on, every read sees the same snapshot, whatever others write meanwhile.
    this.db.exec('BEGIN');
    try {
      this.#checkSchema('source');
      for (const table of TRANSFER_TABLES) {
        const columns = columnNames(table);
        const kinds = columns.map((column) => table.columns[column]!);
        const page = this.db
          .prepare(
            `SELECT rowid AS "rowid", ${columns.join(', ')} FROM ${table.name} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
          )
          .raw(true);
        let after = Number.MIN_SAFE_INTEGER;
        for (;;) {
          const rows = page.all(after, batchSize) as unknown[][];
          if (rows.length === 0) break;
          after = Number(rows[rows.length - 1]![0]);
          yield {
            table: table.name,
            rows: rows.map((row) => kinds.map((kind, i) => neutralValue(kind, row[i + 1]))),
          };
          if (rows.length < batchSize) break;
        }
      }
    } finally {
      if (this.db.inTransaction) this.db.exec('COMMIT');
    }
  }

  async importRows(
    batches: AsyncIterable<TransferBatch> | Iterable<TransferBatch>,
    options: { dryRun?: boolean } = {},
  ): Promise<TransferCounts> {
    const written = emptyCounts();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.#checkSchema('target');
      const held = this.#counts();
      if (Object.values(held).some((n) => n > 0)) throw new TargetNotEmptyError(held);
      // References are checked when the copy commits, not row by row.
      this.db.pragma('defer_foreign_keys = ON');
      for await (const batch of batches) {
        const table = transferTable(batch.table);
        const columns = columnNames(table);
        const insert = this.statement(
          `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of batch.rows) {
          if (row.length !== columns.length)
            throw new Error(`a row of ${table.name} has ${row.length} values for ${columns.length} columns`);
          insert.run(...row);
        }
        written[table.name] = (written[table.name] ?? 0) + batch.rows.length;
      }
      const broken = this.db.pragma('foreign_key_check') as Row[];
      if (broken.length > 0)
        throw new Error(
          `the copied rows name rows that do not exist (${[...new Set(broken.map((row) => `${row.table} → ${row.parent}`))].join(', ')})`,
        );
      if (options.dryRun) throw new DryRun();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      if (!(error instanceof DryRun)) throw error;
    }
    return written;
  }
}
