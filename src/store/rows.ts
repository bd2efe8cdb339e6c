import type { Charter } from '../core/charter.js';
import type { Survey } from '../core/checkpoint.js';
import type { EngagementReason } from '../core/engagement.js';
import type { AssignmentMethod } from '../core/evaluation.js';
import type { Experiment, ExperimentInput, ExperimentStatus } from '../core/experiment.js';
import type { Candidate, FitReason, ProposalStatus, StoredProposal } from '../core/matching.js';
import type { CharterVersion, CuratorAlert, Milestone, Pair } from '../core/mentoring.js';
import type { Message, MessageKind } from '../core/messages.js';
import type { Identity, Participant, Platform } from '../core/participant.js';
import type { ProgramSettings } from '../core/program.js';
import type { ConsentState, JobKind, ScheduledJob } from '../core/schedule.js';
import type {
  ArmAssignment,
  AuditPage,
  AuditRecord,
  AuditSearch,
  ConfounderNote,
  OutboxRow,
  OutboxStatus,
  ProgramRecord,
} from './types.js';

/*
 * Rows to port values, for both implementations: the PostgreSQL schema keeps the SQLite schema's columns and
 * encodings (epoch milliseconds, JSON text, 0/1 flags). PostgreSQL's BIGINT values arrive as strings and go through
 * Number like SQLite's integers.
 */

/** A row as either driver returns it. */
export type Row = Record<string, unknown>;

export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toProgram(row: Row): ProgramRecord {
  return {
    id: str(row.id),
    name: str(row.name),
    settings: JSON.parse(str(row.settings)) as ProgramSettings,
    version: Number(row.version),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function toParticipant(row: Row): Participant {
  return {
    id: str(row.id),
    programId: str(row.program_id),
    platform: str(row.platform) as Platform,
    workspaceId: str(row.workspace_id),
    userId: str(row.user_id),
    email: strOrNull(row.email),
    displayName: strOrNull(row.display_name),
    timezone: strOrNull(row.timezone),
    workingDays: row.working_days ? JSON.parse(str(row.working_days)) : null,
    quietHours: row.quiet_hours ? JSON.parse(str(row.quiet_hours)) : null,
    pausedUntil: numOrNull(row.paused_until),
    consent: str(row.consent) as ConsentState,
    consentAt: numOrNull(row.consent_at),
    reachable: Number(row.reachable) === 1,
    address: strOrNull(row.address),
    lastInteractionAt: numOrNull(row.last_interaction_at),
    createdAt: Number(row.created_at),
    kind: row.kind === 'channel' ? 'channel' : 'person',
    roles: row.roles ? (JSON.parse(str(row.roles)) as Participant['roles']) : [],
    arm: row.arm === 'control' ? 'control' : 'coached',
    invitedAt: numOrNull(row.invited_at),
    attributes: row.attributes ? (JSON.parse(str(row.attributes)) as Record<string, string>) : {},
    language: strOrNull(row.language),
    rosterLanguage: strOrNull(row.roster_language),
    platformLocale: strOrNull(row.platform_locale),
  };
}

export function toExperiment(row: Row): Experiment {
  return {
    id: str(row.id),
    participantId: str(row.participant_id),
    behavior: str(row.behavior),
    hypothesis: str(row.hypothesis),
    kpiName: str(row.kpi_name),
    kpiUnit: str(row.kpi_unit),
    kpiBaseline: Number(row.kpi_baseline),
    kpiTarget: Number(row.kpi_target),
    kpiDirection: str(row.kpi_direction) as Experiment['kpiDirection'],
    startDate: str(row.start_date),
    lengthWeeks: Number(row.length_weeks),
    endDate: str(row.end_date),
    status: str(row.status) as ExperimentStatus,
    version: Number(row.version),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function toSurvey(row: Row): Survey {
  return {
    id: str(row.id),
    experimentId: str(row.experiment_id),
    participantId: str(row.participant_id),
    checkpointDay: Number(row.checkpoint_day),
    status: str(row.status) as Survey['status'],
    sentAt: numOrNull(row.sent_at),
    remindedAt: numOrNull(row.reminded_at),
    practice: numOrNull(row.practice),
    kpiValue: numOrNull(row.kpi_value),
    confidence: numOrNull(row.confidence),
    note: strOrNull(row.note),
    answeredAt: numOrNull(row.answered_at),
  };
}

/** The experiment's editable columns, in the order the store's INSERT and UPDATE name them. */
export function experimentValues(input: ExperimentInput, endDate: string): unknown[] {
  return [
    input.behavior,
    input.hypothesis,
    input.kpiName,
    input.kpiUnit,
    input.kpiBaseline,
    input.kpiTarget,
    input.kpiDirection,
    input.startDate,
    input.lengthWeeks,
    endDate,
  ];
}

export function toJob(row: Row): ScheduledJob {
  return {
    id: Number(row.id),
    kind: str(row.kind) as JobKind,
    participantId: str(row.participant_id),
    subjectId: str(row.subject_id),
    occurrence: str(row.occurrence),
    dueAt: Number(row.due_at),
    version: Number(row.version),
  };
}

export function toOutbox(row: Row): OutboxRow {
  return {
    id: Number(row.id),
    key: str(row.key),
    participantId: str(row.participant_id),
    kind: str(row.kind) as MessageKind,
    budgeted: Number(row.budgeted) === 1,
    budgetWeek: str(row.budget_week),
    platform: str(row.platform) as Platform,
    workspaceId: str(row.workspace_id),
    message: JSON.parse(str(row.message)) as Message,
    dueAt: Number(row.due_at),
    expiresAt: Number(row.expires_at),
    status: str(row.status) as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    claimToken: strOrNull(row.claim_token),
    claimedAt: numOrNull(row.claimed_at),
    reason: strOrNull(row.reason),
    providerRef: strOrNull(row.provider_ref),
    sentAt: numOrNull(row.sent_at),
    createdAt: Number(row.created_at),
  };
}

export function toPair(row: Row): Pair {
  return {
    id: str(row.id),
    programId: str(row.program_id),
    mentorId: str(row.mentor_id),
    menteeId: str(row.mentee_id),
    status: str(row.status) as Pair['status'],
    createdBy: str(row.created_by),
    createdAt: Number(row.created_at),
    introSentAt: numOrNull(row.intro_sent_at),
    closedAt: numOrNull(row.closed_at),
    closeReason: strOrNull(row.close_reason),
    replacesPairId: strOrNull(row.replaces_pair_id),
    nudgedAt: numOrNull(row.nudged_at),
  };
}

export function toCharter(row: Row): CharterVersion {
  return {
    pairId: str(row.pair_id),
    version: Number(row.version),
    charter: JSON.parse(str(row.data)) as Charter,
    status: str(row.status) as CharterVersion['status'],
    submittedAt: Number(row.submitted_at),
    mentorConfirmedAt: numOrNull(row.mentor_confirmed_at),
    comment: strOrNull(row.comment),
  };
}

export function toMilestone(row: Row): Milestone {
  return {
    id: str(row.id),
    pairId: str(row.pair_id),
    charterVersion: Number(row.charter_version),
    position: Number(row.position),
    description: str(row.description),
    dueDate: str(row.due_date),
    dueAt: Number(row.due_at),
    status: str(row.status) as Milestone['status'],
    confirmedAt: numOrNull(row.confirmed_at),
    confirmedBy: strOrNull(row.confirmed_by),
    note: strOrNull(row.note),
  };
}

export function toAlert(row: Row): CuratorAlert {
  return {
    id: str(row.id),
    pairId: str(row.pair_id),
    status: str(row.status) as CuratorAlert['status'],
    score: Number(row.score),
    reasons: JSON.parse(str(row.reasons)) as EngagementReason[],
    createdAt: Number(row.created_at),
    snoozedUntil: numOrNull(row.snoozed_until),
    action: strOrNull(row.action),
    handledBy: strOrNull(row.handled_by),
    handledAt: numOrNull(row.handled_at),
  };
}

export const identityOf = (row: Row): Identity => ({
  platform: str(row.platform) as Platform,
  workspaceId: str(row.workspace_id),
  userId: str(row.user_id),
});

export function toProposal(row: Row): StoredProposal {
  return {
    id: str(row.id),
    reviewId: str(row.review_id),
    programId: str(row.program_id),
    menteeId: str(row.mentee_id),
    mentorId: str(row.mentor_id),
    fit: Number(row.fit),
    reasons: JSON.parse(str(row.reasons)) as FitReason[],
    alternatives: JSON.parse(str(row.alternatives)) as Candidate[],
    status: str(row.status) as ProposalStatus,
    chosenMentorId: strOrNull(row.chosen_mentor_id),
    pairId: strOrNull(row.pair_id),
    decidedBy: strOrNull(row.decided_by),
    decidedByName: strOrNull(row.decided_by_name),
    decidedAt: numOrNull(row.decided_at),
    createdAt: Number(row.created_at),
  };
}

export function toAssignment(row: Row): Omit<ArmAssignment, 'email' | 'programId'> {
  return {
    participantId: str(row.participant_id),
    arm: row.arm === 'control' ? 'control' : 'coached',
    method: str(row.method) as AssignmentMethod,
    stratum: str(row.stratum),
    seed: str(row.seed),
    controlPercent: Number(row.control_percent),
    batch: Number(row.batch),
    assignedAt: Number(row.assigned_at),
    coachingFrom: strOrNull(row.coaching_from),
    coachedAt: numOrNull(row.coached_at),
  };
}

export function toNote(row: Row): ConfounderNote {
  return {
    id: str(row.id),
    programId: str(row.program_id),
    date: str(row.date),
    text: str(row.text),
    createdBy: str(row.created_by),
    createdAt: Number(row.created_at),
    removedBy: strOrNull(row.removed_by),
    removedAt: numOrNull(row.removed_at),
  };
}
export const OUTBOX_SELECT = `SELECT o.*, p.platform, p.workspace_id FROM outbox o JOIN participants p ON p.id = o.participant_id`;

export function toAudit(row: Row): AuditRecord {
  return {
    id: Number(row.id),
    at: Number(row.at),
    actor: str(row.actor),
    action: str(row.action),
    subject: str(row.subject),
    ...(row.detail ? { detail: JSON.parse(str(row.detail)) } : {}),
  };
}

/**
 * The query behind `audit.search`, with `?` placeholders, for both implementations. The action prefix is compared
 * with substr (not LIKE, whose case rules and wildcards differ between the two databases). One more row than the
 * page is read, to know whether more match; a page of newer entries is read oldest first and turned around.
 */
export function auditSearchQuery(query: AuditSearch): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.action) {
    where.push('substr(action, 1, ?) = ?');
    params.push([...query.action].length, query.action);
  }
  if (query.actor) {
    where.push('actor = ?');
    params.push(query.actor);
  }
  if (query.from !== undefined) {
    where.push('at >= ?');
    params.push(query.from);
  }
  if (query.until !== undefined) {
    where.push('at < ?');
    params.push(query.until);
  }
  const newerPage = query.afterId !== undefined && query.beforeId === undefined;
  if (query.beforeId !== undefined) {
    where.push('id < ?');
    params.push(query.beforeId);
  } else if (query.afterId !== undefined) {
    where.push('id > ?');
    params.push(query.afterId);
  }
  params.push(query.limit + 1);
  return {
    sql: `SELECT * FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id ${newerPage ? 'ASC' : 'DESC'} LIMIT ?`,
    params,
  };
}

/** Whether an entry beyond the page's edge matches, asked with the same filters (one row at most). */
export function auditEdgeQuery(query: AuditSearch, edge: { olderThan: number } | { newerThan: number }) {
  const { sql, params } = auditSearchQuery({
    ...query,
    beforeId: undefined,
    afterId: undefined,
    limit: 0,
  });
  const [head] = sql.split(' ORDER BY ');
  const condition = 'olderThan' in edge ? 'id < ?' : 'id > ?';
  return {
    sql: `${head}${head!.includes(' WHERE ') ? ' AND' : ' WHERE'} ${condition} LIMIT 1`,
    params: [...params.slice(0, -1), 'olderThan' in edge ? edge.olderThan : edge.newerThan],
  };
}

/** Turns the rows of `auditSearchQuery` into a page, newest first. */
export function auditPageOf(rows: Row[], query: AuditSearch, otherSide: boolean): AuditPage {
  const newerPage = query.afterId !== undefined && query.beforeId === undefined;
  const more = rows.length > query.limit;
  const entries = rows.slice(0, query.limit).map(toAudit);
  if (newerPage) entries.reverse();
  return newerPage ? { entries, older: otherSide, newer: more } : { entries, older: more, newer: otherSide };
}

/** Which side of the page `auditEdgeQuery` looks at: behind the cursor the page was read from (none on the first page). */
export function auditOtherSide(query: AuditSearch): { olderThan: number } | { newerThan: number } | null {
  if (query.beforeId !== undefined) return { newerThan: query.beforeId - 1 };
  if (query.afterId !== undefined) return { olderThan: query.afterId + 1 };
  return null;
}
