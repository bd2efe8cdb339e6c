import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/participant.js';
import { experimentValues } from '../support/slack-fixtures.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';

const ANA = { id: 'U701', tz: 'Europe/Berlin' };
const me: Identity = { platform: 'slack', workspaceId: 'T0001', userId: ANA.id };
type Button = { action_id: string; value: string };
const buttons = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

describe('Slack delivery through the outbox under platform faults', () => {
  let h: SlackHarness;
  let participantId: string;
  const nudgeKey = () => `nudge:${participantId}:2026-03-03`;
  const nudgePosts = () =>
    h.sim
      .messages(`D${ANA.id}`)
      .filter((m) => (m.metadata as { event_payload?: { key?: string } })?.event_payload?.key === nudgeKey());

  beforeEach(async () => {
    h = await startSlackHarness({
      start: '2026-03-02T07:00:00Z',
      users: [ANA],
      env: { SLACK_TIMEOUT_MS: '300' },
      coachloop: { dispatcher: { backoffMs: () => 60_000 } },
    });
    await h.slack.command('/coach', 'help', ANA.id);
    const consent = await waitFor(() => h.sim.messages(`D${ANA.id}`)[0]);
    await h.slack.blockAction(ANA.id, buttons(consent.blocks)[0]!, {
      channelId: `D${ANA.id}`,
      messageTs: consent.ts,
    });
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.consent === 'accepted');
    await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:experiment',
      state: { values: experimentValues() },
    });
    participantId = (await h.app.store.participants.findByIdentity(me))!.id;
    await waitFor(() => h.app.store.experiments.current(participantId));
    await h.runUntil('2026-03-03T08:00:00Z');
  });
  afterEach(async () => {
    await h.close();
  });

  it('waits out a 429 with Retry-After, then sends exactly once', async () => {
    h.sim.injectFault('chat.postMessage', { type: 'ratelimit', retryAfterSeconds: 1 });
    await h.runUntil('2026-03-03T08:30:00Z');
    const row = (await h.app.store.outbox.byKey(nudgeKey()))!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.reason).toContain('rate_limited');
    expect(row.nextAttemptAt).toBeGreaterThanOrEqual(h.clock.now() + 1000);
    expect(nudgePosts()).toHaveLength(0);

    await h.runUntil('2026-03-03T08:45:00Z');
    expect(await h.app.store.outbox.byKey(nudgeKey())).toMatchObject({ status: 'sent', attempts: 2 });
    expect(nudgePosts()).toHaveLength(1);
  });

  it('settles a send whose answer was lost by finding it in the DM history, never posting twice', async () => {
    // Slack stores the message but the answer never arrives: the client times out.
    h.sim.injectFault('chat.postMessage', { type: 'hang', apply: true });
    await h.runUntil('2026-03-03T08:30:00Z');
    expect(await h.app.store.outbox.byKey(nudgeKey())).toMatchObject({ status: 'pending' });
    expect(nudgePosts()).toHaveLength(1);

    await h.runUntil('2026-03-03T08:45:00Z');
    const row = await h.app.store.outbox.byKey(nudgeKey());
    expect(row?.status).toBe('sent');
    expect(h.sim.callsTo('conversations.history').length).toBeGreaterThan(0);
    expect(nudgePosts()).toHaveLength(1);
  });

  it('retries a 5xx that did not store the message, and marks a permanent error failed with its reason', async () => {
    h.sim.injectFault('chat.postMessage', { type: 'http', status: 503 });
    await h.runUntil('2026-03-03T08:30:00Z');
    expect(nudgePosts()).toHaveLength(0);
    await h.runUntil('2026-03-03T08:45:00Z');
    expect(nudgePosts()).toHaveLength(1);
    expect(await h.app.store.outbox.byKey(nudgeKey())).toMatchObject({ status: 'sent', attempts: 2 });

    h.sim.injectFault('chat.postMessage', { type: 'error', error: 'invalid_blocks' });
    await h.runUntil('2026-03-05T08:45:00Z');
    const thursday = await h.app.store.outbox.byKey(`nudge:${participantId}:2026-03-05`);
    expect(thursday).toMatchObject({ status: 'failed', attempts: 1 });
    expect(thursday?.reason).toContain('invalid_blocks');
  });

  it('marks a person unreachable when Slack says the account is gone, without retrying', async () => {
    h.sim.injectFault('chat.postMessage', { type: 'error', error: 'account_inactive' }, 5);
    await h.runUntil('2026-03-05T12:00:00Z');
    const row = await h.app.store.outbox.byKey(nudgeKey());
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await h.app.store.participants.get(participantId))?.reachable).toBe(false);
    expect(await h.app.store.outbox.byKey(`nudge:${participantId}:2026-03-05`)).toBeNull();
  });
});
