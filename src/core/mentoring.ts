import { DateTime } from 'luxon';
import { z } from 'zod';
import { type Charter, charterSummary } from './charter.js';
import type { EngagementReason } from './engagement.js';
import type { FormDefinition } from './forms.js';
import type { Message } from './messages.js';
import type { ProgramSettings } from './program.js';
import type { NextRun } from './schedule.js';
import { type Availability, atLocalTime, nextAllowedInstant } from './time.js';

export interface Pair {
  id: string;
  programId: string;
  mentorId: string;
  menteeId: string;
  status: 'active' | 'closed';
  createdBy: string;
  createdAt: number;
  introSentAt: number | null;
  closedAt: number | null;
  closeReason: string | null;
  replacesPairId: string | null;
  nudgedAt: number | null;
}

export type CharterStatus = 'submitted' | 'changes_requested' | 'active' | 'superseded';

export interface CharterVersion {
  pairId: string;
  version: number;
  charter: Charter;
  status: CharterStatus;
  submittedAt: number;
  mentorConfirmedAt: number | null;
  comment: string | null;
}

export const MILESTONE_ANSWERS = ['met', 'partly', 'not_yet'] as const;
export type MilestoneAnswer = (typeof MILESTONE_ANSWERS)[number];

export interface Milestone {
  id: string;
  pairId: string;
  charterVersion: number;
  position: number;
  description: string;
  dueDate: string;
  dueAt: number;
  status: 'pending' | MilestoneAnswer;
  confirmedAt: number | null;
  confirmedBy: string | null;
  note: string | null;
}

export interface CuratorAlert {
  id: string;
  pairId: string;
  status: 'open' | 'snoozed' | 'handled';
  score: number;
  reasons: EngagementReason[];
  createdAt: number;
  snoozedUntil: number | null;
  action: string | null;
  handledBy: string | null;
  handledAt: number | null;
}

export const CURATOR_ACTIONS = ['rematch', 'checkin', 'snooze', 'close'] as const;
export type CuratorAction = (typeof CURATOR_ACTIONS)[number];

/** The moment a milestone counts as due: the end of its due date in the mentor's zone. */
export function milestoneDueAt(dueDate: string, zone: string): number {
  return DateTime.fromISO(dueDate, { zone }).endOf('day').toMillis();
}

/** The mentor's reminder: some days before the due date, at the program's checkpoint time, in the mentor's own time. */
export function milestoneReminderRun(
  milestone: Pick<Milestone, 'id' | 'dueDate'>,
  program: ProgramSettings,
  mentor: Availability,
  now: number,
): NextRun {
  const day = DateTime.fromISO(milestone.dueDate, { zone: mentor.timezone }).minus({
    days: program.milestoneReminderDaysBefore,
  });
  const planned = nextAllowedInstant(
    atLocalTime(day, program.checkpointTime, mentor.timezone).toMillis(),
    mentor,
  );
  return {
    kind: 'milestone_reminder',
    dueAt: Math.max(planned, nextAllowedInstant(now, mentor)),
    occurrence: `${milestone.id}`,
  };
}

/** Pair health is looked at once a day, at the program's checkpoint time in the program's zone. */
export function nextPairHealthRun(
  pairId: string,
  program: ProgramSettings,
  programAvailability: Availability,
  after: number,
): NextRun {
  const tomorrow = DateTime.fromMillis(after, { zone: programAvailability.timezone }).plus({ days: 1 });
  const dueAt = nextAllowedInstant(
    atLocalTime(tomorrow, program.checkpointTime, programAvailability.timezone).toMillis(),
    programAvailability,
  );
  return {
    kind: 'pair_health',
    dueAt,
    occurrence: `${pairId}/${DateTime.fromMillis(dueAt, { zone: programAvailability.timezone }).toISODate()}`,
  };
}

// ---- forms -------------------------------------------------------------------------------------------

export const changeRequestForm: FormDefinition = {
  id: 'charter-changes',
  title: 'Ask for changes',
  submitLabel: 'Send',
  fields: [{ id: 'comment', label: 'What should change?', type: 'multiline', maxLength: 1000 }],
  schema: z.object({
    comment: z.string().trim().min(3, 'say what should change').max(1000, 'keep it under 1000 characters'),
  }),
};

export const milestoneNoteForm: FormDefinition = {
  id: 'milestone-note',
  title: 'Milestone note',
  submitLabel: 'Save',
  fields: [
    {
      id: 'note',
      label: 'Note for your mentee (optional)',
      type: 'multiline',
      optional: true,
      maxLength: 1000,
    },
  ],
  schema: z.object({ note: z.string().trim().max(1000, 'keep it under 1000 characters').optional() }),
};

export const rematchForm: FormDefinition = {
  id: 'alert-rematch',
  title: 'Re-match the mentee',
  submitLabel: 'Re-match',
  fields: [
    { id: 'mentor', label: 'New mentor', type: 'person' },
    {
      id: 'reason',
      label: 'Reason (kept in the audit log, not shown to the pair)',
      type: 'text',
      maxLength: 300,
    },
  ],
  schema: z.object({
    mentor: z.string().min(1, 'pick the new mentor'),
    reason: z.string().trim().min(3, 'give a short reason').max(300, 'keep it under 300 characters'),
  }),
};

export const pairCheckinForm: FormDefinition = {
  id: 'alert-checkin',
  title: 'Check in with the pair',
  submitLabel: 'Send to both',
  fields: [{ id: 'note', label: 'A short note to both of them', type: 'multiline', maxLength: 1000 }],
  schema: z.object({
    note: z.string().trim().min(3, 'write a short note').max(1000, 'keep it under 1000 characters'),
  }),
};

export const snoozeForm: FormDefinition = {
  id: 'alert-snooze',
  title: 'Snooze this alert',
  submitLabel: 'Snooze',
  fields: [
    {
      id: 'days',
      label: 'For how long?',
      type: 'select',
      options: [7, 14, 30].map((d) => ({ value: String(d), label: `${d} days` })),
    },
  ],
  schema: z.object({
    days: z.coerce.number().int().min(1, 'pick a number of days').max(90, 'at most 90 days'),
  }),
};

export const closeForm: FormDefinition = {
  id: 'alert-close',
  title: 'Close the pair',
  submitLabel: 'Close pair',
  fields: [{ id: 'reason', label: 'Reason (kept in the audit log)', type: 'text', maxLength: 300 }],
  schema: z.object({
    reason: z.string().trim().min(3, 'give a short reason').max(300, 'keep it under 300 characters'),
  }),
};

export const CURATOR_FORMS: Record<CuratorAction, FormDefinition> = {
  rematch: rematchForm,
  checkin: pairCheckinForm,
  snooze: snoozeForm,
  close: closeForm,
};

// ---- messages ----------------------------------------------------------------------------------------

export function pairIntroMessage(pair: Pair, role: 'mentor' | 'mentee', otherName: string): Message {
  if (role === 'mentor') {
    const text = `You're now mentoring *${otherName}*. They will draft your charter (goals, two KPIs, milestones, cadence, boundaries); I'll send it to you to confirm or ask for changes.`;
    return { text, blocks: [{ type: 'text', text }] };
  }
  const text = `You're paired with *${otherName}* as your mentor. First step: your charter — goals, two KPIs, milestones at 90 and 180 days, how often you meet, confidentiality and what your mentor will and won't do. Your answers are saved after every step.`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'actions',
        actions: [
          { action: 'charter.form', ref: pair.id, label: 'Fill it in a form', style: 'primary' },
          { action: 'charter.chat', ref: pair.id, label: 'Answer step by step in chat' },
        ],
      },
    ],
  };
}

export function charterReviewMessage(pair: Pair, version: CharterVersion, menteeName: string): Message {
  const text = `*${menteeName}* sent your mentoring charter (version ${version.version}). Does it work for you?`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'fields', fields: charterSummary(version.charter) },
      {
        type: 'actions',
        actions: [
          {
            action: 'charter.confirm',
            ref: pair.id,
            value: String(version.version),
            label: 'Confirm charter',
            style: 'primary',
          },
          {
            action: 'charter.changes',
            ref: pair.id,
            value: String(version.version),
            label: 'Ask for changes',
          },
        ],
      },
    ],
  };
}

export function changesRequestedMessage(pair: Pair, mentorName: string, comment: string): Message {
  const text = `*${mentorName}* asked for changes to your charter: "${comment}". Your earlier answers are kept; edit what needs it and send it again.`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'actions',
        actions: [
          { action: 'charter.form', ref: pair.id, label: 'Edit in a form', style: 'primary' },
          { action: 'charter.chat', ref: pair.id, label: 'Edit step by step in chat' },
        ],
      },
    ],
  };
}

export function milestoneReminderMessage(milestone: Milestone, menteeName: string): Message {
  const text = `Milestone with *${menteeName}* due ${milestone.dueDate}: "${milestone.description}". How did it go?`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'actions',
        actions: [
          { action: 'milestone.met', ref: milestone.id, label: 'Met', style: 'primary' },
          { action: 'milestone.partly', ref: milestone.id, label: 'Partly' },
          { action: 'milestone.notyet', ref: milestone.id, label: 'Not yet' },
        ],
      },
    ],
  };
}

export const MILESTONE_WORDS: Record<MilestoneAnswer, string> = {
  met: 'met',
  partly: 'partly met',
  not_yet: 'not met yet',
};

export function milestoneConfirmedMessage(milestone: Milestone): Message {
  const answer = MILESTONE_WORDS[milestone.status as MilestoneAnswer] ?? milestone.status;
  const text = `Milestone "${milestone.description}" confirmed as *${answer}*.${milestone.note ? ' Note added.' : ''}`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      ...(milestone.note
        ? []
        : [
            {
              type: 'actions' as const,
              actions: [{ action: 'milestone.note' as const, ref: milestone.id, label: 'Add a note' }],
            },
          ]),
    ],
  };
}

export function pairNudgeMessage(otherName: string): Message {
  const text = `A friendly check-in: it's been a while since you and *${otherName}* updated your mentorship here. Is a conversation on the calendar? A quick charter or milestone update keeps things on track.`;
  return { text, blocks: [{ type: 'text', text }] };
}

export function curatorAlertMessage(
  alert: CuratorAlert,
  mentorName: string,
  menteeName: string,
  threshold: number,
): Message {
  const text = `Engagement is low for the pair *${menteeName}* (mentee) and *${mentorName}* (mentor): ${alert.score}/100, under the threshold of ${threshold}.`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'text',
        text: alert.reasons.map((r) => `• ${r.text} (−${r.points})`).join('\n') || '• no signals',
      },
      {
        type: 'context',
        text: 'The pair already had a friendly nudge and a grace period. Nothing changes until a curator decides.',
      },
      {
        type: 'actions',
        actions: [
          { action: 'alert.rematch', ref: alert.id, label: 'Re-match', style: 'primary' },
          { action: 'alert.checkin', ref: alert.id, label: 'Check in with the pair' },
          { action: 'alert.snooze', ref: alert.id, label: 'Snooze this alert' },
          { action: 'alert.close', ref: alert.id, label: 'Close the pair', style: 'danger' },
        ],
      },
    ],
  };
}

const ACTION_WORDS: Record<CuratorAction, string> = {
  rematch: 're-matched the mentee',
  checkin: 'checked in with the pair',
  snooze: 'snoozed this alert',
  close: 'closed the pair',
};

export function curatorAlertHandledMessage(
  alert: CuratorAlert,
  mentorName: string,
  menteeName: string,
  curatorName: string,
  at: string,
  detail: string,
): Message {
  const action = ACTION_WORDS[alert.action as CuratorAction] ?? alert.action ?? 'handled this alert';
  const text = `Pair *${menteeName}* (mentee) and *${mentorName}* (mentor), ${alert.score}/100: *${curatorName}* ${action} on ${at}.${detail ? ` ${detail}` : ''}`;
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'text', text: alert.reasons.map((r) => `• ${r.text}`).join('\n') || '• no signals' },
    ],
  };
}
