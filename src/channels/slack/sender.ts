import { ErrorCode, type KnownBlock, LogLevel, type Logger as SlackLogger, WebClient } from '@slack/web-api';
import { z } from 'zod';
import {
  type ChannelLimits,
  type ChannelSender,
  type Delivery,
  SendError,
  type SendReceipt,
} from '../../app/ports.js';
import type { Logger } from '../../logger.js';
import { slackSendPace } from './config.js';
import { renderMessage } from './render.js';

/** The message metadata event type that carries the outbox key, so a send can be found again. */
export const OUTBOX_METADATA_EVENT = 'coachloop_outbox';

const UNREACHABLE = new Set([
  'channel_not_found',
  'user_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'is_archived',
  'not_in_channel',
  'users_not_found',
]);
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

export interface SlackClientOptions {
  token: string;
  apiUrl: string;
  timeoutMs?: number;
  /** Where the client's own warnings go (instead of the console); only warnings and errors, as text. */
  logger?: Logger;
}

/** The Web API client's logger: warnings and errors into pino, nothing at lower levels (it can print payloads). */
export function slackLibraryLogger(logger: Logger, component: string): SlackLogger {
  const child = logger.child({ component });
  let level = LogLevel.WARN;
  const text = (msgs: unknown[]) =>
    msgs.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : '[object]')).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msgs) => child.warn(text(msgs)),
    error: (...msgs) => child.error(text(msgs)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * A Web API client that never retries or waits by itself: the outbox dispatcher owns retries and
 * Retry-After, so a rate limit surfaces at once as an error.
 */
export function createSlackClient(options: SlackClientOptions): WebClient {
  return new WebClient(options.token, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    ...(options.logger
      ? { logger: slackLibraryLogger(options.logger, 'slack-web-api') }
      : { logLevel: LogLevel.ERROR }),
  });
}

/** Turns a Web API failure into the dispatcher's terms. */
export function classifySlackError(error: unknown): SendError {
  const err = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  switch (err.code) {
    case ErrorCode.RateLimitedError:
      return new SendError('rate limited by Slack', {
        kind: 'rate_limited',
        retryAfterMs: Math.max(1, err.retryAfter ?? 1) * 1000,
      });
    case ErrorCode.PlatformError: {
      const code = err.data?.error ?? 'unknown_error';
      if (UNREACHABLE.has(code)) return new SendError(code, { kind: 'unreachable' });
      if (TRANSIENT.has(code)) return new SendError(code, { kind: 'transient' });
      return new SendError(code, { kind: 'permanent' });
    }
    case ErrorCode.HTTPError:
      // A 5xx may come after Slack stored the message: settle it by looking before sending again.
      return new SendError(
        `HTTP ${err.statusCode ?? '?'}`,
        { kind: 'transient' },
        (err.statusCode ?? 500) >= 500,
      );
    case ErrorCode.RequestError:
      return new SendError('no answer from Slack', { kind: 'transient' }, true);
    default:
      return new SendError(err.message ?? 'unknown error', { kind: 'transient' }, true);
  }
}

const openResult = z.object({ channel: z.object({ id: z.string() }) });
const postResult = z.object({ ts: z.string(), channel: z.string() });
const historyResult = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .default([]),
});

/** Delivers outbox messages as direct messages through the Slack Web API. */
export class SlackSender implements ChannelSender {
  readonly platform = 'slack' as const;
  readonly limits: ChannelLimits;

  constructor(
    private readonly client: WebClient,
    options: { messagesPerMinute?: number } = {},
  ) {
    this.limits = {
      ...slackSendPace(options.messagesPerMinute ?? 300),
      // conversations.history is Tier 3 (50+ per minute).
      lookupsPerSecond: 45 / 60,
    };
  }

  async #channel(delivery: Delivery): Promise<string> {
    if (delivery.recipient.address) return delivery.recipient.address;
    try {
      const opened = openResult.parse(
        await this.client.conversations.open({ users: delivery.recipient.userId }),
      );
      return opened.channel.id;
    } catch (error) {
      if (error instanceof z.ZodError)
        throw new SendError('unexpected answer to conversations.open', { kind: 'transient' });
      throw classifySlackError(error);
    }
  }

  async send(delivery: Delivery): Promise<SendReceipt> {
    const channel = await this.#channel(delivery);
    const { text, blocks } = renderMessage(delivery.message);
    try {
      const result = postResult.parse(
        await this.client.chat.postMessage({
          channel,
          text,
          blocks: blocks as unknown as KnownBlock[],
          unfurl_links: false,
          metadata: { event_type: OUTBOX_METADATA_EVENT, event_payload: { key: delivery.key } },
        }),
      );
      return { providerRef: `${result.channel}/${result.ts}`, address: result.channel };
    } catch (error) {
      if (error instanceof z.ZodError)
        throw new SendError('unexpected answer to chat.postMessage', { kind: 'transient' }, true);
      throw classifySlackError(error);
    }
  }

  /** Looks through the DM's recent history for a message carrying this outbox key. */
  async findDelivered(delivery: Delivery): Promise<SendReceipt | null> {
    const channel = await this.#channel(delivery);
    let history: z.output<typeof historyResult>;
    try {
      history = historyResult.parse(
        await this.client.conversations.history({ channel, limit: 100, include_all_metadata: true }),
      );
    } catch (error) {
      throw classifySlackError(error);
    }
    const match = history.messages.find(
      (m) =>
        m.metadata?.event_type === OUTBOX_METADATA_EVENT && m.metadata.event_payload?.key === delivery.key,
    );
    return match ? { providerRef: `${channel}/${match.ts}`, address: channel } : null;
  }
}
