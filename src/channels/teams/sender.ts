import type { Activity, ConversationParameters, ConversationReference } from 'botbuilder';
import {
  type ChannelLimits,
  type ChannelSender,
  type Delivery,
  type Recipient,
  SendError,
  type SendReceipt,
} from '../../app/ports.js';
import { systemTimer, type Timer } from '../../core/clock.js';
import { clip, type Message } from '../../core/messages.js';
import type { Logger } from '../../logger.js';
import { type SlidingWindow, SlidingWindowLimiter } from '../../scheduler/rate-limit.js';
import { BOT_CONNECTOR_SCOPE, type TeamsCloudAdapter } from './adapter.js';
import { isChannelId, parseReference, type StoredReference, type TeamsAddressBook } from './addresses.js';
import { teamsSendPace } from './config.js';
import { cardAttachment, isPlainText, renderMessageCard, renderMessageText, TEAMS_LIMITS } from './render.js';
import { type ConnectorAttempts, ConnectorHttpError, ConnectorNetworkError } from './transport.js';

/** Codes with which Teams refuses a conversation for good: the person blocked or removed the app, or it is gone. */
const UNREACHABLE_CODES = new Set([
  'MessageWritesBlocked',
  'BotNotInConversationRoster',
  'ConversationBlockedByUser',
  'BotDisabledByAdmin',
  'ConversationNotFound',
  'UserNotFound',
  'Forbidden',
  'NotFound',
]);

/**
 * Turns a connector failure into the dispatcher's terms.
 * - 403 and 404 (blocked, removed, not found) → unreachable: the dispatcher marks the person, no retries.
 * - 429 → rate_limited with Retry-After (1 s when Teams sends none).
 * - 412, 502, 503, 504 → transient: Microsoft documents these as safe to retry with backoff.
 * - other 5xx → transient with an unknown outcome: the message may have been stored.
 * - 400, 401, 413 and other 4xx → permanent (a bad card, bad credentials, too large).
 * - no answer → transient; unknown outcome once the request had been sent.
 */
export function classifyTeamsError(error: unknown, requestSent: boolean): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof ConnectorHttpError) {
    const { status, code } = error;
    if (status === 429)
      return new SendError(error.message, {
        kind: 'rate_limited',
        retryAfterMs: Math.max(1000, error.retryAfterMs ?? 1000),
      });
    if (status === 403 || status === 404 || (code !== undefined && UNREACHABLE_CODES.has(code))) {
      return new SendError(`${code ?? `HTTP ${status}`}: Teams refused the conversation`, {
        kind: 'unreachable',
      });
    }
    if (status === 412 || status === 502 || status === 503 || status === 504)
      return new SendError(error.message, { kind: 'transient' });
    if (status >= 500) return new SendError(error.message, { kind: 'transient' }, true);
    if (status === 401)
      return new SendError(
        `${error.message} (check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppType)`,
        { kind: 'permanent' },
      );
    return new SendError(error.message, { kind: 'permanent' });
  }
  if (error instanceof ConnectorNetworkError)
    return new SendError(error.message, { kind: 'transient' }, error.mayHaveArrived);
  // Anything else (a token that could not be obtained, an unexpected answer): unknown once the call left.
  return new SendError((error as Error)?.message ?? String(error), { kind: 'transient' }, requestSent);
}

/** The activity for a message: plain text for text-only messages, otherwise an Adaptive Card. */
export function messageActivity(message: Message): Partial<Activity> {
  if (isPlainText(message))
    return { type: 'message', text: renderMessageText(message), textFormat: 'markdown' };
  return {
    type: 'message',
    summary: clip(message.text.replace(/\*/g, ''), TEAMS_LIMITS.summary),
    attachments: [cardAttachment(renderMessageCard(message))],
  };
}

/**
 * Teams' documented limits for one bot in one conversation ("send to conversation"): 7 per second, 8 per
 * 2 seconds, 60 per 30 seconds and 1,800 per hour, counted when requests arrive.
 */
export const TEAMS_CONVERSATION_WINDOWS: readonly SlidingWindow[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];

/**
 * How long past a window a request keeps counting once its answer is in: for clocks and timers that disagree
 * by a few tens of milliseconds. The network needs no margin, as a request counts until its answer.
 */
export const CONVERSATION_PACE_MARGIN_MS = 100;

/**
 * Paces requests per conversation under Teams' documented windows, exactly: a request counts from when it leaves
 * until a window (plus a small margin) after its answer, since Teams counts it on arrival, somewhere in between.
 * The dispatcher paces the whole tenant; this keeps a burst to one conversation (many curator alerts at once) from
 * drawing 429s that would pause the tenant.
 */
export class ConversationPacer {
  readonly #limiter: SlidingWindowLimiter;

  constructor(
    windows: readonly SlidingWindow[] = TEAMS_CONVERSATION_WINDOWS,
    timer: Timer = systemTimer,
    marginMs = CONVERSATION_PACE_MARGIN_MS,
  ) {
    this.#limiter = new SlidingWindowLimiter(windows, marginMs, timer);
  }

  /**
   * Resolves when the conversation's windows allow one more request, with the function to call once it has been
   * answered or has failed (until then it counts as arriving any moment).
   */
  acquire(conversationId: string): Promise<() => void> {
    return this.#limiter.acquire(conversationId);
  }

  /**
   * Counts a request to the conversation that goes out at once (a reply within a person's turn), so that the sends
   * paced after it leave room for it; returns the function to call once it has been answered or has failed.
   */
  note(conversationId: string): () => void {
    return this.#limiter.note(conversationId);
  }

  /** Runs `request` to the conversation when its windows allow; it counts until it is answered or failed. */
  run<T>(conversationId: string, request: () => Promise<T>): Promise<T> {
    return this.#limiter.run(conversationId, request);
  }
}

export interface TeamsSenderOptions {
  adapter: TeamsCloudAdapter;
  /** The bot's Microsoft App ID; empty in local development mode. */
  appId: string;
  addresses: TeamsAddressBook;
  attempts: ConnectorAttempts;
  logger: Logger;
  /** Tenant-wide pace, messages per second. */
  messagesPerSecond?: number;
  pacer?: ConversationPacer;
}

type Target =
  | { kind: 'reference'; reference: StoredReference }
  | { kind: 'channel'; channelId: string; serviceUrl: string; botId: string }
  | { kind: 'person'; memberId: string; serviceUrl: string; botId: string };

/**
 * Delivers outbox messages to Teams through the Bot Connector, proactively: with the conversation reference
 * saved when the person installed the app (continueConversationAsync); a curator channel gets a new thread
 * (createConversationAsync in the channel, as Teams documents for channel posts); a person who has the app
 * but whose reference was never seen gets a 1:1 conversation created from their Entra object id.
 *
 * No `findDelivered`: the Bot Connector cannot read a Teams conversation back (its history route only
 * uploads), so a send whose answer was lost cannot be checked and the dispatcher keeps it at most once.
 */
export class TeamsSender implements ChannelSender {
  readonly platform = 'teams' as const;
  readonly limits: ChannelLimits;
  readonly #options: TeamsSenderOptions;
  readonly #pacer: ConversationPacer;

  constructor(options: TeamsSenderOptions) {
    this.#options = options;
    this.#pacer = options.pacer ?? new ConversationPacer();
    this.limits = teamsSendPace(options.messagesPerSecond ?? 10);
  }

  async #target(recipient: Recipient): Promise<Target | null> {
    const stored =
      parseReference(recipient.address) ??
      (await this.#options.addresses.reference(recipient.workspaceId, recipient.userId));
    const channel = isChannelId(recipient.userId);
    // A person's own conversation needs nothing else: no read of the tenant's defaults per send.
    if (stored && !channel) return { kind: 'reference', reference: stored };
    const tenant = await this.#options.addresses.tenant(recipient.workspaceId);
    if (channel) {
      const serviceUrl = stored?.serviceUrl ?? tenant?.serviceUrl;
      const botId = stored?.bot.id ?? tenant?.botId;
      return serviceUrl && botId ? { kind: 'channel', channelId: recipient.userId, serviceUrl, botId } : null;
    }
    if (stored) return { kind: 'reference', reference: stored };
    if (!tenant) return null;
    // Teams accepts the person's Entra object id for a 1:1 once the app is installed for them.
    const member = await this.#options.addresses.member(recipient.workspaceId, recipient.userId);
    return {
      kind: 'person',
      memberId: member?.id ?? recipient.userId,
      serviceUrl: tenant.serviceUrl,
      botId: tenant.botId,
    };
  }

  async send(delivery: Delivery): Promise<SendReceipt> {
    const { recipient } = delivery;
    const target = await this.#target(recipient);
    if (!target) {
      const reason = 'no Teams conversation with them yet: they have not installed the app';
      await this.#unreachable(recipient, reason);
      throw new SendError(reason, { kind: 'unreachable' });
    }
    const activity = messageActivity(delivery.message);
    // The request counts against the conversation's windows until its answer is in.
    const answered = await this.#pacer.acquire(
      target.kind === 'reference'
        ? target.reference.conversation.id
        : target.kind === 'channel'
          ? target.channelId
          : target.memberId,
    );
    const { adapter, appId, attempts } = this.#options;
    const attempt = attempts.track(async (): Promise<SendReceipt> => {
      if (target.kind === 'reference') {
        const id = await adapter.sendToReference(
          appId,
          target.reference as unknown as Partial<ConversationReference>,
          activity,
        );
        return {
          providerRef: `${target.reference.conversation.id}/${id}`,
          address: JSON.stringify(target.reference),
        };
      }
      const tenantId = recipient.workspaceId;
      const parameters: ConversationParameters =
        target.kind === 'channel'
          ? {
              isGroup: true,
              bot: { id: target.botId, name: 'coachloop' },
              channelData: { channel: { id: target.channelId }, tenant: { id: tenantId } },
              tenantId,
              activity: activity as Activity,
              members: [],
            }
          : {
              isGroup: false,
              bot: { id: target.botId, name: 'coachloop' },
              members: [{ id: target.memberId, name: '' }],
              channelData: { tenant: { id: tenantId } },
              tenantId,
              activity: activity as Activity,
            };
      let conversationId = '';
      await adapter.createConversationAsync(
        appId,
        'msteams',
        target.serviceUrl,
        appId ? BOT_CONNECTOR_SCOPE : '',
        parameters,
        async (context) => {
          conversationId = context.activity.conversation.id;
        },
      );
      // A channel thread's id ends in the id of its first message; a 1:1 answers only the conversation id.
      const messageId = /;messageid=(\w+)$/.exec(conversationId)?.[1] ?? '';
      const reference: StoredReference = {
        channelId: 'msteams',
        serviceUrl: target.serviceUrl,
        conversation: {
          id: target.kind === 'channel' ? target.channelId : conversationId,
          tenantId,
          ...(target.kind === 'channel'
            ? { conversationType: 'channel', isGroup: true }
            : { conversationType: 'personal' }),
        },
        bot: { id: target.botId, name: 'coachloop' },
        ...(target.kind === 'person' ? { user: { id: target.memberId } } : {}),
      };
      return { providerRef: `${conversationId}/${messageId}`, address: JSON.stringify(reference) };
    });
    const outcome = await attempt.finally(answered);
    if (outcome.result) return outcome.result;
    const failure = classifyTeamsError(outcome.error, outcome.sent);
    if (failure.failure.kind === 'unreachable') await this.#unreachable(recipient, failure.message);
    throw failure;
  }

  async #unreachable(recipient: Recipient, reason: string): Promise<void> {
    this.#options.logger.warn(
      { participantId: recipient.participantId, reason },
      'Teams cannot reach this person or channel; they are marked unreachable',
    );
  }
}
