import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { experimentValues } from '../support/slack-fixtures.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { numberInput, plainInput, staticSelect } from '../support/slack-requests.js';

const LEADER = {
  id: 'U100',
  name: 'ana',
  realName: 'Ana Leader',
  tz: 'Europe/Berlin',
  email: 'ana@example.com',
};

function buttonIn(blocks: unknown, actionPrefix: string): { action_id: string; value: string } {
  for (const block of (blocks as { type: string; elements?: { action_id: string; value: string }[] }[]) ??
    []) {
    const found = block.elements?.find((e) => e.action_id?.startsWith(actionPrefix));
    if (found) return found;
  }
  throw new Error(`no ${actionPrefix} button`);
}

describe('Slack: first contact, consent and the experiment form', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T08:00:00Z', users: [LEADER] });
  });
  afterEach(async () => {
    await h.close();
  });

  it('asks for consent first and stores nothing but identity until accepted', async () => {
    const reply = await h.slack.command('/coach', 'status', LEADER.id);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.json())).toContain('direct message');

    const consent = await waitFor(() => h.sim.messages(`D${LEADER.id}`)[0]);
    expect(consent.text).toContain('Before anything starts');
    expect(JSON.stringify(consent.blocks)).toContain('Who sees it');
    expect(consent.metadata).toMatchObject({ event_type: 'coachloop_outbox' });

    const before = await h.app.store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: 'T0001',
      userId: LEADER.id,
    });
    expect(before).toMatchObject({ consent: 'pending', email: null, timezone: null, displayName: null });
    expect(h.sim.callsTo('users.info')).toHaveLength(0);

    const accept = buttonIn(consent.blocks, 'cl:consent.accept');
    const res = await h.slack.blockAction(LEADER.id, accept, {
      channelId: consent.channel,
      messageTs: consent.ts,
    });
    expect(res.status).toBe(200);
    const after = await waitFor(async () => {
      const p = await h.app.store.participants.findByIdentity({
        platform: 'slack',
        workspaceId: 'T0001',
        userId: LEADER.id,
      });
      return p?.consent === 'accepted' && p.timezone ? p : null;
    });
    expect(after).toMatchObject({
      timezone: 'Europe/Berlin',
      email: 'ana@example.com',
      displayName: 'Ana Leader',
    });
    await waitFor(() => h.sim.messages(`D${LEADER.id}`)[0]?.text.includes('you are in'));
    await waitFor(() => h.sim.homeOf(LEADER.id));
  });

  it('a person cannot accept consent on behalf of someone else', async () => {
    h.sim.addUser({ id: 'U200', tz: 'America/Chicago' });
    await h.slack.command('/coach', 'status', LEADER.id);
    const consent = await waitFor(() => h.sim.messages(`D${LEADER.id}`)[0]);
    await h.slack.command('/coach', 'status', 'U200');
    await waitFor(() => h.sim.messages('DU200')[0]);
    const accept = buttonIn(consent.blocks, 'cl:consent.accept');
    await h.slack.blockAction('U200', accept, { channelId: 'DU200', messageTs: '1.0' });
    await waitFor(() => h.sim.ephemerals().find((e) => e.user === 'U200'));
    expect(h.sim.ephemerals().find((e) => e.user === 'U200')?.text).toContain("isn't yours");
    const leader = await h.app.store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: 'T0001',
      userId: LEADER.id,
    });
    expect(leader?.consent).toBe('pending');
  });

  it('opens the experiment modal, shows inline errors, saves nothing when invalid, and starts when valid', async () => {
    await h.slack.command('/coach', 'help', LEADER.id);
    const consent = await waitFor(() => h.sim.messages(`D${LEADER.id}`)[0]);
    await h.slack.blockAction(LEADER.id, buttonIn(consent.blocks, 'cl:consent.accept'), {
      channelId: consent.channel,
      messageTs: consent.ts,
    });
    await waitFor(
      async () =>
        (
          await h.app.store.participants.findByIdentity({
            platform: 'slack',
            workspaceId: 'T0001',
            userId: LEADER.id,
          })
        )?.consent === 'accepted',
    );

    const opened = await h.slack.command('/coach', 'start', LEADER.id);
    expect(opened.status).toBe(200);
    const open = await waitFor(() => h.sim.callsTo('views.open')[0]);
    const view = open.args.view as {
      callback_id: string;
      blocks: { block_id: string }[];
      title: { text: string };
    };
    expect(view.callback_id).toBe('form:experiment');
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      'behavior',
      'hypothesis',
      'kpiName',
      'kpiUnit',
      'kpiBaseline',
      'kpiTarget',
      'kpiDirection',
      'startDate',
      'lengthWeeks',
    ]);

    const invalid = await h.slack.viewSubmission(LEADER.id, {
      callback_id: 'form:experiment',
      state: {
        values: experimentValues({
          kpiTarget: { value: numberInput('2') },
          lengthWeeks: { value: staticSelect('20') },
        }),
      },
    });
    expect(invalid.status).toBe(200);
    expect(invalid.json()).toEqual({
      response_action: 'errors',
      errors: {
        kpiTarget: 'The target must be above the baseline when higher is better.',
        lengthWeeks: 'An experiment runs 8 to 16 weeks.',
      },
    });
    const participant = await h.app.store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: 'T0001',
      userId: LEADER.id,
    });
    expect(await h.app.store.experiments.current(participant!.id)).toBeNull();

    const missing = await h.slack.viewSubmission(LEADER.id, {
      callback_id: 'form:experiment',
      state: { values: experimentValues({ behavior: { value: plainInput(null) } }) },
    });
    expect(missing.json()).toEqual({
      response_action: 'errors',
      errors: { behavior: 'Please fill this in.' },
    });

    const valid = await h.slack.viewSubmission(LEADER.id, {
      callback_id: 'form:experiment',
      state: { values: experimentValues() },
    });
    expect(valid.status).toBe(200);
    expect(valid.json()).toEqual({ response_action: 'clear' });
    const experiment = await waitFor(() => h.app.store.experiments.current(participant!.id));
    expect(experiment).toMatchObject({
      behavior: 'Ask before I tell in 1:1s',
      kpiBaseline: 3,
      kpiTarget: 8,
      endDate: '2026-06-01',
      status: 'active',
    });
    const confirmation = await waitFor(() =>
      h.sim.messages(`D${LEADER.id}`).find((m) => m.text.includes('Your experiment is set')),
    );
    expect(confirmation.text).toContain('Tue 3 Mar, 09:30');
    const home = await waitFor(() => {
      const v = h.sim.homeOf(LEADER.id);
      return v && JSON.stringify(v).includes('Ask before I tell') ? v : null;
    });
    expect(JSON.stringify(home)).toContain('Edit experiment');
    // The other languages, each in its own words, one click away.
    for (const language of ['Deutsch', 'Français', 'Español', 'Português', '日本語'])
      expect(JSON.stringify(home)).toContain(`"text":"${language}"`);
  });
});
