import { randomUUID } from 'node:crypto';
import type { SurveyDetails } from '../../core/checkpoint.js';
import type { Experiment, ExperimentInput } from '../../core/experiment.js';
import { BUDGETED_KINDS } from '../../core/messages.js';
import type { Identity, Participant, Platform } from '../../core/participant.js';
import type { Decision, Effect, NextRun, ScheduledJob } from '../../core/schedule.js';
import {
  auditEdgeQuery,
  auditOtherSide,
  auditPageOf,
  auditSearchQuery,
  experimentValues,
  numOrNull,
  OUTBOX_SELECT,
  str,
  strOrNull,
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
  DispatchScope,
  JobContext,
  NewArmAssignment,
  NewOutboxRow,
  NudgeResponse,
  OutboxStatus,
  ParticipantPatch,
  RosterPlan,
  SendingTo,
  Store,
  StoreWarning,
} from '../types.js';
import { PgDatabase, PgRepository, type PostgresOptions, type Row } from './database.js';
import { PostgresMatchingStore } from './matching.js';
import { PostgresMentoringStore } from './mentoring.js';
import { migratePostgres, PG_MIGRATIONS } from './migrations.js';
import { PostgresPilotStore } from './pilots.js';
import { PostgresPrivacyStore } from './privacy.js';
import { PostgresReportStore } from './reports.js';
import { PostgresTransferStore } from './transfer.js';

export class ExperimentAlreadyRunningError extends Error {
  constructor(readonly experimentId: string) {
    super('an experiment is already running; pause, finish or abandon it first');
  }
}

/**
 * Connects, creates the schema when one is named, applies pending migrations under the advisory lock and returns
 * the store. `migrated` lists the versions this call applied (empty when another replica had applied them). With
 * `existing`, a schema that holds no coachloop database is refused and nothing is created.
 */
export async function openPostgresStore(
  options: PostgresOptions & { existing?: boolean },
): Promise<PostgresStore> {
  const db = PgDatabase.connect(options);
  try {
    const client = await db.pool.connect();
    try {
      if (options.existing) {
        const found = await client.query<{ t: string | null }>(
          `SELECT to_regclass(format('%I.schema_migrations', COALESCE($1::text, current_schema()))) AS t`,
          [options.schema ?? null],
        );
        if (!found.rows[0]?.t)
          throw new Error(
            `no coachloop database in schema ${options.schema ?? 'of the search_path'}: check DATABASE_URL, or start coachloop once to create it`,
          );
      }
      const migrated = await migratePostgres(client, options.schema ?? null);
      return new PostgresStore(db, migrated);
    } finally {
      client.release();
    }
  } catch (error) {
    await db.close();
    throw error;
  }
}

const PARTICIPANT_COLUMNS: Record<keyof ParticipantPatch, string> = {
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

/** Narrows an outbox query (aliases `o` and `p`) to one workspace or tenant; parameters from `scopeParams`. */
const SCOPE_FILTER = ' AND p.platform = ? AND p.workspace_id = ?';

/**
 * The statement that claims due outbox rows, `?` placeholders in the order: token, now, now, [platform, workspace],
 * limit. The workspace is checked per candidate row through the participant's primary key, not joined: right after
 * a large roster import the planner has no statistics yet, takes both tables for one row each and would join every
 * due row against every participant of the workspace (a claim of 50 out of 5,000 due rows then reads 25 million
 * index entries and takes seconds, which stalls the dispatch until the tables are analyzed).
 */
export function claimStatement(scoped: boolean): string {
  // The locking pick is a CTE of its own, MATERIALIZED so that it runs exactly once. Inside the UPDATE's WHERE
  // (`id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`) a plan may scan the sub-select again for each row, and
  // each scan skips the rows the statement has just updated and locks the next n: one claim then takes
  // thousands of rows, which a crash of the claimant leaves `sending` until recovery settles them one by one.
  return `WITH picked AS MATERIALIZED (
             SELECT o.id FROM outbox o
             WHERE o.status = 'pending' AND o.next_attempt_at <= ?${
               scoped
                 ? ' AND (SELECT s.platform = ? AND s.workspace_id = ? FROM participants s WHERE s.id = o.participant_id)'
                 : ''
             }
             ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE OF o SKIP LOCKED),
           claimed AS (
             UPDATE outbox SET status = 'sending', claim_token = ?, claimed_at = ?
             FROM picked WHERE outbox.id = picked.id AND outbox.status = 'pending'
             RETURNING outbox.*)
           SELECT o.*, p.platform, p.workspace_id FROM claimed o JOIN participants p ON p.id = o.participant_id
           ORDER BY o.next_attempt_at, o.id`;
}

/** The parameters of `claimStatement`, in its order. */
export function claimParams(now: number, limit: number, token: string, scope?: DispatchScope): unknown[] {
  return [now, ...scopeParams(scope), limit, token, now];
}

function scopeParams(scope: DispatchScope | undefined): string[] {
  return scope ? [scope.platform, scope.workspaceId] : [];
}

const BY_IDENTITY = 'SELECT * FROM participants WHERE platform = ? AND workspace_id = ? AND user_id = ?';

/**
 * The store on PostgreSQL. Writes that SQLite serializes with its single writer are made safe here row by row:
 * guarded UPDATEs, `ON CONFLICT` on the same unique keys, row locks where a read decides a write, and
 * `FOR UPDATE SKIP LOCKED` where replicas claim work.
 */
export class PostgresStore extends PgRepository implements Store {
  readonly mentoring: PostgresMentoringStore;
  readonly matching: PostgresMatchingStore;
  readonly pilots: PostgresPilotStore;
  readonly reports: PostgresReportStore;
  readonly transfer: PostgresTransferStore;
  readonly privacy: PostgresPrivacyStore;

  constructor(
    db: PgDatabase,
    /** The migration versions applied when this store was opened. */
    readonly migrated: readonly number[] = [],
  ) {
    super(db);
    this.reports = new PostgresReportStore(db);
    this.pilots = new PostgresPilotStore(db);
    this.matching = new PostgresMatchingStore(db);
    this.transfer = new PostgresTransferStore(db);
    this.privacy = new PostgresPrivacyStore(db);
    this.mentoring = new PostgresMentoringStore(db, (participantId, subjectId, runs) =>
      this.insertJobs(participantId, subjectId, runs),
    );
  }

  programs: Store['programs'] = {
    upsert: async (settings, now) =>
      this.tx(async () => {
        const json = JSON.stringify(settings);
        const id = `prg_${randomUUID()}`;
        const inserted = await this.run(
          `INSERT INTO programs (id, name, settings, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)
           ON CONFLICT (name) DO NOTHING`,
          id,
          settings.name,
          json,
          now,
          now,
        );
        if (inserted === 1) {
          await this.recordProgramVersion(id, 1, json, now);
          return {
            record: toProgram((await this.one('SELECT * FROM programs WHERE id = ?', id))!),
            changed: true,
          };
        }
        const existing = (await this.one('SELECT * FROM programs WHERE name = ? FOR UPDATE', settings.name))!;
        if (existing.settings === json) return { record: toProgram(existing), changed: false };
        const record = toProgram(
          (await this.one(
            'UPDATE programs SET settings = ?, version = version + 1, updated_at = ? WHERE id = ? RETURNING *',
            json,
            now,
            existing.id,
          ))!,
        );
        await this.recordProgramVersion(record.id, record.version, json, now);
        return { record, changed: true };
      }),
    get: async (id) => {
      const row = await this.one('SELECT * FROM programs WHERE id = ?', id);
      return row ? toProgram(row) : null;
    },
    getByName: async (name) => {
      const row = await this.one('SELECT * FROM programs WHERE name = ?', name);
      return row ? toProgram(row) : null;
    },
    list: async () => (await this.all('SELECT * FROM programs ORDER BY name COLLATE "C"')).map(toProgram),
  };

  participants: Store['participants'] = {
    findByIdentity: async (identity: Identity) => {
      const row = await this.one(BY_IDENTITY, identity.platform, identity.workspaceId, identity.userId);
      return row ? toParticipant(row) : null;
    },
    get: async (id) => {
      const row = await this.one('SELECT * FROM participants WHERE id = ?', id);
      return row ? toParticipant(row) : null;
    },
    getMany: async (ids) =>
      ids.length === 0
        ? []
        : (await this.all('SELECT * FROM participants WHERE id = ANY(?::text[])', [...ids])).map(
            toParticipant,
          ),
    create: async (input, now) =>
      this.tx(async () => {
        await this.run(
          `INSERT INTO participants (id, program_id, platform, workspace_id, user_id, email, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, workspace_id, user_id) DO NOTHING`,
          `ppl_${randomUUID()}`,
          input.programId,
          input.platform,
          input.workspaceId,
          input.userId,
          input.email ?? null,
          now,
        );
        return toParticipant((await this.one(BY_IDENTITY, input.platform, input.workspaceId, input.userId))!);
      }),
    update: async (id, patch: ParticipantPatch) => {
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const [field, column] of Object.entries(PARTICIPANT_COLUMNS) as [
        keyof ParticipantPatch,
        string,
      ][]) {
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
      const row =
        sets.length > 0
          ? await this.one(
              `UPDATE participants SET ${sets.join(', ')} WHERE id = ? RETURNING *`,
              ...values,
              id,
            )
          : await this.one('SELECT * FROM participants WHERE id = ?', id);
      if (!row) throw new Error(`no participant ${id}`);
      return toParticipant(row);
    },
    findByEmail: async (platform, email) =>
      (
        await this.all(
          `SELECT * FROM participants WHERE platform = ? AND lower(email) = lower(?) AND kind = 'person' ORDER BY created_at`,
          platform,
          email,
        )
      ).map(toParticipant),
    inProgram: async (programId) =>
      (
        await this.all(
          `SELECT * FROM participants WHERE program_id = ? AND kind = 'person' ORDER BY email COLLATE "C" NULLS FIRST, id COLLATE "C"`,
          programId,
        )
      ).map(toParticipant),
    importRoster: async (batches, now) => {
      // One transaction across the batches, on the import's own connection: each batch is written as it arrives and
      // then let go, and a failure anywhere (a batch that cannot be planned or written) rolls back all.
      const counts = { peopleCreated: 0, peopleUpdated: 0, pairsCreated: 0 };
      await this.tx(async () => {
        for await (const batch of batches) await this.writeRosterBatch(batch, now, counts);
      });
      return counts;
    },
    ensureChannel: async (identity, programId, now) =>
      this.tx(async () => {
        await this.run(
          `INSERT INTO participants (id, program_id, platform, workspace_id, user_id, consent, consent_at, address, kind, created_at)
           VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?, 'channel', ?) ON CONFLICT (platform, workspace_id, user_id) DO NOTHING`,
          `chn_${randomUUID()}`,
          programId,
          identity.platform,
          identity.workspaceId,
          identity.userId,
          now,
          identity.userId,
          now,
        );
        return toParticipant(
          (await this.one(BY_IDENTITY, identity.platform, identity.workspaceId, identity.userId))!,
        );
      }),
    stopAll: async (id, reason, now) =>
      this.tx(async () => {
        await this.run(
          `UPDATE jobs SET state = 'cancelled', result = ?, version = version + 1 WHERE participant_id = ? AND state = 'scheduled'`,
          reason,
          id,
        );
        await this.run(
          `UPDATE outbox SET status = 'cancelled', reason = ?, claim_token = NULL WHERE participant_id = ? AND status = 'pending'`,
          reason,
          id,
        );
        await this.run(
          `UPDATE experiments SET status = 'abandoned', updated_at = ? WHERE participant_id = ? AND status IN ('active', 'paused')`,
          now,
          id,
        );
      }),
    decideConsent: async ({ id, patch, stop, audit, ledger }) =>
      this.tx(async () => {
        if (stop) await this.participants.stopAll(id, stop.reason, stop.now);
        const participant = await this.participants.update(id, patch);
        await this.audit.append(audit);
        await this.privacy.recordConsent(ledger);
        return participant;
      }),
  };

  /** One batch of a roster import, inside the import's transaction. */
  private async writeRosterBatch(
    plan: RosterPlan,
    now: number,
    counts: { peopleCreated: number; peopleUpdated: number; pairsCreated: number },
  ): Promise<void> {
    for (const person of plan.people) {
      const attributes = JSON.stringify(person.attributes ?? {});
      if (!person.exists) {
        await this.run(
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
          attributes,
        );
        counts.peopleCreated += 1;
      } else {
        // Attributes merge as SQLite's json_patch does for string values: named keys set, others kept.
        counts.peopleUpdated += await this.run(
          `UPDATE participants SET program_id = ?, email = COALESCE(email, ?), roles = ?, arm = ?, timezone = COALESCE(?, timezone),
             invited_at = COALESCE(invited_at, ?), attributes = (attributes::jsonb || ?::jsonb)::text
           WHERE id = ? AND (program_id != ? OR roles != ? OR arm != ? OR (?::text IS NOT NULL AND timezone IS DISTINCT FROM ?)
             OR invited_at IS NULL OR attributes::jsonb != attributes::jsonb || ?::jsonb)`,
          person.programId,
          person.email,
          JSON.stringify(person.roles),
          person.arm,
          person.timezone,
          now,
          attributes,
          person.id,
          person.programId,
          JSON.stringify(person.roles),
          person.arm,
          person.timezone,
          person.timezone,
          attributes,
        );
      }
      if (person.language) {
        const relanguaged = await this.run(
          'UPDATE participants SET roster_language = ? WHERE id = ? AND roster_language IS DISTINCT FROM ?',
          person.language,
          person.id,
          person.language,
        );
        if (person.exists) counts.peopleUpdated += relanguaged;
      }
      if (person.consentRequest) await this.insertOutbox(person.consentRequest, now);
      if (person.assignment)
        await this.recordAssignment(person.id, person.programId, person.arm, person.assignment, now);
    }
    for (const pair of plan.pairs) {
      const created = await this.run(
        `INSERT INTO pairs (id, program_id, mentor_id, mentee_id, status, created_by, created_at) VALUES (?, ?, ?, ?, 'active', 'roster', ?)
         ON CONFLICT (mentor_id, mentee_id) WHERE status = 'active' DO NOTHING`,
        pair.id,
        pair.programId,
        pair.mentorId,
        pair.menteeId,
        now,
      );
      if (created === 0) continue;
      await this.insertJobs(pair.menteeId, pair.id, pair.jobs);
      await this.run(
        `INSERT INTO charter_drafts (pair_id, data, mode, updated_at) VALUES (?, ?, 'paused', ?)`,
        pair.id,
        JSON.stringify(pair.draft),
        now,
      );
      counts.pairsCreated += 1;
    }
  }

  private async insertJobs(
    participantId: string,
    subjectId: string,
    runs: readonly NextRun[],
  ): Promise<void> {
    // Nudge occurrences are local dates, so a new experiment can meet the cancelled job of an earlier one on the
    // same date (abandoned, or stopped by an opt-out): that slot is taken over, or the new nudge chain never starts.
    for (const run of runs)
      await this.run(
        `INSERT INTO jobs (participant_id, subject_id, kind, occurrence, due_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (participant_id, kind, occurrence) DO UPDATE SET subject_id = excluded.subject_id,
           due_at = excluded.due_at, state = 'scheduled', version = jobs.version + 1, result = NULL
         WHERE jobs.state = 'cancelled' AND jobs.subject_id != excluded.subject_id`,
        participantId,
        subjectId,
        run.kind,
        run.occurrence,
        run.dueAt,
      );
  }

  private async snapshotExperiment(experiment: Experiment, changedBy: string, now: number): Promise<void> {
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
    await this.run(
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

  /** The experiment, locked for the rest of the transaction so that edits and status changes queue. */
  private async lockedExperiment(id: string): Promise<Experiment> {
    const row = await this.one('SELECT * FROM experiments WHERE id = ? FOR NO KEY UPDATE', id);
    if (!row) throw new Error(`no experiment ${id}`);
    return toExperiment(row);
  }

  experiments: Store['experiments'] = {
    start: async (id, participantId, input: ExperimentInput, endDate, runs, now) =>
      this.tx(async () => {
        // The person's row is the lock two starts queue on, so the second sees the first's experiment.
        await this.one('SELECT id FROM participants WHERE id = ? FOR NO KEY UPDATE', participantId);
        const running = await this.one(
          `SELECT id FROM experiments WHERE participant_id = ? AND status IN ('active', 'paused')`,
          participantId,
        );
        if (running) throw new ExperimentAlreadyRunningError(str(running.id));
        const experiment = toExperiment(
          (await this.one(
            `INSERT INTO experiments (id, participant_id, behavior, hypothesis, kpi_name, kpi_unit, kpi_baseline, kpi_target,
               kpi_direction, start_date, length_weeks, end_date, status, version, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 1, ?, ?) RETURNING *`,
            id,
            participantId,
            ...experimentValues(input, endDate),
            now,
            now,
          ))!,
        );
        await this.snapshotExperiment(experiment, participantId, now);
        await this.insertJobs(participantId, id, runs);
        return experiment;
      }),
    get: async (id) => {
      const row = await this.one('SELECT * FROM experiments WHERE id = ?', id);
      return row ? toExperiment(row) : null;
    },
    current: async (participantId) => {
      const row = await this.one(
        `SELECT * FROM experiments WHERE participant_id = ? ORDER BY CASE WHEN status IN ('active', 'paused') THEN 0 ELSE 1 END, created_at DESC LIMIT 1`,
        participantId,
      );
      return row ? toExperiment(row) : null;
    },
    edit: async (id, input, endDate, changedBy, now, replan) =>
      this.tx(async () => {
        const before = await this.lockedExperiment(id);
        const after = toExperiment(
          (await this.one(
            `UPDATE experiments SET behavior = ?, hypothesis = ?, kpi_name = ?, kpi_unit = ?, kpi_baseline = ?, kpi_target = ?,
               kpi_direction = ?, start_date = ?, length_weeks = ?, end_date = ?, version = version + 1, updated_at = ? WHERE id = ?
             RETURNING *`,
            ...experimentValues(input, endDate),
            now,
            id,
          ))!,
        );
        await this.snapshotExperiment(after, changedBy, now);
        await this.replanJobs(before.participantId, id, replan);
        return after;
      }),
    setStatus: async (id, status, now, replan) =>
      this.tx(async () => {
        const before = await this.lockedExperiment(id);
        const after = toExperiment(
          (await this.one(
            'UPDATE experiments SET status = ?, version = version + 1, updated_at = ? WHERE id = ? RETURNING *',
            status,
            now,
            id,
          ))!,
        );
        await this.snapshotExperiment(after, before.participantId, now);
        if (status === 'completed' || status === 'abandoned') {
          await this.run(
            `UPDATE jobs SET state = 'cancelled', result = ?, version = version + 1 WHERE subject_id = ? AND state = 'scheduled'`,
            `experiment ${status}`,
            id,
          );
        } else if (replan) {
          await this.replanJobs(before.participantId, id, replan);
        }
        return after;
      }),
    history: async (id) =>
      (await this.all('SELECT * FROM experiment_versions WHERE experiment_id = ? ORDER BY version', id)).map(
        (row) => ({
          version: Number(row.version),
          data: JSON.parse(str(row.data)),
          changedAt: Number(row.changed_at),
          changedBy: str(row.changed_by),
        }),
      ),
    recordNudgeResponse: async (response: NudgeResponse) =>
      (await this.run(
        `INSERT INTO nudge_responses (experiment_id, occurrence, answer, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (experiment_id, occurrence) DO NOTHING`,
        response.experimentId,
        response.occurrence,
        response.answer,
        response.at,
      )) === 1,
  };

  private async recordProgramVersion(
    programId: string,
    version: number,
    settings: string,
    now: number,
  ): Promise<void> {
    await this.run(
      `INSERT INTO program_versions (program_id, version, settings, applied_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (program_id, version) DO NOTHING`,
      programId,
      version,
      settings,
      now,
    );
  }

  /** An arm the bot drew, once per person: a second import never draws again. */
  private async recordAssignment(
    participantId: string,
    programId: string,
    arm: Participant['arm'],
    assignment: NewArmAssignment,
    now: number,
  ): Promise<void> {
    const inserted = await this.run(
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
    if (inserted === 1 && assignment.job)
      await this.insertJobs(participantId, participantId, [assignment.job]);
  }

  /** Replaces the scheduled nudge and checkpoint jobs of an experiment with a new plan. */
  private async replanJobs(
    participantId: string,
    experimentId: string,
    runs: readonly NextRun[],
  ): Promise<void> {
    await this.run(
      `UPDATE jobs SET state = 'cancelled', result = 'replanned', version = version + 1
       WHERE subject_id = ? AND state = 'scheduled' AND kind IN ('nudge', 'checkpoint', 'experiment_end')`,
      experimentId,
    );
    for (const run of runs)
      await this.run(
        `INSERT INTO jobs (participant_id, subject_id, kind, occurrence, due_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (participant_id, kind, occurrence) DO UPDATE SET due_at = excluded.due_at, state = 'scheduled',
           version = jobs.version + 1, result = NULL
         WHERE jobs.state = 'cancelled' AND jobs.result = 'replanned'`,
        participantId,
        experimentId,
        run.kind,
        run.occurrence,
        run.dueAt,
      );
  }

  surveys: Store['surveys'] = {
    get: async (id) => {
      const row = await this.one('SELECT * FROM surveys WHERE id = ?', id);
      return row ? toSurvey(row) : null;
    },
    forExperiment: async (experimentId) =>
      (
        await this.all('SELECT * FROM surveys WHERE experiment_id = ? ORDER BY checkpoint_day', experimentId)
      ).map(toSurvey),
    answerPractice: async (id, practice, now) =>
      this.tx(async () => {
        const before = await this.one('SELECT * FROM surveys WHERE id = ? FOR UPDATE', id);
        if (!before) throw new Error(`no survey ${id}`);
        if (before.practice !== null && Number(before.practice) !== practice) {
          await this.logSurveyChange(id, now, 'practice', before.practice, practice);
        }
        const after = await this.one(
          `UPDATE surveys SET practice = ?, status = 'answered', answered_at = ? WHERE id = ? RETURNING *`,
          practice,
          now,
          id,
        );
        await this.cancelSurveyFollowUps(before);
        return toSurvey(after!);
      }),
    answerDetails: async (id, details: SurveyDetails, now) =>
      this.tx(async () => {
        const before = await this.one('SELECT * FROM surveys WHERE id = ? FOR UPDATE', id);
        if (!before) throw new Error(`no survey ${id}`);
        const fields: [string, unknown, unknown][] = [
          ['kpi_value', before.kpi_value, details.kpiValue],
          ['confidence', before.confidence, details.confidence],
          ['note', before.note, details.note ?? null],
        ];
        for (const [field, old, next] of fields) {
          if (old !== null && old !== next)
            await this.logSurveyChange(
              id,
              now,
              field,
              field === 'note' ? '(text)' : old,
              field === 'note' ? '(text)' : next,
            );
        }
        const after = await this.one(
          `UPDATE surveys SET kpi_value = ?, confidence = ?, note = ?, status = 'answered', answered_at = ? WHERE id = ?
           RETURNING *`,
          details.kpiValue,
          details.confidence,
          details.note ?? null,
          now,
          id,
        );
        await this.cancelSurveyFollowUps(before);
        return toSurvey(after!);
      }),
  };

  /**
   * An answered survey needs no reminder and no missed mark. Cancelling them (rather than letting them skip when
   * due) also frees the weekly budget they hold in reserve, so the week's nudges are not dropped for nothing.
   */
  private async cancelSurveyFollowUps(survey: Row): Promise<void> {
    const base = `${str(survey.experiment_id)}/day-${Number(survey.checkpoint_day)}`;
    await this.run(
      `UPDATE jobs SET state = 'cancelled', result = 'survey answered', version = version + 1
       WHERE subject_id = ? AND state = 'scheduled' AND kind IN ('checkpoint_reminder', 'checkpoint_missed')
         AND (occurrence = ? OR substr(occurrence, 1, length(?::text) + 1) IN (?::text || '/', ?::text || '~'))`,
      str(survey.experiment_id),
      base,
      base,
      base,
      base,
    );
  }

  private async logSurveyChange(
    id: string,
    now: number,
    field: string,
    old: unknown,
    next: unknown,
  ): Promise<void> {
    await this.run(
      'INSERT INTO survey_changes (survey_id, at, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)',
      id,
      now,
      field,
      old === null || old === undefined ? null : String(old),
      next === null || next === undefined ? null : String(next),
    );
  }

  /** How many survey answers changed after they were first given (the change log). */
  async surveyChangeCount(id: string): Promise<number> {
    return Number(
      (await this.one('SELECT COUNT(*) AS n FROM survey_changes WHERE survey_id = ?', id))?.n ?? 0,
    );
  }

  jobs: Store['jobs'] = {
    // Jobs another replica is applying right now (row locked) are skipped rather than waited for.
    due: async (now, limit) =>
      (
        await this.all(
          `SELECT * FROM jobs WHERE state = 'scheduled' AND due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED`,
          now,
          limit,
        )
      ).map(toJob),
    context: async (job): Promise<JobContext | null> => {
      const participantRow = await this.one('SELECT * FROM participants WHERE id = ?', job.participantId);
      if (!participantRow) return null;
      const participant = toParticipant(participantRow);
      const programRow = await this.one('SELECT * FROM programs WHERE id = ?', participant.programId);
      if (!programRow) return null;
      const experimentRow = await this.one('SELECT * FROM experiments WHERE id = ?', job.subjectId);
      const day = job.occurrence.match(/\/day-(\d+)/)?.[1];
      const surveyRow = day
        ? await this.one(
            'SELECT * FROM surveys WHERE experiment_id = ? AND checkpoint_day = ?',
            job.subjectId,
            Number(day),
          )
        : undefined;
      return {
        program: toProgram(programRow),
        participant,
        experiment: experimentRow ? toExperiment(experimentRow) : null,
        survey: surveyRow ? toSurvey(surveyRow) : null,
      };
    },
    budget: async (job, week, now, weekEnd) => ({
      used: Number(
        (
          await this.one(
            `SELECT COUNT(*) AS n FROM outbox WHERE participant_id = ? AND budget_week = ? AND budgeted = 1
               AND status IN ('pending', 'sending', 'sent')`,
            job.participantId,
            week,
          )
        )?.n ?? 0,
      ),
      reservedLater: Number(
        (
          await this.one(
            `SELECT COUNT(*) AS n FROM jobs WHERE participant_id = ? AND state = 'scheduled'
               AND kind IN ('checkpoint', 'checkpoint_reminder') AND due_at > ? AND due_at < ? AND id != ?`,
            job.participantId,
            now,
            weekEnd,
            job.id,
          )
        )?.n ?? 0,
      ),
    }),
    apply: async (job, decision: Decision, outbox, now): Promise<ApplyResult> =>
      this.tx(async () => {
        // The row lock makes a second pass wait here, then read the version the first one left.
        const current = await this.one('SELECT state, version FROM jobs WHERE id = ? FOR UPDATE', job.id);
        if (current?.state !== 'scheduled' || Number(current.version) !== job.version) {
          return { applied: false, outboxInserted: false };
        }
        if (decision.type === 'reschedule') {
          await this.run(
            'UPDATE jobs SET due_at = ?, version = version + 1, result = ? WHERE id = ?',
            decision.dueAt,
            decision.reason,
            job.id,
          );
          return { applied: true, outboxInserted: false };
        }
        let outboxInserted = false;
        const rows = outbox === null ? [] : Array.isArray(outbox) ? outbox : [outbox as NewOutboxRow];
        for (const row of rows) outboxInserted = (await this.insertOutbox(row, now)) || outboxInserted;
        for (const effect of decision.effects) await this.applyEffect(job, effect, now);
        await this.run(
          `UPDATE jobs SET state = 'done', version = version + 1, result = ? WHERE id = ?`,
          jobResult(decision),
          job.id,
        );
        await this.insertJobs(job.participantId, job.subjectId, decision.next);
        return { applied: true, outboxInserted };
      }),
    contexts: async (jobs) => {
      if (jobs.length === 0) return [];
      const unique = (values: Iterable<string>) => [...new Set(values)];
      const participants = new Map(
        (
          await this.all(
            'SELECT * FROM participants WHERE id = ANY(?::text[])',
            unique(jobs.map((job) => job.participantId)),
          )
        ).map((row) => [str(row.id), toParticipant(row)]),
      );
      const programs = new Map(
        (
          await this.all(
            'SELECT * FROM programs WHERE id = ANY(?::text[])',
            unique([...participants.values()].map((participant) => participant.programId)),
          )
        ).map((row) => [str(row.id), toProgram(row)]),
      );
      const experiments = new Map(
        (
          await this.all(
            'SELECT * FROM experiments WHERE id = ANY(?::text[])',
            unique(jobs.map((job) => job.subjectId)),
          )
        ).map((row) => [str(row.id), toExperiment(row)]),
      );
      const dayOf = (job: ScheduledJob) => job.occurrence.match(/\/day-(\d+)/)?.[1];
      const asked = jobs.filter((job) => dayOf(job) !== undefined);
      const surveys = new Map(
        asked.length === 0
          ? []
          : (
              await this.all(
                `SELECT s.* FROM surveys s JOIN unnest(?::text[], ?::int[]) AS w(experiment_id, checkpoint_day)
                   ON s.experiment_id = w.experiment_id AND s.checkpoint_day = w.checkpoint_day`,
                asked.map((job) => job.subjectId),
                asked.map((job) => Number(dayOf(job))),
              )
            ).map((row) => [`${str(row.experiment_id)}/${Number(row.checkpoint_day)}`, toSurvey(row)]),
      );
      return jobs.map((job): JobContext | null => {
        const participant = participants.get(job.participantId);
        const program = participant && programs.get(participant.programId);
        if (!participant || !program) return null;
        const day = dayOf(job);
        return {
          program,
          participant,
          experiment: experiments.get(job.subjectId) ?? null,
          survey: day === undefined ? null : (surveys.get(`${job.subjectId}/${Number(day)}`) ?? null),
        };
      });
    },
    budgets: async (queries, now) => {
      if (queries.length === 0) return [];
      const people = [...new Set(queries.map((q) => q.job.participantId))];
      const used = new Map(
        (
          await this.all(
            `SELECT participant_id, budget_week, COUNT(*) AS n FROM outbox
             WHERE participant_id = ANY(?::text[]) AND budget_week = ANY(?::text[]) AND budgeted = 1
               AND status IN ('pending', 'sending', 'sent')
             GROUP BY participant_id, budget_week`,
            people,
            [...new Set(queries.map((q) => q.week))],
          )
        ).map((row) => [`${str(row.participant_id)}\u0000${str(row.budget_week)}`, Number(row.n)]),
      );
      const later = new Map<string, { id: number; dueAt: number }[]>();
      // Person by person through their own jobs (a week of everyone's jobs is far more than a batch's people have).
      for (const row of await this.all(
        `SELECT j.participant_id, j.id, j.due_at FROM unnest(?::text[]) AS p(id)
           CROSS JOIN LATERAL (
             SELECT participant_id, id, due_at FROM jobs WHERE participant_id = p.id AND state = 'scheduled'
               AND kind IN ('checkpoint', 'checkpoint_reminder') AND due_at > ? AND due_at < ?
           ) j`,
        people,
        now,
        Math.max(...queries.map((q) => q.weekEnd)),
      )) {
        const list = later.get(str(row.participant_id)) ?? [];
        list.push({ id: Number(row.id), dueAt: Number(row.due_at) });
        later.set(str(row.participant_id), list);
      }
      return queries.map(({ job, week, weekEnd }) => ({
        used: used.get(`${job.participantId}\u0000${week}`) ?? 0,
        reservedLater: (later.get(job.participantId) ?? []).filter(
          (j) => j.dueAt < weekEnd && j.id !== job.id,
        ).length,
      }));
    },
    applyMany: async (items, now) => {
      if (items.length === 0) return [];
      return this.tx(async () => {
        // Rows locked in id order, so that two batches with jobs in common cannot wait on each other.
        const ids = [...new Set(items.map((item) => item.job.id))].sort((a, b) => a - b);
        const current = new Map(
          (
            await this.all(
              'SELECT id, state, version FROM jobs WHERE id = ANY(?::bigint[]) ORDER BY id FOR UPDATE',
              ids,
            )
          ).map((row) => [Number(row.id), row]),
        );
        const results: ApplyResult[] = [];
        const taken = new Set<number>();
        const moved: { id: number; dueAt: number; reason: string }[] = [];
        const finished: { id: number; result: string }[] = [];
        const queued: { index: number; row: NewOutboxRow }[] = [];
        const keys = new Set<string>();
        const effects: { job: ScheduledJob; effect: Effect }[] = [];
        const next = new Map<string, { participantId: string; subjectId: string; run: NextRun }>();
        for (const [index, { job, decision, outbox }] of items.entries()) {
          const row = current.get(job.id);
          if (taken.has(job.id) || row?.state !== 'scheduled' || Number(row.version) !== job.version) {
            results.push({ applied: false, outboxInserted: false });
            continue;
          }
          // Applied once: a second item for the same job holds a version that is gone by then.
          taken.add(job.id);
          results.push({ applied: true, outboxInserted: false });
          if (decision.type === 'reschedule') {
            moved.push({ id: job.id, dueAt: decision.dueAt, reason: decision.reason });
            continue;
          }
          const rows = outbox === null ? [] : Array.isArray(outbox) ? outbox : [outbox as NewOutboxRow];
          // A key an earlier item queues is not queued again, as one apply after the other would find it taken.
          for (const row of rows) {
            if (keys.has(row.key)) continue;
            keys.add(row.key);
            queued.push({ index, row });
          }
          for (const effect of decision.effects) effects.push({ job, effect });
          finished.push({ id: job.id, result: jobResult(decision) });
          for (const run of decision.next) {
            const slot = `${job.participantId}\u0000${run.kind}\u0000${run.occurrence}`;
            // The first plan for a slot takes it; a later one would meet a scheduled job and leave it be.
            if (!next.has(slot))
              next.set(slot, { participantId: job.participantId, subjectId: job.subjectId, run });
          }
        }
        if (queued.length > 0) {
          const inserted = new Set(
            (
              await this.all(
                `INSERT INTO outbox (key, participant_id, kind, budgeted, budget_week, message, due_at, expires_at, status, next_attempt_at, reason, created_at)
                 SELECT u.key, u.participant_id, u.kind, u.budgeted, u.budget_week, u.message, u.due_at, u.expires_at,
                   u.status, u.due_at, u.reason, ?::bigint
                 FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[])
                   WITH ORDINALITY AS u(key, participant_id, kind, budgeted, budget_week, message, due_at, expires_at, status, reason, n)
                 ORDER BY u.n
                 ON CONFLICT (key) DO NOTHING RETURNING key`,
                now,
                queued.map(({ row }) => row.key),
                queued.map(({ row }) => row.participantId),
                queued.map(({ row }) => row.kind),
                queued.map(({ row }) => (row.budgeted && BUDGETED_KINDS.has(row.kind) ? 1 : 0)),
                queued.map(({ row }) => row.budgetWeek),
                queued.map(({ row }) => row.messageJson ?? JSON.stringify(row.message)),
                queued.map(({ row }) => row.dueAt),
                queued.map(({ row }) => row.expiresAt),
                queued.map(({ row }) => row.status ?? 'pending'),
                queued.map(({ row }) => row.reason ?? null),
              )
            ).map((row) => str(row.key)),
          );
          for (const { index, row } of queued)
            if (inserted.has(row.key)) results[index]!.outboxInserted = true;
        }
        for (const { job, effect } of effects) await this.applyEffect(job, effect, now);
        if (moved.length > 0)
          await this.run(
            `UPDATE jobs SET due_at = u.due_at, version = jobs.version + 1, result = u.reason
             FROM unnest(?::bigint[], ?::bigint[], ?::text[]) AS u(id, due_at, reason) WHERE jobs.id = u.id`,
            moved.map((m) => m.id),
            moved.map((m) => m.dueAt),
            moved.map((m) => m.reason),
          );
        if (finished.length > 0)
          await this.run(
            `UPDATE jobs SET state = 'done', version = jobs.version + 1, result = u.result
             FROM unnest(?::bigint[], ?::text[]) AS u(id, result) WHERE jobs.id = u.id`,
            finished.map((f) => f.id),
            finished.map((f) => f.result),
          );
        if (next.size > 0) {
          const runs = [...next.values()];
          await this.run(
            `INSERT INTO jobs (participant_id, subject_id, kind, occurrence, due_at)
             SELECT u.participant_id, u.subject_id, u.kind, u.occurrence, u.due_at
             FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(participant_id, subject_id, kind, occurrence, due_at)
             ON CONFLICT (participant_id, kind, occurrence) DO UPDATE SET subject_id = excluded.subject_id,
               due_at = excluded.due_at, state = 'scheduled', version = jobs.version + 1, result = NULL
             WHERE jobs.state = 'cancelled' AND jobs.subject_id != excluded.subject_id`,
            runs.map((r) => r.participantId),
            runs.map((r) => r.subjectId),
            runs.map((r) => r.run.kind),
            runs.map((r) => r.run.occurrence),
            runs.map((r) => r.run.dueAt),
          );
        }
        return results;
      });
    },
    scheduled: async (participantId) =>
      (
        await this.all(
          `SELECT * FROM jobs WHERE participant_id = ? AND state = 'scheduled' ORDER BY due_at`,
          participantId,
        )
      ).map(toJob),
    nextFor: async (participantId, kinds = ['nudge', 'checkpoint', 'checkpoint_reminder']) => {
      if (kinds.length === 0) return null;
      const row = await this.one(
        `SELECT * FROM jobs WHERE participant_id = ? AND state = 'scheduled' AND kind IN (${kinds.map(() => '?').join(', ')})
         ORDER BY due_at LIMIT 1`,
        participantId,
        ...kinds,
      );
      return row ? toJob(row) : null;
    },
    nextDueAt: async () =>
      numOrNull((await this.one(`SELECT MIN(due_at) AS t FROM jobs WHERE state = 'scheduled'`))?.t),
  };

  private async applyEffect(job: ScheduledJob, effect: Effect, now: number): Promise<void> {
    switch (effect.type) {
      case 'open_survey':
        await this.run(
          `INSERT INTO surveys (id, experiment_id, participant_id, checkpoint_day, status, sent_at) VALUES (?, ?, ?, ?, 'open', ?)
           ON CONFLICT (experiment_id, checkpoint_day) DO NOTHING`,
          effect.surveyId,
          job.subjectId,
          job.participantId,
          effect.checkpointDay,
          now,
        );
        return;
      case 'survey_reminded':
        await this.run(
          `UPDATE surveys SET status = 'reminded', reminded_at = ? WHERE experiment_id = ? AND checkpoint_day = ? AND status = 'open'`,
          now,
          job.subjectId,
          checkpointDayOf(job.occurrence),
        );
        return;
      case 'survey_missed': {
        const day = checkpointDayOf(job.occurrence);
        await this.run(
          `INSERT INTO surveys (id, experiment_id, participant_id, checkpoint_day, status) VALUES (?, ?, ?, ?, 'missed')
           ON CONFLICT (experiment_id, checkpoint_day) DO UPDATE SET status = 'missed' WHERE surveys.status IN ('open', 'reminded')`,
          `svy_${job.subjectId}_d${day}`,
          job.subjectId,
          job.participantId,
          day,
        );
        return;
      }
      case 'pair_nudged':
        await this.run('UPDATE pairs SET nudged_at = ? WHERE id = ?', now, job.subjectId);
        return;
      case 'pair_healthy':
        await this.run('UPDATE pairs SET nudged_at = NULL WHERE id = ?', job.subjectId);
        return;
      case 'open_alert':
        await this.run(
          `INSERT INTO curator_alerts (id, pair_id, status, score, reasons, created_at) VALUES (?, ?, 'open', ?, ?, ?)
           ON CONFLICT DO NOTHING`,
          effect.alertId,
          job.subjectId,
          effect.score,
          JSON.stringify(effect.reasons),
          now,
        );
        return;
      case 'pair_checkin_asked':
        await this.run(
          `INSERT INTO pair_checkins (pair_id, round, participant_id, asked_at) VALUES (?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
          job.subjectId,
          effect.round,
          job.participantId,
          now,
        );
        return;
      case 'end_alert_snooze':
        await this.run(
          `UPDATE curator_alerts SET status = 'handled', action = 'snooze_ended' WHERE id = ? AND status = 'snoozed'`,
          effect.alertId,
        );
        return;
      case 'start_coaching':
        await this.run(`UPDATE participants SET arm = 'coached' WHERE id = ?`, job.participantId);
        await this.run(
          'UPDATE arm_assignments SET coached_at = COALESCE(coached_at, ?) WHERE participant_id = ?',
          now,
          job.participantId,
        );
        return;
      case 'complete_experiment':
        await this.run(
          `UPDATE experiments SET status = 'completed', version = version + 1, updated_at = ? WHERE id = ? AND status IN ('active', 'paused')`,
          now,
          job.subjectId,
        );
        return;
    }
  }

  private async insertOutbox(row: NewOutboxRow, now: number): Promise<boolean> {
    const inserted = await this.run(
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
    return inserted === 1;
  }

  private async markSent(
    id: number,
    token: string,
    providerRef: string | null,
    now: number,
  ): Promise<boolean> {
    return (
      (await this.run(
        `UPDATE outbox SET status = 'sent', provider_ref = ?, sent_at = ?, reason = NULL WHERE id = ? AND claim_token = ? AND status = 'sending'`,
        providerRef,
        now,
        id,
        token,
      )) === 1
    );
  }

  private async beginSend(id: number, token: string, now: number, person?: SendingTo): Promise<boolean> {
    return (
      (await (person
        ? this.run(
            `UPDATE outbox SET claimed_at = ?, attempts = attempts + 1
             WHERE id = ? AND claim_token = ? AND status = 'sending' AND EXISTS (
               SELECT 1 FROM participants p
               WHERE p.id = outbox.participant_id AND p.reachable = 1 AND p.consent = ?
                 AND p.address IS NOT DISTINCT FROM ?::text)`,
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
          ))) === 1
    );
  }

  outbox: Store['outbox'] = {
    enqueue: async (row, now) => this.insertOutbox(row, now),
    // One statement: rows another replica is claiming at the same moment are skipped, never handed out twice.
    claim: async (now, limit, token, scope) =>
      (await this.all(claimStatement(scope !== undefined), ...claimParams(now, limit, token, scope))).map(
        toOutbox,
      ),
    markSent: async (id, token, providerRef, now) => this.markSent(id, token, providerRef, now),
    release: async (id, token, nextAttemptAt, reason) =>
      (await this.run(
        `UPDATE outbox SET status = 'pending', next_attempt_at = ?, reason = ?, claim_token = NULL, claimed_at = NULL
         WHERE id = ? AND claim_token = ? AND status = 'sending'`,
        nextAttemptAt,
        reason,
        id,
        token,
      )) === 1,
    finish: async (id, token, status, reason, _now) =>
      (await this.run(
        `UPDATE outbox SET status = ?, reason = ? WHERE id = ? AND claim_token = ? AND status = 'sending'`,
        status,
        reason,
        id,
        token,
      )) === 1,
    stale: async (now, leaseMs, scope) =>
      (
        await this.all(
          `${OUTBOX_SELECT} WHERE o.status = 'sending' AND o.claimed_at <= ?${scope ? SCOPE_FILTER : ''}
           ORDER BY o.claimed_at`,
          now - leaseMs,
          ...scopeParams(scope),
        )
      ).map(toOutbox),
    dueScopes: async (now, staleBefore) =>
      (
        await this.all(
          `SELECT DISTINCT p.platform, p.workspace_id FROM outbox o JOIN participants p ON p.id = o.participant_id
           WHERE (o.status = 'pending' AND o.next_attempt_at <= ?) OR (o.status = 'sending' AND o.claimed_at <= ?)`,
          now,
          staleBefore,
        )
      ).map((row) => ({ platform: str(row.platform) as Platform, workspaceId: str(row.workspace_id) })),
    beginSend: async (id, token, now, person) => this.beginSend(id, token, now, person),
    advance: async (steps) =>
      this.tx(async () => {
        const answers: boolean[] = [];
        for (const step of steps)
          answers.push(
            step.step === 'begin'
              ? await this.beginSend(step.id, step.token, step.at, step.person)
              : await this.markSent(step.id, step.token, step.providerRef, step.at),
          );
        return answers;
      }),
    reclaim: async (id, oldToken, newToken, now) =>
      (await this.run(
        `UPDATE outbox SET claim_token = ?, claimed_at = ?
         WHERE id = ? AND status = 'sending' AND claim_token IS NOT DISTINCT FROM ?::text`,
        newToken,
        now,
        id,
        oldToken,
      )) === 1,
    byKey: async (key) => {
      const row = await this.one(`${OUTBOX_SELECT} WHERE o.key = ?`, key);
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
      return (await this.all(`${OUTBOX_SELECT}${clause} ORDER BY o.id`, ...params)).map(toOutbox);
    },
    counts: async () => {
      const counts = { pending: 0, sending: 0, sent: 0, failed: 0, expired: 0, cancelled: 0 } as Record<
        OutboxStatus,
        number
      >;
      for (const row of await this.all('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status')) {
        counts[str(row.status) as OutboxStatus] = Number(row.n);
      }
      return counts;
    },
    nextAttemptAt: async () =>
      numOrNull((await this.one(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'`))?.t),
  };

  inbound: Store['inbound'] = {
    firstSeen: async (deliveryId, now) =>
      (await this.run(
        'INSERT INTO inbound_deliveries (delivery_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
        deliveryId,
        now,
      )) === 1,
  };

  audit: Store['audit'] = {
    append: async (entry: AuditEntry) => {
      await this.run(
        'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
        entry.at,
        entry.actor,
        entry.action,
        entry.subject,
        entry.detail ? JSON.stringify(entry.detail) : null,
      );
    },
    since: async (at) =>
      (await this.all('SELECT * FROM audit_log WHERE at >= ? ORDER BY id', at)).map((row) => ({
        at: Number(row.at),
        actor: str(row.actor),
        action: str(row.action),
        subject: str(row.subject),
        ...(row.detail ? { detail: JSON.parse(str(row.detail)) } : {}),
      })),
    search: async (query) => {
      const { sql, params } = auditSearchQuery(query);
      const rows = await this.all(sql, ...params);
      const edge = auditOtherSide(query);
      let otherSide = false;
      if (edge) {
        const other = auditEdgeQuery(query, edge);
        otherSide = (await this.all(other.sql, ...other.params)).length > 0;
      }
      return auditPageOf(rows, query, otherSide);
    },
  };

  meta: Store['meta'] = {
    get: async (key) => strOrNull((await this.one('SELECT value FROM meta WHERE key = ?', key))?.value),
    set: async (key, value) => {
      await this.run(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        key,
        value,
      );
    },
  };

  channelState: Store['channelState'] = {
    get: async (platform, key) =>
      strOrNull(
        (await this.one('SELECT value FROM channel_state WHERE platform = ? AND key = ?', platform, key))
          ?.value,
      ),
    set: async (platform, key, value, owner, now) => {
      await this.run(
        `INSERT INTO channel_state (platform, key, value, owner_workspace_id, owner_user_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, key) DO UPDATE SET value = excluded.value,
           owner_workspace_id = excluded.owner_workspace_id, owner_user_id = excluded.owner_user_id,
           updated_at = excluded.updated_at`,
        platform,
        key,
        value,
        owner?.workspaceId ?? null,
        owner?.userId ?? null,
        now,
      );
    },
    delete: async (platform, key) => {
      await this.run('DELETE FROM channel_state WHERE platform = ? AND key = ?', platform, key);
    },
    setMany: async (platform, entries, now) => {
      // One statement, so all or none; a key named twice keeps its last entry (one INSERT cannot touch a row twice).
      const last = new Map(entries.map((entry) => [entry.key, entry]));
      if (last.size === 0) return;
      const rows = [...last.values()];
      await this.run(
        `INSERT INTO channel_state (platform, key, value, owner_workspace_id, owner_user_id, updated_at)
         SELECT ?, e.key, e.value, e.owner_workspace_id, e.owner_user_id, ?
         FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS e(key, value, owner_workspace_id, owner_user_id)
         ON CONFLICT (platform, key) DO UPDATE SET value = excluded.value,
           owner_workspace_id = excluded.owner_workspace_id, owner_user_id = excluded.owner_user_id,
           updated_at = excluded.updated_at`,
        platform,
        now,
        rows.map((e) => e.key),
        rows.map((e) => e.value),
        rows.map((e) => e.owner?.workspaceId ?? null),
        rows.map((e) => e.owner?.userId ?? null),
      );
    },
  };

  /** A server database keeps no files beside the process: nothing to say about file modes here. */
  async fileSafetyWarnings(): Promise<StoreWarning[]> {
    return [];
  }

  leases: Store['leases'] = {
    // The first holder's INSERT makes any concurrent one wait on the key and then do nothing; every later decision
    // is made under the row lock, on the latest committed holding.
    acquire: async (name, holder, now, ttlMs) =>
      this.tx(async () => {
        const inserted = await this.run(
          'INSERT INTO dispatch_leases (name, holder, until) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING',
          name,
          holder,
          now + ttlMs,
        );
        if (inserted === 1) return { acquired: true, previousHolder: null, previousUntil: null };
        const current = await this.one(
          'SELECT holder, until FROM dispatch_leases WHERE name = ? FOR UPDATE',
          name,
        );
        if (!current) throw new Error(`dispatch lease ${name} vanished`);
        const currentHolder = str(current.holder);
        const currentUntil = Number(current.until);
        if (currentHolder !== holder && currentUntil > now)
          return { acquired: false, holder: currentHolder, until: currentUntil };
        await this.run(
          'UPDATE dispatch_leases SET holder = ?, until = ? WHERE name = ?',
          holder,
          now + ttlMs,
          name,
        );
        return { acquired: true, previousHolder: currentHolder, previousUntil: currentUntil };
      }),
    release: async (name, holder, now) =>
      (await this.run(
        'UPDATE dispatch_leases SET until = ? WHERE name = ? AND holder = ? AND until > ?',
        now,
        name,
        holder,
        now,
      )) === 1,
  };

  replicas: Store['replicas'] = {
    recordPass: async (replica, at, forgetBefore) =>
      this.tx(async () => {
        await this.run(
          `INSERT INTO replica_heartbeats (replica, last_pass_at) VALUES (?, ?)
           ON CONFLICT (replica) DO UPDATE SET last_pass_at = excluded.last_pass_at`,
          replica,
          at,
        );
        await this.run('DELETE FROM replica_heartbeats WHERE last_pass_at < ?', forgetBefore);
      }),
    list: async () =>
      (
        await this.all(
          'SELECT replica, last_pass_at FROM replica_heartbeats ORDER BY last_pass_at DESC, replica',
        )
      ).map((row) => ({ replica: str(row.replica), lastPassAt: Number(row.last_pass_at) })),
  };

  async pendingMigrations(): Promise<number[]> {
    const applied = new Set(
      (await this.all('SELECT version FROM schema_migrations')).map((row) => Number(row.version)),
    );
    return PG_MIGRATIONS.map((m) => m.version).filter((version) => !applied.has(version));
  }

  async ping(): Promise<boolean> {
    try {
      return Number((await this.one('SELECT 1 AS ok'))?.ok) === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function checkpointDayOf(occurrence: string): number {
  return Number(occurrence.match(/\/day-(\d+)/)?.[1] ?? Number.NaN);
}

/** What a finished job records of its decision. */
function jobResult(decision: Exclude<Decision, { type: 'reschedule' }>): string {
  return decision.type === 'send'
    ? `sent as ${decision.key}`
    : decision.type === 'expire'
      ? `expired: ${decision.reason}`
      : `skipped: ${decision.reason}`;
}
