import { z } from 'zod';
import { type ConfigCheck, optionalText } from '../../config-fields.js';

/** The highest SLACK_MESSAGES_PER_MINUTE accepted. */
export const SLACK_MAX_MESSAGES_PER_MINUTE = 10_000;

/** Slack's variables: a bot token with a signing secret (HTTP) or an app token (Socket Mode). */
export const slackConfigShape = {
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
  CURATOR_USERGROUP: optionalText,
  SLACK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SLACK_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(SLACK_MAX_MESSAGES_PER_MINUTE).default(300),
  SLACK_API_URL: z
    .url('must be a URL such as https://slack.com/api/')
    .default('https://slack.com/api/')
    .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
};

type SlackEnv = { [K in keyof typeof slackConfigShape]: z.output<(typeof slackConfigShape)[K]> };

export const checkSlackConfig: ConfigCheck<SlackEnv> = (env, ctx) => {
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
};

/**
 * The workspace pace the dispatcher keeps for a SLACK_MESSAGES_PER_MINUTE setting: a burst of up to 20, then an even
 * pace. Slack counts a message when it arrives, not when it leaves: 1 % of the minute stays in reserve, so that sends
 * paced at the start of a minute that arrive late and sends at its end that arrive early (up to about half a second
 * apart) still do not fill it. The burst comes out of the minute's budget too, so no 60-second window ever holds more
 * than the setting.
 */
export function slackSendPace(messagesPerMinute: number): { perWorkspacePerSecond: number; burst: number } {
  const burst = Math.max(1, Math.min(20, Math.floor(messagesPerMinute / 30)));
  const reserve = Math.ceil(messagesPerMinute / 100);
  return { perWorkspacePerSecond: Math.max(1, messagesPerMinute - burst - reserve) / 60, burst };
}

/** Slack is served when a bot token is set. */
export function slackConfigured(config: Pick<SlackEnv, 'SLACK_BOT_TOKEN'>): boolean {
  return Boolean(config.SLACK_BOT_TOKEN);
}
