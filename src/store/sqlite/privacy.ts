import type { ConsentEntry, PrivacyStore, PurgeSummary } from '../types.js';
import { SqlRepository } from './sql.js';

const ERASED = '[erased]';
const EMPTY_MESSAGE = JSON.stringify({ text: '', blocks: [] });

/** Consent ledger, erasure and retention: the SQL that removes data. */
export class SqlitePrivacyStore extends SqlRepository implements PrivacyStore {
  async recordConsent(entry: ConsentEntry): Promise<void> {
    this.recordConsentNow(entry);
  }

  /** The ledger entry written at once, inside the caller's transaction if there is one. */
  recordConsentNow(entry: ConsentEntry): void {
    this.run(
      'INSERT INTO consent_ledger (participant_id, at, decision, scope, channel) VALUES (?, ?, ?, ?, ?)',
      entry.participantId,
      entry.at,
      entry.decision,
      entry.scope,
      entry.channel,
    );
  }

  async consentHistory(participantId: string): Promise<ConsentEntry[]> {
    return this.all(
      'SELECT * FROM consent_ledger WHERE participant_id = ? ORDER BY at, id',
      participantId,
    ).map((row) => ({
      participantId: String(row.participant_id),
      at: Number(row.at),
      decision: String(row.decision) as ConsentEntry['decision'],
      scope: String(row.scope),
      channel: String(row.channel),
    }));
  }

  async erase(participantId: string, now: number) {
    return this.tx(() => {
      // What a channel keeps about the person (e.g. where to reach them) goes with them.
      const who = this.all(
        'SELECT platform, workspace_id, user_id FROM participants WHERE id = ?',
        participantId,
      )[0];
      if (who) {
        this.run(
          'DELETE FROM channel_state WHERE platform = ? AND owner_workspace_id = ? AND owner_user_id = ?',
          String(who.platform),
          String(who.workspace_id),
          String(who.user_id),
        );
      }
      this.run(
        `UPDATE participants SET user_id = 'erased:' || id, email = NULL, display_name = NULL, timezone = NULL, working_days = NULL,
           language = NULL, roster_language = NULL, platform_locale = NULL,
           quiet_hours = NULL, address = NULL, consent = 'opted_out', consent_at = ?, reachable = 0, erased_at = ?,
           attributes = '{}'
         WHERE id = ?`,
        now,
        now,
        participantId,
      );
      this.run('UPDATE pair_voices SET note = NULL WHERE participant_id = ?', participantId);
      this.run('UPDATE pair_checkins SET note = NULL WHERE participant_id = ?', participantId);
      // The person's own "not with" list, and their place on anyone else's.
      this.run('DELETE FROM not_with WHERE owner_id = ?', participantId);
      if (who)
        this.run(
          'DELETE FROM not_with WHERE platform = ? AND workspace_id = ? AND user_id = ?',
          String(who.platform),
          String(who.workspace_id),
          String(who.user_id),
        );
      // Matching proposals name the person and carry their roster attributes among the reasons.
      this.run(
        'DELETE FROM match_proposals WHERE mentee_id = ? OR mentor_id = ? OR chosen_mentor_id = ?',
        participantId,
        participantId,
        participantId,
      );
      for (const row of this.all(
        `SELECT id, alternatives FROM match_proposals WHERE instr(alternatives, ?) > 0`,
        JSON.stringify(participantId),
      )) {
        const kept = (JSON.parse(String(row.alternatives)) as { mentorId: string }[]).filter(
          (a) => a.mentorId !== participantId,
        );
        this.run(
          'UPDATE match_proposals SET alternatives = ? WHERE id = ?',
          JSON.stringify(kept),
          String(row.id),
        );
      }
      // The arm stays (totals still add up); the stratum names the person's department and level.
      this.run(`UPDATE arm_assignments SET stratum = 'erased' WHERE participant_id = ?`, participantId);
      this.run(
        `UPDATE jobs SET state = 'cancelled', result = 'erased on request', version = version + 1 WHERE participant_id = ? AND state = 'scheduled'`,
        participantId,
      );
      this.run(
        `UPDATE outbox SET status = 'cancelled', reason = 'erased on request', claim_token = NULL WHERE participant_id = ? AND status IN ('pending', 'sending')`,
        participantId,
      );
      // Where a message went (e.g. the person's DM channel) identifies them as much as their user id.
      this.run('UPDATE outbox SET provider_ref = NULL WHERE participant_id = ?', participantId);
      const messagesCleared = this.run(
        'UPDATE outbox SET message = ? WHERE participant_id = ?',
        EMPTY_MESSAGE,
        participantId,
      ).changes;
      const experiments = this.all('SELECT id FROM experiments WHERE participant_id = ?', participantId).map(
        (r) => String(r.id),
      );
      for (const id of experiments) {
        this.run(
          `UPDATE experiments SET behavior = ?, hypothesis = ?, kpi_name = ?, status = CASE WHEN status IN ('active', 'paused') THEN 'abandoned' ELSE status END
           WHERE id = ?`,
          ERASED,
          ERASED,
          ERASED,
          id,
        );
        this.run('DELETE FROM experiment_versions WHERE experiment_id = ?', id);
        this.run('UPDATE surveys SET note = NULL WHERE experiment_id = ?', id);
        this.run(
          `DELETE FROM survey_changes WHERE field = 'note' AND survey_id IN (SELECT id FROM surveys WHERE experiment_id = ?)`,
          id,
        );
        this.run(
          `UPDATE jobs SET state = 'cancelled', result = 'erased on request', version = version + 1 WHERE subject_id = ? AND state = 'scheduled'`,
          id,
        );
      }
      const pairs = this.all(
        'SELECT id, status FROM pairs WHERE mentor_id = ? OR mentee_id = ?',
        participantId,
        participantId,
      );
      let pairsClosed = 0;
      for (const pair of pairs) {
        const id = String(pair.id);
        if (pair.status === 'active') {
          this.run(
            `UPDATE pairs SET status = 'closed', closed_at = ?, close_reason = 'a member asked to be forgotten' WHERE id = ?`,
            now,
            id,
          );
          this.run(
            `UPDATE jobs SET state = 'cancelled', result = 'erased on request', version = version + 1 WHERE subject_id = ? AND state = 'scheduled'`,
            id,
          );
          pairsClosed += 1;
        }
        this.run('DELETE FROM charter_drafts WHERE pair_id = ?', id);
        this.run(`UPDATE charter_versions SET data = '{}', comment = NULL WHERE pair_id = ?`, id);
        for (const m of this.all('SELECT id FROM milestones WHERE pair_id = ?', id)) {
          this.run(
            `UPDATE jobs SET state = 'cancelled', result = 'erased on request', version = version + 1 WHERE subject_id = ? AND state = 'scheduled'`,
            String(m.id),
          );
        }
        this.run('UPDATE milestones SET description = ?, note = NULL WHERE pair_id = ?', ERASED, id);
        for (const alert of this.all('SELECT id, reasons FROM curator_alerts WHERE pair_id = ?', id)) {
          const reasons = (JSON.parse(String(alert.reasons)) as { signal: string; points: number }[]).map(
            (r) => ({ signal: r.signal, points: r.points, text: r.signal.replaceAll('_', ' ') }),
          );
          this.run(
            `UPDATE curator_alerts SET reasons = ?, status = CASE WHEN status = 'handled' THEN status ELSE 'handled' END,
             action = COALESCE(action, 'closed') WHERE id = ?`,
            JSON.stringify(reasons),
            String(alert.id),
          );
        }
      }
      this.run(
        `INSERT INTO consent_ledger (participant_id, at, decision, scope, channel) VALUES (?, ?, 'erased', 'personal data and free text', 'request')`,
        participantId,
        now,
      );
      return { experiments: experiments.length, pairsClosed, messagesCleared };
    });
  }

  async settleErasure(): Promise<{ complete: boolean }> {
    if (this.db.memory) return { complete: true };
    // Deleted cells and freed pages are zeroed (secure_delete, set when the file is opened); the checkpoint
    // copies the zeroed pages over the old ones in the main file, and TRUNCATE leaves a WAL of zero bytes.
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return { complete: (result?.busy ?? 0) === 0 };
  }

  async purge(programId: string, freeTextBefore: number, aggregatesBefore: number): Promise<PurgeSummary> {
    return this.tx(() => {
      const people = `SELECT id FROM participants WHERE program_id = @program`;
      const p = { program: programId, text: freeTextBefore, all: aggregatesBefore };
      this.db
        .prepare(
          `UPDATE pair_voices SET note = NULL WHERE note IS NOT NULL AND at < @text AND participant_id IN (${people})`,
        )
        .run(p);
      this.db
        .prepare(
          `UPDATE pair_checkins SET note = NULL WHERE note IS NOT NULL AND answered_at < @text AND participant_id IN (${people})`,
        )
        .run(p);
      const notesCleared =
        this.db
          .prepare(
            `UPDATE surveys SET note = NULL WHERE note IS NOT NULL AND answered_at < @text AND participant_id IN (${people})`,
          )
          .run(p).changes +
        this.db
          .prepare(
            `UPDATE milestones SET note = NULL WHERE note IS NOT NULL AND confirmed_at < @text AND pair_id IN (SELECT id FROM pairs WHERE program_id = @program)`,
          )
          .run(p).changes;
      this.db
        .prepare(
          `DELETE FROM survey_changes WHERE at < @text AND survey_id IN (SELECT id FROM surveys WHERE participant_id IN (${people}))`,
        )
        .run(p);
      const messageBodiesCleared = this.db
        .prepare(
          `UPDATE outbox SET message = '${EMPTY_MESSAGE}' WHERE status IN ('sent', 'failed', 'expired', 'cancelled') AND created_at < @text AND message != '${EMPTY_MESSAGE}' AND participant_id IN (${people})`,
        )
        .run(p).changes;
      const interactionEventsDeleted = this.db
        .prepare(
          `DELETE FROM nudge_responses WHERE at < @text AND experiment_id IN (SELECT id FROM experiments WHERE participant_id IN (${people}))`,
        )
        .run(p).changes;
      this.db
        .prepare('DELETE FROM inbound_deliveries WHERE received_at < @text')
        .run({ text: freeTextBefore });
      this.db
        .prepare(
          `DELETE FROM charter_drafts WHERE updated_at < @text AND pair_id IN (SELECT id FROM pairs WHERE program_id = @program AND status = 'closed')`,
        )
        .run(p);
      const outboxRowsDeleted = this.db
        .prepare(
          `DELETE FROM outbox WHERE created_at < @all AND status NOT IN ('pending', 'sending') AND participant_id IN (${people})`,
        )
        .run(p).changes;
      const experimentsDeleted = this.db
        .prepare(
          `DELETE FROM experiments WHERE participant_id IN (${people})
             AND (end_date < date(@all / 1000, 'unixepoch') OR (status = 'abandoned' AND updated_at < @all))`,
        )
        .run(p).changes;
      this.db
        .prepare(
          `DELETE FROM pair_checkins WHERE pair_id IN (SELECT id FROM pairs WHERE status = 'closed' AND closed_at < @all AND program_id = @program AND id NOT IN (SELECT replaces_pair_id FROM pairs WHERE replaces_pair_id IS NOT NULL))`,
        )
        .run(p);
      const pairsDeleted = this.db
        .prepare(
          `DELETE FROM pairs WHERE status = 'closed' AND closed_at < @all AND program_id = @program AND id NOT IN (SELECT replaces_pair_id FROM pairs WHERE replaces_pair_id IS NOT NULL)`,
        )
        .run(p).changes;
      return {
        notesCleared,
        messageBodiesCleared,
        interactionEventsDeleted,
        experimentsDeleted,
        pairsDeleted,
        outboxRowsDeleted,
      };
    });
  }
}
