import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actionsOf,
  cardText,
  fieldError,
  inputIds,
  startTeamsHarness,
  TENANT,
  type TeamsHarness,
  teamsUser,
} from '../support/teams-harness.js';

const valid = {
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

describe('Teams: install, consent and the experiment form', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z', members: {} });
  });
  afterEach(async () => {
    const problems = h.cardProblems();
    await h.close();
    expect(problems).toEqual([]);
  });

  it('greets on install, saves the conversation reference and sends the consent card through the outbox', async () => {
    const ada = teamsUser('Ada Lovelace', 'America/Los_Angeles');
    const res = await h.install(ada);
    expect(res.status).toBe(200);

    const greeting = await h.waitForText(ada.conversationId, 'coaching companion');
    expect(greeting.text).toContain('Hi Ada!');
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    expect(cardText(consent.card)).toContain('Who sees it');
    expect(actionsOf(consent.card).map((a) => a.verb)).toEqual(['consent.accept', 'consent.decline']);

    const participant = await h.app.store.participants.findByIdentity(h.identity(ada));
    expect(participant).toMatchObject({
      platform: 'teams',
      workspaceId: TENANT,
      consent: 'pending',
      timezone: null,
      email: null,
      displayName: null,
    });
    const address = JSON.parse(participant!.address!);
    expect(address).toMatchObject({
      channelId: 'msteams',
      serviceUrl: h.sim.serviceUrl,
      conversation: { id: ada.conversationId },
      user: { id: ada.id },
    });
    expect(address.activityId).toBeUndefined();
    const row = await h.app.store.outbox.byKey(`consent:${participant!.id}`);
    expect(row).toMatchObject({ status: 'sent', kind: 'consent' });
    // The proactive send went through the stored reference: a post into Ada's 1:1, not a reply to her install.
    expect(h.sim.activitiesTo(ada.conversationId).filter((a) => a.activity.attachments)).toHaveLength(1);
  });

  it('greets before the consent card it announces, however slow the store is while the greeting is written', async () => {
    const ada = teamsUser('Ada Lovelace', 'America/Los_Angeles');
    // Once Ada is enrolled (and her consent request queued), every look-up of her takes a while: the
    // greeting is written after one, and the consent request must not overtake it meanwhile.
    const participants = h.app.store.participants;
    const findByIdentity = participants.findByIdentity.bind(participants);
    const create = participants.create.bind(participants);
    let enrolled = false;
    participants.create = async (...args) => {
      const created = await create(...args);
      enrolled = true;
      return created;
    };
    participants.findByIdentity = async (identity) => {
      if (enrolled) await new Promise((resolve) => setTimeout(resolve, 300));
      return findByIdentity(identity);
    };
    await h.install(ada);
    enrolled = false;
    await h.waitForCard(ada.conversationId, 'Before anything starts');
    const shown = h.messages(ada.conversationId).map((m) => (m.card ? 'consent card' : m.text));
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain('Hi Ada!');
    expect(shown[1]).toBe('consent card');
  });

  it('accepts consent (time zone from the Teams client, name and email from the roster) and replaces the card', async () => {
    const ada = { ...teamsUser('Ada Lovelace', 'America/Los_Angeles'), email: 'ada@example.com' };
    h.sim.setMembers(ada.conversationId, [
      { id: ada.id, aadObjectId: ada.aadObjectId, name: 'Ada Lovelace', email: 'ada@example.com' },
    ]);
    await h.install(ada);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    expect((await h.app.store.participants.findByIdentity(h.identity(ada)))?.email).toBeNull();

    const answer = await h.click(ada, consent, 'consent.accept');
    expect(answer.status).toBe(200);
    expect(cardText(answer.card)).toContain('you are in');
    expect(actionsOf(answer.card).map((a) => a.verb)).toEqual(['experiment.start']);
    // The message itself changed for every device: a second click finds no consent buttons.
    const updated = h.messages(ada.conversationId).find((m) => m.id === consent.id)!;
    expect(updated.updates).toBe(1);
    expect(actionsOf(updated.card).map((a) => a.verb)).toEqual(['experiment.start']);

    const participant = await h.app.store.participants.findByIdentity(h.identity(ada));
    expect(participant).toMatchObject({
      consent: 'accepted',
      timezone: 'America/Los_Angeles',
      email: 'ada@example.com',
      displayName: 'Ada Lovelace',
    });

    // A replayed accept from a stale copy records nothing more.
    const auditBefore = (await h.app.store.audit.since(0)).filter(
      (e) => e.action === 'consent.accepted',
    ).length;
    const again = await h.click(ada, consent, 'consent.accept');
    expect(cardText(again.card)).toContain('you are in');
    expect((await h.app.store.audit.since(0)).filter((e) => e.action === 'consent.accepted')).toHaveLength(
      auditBefore,
    );
  });

  it('someone enrolled before installing the app gets the consent request once they install, and only once', async () => {
    const ada = teamsUser('Ada Lovelace', 'Europe/Berlin');
    const { participant } = await h.app.service.ensureParticipant(h.identity(ada));
    await h.settle();
    // Nobody in this tenant has talked to the bot yet: there is no way to reach her.
    const first = await h.app.store.outbox.byKey(`consent:${participant.id}`);
    expect(first).toMatchObject({ status: 'failed' });
    expect(first?.reason).toContain('not installed the app');
    expect((await h.app.store.participants.get(participant.id))?.reachable).toBe(false);

    await h.install(ada);
    expect((await h.waitForText(ada.conversationId, 'coaching companion')).text).not.toContain(
      'Welcome back',
    );
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    expect((await h.app.store.participants.get(participant.id))?.reachable).toBe(true);
    await h.say(ada, 'help');
    await h.install(ada);
    const consentCards = h
      .messages(ada.conversationId)
      .filter((m) => cardText(m.card).includes('Before anything starts'));
    expect(consentCards).toHaveLength(1);
    expect((await h.click(ada, consent, 'consent.accept')).card).toBeDefined();
    expect((await h.app.store.participants.get(participant.id))?.consent).toBe('accepted');
  });

  it('refuses a consent click for somebody else and changes nothing', async () => {
    const ada = teamsUser('Ada Lovelace');
    const eve = teamsUser('Eve Mallory');
    await h.install(ada);
    await h.install(eve);
    const adaConsent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    const accept = actionsOf(adaConsent.card).find((a) => a.verb === 'consent.accept')!;
    const forged = await h.execute(eve, eve.conversationId, accept.data);
    expect(forged.notice).toContain("isn't yours");
    expect((await h.app.store.participants.findByIdentity(h.identity(ada)))?.consent).toBe('pending');
    expect((await h.app.store.participants.findByIdentity(h.identity(eve)))?.consent).toBe('pending');
  });

  it('opens the experiment form, shows every error next to its field, saves nothing when invalid, then starts', async () => {
    const ada = teamsUser('Ada Lovelace', 'America/Los_Angeles');
    await h.install(ada);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    const accepted = await h.click(ada, consent, 'consent.accept');

    const form = await h.click(ada, { ...consent, card: accepted.card }, 'experiment.start');
    expect(inputIds(form.card)).toEqual([
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
    const body = form.card!.body as Record<string, unknown>[];
    // Defaults: today's local date in Ada's zone and the program's length.
    expect(body.find((e) => e.id === 'startDate')).toMatchObject({ type: 'Input.Date', value: '2026-03-02' });
    expect(body.find((e) => e.id === 'lengthWeeks')).toMatchObject({ type: 'Input.ChoiceSet', value: '13' });
    expect(body.find((e) => e.id === 'behavior')).toMatchObject({
      type: 'Input.Text',
      isRequired: true,
      maxLength: 200,
    });

    const invalid = await h.click(ada, { ...consent, card: form.card }, 'form.experiment', {
      ...valid,
      kpiTarget: '2',
      lengthWeeks: '20',
    });
    expect(fieldError(invalid.card, 'kpiTarget')).toBe(
      'The target must be above the baseline when higher is better.',
    );
    expect(fieldError(invalid.card, 'lengthWeeks')).toBe('An experiment runs 8 to 16 weeks.');
    expect(fieldError(invalid.card, 'kpiName')).toBeUndefined();
    const missing = await h.click(ada, { ...consent, card: invalid.card }, 'form.experiment', {
      ...valid,
      behavior: '  ',
    });
    expect(fieldError(missing.card, 'behavior')).toBe('Please fill this in.');
    // What was typed stays in the form.
    expect((invalid.card!.body as Record<string, unknown>[]).find((e) => e.id === 'kpiName')).toMatchObject({
      value: valid.kpiName,
    });
    const participant = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    expect(await h.app.store.experiments.current(participant.id)).toBeNull();
    const updatesBefore = h.sim.updates.length;

    const saved = await h.click(ada, { ...consent, card: invalid.card }, 'form.experiment', valid);
    expect(cardText(saved.card)).toContain(
      'Your experiment is set: **Ask before I tell in 1:1s**, 2026-03-02 to 2026-06-01.',
    );
    // Ada's own time: nudges at 09:30 Los Angeles time.
    expect(cardText(saved.card)).toContain(
      'Your first message comes Tue 3 Mar, 09:30 (America/Los_Angeles).',
    );
    expect(actionsOf(saved.card)).toEqual([]);
    expect(h.sim.updates.length).toBe(updatesBefore + 1);
    expect(await h.app.store.experiments.current(participant.id)).toMatchObject({
      behavior: valid.behavior,
      kpiBaseline: 3,
      kpiTarget: 8,
      version: 1,
      status: 'active',
    });
  });

  it('a second click on the same form records nothing; a replayed activity is ignored', async () => {
    const ada = teamsUser('Ada Lovelace', 'Europe/Berlin');
    await h.install(ada);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    await h.click(ada, consent, 'consent.accept');
    await h.say(ada, 'start');
    const form = await h.waitForCard(ada.conversationId, 'Behavior experiment');
    const first = await h.click(ada, form, 'form.experiment', valid);
    expect(cardText(first.card)).toContain('Your experiment is set');
    const participant = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    const experimentId = (await h.app.store.experiments.current(participant.id))!.id;
    const historyBefore = await h.app.store.experiments.history(experimentId);

    // The same stale form again (another device, a double click): nothing recorded, and it says why.
    const second = await h.click(ada, form, 'form.experiment', {
      ...valid,
      behavior: 'Something else entirely',
    });
    expect(cardText(second.card)).toContain('already saved');
    expect(await h.app.store.experiments.current(participant.id)).toMatchObject({
      id: experimentId,
      version: 1,
      behavior: valid.behavior,
    });
    expect(await h.app.store.experiments.history(experimentId)).toEqual(historyBefore);

    // The very same activity delivered twice (a retried delivery): answered once.
    expect(actionsOf(form.card).find((a) => a.verb === 'submit')?.data).toMatchObject({
      f: 'experiment',
      s: JSON.stringify({ v: 0 }),
    });
    await h.say(ada, 'start');
    const fresh = h.messages(ada.conversationId).at(-1)!;
    const freshSubmit = actionsOf(fresh.card).find((a) => a.verb === 'submit')!;
    expect(freshSubmit).toMatchObject({ title: 'Save changes', data: { s: JSON.stringify({ v: 1 }) } });
    const replayId = `f:replay-${Date.now()}`;
    const once = await h.execute(
      ada,
      ada.conversationId,
      { ...freshSubmit.data, ...valid, kpiTarget: '9' },
      { id: replayId, replyToId: fresh.id },
    );
    const twice = await h.execute(
      ada,
      ada.conversationId,
      { ...freshSubmit.data, ...valid, kpiTarget: '10' },
      { id: replayId, replyToId: fresh.id },
    );
    expect(cardText(once.card)).toContain('updated (version 2)');
    expect(twice.notice).toBe('Already done.');
    expect(await h.app.store.experiments.current(participant.id)).toMatchObject({ version: 2, kpiTarget: 9 });
  });

  it('answers every typed command; unknown words get the help', async () => {
    const ada = teamsUser('Ada Lovelace', 'Europe/Berlin');
    await h.install(ada);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    await h.say(ada, 'status');
    await h.waitForText(ada.conversationId, 'not answered the consent message');
    await h.click(ada, consent, 'consent.accept');
    await h.say(ada, 'start');
    const form = await h.waitForCard(ada.conversationId, 'Behavior experiment');
    await h.click(ada, form, 'form.experiment', valid);
    const participant = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    const experimentId = (await h.app.store.experiments.current(participant.id))!.id;

    const replyTo = async (text: string) => {
      const before = h.messages(ada.conversationId).length;
      await h.say(ada, text);
      const after = h.messages(ada.conversationId).slice(before);
      return after.map((m) => m.text ?? cardText(m.card)).join('\n');
    };
    expect(await replyTo('help')).toContain('**checkin**');
    expect(await replyTo('pause')).toContain('Paused');
    expect((await h.app.store.experiments.get(experimentId))?.status).toBe('paused');
    expect(await replyTo('pause')).toContain('already paused');
    expect(await replyTo('resume')).toContain('Resumed');
    expect(await replyTo('snooze 0')).toContain('1 to 60');
    expect(await replyTo('snooze 3')).toContain('Snoozed for 3 days');
    expect((await h.app.store.participants.get(participant.id))?.pausedUntil).toBe(
      h.clock.now() + 3 * 86_400_000,
    );
    expect(await replyTo('checkin')).toContain('No checkpoint is open');
    const status = await replyTo('status');
    expect(status).toContain('Ask before I tell');
    expect(status).toContain('Snoozed');
    const unknown = await replyTo('dance');
    expect(unknown).toContain('I don\'t know "dance"');
    expect(unknown).toContain('**start**');
    expect(await replyTo('claim')).toContain('team channel');

    // The status card carries the Home tab's controls.
    const statusCard = [...h.messages(ada.conversationId)]
      .reverse()
      .find((m) => cardText(m.card).includes('Your coaching experiment'))!;
    // …and the other languages, one click each.
    const languages = Array(5).fill('language.choose');
    expect(actionsOf(statusCard.card).map((a) => a.verb)).toEqual([
      'experiment.start',
      'experiment.pause',
      'experiment.snooze',
      ...languages,
    ]);
    const paused = await h.click(ada, statusCard, 'experiment.pause');
    expect(actionsOf(paused.card).map((a) => a.verb)).toEqual([
      'experiment.start',
      'experiment.resume',
      'experiment.snooze',
      ...languages,
    ]);
    expect((await h.app.store.experiments.get(experimentId))?.status).toBe('paused');

    expect(await replyTo('optout')).toContain('no more coaching messages');
    expect((await h.app.store.participants.get(participant.id))?.consent).toBe('opted_out');
  });
});
