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
import { toAssignment } from '../rows.js';
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
import { type Row, SqlRepository, str } from './sql.js';

/**
 * The SQL of the outcome report. Every query reads; each selects only the columns the report needs,
 * so names, email addresses, platform ids and typed text never leave the database through it.
 */
export class SqliteReportStore extends SqlRepository implements ReportStore {
  async dataset(programId: string): Promise<ReportDataset> {
    // One deferred transaction: in WAL mode every query below sees the same snapshot.
    return this.db.transaction(() => ({
      people: this.people(programId),
      experiments: this.experiments(programId),
      surveys: this.surveys(programId),
      nudges: this.nudges(programId),
      budgetWeeks: this.budgetWeeks(programId),
      pairs: this.pairs(programId),
      milestones: this.milestones(programId),
      alerts: this.alerts(programId),
      assignments: this.assignments(programId),
      programVersions: this.programVersions(programId),
      notes: this.notes(programId),
      reviews: this.reviews(programId),
      proposals: this.all(
        `SELECT mentee_id, mentor_id, chosen_mentor_id, status, created_at, decided_at FROM match_proposals
         WHERE program_id = ? ORDER BY created_at, id`,
        programId,
      ).map(toReportProposal),
      voices: this.all(
        `SELECT v.pair_id, v.participant_id, v.kind, v.at FROM pair_voices v JOIN pairs p ON p.id = v.pair_id
         WHERE p.program_id = ? ORDER BY v.at, v.id`,
        programId,
      ).map(toReportVoice),
      checkins: this.all(
        `SELECT c.pair_id, c.round, c.participant_id, c.asked_at, c.answer, c.usefulness,
                json_extract(v.data, '$.cadence') AS cadence
         FROM pair_checkins c JOIN pairs p ON p.id = c.pair_id
         LEFT JOIN charter_versions v ON v.pair_id = c.pair_id
           AND v.version = CAST(substr(c.round, 2, instr(c.round, '-') - 2) AS INTEGER)
         WHERE p.program_id = ? ORDER BY c.asked_at, c.round, c.participant_id`,
        programId,
      ).map(toReportCheckin),
    }))();
  }

  async pseudonymSecret(candidate: string): Promise<string> {
    // Insert-if-absent, then read: two first exports racing still end up with one secret.
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
      .run(PSEUDONYM_SECRET_KEY, candidate);
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(PSEUDONYM_SECRET_KEY) as
      | Row
      | undefined;
    return str(row?.value);
  }

  private people(programId: string): ReportPersonRow[] {
    return this.all(
      `SELECT p.id, p.roles, COALESCE(a.arm, p.arm) AS arm, p.consent, p.consent_at, p.invited_at, p.created_at,
              p.attributes
       FROM participants p LEFT JOIN arm_assignments a ON a.participant_id = p.id
       WHERE p.program_id = ? AND p.kind = 'person' ORDER BY p.created_at, p.id`,
      programId,
    ).map(toReportPerson);
  }

  private experiments(programId: string): ReportExperimentRow[] {
    return this.all(
      `SELECT e.id, e.participant_id, e.kpi_unit, e.kpi_baseline, e.kpi_target, e.kpi_direction, e.status, e.created_at
       FROM experiments e WHERE e.participant_id IN (${PEOPLE}) ORDER BY e.created_at, e.id`,
      programId,
    ).map(toReportExperiment);
  }

  private surveys(programId: string): ReportSurveyRow[] {
    return this.all(
      `SELECT s.experiment_id, s.participant_id, s.checkpoint_day, s.status, s.sent_at, s.answered_at, s.practice, s.kpi_value, s.confidence
       FROM surveys s WHERE s.participant_id IN (${PEOPLE}) ORDER BY s.experiment_id, s.checkpoint_day`,
      programId,
    ).map(toReportSurvey);
  }

  /**
   * Nudges delivered (outbox status 'sent'), per person, and how many of exactly those got an answer. A nudge's
   * outbox key is `nudge:<participant>:<occurrence>`; its answer is stored under the same occurrence.
   */
  private nudges(programId: string): ReportNudgeRow[] {
    return this.all(
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
       GROUP BY o.participant_id ORDER BY o.participant_id`,
      programId,
      programId,
    ).map(toReportNudge);
  }

  private budgetWeeks(programId: string): ReportBudgetRow[] {
    return this.all(
      `SELECT participant_id, budget_week, COUNT(*) AS messages FROM outbox
       WHERE budgeted = 1 AND status = 'sent' AND participant_id IN (${PEOPLE})
       GROUP BY participant_id, budget_week ORDER BY participant_id, budget_week`,
      programId,
    ).map(toReportBudget);
  }

  private pairs(programId: string): ReportPairRow[] {
    return this.all(
      `SELECT p.id, p.mentor_id, p.mentee_id, p.status, p.created_at, p.closed_at, p.replaces_pair_id,
              (SELECT MIN(c.mentor_confirmed_at) FROM charter_versions c WHERE c.pair_id = p.id) AS charter_confirmed_at
       FROM pairs p WHERE p.program_id = ? ORDER BY p.created_at, p.id`,
      programId,
    ).map(toReportPair);
  }

  private milestones(programId: string): ReportMilestoneRow[] {
    return this.all(
      `SELECT m.pair_id, m.due_at, m.status, m.confirmed_at FROM milestones m JOIN pairs p ON p.id = m.pair_id
       WHERE p.program_id = ? ORDER BY m.pair_id, m.charter_version, m.position`,
      programId,
    ).map(toReportMilestone);
  }

  private alerts(programId: string): ReportAlertRow[] {
    return this.all(
      `SELECT a.pair_id, a.status, a.created_at, a.handled_at, a.handled_by FROM curator_alerts a JOIN pairs p ON p.id = a.pair_id
       WHERE p.program_id = ? ORDER BY a.created_at, a.id`,
      programId,
    ).map(toReportAlert);
  }

  private assignments(programId: string): Dataset['assignments'] {
    return this.all(
      'SELECT * FROM arm_assignments WHERE program_id = ? ORDER BY batch, assigned_at, participant_id',
      programId,
    ).map(toAssignment);
  }

  private programVersions(programId: string): EvaluationVersion[] {
    return this.all(
      'SELECT version, settings, applied_at FROM program_versions WHERE program_id = ? ORDER BY version',
      programId,
    ).map(toEvaluationVersion);
  }

  private notes(programId: string): Dataset['notes'] {
    return this.all(
      `SELECT id, date, text FROM program_notes WHERE program_id = ? AND removed_at IS NULL ORDER BY date, created_at, id`,
      programId,
    ).map(toReportNote);
  }

  private reviews(programId: string): Dataset['reviews'] {
    return this.all(
      'SELECT stage, at FROM program_reviews WHERE program_id = ? ORDER BY at, id',
      programId,
    ).map(toReportReview);
  }
}
