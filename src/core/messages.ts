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
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Kinds that count against a person's weekly message budget. */
export const BUDGETED_KINDS: ReadonlySet<MessageKind> = new Set([
  'nudge',
  'checkpoint',
  'checkpoint_reminder',
  'pair_nudge',
  'milestone_reminder',
]);

export interface Message {
  /** Plain fallback text, used for notifications and screen readers. */
  text: string;
  blocks: Block[];
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
