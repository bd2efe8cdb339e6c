import { channelStateFor } from './app/channel-state.js';
import { type DirectoryLookup, knownUsersLookup } from './app/roster.js';
import { slackDirectory } from './channels/slack/directory.js';
import { createSlackClient } from './channels/slack/sender.js';
import { teamsConfigured } from './channels/teams/config.js';
import { teamsAuthSettings } from './channels/teams/module.js';
import type { Config } from './config.js';
import type { Clock } from './core/clock.js';
import type { Logger } from './logger.js';
import type { Store } from './store/types.js';

/**
 * The directories a roster's emails are resolved in, for `coachloop roster import` and the console's Roster page:
 * the Slack workspace (when Slack is configured), the teams the Teams bot is installed in, then Teams people the
 * bot already knows.
 */
export async function rosterDirectories(
  config: Config,
  store: Store,
  clock: Clock,
  logger: Logger,
): Promise<DirectoryLookup[]> {
  const lookups: DirectoryLookup[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const client = createSlackClient({
      token: config.SLACK_BOT_TOKEN,
      apiUrl: config.SLACK_API_URL,
      timeoutMs: config.SLACK_TIMEOUT_MS,
    });
    const auth = (await client.auth.test()) as { team_id?: string };
    lookups.push(slackDirectory(client, auth.team_id ?? 'unknown', { timeoutMs: config.SLACK_TIMEOUT_MS }));
  }
  if (teamsConfigured(config)) {
    // People in the teams the bot is installed in, then those who installed it themselves.
    const { createTeamsDirectory } = await import('./channels/teams/directory.js');
    lookups.push(
      createTeamsDirectory({
        auth: teamsAuthSettings(config),
        timeoutMs: config.TEAMS_TIMEOUT_MS,
        state: channelStateFor(store, 'teams', clock),
        logger,
      }),
    );
  }
  lookups.push(knownUsersLookup(store, 'teams'));
  return lookups;
}
