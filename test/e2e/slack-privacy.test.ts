import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/participant.js';
import { createLogger } from '../../src/logger.js';
import { experimentValues } from '../support/slack-fixtures.js';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { numberInput, plainInput, staticSelect } from '../support/slack-requests.js';
import { rawRows } from '../support/test-store.js';

const ANA = { id: 'UPRIV1', realName: 'Ana Private', email: 'ana@example.com', tz: 'Europe/Berlin' };
const me: Identity = { platform: 'slack', workspaceId: 'T0001', userId: ANA.id };
const NOTE = 'My manager Rob keeps interrupting me in standups';
type Button = { action_id: string; value: string };
const buttons = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

describe('Slack privacy: consent ledger, opt-out, forget-me, and logs without secrets or free text', () => {
  let h: SlackHarness;
  let logs: string;
  beforeEach(async () => {
    logs = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += String(chunk);
        done();
      },
    });
    h = await startSlackHarness({
      start: '2026-03-02T07:00:00Z',
      users: [ANA],
      logger: createLogger('trace', sink),
    });
  });
  afterEach(async () => {
    await h.close();
  });

  async function consent(pick: 'accept' | 'decline') {
    const consentMessages = () =>
      h.sim
        .messages(`D${ANA.id}`)
        .filter((m) => buttons(m.blocks).some((b) => b.action_id.startsWith('cl:consent.')));
    const latest = await waitFor(() => consentMessages().at(-1));
    await h.slack.blockAction(
      ANA.id,
      buttons(latest.blocks).find((b) => b.action_id.startsWith(`cl:consent.${pick}`))!,
      { channelId: `D${ANA.id}`, messageTs: latest.ts },
    );
  }

  it('keeps a consent ledger; opting out stops messages at once; contacting again offers consent anew', async () => {
    await h.slack.command('/coach', 'help', ANA.id);
    await consent('accept');
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.consent === 'accepted');
    await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:experiment',
      state: { values: experimentValues() },
    });
    const person = (await h.app.store.participants.findByIdentity(me))!;
    await waitFor(() => h.app.store.experiments.current(person.id));
    await h.runUntil('2026-03-03T07:00:00Z');
    expect(await h.app.store.jobs.scheduled(person.id)).not.toHaveLength(0);

    expect(JSON.stringify((await h.slack.command('/coach', 'optout', ANA.id)).json())).toContain(
      'no more coaching messages',
    );
    expect(await h.app.store.jobs.scheduled(person.id)).toHaveLength(0);
    await h.runUntil('2026-03-12T07:00:00Z');
    expect(
      (await h.app.store.outbox.list({ participantId: person.id, status: 'sent' })).filter(
        (r) => r.kind === 'nudge',
      ),
    ).toHaveLength(0);

    expect(JSON.stringify((await h.slack.command('/coach', 'status', ANA.id)).json())).toContain(
      'consent message again',
    );
    await consent('accept');
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.consent === 'accepted');
    const ledger = await h.app.store.privacy.consentHistory(person.id);
    expect(ledger.map((e) => e.decision)).toEqual([
      'requested',
      'accepted',
      'opted_out',
      'requested',
      'accepted',
    ]);
    expect(ledger[1]?.scope).toContain('notes kept 90 days, totals 12 months');
    await expect(rawRows(h.app.store, `UPDATE consent_ledger SET decision = 'accepted'`)).rejects.toThrow(
      'append-only',
    );
  });

  it('declining stores nothing but identity and the decision, and sends nothing more', async () => {
    await h.slack.command('/coach', 'help', ANA.id);
    await consent('decline');
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.consent === 'declined');
    const person = (await h.app.store.participants.findByIdentity(me))!;
    expect(person).toMatchObject({ email: null, timezone: null, displayName: null });
    expect(h.sim.callsTo('users.info')).toHaveLength(0);
    await h.runUntil('2026-03-10T07:00:00Z');
    expect((await h.app.store.outbox.list({ participantId: person.id })).map((r) => r.kind)).toEqual([
      'consent',
    ]);
  });

  it('forget-me erases identity, typed text and message bodies but keeps anonymous numbers', async () => {
    await h.slack.command('/coach', 'help', ANA.id);
    await consent('accept');
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.consent === 'accepted');
    await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:experiment',
      state: { values: experimentValues() },
    });
    const person = (await h.app.store.participants.findByIdentity(me))!;
    const experiment = await waitFor(() => h.app.store.experiments.current(person.id));
    await h.runUntil('2026-04-01T09:00:00Z');
    const opened = await h.slack.command('/coach', 'checkin', ANA.id, { trigger_id: 'tcheck' });
    expect(opened.status).toBe(200);
    const view = (
      await waitFor(() => h.sim.callsTo('views.open').find((c) => c.args.trigger_id === 'tcheck'))
    ).args.view as { private_metadata: string };
    await h.slack.viewSubmission(ANA.id, {
      callback_id: 'form:checkin',
      private_metadata: view.private_metadata,
      state: {
        values: {
          practice: { value: staticSelect('4') },
          kpiValue: { value: numberInput('6') },
          confidence: { value: staticSelect('3') },
          note: { value: plainInput(NOTE) },
        },
      },
    });
    await waitFor(async () => (await h.app.store.surveys.forExperiment(experiment.id))[0]?.note === NOTE);

    const reply = await h.slack.command('/coach', 'forget-me', ANA.id);
    expect(JSON.stringify(reply.json())).toContain('erased your personal data');
    expect(await h.app.store.participants.findByIdentity(me)).toBeNull();
    const tombstone = (await h.app.store.participants.get(person.id))!;
    expect(tombstone).toMatchObject({
      email: null,
      displayName: null,
      timezone: null,
      address: null,
      consent: 'opted_out',
    });
    expect(tombstone.userId).toBe(`erased:${person.id}`);
    const erased = (await h.app.store.experiments.get(experiment.id))!;
    expect(erased).toMatchObject({
      behavior: '[erased]',
      hypothesis: '[erased]',
      kpiBaseline: 3,
      kpiTarget: 8,
      status: 'abandoned',
    });
    const [survey] = await h.app.store.surveys.forExperiment(experiment.id);
    expect(survey).toMatchObject({ practice: 4, kpiValue: 6, confidence: 3, note: null });
    expect(JSON.stringify(await h.app.store.outbox.list({ participantId: person.id }))).not.toContain(
      'Ask before I tell',
    );
    expect(await h.app.store.experiments.history(experiment.id)).toHaveLength(0);
    expect((await h.app.store.audit.since(0)).map((e) => e.action)).toContain('person.erased');
    expect((await h.app.store.privacy.consentHistory(person.id)).at(-1)?.decision).toBe('erased');

    // Nothing secret or typed ever reached the log.
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(h.sim.token);
    expect(logs).not.toContain(SIGNING_SECRET);
    expect(logs).not.toContain(NOTE);
    expect(logs).not.toContain('Ask before I tell');
  });
});
