import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actionsOf,
  cardText,
  channelPlace,
  fieldError,
  inputIds,
  member,
  startTeamsHarness,
  TENANT,
  type TeamsHarness,
  type TeamsUser,
  teamsUser,
} from '../support/teams-harness.js';

const ZONE = 'Europe/Berlin';

const page1 = {
  goals: 'Lead my first cross-team project without burning out',
  kpi1Name: 'Stakeholder alignment score',
  kpi1Baseline: '4',
  kpi1Target: '8',
  kpi2Name: 'Hours of focus time per week',
  kpi2Baseline: '5',
  kpi2Target: '10',
};
const page2 = {
  milestone1: 'Kick-off held with all three teams',
  milestone1Due: '2026-03-12',
  milestone2: 'First release shipped',
  milestone2Due: '2026-06-30',
  cadence: 'biweekly',
};
const page3 = {
  confidentiality: 'agree',
  mentorWill: 'Review my plan and introduce me to peers',
  mentorWillNot: 'Rate my performance',
};

async function onboard(h: TeamsHarness, user: TeamsUser): Promise<void> {
  await h.install(user);
  const consent = await h.waitForCard(user.conversationId, 'Before anything starts');
  const accepted = await h.click(user, consent, 'consent.accept');
  expect(cardText(accepted.card)).toContain('you are in');
}

describe('Teams: the mentoring charter, the mentor’s review and milestones', () => {
  let h: TeamsHarness;
  const mo = teamsUser('Mo Mentor', ZONE);
  const mia = teamsUser('Mia Mentee', ZONE);

  beforeEach(async () => {
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z' });
    await onboard(h, mo);
    await onboard(h, mia);
    await h.app.mentoring.createPair('roster', h.identity(mo), h.identity(mia));
    await h.settle();
  });
  afterEach(async () => {
    const problems = h.cardProblems();
    await h.close();
    expect(problems).toEqual([]);
  });

  it('fills the charter in three card pages (errors inline, nothing saved from an invalid page), the mentor asks for changes, then confirms', async () => {
    expect((await h.waitForText(mo.conversationId, "You're now mentoring")).text).toContain('**Mia Mentee**');
    const intro = await h.waitForCard(mia.conversationId, 'paired with');
    expect(actionsOf(intro.card).map((a) => a.verb)).toEqual(['charter.form', 'charter.chat']);

    const first = await h.click(mia, intro, 'charter.form');
    expect(inputIds(first.card)).toEqual([
      'goals',
      'kpi1Name',
      'kpi1Baseline',
      'kpi1Target',
      'kpi2Name',
      'kpi2Baseline',
      'kpi2Target',
    ]);
    const bad = await h.click(mia, { ...intro, card: first.card }, 'form.charter', {
      ...page1,
      goals: 'short',
      kpi1Baseline: 'lots',
    });
    expect(fieldError(bad.card, 'goals')).toBe('A few words, please.');
    expect(fieldError(bad.card, 'kpi1Baseline')).toBe('Please enter a number.');
    const pair = (await h.app.store.mentoring.activePairs())[0]!;
    expect((await h.app.store.mentoring.getDraft(pair.id))?.data.goals).toBeUndefined();

    const second = await h.click(mia, { ...intro, card: bad.card }, 'form.charter', page1);
    expect(inputIds(second.card)).toEqual([
      'milestone1',
      'milestone1Due',
      'milestone2',
      'milestone2Due',
      'cadence',
    ]);
    // Milestone dates default to 90 and 180 days after pairing.
    expect(
      (second.card!.body as Record<string, unknown>[]).find((e) => e.id === 'milestone1Due'),
    ).toMatchObject({ type: 'Input.Date', value: '2026-05-31' });
    expect((await h.app.store.mentoring.getDraft(pair.id))?.data.goals).toBe(page1.goals);
    const third = await h.click(mia, { ...intro, card: second.card }, 'form.charter', page2);
    expect(inputIds(third.card)).toEqual(['confidentiality', 'mentorWill', 'mentorWillNot']);
    const sent = await h.click(mia, { ...intro, card: third.card }, 'form.charter', page3);
    expect(cardText(sent.card)).toContain('on its way to your mentor');
    // A second click on the last page cannot send it twice.
    const again = await h.click(mia, { ...intro, card: third.card }, 'form.charter', page3);
    expect(again.notice).toContain('with your mentor now');
    expect(await h.app.store.mentoring.charterVersions(pair.id)).toHaveLength(1);

    const review = await h.waitForCard(mo.conversationId, 'sent your mentoring charter (version 1)');
    expect(cardText(review.card)).toContain('Stakeholder alignment score: 4 → 8');
    // Only the mentor may answer it: Mia replaying the button's data in her own chat gets nowhere.
    const confirmData = actionsOf(review.card).find((a) => a.verb === 'charter.confirm')!.data;
    const forged = await h.execute(mia, mia.conversationId, confirmData);
    expect(forged.notice).toContain("isn't yours");

    const changes = await h.click(mo, review, 'charter.changes');
    expect(inputIds(changes.card)).toEqual(['comment']);
    const empty = await h.click(mo, { ...review, card: changes.card }, 'form.changes', { comment: 'x' });
    expect(fieldError(empty.card, 'comment')).toBe('Say what should change.');
    const asked = await h.click(mo, { ...review, card: changes.card }, 'form.changes', {
      comment: 'Make the second KPI about delegation',
    });
    expect(cardText(asked.card)).toContain('You asked for changes to version 1');
    const changed = await h.waitForCard(mia.conversationId, 'asked for changes');
    expect(cardText(changed.card)).toContain('Make the second KPI about delegation');

    const edit = await h.click(mia, changed, 'charter.form');
    // Earlier answers are kept: the form opens where something is missing, or on the first page, prefilled.
    expect((edit.card!.body as Record<string, unknown>[]).find((e) => e.id === 'goals')).toMatchObject({
      value: page1.goals,
    });
    const p2 = await h.click(mia, { ...changed, card: edit.card }, 'form.charter', {
      ...page1,
      kpi2Name: 'Tasks delegated per week',
    });
    const p3 = await h.click(mia, { ...changed, card: p2.card }, 'form.charter', page2);
    await h.click(mia, { ...changed, card: p3.card }, 'form.charter', page3);
    const review2 = await h.waitForCard(mo.conversationId, '(version 2)');
    const confirmed = await h.click(mo, review2, 'charter.confirm');
    expect(cardText(confirmed.card)).toContain('You confirmed the charter (version 2). It is active now.');
    expect((await h.app.store.mentoring.currentCharter(pair.id))?.status).toBe('active');
    expect((await h.waitForText(mia.conversationId, 'confirmed your charter')).text).toContain('2026-03-12');
    // A second click on the old review card brings it up to date once, and records nothing.
    const twice = await h.click(mo, review2, 'charter.confirm');
    expect(cardText(twice.card)).toContain('You confirmed the charter (version 2)');
    const thrice = await h.click(mo, review2, 'charter.confirm');
    expect(thrice.notice).toBe('Already done.');
    expect(
      (await h.app.store.mentoring.charterVersions(pair.id)).filter((c) => c.status === 'active'),
    ).toHaveLength(1);

    // The first milestone is due 12 March: the mentor is asked 3 days before, at 10:00 his time.
    await h.runUntil('2026-03-10T12:00:00Z', 60 * 60_000);
    const reminder = await h.waitForCard(mo.conversationId, 'Kick-off held with all three teams');
    expect(actionsOf(reminder.card).map((a) => a.title)).toEqual(['Met', 'Partly', 'Not yet']);
    const met = await h.click(mo, reminder, 'milestone.met');
    expect(cardText(met.card)).toContain('confirmed as **met**');
    expect(actionsOf(met.card).map((a) => a.verb)).toEqual(['milestone.note']);
    const noteForm = await h.click(mo, { ...reminder, card: met.card }, 'milestone.note');
    const noted = await h.click(mo, { ...reminder, card: noteForm.card }, 'form.note', {
      note: 'Great facilitation',
    });
    expect(cardText(noted.card)).toContain('Note added.');
    const milestones = await h.app.store.mentoring.milestones(pair.id);
    expect(milestones[0]).toMatchObject({ status: 'met', note: 'Great facilitation' });
    expect((await h.waitForText(mia.conversationId, 'marked the milestone')).text).toContain('met');
    // Answering again keeps the first answer.
    await h.click(mo, reminder, 'milestone.notyet');
    expect((await h.app.store.mentoring.milestones(pair.id))[0]?.status).toBe('met');
  });

  it('answers the charter step by step in the chat, checks each answer, and can pause', async () => {
    const intro = await h.waitForCard(mia.conversationId, 'paired with');
    const chat = await h.click(mia, intro, 'charter.chat');
    expect(chat.notice).toContain('in the chat');
    expect((await h.waitForText(mia.conversationId, 'step by step')).text).toContain(
      'What do you want from this mentorship?',
    );

    const answer = async (text: string) => {
      await h.say(mia, text);
      return h.messages(mia.conversationId).at(-1)?.text ?? '';
    };
    expect(await answer(page1.goals)).toContain('Name the first KPI');
    expect(await answer(page1.kpi1Name)).toContain('Where is KPI 1 today?');
    expect(await answer('lots')).toContain("That doesn't fit: Please enter a number.");
    expect(await answer('stop')).toContain('Paused. Your answers are saved');
    // Paused: typed words are commands again.
    expect(await answer('help')).toContain('**checkin**');
    const resumed = await h.click(mia, intro, 'charter.chat');
    expect(resumed.notice).toBeDefined();
    expect(h.messages(mia.conversationId).at(-1)?.text).toContain('Where is KPI 1 today?');
    for (const text of [
      '4',
      '8',
      page1.kpi2Name,
      '5',
      '10',
      page2.milestone1,
      page2.milestone2,
      'biweekly',
      'yes',
      page3.mentorWill,
    ])
      await answer(text);
    const before = h.messages(mo.conversationId).length;
    await h.say(mia, page3.mentorWillNot);
    const review = await h.waitForCard(mo.conversationId, 'sent your mentoring charter (version 1)');
    expect(h.messages(mo.conversationId).length).toBeGreaterThan(before);
    expect(cardText(review.card)).toContain('Hours of focus time per week: 5 → 10');
    expect(cardText(review.card)).toContain('Every two weeks');
    expect((await h.waitForText(mia.conversationId, 'is with Mo Mentor to confirm')).text).toContain(
      'version 1',
    );
  });
});

describe('Teams: the curator channel, alerts and a re-match', () => {
  let h: TeamsHarness;
  const curators = channelPlace('Curators');
  const mo = teamsUser('Mo Mentor', ZONE);
  const mia = teamsUser('Mia Mentee', ZONE);
  const cora = teamsUser('Cora Curator', ZONE);
  const eve = teamsUser('Eve Member', ZONE);
  const nia = teamsUser('Nia Newmentor', ZONE);

  beforeEach(async () => {
    h = await startTeamsHarness({
      start: '2026-03-02T08:00:00Z',
      programs: [
        { name: 'pilot', timezone: ZONE, engagement: { threshold: 80, charterDueDays: 1, graceDays: 1 } },
      ],
      env: { CURATORS: `teams:${cora.aadObjectId}` },
      members: { [curators.teamId]: [member(cora), member(eve), member(mo), member(mia), member(nia)] },
    });
    await onboard(h, mo);
    await onboard(h, mia);
  });
  afterEach(async () => {
    const problems = h.cardProblems();
    await h.close();
    expect(problems).toEqual([]);
  });

  const channelPosts = () =>
    h.sim.conversationsCreated.filter(
      (c) =>
        (c.parameters.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ===
        curators.channelId,
    );

  it('a curator claims the channel; alerts arrive there; only curators act; the card shows who did what', async () => {
    await h.installInChannel(curators, eve);
    expect((await h.waitForText(curators.channelId, 'claim')).text).toContain(
      'A curator can mention me with **claim**',
    );
    const refused = await h.sayInChannel(curators, eve, 'claim');
    expect(refused.status).toBe(200);
    const lastReply = () =>
      h.sim.activities.filter((a) => a.conversationId.startsWith(curators.channelId)).at(-1)?.activity
        .text as string;
    expect(lastReply()).toContain('Only curators can claim');
    await h.sayInChannel(curators, cora, 'claim');
    expect(lastReply()).toContain(
      `Done: curator alerts for this organization now come to this channel (${curators.channelId})`,
    );
    expect(await h.app.mentoring.curators.channelFor('teams', TENANT)).toEqual({
      platform: 'teams',
      workspaceId: TENANT,
      userId: curators.channelId,
    });
    await h.sayInChannel(curators, cora, 'help');
    expect(lastReply()).toContain('**claim**');

    const pair = await h.app.mentoring.createPair('roster', h.identity(mo), h.identity(mia));
    // No charter after a day: the pair is nudged; still low after the grace day: the curators hear.
    await h.runUntil('2026-03-06T12:00:00Z', 60 * 60_000);
    expect(channelPosts()).toHaveLength(1);
    const post = channelPosts()[0]!;
    const alert = h.messages(post.id).find((m) => m.card)!;
    expect(post.id.startsWith(`${curators.channelId};messageid=`)).toBe(true);
    expect(cardText(alert.card)).toContain(
      'Engagement is low for the pair **Mia Mentee** (mentee) and **Mo Mentor** (mentor)',
    );
    expect(cardText(alert.card)).toContain('charter not finished');
    expect(actionsOf(alert.card).map((a) => a.verb)).toEqual([
      'alert.rematch',
      'alert.checkin',
      'alert.snooze',
      'alert.close',
    ]);

    const notCurator = await h.click(eve, alert, 'alert.rematch', {}, { channel: curators });
    expect(notCurator.notice).toBe('Only curators can do that.');

    const form = await h.click(cora, alert, 'alert.rematch', {}, { channel: curators });
    expect(inputIds(form.card)).toEqual(['mentor', 'reason']);
    const picker = (form.card!.body as Record<string, unknown>[]).find((e) => e.id === 'mentor') as {
      type: string;
      choices: { title: string; value: string }[];
    };
    expect(picker.type).toBe('Input.ChoiceSet');
    // The team's members, without the pair themselves.
    expect(picker.choices.map((c) => c.title)).toEqual(['Cora Curator', 'Eve Member', 'Nia Newmentor']);
    expect(picker.choices.find((c) => c.title === 'Nia Newmentor')?.value).toBe(nia.aadObjectId);

    const noReason = await h.click(
      cora,
      { ...alert, card: form.card },
      'form.alert',
      { mentor: nia.aadObjectId, reason: '' },
      { channel: curators },
    );
    expect(fieldError(noReason.card, 'reason')).toBe('Please fill this in.');
    expect((await h.app.store.mentoring.getPair(pair.id))?.status).toBe('active');

    const done = await h.click(
      cora,
      { ...alert, card: form.card },
      'form.alert',
      { mentor: nia.aadObjectId, reason: 'Better fit for the project' },
      { channel: curators },
    );
    expect(cardText(done.card)).toMatch(
      /\*\*Cora Curator\*\* re-matched the mentee on \{\{DATE\(2026-03-0\dT\d\d:\d\d:\d\dZ, SHORT\)\}\} \{\{TIME\(2026-03-0\dT\d\d:\d\d:\d\dZ\)\}\}\. New mentor: /,
    );
    // Everyone in the channel sees the decision: the alert message itself was updated.
    const updated = h.messages(post.id).find((m) => m.id === alert.id)!;
    expect(updated.updates).toBe(1);
    expect(actionsOf(updated.card)).toEqual([]);
    expect(cardText(updated.card)).toContain('re-matched the mentee');

    expect((await h.app.store.mentoring.getPair(pair.id))?.status).toBe('closed');
    const fresh = (await h.app.store.mentoring.activePairs()).find((p) => p.replacesPairId === pair.id)!;
    const newMentor = (await h.app.store.participants.get(fresh.mentorId))!;
    expect(newMentor).toMatchObject({ platform: 'teams', userId: nia.aadObjectId, consent: 'pending' });
    // Nia never talked to the bot: her consent request opens a 1:1 with her Teams id from the team roster.
    const opened = h.sim.conversationsCreated.find(
      (c) => JSON.stringify(c.parameters.members) === JSON.stringify([{ id: nia.id, name: '' }]),
    );
    expect(opened).toBeDefined();
    expect(cardText(h.messages(opened!.id).find((m) => m.card)?.card)).toContain('Before anything starts');
    await h.settle();
    expect(JSON.parse((await h.app.store.participants.get(fresh.mentorId))!.address!)).toMatchObject({
      conversation: { id: opened!.id },
    });

    // A second curator acting on the handled alert changes nothing.
    const late = await h.click(cora, alert, 'alert.close', {}, { channel: curators });
    expect(cardText(late.card)).toContain('re-matched the mentee');
    expect((await h.app.store.mentoring.alerts({ pairId: pair.id }))[0]).toMatchObject({
      status: 'handled',
      action: 'rematch',
    });
  });
});
