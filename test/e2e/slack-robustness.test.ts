import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/participant.js';
import { experimentValues } from '../support/slack-fixtures.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { rawRows } from '../support/test-store.js';

const ANA = { id: 'U501', tz: 'Europe/Berlin' };
const BEN = { id: 'U502', tz: 'Europe/Berlin' };
const identity = (userId: string): Identity => ({ platform: 'slack', workspaceId: 'T0001', userId });
type Button = { action_id: string; value: string };
const buttons = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

async function onboard(h: SlackHarness, userId: string): Promise<string> {
  await h.slack.command('/coach', 'help', userId);
  const consent = await waitFor(() => h.sim.messages(`D${userId}`)[0]);
  await h.slack.blockAction(userId, buttons(consent.blocks)[0]!, {
    channelId: `D${userId}`,
    messageTs: consent.ts,
  });
  await waitFor(
    async () => (await h.app.store.participants.findByIdentity(identity(userId)))?.consent === 'accepted',
  );
  await h.slack.viewSubmission(userId, {
    callback_id: 'form:experiment',
    state: { values: experimentValues() },
  });
  const participant = (await h.app.store.participants.findByIdentity(identity(userId)))!;
  const experiment = await waitFor(() => h.app.store.experiments.current(participant.id));
  return experiment.id;
}

describe('Slack: request verification, duplicates, forged payloads and commands', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T07:00:00Z', users: [ANA, BEN] });
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers 401 to a bad signature and to a stale timestamp, and acts on neither', async () => {
    const bad = await h.slack.command('/coach', 'help', ANA.id, undefined, {
      sign: { signature: 'v0=deadbeef' },
    });
    expect(bad.status).toBe(401);
    const stale = await h.slack.command('/coach', 'help', ANA.id, undefined, {
      sign: { timestamp: Math.floor(Date.now() / 1000) - 600 },
    });
    expect(stale.status).toBe(401);
    const unsigned = await h.slack.command('/coach', 'help', ANA.id, undefined, { sign: { omit: true } });
    expect(unsigned.status).toBe(401);
    expect(await h.app.store.participants.findByIdentity(identity(ANA.id))).toBeNull();
    expect(h.sim.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('handles a duplicated event delivery once (same event_id, with Slack retry headers)', async () => {
    const event = {
      type: 'message',
      channel_type: 'im',
      channel: `D${ANA.id}`,
      user: ANA.id,
      text: 'hello',
      ts: '1772435000.000100',
    };
    const first = await h.slack.event(event, { eventId: 'Ev0001' });
    expect(first.status).toBe(200);
    await waitFor(() => h.sim.messages(`D${ANA.id}`).length === 1);
    const retry = await h.slack.event(event, { eventId: 'Ev0001', retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    const consent = h.sim.messages(`D${ANA.id}`)[0]!;
    await h.slack.blockAction(ANA.id, buttons(consent.blocks)[0]!, {
      channelId: `D${ANA.id}`,
      messageTs: consent.ts,
    });
    await waitFor(
      async () => (await h.app.store.participants.findByIdentity(identity(ANA.id)))?.consent === 'accepted',
    );

    const status = { ...event, text: 'status', ts: '1772435100.000100' };
    await h.slack.event(status, { eventId: 'Ev0002' });
    await h.slack.event(status, { eventId: 'Ev0002', retryNum: 1, retryReason: 'http_timeout' });
    await h.slack.event(status, { eventId: 'Ev0002', retryNum: 2, retryReason: 'http_timeout' });
    await waitFor(() =>
      h.sim.messages(`D${ANA.id}`).some((m) => String(m.text).includes('No experiment yet')),
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(
      h.sim.messages(`D${ANA.id}`).filter((m) => String(m.text).includes('No experiment yet')),
    ).toHaveLength(1);
    const consentPosts = h.sim
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.text).includes('Before anything starts'));
    expect(consentPosts).toHaveLength(1);
  });

  it("refuses a button that names another leader's experiment or survey, and changes nothing", async () => {
    const anaExperiment = await onboard(h, ANA.id);
    await onboard(h, BEN.id);
    await h.runUntil('2026-03-03T09:00:00Z');
    const anaNudge = h.sim
      .messages(`D${ANA.id}`)
      .find((m) => buttons(m.blocks).some((b) => b.action_id.startsWith('cl:nudge.did')))!;
    expect(anaNudge).toBeDefined();
    const did = buttons(anaNudge.blocks).find((b) => b.action_id.startsWith('cl:nudge.did'))!;

    // Ben replays Ana's button in his own DM.
    await h.slack.blockAction(BEN.id, did, { channelId: `D${BEN.id}`, messageTs: '1.000' });
    const refusal = await waitFor(() => h.sim.ephemerals().find((e) => e.user === BEN.id));
    expect(refusal.text).toContain("isn't yours");

    // A forged survey id and a forged pause from the Home tab are refused too.
    const forgedSurvey = {
      action_id: 'cl:survey.practice:0',
      value: JSON.stringify({ r: `svy_${anaExperiment}_d30`, v: '5' }),
    };
    await h.slack.blockAction(BEN.id, forgedSurvey, { channelId: `D${BEN.id}`, messageTs: '2.000' });
    await waitFor(() => h.sim.ephemerals().filter((e) => e.user === BEN.id).length === 2);
    const forgedPause = { action_id: 'cl:experiment.pause:1', value: JSON.stringify({ r: anaExperiment }) };
    await h.slack.blockAction(BEN.id, forgedPause, { view: { type: 'home', id: 'VHOME' } });
    await waitFor(() => JSON.stringify(h.sim.homeOf(BEN.id)).includes("isn't yours"));

    const experiment = await h.app.store.experiments.get(anaExperiment);
    expect(experiment?.status).toBe('active');
    expect(
      await h.app.store.experiments.recordNudgeResponse({
        experimentId: anaExperiment,
        occurrence: '2026-03-03',
        answer: 'did',
        at: 0,
      }),
    ).toBe(true);

    // A malformed button value is refused without a crash.
    const garbage = await h.slack.blockAction(
      BEN.id,
      { action_id: 'cl:nudge.did:0', value: '{"r":' },
      { channelId: `D${BEN.id}`, messageTs: '3.000' },
    );
    expect(garbage.status).toBe(200);
  });

  it('runs /coach pause, resume, snooze, status, optout and answers an unknown subcommand with help', async () => {
    const experimentId = await onboard(h, ANA.id);
    const reply = async (text: string) =>
      JSON.stringify((await h.slack.command('/coach', text, ANA.id)).json());

    expect(await reply('pause')).toContain('Paused');
    expect((await h.app.store.experiments.get(experimentId))?.status).toBe('paused');
    expect(await reply('pause')).toContain('already paused');
    expect(await reply('resume')).toContain('Resumed');
    expect((await h.app.store.experiments.get(experimentId))?.status).toBe('active');
    expect(await reply('snooze 0')).toContain('1 to 60');
    expect(await reply('snooze 3')).toContain('Snoozed for 3 days');
    const snoozed = await h.app.store.participants.findByIdentity(identity(ANA.id));
    expect(snoozed?.pausedUntil).toBe(h.clock.now() + 3 * 86_400_000);
    expect(await reply('status')).toContain('Ask before I tell');
    const unknown = await reply('dance');
    expect(unknown).toContain("I don't know");
    expect(unknown).toContain('/coach start');

    // Snoozed: nothing is sent for three days, then nudges resume by themselves.
    await h.runUntil('2026-03-05T07:00:00Z');
    const participantId = snoozed!.id;
    expect((await h.app.store.outbox.list({ participantId })).filter((r) => r.kind === 'nudge')).toHaveLength(
      0,
    );
    await h.runUntil('2026-03-10T12:00:00Z');
    const nudges = (await h.app.store.outbox.list({ participantId, status: 'sent' })).filter(
      (r) => r.kind === 'nudge',
    );
    expect(nudges.map((r) => r.key.split(':').at(-1))).toEqual(['2026-03-05', '2026-03-10']);

    expect(await reply('optout')).toContain('no more coaching messages');
    const after = await h.app.store.participants.findByIdentity(identity(ANA.id));
    expect(after?.consent).toBe('opted_out');
    expect(await h.app.store.jobs.scheduled(participantId)).toHaveLength(0);
    await h.runUntil('2026-03-20T12:00:00Z');
    expect(
      (await h.app.store.outbox.list({ participantId, status: 'sent' })).filter((r) => r.kind === 'nudge'),
    ).toHaveLength(2);
  });
});

describe('Slack: /coach checkin answers the open checkpoint in one form', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T07:00:00Z', users: [ANA] });
  });
  afterEach(async () => {
    await h.close();
  });

  it('says when nothing is open, shows inline errors, then records practice, KPI and confidence together', async () => {
    const experimentId = await onboard(h, ANA.id);
    expect(JSON.stringify((await h.slack.command('/coach', 'checkin', ANA.id)).json())).toContain(
      'No checkpoint is open',
    );

    await h.runUntil('2026-04-01T09:00:00Z');
    const trigger = h.slack.newTriggerId();
    const opened = await h.slack.command('/coach', 'checkin', ANA.id, { trigger_id: trigger });
    expect(opened.status).toBe(200);
    const call = await waitFor(() => h.sim.callsTo('views.open').find((c) => c.args.trigger_id === trigger));
    const view = call.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string }[];
    };
    expect(view.callback_id).toBe('form:checkin');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'practice',
      'kpiValue',
      'confidence',
      'note',
    ]);

    const invalid = await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:checkin',
      private_metadata: view.private_metadata,
      state: {
        values: {
          kpiValue: { value: { type: 'number_input', value: 'lots' } },
          confidence: { value: { type: 'static_select', selected_option: { value: '4' } } },
        },
      },
    });
    expect(invalid.json()).toEqual({
      response_action: 'errors',
      errors: { practice: 'Please fill this in.', kpiValue: 'Please enter a number.' },
    });
    const untouched = (await h.app.store.surveys.forExperiment(experimentId))[0];
    expect(untouched).toMatchObject({ status: 'open', practice: null, kpiValue: null });

    const valid = await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:checkin',
      private_metadata: view.private_metadata,
      state: {
        values: {
          practice: { value: { type: 'static_select', selected_option: { value: '3' } } },
          kpiValue: { value: { type: 'number_input', value: '4.5' } },
          confidence: { value: { type: 'static_select', selected_option: { value: '4' } } },
          note: { value: { type: 'plain_text_input', value: 'Harder in busy weeks' } },
        },
      },
    });
    expect(valid.status).toBe(200);
    const answered = (await h.app.store.surveys.forExperiment(experimentId))[0];
    expect(answered).toMatchObject({
      checkpointDay: 30,
      status: 'answered',
      practice: 3,
      kpiValue: 4.5,
      confidence: 4,
      note: 'Harder in busy weeks',
    });
  });
});

describe('HTTP edges: health, body size, malformed bodies', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T07:00:00Z', users: [ANA] });
  });
  afterEach(async () => {
    await h.close();
  });

  it('reports database reachability and the age of the last scheduler pass on /healthz', async () => {
    const before = (await (await fetch(`${h.app.url}/healthz`)).json()) as Record<string, unknown>;
    expect(before).toEqual({
      ok: true,
      database: 'reachable',
      replica: h.app.replica,
      lastSchedulerPassAgeSeconds: null,
      anyReplicaLastPassAgeSeconds: null,
    });
    await h.app.tick();
    h.clock.advance(90_000);
    // Another replica on the same database passed since: its heartbeat row is its own.
    await h.app.store.replicas.recordPass('another-replica', h.clock.now() - 30_000, 0);
    const after = (await (await fetch(`${h.app.url}/healthz`)).json()) as Record<string, unknown>;
    expect(after).toEqual({
      ok: true,
      database: 'reachable',
      replica: h.app.replica,
      lastSchedulerPassAgeSeconds: 90,
      anyReplicaLastPassAgeSeconds: 30,
    });
    expect((await fetch(`${h.app.url}/nowhere`)).status).toBe(404);
  });

  it('is ready on /readyz only with a reachable database whose migrations are current', async () => {
    const ready = await fetch(`${h.app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });

    // A database whose schema is behind this code (the latest migration's record taken away).
    const [newest] = await rawRows(h.app.store, 'SELECT MAX(version) AS v FROM schema_migrations');
    const latest = Number(newest?.v);
    expect(latest).toBeGreaterThan(1);
    await rawRows(h.app.store, 'DELETE FROM schema_migrations WHERE version = ?', latest);
    const behind = await fetch(`${h.app.url}/readyz`);
    expect(behind.status).toBe(503);
    expect(await behind.json()).toEqual({
      ready: false,
      reason: 'database migrations pending',
      pending: [latest],
    });

    await h.app.store.close();
    const closed = await fetch(`${h.app.url}/readyz`);
    expect(closed.status).toBe(503);
    expect(await closed.json()).toEqual({ ready: false, reason: 'database unreachable' });
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(503);
  });

  it('answers 4xx to oversized, malformed and unsigned bodies and never writes', async () => {
    const huge = `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', pad: 'x'.repeat(300 * 1024) }))}`;
    const tooBig = await h.slack.raw(huge, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(tooBig.status).toBeGreaterThanOrEqual(400);
    expect(tooBig.status).toBeLessThan(500);
    const badJson = await h.slack.raw('{"type":"event_callback",', { 'content-type': 'application/json' });
    expect(badJson.status).toBeGreaterThanOrEqual(400);
    expect(badJson.status).toBeLessThan(500);
    const badPayload = await h.slack.raw('payload=%7Bnot-json', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(badPayload.status).toBeGreaterThanOrEqual(400);
    expect(badPayload.status).toBeLessThan(500);
    expect(await h.app.store.participants.findByIdentity(identity(ANA.id))).toBeNull();
  });

  it('answers the next request after a 413 on a kept-alive connection, and a signed form post that is neither a command nor an interaction with 400', async () => {
    const huge = `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', pad: 'x'.repeat(300 * 1024) }))}`;
    for (let i = 0; i < 3; i += 1) {
      const tooBig = await h.slack.raw(huge, { 'content-type': 'application/x-www-form-urlencoded' });
      expect(tooBig.status).toBe(413);
      const next = await h.slack.urlVerification(`after-413-${i}`);
      expect(next.status).toBe(200);
      expect(next.body).toContain(`after-413-${i}`);
    }
    // A button whose value is not JSON is told so, and a huge word is not echoed back whole.
    await h.slack.blockAction(
      ANA.id,
      { action_id: 'cl:nudge.did:0', value: 'not json {' },
      { channelId: `D${ANA.id}`, messageTs: '5.1' },
    );
    await waitFor(() =>
      h.sim.ephemerals().find((e) => e.user === ANA.id && e.text.includes('not valid any more')),
    );
    const word = 'x'.repeat(3000);
    const echoed = await h.slack.command('/coach', word, ANA.id);
    expect(echoed.status).toBe(200);
    expect(echoed.body.length).toBeLessThan(2000);
    expect(echoed.body).not.toContain(word);
    const neither = await h.slack.raw('foo=bar&text=hello', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(neither.status).toBe(400);
    // Unsigned, the same post is refused as unsigned (401), not told apart.
    const unsigned = await h.slack.raw(
      'foo=bar',
      { 'content-type': 'application/x-www-form-urlencoded' },
      { sign: { omit: true } },
    );
    expect(unsigned.status).toBe(401);
  });
});
