/**
 * Two dispatchers (two replicas) on one SQLite file and one Slack workspace with enforced limits: the dispatch
 * lease lets one of them send at a time; when the holder dies without releasing it, the other takes over once the
 * lease has expired, settles the rows the dead holder left claimed or under way at once (not after the two-minute
 * claim lease), and every message arrives exactly once with no 429.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelSender, Delivery } from '../../src/app/ports.js';
import { createSlackClient, SlackSender } from '../../src/channels/slack/sender.js';
import type { Clock } from '../../src/core/clock.js';
import { Dispatcher } from '../../src/scheduler/dispatcher.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import {
  auditDelivery,
  DUE_AT,
  dropPopulationTemplates,
  muteWebApiWarnings,
  population,
  tempRunDir,
  ZONE,
} from '../faults/harness.js';
import { startSlackSimulator } from '../simulators/slack-api.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Real time, running from the moment the population's first nudge is due. */
function dueNowClock(): Clock {
  const started = performance.now();
  return { now: () => DUE_AT + Math.round(performance.now() - started) };
}

interface SendSpan {
  by: string;
  start: number;
  end: number;
}

/** The real Slack sender, recording when each send started and ended and who made it. */
function recorded(sender: SlackSender, by: string, clock: Clock, spans: SendSpan[]): ChannelSender {
  return {
    platform: sender.platform,
    limits: sender.limits,
    send: async (delivery: Delivery) => {
      const start = clock.now();
      try {
        return await sender.send(delivery);
      } finally {
        spans.push({ by, start, end: clock.now() });
      }
    },
    findDelivered: (delivery) => sender.findDelivered(delivery),
  };
}

let run: ReturnType<typeof tempRunDir>;
beforeEach(() => {
  run = tempRunDir();
});
afterEach(() => {
  run.cleanup();
  dropPopulationTemplates();
});

describe('the dispatch lease across two replicas', () => {
  it('lets one replica send for a workspace at a time and hands over after the lease when the holder dies', async () => {
    const messages = 120;
    const perMinute = 1200;
    const leaseTtl = 1500;
    const { path, userIds, expectedKeys } = await population(messages, `${run.dir}/lease.db`);
    const clock = dueNowClock();
    const unmute = muteWebApiWarnings();
    const sim = await startSlackSimulator({
      now: () => clock.now(),
      rateLimits: { perChannelPerSecond: 1, workspacePerMinute: perMinute },
    });
    const stores: SqliteStore[] = [];
    try {
      for (const id of userIds) sim.addUser({ id, tz: ZONE });
      const spans: SendSpan[] = [];
      const replica = (name: string) => {
        const store = openSqliteStore({ path });
        stores.push(store);
        const slack = new SlackSender(
          createSlackClient({ token: sim.token, apiUrl: sim.apiUrl, timeoutMs: 5000 }),
          { messagesPerMinute: perMinute },
        );
        const dispatcher = new Dispatcher({
          store,
          clock,
          senders: [recorded(slack, name, clock, spans)],
          holder: name,
          dispatchLeaseMs: leaseTtl,
        });
        return { name, store, dispatcher, alive: true, deferred: 0, drains: 0 };
      };
      const a = replica('replica-a');
      const b = replica('replica-b');
      await runSchedulerPass(a.store, clock);
      expect((await a.store.outbox.counts()).pending).toBe(messages);

      // Each replica drains in a loop, as its dispatch poll would; `a` starts first and gets the lease.
      const loop = async (r: typeof a) => {
        while (r.alive) {
          const counts = await r.store.outbox.counts();
          if (counts.pending + counts.sending === 0) return;
          const stats = await r.dispatcher.drain().catch(() => null);
          r.drains += 1;
          if (stats) r.deferred += stats.deferred;
          await sleep(50);
        }
      };
      const loopA = loop(a);
      await sleep(20);
      const loopB = loop(b);

      // Kill `a` mid-dispatch: its connection closes, so nothing more is committed or sent, and it never releases.
      while (spans.filter((s) => s.by === 'replica-a').length < 40) await sleep(5);
      const killedAt = clock.now();
      a.alive = false;
      a.store.db.close();
      await loopA;
      const deadline = performance.now() + 60_000;
      while (performance.now() < deadline) {
        const counts = await b.store.outbox.counts();
        if (counts.pending + counts.sending === 0) break;
        await sleep(50);
      }
      b.alive = false;
      await loopB;

      const audit = auditDelivery(sim, expectedKeys, await b.store.outbox.counts());
      const byA = spans.filter((s) => s.by === 'replica-a');
      const byB = spans.filter((s) => s.by === 'replica-b');
      const lastOfA = Math.max(...byA.map((s) => s.end));
      const firstOfB = Math.min(...byB.map((s) => s.start));
      console.info(
        `${byA.length} sends by a, ${byB.length} by b; b deferred ${b.deferred} times; b's first send ${firstOfB - killedAt} ms after a died; ` +
          `429s ${sim.stats.rateLimited}; outbox ${JSON.stringify(audit.outbox)}`,
      );
      expect(audit.duplicated).toEqual([]);
      expect(audit.missing).toEqual([]);
      expect(audit.unexpected).toEqual([]);
      expect(audit.outbox).toMatchObject({ sent: messages, pending: 0, sending: 0, failed: 0 });
      expect(sim.stats.rateLimited).toBe(0);
      // One at a time: while `a` held the lease `b` only deferred, and `b` began after `a`'s last send ended.
      expect(b.deferred).toBeGreaterThan(0);
      expect(byB.length).toBeGreaterThan(0);
      expect(firstOfB).toBeGreaterThanOrEqual(lastOfA);
      // The takeover waited for the lease to expire (a renewed it at most a third of the TTL before dying).
      expect(firstOfB - killedAt).toBeGreaterThanOrEqual((2 * leaseTtl) / 3 - 100);
    } finally {
      for (const store of stores) if (store.db.open) await store.close();
      await sim.close();
      unmute();
    }
  }, 90_000);
});
