import { validate as validCron } from 'node-cron';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

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
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must be a bot token starting with xoxb-'),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'must be an app-level token starting with xapp-'),
    CURATOR_CHANNEL: optionalText,
    CURATORS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
    CURATOR_USERGROUP: optionalText,
    SLACK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    SLACK_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(300),
    SLACK_API_URL: z
      .url('must be a URL such as https://slack.com/api/')
      .default('https://slack.com/api/')
      .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
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
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when other SLACK_ variables are set' });
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
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  return parsed.data;
}

export function slackConfigured(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN);
}
