import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { FakeTimer } from '../../../test/support/foundation.js';
import { RateLimiter } from '../../scheduler/rate-limit.js';
import { slackSendPace } from './config.js';
import { SlackSender } from './sender.js';

/**
 * The workspace cap is counted by Slack when a message arrives, the pace when it leaves: a message paced early in a
 * minute can arrive late and one paced at its end early. The pace keeps a reserve for that.
 */
describe('the Slack pace against the workspace cap', () => {
  for (const perMinute of [300, 3000]) {
    it(`never fills a minute at ${perMinute}/min, even with sends arriving up to 500 ms out of step`, async () => {
      const { limits } = new SlackSender(new WebClient('xoxb-test'), { messagesPerMinute: perMinute });
      // The pace the capacity estimate reads is the one the sender keeps.
      expect(limits).toMatchObject(slackSendPace(perMinute));
      const timer = new FakeTimer();
      const limiter = new RateLimiter(limits.perWorkspacePerSecond, limits.burst, timer);
      const times: number[] = [];
      for (let i = 0; i < perMinute * 2; i++) {
        await limiter.acquire('T1');
        times.push(timer.now());
      }
      // Sends paced within 60.5 s of each other can all arrive within one minute.
      let most = 0;
      let end = 0;
      for (let start = 0; start < times.length; start++) {
        while (end < times.length && times[end]! < times[start]! + 60_500) end++;
        most = Math.max(most, end - start);
      }
      expect(most).toBeLessThanOrEqual(perMinute);
      // The reserve stays small: the pace keeps within 2 % of the cap.
      expect(limits.perWorkspacePerSecond * 60 + limits.burst).toBeGreaterThanOrEqual(perMinute * 0.98);
    });
  }
});
