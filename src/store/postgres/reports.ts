import type { EvaluationVersion } from '../../core/evaluation.js';
import {
  PEOPLE,
  PSEUDONYM_SECRET_KEY,
  toEvaluationVersion,
  toReportAlert,
  toReportBudget,
  toReportCheckin,
  toReportExperiment,
  toReportMilestone,
  toReportNote,
  toReportNudge,
  toReportPair,
  toReportPerson,
  toReportProposal,
  toReportReview,
  toReportSurvey,
  toReportVoice,
} from '../report-rows.js';
import { str, toAssignment } from '../rows.js';
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
} from '../types.js';
import { PgRepository } from './database.js';

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
    ).map(toReportProposal);
  }

  private async voices(programId: string): Promise<NonNullable<Dataset['voices']>> {
    return (
      await this.all(
        `SELECT v.pair_id, v.participant_id, v.kind, v.at FROM pair_voices v JOIN pairs p ON p.id = v.pair_id
         WHERE p.program_id = ? ORDER BY v.at, v.id`,
        programId,
      )
    ).map(toReportVoice);
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
    ).map(toReportCheckin);
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
    ).map(toReportPerson);
  }

  private async experiments(programId: string): Promise<ReportExperimentRow[]> {
    return (
      await this.all(
        `SELECT e.id, e.participant_id, e.kpi_unit, e.kpi_baseline, e.kpi_target, e.kpi_direction, e.status, e.created_at
       FROM experiments e WHERE e.participant_id IN (${PEOPLE}) ORDER BY e.created_at, e.id COLLATE "C"`,
        programId,
      )
    ).map(toReportExperiment);
  }

  private async surveys(programId: string): Promise<ReportSurveyRow[]> {
    return (
      await this.all(
        `SELECT s.experiment_id, s.participant_id, s.checkpoint_day, s.status, s.sent_at, s.answered_at, s.practice, s.kpi_value, s.confidence
       FROM surveys s WHERE s.participant_id IN (${PEOPLE}) ORDER BY s.experiment_id COLLATE "C", s.checkpoint_day`,
        programId,
      )
    ).map(toReportSurvey);
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
    ).map(toReportNudge);
  }

  private async budgetWeeks(programId: string): Promise<ReportBudgetRow[]> {
    return (
      await this.all(
        `SELECT participant_id, budget_week, COUNT(*) AS messages FROM outbox
       WHERE budgeted = 1 AND status = 'sent' AND participant_id IN (${PEOPLE})
       GROUP BY participant_id, budget_week ORDER BY participant_id COLLATE "C", budget_week COLLATE "C"`,
        programId,
      )
    ).map(toReportBudget);
  }

  private async pairs(programId: string): Promise<ReportPairRow[]> {
    return (
      await this.all(
        `SELECT p.id, p.mentor_id, p.mentee_id, p.status, p.created_at, p.closed_at, p.replaces_pair_id,
              (SELECT MIN(c.mentor_confirmed_at) FROM charter_versions c WHERE c.pair_id = p.id) AS charter_confirmed_at
       FROM pairs p WHERE p.program_id = ? ORDER BY p.created_at, p.id COLLATE "C"`,
        programId,
      )
    ).map(toReportPair);
  }

  private async milestones(programId: string): Promise<ReportMilestoneRow[]> {
    return (
      await this.all(
        `SELECT m.pair_id, m.due_at, m.status, m.confirmed_at FROM milestones m JOIN pairs p ON p.id = m.pair_id
       WHERE p.program_id = ? ORDER BY m.pair_id COLLATE "C", m.charter_version, m.position`,
        programId,
      )
    ).map(toReportMilestone);
  }

  private async alerts(programId: string): Promise<ReportAlertRow[]> {
    return (
      await this.all(
        `SELECT a.pair_id, a.status, a.created_at, a.handled_at, a.handled_by FROM curator_alerts a JOIN pairs p ON p.id = a.pair_id
       WHERE p.program_id = ? ORDER BY a.created_at, a.id COLLATE "C"`,
        programId,
      )
    ).map(toReportAlert);
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
    ).map(toEvaluationVersion);
  }

  private async notes(programId: string): Promise<Dataset['notes']> {
    return (
      await this.all(
        `SELECT id, date, text FROM program_notes WHERE program_id = ? AND removed_at IS NULL ORDER BY date COLLATE "C", created_at, id COLLATE "C"`,
        programId,
      )
    ).map(toReportNote);
  }

  private async reviews(programId: string): Promise<Dataset['reviews']> {
    return (
      await this.all('SELECT stage, at FROM program_reviews WHERE program_id = ? ORDER BY at, id', programId)
    ).map(toReportReview);
  }
}
