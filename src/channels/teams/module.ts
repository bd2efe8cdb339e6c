import type { Config } from '../../config.js';
import type { ChannelModule } from '../../registry.js';
import type { TeamsAuthSettings } from './adapter.js';
import { teamsConfigured } from './config.js';

/** How the bot signs in and checks inbound tokens, from the configuration. */
export function teamsAuthSettings(config: Config): TeamsAuthSettings {
  return {
    appId: config.MicrosoftAppId ?? '',
    appType: config.MicrosoftAppType ?? 'MultiTenant',
    ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
    ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
    ...(config.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL } : {}),
    ...(config.TEAMS_TOKEN_ISSUER ? { tokenIssuer: config.TEAMS_TOKEN_ISSUER } : {}),
  };
}

/** Teams as the registry sees it. botbuilder is large: it is loaded only when Teams is configured. */
export const teamsModule: ChannelModule = {
  platform: 'teams',
  configured: teamsConfigured,
  curatorChannel: (config) => config.TEAMS_CURATOR_CHANNEL,
  describe: () => ({ teams: true }),
  create: async ({ config, conversation, state, logger, hooks }) => {
    if (!config.MicrosoftAppId) {
      logger.warn(
        'TEAMS LOCAL DEVELOPMENT MODE: MicrosoftAppId is empty, so POST /api/messages accepts activities without any authentication ' +
          'and replies go to whatever serviceUrl they name. Never expose this server; set MicrosoftAppId and MicrosoftAppPassword for real use.',
      );
    }
    const { createTeamsChannel } = await import('./index.js');
    return createTeamsChannel({
      auth: teamsAuthSettings(config),
      timeoutMs: config.TEAMS_TIMEOUT_MS,
      messagesPerSecond: config.TEAMS_MESSAGES_PER_SECOND,
      conversation,
      state,
      logger,
      ...(hooks.teamsCredentialsFactory ? { credentialsFactory: hooks.teamsCredentialsFactory } : {}),
    });
  },
};
