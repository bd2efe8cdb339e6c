import type { ConsentEntry, PrivacyStore, PurgeSummary } from '../types.js';
import { PgRepository } from './database.js';

const ERASED = '[erased]';
const EMPTY_MESSAGE = JSON.stringify({ text: '', blocks: [] });
const CANCEL_JOBS_OF_SUBJECT = `UPDATE jobs SET state = 'cancelled', result = 'erased on request', version = version + 1
  WHERE subject_id = ? AND state = 'scheduled'`;

/** Every table that holds, or held, a person's data or free text: VACUUM removes their dead row versions. */
const PERSONAL_TABLES = [
  'participants',
  'channel_state',
  'pair_voices',
  'pair_checkins',
  'not_with',
  'match_proposals',
  'arm_assignments',
  'outbox',
  'experiments',
  'experiment_versions',
  'surveys',
  'survey_changes',
  'nudge_responses',
  'inbound_deliveries',
  'pairs',
  'charter_drafts',
  'charter_versions',
  'milestones',
  'curator_alerts',
];

/**
 * Consent ledger, erasure and retention on PostgreSQL: the same rows are changed and deleted as on SQLite. What
 * PostgreSQL keeps of deleted rows afterwards (dead row versions until VACUUM, the write-ahead log until it is
 * recycled, and backups) is described at `settleErasure`.
 */
export class PostgresPrivacyStore extends PgRepository implements PrivacyStore {
  async recordConsent(entry: ConsentEntry): Promise<void> {
    await this.run(
      'INSERT INTO consent_ledger (participant_id, at, decision, scope, channel) VALUES (?, ?, ?, ?, ?)',
      entry.participantId,
      entry.at,
      entry.decision,
      entry.scope,
      entry.channel,
    );
  }

  async consentHistory(participantId: string): Promise<ConsentEntry[]> {
    return (
      await this.all('SELECT * FROM consent_ledger WHERE participant_id = ? ORDER BY at, id', participantId)
    ).map((row) => ({
      participantId: String(row.participant_id),
      at: Number(row.at),
      decision: String(row.decision) as ConsentEntry['decision'],
      scope: String(row.scope),
      channel: String(row.channel),
    }));
  }

  async erase(participantId: string, now: number) {
    return this.tx(async () => {
      // The person's row is locked first, so that a concurrent write about them waits for the erasure.
      const who = await this.one(
        'SELECT platform, workspace_id, user_id FROM participants WHERE id = ? FOR UPDATE',
        participantId,
      );
      // What a channel keeps about the person (e.g. where to reach them) goes with them.
      if (who) {
        await this.run(
          'DELETE FROM channel_state WHERE platform = ? AND owner_workspace_id = ? AND owner_user_id = ?',
          String(who.platform),
          String(who.workspace_id),
          String(who.user_id),
        );
      }
      await this.run(
        `UPDATE participants SET user_id = 'erased:' || id, email = NULL, display_name = NULL, timezone = NULL, working_days = NULL,
           language = NULL, roster_language = NULL, platform_locale = NULL,
           quiet_hours = NULL, address = NULL, consent = 'opted_out', consent_at = ?, reachable = 0, erased_at = ?,
           attributes = '{}'
         WHERE id = ?`,
        now,
        now,
        participantId,
      );
      await this.run('UPDATE pair_voices SET note = NULL WHERE participant_id = ?', participantId);
      await this.run('UPDATE pair_checkins SET note = NULL WHERE participant_id = ?', participantId);
      // The person's own "not with" list, and their place on anyone else's.
      await this.run('DELETE FROM not_with WHERE owner_id = ?', participantId);
      if (who)
        await this.run(
          'DELETE FROM not_with WHERE platform = ? AND workspace_id = ? AND user_id = ?',
          String(who.platform),
          String(who.workspace_id),
          String(who.user_id),
        );
      // Matching proposals name the person and carry their roster attributes among the reasons.
      await this.run(
        'DELETE FROM match_proposals WHERE mentee_id = ? OR mentor_id = ? OR chosen_mentor_id = ?',
        participantId,
        participantId,
        participantId,
      );
      for (const row of await this.all(
        'SELECT id, alternatives FROM match_proposals WHERE strpos(alternatives, ?) > 0',
        JSON.stringify(participantId),
      )) {
        const kept = (JSON.parse(String(row.alternatives)) as { mentorId: string }[]).filter(
          (a) => a.mentorId !== participantId,
        );
        await this.run(
          'UPDATE match_proposals SET alternatives = ? WHERE id = ?',
          JSON.stringify(kept),
          String(row.id),
        );
      }
      // The arm stays (totals still add up); the stratum names the person's department and level.
      await this.run(`UPDATE arm_assignments SET stratum = 'erased' WHERE participant_id = ?`, participantId);
      await this.run(
        `UPDATE jobs SET state = 'cancelled', result = 'erased on request', version = version + 1 WHERE participant_id = ? AND state = 'scheduled'`,
        participantId,
      );
      await this.run(
        `UPDATE outbox SET status = 'cancelled', reason = 'erased on request', claim_token = NULL WHERE participant_id = ? AND status IN ('pending', 'sending')`,
        participantId,
      );
      // Where a message went (e.g. the person's DM channel) identifies them as much as their user id.
      await this.run('UPDATE outbox SET provider_ref = NULL WHERE participant_id = ?', participantId);
      const messagesCleared = await this.run(
        'UPDATE outbox SET message = ? WHERE participant_id = ?',
        EMPTY_MESSAGE,
        participantId,
      );
      const experiments = (
        await this.all('SELECT id FROM experiments WHERE participant_id = ?', participantId)
      ).map((r) => String(r.id));
      for (const id of experiments) {
        await this.run(
          `UPDATE experiments SET behavior = ?, hypothesis = ?, kpi_name = ?, status = CASE WHEN status IN ('active', 'paused') THEN 'abandoned' ELSE status END
           WHERE id = ?`,
          ERASED,
          ERASED,
          ERASED,
          id,
        );
        await this.run('DELETE FROM experiment_versions WHERE experiment_id = ?', id);
        await this.run('UPDATE surveys SET note = NULL WHERE experiment_id = ?', id);
        await this.run(
          `DELETE FROM survey_changes WHERE field = 'note' AND survey_id IN (SELECT id FROM surveys WHERE experiment_id = ?)`,
          id,
        );
        await this.run(CANCEL_JOBS_OF_SUBJECT, id);
      }
      const pairs = await this.all(
        'SELECT id, status FROM pairs WHERE mentor_id = ? OR mentee_id = ?',
        participantId,
        participantId,
      );
      let pairsClosed = 0;
      for (const pair of pairs) {
        const id = String(pair.id);
        if (pair.status === 'active') {
          await this.run(
            `UPDATE pairs SET status = 'closed', closed_at = ?, close_reason = 'a member asked to be forgotten' WHERE id = ?`,
            now,
            id,
          );
          await this.run(CANCEL_JOBS_OF_SUBJECT, id);
          pairsClosed += 1;
        }
        await this.run('DELETE FROM charter_drafts WHERE pair_id = ?', id);
        await this.run(`UPDATE charter_versions SET data = '{}', comment = NULL WHERE pair_id = ?`, id);
        for (const m of await this.all('SELECT id FROM milestones WHERE pair_id = ?', id))
          await this.run(CANCEL_JOBS_OF_SUBJECT, String(m.id));
        await this.run('UPDATE milestones SET description = ?, note = NULL WHERE pair_id = ?', ERASED, id);
        for (const alert of await this.all('SELECT id, reasons FROM curator_alerts WHERE pair_id = ?', id)) {
          const reasons = (JSON.parse(String(alert.reasons)) as { signal: string; points: number }[]).map(
            (r) => ({
              signal: r.signal,
              points: r.points,
              text: r.signal.replaceAll('_', ' '),
            }),
          );
          await this.run(
            `UPDATE curator_alerts SET reasons = ?, status = CASE WHEN status = 'handled' THEN status ELSE 'handled' END,
             action = COALESCE(action, 'closed') WHERE id = ?`,
            JSON.stringify(reasons),
            String(alert.id),
          );
        }
      }
      await this.run(
        `INSERT INTO consent_ledger (participant_id, at, decision, scope, channel) VALUES (?, ?, 'erased', 'personal data and free text', 'request')`,
        participantId,
        now,
      );
      return { experiments: experiments.length, pairsClosed, messagesCleared };
    });
  }

  /**
   * On PostgreSQL an UPDATE or DELETE leaves the old row version in the table file as a dead tuple until VACUUM
   * removes it, and the change is in the write-ahead log until a checkpoint lets the segment be recycled. This runs
   * VACUUM on every table that holds personal data, so the dead versions leave the tables (their space is marked
   * free; PostgreSQL does not promise to overwrite the bytes, which later writes reuse). It cannot shorten the WAL:
   * segments are recycled after checkpoints (by default at least every five minutes), and archived WAL, base
   * backups and replicas keep their copies for as long as they are retained. `complete` is false when another
   * session held a snapshot that may still see the old versions, so VACUUM had to keep them; the next call (or
   * autovacuum) finishes the work.
   */
  async settleErasure(): Promise<{ complete: boolean }> {
    const client = await this.db.pool.connect();
    try {
      const readers = await client.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL`,
      );
      await client.query(`VACUUM ${PERSONAL_TABLES.join(', ')}`);
      return { complete: Number(readers.rows[0]?.n ?? 0) === 0 };
    } finally {
      client.release();
    }
  }

  async purge(programId: string, freeTextBefore: number, aggregatesBefore: number): Promise<PurgeSummary> {
    return this.tx(async () => {
      const people = `SELECT id FROM participants WHERE program_id = ?`;
      const text = freeTextBefore;
      const all = aggregatesBefore;
      await this.run(
        `UPDATE pair_voices SET note = NULL WHERE note IS NOT NULL AND at < ? AND participant_id IN (${people})`,
        text,
        programId,
      );
      await this.run(
        `UPDATE pair_checkins SET note = NULL WHERE note IS NOT NULL AND answered_at < ? AND participant_id IN (${people})`,
        text,
        programId,
      );
      const notesCleared =
        (await this.run(
          `UPDATE surveys SET note = NULL WHERE note IS NOT NULL AND answered_at < ? AND participant_id IN (${people})`,
          text,
          programId,
        )) +
        (await this.run(
          `UPDATE milestones SET note = NULL WHERE note IS NOT NULL AND confirmed_at < ? AND pair_id IN (SELECT id FROM pairs WHERE program_id = ?)`,
          text,
          programId,
        ));
      await this.run(
        `DELETE FROM survey_changes WHERE at < ? AND survey_id IN (SELECT id FROM surveys WHERE participant_id IN (${people}))`,
        text,
        programId,
      );
      const messageBodiesCleared = await this.run(
        `UPDATE outbox SET message = ? WHERE status IN ('sent', 'failed', 'expired', 'cancelled') AND created_at < ? AND message != ?
           AND participant_id IN (${people})`,
        EMPTY_MESSAGE,
        text,
        EMPTY_MESSAGE,
        programId,
      );
      const interactionEventsDeleted = await this.run(
        `DELETE FROM nudge_responses WHERE at < ? AND experiment_id IN (SELECT id FROM experiments WHERE participant_id IN (${people}))`,
        text,
        programId,
      );
      await this.run('DELETE FROM inbound_deliveries WHERE received_at < ?', text);
      await this.run(
        `DELETE FROM charter_drafts WHERE updated_at < ? AND pair_id IN (SELECT id FROM pairs WHERE program_id = ? AND status = 'closed')`,
        text,
        programId,
      );
      const outboxRowsDeleted = await this.run(
        `DELETE FROM outbox WHERE created_at < ? AND status NOT IN ('pending', 'sending') AND participant_id IN (${people})`,
        all,
        programId,
      );
      // end_date is a local date (YYYY-MM-DD); SQLite compares it with date(@all / 1000, 'unixepoch'), the UTC day.
      const experimentsDeleted = await this.run(
        `DELETE FROM experiments WHERE participant_id IN (${people})
           AND (end_date < to_char(to_timestamp(?::bigint / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')
             OR (status = 'abandoned' AND updated_at < ?))`,
        programId,
        all,
        all,
      );
      const closedPairs = `SELECT id FROM pairs WHERE status = 'closed' AND closed_at < ? AND program_id = ?
        AND id NOT IN (SELECT replaces_pair_id FROM pairs WHERE replaces_pair_id IS NOT NULL)`;
      await this.run(`DELETE FROM pair_checkins WHERE pair_id IN (${closedPairs})`, all, programId);
      const pairsDeleted = await this.run(`DELETE FROM pairs WHERE id IN (${closedPairs})`, all, programId);
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
