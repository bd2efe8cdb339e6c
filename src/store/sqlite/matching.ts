import type { ProposalStatus, StoredProposal } from '../../core/matching.js';
import type { MeetingAnswer } from '../../core/meetings.js';
import type { Identity } from '../../core/participant.js';
import { identityOf, toProposal } from '../rows.js';
import type { MatchingStore, NewProposal, PairCheckin } from '../types.js';
import { numOrNull, SqlRepository, str, strOrNull } from './sql.js';

/** Proposals the curators review: written in one transaction per review, decided once each. */
export class SqliteMatchingStore extends SqlRepository implements MatchingStore {
  async saveProposals(proposals: readonly NewProposal[], now: number) {
    return this.tx(() => {
      const saved: StoredProposal[] = [];
      for (const p of proposals) {
        // A mentee with an open proposal keeps it: posting again does not ask the curators twice.
        const inserted = this.run(
          `INSERT INTO match_proposals (id, review_id, program_id, mentee_id, mentor_id, fit, reasons, alternatives, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          p.id,
          p.reviewId,
          p.programId,
          p.menteeId,
          p.mentorId,
          p.fit,
          JSON.stringify(p.reasons),
          JSON.stringify(p.alternatives),
          now,
        ).changes;
        if (inserted) saved.push(toProposal(this.one('SELECT * FROM match_proposals WHERE id = ?', p.id)!));
      }
      return saved;
    });
  }

  async getProposal(id: string) {
    const row = this.one('SELECT * FROM match_proposals WHERE id = ?', id);
    return row ? toProposal(row) : null;
  }

  async review(reviewId: string) {
    return this.all(
      'SELECT * FROM match_proposals WHERE review_id = ? ORDER BY created_at, rowid',
      reviewId,
    ).map(toProposal);
  }

  async proposals(programId: string) {
    return this.all(
      'SELECT * FROM match_proposals WHERE program_id = ? ORDER BY created_at, rowid',
      programId,
    ).map(toProposal);
  }

  async decide(
    id: string,
    decision: {
      status: Exclude<ProposalStatus, 'open'>;
      by: string;
      byName?: string | null;
      chosenMentorId?: string | null;
    },
    now: number,
  ) {
    return (
      this.run(
        `UPDATE match_proposals SET status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, chosen_mentor_id = ?
         WHERE id = ? AND status = 'open'`,
        decision.status,
        decision.by,
        decision.byName ?? null,
        now,
        decision.chosenMentorId ?? null,
        id,
      ).changes === 1
    );
  }

  async reopen(id: string) {
    this.run(
      `UPDATE match_proposals SET status = 'open', decided_by = NULL, decided_by_name = NULL, decided_at = NULL, chosen_mentor_id = NULL
       WHERE id = ? AND pair_id IS NULL AND NOT EXISTS
         (SELECT 1 FROM match_proposals other WHERE other.mentee_id = match_proposals.mentee_id AND other.status = 'open')`,
      id,
    );
  }

  async linkPair(id: string, pairId: string) {
    this.run('UPDATE match_proposals SET pair_id = ? WHERE id = ?', pairId, id);
  }

  async addNotWith(ownerId: string, other: Identity, name: string | null, now: number) {
    return (
      this.run(
        `INSERT INTO not_with (owner_id, platform, workspace_id, user_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        ownerId,
        other.platform,
        other.workspaceId,
        other.userId,
        name,
        now,
      ).changes === 1
    );
  }

  async removeNotWith(ownerId: string, other: Identity) {
    return (
      this.run(
        'DELETE FROM not_with WHERE owner_id = ? AND platform = ? AND workspace_id = ? AND user_id = ?',
        ownerId,
        other.platform,
        other.workspaceId,
        other.userId,
      ).changes > 0
    );
  }

  async notWithOf(ownerId: string) {
    return this.all('SELECT * FROM not_with WHERE owner_id = ? ORDER BY created_at, user_id', ownerId).map(
      (row) => ({ other: identityOf(row), name: strOrNull(row.name) }),
    );
  }

  async recordVoice(
    entry: { pairId: string; participantId: string; kind: 'fine' | 'new_match'; note: string | null },
    now: number,
  ) {
    this.run(
      'INSERT INTO pair_voices (pair_id, participant_id, kind, note, at) VALUES (?, ?, ?, ?, ?)',
      entry.pairId,
      entry.participantId,
      entry.kind,
      entry.note,
      now,
    );
  }

  async voices(pairId: string) {
    return this.all('SELECT * FROM pair_voices WHERE pair_id = ? ORDER BY at, id', pairId).map((row) => ({
      participantId: str(row.participant_id),
      kind: str(row.kind) as 'fine' | 'new_match',
      note: strOrNull(row.note),
      at: Number(row.at),
    }));
  }

  async notWithInProgram(programId: string) {
    return this.all(
      `SELECT n.* FROM not_with n JOIN participants p ON p.id = n.owner_id WHERE p.program_id = ?`,
      programId,
    ).map((row) => ({ ownerId: str(row.owner_id), other: identityOf(row) }));
  }

  async pairCheckins(pairId: string): Promise<PairCheckin[]> {
    return this.all(
      'SELECT * FROM pair_checkins WHERE pair_id = ? ORDER BY asked_at, round, participant_id',
      pairId,
    ).map((row) => ({
      pairId: str(row.pair_id),
      round: str(row.round),
      participantId: str(row.participant_id),
      askedAt: Number(row.asked_at),
      answer: strOrNull(row.answer) as MeetingAnswer | null,
      usefulness: numOrNull(row.usefulness),
      note: strOrNull(row.note),
      answeredAt: numOrNull(row.answered_at),
    }));
  }

  async answerPairCheckin(
    pairId: string,
    round: string,
    participantId: string,
    answer: MeetingAnswer,
    now: number,
  ) {
    return (
      this.run(
        `UPDATE pair_checkins SET answer = ?, answered_at = ? WHERE pair_id = ? AND round = ? AND participant_id = ? AND answer IS NULL`,
        answer,
        now,
        pairId,
        round,
        participantId,
      ).changes === 1
    );
  }

  async ratePairCheckin(
    pairId: string,
    round: string,
    participantId: string,
    change: { usefulness?: number; note?: string },
  ) {
    return (
      this.run(
        `UPDATE pair_checkins SET usefulness = COALESCE(usefulness, ?), note = COALESCE(?, note)
         WHERE pair_id = ? AND round = ? AND participant_id = ? AND answer = 'met'`,
        change.usefulness ?? null,
        change.note ?? null,
        pairId,
        round,
        participantId,
      ).changes === 1
    );
  }
}
