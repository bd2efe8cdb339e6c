import type { Conversation } from './app/conversation/conversation.js';
import type { Channel, ChannelState } from './app/ports.js';
import type { TeamsCredentialsFactory } from './channels/teams/adapter.js';
import type { Config } from './config.js';
import type { Platform } from './core/participant.js';
import type { Logger } from './logger.js';

/** Test hooks a channel may take (a bot id that spares Slack's auth.test, a local Teams token maker). */
export interface ChannelHooks {
  slackBotIds?: { botId: string; botUserId: string };
  teamsCredentialsFactory?: TeamsCredentialsFactory;
}

export interface ChannelContext {
  config: Config;
  conversation: Conversation;
  /** This channel's own key-value state (conversation references and the like). */
  state: ChannelState;
  logger: Logger;
  hooks: ChannelHooks;
}

/**
 * A chat platform as the wiring sees it: whether the configuration turns it on, the curator channel set
 * for it, and how to build it. Adding a platform is one more module in CHANNEL_MODULES (see the README).
 */
export interface ChannelModule {
  platform: Platform;
  configured(config: Config): boolean;
  curatorChannel(config: Config): string | undefined;
  /** What the start-up log line says about it. */
  describe(config: Config): Record<string, unknown>;
  create(context: ChannelContext): Promise<Channel>;
}

export async function channelModules(): Promise<readonly ChannelModule[]> {
  const [{ slackModule }, { teamsModule }] = await Promise.all([
    import('./channels/slack/module.js'),
    import('./channels/teams/module.js'),
  ]);
  return [slackModule, teamsModule];
}
