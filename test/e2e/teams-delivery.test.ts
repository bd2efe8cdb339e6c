import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectorFaults } from '../simulators/botframework.js';
import {
  actionsOf,
  channelPlace,
  member,
  startTeamsHarness,
  type TeamsHarness,
  teamsUser,
} from '../support/teams-harness.js';

const ZONE = 'Europe/Berlin';
const curatorsChannel = channelPlace('Curators');
const ada = teamsUser('Ada Lovelace', ZONE);
const cora = teamsUser('Cora Curator', ZONE);

const experiment = {
  behavior: 'Ask before I tell in 1:1s',
  hypothesis: 'My team brings more of their own solutions',
  kpiName: 'Ideas raised per week',
  kpiUnit: 'ideas',
  kpiBaseline: '3',
  kpiTarget: '8',
  kpiDirection: 'increase',
  startDate: '2026-03-02',
  lengthWeeks: '13',
};

describe('Teams delivery through the outbox under connector faults', () => {
  let h: TeamsHarness;
  let participantId: string;
  const nudgeKey = () => `nudge:${participantId}:2026-03-03`;
  /** Connector requests that tried to post into Ada's chat. */
  const postsToAda = () =>
    h.sim.requests.filter(
      (r) => r.route === 'send' && decodeURIComponent(r.path).includes(ada.conversationId),
    );
  const nudgesDelivered = () =>
    h.messages(ada.conversationId).filter((m) => actionsOf(m.card).some((a) => a.verb === 'nudge.did'));

  beforeEach(async () => {
    h = await startTeamsHarness({
      start: '2026-03-02T07:00:00Z',
      env: {
        TEAMS_TIMEOUT_MS: '300',
        TEAMS_CURATOR_CHANNEL: curatorsChannel.channelId,
        CURATORS: `teams:${cora.aadObjectId}`,
      },
      coachloop: { dispatcher: { backoffMs: () => 60_000 } },
      members: { [curatorsChannel.teamId]: [member(ada), member(cora)] },
    });
    await h.installInChannel(curatorsChannel, cora);
    await h.install(ada);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    await h.click(ada, consent, 'consent.accept');
    // Answered within the turn (the experiment form), not through the outbox.
    await h.say(ada, 'start');
    await h.click(ada, h.messages(ada.conversationId).at(-1)!, 'form.experiment', experiment);
    participantId = (await h.app.store.participants.findByIdentity(h.identity(ada)))!.id;
    await h.runUntil('2026-03-03T08:00:00Z');
    h.sim.reset();
  });
  afterEach(async () => {
    const problems = h.cardProblems();
    await h.close();
    expect(problems).toEqual([]);
  });

  it('waits out a 429 with Retry-After: one request per attempt (the connector client does not retry), then exactly one nudge', async () => {
    h.sim.injectFault('send', connectorFaults.throttled(1));
    await h.runUntil('2026-03-03T08:30:00Z');
    expect(postsToAda().map((r) => r.status)).toEqual([429]);
    const row = (await h.app.store.outbox.byKey(nudgeKey()))!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.reason).toContain('rate_limited');
    expect(row.nextAttemptAt).toBeGreaterThanOrEqual(h.clock.now() + 1000);

    await h.runUntil('2026-03-03T08:45:00Z');
    expect(await h.app.store.outbox.byKey(nudgeKey())).toMatchObject({ status: 'sent', attempts: 2 });
    expect(postsToAda().map((r) => r.status)).toEqual([429, 201]);
    expect(nudgesDelivered()).toHaveLength(1);
  });

  it('retries 502, 504 and 412 itself, one request at a time, and sends once', async () => {
    h.sim.injectFault('send', connectorFaults.badGateway());
    h.sim.injectFault('send', connectorFaults.gatewayTimeout());
    h.sim.injectFault('send', connectorFaults.preconditionFailed());
    await h.runUntil('2026-03-03T08:30:00Z');
    expect(postsToAda().map((r) => r.status)).toEqual([502]);
    expect((await h.app.store.outbox.byKey(nudgeKey()))?.reason).toMatch(
      /^transient: Bot Connector answered 502/,
    );
    await h.runUntil('2026-03-03T08:45:00Z');
    await h.runUntil('2026-03-03T09:00:00Z');
    await h.runUntil('2026-03-03T09:15:00Z');
    expect(postsToAda().map((r) => r.status)).toEqual([502, 504, 412, 201]);
    expect(await h.app.store.outbox.byKey(nudgeKey())).toMatchObject({ status: 'sent', attempts: 4 });
    expect(nudgesDelivered()).toHaveLength(1);
  });

  it('does not send again when the outcome is unknown (a timeout after the connector took it, a 500)', async () => {
    // The connector stores the message but answers too late for the bot's 300 ms timeout.
    h.sim.injectFault('send', { type: 'delay', ms: 800 });
    await h.runUntil('2026-03-03T08:30:00Z');
    const row = (await h.app.store.outbox.byKey(nudgeKey()))!;
    expect(row.status).toBe('failed');
    expect(row.reason).toContain('unknown outcome');
    await h.runUntil('2026-03-03T10:00:00Z');
    expect(postsToAda()).toHaveLength(1);
    expect(nudgesDelivered()).toHaveLength(1);

    h.sim.injectFault('send', { status: 500 });
    await h.runUntil('2026-03-05T08:45:00Z');
    const thursday = (await h.app.store.outbox.byKey(`nudge:${participantId}:2026-03-05`))!;
    expect(thursday).toMatchObject({ status: 'failed', attempts: 1 });
    expect(thursday.reason).toContain('unknown outcome');
  });

  it('MessageWritesBlocked: the person is marked unreachable at once, curators are told, nothing is retried', async () => {
    h.sim.injectFault('send', connectorFaults.messageWritesBlocked(), 5);
    await h.runUntil('2026-03-05T12:00:00Z');
    expect(postsToAda().map((r) => r.status)).toEqual([403]);
    const row = (await h.app.store.outbox.byKey(nudgeKey()))!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.reason).toContain('MessageWritesBlocked');
    expect((await h.app.store.participants.get(participantId))?.reachable).toBe(false);
    // Later nudges are not even attempted.
    expect(await h.app.store.outbox.byKey(`nudge:${participantId}:2026-03-05`)).toBeNull();

    // The curators' channel hears about it, once, in a new thread.
    const posts = h.sim.conversationsCreated.filter(
      (c) =>
        (c.parameters.channelData as { channel?: { id?: string } })?.channel?.id ===
        curatorsChannel.channelId,
    );
    expect(posts).toHaveLength(1);
    const notice = String((posts[0]!.parameters.activity as { text?: string }).text);
    expect(notice).toContain('**Ada Lovelace** can no longer be reached in Teams (MessageWritesBlocked');

    // Ada unblocks the bot and writes to it: reachable again, and the next nudge goes out.
    h.sim.clearFaults();
    await h.say(ada, 'status');
    expect((await h.app.store.participants.get(participantId))?.reachable).toBe(true);
    await h.runUntil('2026-03-10T09:00:00Z');
    expect((await h.app.store.outbox.byKey(`nudge:${participantId}:2026-03-10`))?.status).toBe('sent');
  });

  it('a conversation Teams no longer knows (404) counts as unreachable too; removing the app marks it at once', async () => {
    h.sim.injectFault('send', connectorFaults.conversationNotFound());
    await h.runUntil('2026-03-03T08:30:00Z');
    expect((await h.app.store.outbox.byKey(nudgeKey()))?.reason).toContain('ConversationNotFound');
    expect((await h.app.store.participants.get(participantId))?.reachable).toBe(false);

    // Answered within the turn (the experiment form), not through the outbox.
    await h.say(ada, 'start');
    expect((await h.app.store.participants.get(participantId))?.reachable).toBe(true);
    await h.post(
      h.activityFrom(ada, { type: 'conversationUpdate', membersRemoved: [{ id: `28:${h.botAppId}` }] }),
    );
    expect((await h.app.store.participants.get(participantId))?.reachable).toBe(false);
    // Installing again greets, and brings the person back.
    await h.install(ada);
    expect((await h.app.store.participants.get(participantId))?.reachable).toBe(true);
    expect((await h.waitForText(ada.conversationId, 'Welcome back')).text).toContain('Welcome back, Ada!');
  });
});

describe("Teams delivery to one conversation under Teams' documented limits", () => {
  /** Per bot and conversation, as Microsoft documents them: the connector answers 429 beyond these. */
  const documented = [
    { count: 7, ms: 1_000 },
    { count: 8, ms: 2_000 },
    { count: 60, ms: 30_000 },
    { count: 1_800, ms: 3_600_000 },
  ];
  let h: TeamsHarness;
  afterEach(async () => {
    await h.close();
  });

  const enrolled = async () => {
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z', conversationLimits: documented });
    await h.install(ada);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    await h.click(ada, consent, 'consent.accept');
    const participant = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    h.sim.reset();
    return participant;
  };
  const postsToAda = () =>
    h.sim.requests.filter(
      (r) => r.route === 'send' && decodeURIComponent(r.path).includes(ada.conversationId),
    );
  const sendAll = async () => {
    for (let drains = 0; drains < 100; drains++) {
      await h.app.dispatcher.drain();
      const counts = await h.app.store.outbox.counts();
      if (counts.pending === 0 && counts.sending === 0) break;
    }
  };

  it('sends a burst of notices to one person without a 429, never more in a window than Teams allows', async () => {
    const participant = await enrolled();

    // Two of the short windows' worth: without pacing, the 8th would draw a 429 at once.
    const notices = 17;
    for (let i = 0; i < notices; i++)
      await h.app.service.notify(participant, `burst-${i}`, () => `Notice (${i + 1} of ${notices})`);
    await sendAll();

    const posts = postsToAda();
    expect(posts.map((r) => r.status)).toEqual(Array(notices).fill(201));
    const texts = h.messages(ada.conversationId).map((m) => m.text ?? '');
    for (let i = 0; i < notices; i++)
      expect(texts.filter((t) => t.includes(`Notice (${i + 1} of ${notices})`))).toHaveLength(1);
    // The connector's own record of arrivals: every window holds at most its count.
    const arrivals = posts.map((r) => r.at);
    for (const window of documented) {
      for (const at of arrivals)
        expect(arrivals.filter((t) => t <= at && at - t < window.ms).length).toBeLessThanOrEqual(
          window.count,
        );
    }
  });

  it("counts a reply within a person's turn, so that a burst of notices right after it leaves room", async () => {
    const participant = await enrolled();
    // Until the consent card sent through the outbox has left the 2-second window, the pacer would hold the
    // notices back for it anyway; then only the reply makes the difference.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Answered within the turn (the experiment form), not through the outbox.
    await h.say(ada, 'start');
    const replies = postsToAda().length;
    expect(replies).toBeGreaterThan(0);
    // Seven notices at once would fill the 1-second window by themselves: with the reply, one too many.
    for (let i = 0; i < 7; i++)
      await h.app.service.notify(participant, `after-${i}`, () => `Alert ${i + 1} of 7`);
    await sendAll();
    const posts = postsToAda();
    expect(posts.map((r) => r.status)).toEqual(Array(replies + 7).fill(201));
  });
});
