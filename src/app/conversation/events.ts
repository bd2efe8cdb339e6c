import type { RawFormValues } from '../../core/forms.js';
import type { ActionName } from '../../core/messages.js';
import type { Identity } from '../../core/participant.js';
import type { ProfileUpdate } from '../service.js';

/**
 * What channels turn platform payloads into. A channel verifies and parses its platform's request at its
 * edge, then hands the conversation layer one of these; it never decides what the bot says or who may act.
 */

/** The person acting, with what their platform tells about them on this request. */
export interface Actor {
  identity: Identity;
  /** Their display name as the platform shows it on this request (Teams sends it with every activity). */
  name?: string;
  /** How to name them in a message others read, in the platform's own markup (Slack's `<@U…>`). */
  mention?: string;
  /** Their IANA time zone, when the platform sends it (Teams clients do). Used only after consent. */
  timezone?: string;
  /**
   * Their language as their client reports it on this request (Teams sends it with every activity). It picks
   * the words of the answer; it is kept only after consent.
   */
  locale?: string;
  /** Where the channel can reach them now (a Teams conversation reference), if this request told it. */
  address?: string;
  /**
   * Asks the platform for the person's time zone, name and email. Called only once they accept consent:
   * before that, nothing beyond their identity is collected.
   */
  lookUpProfile?: () => Promise<ProfileUpdate>;
}

/** Where something happened: the person's 1:1 with the bot, a channel (curators), or a group chat. */
export type Place =
  | { kind: 'dm' }
  | {
      kind: 'channel';
      channel: Identity;
      /** Where the channel can reach this channel later (a Teams conversation reference), if known. */
      address?: string;
    }
  | { kind: 'group' };

interface EventBase {
  actor: Actor;
  place: Place;
  /** The platform's id for this delivery, when it re-delivers (Slack events, Teams activities): seen once. */
  deliveryId?: string;
}

/** `/coach <text>` (Slack's slash command): answered privately to the person who typed it. */
export interface CommandEvent extends EventBase {
  type: 'command';
  text: string;
  /** People mentioned in the words, in order, as the platform identifies them. */
  mentions?: Identity[];
  /** Their names as the platform showed them, by user id. */
  mentionNames?: Record<string, string>;
}

/** Words typed to the bot: in a DM (a command or a charter chat answer), or mentioning it in a channel. */
export interface TextEvent extends EventBase {
  type: 'text';
  text: string;
  /** The platform's id of the typed message, so that a reply is queued once however often it is delivered. */
  messageId: string;
  mentions?: Identity[];
  mentionNames?: Record<string, string>;
}

/** A button. Its reference names an object; it is never proof that the actor may touch it. */
export interface ActionEvent extends EventBase {
  type: 'action';
  action: ActionName;
  ref: string;
  value?: string;
  /** The message the button was on, as the channel names it; absent for buttons on a status surface. */
  messageKey?: string;
  /** The button was on the person's status surface (Slack's App Home) rather than a message. */
  onStatus?: boolean;
}

/** A submitted form, with the continuation state the flow gave it when it was opened. */
export interface SubmitEvent extends EventBase {
  type: 'submit';
  formId: string;
  values: RawFormValues;
  state: string;
  /** The message the form lives in (Teams card forms) or was opened from, as the channel names it. */
  messageKey?: string;
  /** How the platform names the people picked in the form (user id → a name or the platform's mention). */
  people?: Record<string, string>;
}

/** The person opened the bot's status surface (Slack's App Home). */
export interface OpenedEvent extends EventBase {
  type: 'opened';
}

/** The bot was added to the place (a Teams personal or channel install). */
export interface InstalledEvent extends EventBase {
  type: 'installed';
}

/** The bot was removed from the place, or the person blocked it. */
export interface RemovedEvent extends EventBase {
  type: 'removed';
}

export type InboundEvent =
  | CommandEvent
  | TextEvent
  | ActionEvent
  | SubmitEvent
  | OpenedEvent
  | InstalledEvent
  | RemovedEvent;
