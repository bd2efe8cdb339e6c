import { z } from 'zod';
import { cleanTypedText } from '../core/text.js';
import { isoDateSchema } from '../core/time.js';
import type { ConfounderNote, ProgramRecord, Store } from '../store/types.js';

/**
 * The confounder log: what else happened in the organization while a pilot ran (a reorganization, a hiring
 * freeze, a new tool), with its date. The report shows it on the timeline beside the checkpoints. Adding and
 * removing are audited; a removed note is kept, hidden from reports.
 */

/** A note that cannot be recorded or removed, with the reason (shown to the admin as it is). */
export class ConfounderNoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfounderNoteError';
  }
}

export const confounderNoteSchema = z.object({
  date: isoDateSchema,
  text: z
    .string()
    .transform(cleanTypedText)
    .pipe(
      z.string().trim().min(3, 'say what happened in a few words').max(280, 'keep it under 280 characters'),
    ),
});

export async function addConfounderNote(
  store: Store,
  program: ProgramRecord,
  input: { date: string; text: string },
  by: string,
  now: number,
): Promise<ConfounderNote> {
  const parsed = confounderNoteSchema.safeParse(input);
  if (!parsed.success)
    throw new ConfounderNoteError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'note'}: ${i.message}`).join('; '),
    );
  const note = await store.pilots.addNote({ programId: program.id, ...parsed.data, by }, now);
  // The audit log records the note's id and date; its words stay in the note (the audit log is append-only).
  await store.audit.append({
    at: now,
    actor: by,
    action: 'note.added',
    subject: program.name,
    detail: { id: note.id, date: note.date },
  });
  return note;
}

export async function removeConfounderNote(
  store: Store,
  program: ProgramRecord,
  id: string,
  by: string,
  now: number,
): Promise<ConfounderNote> {
  const note = await store.pilots.removeNote(program.id, id, by, now);
  if (!note)
    throw new ConfounderNoteError(`program ${program.name} has no note ${id} (see coachloop note list)`);
  await store.audit.append({
    at: now,
    actor: by,
    action: 'note.removed',
    subject: program.name,
    detail: { id: note.id, date: note.date },
  });
  return note;
}
