import type { FormView, Message } from '../../core/messages.js';

/**
 * What the conversation layer answers, channel-neutral. A channel decides how to show it on its platform
 * (a modal or a card, an ephemeral message or an invoke answer), never what it says.
 */
export type Reply =
  /** Nothing to show (an answer queued through the outbox, or a duplicate that changes nothing). */
  | { kind: 'nothing' }
  /**
   * A short private answer where the person acted. A courtesy is shown only where it is free (in the
   * request's own response); a channel that would need another platform call for it leaves it out.
   */
  | { kind: 'say'; text: string; courtesy?: boolean }
  /** An answer with more to it (fields, buttons), shown to the person where they acted. */
  | { kind: 'message'; message: Message }
  /** The message the person acted on changes for everyone; a form may open next. */
  | { kind: 'update'; message: Message; andOpen?: FormView }
  /** A form opens. */
  | { kind: 'form'; form: FormView }
  /** The submitted form stays open, with its errors. */
  | { kind: 'invalid'; form: FormView }
  /** The next page of a form that has several. */
  | { kind: 'next'; form: FormView }
  /** The form is done: it closes, and the outcome shows where the form was opened from (if anything). */
  | { kind: 'done'; outcome?: Message };

/** A reply, and whether the person's status changed (channels with a status surface then refresh it). */
export interface Answer {
  reply: Reply;
  statusChanged?: boolean;
  /** A short line to show on the status surface when it refreshes (e.g. "Snoozed for a week."). */
  statusNotice?: string;
}

export const NOTHING: Answer = { reply: { kind: 'nothing' } };
