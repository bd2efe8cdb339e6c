import { z } from 'zod';
import { booleanText, type ConfigCheck, GUID, optionalText } from '../../config-fields.js';

export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** The highest TEAMS_MESSAGES_PER_SECOND accepted. */
export const TEAMS_MAX_MESSAGES_PER_SECOND = 30;

/** Microsoft Teams' variables, named as botbuilder and the Azure Bot resource spell them. */
export const teamsConfigShape = {
  MicrosoftAppId: optionalText.refine(
    (v) => v === undefined || GUID.test(v),
    "must be a GUID, the Azure Bot's Microsoft App ID",
  ),
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const match = TEAMS_APP_TYPES.find((t) => t.toLowerCase() === v.toLowerCase());
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${TEAMS_APP_TYPES.join(', ')}` });
      return z.NEVER;
    }
    return match;
  }),
  MicrosoftAppTenantId: optionalText.refine(
    (v) => v === undefined || GUID.test(v),
    'must be a GUID, your Microsoft Entra tenant id',
  ),
  /** Serve Teams without an app id (local development only). Default: on when MicrosoftAppId is set. */
  TEAMS_ENABLED: booleanText,
  TEAMS_CURATOR_CHANNEL: optionalText.refine(
    (v) => v === undefined || /^19:[^;\s]+@thread\.[a-z0-9]+$/i.test(v),
    'must be a Teams channel id like 19:abc…@thread.tacv2 (the bot tells you a channel\'s id when a curator types "claim" there)',
  ),
  TEAMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  TEAMS_MESSAGES_PER_SECOND: z.coerce.number().min(1).max(TEAMS_MAX_MESSAGES_PER_SECOND).default(10),
  /** Test and development only: accept inbound tokens signed by another OpenID issuer (a local one). */
  TEAMS_OPENID_METADATA_URL: optionalText.refine((v) => v === undefined || URL.canParse(v), 'must be a URL'),
  TEAMS_TOKEN_ISSUER: optionalText,
};

type TeamsEnv = { [K in keyof typeof teamsConfigShape]: z.output<(typeof teamsConfigShape)[K]> };

export const checkTeamsConfig: ConfigCheck<TeamsEnv> = (env, ctx) => {
  const appType = env.MicrosoftAppType ?? 'MultiTenant';
  if (env.MicrosoftAppId) {
    if (appType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${appType}`,
      });
    }
    if (appType === 'UserAssignedMSI' && env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'must be empty with MicrosoftAppType UserAssignedMSI (the managed identity signs in)',
      });
    }
    if (appType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: `is required with MicrosoftAppId (the client secret of the bot's app registration)`,
      });
    }
  } else {
    for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const) {
      if (env[name])
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppId'],
          message: `is required when ${name} is set`,
        });
    }
    if (env.TEAMS_ENABLED && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message:
          'is required in production: without it POST /api/messages accepts unauthenticated requests (local development only)',
      });
    }
  }
  if (env.TEAMS_OPENID_METADATA_URL || env.TEAMS_TOKEN_ISSUER) {
    const name = env.TEAMS_OPENID_METADATA_URL ? 'TEAMS_OPENID_METADATA_URL' : 'TEAMS_TOKEN_ISSUER';
    if (env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'is for tests and local development only; remove it in production',
      });
    } else if (!env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'only applies with MicrosoftAppId (without it nothing is authenticated)',
      });
    }
  }
};

/**
 * The tenant pace the dispatcher keeps for a TEAMS_MESSAGES_PER_SECOND setting (1 to 30). Teams allows about 50
 * requests per second per app per tenant across all conversations; the default stays far below it, since replies to
 * people's clicks draw from the same allowance. Burst plus one second's refill stays under that 50.
 */
export function teamsSendPace(messagesPerSecond: number): { perWorkspacePerSecond: number; burst: number } {
  const perSecond = Math.min(TEAMS_MAX_MESSAGES_PER_SECOND, Math.max(1, messagesPerSecond));
  return {
    perWorkspacePerSecond: perSecond,
    burst: Math.max(1, Math.min(Math.round(perSecond), 45 - Math.ceil(perSecond))),
  };
}

/** Teams is served when an app id is set, unless TEAMS_ENABLED=false; TEAMS_ENABLED=true alone is local development mode. */
export function teamsConfigured(config: Pick<TeamsEnv, 'TEAMS_ENABLED' | 'MicrosoftAppId'>): boolean {
  return config.TEAMS_ENABLED ?? Boolean(config.MicrosoftAppId);
}
