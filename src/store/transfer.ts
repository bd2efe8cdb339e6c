/**
 * Moving a whole database from one store to another (`coachloop migrate-store`), in terms every store shares: the
 * tables below, in an order where every row's references come before it, each row a list of plain values (text,
 * whole numbers, real numbers, null) in the order of its table's columns. A store reads its rows out in this form
 * and writes them in from it (`Store.transfer`); nothing here knows a dialect.
 */
import type { Store, TransferBatch, TransferCounts, TransferValue } from './types.js';

export type ColumnKind = 'text' | 'integer' | 'real';

export interface TransferTable {
  name: string;
  /** The columns and the kind of value each holds, in the order the rows carry them. */
  columns: Readonly<Record<string, ColumnKind>>;
  /** Columns that order the rows for a store that keeps no insertion order of its own (unique together). */
  order: string;
  /** The store generates this integer column's values for new rows: after a copy it must carry on past them. */
  generatedId?: string;
}

const T = 'text' as const;
const I = 'integer' as const;
const R = 'real' as const;

/**
 * Every table that holds the pilot's data, in dependency order (a row's references are in earlier tables, or
 * earlier in the same table). A migration that adds a table or a column adds it here; a store refuses to move
 * data while its tables differ from this list, so that nothing is left behind silently.
 */
export const TRANSFER_TABLES: readonly TransferTable[] = [
  {
    name: 'programs',
    columns: { id: T, name: T, settings: T, version: I, created_at: I, updated_at: I },
    order: 'id',
  },
  {
    name: 'program_versions',
    columns: { program_id: T, version: I, settings: T, applied_at: I },
    order: 'program_id, version',
  },
  {
    name: 'participants',
    columns: {
      id: T,
      program_id: T,
      platform: T,
      workspace_id: T,
      user_id: T,
      email: T,
      display_name: T,
      timezone: T,
      working_days: T,
      quiet_hours: T,
      paused_until: I,
      consent: T,
      consent_at: I,
      reachable: I,
      address: T,
      last_interaction_at: I,
      created_at: I,
      kind: T,
      roles: T,
      arm: T,
      invited_at: I,
      erased_at: I,
      attributes: T,
      language: T,
      roster_language: T,
      platform_locale: T,
    },
    order: 'id',
  },
  {
    name: 'arm_assignments',
    columns: {
      participant_id: T,
      program_id: T,
      arm: T,
      method: T,
      stratum: T,
      seed: T,
      control_percent: I,
      batch: I,
      assigned_at: I,
      coaching_from: T,
      coached_at: I,
    },
    order: 'participant_id',
  },
  {
    name: 'program_notes',
    columns: {
      id: T,
      program_id: T,
      date: T,
      text: T,
      created_by: T,
      created_at: I,
      removed_by: T,
      removed_at: I,
    },
    order: 'id',
  },
  {
    name: 'program_reviews',
    columns: { id: I, program_id: T, stage: T, at: I },
    order: 'id',
    generatedId: 'id',
  },
  {
    name: 'experiments',
    columns: {
      id: T,
      participant_id: T,
      behavior: T,
      hypothesis: T,
      kpi_name: T,
      kpi_unit: T,
      kpi_baseline: R,
      kpi_target: R,
      kpi_direction: T,
      start_date: T,
      length_weeks: I,
      end_date: T,
      status: T,
      version: I,
      created_at: I,
      updated_at: I,
    },
    order: 'id',
  },
  {
    name: 'experiment_versions',
    columns: { experiment_id: T, version: I, data: T, changed_at: I, changed_by: T },
    order: 'experiment_id, version',
  },
  {
    name: 'nudge_responses',
    columns: { experiment_id: T, occurrence: T, answer: T, at: I },
    order: 'experiment_id, occurrence',
  },
  {
    name: 'surveys',
    columns: {
      id: T,
      experiment_id: T,
      participant_id: T,
      checkpoint_day: I,
      status: T,
      sent_at: I,
      reminded_at: I,
      practice: I,
      kpi_value: R,
      confidence: I,
      note: T,
      answered_at: I,
    },
    order: 'id',
  },
  {
    name: 'survey_changes',
    columns: { survey_id: T, at: I, field: T, old_value: T, new_value: T },
    order: 'survey_id, at, field, old_value, new_value',
  },
  {
    name: 'jobs',
    columns: {
      id: I,
      participant_id: T,
      subject_id: T,
      kind: T,
      occurrence: T,
      due_at: I,
      state: T,
      version: I,
      result: T,
    },
    order: 'id',
    generatedId: 'id',
  },
  {
    name: 'outbox',
    columns: {
      id: I,
      key: T,
      participant_id: T,
      kind: T,
      budgeted: I,
      budget_week: T,
      message: T,
      due_at: I,
      expires_at: I,
      status: T,
      attempts: I,
      next_attempt_at: I,
      claim_token: T,
      claimed_at: I,
      reason: T,
      provider_ref: T,
      sent_at: I,
      created_at: I,
    },
    order: 'id',
    generatedId: 'id',
  },
  { name: 'inbound_deliveries', columns: { delivery_id: T, received_at: I }, order: 'delivery_id' },
  {
    name: 'audit_log',
    columns: { id: I, at: I, actor: T, action: T, subject: T, detail: T },
    order: 'id',
    generatedId: 'id',
  },
  { name: 'meta', columns: { key: T, value: T }, order: 'key' },
  {
    name: 'consent_ledger',
    columns: { id: I, participant_id: T, at: I, decision: T, scope: T, channel: T },
    order: 'id',
    generatedId: 'id',
  },
  {
    name: 'channel_state',
    columns: {
      platform: T,
      key: T,
      value: T,
      owner_workspace_id: T,
      owner_user_id: T,
      updated_at: I,
    },
    order: 'platform, key',
  },
  {
    name: 'pairs',
    columns: {
      id: T,
      program_id: T,
      mentor_id: T,
      mentee_id: T,
      status: T,
      created_by: T,
      created_at: I,
      intro_sent_at: I,
      closed_at: I,
      close_reason: T,
      replaces_pair_id: T,
      nudged_at: I,
    },
    // A pair that replaces another was made after it.
    order: 'created_at, id',
  },
  { name: 'charter_drafts', columns: { pair_id: T, data: T, mode: T, updated_at: I }, order: 'pair_id' },
  {
    name: 'charter_versions',
    columns: {
      pair_id: T,
      version: I,
      data: T,
      status: T,
      submitted_at: I,
      mentor_confirmed_at: I,
      comment: T,
    },
    order: 'pair_id, version',
  },
  {
    name: 'milestones',
    columns: {
      id: T,
      pair_id: T,
      charter_version: I,
      position: I,
      description: T,
      due_date: T,
      due_at: I,
      status: T,
      confirmed_at: I,
      confirmed_by: T,
      note: T,
    },
    order: 'id',
  },
  {
    name: 'curator_alerts',
    columns: {
      id: T,
      pair_id: T,
      status: T,
      score: I,
      reasons: T,
      created_at: I,
      snoozed_until: I,
      action: T,
      handled_by: T,
      handled_at: I,
      detail: T,
    },
    order: 'id',
  },
  {
    name: 'match_proposals',
    columns: {
      id: T,
      review_id: T,
      program_id: T,
      mentee_id: T,
      mentor_id: T,
      fit: I,
      reasons: T,
      alternatives: T,
      status: T,
      chosen_mentor_id: T,
      pair_id: T,
      decided_by: T,
      decided_by_name: T,
      decided_at: I,
      created_at: I,
    },
    order: 'created_at, id',
  },
  {
    name: 'not_with',
    columns: { owner_id: T, platform: T, workspace_id: T, user_id: T, name: T, created_at: I },
    order: 'owner_id, platform, workspace_id, user_id',
  },
  {
    name: 'pair_voices',
    columns: { id: I, pair_id: T, participant_id: T, kind: T, note: T, at: I },
    order: 'id',
    generatedId: 'id',
  },
  {
    name: 'pair_checkins',
    columns: {
      pair_id: T,
      round: T,
      participant_id: T,
      asked_at: I,
      answer: T,
      usefulness: I,
      note: T,
      answered_at: I,
    },
    order: 'pair_id, round, participant_id',
  },
];

/**
 * Tables a store has that are not moved: the migrations' own bookkeeping (each store keeps its own) and what
 * running replicas hold for the moment (dispatch leases, heartbeats), which means nothing to another database.
 */
export const NOT_TRANSFERRED: readonly string[] = [
  'schema_migrations',
  'dispatch_leases',
  'replica_heartbeats',
];

const BY_NAME = new Map(TRANSFER_TABLES.map((table) => [table.name, table]));

export function transferTable(name: string): TransferTable {
  const table = BY_NAME.get(name);
  if (!table) throw new Error(`no table ${JSON.stringify(name)} is moved between stores`);
  return table;
}

export function columnNames(table: TransferTable): string[] {
  return Object.keys(table.columns);
}

/** Rows per table, every table named (0 when empty). */
export function emptyCounts(): TransferCounts {
  return Object.fromEntries(TRANSFER_TABLES.map((table) => [table.name, 0]));
}

/** A value as a store read it, in the neutral form of its column's kind (drivers hand big integers as text). */
export function neutralValue(kind: ColumnKind, value: unknown): TransferValue {
  if (value === null || value === undefined) return null;
  if (kind === 'text') return typeof value === 'string' ? value : String(value);
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) throw new Error(`not a number where one belongs: ${typeof value}`);
  return number;
}

/**
 * What is wrong with a store's tables for a move: tables or columns it has that the list above lacks, or lacks
 * that the list has. Empty when they agree. `actual` maps each table of the store to its column names.
 */
export function schemaDifferences(actual: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const table of TRANSFER_TABLES) {
    const columns = actual.get(table.name);
    if (!columns) {
      problems.push(`table ${table.name} is missing`);
      continue;
    }
    const expected = columnNames(table);
    for (const column of expected)
      if (!columns.includes(column)) problems.push(`column ${table.name}.${column} is missing`);
    for (const column of columns)
      if (!expected.includes(column)) problems.push(`column ${table.name}.${column} is not moved`);
  }
  for (const name of actual.keys())
    if (!BY_NAME.has(name) && !NOT_TRANSFERRED.includes(name)) problems.push(`table ${name} is not moved`);
  return problems;
}

export class TransferSchemaError extends Error {
  constructor(which: string, problems: readonly string[]) {
    super(
      `the ${which} database's tables differ from the ones migrate-store moves (${problems.join('; ')}): no data was copied`,
    );
    this.name = 'TransferSchemaError';
  }
}

/** Thrown inside a dry run's transaction to roll it back (never escapes `importRows`). */
export class DryRun extends Error {}

/** The target of a move already holds data. */
export class TargetNotEmptyError extends Error {
  constructor(readonly counts: TransferCounts) {
    const held = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${table}: ${n}`);
    super(
      `the target database is not empty (${held.join(', ')}): migrate-store copies only into a new, empty database; nothing was written`,
    );
    this.name = 'TargetNotEmptyError';
  }
}

/** The two stores are at different schema versions. */
export class SchemaVersionMismatchError extends Error {
  constructor(source: number, target: number) {
    super(
      `the source database is at schema version ${source} and the target at ${target}: run the same coachloop release's \`coachloop migrate\` on both first; nothing was written`,
    );
    this.name = 'SchemaVersionMismatchError';
  }
}

export interface CopyOptions {
  /** Rows per batch read and written (default 1000): what the copy holds in memory at a time. */
  batchSize?: number;
  /** Copy everything in the target's transaction, then roll it back. */
  dryRun?: boolean;
}

export interface CopyResult {
  /** Rows written per table (with `dryRun`: rows that would be written). */
  counts: TransferCounts;
  schemaVersion: number;
  dryRun: boolean;
}

/**
 * Copies every row of `source` into `target`, which must be empty and at the same schema version. The source is
 * read in one snapshot and the target written in one transaction: all of it lands, or none of it.
 */
export async function copyStore(
  source: Store,
  target: Store,
  options: CopyOptions = {},
): Promise<CopyResult> {
  for (const [which, store] of [
    ['source', source],
    ['target', target],
  ] as const) {
    const pending = await store.pendingMigrations();
    if (pending.length > 0)
      throw new Error(
        `the ${which} database lacks schema migrations ${pending.join(', ')}: run \`coachloop migrate\` on it first; nothing was written`,
      );
  }
  const [from, to] = [await source.transfer.schemaVersion(), await target.transfer.schemaVersion()];
  if (from !== to) throw new SchemaVersionMismatchError(from, to);
  const counts = await target.transfer.importRows(
    source.transfer.exportRows({ batchSize: options.batchSize ?? 1000 }),
    { dryRun: options.dryRun ?? false },
  );
  return { counts, schemaVersion: from, dryRun: options.dryRun ?? false };
}

export type { TransferBatch, TransferCounts, TransferValue };
