import type { FieldType } from './forms.js';

/**
 * The channel-neutral message model. Use cases build these; the Slack and Teams adapters render them.
 * Text uses a tiny markup that both platforms can show: *bold* and _italic_.
 */

export const ACTION_NAMES = [
  'consent.accept',
  'consent.decline',
  'nudge.did',
  'nudge.skip',
  'nudge.snooze',
  'survey.practice',
  'survey.details',
  'survey.checkin',
  'experiment.start',
  'experiment.pause',
  'experiment.resume',
  'experiment.snooze',
  'charter.form',
  'charter.chat',
  'charter.confirm',
  'charter.changes',
  'milestone.met',
  'milestone.partly',
  'milestone.notyet',
  'milestone.note',
  'alert.rematch',
  'alert.checkin',
  'alert.snooze',
  'alert.close',
  'alert.back',
  'match.approve',
  'match.another',
  'match.pick',
  'match.back',
  'match.reject',
  'pair.fine',
  'pair.newmatch',
  'meeting.yes',
  'meeting.notyet',
  'meeting.skip',
  'meeting.useful',
  'meeting.note',
  'language.choose',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export interface Action {
  action: ActionName;
  /** The object the action is about (an experiment or survey id). Never proof of permission. */
  ref: string;
  value?: string;
  label: string;
  style?: 'primary' | 'danger';
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'actions'; actions: Action[] }
  | { type: 'context'; text: string }
  | { type: 'divider' };

export const MESSAGE_KINDS = [
  'consent',
  'nudge',
  'checkpoint',
  'checkpoint_reminder',
  'notice',
  'pair_nudge',
  'milestone_reminder',
  'curator_alert',
  'pair_checkin',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Kinds that count against a person's weekly message budget. */
export const BUDGETED_KINDS: ReadonlySet<MessageKind> = new Set([
  'nudge',
  'checkpoint',
  'checkpoint_reminder',
  'pair_nudge',
  'milestone_reminder',
  'pair_checkin',
]);

export interface Message {
  /** Plain fallback text, used for notifications and screen readers. */
  text: string;
  blocks: Block[];
}

/**
 * An instant that every reader sees in their own time zone (Slack's date formatting, Adaptive Cards'
 * DATE and TIME functions). Channels turn the token into their platform's form; plain text shows UTC.
 */
export function instantToken(at: number): string {
  return `<time:${Math.trunc(at)}>`;
}

export const INSTANT_TOKEN = /<time:(\d{1,15})>/g;

/** The token as plain text: the instant in UTC. */
export function instantFallback(text: string): string {
  return text.replace(
    INSTANT_TOKEN,
    (_, ms: string) => `${new Date(Number(ms)).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  );
}

/** One input of a form as a person sees it: words in their language, with its value and its error. */
export interface FieldView {
  id: string;
  label: string;
  type: FieldType;
  options?: { label: string; value: string }[];
  optional: boolean;
  placeholder?: string;
  hint?: string;
  maxLength?: number;
  initial?: string;
  error?: string;
  /** A `person` field on a channel without a user picker: whom to leave out, and what to say when nobody fits. */
  people?: { exclude: string[]; noneText: string; unavailableText: string };
}

/** A form ready to show: channels render it as a modal (Slack) or a card (Teams). */
export interface FormView {
  formId: string;
  title: string;
  submitLabel: string;
  cancelLabel: string;
  /** What a client that checks required fields itself says when one is empty. */
  requiredText: string;
  intro: Block[];
  fields: FieldView[];
  /** Problems that belong to no single field. */
  errors: string[];
  /** What the flow needs back with the submission; opaque to channels, and small (it rides in the form). */
  state: string;
  /** Where a card form leads back to (e.g. the alert it was opened from); modals have their own Cancel. */
  back?: Action;
  /** A button that opens this form, for a channel that cannot open it straight from typed words. */
  opener?: Action;
}

/** A message of words: its text block, then any blocks that follow (context, buttons). */
export function textMessage(body: string, extra: Block[] = []): Message {
  return { text: body, blocks: [{ type: 'text', text: body }, ...extra] };
}

/** Cut to a platform's limit, with an ellipsis where it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
