import type { Conversation } from '../../app/conversation/conversation.js';
import type { Channel, ChannelState } from '../../app/ports.js';
import type { Logger } from '../../logger.js';
import {
  createTeamsAdapter,
  createTeamsRequestListener,
  type TeamsAuthSettings,
  type TeamsCloudAdapter,
  type TeamsCredentialsFactory,
} from './adapter.js';
import { TeamsAddressBook } from './addresses.js';
import { teamsTurnLogic } from './inbound.js';
import { teamsResponder } from './respond.js';
import { ConversationPacer, TeamsSender } from './sender.js';
import { ConnectorAttempts } from './transport.js';

export interface TeamsChannelOptions {
  auth: TeamsAuthSettings;
  timeoutMs: number;
  messagesPerSecond: number;
  conversation: Conversation;
  /** Where the channel keeps conversation references and what it learned of tenants and members. */
  state: ChannelState;
  logger: Logger;
  /** Test only: makes the bot's outbound tokens (production uses botbuilder's from MicrosoftAppPassword). */
  credentialsFactory?: TeamsCredentialsFactory;
  bodyLimitBytes?: number;
}

export interface TeamsChannel extends Channel {
  readonly adapter: TeamsCloudAdapter;
  readonly sender: TeamsSender;
}

/** Microsoft Teams: botbuilder's CloudAdapter on POST /api/messages, Adaptive Cards, proactive delivery. */
export function createTeamsChannel(options: TeamsChannelOptions): TeamsChannel {
  const log = options.logger.child({ channel: 'teams' });
  const attempts = new ConnectorAttempts();
  const addresses = new TeamsAddressBook(options.state);
  const adapter = createTeamsAdapter({
    auth: options.auth,
    timeoutMs: options.timeoutMs,
    attempts,
    logger: log,
    ...(options.credentialsFactory ? { credentialsFactory: options.credentialsFactory } : {}),
  });
  // One pacer for both: replies within people's turns count against the windows the outbox's sends keep.
  const pacer = new ConversationPacer();
  const sender = new TeamsSender({
    adapter,
    appId: options.auth.appId,
    addresses,
    attempts,
    logger: log,
    messagesPerSecond: options.messagesPerSecond,
    pacer,
  });
  const logic = teamsTurnLogic({
    conversation: options.conversation,
    addresses,
    respond: teamsResponder({ addresses, log }),
    log,
    pacer,
  });
  return {
    platform: 'teams',
    capabilities: { modalForms: false },
    adapter,
    sender,
    routes: {
      '/api/messages': createTeamsRequestListener({
        adapter,
        logic,
        authRequired: Boolean(options.auth.appId),
        logger: log,
        ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
      }),
    },
    start: async () => undefined,
    stop: async () => undefined,
  };
}
