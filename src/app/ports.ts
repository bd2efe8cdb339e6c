import type { Message, MessageKind } from '../core/messages.js';
import type { Platform } from '../core/participant.js';

export interface Recipient {
  participantId: string;
  platform: Platform;
  workspaceId: string;
  userId: string;
  /** A known delivery address (Slack DM channel, Teams conversation reference), if any. */
  address: string | null;
}

export interface Delivery {
  /** The outbox key: unique per message, carried to the platform where it can be (message metadata). */
  key: string;
  kind: MessageKind;
  recipient: Recipient;
  message: Message;
}

export interface SendReceipt {
  /** The platform's id for the message (Slack ts with channel, Teams activity id). */
  providerRef: string;
  /** The address the message went to, to remember for next time. */
  address?: string;
}

export type SendFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient' }
  | { kind: 'unreachable' }
  | { kind: 'permanent' };

/** A failed send, classified so the dispatcher knows whether and when to try again. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly failure: SendFailure,
    /** True when the platform may have accepted the message despite the error (a timeout, a dropped connection). */
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface ChannelLimits {
  /** Sustained messages per second across one workspace or tenant. */
  perWorkspacePerSecond: number;
  /** Short burst allowed above the sustained rate. */
  burst: number;
  /** Sustained pace of `findDelivered` look-ups per workspace (they hit a stricter API tier than sends). */
  lookupsPerSecond?: number;
}

/** The outbound port: a channel adapter renders the neutral message and delivers it. */
export interface ChannelSender {
  readonly platform: Platform;
  readonly limits: ChannelLimits;
  send(delivery: Delivery): Promise<SendReceipt>;
  /**
   * Looks on the platform for a message already delivered under this key, to settle sends whose outcome
   * is unknown. A sender without it makes such sends at-most-once.
   */
  findDelivered?(delivery: Delivery): Promise<SendReceipt | null>;
}

/**
 * What a channel keeps for itself (where to reach people, which channel curators claimed), scoped to its
 * platform. `owner` names the person or channel a value is about, so that erasing them deletes it.
 */
export interface ChannelState {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, owner?: { workspaceId: string; userId: string }): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * `set` for many values at once, in one transaction: all written or none. A channel keeping thousands of
   * values (e.g. the Teams user ids a roster import found) calls it with a batch of a few thousand at a time.
   */
  setMany(
    entries: readonly { key: string; value: string; owner?: { workspaceId: string; userId: string } }[],
  ): Promise<void>;
}

/** What a channel's HTTP endpoint is: a plain node:http handler. */
export type RequestListener = (
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
) => void;

/** A chat platform plugged into coachloop: what it serves, how it sends, what it can do. */
export interface Channel {
  readonly platform: Platform;
  /** How the platform shows forms; the conversation layer asks, so that the words stay the same. */
  readonly capabilities: { modalForms: boolean };
  /** Outbound delivery through the outbox. */
  readonly sender: ChannelSender;
  /** HTTP routes on coachloop's server (path → handler), e.g. `/slack/events`. */
  readonly routes: Record<string, RequestListener>;
  /** Whether a person is in the platform's own curator group (e.g. a Slack user group), if one is set. */
  memberOfCuratorGroup?(userId: string): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
