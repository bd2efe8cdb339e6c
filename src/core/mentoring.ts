import { DateTime } from 'luxon';
import { z } from 'zod';
import { type Translator, text } from './catalog/index.js';
import { type Charter, charterSummary } from './charter.js';
import type { EngagementReason } from './engagement.js';
import type { FormDefinition } from './forms.js';
import { instantToken, type Message, textMessage } from './messages.js';
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
  // Stryker disable next-line ObjectLiteral: equivalent; only the calendar date is read from `day`, the same in any zone
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

const reason = z.string().trim().min(3, 'validation.curator.reason').max(300, 'validation.tooLong');

export const changeRequestForm: FormDefinition = {
  id: 'charter-changes',
  title: 'changes.form.title',
  submitLabel: 'changes.form.submit',
  fields: [{ id: 'comment', label: 'changes.form.comment', type: 'multiline', maxLength: 1000 }],
  schema: z.object({
    comment: z.string().trim().min(3, 'validation.changes.comment').max(1000, 'validation.tooLong'),
  }),
};

export const milestoneNoteForm: FormDefinition = {
  id: 'milestone-note',
  title: 'note.form.title',
  submitLabel: 'note.form.submit',
  fields: [{ id: 'note', label: 'note.form.note', type: 'multiline', optional: true, maxLength: 1000 }],
  schema: z.object({ note: z.string().trim().max(1000, 'validation.tooLong').optional() }),
};

export const rematchForm: FormDefinition = {
  id: 'alert-rematch',
  title: 'rematch.form.title',
  submitLabel: 'rematch.form.submit',
  fields: [
    { id: 'mentor', label: 'rematch.form.mentor', type: 'person' },
    { id: 'reason', label: 'rematch.form.reason', type: 'text', maxLength: 300 },
  ],
  schema: z.object({ mentor: z.string().min(1, 'validation.curator.mentor'), reason }),
};

export const pairCheckinForm: FormDefinition = {
  id: 'alert-checkin',
  title: 'pairCheckin.form.title',
  submitLabel: 'pairCheckin.form.submit',
  fields: [{ id: 'note', label: 'pairCheckin.form.note', type: 'multiline', maxLength: 1000 }],
  schema: z.object({
    note: z.string().trim().min(3, 'validation.curator.note').max(1000, 'validation.tooLong'),
  }),
};

export const snoozeForm: FormDefinition = {
  id: 'alert-snooze',
  title: 'snooze.form.title',
  submitLabel: 'snooze.form.submit',
  fields: [
    {
      id: 'days',
      label: 'snooze.form.days',
      type: 'select',
      options: [7, 14, 30].map((days) => ({
        value: String(days),
        label: text('snooze.form.option', { days }),
      })),
    },
  ],
  schema: z.object({
    days: z.coerce
      .number({ error: 'validation.curator.days' })
      .int('validation.curator.days')
      .min(1, 'validation.curator.days')
      .max(90, 'validation.curator.days'),
  }),
};

export const closeForm: FormDefinition = {
  id: 'alert-close',
  title: 'close.form.title',
  submitLabel: 'close.form.submit',
  fields: [{ id: 'reason', label: 'close.form.reason', type: 'text', maxLength: 300 }],
  schema: z.object({ reason }),
};

export const CURATOR_FORMS: Record<CuratorAction, FormDefinition> = {
  rematch: rematchForm,
  checkin: pairCheckinForm,
  snooze: snoozeForm,
  close: closeForm,
};

// ---- messages ----------------------------------------------------------------------------------------

export function pairIntroMessage(
  t: Translator,
  pair: Pair,
  role: 'mentor' | 'mentee',
  otherName: string,
): Message {
  if (role === 'mentor') return textMessage(t('pair.introMentor', { mentee: otherName }));
  return textMessage(t('pair.introMentee', { mentor: otherName }), [
    {
      type: 'actions',
      actions: [
        { action: 'charter.form', ref: pair.id, label: t('pair.fillForm'), style: 'primary' },
        { action: 'charter.chat', ref: pair.id, label: t('pair.fillChat') },
      ],
    },
  ]);
}

export function charterReviewMessage(
  t: Translator,
  pair: Pair,
  version: CharterVersion,
  menteeName: string,
): Message {
  const value = String(version.version);
  return textMessage(t('charter.review', { mentee: menteeName, version: version.version }), [
    { type: 'fields', fields: charterSummary(t, version.charter) },
    {
      type: 'actions',
      actions: [
        { action: 'charter.confirm', ref: pair.id, value, label: t('charter.confirm'), style: 'primary' },
        { action: 'charter.changes', ref: pair.id, value, label: t('charter.askChanges') },
      ],
    },
  ]);
}

export function changesRequestedMessage(
  t: Translator,
  pair: Pair,
  mentorName: string,
  comment: string,
): Message {
  return textMessage(t('charter.changesRequested', { mentor: mentorName, comment }), [
    {
      type: 'actions',
      actions: [
        { action: 'charter.form', ref: pair.id, label: t('charter.editForm'), style: 'primary' },
        { action: 'charter.chat', ref: pair.id, label: t('charter.editChat') },
      ],
    },
  ]);
}

export function milestoneReminderMessage(t: Translator, milestone: Milestone, menteeName: string): Message {
  return textMessage(
    t('milestone.reminder', {
      mentee: menteeName,
      due: milestone.dueDate,
      description: milestone.description,
    }),
    [
      {
        type: 'actions',
        actions: [
          { action: 'milestone.met', ref: milestone.id, label: t('milestone.met'), style: 'primary' },
          { action: 'milestone.partly', ref: milestone.id, label: t('milestone.partly') },
          { action: 'milestone.notyet', ref: milestone.id, label: t('milestone.notYet') },
        ],
      },
    ],
  );
}

export function milestoneConfirmedMessage(t: Translator, milestone: Milestone): Message {
  return textMessage(
    t('milestone.confirmed', {
      description: milestone.description,
      answer: milestone.status,
      noted: milestone.note ? 'yes' : 'no',
    }),
    milestone.note
      ? []
      : [
          {
            type: 'actions',
            actions: [{ action: 'milestone.note', ref: milestone.id, label: t('milestone.addNote') }],
          },
        ],
  );
}

/** The friendly nudge to a quiet pair, with the pair's voice: "we're fine" (with a note) or "a new match". */
export function pairNudgeMessage(t: Translator, otherName: string, pairId?: string): Message {
  return textMessage(
    t('pair.nudge', { other: otherName }),
    pairId
      ? [
          {
            type: 'actions',
            actions: [
              { action: 'pair.fine', ref: pairId, label: t('voice.fine') },
              { action: 'pair.newmatch', ref: pairId, label: t('voice.newMatch') },
            ],
          },
        ]
      : [],
  );
}

export const pairFineForm: FormDefinition = {
  id: 'pair-fine',
  title: 'voice.fineForm.title',
  submitLabel: 'voice.fineForm.submit',
  fields: [{ id: 'note', label: 'voice.fineForm.note', type: 'multiline', optional: true, maxLength: 500 }],
  schema: z.object({ note: z.string().trim().max(500, 'validation.tooLong').optional() }),
};

/** One engagement reason in words (the score's reasons carry their facts, not sentences). */
export function reasonText(t: Translator, reason: EngagementReason): string {
  // Alerts raised before reasons carried their facts keep their English text.
  if (!reason.facts) return reason.text;
  switch (reason.signal) {
    case 'charter_unfinished':
      return t('engagement.charterUnfinished', { days: reason.facts.days ?? 0 });
    case 'milestone_late':
      return t('engagement.milestoneLate', {
        description: reason.facts.description ?? '',
        confirmed: reason.facts.confirmed ? 'yes' : 'no',
        days: reason.facts.days ?? 0,
      });
    case 'person_quiet':
      return t('engagement.personQuiet', {
        role: reason.facts.role ?? 'mentee',
        name: reason.facts.name ?? '',
        days: reason.facts.days ?? 0,
      });
    case 'checkin_missed':
      return t('engagement.checkinMissed', { count: reason.facts.count ?? 0 });
    case 'meetings_missed':
      return t('engagement.meetingsMissed', {
        met: reason.facts.count ?? 0,
        expected: reason.facts.expected ?? 0,
      });
    case 'match_requested':
      return t('engagement.matchRequested', {
        role: reason.facts.role ?? 'mentee',
        name: reason.facts.name ?? '',
      });
  }
}

function reasonLines(t: Translator, reasons: readonly EngagementReason[], withPoints: boolean): string {
  if (reasons.length === 0) return t('engagement.noSignals');
  return reasons
    .map((r) =>
      withPoints
        ? t('engagement.reason', { reason: reasonText(t, r), points: r.points })
        : t('engagement.reasonPlain', { reason: reasonText(t, r) }),
    )
    .join('\n');
}

export function curatorAlertMessage(
  t: Translator,
  alert: CuratorAlert,
  mentorName: string,
  menteeName: string,
  threshold: number,
): Message {
  const requested = alert.reasons.some((r) => r.signal === 'match_requested');
  return textMessage(
    requested
      ? t('alert.matchRequested', { mentee: menteeName, mentor: mentorName, score: alert.score })
      : t('alert.low', { mentee: menteeName, mentor: mentorName, score: alert.score, threshold }),
    [
      { type: 'text', text: reasonLines(t, alert.reasons, true) },
      { type: 'context', text: t('alert.afterNudge') },
      {
        type: 'actions',
        actions: [
          { action: 'alert.rematch', ref: alert.id, label: t('alert.rematch'), style: 'primary' },
          { action: 'alert.checkin', ref: alert.id, label: t('alert.checkin') },
          { action: 'alert.snooze', ref: alert.id, label: t('alert.snooze') },
          { action: 'alert.close', ref: alert.id, label: t('alert.close'), style: 'danger' },
        ],
      },
    ],
  );
}

/** The alert once a curator decided: who did what, when (in each reader's own time), and why it was raised. */
export function curatorAlertHandledMessage(
  t: Translator,
  alert: CuratorAlert,
  mentorName: string,
  menteeName: string,
  curatorName: string,
  detail: string,
): Message {
  return textMessage(
    t('alert.handled', {
      mentee: menteeName,
      mentor: mentorName,
      score: alert.score,
      curator: curatorName,
      action: alert.action ?? 'other',
      at: instantToken(alert.handledAt ?? alert.createdAt),
      hasDetail: detail ? 'yes' : 'no',
      detail,
    }),
    [{ type: 'text', text: reasonLines(t, alert.reasons, false) }],
  );
}
