import type { ChatDriver } from './chat-driver.js';
import { slackDriver } from './slack-driver.js';
import { teamsDriver, teamsSubmitDriver } from './teams-driver.js';

/** Every way a person can reach the bot: the shared scenarios run on each. */
export const CHAT_DRIVERS: readonly ChatDriver[] = [slackDriver, teamsDriver, teamsSubmitDriver];
