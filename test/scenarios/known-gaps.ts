import { it } from 'vitest';
import type { ChatDriver } from '../support/drivers/chat-driver.js';

/**
 * Scenarios that fail today on one way of reaching the bot, each with why. They are skipped, not weakened:
 * the assertions say what should happen, and when a gap closes its entry goes (`RUN_KNOWN_GAPS=1` shows
 * which still fail). Keys are `<driver>: <scenario title>`; a check keeps every key naming a scenario.
 */
export const KNOWN_GAPS: ReadonlyMap<string, string> = new Map([]);

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
