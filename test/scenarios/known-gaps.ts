import { it } from 'vitest';
import type { ChatDriver } from '../support/drivers/chat-driver.js';

/**
 * Scenarios that fail today on one way of reaching the bot, each with why. They are skipped (not weakened):
 * the assertions say what should happen. The conversation layer (issue 11) empties this list; when a gap
 * closes, its entry goes. Keys are `<driver>: <scenario title>`; a check keeps every key naming a scenario.
 */
export const KNOWN_GAPS: ReadonlyMap<string, string> = new Map([
  [
    'slack: accepting consent twice records it once',
    'the "already decided" guard on consent lives only in the Teams adapter: on Slack a second Accept runs decideConsent again (a second ledger row, a second audit entry, onConsentAccepted again)',
  ],
  [
    'slack: the same Accept click delivered twice records consent once',
    'Slack payloads are not deduplicated and the consent guard is missing on Slack: the replay records consent a second time',
  ],
  [
    'slack: checkin with a checkpoint open answers it in one form',
    'on Slack the checkin modal just closes: the person is shown no confirmation (only the Home tab changes), while Teams answers "Day 3 checkpoint saved…"',
  ],
  [
    'teams: opting out stops every message; talking again offers consent anew',
    'the Teams consent guard treats "opted out" as decided: Accept on the consent offered again records nothing and shows the declined card, so the person stays opted out',
  ],
  [
    'teams-submit: opting out stops every message; talking again offers consent anew',
    'the Teams consent guard treats "opted out" as decided: Accept on the consent offered again records nothing and shows the declined card, so the person stays opted out',
  ],
  [
    'teams: a curator pairs two people with the pair command',
    'Teams has no pair command: typed text loses its @mentions and "pair" is answered as an unknown word',
  ],
  [
    'teams-submit: a curator pairs two people with the pair command',
    'Teams has no pair command: typed text loses its @mentions and "pair" is answered as an unknown word',
  ],
  [
    'teams-submit: two curators decide at once: one decision per alert',
    "with Action.Submit every answer card, an opened form too, replaces the alert message for everyone: the second curator's form replaces the first's, whose submission then lands on the other form and is never told the alert was already handled",
  ],
  [
    'slack: a stale practice button on an answered survey changes nothing',
    'a stale practice click re-records the survey with the new practice value (item 6 wants an explicit "change my answer" path instead)',
  ],
  [
    'teams: a stale practice button on an answered survey changes nothing',
    'a stale practice click re-records the survey with the new practice value (item 6 wants an explicit "change my answer" path instead)',
  ],
  [
    'teams-submit: a stale practice button on an answered survey changes nothing',
    'a stale practice click re-records the survey with the new practice value (item 6 wants an explicit "change my answer" path instead)',
  ],
  [
    'slack: a storm of clicks on an answered survey changes nothing and costs at most one platform call',
    'every click re-records the practice answer and makes one chat.update and one views.open: 50 clicks, 100 calls',
  ],
  [
    'teams: a storm of clicks on an answered survey changes nothing and costs at most one platform call',
    'every click re-records the practice answer and updates the card for everyone: 50 clicks, 50 connector calls',
  ],
  [
    'teams-submit: a storm of clicks on an answered survey changes nothing and costs at most one platform call',
    'every click re-records the practice answer and updates the card: 50 clicks, 50 connector calls',
  ],
  [
    'teams-submit: a storm of clicks on an answered nudge changes nothing and costs at most one platform call',
    'with Action.Submit the "already answered" notice is a new chat message: one connector call per click, 50 for 50',
  ],
  [
    'teams-submit: every button works in this client as the bot sent it',
    'cards carry Action.Execute only, no Action.Submit fallback (item 8): older clients cannot click any button; the driver clicks with the Execute data, which is what a fallback would carry',
  ],
]);

/**
 * `it` for one driver's scenarios: a known gap is skipped with its reason in the title. With
 * `RUN_KNOWN_GAPS=1` in the environment the gaps run like every other scenario, to see which still fail.
 */
export function scenarioFor(driver: ChatDriver) {
  const runGaps = process.env.RUN_KNOWN_GAPS === '1';
  return (title: string, body: () => Promise<void>, timeoutMs?: number): void => {
    const gap = KNOWN_GAPS.get(`${driver.name}: ${title}`);
    if (gap && !runGaps) it.skip(`${title} [known gap: ${gap}]`, body);
    else it(title, body, timeoutMs);
  };
}
