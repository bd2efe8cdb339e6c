import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { z } from 'zod';
import type { Conversation } from '../../app/conversation/conversation.js';
import type { Channel } from '../../app/ports.js';
import type { Logger } from '../../logger.js';
import { registerSlackInbound, slackFrontDoor } from './inbound.js';
import { slackResponder } from './respond.js';
import { createSlackClient, SlackSender, slackLibraryLogger } from './sender.js';

export interface SlackChannelOptions {
  botToken: string;
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  apiUrl: string;
  timeoutMs: number;
  messagesPerMinute: number;
  /** CURATOR_USERGROUP: a Slack user group whose members are curators. */
  curatorUsergroup?: string;
  conversation: Conversation;
  logger: Logger;
  /** Known at start-up to skip Bolt's auth.test call. */
  botId?: string;
  botUserId?: string;
  bodyLimitBytes?: number;
}

export interface SlackChannel extends Channel {
  readonly app: App;
}

const usergroupSchema = z.object({ users: z.array(z.string()).default([]) });

/** Slack: Bolt over HTTP (`/slack/events`) or Socket Mode, Block Kit, the App Home, and the outbox sender. */
export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  const log = options.logger.child({ channel: 'slack' });
  const boltLogger = slackLibraryLogger(options.logger, 'bolt');
  const receiver = options.appToken
    ? null
    : new HTTPReceiver({
        signingSecret: options.signingSecret ?? '',
        endpoints: '/slack/events',
        logger: boltLogger,
        bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
        unhandledRequestTimeoutMillis: 3001,
      });
  const app = new App({
    token: options.botToken,
    logger: boltLogger,
    logLevel: LogLevel.WARN,
    // No conversation store: coachloop keeps no per-conversation state in Bolt (a replica's memory would not be
    // shared), and the default one answers every event's lookup with a new Error, a stack trace each time.
    convoStore: false,
    clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 }, timeout: 10_000 },
    ...(options.botId && options.botUserId ? { botId: options.botId, botUserId: options.botUserId } : {}),
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken }),
  });
  const client = app.client;
  const respond = slackResponder({
    client,
    log,
    status: (identity, notice) => options.conversation.status(identity, notice),
  });
  registerSlackInbound(app, { client, conversation: options.conversation, respond, log });

  const sender = new SlackSender(
    createSlackClient({
      logger: options.logger,
      token: options.botToken,
      apiUrl: options.apiUrl,
      timeoutMs: options.timeoutMs,
    }),
    { messagesPerMinute: options.messagesPerMinute },
  );

  const usergroup = options.curatorUsergroup;
  return {
    platform: 'slack',
    capabilities: { modalForms: true },
    app,
    sender,
    routes: receiver
      ? {
          '/slack/events': slackFrontDoor(receiver.requestListener, {
            signingSecret: options.signingSecret ?? '',
            bodyLimitBytes: options.bodyLimitBytes ?? 256 * 1024,
            log,
          }),
        }
      : {},
    ...(usergroup
      ? {
          memberOfCuratorGroup: async (userId: string) => {
            try {
              const result = usergroupSchema.parse(await client.usergroups.users.list({ usergroup }));
              return result.users.includes(userId);
            } catch (error) {
              log.warn({ err: (error as Error).message }, 'could not read the curator user group');
              return false;
            }
          },
        }
      : {}),
    start: async () => {
      if (!receiver) await app.start();
    },
    stop: async () => {
      if (!receiver) await app.stop();
    },
  };
}
