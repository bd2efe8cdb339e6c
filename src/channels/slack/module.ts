import type { ChannelModule } from '../../registry.js';
import { slackConfigured } from './config.js';
import { createSlackChannel } from './index.js';

/** Slack as the registry sees it: on when a bot token is set. */
export const slackModule: ChannelModule = {
  platform: 'slack',
  configured: slackConfigured,
  curatorChannel: (config) => config.CURATOR_CHANNEL,
  describe: (config) => ({ slack: config.SLACK_APP_TOKEN ? 'socket' : 'http' }),
  create: async ({ config, conversation, logger, hooks }) =>
    createSlackChannel({
      botToken: config.SLACK_BOT_TOKEN!,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      apiUrl: config.SLACK_API_URL,
      timeoutMs: config.SLACK_TIMEOUT_MS,
      messagesPerMinute: config.SLACK_MESSAGES_PER_MINUTE,
      ...(config.CURATOR_USERGROUP ? { curatorUsergroup: config.CURATOR_USERGROUP } : {}),
      conversation,
      logger,
      ...(hooks.slackBotIds ?? {}),
    }),
};
