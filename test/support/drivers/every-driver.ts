import type { ChatDriver } from './chat-driver.js';
import { inLocale, SCENARIO_LOCALE } from './pseudo-locale.js';
import { slackDriver } from './slack-driver.js';
import { teamsDriver, teamsSubmitDriver } from './teams-driver.js';

const DRIVERS: readonly ChatDriver[] = [slackDriver, teamsDriver, teamsSubmitDriver];

/**
 * Every way a person can reach the bot: the shared scenarios run on each. With `SCENARIO_LOCALE` set (the
 * `pseudo-locale` test project sets en-XA), every program and person speaks that language.
 */
export const CHAT_DRIVERS: readonly ChatDriver[] = SCENARIO_LOCALE
  ? DRIVERS.map((driver) => inLocale(driver, SCENARIO_LOCALE!))
  : DRIVERS;
