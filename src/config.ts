import { validate as validCron } from 'node-cron';
import { z } from 'zod';
import {
  checkSlackConfig,
  SLACK_MAX_MESSAGES_PER_MINUTE,
  slackConfigShape,
  slackSendPace,
} from './channels/slack/config.js';
import {
  checkTeamsConfig,
  TEAMS_MAX_MESSAGES_PER_SECOND,
  teamsConfigShape,
  teamsSendPace,
} from './channels/teams/config.js';
import { checkConsoleConfig, consoleConfigShape, peopleList } from './config-console.js';
import { optionalText } from './config-fields.js';
import type { PaceSetting } from './core/capacity.js';

export { slackConfigured } from './channels/slack/config.js';
export { TEAMS_APP_TYPES, teamsConfigured } from './channels/teams/config.js';
export { consoleConfigured } from './config-console.js';

/** coachloop's own variables; each channel brings its own fragment and checks. */
const coreShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/coachloop.db'),
  /** A database URL (`sqlite:…`, `postgres://…`); when set it wins over DATABASE_PATH. */
  DATABASE_URL: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROGRAMS_DIR: z.string().min(1).default('./programs'),
  DEFAULT_PROGRAM: optionalText,
  TICK_CRON: z
    .string()
    .default('* * * * *')
    .refine((v) => validCron(v), 'must be a valid cron expression, e.g. "* * * * *"'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000, 'must be at least 1000 (ms)')
    .max(600_000, 'must be at most 600000 (ms, ten minutes)')
    .default(20_000),
  DISPATCH_LEASE_MS: z.coerce
    .number()
    .int()
    .min(3000, 'must be at least 3000 (ms)')
    .max(600_000, 'must be at most 600000 (ms, ten minutes)')
    .default(30_000),
  CURATORS: peopleList,
};

const envSchema = z
  .object({ ...coreShape, ...slackConfigShape, ...teamsConfigShape, ...consoleConfigShape })
  .superRefine((env, ctx) => {
    checkSlackConfig(env, ctx);
    checkTeamsConfig(env, ctx);
    checkConsoleConfig(env, ctx);
    const sendTimeout = Math.max(env.SLACK_TIMEOUT_MS, env.TEAMS_TIMEOUT_MS);
    if (env.SHUTDOWN_TIMEOUT_MS <= sendTimeout)
      ctx.addIssue({
        code: 'custom',
        path: ['SHUTDOWN_TIMEOUT_MS'],
        message: `must be longer than the slowest send may take (SLACK_TIMEOUT_MS and TEAMS_TIMEOUT_MS, here ${sendTimeout} ms), so that sends under way can finish before the process exits`,
      });
    if ((env.DISPATCH_LEASE_MS * 2) / 3 <= sendTimeout)
      ctx.addIssue({
        code: 'custom',
        path: ['DISPATCH_LEASE_MS'],
        message: `must be more than one and a half times the slowest send (SLACK_TIMEOUT_MS and TEAMS_TIMEOUT_MS, here ${sendTimeout} ms): a replica that takes a workspace over from one that died looks up the sends it left under way, which must have ended by then`,
      });
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

/** The send paces a configuration sets, as the senders keep them: what the capacity estimate reads. */
export function paceSettings(
  config: Pick<Config, 'SLACK_MESSAGES_PER_MINUTE' | 'TEAMS_MESSAGES_PER_SECOND'>,
): { slack: PaceSetting; teams: PaceSetting } {
  return {
    slack: {
      platform: 'slack',
      variable: 'SLACK_MESSAGES_PER_MINUTE',
      value: config.SLACK_MESSAGES_PER_MINUTE,
      max: SLACK_MAX_MESSAGES_PER_MINUTE,
      paceAt: slackSendPace,
    },
    teams: {
      platform: 'teams',
      variable: 'TEAMS_MESSAGES_PER_SECOND',
      value: config.TEAMS_MESSAGES_PER_SECOND,
      max: TEAMS_MAX_MESSAGES_PER_SECOND,
      paceAt: teamsSendPace,
    },
  };
}
