import type { Cadence } from '../core/charter.js';
import type { EvaluationSettings, EvaluationVersion } from '../core/evaluation.js';
import type { MeetingAnswer } from '../core/meetings.js';
import type { ProgramSettings } from '../core/program.js';
import type { ConsentState } from '../core/schedule.js';
import { numOrNull, type Row, str, strOrNull } from './rows.js';
import type {
  ReportDataset as Dataset,
  ReportAlertRow,
  ReportBudgetRow,
  ReportExperimentRow,
  ReportMilestoneRow,
  ReportNudgeRow,
  ReportPairRow,
  ReportPersonRow,
  ReportSurveyRow,
  ReviewStage,
} from './types.js';

/*
 * The outcome report's rows to port values, for both implementations: each store writes its own SQL (ordering,
 * JSON and string functions differ), and both select the same columns under the same names.
 */

/** Where the per-database pseudonym secret of report exports is kept (a meta key, the same in every store). */
export const PSEUDONYM_SECRET_KEY = 'reports.pseudonym_secret';

/** The people of one program; channels (e.g. the curators' channel) are delivery targets, not people. */
export const PEOPLE = `SELECT id FROM participants WHERE program_id = ? AND kind = 'person'`;

export function toReportPerson(row: Row): ReportPersonRow {
  return {
    id: str(row.id),
    roles: row.roles ? (JSON.parse(str(row.roles)) as ReportPersonRow['roles']) : [],
    arm: row.arm === 'control' ? 'control' : 'coached',
    attributes: row.attributes ? (JSON.parse(str(row.attributes)) as Record<string, string>) : {},
    consent: str(row.consent) as ConsentState,
    consentAt: numOrNull(row.consent_at),
    invitedAt: numOrNull(row.invited_at),
    createdAt: Number(row.created_at),
  };
}

export function toReportExperiment(row: Row): ReportExperimentRow {
  return {
    id: str(row.id),
    participantId: str(row.participant_id),
    kpiUnit: str(row.kpi_unit),
    kpiBaseline: Number(row.kpi_baseline),
    kpiTarget: Number(row.kpi_target),
    kpiDirection: str(row.kpi_direction) as ReportExperimentRow['kpiDirection'],
    status: str(row.status) as ReportExperimentRow['status'],
    createdAt: Number(row.created_at),
  };
}

export function toReportSurvey(row: Row): ReportSurveyRow {
  return {
    experimentId: str(row.experiment_id),
    participantId: str(row.participant_id),
    checkpointDay: Number(row.checkpoint_day),
    status: str(row.status) as ReportSurveyRow['status'],
    sentAt: numOrNull(row.sent_at),
    answeredAt: numOrNull(row.answered_at),
    practice: numOrNull(row.practice),
    kpiValue: numOrNull(row.kpi_value),
    confidence: numOrNull(row.confidence),
  };
}

export function toReportNudge(row: Row): ReportNudgeRow {
  return {
    participantId: str(row.participant_id),
    sent: Number(row.sent),
    answered: Number(row.answered ?? 0),
    did: Number(row.did ?? 0),
  };
}

export function toReportBudget(row: Row): ReportBudgetRow {
  return {
    participantId: str(row.participant_id),
    week: str(row.budget_week),
    messages: Number(row.messages),
  };
}

export function toReportPair(row: Row): ReportPairRow {
  return {
    id: str(row.id),
    mentorId: str(row.mentor_id),
    menteeId: str(row.mentee_id),
    status: str(row.status) as ReportPairRow['status'],
    createdAt: Number(row.created_at),
    closedAt: numOrNull(row.closed_at),
    replacesPairId: strOrNull(row.replaces_pair_id),
    charterConfirmedAt: numOrNull(row.charter_confirmed_at),
  };
}

export function toReportMilestone(row: Row): ReportMilestoneRow {
  return {
    pairId: str(row.pair_id),
    dueAt: Number(row.due_at),
    status: str(row.status) as ReportMilestoneRow['status'],
    confirmedAt: numOrNull(row.confirmed_at),
  };
}

export function toReportAlert(row: Row): ReportAlertRow {
  return {
    pairId: str(row.pair_id),
    status: str(row.status) as ReportAlertRow['status'],
    createdAt: Number(row.created_at),
    handledAt: numOrNull(row.handled_at),
    actedOn: row.handled_by !== null && row.handled_by !== undefined,
  };
}

export function toReportProposal(row: Row): NonNullable<Dataset['proposals']>[number] {
  return {
    menteeId: str(row.mentee_id),
    mentorId: str(row.mentor_id),
    chosenMentorId: strOrNull(row.chosen_mentor_id),
    status: str(row.status) as 'open' | 'approved' | 'changed' | 'rejected',
    createdAt: Number(row.created_at),
    decidedAt: numOrNull(row.decided_at),
  };
}

export function toReportVoice(row: Row): NonNullable<Dataset['voices']>[number] {
  return {
    pairId: str(row.pair_id),
    participantId: str(row.participant_id),
    kind: str(row.kind) as 'fine' | 'new_match',
    at: Number(row.at),
  };
}

/** A check-in answer; `cadence` is the cadence of the charter version its round belongs to. */
export function toReportCheckin(row: Row): NonNullable<Dataset['checkins']>[number] {
  return {
    pairId: str(row.pair_id),
    round: str(row.round),
    participantId: str(row.participant_id),
    askedAt: Number(row.asked_at),
    answer: strOrNull(row.answer) as MeetingAnswer | null,
    usefulness: numOrNull(row.usefulness),
    cadence: (strOrNull(row.cadence) ?? 'biweekly') as Cadence,
  };
}

export function toEvaluationVersion(row: Row): EvaluationVersion {
  return {
    version: Number(row.version),
    appliedAt: Number(row.applied_at),
    evaluation: ((JSON.parse(str(row.settings)) as ProgramSettings).evaluation ??
      null) as EvaluationSettings | null,
  };
}

export function toReportNote(row: Row): Dataset['notes'][number] {
  return { id: str(row.id), date: str(row.date), text: str(row.text) };
}

export function toReportReview(row: Row): Dataset['reviews'][number] {
  return { stage: str(row.stage) as ReviewStage, at: Number(row.at) };
}
