import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/participant.js';
import { experimentValues } from '../support/slack-fixtures.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { plainInput } from '../support/slack-requests.js';

const ANA = { id: 'UTEXT1', realName: 'Ana Text', email: 'ana.text@example.com', tz: 'Europe/Berlin' };
const me: Identity = { platform: 'slack', workspaceId: 'T0001', userId: ANA.id };
type Button = { action_id: string; value: string };
const buttons = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

describe('typed text policy through a signed Slack form', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T07:00:00Z', users: [ANA] });
    await h.slack.command('/coach', 'help', ANA.id);
    const consent = await waitFor(() =>
      h.sim
        .messages(`D${ANA.id}`)
        .find((m) => buttons(m.blocks).some((b) => b.action_id.startsWith('cl:consent.accept'))),
    );
    await h.slack.blockAction(
      ANA.id,
      buttons(consent.blocks).find((b) => b.action_id.startsWith('cl:consent.accept'))!,
      { channelId: `D${ANA.id}`, messageTs: consent.ts },
    );
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.consent === 'accepted');
  });
  afterEach(async () => {
    await h.close();
  });

  it('stores typed text without NUL, BEL, terminal escapes, bidi overrides or lone surrogates', async () => {
    const reply = await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:experiment',
      state: {
        values: experimentValues({
          behavior: { value: plainInput('Ask\u0000 before\u0007 I \u001b[31mtell\u001b[0m') },
          hypothesis: {
            value: plainInput('My team \u202eseitinu\u202c brings \u2066more\u2069 ideas\ud800'),
          },
        }),
      },
    });
    expect(reply.status).toBe(200);
    const person = (await h.app.store.participants.findByIdentity(me))!;
    const experiment = await waitFor(() => h.app.store.experiments.current(person.id));
    expect(experiment.behavior).toBe('Ask before I tell');
    expect(experiment.hypothesis).toBe('My team seitinu brings more ideas');
  });

  it('a field left empty by the policy is empty: the form says so where the person typed', async () => {
    const reply = await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:experiment',
      state: {
        values: experimentValues({ behavior: { value: plainInput('\u0000\u202e\u001b[2J \u0007') } }),
      },
    });
    expect(reply.json()).toMatchObject({
      response_action: 'errors',
      errors: { behavior: 'Please fill this in.' },
    });
    const person = (await h.app.store.participants.findByIdentity(me))!;
    expect(await h.app.store.experiments.current(person.id)).toBeNull();
  });
});
