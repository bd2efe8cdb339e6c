import { validate as validCron } from 'node-cron';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

const booleanText = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    if (/^(true|1|yes|on)$/i.test(v)) return true;
    if (/^(false|0|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_PATH: z.string().min(1).default('./data/coachloop.db'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PROGRAMS_DIR: z.string().min(1).default('./programs'),
    DEFAULT_PROGRAM: optionalText,
    TICK_CRON: z
      .string()
      .default('* * * * *')
      .refine((v) => validCron(v), 'must be a valid cron expression, e.g. "* * * * *"'),
    SLACK_BOT_TOKEN: optionalText.refine(
      (v) => v === undefined || v.startsWith('xoxb-'),
      'must be a bot token starting with xoxb-',
    ),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine(
      (v) => v === undefined || v.startsWith('xapp-'),
      'must be an app-level token starting with xapp-',
    ),
    CURATOR_CHANNEL: optionalText,
    CURATORS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    CURATOR_USERGROUP: optionalText,
    SLACK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    SLACK_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(300),
    SLACK_API_URL: z
      .url('must be a URL such as https://slack.com/api/')
      .default('https://slack.com/api/')
      .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
    // --- Microsoft Teams (names as botbuilder and the Azure Bot resource spell them) ---
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
    TEAMS_MESSAGES_PER_SECOND: z.coerce.number().min(1).max(30).default(10),
    /** Test and development only: accept inbound tokens signed by another OpenID issuer (a local one). */
    TEAMS_OPENID_METADATA_URL: optionalText.refine(
      (v) => v === undefined || URL.canParse(v),
      'must be a URL',
    ),
    TEAMS_TOKEN_ISSUER: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_BOT_TOKEN for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when other SLACK_ variables are set',
      });
    }
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
  });

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`coachloop cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once; every problem is listed together, so one fix-up round is enough. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** Teams is served when an app id is set, unless TEAMS_ENABLED=false; TEAMS_ENABLED=true alone is local development mode. */
export function teamsConfigured(config: Config): boolean {
  return config.TEAMS_ENABLED ?? Boolean(config.MicrosoftAppId);
}
