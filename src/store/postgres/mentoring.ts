import type { Charter, CharterDraft } from '../../core/charter.js';
import type { CharterVersion, CuratorAlert, Milestone, Pair } from '../../core/mentoring.js';
import type { NextRun } from '../../core/schedule.js';
import { str, toAlert, toCharter, toMilestone, toPair } from '../rows.js';
import type { CharterDraftRecord, MentoringStore, NewPair } from '../types.js';
import { type PgDatabase, PgRepository } from './database.js';

const CHARTER = 'SELECT * FROM charter_versions WHERE pair_id = ? AND version = ?';

/** Pairs, charters, milestones and curator alerts on PostgreSQL. */
export class PostgresMentoringStore extends PgRepository implements MentoringStore {
  constructor(
    db: PgDatabase,
    private readonly insertJobs: (
      participantId: string,
      subjectId: string,
      runs: readonly NextRun[],
    ) => Promise<void>,
  ) {
    super(db);
  }

  async createPair(pair: NewPair, jobs: readonly NextRun[], now: number): Promise<Pair | null> {
    return this.tx(async () => {
      // The one-active-pair index decides between two curators pairing the same people at once.
      const row = await this.one(
        `INSERT INTO pairs (id, program_id, mentor_id, mentee_id, status, created_by, created_at, replaces_pair_id)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?)
         ON CONFLICT (mentor_id, mentee_id) WHERE status = 'active' DO NOTHING RETURNING *`,
        pair.id,
        pair.programId,
        pair.mentorId,
        pair.menteeId,
        pair.createdBy,
        now,
        pair.replacesPairId ?? null,
      );
      if (!row) return null;
      await this.insertJobs(pair.menteeId, pair.id, jobs);
      return toPair(row);
    });
  }

  async getPair(id: string) {
    const row = await this.one('SELECT * FROM pairs WHERE id = ?', id);
    return row ? toPair(row) : null;
  }

  async activePairsOf(participantId: string) {
    return (
      await this.all(
        `SELECT * FROM pairs WHERE status = 'active' AND (mentor_id = ? OR mentee_id = ?) ORDER BY created_at`,
        participantId,
        participantId,
      )
    ).map(toPair);
  }

  async activePairs(programId?: string) {
    return (
      programId
        ? await this.all(
            `SELECT * FROM pairs WHERE status = 'active' AND program_id = ? ORDER BY created_at`,
            programId,
          )
        : await this.all(`SELECT * FROM pairs WHERE status = 'active' ORDER BY created_at`)
    ).map(toPair);
  }

  async pairs(programId: string) {
    return (
      await this.all(
        `SELECT * FROM pairs WHERE program_id = ? ORDER BY created_at, id COLLATE "C"`,
        programId,
      )
    ).map(toPair);
  }

  async pairsAwaitingIntro(participantId: string) {
    return (
      await this.all(
        `SELECT * FROM pairs WHERE status = 'active' AND intro_sent_at IS NULL AND (mentor_id = ? OR mentee_id = ?)`,
        participantId,
        participantId,
      )
    ).map(toPair);
  }

  async markIntroSent(pairId: string, now: number) {
    return (
      (await this.run(
        'UPDATE pairs SET intro_sent_at = ? WHERE id = ? AND intro_sent_at IS NULL',
        now,
        pairId,
      )) === 1
    );
  }

  async closePair(pairId: string, reason: string, now: number) {
    return this.tx(async () => {
      const closed = await this.run(
        `UPDATE pairs SET status = 'closed', closed_at = ?, close_reason = ? WHERE id = ? AND status = 'active'`,
        now,
        reason,
        pairId,
      );
      if (closed !== 1) return false;
      await this.run(
        `UPDATE jobs SET state = 'cancelled', result = ?, version = version + 1 WHERE subject_id = ? AND state = 'scheduled'`,
        `pair closed: ${reason}`,
        pairId,
      );
      await this.run(
        `UPDATE jobs SET state = 'cancelled', result = 'pair closed', version = version + 1
         WHERE subject_id IN (SELECT id FROM milestones WHERE pair_id = ?) AND state = 'scheduled'`,
        pairId,
      );
      await this.run(
        `UPDATE curator_alerts SET status = 'handled', action = COALESCE(action, 'closed'), handled_at = COALESCE(handled_at, ?) WHERE pair_id = ? AND status IN ('open', 'snoozed')`,
        now,
        pairId,
      );
      return true;
    });
  }

  async getDraft(pairId: string): Promise<CharterDraftRecord | null> {
    const row = await this.one('SELECT * FROM charter_drafts WHERE pair_id = ?', pairId);
    return row
      ? {
          pairId,
          data: JSON.parse(str(row.data)) as CharterDraft,
          mode: str(row.mode) as CharterDraftRecord['mode'],
          updatedAt: Number(row.updated_at),
        }
      : null;
  }

  async saveDraft(
    pairId: string,
    data: CharterDraft,
    mode: CharterDraftRecord['mode'],
    now: number,
  ): Promise<CharterDraftRecord> {
    await this.run(
      `INSERT INTO charter_drafts (pair_id, data, mode, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (pair_id) DO UPDATE SET data = excluded.data, mode = excluded.mode, updated_at = excluded.updated_at`,
      pairId,
      JSON.stringify(data),
      mode,
      now,
    );
    return { pairId, data, mode, updatedAt: now };
  }

  async submitCharter(pairId: string, charter: Charter, now: number): Promise<CharterVersion | null> {
    return this.tx(async () => {
      // The pair's row is the lock two submissions queue on, so the second sees the first's version.
      await this.one('SELECT id FROM pairs WHERE id = ? FOR NO KEY UPDATE', pairId);
      const latest = await this.one(
        'SELECT * FROM charter_versions WHERE pair_id = ? ORDER BY version DESC LIMIT 1',
        pairId,
      );
      if (latest && str(latest.status) === 'submitted') return null;
      const version = latest ? Number(latest.version) + 1 : 1;
      const row = await this.one(
        `INSERT INTO charter_versions (pair_id, version, data, status, submitted_at) VALUES (?, ?, ?, 'submitted', ?)
         RETURNING *`,
        pairId,
        version,
        JSON.stringify(charter),
        now,
      );
      await this.run(
        `UPDATE charter_drafts SET mode = 'paused', updated_at = ? WHERE pair_id = ?`,
        now,
        pairId,
      );
      return toCharter(row!);
    });
  }

  async currentCharter(pairId: string) {
    const row = await this.one(
      'SELECT * FROM charter_versions WHERE pair_id = ? ORDER BY version DESC LIMIT 1',
      pairId,
    );
    return row ? toCharter(row) : null;
  }

  async charterVersions(pairId: string) {
    return (await this.all('SELECT * FROM charter_versions WHERE pair_id = ? ORDER BY version', pairId)).map(
      toCharter,
    );
  }

  async requestCharterChanges(pairId: string, version: number, comment: string, now: number) {
    return this.tx(async () => {
      const row = await this.one(
        `UPDATE charter_versions SET status = 'changes_requested', comment = ? WHERE pair_id = ? AND version = ? AND status = 'submitted'
         RETURNING *`,
        comment,
        pairId,
        version,
      );
      if (!row) return null;
      await this.run(`UPDATE charter_drafts SET updated_at = ? WHERE pair_id = ?`, now, pairId);
      return toCharter(row);
    });
  }

  async confirmCharter(
    pairId: string,
    version: number,
    milestones: readonly Omit<Milestone, 'status' | 'confirmedAt' | 'confirmedBy' | 'note'>[],
    jobs: readonly NextRun[],
    jobOwnerId: string,
    now: number,
    pairJobs: readonly { participantId: string; run: NextRun }[] = [],
  ) {
    return this.tx(async () => {
      const confirmed = await this.run(
        `UPDATE charter_versions SET status = 'active', mentor_confirmed_at = ? WHERE pair_id = ? AND version = ? AND status = 'submitted'`,
        now,
        pairId,
        version,
      );
      if (confirmed !== 1) return null;
      // The earlier active version and its open milestones give way to the new one.
      await this.run(
        `UPDATE charter_versions SET status = 'superseded' WHERE pair_id = ? AND status = 'active' AND version != ?`,
        pairId,
        version,
      );
      await this.run(
        `UPDATE jobs SET state = 'cancelled', result = 'charter superseded', version = version + 1
         WHERE subject_id IN (SELECT id FROM milestones WHERE pair_id = ? AND status = 'pending') AND state = 'scheduled'`,
        pairId,
      );
      await this.run(`DELETE FROM milestones WHERE pair_id = ? AND status = 'pending'`, pairId);
      for (const m of milestones)
        await this.run(
          `INSERT INTO milestones (id, pair_id, charter_version, position, description, due_date, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          m.id,
          pairId,
          version,
          m.position,
          m.description,
          m.dueDate,
          m.dueAt,
        );
      for (const job of jobs) await this.insertJobs(jobOwnerId, job.occurrence, [job]);
      await this.run(
        `UPDATE jobs SET state = 'cancelled', result = 'charter superseded', version = version + 1
         WHERE subject_id = ? AND kind = 'pair_checkin' AND state = 'scheduled'`,
        pairId,
      );
      for (const job of pairJobs) await this.insertJobs(job.participantId, pairId, [job.run]);
      return toCharter((await this.one(CHARTER, pairId, version))!);
    });
  }

  async milestones(pairId: string) {
    return (
      await this.all('SELECT * FROM milestones WHERE pair_id = ? ORDER BY charter_version, position', pairId)
    ).map(toMilestone);
  }

  async getMilestone(id: string) {
    const row = await this.one('SELECT * FROM milestones WHERE id = ?', id);
    return row ? toMilestone(row) : null;
  }

  async confirmMilestone(id: string, answer: Milestone['status'], by: string, now: number) {
    return this.tx(async () => {
      const done = await this.run(
        `UPDATE milestones SET status = ?, confirmed_at = ?, confirmed_by = ? WHERE id = ? AND status = 'pending'`,
        answer,
        now,
        by,
        id,
      );
      if (done === 1) {
        await this.run(
          `UPDATE jobs SET state = 'cancelled', result = 'milestone confirmed', version = version + 1 WHERE subject_id = ? AND state = 'scheduled'`,
          id,
        );
      }
      return done === 1;
    });
  }

  async noteMilestone(id: string, note: string) {
    await this.run('UPDATE milestones SET note = ? WHERE id = ?', note, id);
  }

  async getAlert(id: string) {
    const row = await this.one('SELECT * FROM curator_alerts WHERE id = ?', id);
    return row ? toAlert(row) : null;
  }

  async openAlertFor(pairId: string) {
    const row = await this.one(
      `SELECT * FROM curator_alerts WHERE pair_id = ? AND status IN ('open', 'snoozed')`,
      pairId,
    );
    return row ? toAlert(row) : null;
  }

  async openAlert(alert: Pick<CuratorAlert, 'id' | 'pairId' | 'score' | 'reasons'>, now: number) {
    return (
      (await this.run(
        `INSERT INTO curator_alerts (id, pair_id, status, score, reasons, created_at) VALUES (?, ?, 'open', ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        alert.id,
        alert.pairId,
        alert.score,
        JSON.stringify(alert.reasons),
        now,
      )) === 1
    );
  }

  async alerts(filter: { pairId?: string } = {}) {
    return (
      filter.pairId
        ? await this.all('SELECT * FROM curator_alerts WHERE pair_id = ? ORDER BY created_at', filter.pairId)
        : await this.all('SELECT * FROM curator_alerts ORDER BY created_at')
    ).map(toAlert);
  }

  async handleAlert(
    id: string,
    action: string,
    by: string,
    now: number,
    detail: Record<string, unknown>,
    snoozeUntil?: number,
  ) {
    const status = action === 'snooze' ? 'snoozed' : 'handled';
    // Two curators at once: the second UPDATE waits for the first, then finds the alert no longer open.
    return (
      (await this.run(
        `UPDATE curator_alerts SET status = ?, action = ?, handled_by = ?, handled_at = ?, detail = ?, snoozed_until = ?
         WHERE id = ? AND status = 'open'`,
        status,
        action,
        by,
        now,
        JSON.stringify(detail),
        snoozeUntil ?? null,
        id,
      )) === 1
    );
  }
}
