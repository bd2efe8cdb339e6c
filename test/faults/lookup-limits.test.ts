import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackClient, SlackSender } from '../../src/channels/slack/sender.js';
import { Dispatcher } from '../../src/scheduler/dispatcher.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { startSlackSimulator } from '../simulators/slack-api.js';
import {
  auditDelivery,
  DUE_AT,
  dropPopulationTemplates,
  muteWebApiWarnings,
  population,
  SimulatedTime,
  startMethodLimitProxy,
  tempRunDir,
  ZONE,
} from './harness.js';

let dir: { dir: string; cleanup: () => void };
let cleanups: (() => unknown)[] = [];
beforeEach(() => {
  dir = tempRunDir();
  cleanups = [muteWebApiWarnings()];
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  dir.cleanup();
});
afterAll(() => dropPopulationTemplates());

describe('settling unknown outcomes under Slack’s rate limit on lookups', () => {
  it('does not lose messages whose sends timed out when conversations.history answers 429 for a while', async () => {
    // A Slack incident: every send of a large batch times out, and Slack stored about half of them. Once it is
    // over, each row must look in the DM history before sending again, but conversations.history has its own
    // rate limit (Tier 3; 10 a minute here, for a batch of 60). The production defaults are used throughout:
    // backoff, maxAttempts, pace. Every message must still arrive exactly once, however long the lookups take.
    const people = 60;
    const { path, userIds, expectedKeys } = await population(people, join(dir.dir, 'lookups.db'));
    const store = openSqliteStore({ path });
    cleanups.push(() => store.close());
    const time = new SimulatedTime(DUE_AT);
    const sim = await startSlackSimulator({ now: () => time.now() });
    cleanups.push(() => sim.close());
    for (const id of userIds) sim.addUser({ id, tz: ZONE });
    const proxy = await startMethodLimitProxy({
      target: sim.apiUrl,
      method: 'conversations.history',
      perMinute: 10,
      now: () => time.now(),
    });
    cleanups.push(() => proxy.close());
    // A short client timeout while Slack hangs; afterwards a realistic one, so a loaded test machine cannot turn
    // ordinary answers into more timeouts.
    const dispatcherWith = (timeoutMs: number) =>
      new Dispatcher({
        store,
        clock: time,
        timer: time,
        senders: [new SlackSender(createSlackClient({ token: sim.token, apiUrl: proxy.apiUrl, timeoutMs }))],
      });
    const incident = dispatcherWith(400);

    sim.injectRandomFaults({
      probability: 1,
      kinds: [
        { type: 'hang', apply: true },
        { type: 'hang', apply: false },
      ],
      seed: 11,
      methods: ['chat.postMessage'],
    });
    await runSchedulerPass(store, time);
    await incident.drain();
    sim.clearFaults();
    const dispatcher = dispatcherWith(5000);
    const storedDuringIncident = sim.messages().length;
    expect(storedDuringIncident).toBeGreaterThan(0);

    for (let tick = 0; tick < 500; tick++) {
      const counts = await store.outbox.counts();
      if (counts.pending + counts.sending === 0) break;
      time.set(Math.max(time.now() + 1000, (await store.outbox.nextAttemptAt()) ?? 0));
      await runSchedulerPass(store, time);
      await dispatcher.drain();
    }
    const audit = auditDelivery(sim, expectedKeys, await store.outbox.counts());
    const failed = (await store.outbox.list({ status: 'failed' })).map((row) => row.reason);
    console.info(
      `${storedDuringIncident} stored during the incident; lookups: ${proxy.allowed} answered, ${proxy.enforced} refused with 429; ` +
        `outbox ${JSON.stringify(audit.outbox)}; e.g. ${failed[0] ?? '-'}`,
    );
    expect(proxy.enforced).toBeGreaterThan(0);
    expect(audit.duplicated).toEqual([]);
    expect(audit.unexpected).toEqual([]);
    // Look-ups refused with 429 wait out Retry-After and use no attempts, so no row is closed as failed.
    expect(failed).toEqual([]);
    expect(audit.missing).toEqual([]);
    expect(audit.outbox).toMatchObject({ sent: people, pending: 0, sending: 0, failed: 0 });
  });
});
