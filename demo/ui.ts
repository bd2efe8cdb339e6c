/**
 * What a simulated person sees and can do, the same on both platforms: a message with buttons, a form with
 * fields. Each platform side turns these into real Slack requests or Teams activities.
 */
import type { Platform } from '../src/core/participant.js';
import type { Person } from './cast.js';

export interface Button {
  /** The bot's action name, e.g. `nudge.did`. */
  action: string;
  /** The platform's own id of the button, when it has one (Slack's action_id). */
  id?: string;
  label: string;
  /** What the button is about (an experiment, a survey, a pair…). */
  ref: string;
  value?: string;
}

export type FormValues = Record<string, string>;

/** An open form: a Slack modal or a Teams form card. */
export interface Form {
  /** The core form id: `experiment`, `survey`, `charter-1`, `charter-changes`, `alert-rematch`… */
  id: string;
  /** What the form shows before anyone types (defaults, earlier answers). */
  values: FormValues;
  submit(values: FormValues): Promise<FormStep>;
}

export type FormStep = { done: true } | { next: Form } | { errors: Record<string, string> };

/** A message from the bot, as the person (or the curators' channel) sees it now. */
export interface Incoming {
  platform: Platform;
  /** A person, or the curators' channel. */
  to: Person | 'curators';
  text: string;
  buttons: Button[];
  click(by: Person, button: Button): Promise<ClickResult>;
}

export interface ClickResult {
  /** The click opened a form. */
  form?: Form;
  /** The message as it reads after the click (when the bot changed it). */
  message?: Incoming;
  /** A short answer only the clicking person sees (usually: why nothing happened). */
  notice?: string;
}

export interface PlatformSide {
  readonly platform: Platform;
  /** Messages that arrived since the last call, oldest first. */
  collect(): Incoming[];
  /** The person types a message to the bot. */
  say(person: Person, text: string): Promise<void>;
}

/** Polls until the check returns something, or gives up after the timeout (returns null). */
export async function until<T>(
  check: () => T | null | undefined | false,
  timeoutMs = 3000,
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Chat markup (Slack mrkdwn, Teams markdown) as plain text for the transcript. */
export function plainText(text: string): string {
  return text
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(“"'])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|\s)_([^_\n]+)_/g, '$1$2')
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, '@$1')
    .replace(/\s+/g, ' ')
    .trim();
}
