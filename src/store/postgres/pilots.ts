import { randomUUID } from 'node:crypto';
import { strOrNull, toAssignment, toNote } from '../rows.js';
import type { ArmAssignment, ConfounderNote, PilotStore, ReviewStage } from '../types.js';
import { PgRepository } from './database.js';

/** Arm assignments, the confounder log and governance reviews of pilots on PostgreSQL. */
export class PostgresPilotStore extends PgRepository implements PilotStore {
  async assignments(programId: string): Promise<ArmAssignment[]> {
    return (
      await this.all(
        `SELECT a.*, p.email FROM arm_assignments a JOIN participants p ON p.id = a.participant_id
         WHERE a.program_id = ? ORDER BY a.batch, a.assigned_at, a.participant_id COLLATE "C"`,
        programId,
      )
    ).map((row) => ({ ...toAssignment(row), programId, email: strOrNull(row.email) }));
  }

  async addNote(
    note: { programId: string; date: string; text: string; by: string },
    now: number,
  ): Promise<ConfounderNote> {
    const id = `note_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const row = await this.one(
      `INSERT INTO program_notes (id, program_id, date, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
       RETURNING *`,
      id,
      note.programId,
      note.date,
      note.text,
      note.by,
      now,
    );
    return toNote(row!);
  }

  async notes(programId: string, options: { includeRemoved?: boolean } = {}): Promise<ConfounderNote[]> {
    return (
      await this.all(
        `SELECT * FROM program_notes WHERE program_id = ? ${options.includeRemoved ? '' : 'AND removed_at IS NULL'}
         ORDER BY date COLLATE "C", created_at, id COLLATE "C"`,
        programId,
      )
    ).map(toNote);
  }

  async removeNote(programId: string, id: string, by: string, now: number): Promise<ConfounderNote | null> {
    const row = await this.one(
      `UPDATE program_notes SET removed_by = ?, removed_at = ? WHERE id = ? AND program_id = ? AND removed_at IS NULL
       RETURNING *`,
      by,
      now,
      id,
      programId,
    );
    return row ? toNote(row) : null;
  }

  async recordReview(
    programId: string,
    stage: ReviewStage,
    at: number,
  ): Promise<{ firstAt: number; runs: number }> {
    return this.tx(async () => {
      await this.run(
        'INSERT INTO program_reviews (program_id, stage, at) VALUES (?, ?, ?)',
        programId,
        stage,
        at,
      );
      const row = (await this.one(
        'SELECT MIN(at) AS first_at, COUNT(*) AS runs FROM program_reviews WHERE program_id = ? AND stage = ?',
        programId,
        stage,
      ))!;
      return { firstAt: Number(row.first_at), runs: Number(row.runs) };
    });
  }
}
