import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/participant.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { datePicker, numberInput, plainInput, staticSelect, usersSelect } from '../support/slack-requests.js';

const MENTOR = { id: 'UMENTOR1', realName: 'Maria Mentor', tz: 'Europe/Berlin' };
const MENTEE = { id: 'UMENTEE1', realName: 'Theo Mentee', tz: 'Europe/Berlin' };
const MENTOR2 = { id: 'UMENTOR2', realName: 'Omar Mentor', tz: 'Europe/Berlin' };
const MENTEE2 = { id: 'UMENTEE2', realName: 'Lina Mentee', tz: 'Europe/Berlin' };
const QUIET_MENTOR = { id: 'UQUIETMR', realName: 'Quinn Quiet', tz: 'Europe/Berlin' };
const QUIET_MENTEE = { id: 'UQUIETME', realName: 'Rae Quiet', tz: 'Europe/Berlin' };
const NEW_MENTOR = { id: 'UNEWMENT', realName: 'Nia New', tz: 'Europe/Berlin' };
const CURATOR = { id: 'UCURATOR1', realName: 'Cora Curator', tz: 'Europe/Berlin' };
const CURATOR2 = { id: 'UCURATOR2', realName: 'Cal Curator', tz: 'Europe/Berlin' };
const CURATOR_CHANNEL = 'C0CURATORS';
const who = (userId: string): Identity => ({ platform: 'slack', workspaceId: 'T0001', userId });

type Button = { action_id: string; value: string };
const buttons = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

describe('Slack mentoring: charters, milestones, engagement and curators', () => {
  let h: SlackHarness;
  const dm = (userId: string) => h.sim.messages(`D${userId}`);
  const findMessage = (userId: string, text: string) =>
    waitFor(() => dm(userId).find((m) => String(m.text).includes(text)));
  const button = (blocks: unknown, prefix: string) => {
    const found = buttons(blocks).find((b) => b.action_id.startsWith(prefix));
    if (!found) throw new Error(`no ${prefix} button`);
    return found;
  };
  async function accept(userId: string) {
    await h.slack.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home' });
    const consent = await findMessage(userId, 'Before anything starts');
    await h.slack.blockAction(userId, button(consent.blocks, 'cl:consent.accept'), {
      channelId: `D${userId}`,
      messageTs: consent.ts,
    });
    await waitFor(
      async () => (await h.app.store.participants.findByIdentity(who(userId)))?.consent === 'accepted',
    );
  }
  async function pairOf(menteeId: string) {
    const mentee = (await h.app.store.participants.findByIdentity(who(menteeId)))!;
    return (await h.app.store.mentoring.activePairsOf(mentee.id)).find((p) => p.menteeId === mentee.id)!;
  }
  async function clickAndOpen(
    userId: string,
    b: Button,
    ctx: { channelId?: string; messageTs?: string } = {},
  ) {
    const trigger = h.slack.newTriggerId();
    await h.slack.blockAction(userId, b, { ...ctx, triggerId: trigger });
    const call = await waitFor(() => h.sim.callsTo('views.open').find((c) => c.args.trigger_id === trigger));
    return call.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string; element?: Record<string, unknown> }[];
    };
  }
  const say = (userId: string, text: string, n: number) =>
    h.slack.event(
      {
        type: 'message',
        channel_type: 'im',
        channel: `D${userId}`,
        user: userId,
        text,
        ts: `1780000000.${String(n).padStart(6, '0')}`,
      },
      { eventId: `EvChat${userId}${n}` },
    );

  beforeAll(async () => {
    h = await startSlackHarness({
      start: '2026-03-02T08:00:00Z',
      users: [MENTOR, MENTEE, MENTOR2, MENTEE2, QUIET_MENTOR, QUIET_MENTEE, NEW_MENTOR, CURATOR, CURATOR2],
      env: { CURATOR_CHANNEL, CURATORS: `${CURATOR.id},${CURATOR2.id}` },
    });
    for (const person of [MENTOR, MENTEE, MENTOR2, MENTEE2, QUIET_MENTOR, QUIET_MENTEE])
      await accept(person.id);
  });
  afterAll(async () => {
    await h.close();
  });

  it('lets only curators create pairs, and introduces both people once they have consented', async () => {
    const refused = await h.slack.command(
      '/coach',
      `pair <@${MENTOR.id}|maria> <@${MENTEE.id}|theo>`,
      MENTEE2.id,
    );
    expect(JSON.stringify(refused.json())).toContain('Only curators');
    expect(await h.app.store.mentoring.activePairs()).toHaveLength(0);

    const made = await h.slack.command(
      '/coach',
      `pair <@${MENTOR.id}|maria> <@${MENTEE.id}|theo>`,
      CURATOR.id,
    );
    expect(JSON.stringify(made.json())).toContain('Paired');
    await h.slack.command('/coach', `pair <@${MENTOR2.id}|omar> <@${MENTEE2.id}|lina>`, CURATOR.id);
    await h.slack.command('/coach', `pair <@${QUIET_MENTOR.id}|q> <@${QUIET_MENTEE.id}|r>`, CURATOR.id);
    expect(
      JSON.stringify(
        (await h.slack.command('/coach', `pair <@${MENTOR.id}> <@${MENTEE.id}>`, CURATOR.id)).json(),
      ),
    ).toContain('already an active pair');

    const intro = await findMessage(MENTEE.id, 'paired with *Maria Mentor*');
    expect(buttons(intro.blocks).map((b) => b.action_id.split(':')[1])).toEqual([
      'charter.form',
      'charter.chat',
    ]);
    await findMessage(MENTOR.id, "You're now mentoring *Theo Mentee*");
    const audit = await h.app.store.audit.since(0);
    expect(audit.filter((e) => e.action === 'pair.created')).toHaveLength(3);
  });

  it('runs the charter as modal pages: inline errors, abandoned halfway, resumed where it stopped', async () => {
    const pair = await pairOf(MENTEE.id);
    const intro = await findMessage(MENTEE.id, 'paired with *Maria Mentor*');
    const page1 = await clickAndOpen(MENTEE.id, button(intro.blocks, 'cl:charter.form'), {
      channelId: `D${MENTEE.id}`,
      messageTs: intro.ts,
    });
    expect(page1.callback_id).toBe('form:charter-1');

    const invalid = await h.slack.viewSubmission(MENTEE.id, {
      callback_id: 'form:charter-1',
      private_metadata: page1.private_metadata,
      state: {
        values: {
          goals: { value: plainInput('short') },
          kpi1Name: { value: plainInput('Stakeholder score') },
          kpi1Baseline: { value: numberInput('x') },
        },
      },
    });
    expect(invalid.json()).toMatchObject({
      response_action: 'errors',
      errors: {
        goals: 'A few words, please.',
        kpi1Baseline: 'Please enter a number.',
        kpi2Name: 'Please fill this in.',
      },
    });
    const ok1 = await h.slack.viewSubmission(MENTEE.id, {
      callback_id: 'form:charter-1',
      private_metadata: page1.private_metadata,
      state: {
        values: {
          goals: { value: plainInput('Lead my first cross-team project and grow my network') },
          kpi1Name: { value: plainInput('Stakeholder score') },
          kpi1Baseline: { value: numberInput('3.2') },
          kpi1Target: { value: numberInput('4') },
          kpi2Name: { value: plainInput('Peers I meet monthly') },
          kpi2Baseline: { value: numberInput('1') },
          kpi2Target: { value: numberInput('4') },
        },
      },
    });
    const pushed = ok1.json() as {
      response_action: string;
      view: {
        callback_id: string;
        private_metadata: string;
        blocks: { block_id: string; element: { initial_date?: string } }[];
      };
    };
    expect(pushed.response_action).toBe('push');
    expect(pushed.view.callback_id).toBe('form:charter-2');
    expect(pushed.view.blocks.find((b) => b.block_id === 'milestone1Due')?.element.initial_date).toBe(
      '2026-05-31',
    );
    const draft = await h.app.store.mentoring.getDraft(pair.id);
    expect(draft?.data).toMatchObject({
      goals: 'Lead my first cross-team project and grow my network',
      kpi2Target: '4',
    });
    // The mentee closes the form here. Later they come back through the same button.
    const resumed = await clickAndOpen(MENTEE.id, button(intro.blocks, 'cl:charter.form'), {
      channelId: `D${MENTEE.id}`,
      messageTs: intro.ts,
    });
    expect(resumed.callback_id).toBe('form:charter-2');

    const badDates = await h.slack.viewSubmission(MENTEE.id, {
      callback_id: 'form:charter-2',
      private_metadata: resumed.private_metadata,
      state: {
        values: {
          milestone1: { value: plainInput('Project kickoff done') },
          milestone1Due: { value: datePicker('2026-05-31') },
          milestone2: { value: plainInput('Project shipped') },
          milestone2Due: { value: datePicker('2026-08-29') },
          cadence: { value: staticSelect('biweekly') },
        },
      },
    });
    const page3 = (badDates.json() as { view: { callback_id: string; private_metadata: string } }).view;
    expect(page3.callback_id).toBe('form:charter-3');
    const noConsent = await h.slack.viewSubmission(MENTEE.id, {
      callback_id: 'form:charter-3',
      private_metadata: page3.private_metadata,
      state: {
        values: {
          mentorWill: { value: plainInput('Review my plan monthly') },
          mentorWillNot: { value: plainInput('Rate my performance') },
        },
      },
    });
    expect(noConsent.json()).toMatchObject({
      response_action: 'errors',
      errors: { confidentiality: 'Please fill this in.' },
    });
    expect(await h.app.store.mentoring.currentCharter(pair.id)).toBeNull();
    const done = await h.slack.viewSubmission(MENTEE.id, {
      callback_id: 'form:charter-3',
      private_metadata: page3.private_metadata,
      state: {
        values: {
          confidentiality: { value: staticSelect('agree') },
          mentorWill: { value: plainInput('Review my plan monthly') },
          mentorWillNot: { value: plainInput('Rate my performance') },
        },
      },
    });
    expect(done.json()).toEqual({ response_action: 'clear' });
    const review = await findMessage(MENTOR.id, 'sent your mentoring charter (version 1)');
    expect(JSON.stringify(review.blocks)).toContain('Stakeholder score: 3.2 → 4');
  });

  it('lets the mentor ask for changes, keeps version 1, and activates version 2 on confirmation', async () => {
    const pair = await pairOf(MENTEE.id);
    const review = await findMessage(MENTOR.id, 'version 1');
    // Someone else cannot confirm this pair's charter.
    await h.slack.blockAction(MENTEE2.id, button(review.blocks, 'cl:charter.confirm'), {
      channelId: `D${MENTEE2.id}`,
      messageTs: '9.1',
    });
    await waitFor(() =>
      h.sim.ephemerals().find((e) => e.user === MENTEE2.id && e.text.includes("isn't yours")),
    );
    expect((await h.app.store.mentoring.currentCharter(pair.id))?.status).toBe('submitted');

    const changes = await clickAndOpen(MENTOR.id, button(review.blocks, 'cl:charter.changes'), {
      channelId: `D${MENTOR.id}`,
      messageTs: review.ts,
    });
    await h.slack.viewSubmission(MENTOR.id, {
      callback_id: changes.callback_id,
      private_metadata: changes.private_metadata,
      state: {
        values: { comment: { value: plainInput('Make milestone 2 about a presentation to leadership') } },
      },
    });
    const asked = await findMessage(MENTEE.id, 'asked for changes');
    expect(asked.text).toContain('presentation to leadership');
    expect((await h.app.store.mentoring.currentCharter(pair.id))?.status).toBe('changes_requested');

    // The mentee edits in chat this time: all answers are there, so "send" submits version 2 after a fix.
    await h.slack.blockAction(MENTEE.id, button(asked.blocks, 'cl:charter.chat'), {
      channelId: `D${MENTEE.id}`,
      messageTs: asked.ts,
    });
    await findMessage(MENTEE.id, 'Everything is answered');
    const draft = (await h.app.store.mentoring.getDraft(pair.id))!;
    await h.app.store.mentoring.saveDraft(
      pair.id,
      { ...draft.data, milestone2: undefined },
      'chat',
      h.clock.now(),
    );
    await say(MENTEE.id, 'Present the project to the leadership team', 1);
    await findMessage(MENTOR.id, 'version 2');
    const versions = await h.app.store.mentoring.charterVersions(pair.id);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'changes_requested'],
      [2, 'submitted'],
    ]);
    const review2 = await findMessage(MENTOR.id, 'version 2');
    const confirm = button(review2.blocks, 'cl:charter.confirm');
    await h.slack.blockAction(MENTOR.id, confirm, { channelId: `D${MENTOR.id}`, messageTs: review2.ts });
    await findMessage(MENTEE.id, 'confirmed your charter');
    expect((await h.app.store.mentoring.currentCharter(pair.id))?.status).toBe('active');
    const milestones = await h.app.store.mentoring.milestones(pair.id);
    expect(milestones.map((m) => [m.description, m.dueDate, m.status])).toEqual([
      ['Project kickoff done', '2026-05-31', 'pending'],
      ['Present the project to the leadership team', '2026-08-29', 'pending'],
    ]);
    // A second click on an old copy of the confirm button records nothing new: that copy is brought up to date.
    await h.slack.blockAction(MENTOR.id, confirm, { channelId: `D${MENTOR.id}`, messageTs: '9.2' });
    await waitFor(() =>
      h.sim
        .callsTo('chat.update')
        .find((c) => c.args.ts === '9.2' && String(c.args.text).includes('You confirmed')),
    );
    expect((await h.app.store.mentoring.charterVersions(pair.id)).map((v) => v.status)).toEqual([
      'changes_requested',
      'active',
    ]);
  });

  it('takes the charter step by step in chat, with an invalid answer, a pause and a resume', async () => {
    const pair = await pairOf(MENTEE2.id);
    const intro = await findMessage(MENTEE2.id, 'paired with *Omar Mentor*');
    await h.slack.blockAction(MENTEE2.id, button(intro.blocks, 'cl:charter.chat'), {
      channelId: `D${MENTEE2.id}`,
      messageTs: intro.ts,
    });
    await findMessage(MENTEE2.id, 'What do you want from this mentorship?');
    await say(MENTEE2.id, 'Become a confident presenter and build my network', 10);
    await findMessage(MENTEE2.id, 'Name the first KPI');
    await say(MENTEE2.id, 'Presentation feedback score', 11);
    await findMessage(MENTEE2.id, 'Where is KPI 1 today?');
    await say(MENTEE2.id, 'about three', 12);
    await findMessage(MENTEE2.id, "That doesn't fit: Please enter a number.");
    await say(MENTEE2.id, 'stop', 13);
    await findMessage(MENTEE2.id, 'Paused');
    expect((await h.app.store.mentoring.getDraft(pair.id))?.data).toMatchObject({
      kpi1Name: 'Presentation feedback score',
    });
    // "status" while paused is an ordinary command again.
    await say(MENTEE2.id, 'status', 14);
    await findMessage(MENTEE2.id, 'No experiment yet');

    await h.slack.blockAction(MENTEE2.id, button(intro.blocks, 'cl:charter.chat'), {
      channelId: `D${MENTEE2.id}`,
      messageTs: intro.ts,
    });
    await waitFor(
      () => dm(MENTEE2.id).filter((m) => String(m.text).includes('Where is KPI 1 today?')).length >= 2,
    );
    const answers = [
      '3',
      '4.5',
      'Peers met per month',
      '1',
      '4',
      'Run a team workshop',
      '2026-05-31',
      'Give a talk at the all-hands',
      '2026-08-29',
      'monthly',
      'agree',
      'Share feedback on my talks',
      'Decide my priorities for me',
    ];
    // One answer after the other, as a person reads each question before answering it: Slack events are handled
    // after their acknowledgement, so answers sent all at once could overtake one another.
    let n = 20;
    for (const [i, answer] of answers.entries()) {
      const before = dm(MENTEE2.id).length;
      await say(MENTEE2.id, answer, n++);
      if (i < answers.length - 1) await waitFor(() => dm(MENTEE2.id).length > before);
    }
    const review = await findMessage(MENTOR2.id, 'sent your mentoring charter (version 1)');
    expect(JSON.stringify(review.blocks)).toContain('Presentation feedback score: 3 → 4.5');
    expect((await h.app.store.mentoring.currentCharter(pair.id))?.charter).toMatchObject({
      cadence: 'monthly',
      confidentiality: 'agree',
    });
  });

  it('reminds the mentor before a milestone and records the one-click confirmation, telling the mentee', async () => {
    const pair = await pairOf(MENTEE.id);
    await h.runUntil('2026-05-28T09:00:00Z', 60 * 60_000);
    const reminder = await findMessage(MENTOR.id, 'due 2026-05-31');
    const met = button(reminder.blocks, 'cl:milestone.met');
    await h.slack.blockAction(MENTOR.id, met, { channelId: `D${MENTOR.id}`, messageTs: reminder.ts });
    await findMessage(MENTEE.id, 'marked the milestone "Project kickoff done" as met');
    const [first] = await h.app.store.mentoring.milestones(pair.id);
    expect(first).toMatchObject({ status: 'met' });
    const row = (await h.app.store.outbox.list({ status: 'sent' })).find(
      (r) => r.kind === 'milestone_reminder',
    )!;
    expect(new Date(row.sentAt!).toISOString()).toBe('2026-05-28T08:00:00.000Z'); // 10:00 in Berlin (CEST)
    expect(row.budgeted).toBe(true);
    // The updated message offers a note and no more answer buttons; a second click changes nothing.
    await h.slack.blockAction(MENTOR.id, button(reminder.blocks, 'cl:milestone.note'), {
      channelId: `D${MENTOR.id}`,
      messageTs: reminder.ts,
      triggerId: 'tnote',
    });
    await h.slack.blockAction(
      MENTOR.id,
      { action_id: 'cl:milestone.notyet:2', value: met.value },
      { channelId: `D${MENTOR.id}`, messageTs: reminder.ts },
    );
    await new Promise((r) => setTimeout(r, 100));
    expect((await h.app.store.mentoring.milestones(pair.id))[0]?.status).toBe('met');
  });

  it('nudges a quiet pair first, then alerts curators with the reasons; only curators act, and one decision wins', async () => {
    const quiet = await pairOf(QUIET_MENTEE.id);
    // Nothing has happened for the quiet pair since it was formed on 2 March.
    await h.runUntil('2026-06-01T12:00:00Z', 60 * 60_000);
    const [alert] = await h.app.store.mentoring.alerts({ pairId: quiet.id });
    expect(alert).toMatchObject({ status: 'open' });
    expect(alert!.reasons.map((r) => r.signal).sort()).toEqual([
      'charter_unfinished',
      'person_quiet',
      'person_quiet',
    ]);
    expect(alert!.score).toBeLessThan(60);
    // First a friendly nudge to both, then the grace period, and only then the curators.
    const quietIds = new Set([quiet.mentorId, quiet.menteeId]);
    const nudges = (await h.app.store.outbox.list({ status: 'sent' })).filter(
      (r) => r.kind === 'pair_nudge' && quietIds.has(r.participantId),
    );
    expect(nudges).toHaveLength(2);
    const nudgedAt = Math.max(...nudges.map((r) => r.sentAt!));
    expect(alert!.createdAt - nudgedAt).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
    expect(alert!.createdAt - nudgedAt).toBeLessThan(8 * 86_400_000);
    const posted = await waitFor(() =>
      h.sim.messages(CURATOR_CHANNEL).find((m) => String(m.text).includes('Rae Quiet')),
    );
    expect(JSON.stringify(posted.blocks)).toContain('charter not finished');
    expect(JSON.stringify(posted.blocks)).toContain('has not interacted with the bot');
    // Later daily looks do not raise a second alert while this one is open.
    await h.runUntil('2026-06-09T12:00:00Z', 60 * 60_000);
    expect(await h.app.store.mentoring.alerts({ pairId: quiet.id })).toHaveLength(1);

    // A non-curator is refused.
    const rematch = button(posted.blocks, 'cl:alert.rematch');
    await h.slack.blockAction(MENTEE2.id, rematch, { channelId: CURATOR_CHANNEL, messageTs: posted.ts });
    await waitFor(() =>
      h.sim
        .ephemerals(CURATOR_CHANNEL)
        .find((e) => e.user === MENTEE2.id && e.text.includes('Only curators')),
    );

    // Two curators open the re-match form and submit at the same moment: one decision is recorded.
    const form1 = await clickAndOpen(CURATOR.id, rematch, {
      channelId: CURATOR_CHANNEL,
      messageTs: posted.ts,
    });
    const form2 = await clickAndOpen(CURATOR2.id, rematch, {
      channelId: CURATOR_CHANNEL,
      messageTs: posted.ts,
    });
    expect(form1.blocks.find((b) => b.block_id === 'mentor')?.element).toMatchObject({
      type: 'users_select',
    });
    const [r1, r2] = await Promise.all([
      h.slack.viewSubmission(CURATOR.id, {
        callback_id: form1.callback_id,
        private_metadata: form1.private_metadata,
        state: {
          values: {
            mentor: { value: usersSelect(NEW_MENTOR.id) },
            reason: { value: plainInput('Schedules never lined up') },
          },
        },
      }),
      h.slack.viewSubmission(CURATOR2.id, {
        callback_id: form2.callback_id,
        private_metadata: form2.private_metadata,
        state: {
          values: {
            mentor: { value: usersSelect(NEW_MENTOR.id) },
            reason: { value: plainInput('No engagement') },
          },
        },
      }),
    ]);
    const outcomes = [r1, r2].map((r) => JSON.stringify(r.json() ?? null));
    expect(outcomes.filter((o) => o.includes('already handled'))).toHaveLength(1);
    expect(outcomes.filter((o) => o === JSON.stringify({ response_action: 'clear' }))).toHaveLength(1);
    const handled = (await h.app.store.mentoring.getAlert(alert!.id))!;
    expect(handled.status).toBe('handled');
    const curatorActions = (await h.app.store.audit.since(0)).filter((e) => e.action.startsWith('curator.'));
    expect(curatorActions).toHaveLength(1);
    await waitFor(() =>
      String(h.sim.messages(CURATOR_CHANNEL).find((m) => m.ts === posted.ts)?.text).includes('on 2026-06-09'),
    );
    expect(buttons(h.sim.messages(CURATOR_CHANNEL).find((m) => m.ts === posted.ts)?.blocks)).toHaveLength(0);

    expect(handled.action).toBe('rematch');
    expect(await h.app.store.mentoring.getPair(quiet.id)).toMatchObject({
      status: 'closed',
      closeReason: 're-matched by a curator',
    });
    const fresh = await pairOf(QUIET_MENTEE.id);
    expect(fresh.replacesPairId).toBe(quiet.id);
    expect(await h.app.store.mentoring.activePairs()).toHaveLength(3);
    const menteeNote = await findMessage(QUIET_MENTEE.id, 'new mentor');
    expect(menteeNote.text).not.toMatch(/fault|fail|blame/i);
    const oldMentorNote = await findMessage(QUIET_MENTOR.id, 'Thank you for mentoring');
    expect(oldMentorNote.text).not.toMatch(/fault|fail|blame/i);
    // The new mentor hears about it once they have accepted consent; the new charter starts from a clean page.
    await accept(NEW_MENTOR.id);
    await findMessage(NEW_MENTOR.id, "You're now mentoring *Rae Quiet*");
    expect((await h.app.store.mentoring.getDraft(fresh.id))?.data).toEqual({
      milestone1Due: '2026-09-07',
      milestone2Due: '2026-12-06',
    });
  });
});
