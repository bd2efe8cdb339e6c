import type { Cadence } from '../../core/charter.js';
import type { EvaluationSettings, EvaluationVersion } from '../../core/evaluation.js';
import type { MeetingAnswer } from '../../core/meetings.js';
import type { ProgramSettings } from '../../core/program.js';
import type { ConsentState } from '../../core/schedule.js';
import { numOrNull, str, strOrNull, toAssignment } from '../rows.js';
import type {
  ReportDataset as Dataset,
  ReportAlertRow,
  ReportBudgetRow,
  ReportDataset,
  ReportExperimentRow,
  ReportMilestoneRow,
  ReportNudgeRow,
  ReportPairRow,
  ReportPersonRow,
  ReportStore,
  ReportSurveyRow,
  ReviewStage,
} from '../types.js';
import { PgRepository } from './database.js';

/** Where the per-database pseudonym secret of report exports is kept (the same meta key as on SQLite). */
export const PSEUDONYM_SECRET_KEY = 'reports.pseudonym_secret';

/** The people of one program; channels (e.g. the curators' channel) are delivery targets, not people. */
const PEOPLE = `SELECT id FROM participants WHERE program_id = ? AND kind = 'person'`;

/**
 * The SQL of the outcome report on PostgreSQL. Every query reads; each selects only the columns the report needs,
 * so names, email addresses, platform ids and typed text never leave the database through it.
 */
export class PostgresReportStore extends PgRepository implements ReportStore {
  async dataset(programId: string): Promise<ReportDataset> {
    // One REPEATABLE READ transaction: every query below sees the same snapshot.
    return this.db.transaction(
      async () => ({
        people: await this.people(programId),
        experiments: await this.experiments(programId),
        surveys: await this.surveys(programId),
        nudges: await this.nudges(programId),
        budgetWeeks: await this.budgetWeeks(programId),
        pairs: await this.pairs(programId),
        milestones: await this.milestones(programId),
        alerts: await this.alerts(programId),
        assignments: await this.assignments(programId),
        programVersions: await this.programVersions(programId),
        notes: await this.notes(programId),
        reviews: await this.reviews(programId),
        proposals: await this.proposals(programId),
        voices: await this.voices(programId),
        checkins: await this.checkins(programId),
      }),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  private async proposals(programId: string): Promise<NonNullable<Dataset['proposals']>> {
    return (
      await this.all(
        `SELECT mentee_id, mentor_id, chosen_mentor_id, status, created_at, decided_at FROM match_proposals
         WHERE program_id = ? ORDER BY created_at, id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({
      menteeId: str(row.mentee_id),
      mentorId: str(row.mentor_id),
      chosenMentorId: strOrNull(row.chosen_mentor_id),
      status: str(row.status) as 'open' | 'approved' | 'changed' | 'rejected',
      createdAt: Number(row.created_at),
      decidedAt: numOrNull(row.decided_at),
    }));
  }

  private async voices(programId: string): Promise<NonNullable<Dataset['voices']>> {
    return (
      await this.all(
        `SELECT v.pair_id, v.participant_id, v.kind, v.at FROM pair_voices v JOIN pairs p ON p.id = v.pair_id
         WHERE p.program_id = ? ORDER BY v.at, v.id`,
        programId,
      )
    ).map((row) => ({
      pairId: str(row.pair_id),
      participantId: str(row.participant_id),
      kind: str(row.kind) as 'fine' | 'new_match',
      at: Number(row.at),
    }));
  }

  /** Each answer with the cadence of the charter version its round belongs to (round "v2-3": version 2). */
  private async checkins(programId: string): Promise<NonNullable<Dataset['checkins']>> {
    return (
      await this.all(
        `SELECT c.pair_id, c.round, c.participant_id, c.asked_at, c.answer, c.usefulness,
                v.data::jsonb ->> 'cadence' AS cadence
         FROM pair_checkins c JOIN pairs p ON p.id = c.pair_id
         LEFT JOIN charter_versions v ON v.pair_id = c.pair_id
           AND v.version = CAST(substring(c.round FROM '^v([0-9]+)-') AS INTEGER)
         WHERE p.program_id = ? ORDER BY c.asked_at, c.round COLLATE "C", c.participant_id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({
      pairId: str(row.pair_id),
      round: str(row.round),
      participantId: str(row.participant_id),
      askedAt: Number(row.asked_at),
      answer: strOrNull(row.answer) as MeetingAnswer | null,
      usefulness: numOrNull(row.usefulness),
      cadence: (strOrNull(row.cadence) ?? 'biweekly') as Cadence,
    }));
  }
  async pseudonymSecret(candidate: string): Promise<string> {
    // Insert-if-absent, then read: two first exports racing still end up with one secret.
    await this.run(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
      PSEUDONYM_SECRET_KEY,
      candidate,
    );
    return str((await this.one('SELECT value FROM meta WHERE key = ?', PSEUDONYM_SECRET_KEY))?.value);
  }

  private async people(programId: string): Promise<ReportPersonRow[]> {
    return (
      await this.all(
        `SELECT p.id, p.roles, COALESCE(a.arm, p.arm) AS arm, p.consent, p.consent_at, p.invited_at, p.created_at,
              p.attributes
       FROM participants p LEFT JOIN arm_assignments a ON a.participant_id = p.id
       WHERE p.program_id = ? AND p.kind = 'person' ORDER BY p.created_at, p.id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({
      id: str(row.id),
      roles: row.roles ? (JSON.parse(str(row.roles)) as ReportPersonRow['roles']) : [],
      arm: row.arm === 'control' ? 'control' : 'coached',
      attributes: row.attributes ? (JSON.parse(str(row.attributes)) as Record<string, string>) : {},
      consent: str(row.consent) as ConsentState,
      consentAt: numOrNull(row.consent_at),
      invitedAt: numOrNull(row.invited_at),
      createdAt: Number(row.created_at),
    }));
  }

  private async experiments(programId: string): Promise<ReportExperimentRow[]> {
    return (
      await this.all(
        `SELECT e.id, e.participant_id, e.kpi_unit, e.kpi_baseline, e.kpi_target, e.kpi_direction, e.status, e.created_at
       FROM experiments e WHERE e.participant_id IN (${PEOPLE}) ORDER BY e.created_at, e.id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({
      id: str(row.id),
      participantId: str(row.participant_id),
      kpiUnit: str(row.kpi_unit),
      kpiBaseline: Number(row.kpi_baseline),
      kpiTarget: Number(row.kpi_target),
      kpiDirection: str(row.kpi_direction) as ReportExperimentRow['kpiDirection'],
      status: str(row.status) as ReportExperimentRow['status'],
      createdAt: Number(row.created_at),
    }));
  }

  private async surveys(programId: string): Promise<ReportSurveyRow[]> {
    return (
      await this.all(
        `SELECT s.experiment_id, s.participant_id, s.checkpoint_day, s.status, s.sent_at, s.answered_at, s.practice, s.kpi_value, s.confidence
       FROM surveys s WHERE s.participant_id IN (${PEOPLE}) ORDER BY s.experiment_id COLLATE "C", s.checkpoint_day`,
        programId,
      )
    ).map((row) => ({
      experimentId: str(row.experiment_id),
      participantId: str(row.participant_id),
      checkpointDay: Number(row.checkpoint_day),
      status: str(row.status) as ReportSurveyRow['status'],
      sentAt: numOrNull(row.sent_at),
      answeredAt: numOrNull(row.answered_at),
      practice: numOrNull(row.practice),
      kpiValue: numOrNull(row.kpi_value),
      confidence: numOrNull(row.confidence),
    }));
  }

  /**
   * Nudges delivered (outbox status 'sent'), per person, and how many of exactly those got an answer. A nudge's
   * outbox key is `nudge:<participant>:<occurrence>`; its answer is stored under the same occurrence.
   */
  private async nudges(programId: string): Promise<ReportNudgeRow[]> {
    return (
      await this.all(
        `SELECT o.participant_id,
              COUNT(*) AS sent,
              SUM(CASE WHEN r.answer IS NOT NULL THEN 1 ELSE 0 END) AS answered,
              SUM(CASE WHEN r.answer = 'did' THEN 1 ELSE 0 END) AS did
       FROM outbox o
       LEFT JOIN (
         SELECT e.participant_id, n.occurrence, MIN(n.answer) AS answer
         FROM nudge_responses n JOIN experiments e ON e.id = n.experiment_id
         WHERE e.participant_id IN (${PEOPLE})
         GROUP BY e.participant_id, n.occurrence
       ) r ON r.participant_id = o.participant_id AND o.key = 'nudge:' || r.participant_id || ':' || r.occurrence
       WHERE o.kind = 'nudge' AND o.status = 'sent' AND o.participant_id IN (${PEOPLE})
       GROUP BY o.participant_id ORDER BY o.participant_id COLLATE "C"`,
        programId,
        programId,
      )
    ).map((row) => ({
      participantId: str(row.participant_id),
      sent: Number(row.sent),
      answered: Number(row.answered ?? 0),
      did: Number(row.did ?? 0),
    }));
  }

  private async budgetWeeks(programId: string): Promise<ReportBudgetRow[]> {
    return (
      await this.all(
        `SELECT participant_id, budget_week, COUNT(*) AS messages FROM outbox
       WHERE budgeted = 1 AND status = 'sent' AND participant_id IN (${PEOPLE})
       GROUP BY participant_id, budget_week ORDER BY participant_id COLLATE "C", budget_week COLLATE "C"`,
        programId,
      )
    ).map((row) => ({
      participantId: str(row.participant_id),
      week: str(row.budget_week),
      messages: Number(row.messages),
    }));
  }

  private async pairs(programId: string): Promise<ReportPairRow[]> {
    return (
      await this.all(
        `SELECT p.id, p.mentor_id, p.mentee_id, p.status, p.created_at, p.closed_at, p.replaces_pair_id,
              (SELECT MIN(c.mentor_confirmed_at) FROM charter_versions c WHERE c.pair_id = p.id) AS charter_confirmed_at
       FROM pairs p WHERE p.program_id = ? ORDER BY p.created_at, p.id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({
      id: str(row.id),
      mentorId: str(row.mentor_id),
      menteeId: str(row.mentee_id),
      status: str(row.status) as ReportPairRow['status'],
      createdAt: Number(row.created_at),
      closedAt: numOrNull(row.closed_at),
      replacesPairId: strOrNull(row.replaces_pair_id),
      charterConfirmedAt: numOrNull(row.charter_confirmed_at),
    }));
  }

  private async milestones(programId: string): Promise<ReportMilestoneRow[]> {
    return (
      await this.all(
        `SELECT m.pair_id, m.due_at, m.status, m.confirmed_at FROM milestones m JOIN pairs p ON p.id = m.pair_id
       WHERE p.program_id = ? ORDER BY m.pair_id COLLATE "C", m.charter_version, m.position`,
        programId,
      )
    ).map((row) => ({
      pairId: str(row.pair_id),
      dueAt: Number(row.due_at),
      status: str(row.status) as ReportMilestoneRow['status'],
      confirmedAt: numOrNull(row.confirmed_at),
    }));
  }

  private async alerts(programId: string): Promise<ReportAlertRow[]> {
    return (
      await this.all(
        `SELECT a.pair_id, a.status, a.created_at, a.handled_at, a.handled_by FROM curator_alerts a JOIN pairs p ON p.id = a.pair_id
       WHERE p.program_id = ? ORDER BY a.created_at, a.id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({
      pairId: str(row.pair_id),
      status: str(row.status) as ReportAlertRow['status'],
      createdAt: Number(row.created_at),
      handledAt: numOrNull(row.handled_at),
      actedOn: row.handled_by !== null && row.handled_by !== undefined,
    }));
  }

  private async assignments(programId: string): Promise<Dataset['assignments']> {
    return (
      await this.all(
        'SELECT * FROM arm_assignments WHERE program_id = ? ORDER BY batch, assigned_at, participant_id COLLATE "C"',
        programId,
      )
    ).map(toAssignment);
  }

  private async programVersions(programId: string): Promise<EvaluationVersion[]> {
    return (
      await this.all(
        'SELECT version, settings, applied_at FROM program_versions WHERE program_id = ? ORDER BY version',
        programId,
      )
    ).map((row) => ({
      version: Number(row.version),
      appliedAt: Number(row.applied_at),
      evaluation: ((JSON.parse(str(row.settings)) as ProgramSettings).evaluation ??
        null) as EvaluationSettings | null,
    }));
  }

  private async notes(programId: string): Promise<Dataset['notes']> {
    return (
      await this.all(
        `SELECT id, date, text FROM program_notes WHERE program_id = ? AND removed_at IS NULL ORDER BY date COLLATE "C", created_at, id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({ id: str(row.id), date: str(row.date), text: str(row.text) }));
  }

  private async reviews(programId: string): Promise<Dataset['reviews']> {
    return (
      await this.all('SELECT stage, at FROM program_reviews WHERE program_id = ? ORDER BY at, id', programId)
    ).map((row) => ({ stage: str(row.stage) as ReviewStage, at: Number(row.at) }));
  }
}
