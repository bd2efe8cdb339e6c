import {
  type ColumnKind,
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
import { PgRepository } from './database.js';

/** Columns this store keeps for itself and does not move: match_proposals.seq is SQLite's rowid order, generated. */
const OWN_COLUMNS: Readonly<Record<string, readonly string[]>> = { match_proposals: ['seq'] };

/** The order rows are read in where this store has a better one than the list's: insertion order. */
const READ_ORDER: Readonly<Record<string, string>> = { match_proposals: 'seq' };

/** SQLSTATE of a lock that could not be taken within lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

const ARRAY_TYPE: Record<ColumnKind, string> = { text: 'text[]', integer: 'bigint[]', real: 'float8[]' };

/**
 * The neutral row stream on PostgreSQL. The export reads in a REPEATABLE READ, read-only transaction through one
 * cursor per table; the import writes each batch with one INSERT … SELECT FROM unnest(…) and then moves every
 * identity past the ids it copied.
 */
export class PostgresTransferStore extends PgRepository implements TransferStore {
  async schemaVersion(): Promise<number> {
    return Number((await this.one('SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0);
  }

  async counts(): Promise<TransferCounts> {
    const counts = emptyCounts();
    for (const table of TRANSFER_TABLES)
      counts[table.name] = Number((await this.one(`SELECT COUNT(*) AS n FROM ${table.name}`))?.n ?? 0);
    return counts;
  }

  async #checkSchema(
    which: string,
    query: (sql: string) => Promise<Record<string, unknown>[]>,
  ): Promise<void> {
    const rows = await query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    );
    const actual = new Map<string, string[]>();
    for (const row of rows) {
      const table = String(row.table_name);
      const column = String(row.column_name);
      if (OWN_COLUMNS[table]?.includes(column)) continue;
      actual.set(table, [...(actual.get(table) ?? []), column]);
    }
    const problems = schemaDifferences(actual);
    if (problems.length > 0) throw new TransferSchemaError(which, problems);
  }

  async *exportRows(options: { batchSize?: number } = {}): AsyncGenerator<TransferBatch> {
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
    const client = await this.db.pool.connect();
    let broken = false;
    let ended = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await this.#checkSchema('source', async (sql) => (await client.query(sql)).rows);
      for (const table of TRANSFER_TABLES) {
        const columns = columnNames(table);
        const kinds = columns.map((column) => table.columns[column]!);
        await client.query(
          `DECLARE transfer_rows NO SCROLL CURSOR FOR
           SELECT ${columns.join(', ')} FROM ${table.name} ORDER BY ${READ_ORDER[table.name] ?? table.order}`,
        );
        for (;;) {
          const { rows } = await client.query<unknown[]>({
            text: `FETCH FORWARD ${batchSize} FROM transfer_rows`,
            rowMode: 'array',
          });
          if (rows.length === 0) break;
          yield {
            table: table.name,
            rows: rows.map((row) => kinds.map((kind, i) => neutralValue(kind, row[i]))),
          };
          if (rows.length < batchSize) break;
        }
        await client.query('CLOSE transfer_rows');
      }
      await client.query('COMMIT');
      ended = true;
    } finally {
      // A failure, or a reader that stopped early, leaves the transaction open: end it before the client goes back.
      if (!ended)
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
      client.release(broken);
    }
  }

  async importRows(
    batches: AsyncIterable<TransferBatch> | Iterable<TransferBatch>,
    options: { dryRun?: boolean } = {},
  ): Promise<TransferCounts> {
    const written = emptyCounts();
    try {
      await this.tx(async () => {
        await this.#checkSchema('target', (sql) => this.all(sql));
        // No one else writes these tables until the copy commits, so "empty" stays true while it runs. A replica
        // still running on the target holds locks of its own: fail after a while rather than wait behind it.
        await this.run("SET LOCAL lock_timeout = '15s'");
        await this.run(`LOCK TABLE ${TRANSFER_TABLES.map((t) => t.name).join(', ')} IN EXCLUSIVE MODE`).catch(
          (error: unknown) => {
            if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
            throw new Error(
              'the target database is in use (another session holds its tables): stop coachloop on it first; nothing was written',
            );
          },
        );
        const held = await this.counts();
        if (Object.values(held).some((n) => n > 0)) throw new TargetNotEmptyError(held);
        for await (const batch of batches) {
          const table = transferTable(batch.table);
          const columns = columnNames(table);
          const values = columns.map((): unknown[] => []);
          for (const row of batch.rows) {
            if (row.length !== columns.length)
              throw new Error(
                `a row of ${table.name} has ${row.length} values for ${columns.length} columns`,
              );
            for (const [i, value] of row.entries()) values[i]!.push(value);
          }
          await this.run(
            `INSERT INTO ${table.name} (${columns.join(', ')})
             SELECT * FROM unnest(${columns.map((column) => `?::${ARRAY_TYPE[table.columns[column]!]}`).join(', ')})`,
            ...values,
          );
          written[table.name] = (written[table.name] ?? 0) + batch.rows.length;
        }
        for (const table of TRANSFER_TABLES) {
          if (!table.generatedId) continue;
          // The identity's next value comes after the highest copied id (or stays at its start when none was).
          await this.run(
            `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(${table.generatedId}), 1), MAX(${table.generatedId}) IS NOT NULL)
             FROM ${table.name}`,
            table.name,
            table.generatedId,
          );
        }
        if (options.dryRun) throw new DryRun();
      });
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
      return written;
    }
    // The planner's statistics describe the empty tables until autovacuum comes round to them; until then a query
    // over a few people's rows may be planned as a range scan over everyone's (seconds instead of milliseconds).
    await this.run(`ANALYZE ${TRANSFER_TABLES.map((t) => t.name).join(', ')}`);
    return written;
  }
}
