import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SurveyDetails } from '../../core/checkpoint.js';
import type { Experiment, ExperimentInput } from '../../core/experiment.js';
import { BUDGETED_KINDS } from '../../core/messages.js';
import type { Identity, Participant, Platform } from '../../core/participant.js';
import type { Decision, NextRun, ScheduledJob } from '../../core/schedule.js';
import {
  auditEdgeQuery,
  auditOtherSide,
  auditPageOf,
  auditSearchQuery,
  experimentValues,
  OUTBOX_SELECT,
  toExperiment,
  toJob,
  toOutbox,
  toParticipant,
  toProgram,
  toSurvey,
} from '../rows.js';
import type {
  ApplyResult,
  AuditEntry,
  ChannelStateEntry,
  JobContext,
  NewArmAssignment,
  NewOutboxRow,
  NudgeResponse,
  OutboxStatus,
  ParticipantPatch,
  ProgramRecord,
  RosterPlan,
  SendingTo,
  Store,
  StoreWarning,
} from '../types.js';
import { Database } from './driver.js';
import { SqliteMatchingStore } from './matching.js';
import { SqliteMentoringStore } from './mentoring.js';
import { MIGRATIONS } from './migrations.js';
import { SqlitePilotStore } from './pilots.js';
import { SqlitePrivacyStore } from './privacy.js';
import { SqliteReportStore } from './reports.js';
import { numOrNull, type Row, SqlRepository, str, strOrNull } from './sql.js';
import { SqliteTransferStore } from './transfer.js';

/** The experiment's editable columns, in the order the INSERT and UPDATE below name them. */
export interface SqliteOptions {
  /** File path, or ':memory:'. */
  path: string;
  busyTimeoutMs?: number;
}

/** The database and the files SQLite keeps beside it. */
export function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`];
}

/**
 * Existing database files that someone other than the owner may read or write, with their mode (e.g. `0644`).
 * They hold emails, notes, the consent ledger and the pseudonym secret of CSV exports.
 */
export function exposedDatabaseFiles(path: string): { file: string; mode: string }[] {
  if (path === ':memory:') return [];
  return databaseFiles(path)
    .filter((file) => existsSync(file))
    .map((file) => ({ file, mode: statSync(file).mode & 0o777 }))
    .filter(({ mode }) => (mode & 0o077) !== 0)
    .map(({ file, mode }) => ({ file, mode: `0${mode.toString(8)}` }));
}

/**
 * A new database is created owner-only: its folder 0700 (when this creates it) and the file 0600 before SQLite
 * opens it; SQLite gives the -wal and -shm files the mode of the database file.
 */
function createOwnerOnly(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
  }
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/** Opens (creating if needed) the database, applies pending migrations and returns the store. */
export function openSqliteStore(options: SqliteOptions): SqliteStore {
  if (options.path !== ':memory:') createOwnerOnly(options.path);
  const db = new Database(options.path);
  // The busy timeout first: switching to WAL needs a lock that another process may be holding.
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Deleted and overwritten content is zeroed in the page, not left in free space (see settleErasure).
  db.pragma('secure_delete = ON');
  migrate(db);
  return new SqliteStore(db);
}

export function migrate(db: Database): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r.version)),
  );
  const ran: number[] = [];
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    const didRun = db
      .transaction(() => {
        // Another process may have applied it since the list above was read: check again under the write lock.
        if (isApplied.get(migration.version)) return false;
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          Date.now(),
        );
        return true;
      })
      .immediate();
    if (didRun) ran.push(migration.version);
  }
  return ran;
}

export class SqliteStore extends SqlRepository implements Store {
  readonly mentoring: SqliteMentoringStore;
  readonly matching: SqliteMatchingStore;
  readonly pilots: SqlitePilotStore;
  readonly reports: SqliteReportStore;
  readonly transfer: SqliteTransferStore;
  readonly privacy: SqlitePrivacyStore;

  constructor(db: Database) {
    super(db);
    this.reports = new SqliteReportStore(db);
    this.pilots = new SqlitePilotStore(db);
    this.matching = new SqliteMatchingStore(db);
    this.transfer = new SqliteTransferStore(db);
    this.privacy = new SqlitePrivacyStore(db);
    this.mentoring = new SqliteMentoringStore(db, (participantId, subjectId, runs) =>
      this.insertJobs(participantId, subjectId, runs),
    );
  }

  programs: Store['programs'] = {
    upsert: async (settings, now) =>
      this.tx(() => {
        const existing = this.one('SELECT * FROM programs WHERE name = ?', settings.name);
        const json = JSON.stringify(settings);
        if (!existing) {
          const id = `prg_${randomUUID()}`;
          this.run(
            'INSERT INTO programs (id, name, settings, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
            id,
            settings.name,
            json,
            now,
            now,
          );
          this.recordProgramVersion(id, 1, json, now);
          return { record: toProgram(this.one('SELECT * FROM programs WHERE id = ?', id)!), changed: true };
        }
        if (existing.settings === json) return { record: toProgram(existing), changed: false };
        this.run(
          'UPDATE programs SET settings = ?, version = version + 1, updated_at = ? WHERE id = ?',
          json,
          now,
          existing.id,
        );
        const record = toProgram(this.one('SELECT * FROM programs WHERE id = ?', existing.id)!);
        this.recordProgramVersion(record.id, record.version, json, now);
        return { record, changed: true };
      }),
    get: async (id) => {
      const row = this.one('SELECT * FROM programs WHERE id = ?', id);
      return row ? toProgram(row) : null;
    },
    getByName: async (name) => {
      const row = this.one('SELECT * FROM programs WHERE name = ?', name);
      return row ? toProgram(row) : null;
    },
    list: async () => this.all('SELECT * FROM programs ORDER BY name').map(toProgram),
  };

  participants: Store['participants'] = {
    findByIdentity: async (identity: Identity) => {
      const row = this.one(
        'SELECT * FROM participants WHERE platform = ? AND workspace_id = ? AND user_id = ?',
        identity.platform,
        identity.workspaceId,
        identity.userId,
      );
      return row ? toParticipant(row) : null;
    },
    get: async (id) => {
      const row = this.one('SELECT * FROM participants WHERE id = ?', id);
      return row ? toParticipant(row) : null;
    },
    getMany: async (ids) =>
      ids.length === 0
        ? []
        : this.all(
            'SELECT * FROM participants WHERE id IN (SELECT value FROM json_each(?))',
            JSON.stringify(ids),
          ).map(toParticipant),
    create: async (input, now) =>
      this.tx(() => {
        const existing = this.one(
          'SELECT * FROM participants WHERE platform = ? AND workspace_id = ? AND user_id = ?',
          input.platform,
          input.workspaceId,
          input.userId,
        );
        if (existing) return toParticipant(existing);
        const id = `ppl_${randomUUID()}`;
        this.run(
          `INSERT INTO participants (id, program_id, platform, workspace_id, user_id, email, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          id,
          input.programId,
          input.platform,
          input.workspaceId,
          input.userId,
          input.email ?? null,
          now,
        );
        return toParticipant(this.one('SELECT * FROM participants WHERE id = ?', id)!);
      }),
    update: async (id, patch: ParticipantPatch) => this.tx(() => this.updateParticipant(id, patch)),
    findByEmail: async (platform, email) =>
      this.all(
        `SELECT * FROM participants WHERE platform = ? AND lower(email) = lower(?) AND kind = 'person' ORDER BY created_at`,
        platform,
        email,
      ).map(toParticipant),
    inProgram: async (programId) =>
      this.all(
        `SELECT * FROM participants WHERE program_id = ? AND kind = 'person' ORDER BY email, id`,
        programId,
      ).map(toParticipant),
    importRoster: async (batches, now) => {
      // One transaction across the batches: each is written as it arrives and then let go, so a large roster never
      // holds its whole plan, and a failure anywhere (a batch that cannot be planned or written) rolls back all.
      const counts = { peopleCreated: 0, peopleUpdated: 0, pairsCreated: 0 };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        for await (const batch of batches) this.writeRosterBatch(batch, now, counts);
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
      return counts;
    },
    ensureChannel: async (identity, programId, now) =>
      this.tx(() => {
        const existing = this.one(
          'SELECT * FROM participants WHERE platform = ? AND workspace_id = ? AND user_id = ?',
          identity.platform,
          identity.workspaceId,
          identity.userId,
        );
        if (existing) return toParticipant(existing);
        const id = `chn_${randomUUID()}`;
        this.run(
          `INSERT INTO participants (id, program_id, platform, workspace_id, user_id, consent, consent_at, address, kind, created_at)
           VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?, 'channel', ?)`,
          id,
          programId,
          identity.platform,
          identity.workspaceId,
          identity.userId,
          now,
          identity.userId,
          now,
        );
        return toParticipant(this.one('SELECT * FROM participants WHERE id = ?', id)!);
      }),
    stopAll: async (id, reason, now) => this.tx(() => this.stopEverything(id, reason, now)),
    decideConsent: async ({ id, patch, stop, audit, ledger }) =>
      this.tx(() => {
        if (stop) this.stopEverything(id, stop.reason, stop.now);
        const participant = this.updateParticipant(id, patch);
        this.appendAudit(audit);
        this.privacy.recordConsentNow(ledger);
        return participant;
      }),
  };

  /** Changes the fields `patch` names; inside the caller's transaction. */
  private updateParticipant(id: string, patch: ParticipantPatch): Participant {
    const columns: Record<keyof ParticipantPatch, string> = {
      email: 'email',
      displayName: 'display_name',
      timezone: 'timezone',
      pausedUntil: 'paused_until',
      consent: 'consent',
      consentAt: 'consent_at',
      reachable: 'reachable',
      address: 'address',
      lastInteractionAt: 'last_interaction_at',
      programId: 'program_id',
      roles: 'roles',
      arm: 'arm',
      invitedAt: 'invited_at',
      workingDays: 'working_days',
      quietHours: 'quiet_hours',
      language: 'language',
      rosterLanguage: 'roster_language',
      platformLocale: 'platform_locale',
    };
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [field, column] of Object.entries(columns) as [keyof ParticipantPatch, string][]) {
      if (!(field in patch)) continue;
      const value = patch[field];
      sets.push(`${column} = ?`);
      values.push(
        typeof value === 'boolean'
          ? value
            ? 1
            : 0
          : value !== null && typeof value === 'object'
            ? JSON.stringify(value)
            : (value ?? null),
      );
    }
    if (sets.length > 0) this.run(`UPDATE participants SET ${sets.join(', ')} WHERE id = ?`, ...values, id);
    const row = this.one('SELECT * FROM participants WHERE id = ?', id);
    if (!row) throw new Error(`no participant ${id}`);
    return toParticipant(row);
  }

  /** Cancels a person's planned jobs and queued messages and abandons their experiment; inside the caller's transaction. */
  private stopEverything(id: string, reason: string, now: number): void {
    this.run(
      `UPDATE jobs SET state = 'cancelled', result = ?, version = version + 1 WHERE participant_id = ? AND state = 'scheduled'`,
      reason,
      id,
    );
    this.run(
      `UPDATE outbox SET status = 'cancelled', reason = ?, claim_token = NULL WHERE participant_id = ? AND status = 'pending'`,
      reason,
      id,
    );
    this.run(
      `UPDATE experiments SET status = 'abandoned', updated_at = ? WHERE participant_id = ? AND status IN ('active', 'paused')`,
      now,
      id,
    );
  }

  private appendAudit(entry: AuditEntry): void {
    this.run(
      'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
      entry.at,
      entry.actor,
      entry.action,
      entry.subject,
      entry.detail ? JSON.stringify(entry.detail) : null,
    );
  }

  /** One batch of a roster import, inside the import's transaction. */
  private writeRosterBatch(
    plan: RosterPlan,
    now: number,
    counts: { peopleCreated: number; peopleUpdated: number; pairsCreated: number },
  ): void {
    for (const person of plan.people) {
      if (!person.exists) {
        this.run(
          `INSERT INTO participants (id, program_id, platform, workspace_id, user_id, email, timezone, roles, arm, invited_at, created_at, attributes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          person.id,
          person.programId,
          person.identity.platform,
          person.identity.workspaceId,
          person.identity.userId,
          person.email,
          person.timezone,
          JSON.stringify(person.roles),
          person.arm,
          now,
          now,
          JSON.stringify(person.attributes ?? {}),
        );
        counts.peopleCreated += 1;
      } else {
        const changed = this.run(
          `UPDATE participants SET program_id = ?, email = COALESCE(email, ?), roles = ?, arm = ?, timezone = COALESCE(?, timezone),
             invited_at = COALESCE(invited_at, ?), attributes = json_patch(attributes, ?)
           WHERE id = ? AND (program_id != ? OR roles != ? OR arm != ? OR (? IS NOT NULL AND timezone IS NOT ?) OR invited_at IS NULL
             OR attributes != json_patch(attributes, ?))`,
          person.programId,
          person.email,
          JSON.stringify(person.roles),
          person.arm,
          person.timezone,
          now,
          JSON.stringify(person.attributes ?? {}),
          person.id,
          person.programId,
          JSON.stringify(person.roles),
          person.arm,
          person.timezone,
          person.timezone,
          JSON.stringify(person.attributes ?? {}),
        );
        counts.peopleUpdated += changed.changes;
      }
      if (person.language) {
        const relanguaged = this.run(
          'UPDATE participants SET roster_language = ? WHERE id = ? AND roster_language IS NOT ?',
          person.language,
          person.id,
          person.language,
        );
        if (person.exists) counts.peopleUpdated += relanguaged.changes;
      }
      if (person.consentRequest) this.insertOutbox(person.consentRequest, now);
      if (person.assignment)
        this.recordAssignment(person.id, person.programId, person.arm, person.assignment, now);
    }
    for (const pair of plan.pairs) {
      const exists = this.one(
        `SELECT id FROM pairs WHERE mentor_id = ? AND mentee_id = ? AND status = 'active'`,
        pair.mentorId,
        pair.menteeId,
      );
      if (exists) continue;
      this.run(
        `INSERT INTO pairs (id, program_id, mentor_id, mentee_id, status, created_by, created_at) VALUES (?, ?, ?, ?, 'active', 'roster', ?)`,
        pair.id,
        pair.programId,
        pair.mentorId,
        pair.menteeId,
        now,
      );
      this.insertJobs(pair.menteeId, pair.id, pair.jobs);
      this.run(
        `INSERT INTO charter_drafts (pair_id, data, mode, updated_at) VALUES (?, ?, 'paused', ?)`,
        pair.id,
        JSON.stringify(pair.draft),
        now,
      );
      counts.pairsCreated += 1;
    }
  }

  private insertJobs(participantId: string, experimentId: string, runs: readonly NextRun[]): void {
    // Nudge occurrences are local dates, so a new experiment can meet the cancelled job of an earlier one on the
    // same date (abandoned, or stopped by an opt-out): that slot is taken over, or the new nudge chain never starts.
    const insert = this.statement(
      `INSERT INTO jobs (participant_id, subject_id, kind, occurrence, due_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (participant_id, kind, occurrence) DO UPDATE SET subject_id = excluded.subject_id,
         due_at = excluded.due_at, state = 'scheduled', version = jobs.version + 1, result = NULL
       WHERE jobs.state = 'cancelled' AND jobs.subject_id != excluded.subject_id`,
    );
    for (const run of runs) insert.run(participantId, experimentId, run.kind, run.occurrence, run.dueAt);
  }

  private snapshotExperiment(experiment: Experiment, changedBy: string, now: number): void {
    const {
      behavior,
      hypothesis,
      kpiName,
      kpiUnit,
      kpiBaseline,
      kpiTarget,
      kpiDirection,
      startDate,
      lengthWeeks,
      status,
    } = experiment;
    this.run(
      `INSERT INTO experiment_versions (experiment_id, version, data, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (experiment_id, version) DO NOTHING`,
      experiment.id,
      experiment.version,
      JSON.stringify({
        behavior,
        hypothesis,
        kpiName,
        kpiUnit,
        kpiBaseline,
        kpiTarget,
        kpiDirection,
        startDate,
        lengthWeeks,
        status,
      }),
      now,
      changedBy,
    );
  }

  private experimentById(id: string): Experiment {
    const row = this.one('SELECT * FROM experiments WHERE id = ?', id);
    if (!row) throw new Error(`no experiment ${id}`);
    return toExperiment(row);
  }

  experiments: Store['experiments'] = {
    start: async (id, participantId, input: ExperimentInput, endDate, runs, now) =>
      this.tx(() => {
        const running = this.one(
          `SELECT id FROM experiments WHERE participant_id = ? AND status IN ('active', 'paused')`,
          participantId,
        );
        if (running) throw new ExperimentAlreadyRunningError(str(running.id));
        this.run(
          `INSERT INTO experiments (id, participant_id, behavior, hypothesis, kpi_name, kpi_unit, kpi_baseline, kpi_target,
             kpi_direction, start_date, length_weeks, end_date, status, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 1, ?, ?)`,
          id,
          participantId,
          ...experimentValues(input, endDate),
          now,
          now,
        );
        const experiment = this.experimentById(id);
        this.snapshotExperiment(experiment, participantId, now);
        this.insertJobs(participantId, id, runs);
        return experiment;
      }),
    get: async (id) => {
      const row = this.one('SELECT * FROM experiments WHERE id = ?', id);
      return row ? toExperiment(row) : null;
    },
    current: async (participantId) => {
      const row = this.one(
        `SELECT * FROM experiments WHERE participant_id = ? ORDER BY CASE WHEN status IN ('active', 'paused') THEN 0 ELSE 1 END, created_at DESC LIMIT 1`,
        participantId,
      );
      return row ? toExperiment(row) : null;
    },
    edit: async (id, input, endDate, changedBy, now, replan) =>
      this.tx(() => {
        const before = this.experimentById(id);
        this.run(
          `UPDATE experiments SET behavior = ?, hypothesis = ?, kpi_name = ?, kpi_unit = ?, kpi_baseline = ?, kpi_target = ?,
             kpi_direction = ?, start_date = ?, length_weeks = ?, end_date = ?, version = version + 1, updated_at = ? WHERE id = ?`,
          ...experimentValues(input, endDate),
          now,
          id,
        );
        const after = this.experimentById(id);
        this.snapshotExperiment(after, changedBy, now);
        this.replanJobs(before.participantId, id, replan);
        return after;
      }),
    setStatus: async (id, status, now, replan) =>
      this.tx(() => {
        const before = this.experimentById(id);
        this.run(
          'UPDATE experiments SET status = ?, version = version + 1, updated_at = ? WHERE id = ?',
          status,
          now,
          id,
        );
        const after = this.experimentById(id);
        this.snapshotExperiment(after, before.participantId, now);
        if (status === 'completed' || status === 'abandoned') {
          this.run(
            `UPDATE jobs SET state = 'cancelled', result = ?, version = version + 1 WHERE subject_id = ? AND state = 'scheduled'`,
            `experiment ${status}`,
            id,
          );
        } else if (replan) {
          this.replanJobs(before.participantId, id, replan);
        }
        return after;
      }),
    history: async (id) =>
      this.all('SELECT * FROM experiment_versions WHERE experiment_id = ? ORDER BY version', id).map(
        (row) => ({
          version: Number(row.version),
          data: JSON.parse(str(row.data)),
          changedAt: Number(row.changed_at),
          changedBy: str(row.changed_by),
        }),
      ),
    recordNudgeResponse: async (response: NudgeResponse) =>
      this.tx(() => {
        const result = this.run(
          `INSERT INTO nudge_responses (experiment_id, occurrence, answer, at) VALUES (?, ?, ?, ?)
           ON CONFLICT (experiment_id, occurrence) DO NOTHING`,
          response.experimentId,
          response.occurrence,
          response.answer,
          response.at,
        );
        return result.changes === 1;
      }),
  };

  private recordProgramVersion(programId: string, version: number, settings: string, now: number): void {
    this.run(
      `INSERT INTO program_versions (program_id, version, settings, applied_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (program_id, version) DO NOTHING`,
      programId,
      version,
      settings,
      now,
    );
  }

  /** An arm the bot drew, once per person: a second import never draws again. */
  private recordAssignment(
    participantId: string,
    programId: string,
    arm: Participant['arm'],
    assignment: NewArmAssignment,
    now: number,
  ): void {
    const inserted = this.run(
      `INSERT INTO arm_assignments (participant_id, program_id, arm, method, stratum, seed, control_percent, batch, assigned_at,
         coaching_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id) DO NOTHING`,
      participantId,
      programId,
      arm,
      assignment.method,
      assignment.stratum,
      assignment.seed,
      assignment.controlPercent,
      assignment.batch,
      now,
      assignment.coachingFrom,
    );
    if (inserted.changes === 1 && assignment.job)
      this.insertJobs(participantId, participantId, [assignment.job]);
  }

  /** Replaces the scheduled nudge and checkpoint jobs of an experiment with a new plan. */
  private replanJobs(participantId: string, experimentId: string, runs: readonly NextRun[]): void {
    this.run(
      `UPDATE jobs SET state = 'cancelled', result = 'replanned', version = version + 1
       WHERE subject_id = ? AND state = 'scheduled' AND kind IN ('nudge', 'checkpoint', 'experiment_end')`,
      experimentId,
    );
    const upsert = this.db.prepare(
      `INSERT INTO jobs (participant_id, subject_id, kind, occurrence, due_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (participant_id, kind, occurrence) DO UPDATE SET due_at = excluded.due_at, state = 'scheduled',
         version = jobs.version + 1, result = NULL
       WHERE jobs.state = 'cancelled' AND jobs.result = 'replanned'`,
    );
    for (const run of runs) upsert.run(participantId, experimentId, run.kind, run.occurrence, run.dueAt);
  }

  surveys: Store['surveys'] = {
    get: async (id) => {
      const row = this.one('SELECT * FROM surveys WHERE id = ?', id);
      return row ? toSurvey(row) : null;
    },
    forExperiment: async (experimentId) =>
      this.all('SELECT * FROM surveys WHERE experiment_id = ? ORDER BY checkpoint_day', experimentId).map(
        toSurvey,
      ),
    answerPractice: async (id, practice, now) =>
      this.tx(() => {
        const before = this.one('SELECT * FROM surveys WHERE id = ?', id);
        if (!before) throw new Error(`no survey ${id}`);
        if (before.practice !== null && Number(before.practice) !== practice) {
          this.logSurveyChange(id, now, 'practice', before.practice, practice);
        }
        this.run(
          `UPDATE surveys SET practice = ?, status = 'answered', answered_at = ? WHERE id = ?`,
          practice,
          now,
          id,
        );
        this.cancelSurveyFollowUps(before);
        return toSurvey(this.one('SELECT * FROM surveys WHERE id = ?', id)!);
      }),
    answerDetails: async (id, details: SurveyDetails, now) =>
      this.tx(() => {
        const before = this.one('SELECT * FROM surveys WHERE id = ?', id);
        if (!before) throw new Error(`no survey ${id}`);
        const fields: [string, unknown, unknown][] = [
          ['kpi_value', before.kpi_value, details.kpiValue],
          ['confidence', before.confidence, details.confidence],
          ['note', before.note, details.note ?? null],
        ];
        for (const [field, old, next] of fields) {
          if (old !== null && old !== next)
            this.logSurveyChange(
              id,
              now,
              field,
              field === 'note' ? '(text)' : old,
              field === 'note' ? '(text)' : next,
            );
        }
        this.run(
          `UPDATE surveys SET kpi_value = ?, confidence = ?, note = ?, status = 'answered', answered_at = ? WHERE id = ?`,
          details.kpiValue,
          details.confidence,
          details.note ?? null,
          now,
          id,
        );
        this.cancelSurveyFollowUps(before);
        return toSurvey(this.one('SELECT * FROM surveys WHERE id = ?', id)!);
      }),
  };

  /**
   * An answered survey needs no reminder and no missed mark. Cancelling them (rather than letting them skip when
   * due) also frees the weekly budget they hold in reserve, so the week's nudges are not dropped for nothing.
   */
  private cancelSurveyFollowUps(survey: Row): void {
    const base = `${str(survey.experiment_id)}/day-${Number(survey.checkpoint_day)}`;
    this.run(
      `UPDATE jobs SET state = 'cancelled', result = 'survey answered', version = version + 1
       WHERE subject_id = ? AND state = 'scheduled' AND kind IN ('checkpoint_reminder', 'checkpoint_missed')
         AND (occurrence = ? OR substr(occurrence, 1, length(?) + 1) IN (? || '/', ? || '~'))`,
      str(survey.experiment_id),
      base,
      base,
      base,
      base,
    );
  }

  private logSurveyChange(id: string, now: number, field: string, old: unknown, next: unknown): void {
    this.run(
      'INSERT INTO survey_changes (survey_id, at, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)',
      id,
      now,
      field,
      old === null || old === undefined ? null : String(old),
      next === null || next === undefined ? null : String(next),
    );
  }

  /** How many survey answers changed after they were first given (the change log). */
  surveyChangeCount(id: string): number {
    return Number(this.one('SELECT COUNT(*) AS n FROM survey_changes WHERE survey_id = ?', id)?.n ?? 0);
  }

  jobs: Store['jobs'] = {
    due: async (now, limit) =>
      this.all(
        `SELECT * FROM jobs WHERE state = 'scheduled' AND due_at <= ? ORDER BY due_at LIMIT ?`,
        now,
        limit,
      ).map(toJob),
    context: async (job) => this.jobContext(job),
    contexts: async (jobs) => {
      // The program of many people is read once.
      const programs = new Map<string, ProgramRecord | null>();
      return jobs.map((job) => this.jobContext(job, programs));
    },
    budget: async (job, week, now, weekEnd) => this.jobBudget(job, week, now, weekEnd),
    budgets: async (queries, now) => queries.map((q) => this.jobBudget(q.job, q.week, now, q.weekEnd)),
    apply: async (job, decision, outbox, now) => this.tx(() => this.applyJob(job, decision, outbox, now)),
    applyMany: async (items, now) =>
      this.tx(() => items.map((item) => this.applyJob(item.job, item.decision, item.outbox, now))),
    scheduled: async (participantId) =>
      this.all(
        `SELECT * FROM jobs WHERE participant_id = ? AND state = 'scheduled' ORDER BY due_at`,
        participantId,
      ).map(toJob),
    nextFor: async (participantId, kinds = ['nudge', 'checkpoint', 'checkpoint_reminder']) => {
      if (kinds.length === 0) return null;
      const row = this.one(
        `SELECT * FROM jobs WHERE participant_id = ? AND state = 'scheduled' AND kind IN (${kinds.map(() => '?').join(', ')})
         ORDER BY due_at LIMIT 1`,
        participantId,
        ...kinds,
      );
      return row ? toJob(row) : null;
    },
    nextDueAt: async () =>
      numOrNull(this.one(`SELECT MIN(due_at) AS t FROM jobs WHERE state = 'scheduled'`)?.t),
  };

  private jobContext(job: ScheduledJob, programs?: Map<string, ProgramRecord | null>): JobContext | null {
    const participantRow = this.one('SELECT * FROM participants WHERE id = ?', job.participantId);
    if (!participantRow) return null;
    const participant = toParticipant(participantRow);
    let program = programs?.get(participant.programId);
    if (program === undefined) {
      const programRow = this.one('SELECT * FROM programs WHERE id = ?', participant.programId);
      program = programRow ? toProgram(programRow) : null;
      programs?.set(participant.programId, program);
    }
    if (!program) return null;
    const experimentRow = this.one('SELECT * FROM experiments WHERE id = ?', job.subjectId);
    const day = job.occurrence.match(/\/day-(\d+)/)?.[1];
    const surveyRow = day
      ? this.one(
          'SELECT * FROM surveys WHERE experiment_id = ? AND checkpoint_day = ?',
          job.subjectId,
          Number(day),
        )
      : undefined;
    return {
      program,
      participant,
      experiment: experimentRow ? toExperiment(experimentRow) : null,
      survey: surveyRow ? toSurvey(surveyRow) : null,
    };
  }

  private jobBudget(
    job: ScheduledJob,
    week: string,
    now: number,
    weekEnd: number,
  ): { used: number; reservedLater: number } {
    return {
      used: Number(
        this.one(
          `SELECT COUNT(*) AS n FROM outbox WHERE participant_id = ? AND budget_week = ? AND budgeted = 1
             AND status IN ('pending', 'sending', 'sent')`,
          job.participantId,
          week,
        )?.n ?? 0,
      ),
      reservedLater: Number(
        this.one(
          `SELECT COUNT(*) AS n FROM jobs WHERE participant_id = ? AND state = 'scheduled'
             AND kind IN ('checkpoint', 'checkpoint_reminder') AND due_at > ? AND due_at < ? AND id != ?`,
          job.participantId,
          now,
          weekEnd,
          job.id,
        )?.n ?? 0,
      ),
    };
  }

  /** One job's decision, inside the caller's transaction. */
  private applyJob(
    job: ScheduledJob,
    decision: Decision,
    outbox: NewOutboxRow | readonly NewOutboxRow[] | null,
    now: number,
  ): ApplyResult {
    const current = this.one('SELECT state, version FROM jobs WHERE id = ?', job.id);
    if (current?.state !== 'scheduled' || Number(current.version) !== job.version) {
      return { applied: false, outboxInserted: false };
    }
    if (decision.type === 'reschedule') {
      this.run(
        'UPDATE jobs SET due_at = ?, version = version + 1, result = ? WHERE id = ?',
        decision.dueAt,
        decision.reason,
        job.id,
      );
      return { applied: true, outboxInserted: false };
    }
    let outboxInserted = false;
    const rows = outbox === null ? [] : Array.isArray(outbox) ? outbox : [outbox as NewOutboxRow];
    for (const row of rows) outboxInserted = this.insertOutbox(row, now) || outboxInserted;
    for (const effect of decision.effects) {
      switch (effect.type) {
        case 'open_survey':
          this.run(
            `INSERT INTO surveys (id, experiment_id, participant_id, checkpoint_day, status, sent_at) VALUES (?, ?, ?, ?, 'open', ?)
                 ON CONFLICT (experiment_id, checkpoint_day) DO NOTHING`,
            effect.surveyId,
            job.subjectId,
            job.participantId,
            effect.checkpointDay,
            now,
          );
          break;
        case 'survey_reminded':
          this.run(
            `UPDATE surveys SET status = 'reminded', reminded_at = ? WHERE experiment_id = ? AND checkpoint_day = ? AND status = 'open'`,
            now,
            job.subjectId,
            checkpointDayOf(job.occurrence),
          );
          break;
        case 'survey_missed': {
          const day = checkpointDayOf(job.occurrence);
          this.run(
            `INSERT INTO surveys (id, experiment_id, participant_id, checkpoint_day, status) VALUES (?, ?, ?, ?, 'missed')
                 ON CONFLICT (experiment_id, checkpoint_day) DO UPDATE SET status = 'missed' WHERE surveys.status IN ('open', 'reminded')`,
            `svy_${job.subjectId}_d${day}`,
            job.subjectId,
            job.participantId,
            day,
          );
          break;
        }
        case 'pair_nudged':
          this.run('UPDATE pairs SET nudged_at = ? WHERE id = ?', now, job.subjectId);
          break;
        case 'pair_healthy':
          this.run('UPDATE pairs SET nudged_at = NULL WHERE id = ?', job.subjectId);
          break;
        case 'open_alert':
          this.run(
            `INSERT INTO curator_alerts (id, pair_id, status, score, reasons, created_at) VALUES (?, ?, 'open', ?, ?, ?)
                 ON CONFLICT DO NOTHING`,
            effect.alertId,
            job.subjectId,
            effect.score,
            JSON.stringify(effect.reasons),
            now,
          );
          break;
        case 'pair_checkin_asked':
          this.run(
            `INSERT INTO pair_checkins (pair_id, round, participant_id, asked_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT DO NOTHING`,
            job.subjectId,
            effect.round,
            job.participantId,
            now,
          );
          break;
        case 'end_alert_snooze':
          this.run(
            `UPDATE curator_alerts SET status = 'handled', action = 'snooze_ended' WHERE id = ? AND status = 'snoozed'`,
            effect.alertId,
          );
          break;
        case 'start_coaching':
          this.run(`UPDATE participants SET arm = 'coached' WHERE id = ?`, job.participantId);
          this.run(
            'UPDATE arm_assignments SET coached_at = COALESCE(coached_at, ?) WHERE participant_id = ?',
            now,
            job.participantId,
          );
          break;
        case 'complete_experiment':
          this.run(
            `UPDATE experiments SET status = 'completed', version = version + 1, updated_at = ? WHERE id = ? AND status IN ('active', 'paused')`,
            now,
            job.subjectId,
          );
          break;
      }
    }
    const result =
      decision.type === 'send'
        ? `sent as ${decision.key}`
        : decision.type === 'expire'
          ? `expired: ${decision.reason}`
          : `skipped: ${decision.reason}`;
    this.run(
      `UPDATE jobs SET state = 'done', version = version + 1, result = ? WHERE id = ?`,
      result,
      job.id,
    );
    this.insertJobs(job.participantId, job.subjectId, decision.next);
    return { applied: true, outboxInserted };
  }

  private insertOutbox(row: NewOutboxRow, now: number): boolean {
    const result = this.run(
      `INSERT INTO outbox (key, participant_id, kind, budgeted, budget_week, message, due_at, expires_at, status, next_attempt_at, reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      row.key,
      row.participantId,
      row.kind,
      row.budgeted && BUDGETED_KINDS.has(row.kind) ? 1 : 0,
      row.budgetWeek,
      row.messageJson ?? JSON.stringify(row.message),
      row.dueAt,
      row.expiresAt,
      row.status ?? 'pending',
      row.dueAt,
      row.reason ?? null,
      now,
    );
    return result.changes === 1;
  }

  private markSent(id: number, token: string, providerRef: string | null, now: number): boolean {
    return (
      this.run(
        `UPDATE outbox SET status = 'sent', provider_ref = ?, sent_at = ?, reason = NULL WHERE id = ? AND claim_token = ? AND status = 'sending'`,
        providerRef,
        now,
        id,
        token,
      ).changes === 1
    );
  }

  private beginSend(id: number, token: string, now: number, person?: SendingTo): boolean {
    return (
      (person
        ? this.run(
            `UPDATE outbox SET claimed_at = ?, attempts = attempts + 1
             WHERE id = ? AND claim_token = ? AND status = 'sending' AND EXISTS (
               SELECT 1 FROM participants p
               WHERE p.id = outbox.participant_id AND p.reachable = 1 AND p.consent = ? AND p.address IS ?)`,
            now,
            id,
            token,
            person.consent,
            person.address,
          )
        : this.run(
            `UPDATE outbox SET claimed_at = ?, attempts = attempts + 1 WHERE id = ? AND claim_token = ? AND status = 'sending'`,
            now,
            id,
            token,
          )
      ).changes === 1
    );
  }

  outbox: Store['outbox'] = {
    enqueue: async (row, now) => this.tx(() => this.insertOutbox(row, now)),
    claim: async (now, limit, token, scope) =>
      this.tx(() => {
        const ids = (
          scope
            ? this.all(
                `SELECT o.id FROM outbox o JOIN participants p ON p.id = o.participant_id
                 WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND p.platform = ? AND p.workspace_id = ?
                 ORDER BY o.next_attempt_at, o.id LIMIT ?`,
                now,
                scope.platform,
                scope.workspaceId,
                limit,
              )
            : this.all(
                `SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
                now,
                limit,
              )
        ).map((r) => Number(r.id));
        if (ids.length === 0) return [];
        // The whole batch in one statement, then read back in one, in the order it was chosen.
        const list = JSON.stringify(ids);
        this.run(
          `UPDATE outbox SET status = 'sending', claim_token = ?, claimed_at = ?
           WHERE id IN (SELECT value FROM json_each(?)) AND status = 'pending'`,
          token,
          now,
          list,
        );
        return this.all(
          `${OUTBOX_SELECT} WHERE o.id IN (SELECT value FROM json_each(?)) AND o.claim_token = ? AND o.status = 'sending'
           ORDER BY o.next_attempt_at, o.id`,
          list,
          token,
        ).map(toOutbox);
      }),
    markSent: async (id, token, providerRef, now) => this.markSent(id, token, providerRef, now),
    release: async (id, token, nextAttemptAt, reason) =>
      this.run(
        `UPDATE outbox SET status = 'pending', next_attempt_at = ?, reason = ?, claim_token = NULL, claimed_at = NULL
         WHERE id = ? AND claim_token = ? AND status = 'sending'`,
        nextAttemptAt,
        reason,
        id,
        token,
      ).changes === 1,
    finish: async (id, token, status, reason, _now) =>
      this.run(
        `UPDATE outbox SET status = ?, reason = ? WHERE id = ? AND claim_token = ? AND status = 'sending'`,
        status,
        reason,
        id,
        token,
      ).changes === 1,
    stale: async (now, leaseMs, scope) =>
      (scope
        ? this.all(
            `${OUTBOX_SELECT} WHERE o.status = 'sending' AND o.claimed_at <= ? AND p.platform = ? AND p.workspace_id = ?
             ORDER BY o.claimed_at`,
            now - leaseMs,
            scope.platform,
            scope.workspaceId,
          )
        : this.all(
            `${OUTBOX_SELECT} WHERE o.status = 'sending' AND o.claimed_at <= ? ORDER BY o.claimed_at`,
            now - leaseMs,
          )
      ).map(toOutbox),
    dueScopes: async (now, staleBefore) =>
      this.all(
        `SELECT DISTINCT p.platform, p.workspace_id FROM outbox o JOIN participants p ON p.id = o.participant_id
         WHERE (o.status = 'pending' AND o.next_attempt_at <= ?) OR (o.status = 'sending' AND o.claimed_at <= ?)`,
        now,
        staleBefore,
      ).map((row) => ({ platform: str(row.platform) as Platform, workspaceId: str(row.workspace_id) })),
    beginSend: async (id, token, now, person) => this.beginSend(id, token, now, person),
    advance: async (steps) =>
      this.tx(() =>
        steps.map((step) =>
          step.step === 'begin'
            ? this.beginSend(step.id, step.token, step.at, step.person)
            : this.markSent(step.id, step.token, step.providerRef, step.at),
        ),
      ),
    reclaim: async (id, oldToken, newToken, now) =>
      this.run(
        `UPDATE outbox SET claim_token = ?, claimed_at = ? WHERE id = ? AND status = 'sending' AND claim_token IS ?`,
        newToken,
        now,
        id,
        oldToken,
      ).changes === 1,
    byKey: async (key) => {
      const row = this.one(`${OUTBOX_SELECT} WHERE o.key = ?`, key);
      return row ? toOutbox(row) : null;
    },
    list: async (filter = {}) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.participantId) {
        where.push('o.participant_id = ?');
        params.push(filter.participantId);
      }
      if (filter.status) {
        where.push('o.status = ?');
        params.push(filter.status);
      }
      const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
      return this.all(`${OUTBOX_SELECT}${clause} ORDER BY o.id`, ...params).map(toOutbox);
    },
    counts: async () => {
      const counts = { pending: 0, sending: 0, sent: 0, failed: 0, expired: 0, cancelled: 0 } as Record<
        OutboxStatus,
        number
      >;
      for (const row of this.all('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status')) {
        counts[str(row.status) as OutboxStatus] = Number(row.n);
      }
      return counts;
    },
    nextAttemptAt: async () =>
      numOrNull(this.one(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'`)?.t),
  };

  inbound: Store['inbound'] = {
    firstSeen: async (deliveryId, now) =>
      this.run(
        'INSERT INTO inbound_deliveries (delivery_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
        deliveryId,
        now,
      ).changes === 1,
  };

  audit: Store['audit'] = {
    append: async (entry: AuditEntry) => this.appendAudit(entry),
    since: async (at) =>
      this.all('SELECT * FROM audit_log WHERE at >= ? ORDER BY id', at).map((row) => ({
        at: Number(row.at),
        actor: str(row.actor),
        action: str(row.action),
        subject: str(row.subject),
        ...(row.detail ? { detail: JSON.parse(str(row.detail)) } : {}),
      })),
    search: async (query) => {
      const { sql, params } = auditSearchQuery(query);
      const rows = this.all(sql, ...params);
      const edge = auditOtherSide(query);
      let otherSide = false;
      if (edge) {
        const other = auditEdgeQuery(query, edge);
        otherSide = this.all(other.sql, ...other.params).length > 0;
      }
      return auditPageOf(rows, query, otherSide);
    },
  };

  meta: Store['meta'] = {
    get: async (key) => strOrNull(this.one('SELECT value FROM meta WHERE key = ?', key)?.value),
    set: async (key, value) => {
      this.run(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        key,
        value,
      );
    },
  };

  channelState: Store['channelState'] = {
    get: async (platform, key) =>
      strOrNull(
        this.one('SELECT value FROM channel_state WHERE platform = ? AND key = ?', platform, key)?.value,
      ),
    set: async (platform, key, value, owner, now) => {
      this.#putChannelState(platform, { key, value, owner }, now);
    },
    delete: async (platform, key) => {
      this.run('DELETE FROM channel_state WHERE platform = ? AND key = ?', platform, key);
    },
    setMany: async (platform, entries, now) => {
      if (entries.length === 0) return;
      this.tx(() => {
        for (const entry of entries) this.#putChannelState(platform, entry, now);
      });
    },
  };

  #putChannelState(platform: Platform, entry: ChannelStateEntry, now: number): void {
    this.run(
      `INSERT INTO channel_state (platform, key, value, owner_workspace_id, owner_user_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, key) DO UPDATE SET value = excluded.value,
         owner_workspace_id = excluded.owner_workspace_id, owner_user_id = excluded.owner_user_id,
         updated_at = excluded.updated_at`,
      platform,
      entry.key,
      entry.value,
      entry.owner?.workspaceId ?? null,
      entry.owner?.userId ?? null,
      now,
    );
  }

  async fileSafetyWarnings(): Promise<StoreWarning[]> {
    return exposedDatabaseFiles(this.db.name).map(({ file, mode }) => ({
      message:
        'the database is readable by other users of this machine; it holds emails, notes and the consent ledger: chmod 600 it (and its -wal and -shm files)',
      detail: { file, mode },
    }));
  }

  leases: Store['leases'] = {
    acquire: async (name, holder, now, ttlMs) =>
      this.tx(() => {
        const current = this.one('SELECT holder, until FROM dispatch_leases WHERE name = ?', name);
        if (current && str(current.holder) !== holder && Number(current.until) > now)
          return { acquired: false, holder: str(current.holder), until: Number(current.until) };
        this.run(
          `INSERT INTO dispatch_leases (name, holder, until) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until`,
          name,
          holder,
          now + ttlMs,
        );
        return {
          acquired: true,
          previousHolder: current ? str(current.holder) : null,
          previousUntil: current ? Number(current.until) : null,
        };
      }),
    release: async (name, holder, now) =>
      this.run(
        'UPDATE dispatch_leases SET until = ? WHERE name = ? AND holder = ? AND until > ?',
        now,
        name,
        holder,
        now,
      ).changes === 1,
  };

  replicas: Store['replicas'] = {
    recordPass: async (replica, at, forgetBefore) =>
      this.tx(() => {
        this.run(
          `INSERT INTO replica_heartbeats (replica, last_pass_at) VALUES (?, ?)
           ON CONFLICT (replica) DO UPDATE SET last_pass_at = excluded.last_pass_at`,
          replica,
          at,
        );
        this.run('DELETE FROM replica_heartbeats WHERE last_pass_at < ?', forgetBefore);
      }),
    list: async () =>
      this.all(
        'SELECT replica, last_pass_at FROM replica_heartbeats ORDER BY last_pass_at DESC, replica',
      ).map((row) => ({ replica: str(row.replica), lastPassAt: Number(row.last_pass_at) })),
  };

  async ping(): Promise<boolean> {
    return Number(this.one('SELECT 1 AS ok')?.ok) === 1;
  }

  async pendingMigrations(): Promise<number[]> {
    const applied = new Set(
      this.all('SELECT version FROM schema_migrations').map((row) => Number(row.version)),
    );
    return MIGRATIONS.map((m) => m.version).filter((version) => !applied.has(version));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export class ExperimentAlreadyRunningError extends Error {
  constructor(readonly experimentId: string) {
    super('an experiment is already running; pause, finish or abandon it first');
  }
}

function checkpointDayOf(occurrence: string): number {
  return Number(occurrence.match(/\/day-(\d+)/)?.[1] ?? Number.NaN);
}
