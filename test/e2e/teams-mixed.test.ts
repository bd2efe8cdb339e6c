import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/participant.js';
import { datePicker, numberInput, plainInput, staticSelect } from '../support/slack-requests.js';
import {
  actionsOf,
  cardText,
  startTeamsHarness,
  type TeamsHarness,
  teamsUser,
  waitFor,
} from '../support/teams-harness.js';

const SAM = { id: 'U900', tz: 'Europe/Berlin', realName: 'Sam Slack', email: 'sam@example.com' };
type Button = { action_id: string; value: string };
const buttons = (blocks: unknown): Button[] =>
  ((blocks as { elements?: Button[] }[]) ?? []).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

describe('One program, two platforms: a Teams mentor and a Slack mentee', () => {
  let h: TeamsHarness;
  const tom = teamsUser('Tom Teams', 'America/New_York');
  let sam: Identity;

  beforeEach(async () => {
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z', slack: { users: [SAM] } });
    sam = { platform: 'slack', workspaceId: h.slackSim!.teamId, userId: SAM.id };
  });
  afterEach(async () => {
    const problems = h.cardProblems();
    await h.close();
    expect(problems).toEqual([]);
  });

  it('the dispatcher delivers to each person on their own platform, and the charter travels between them', async () => {
    expect(h.app.channels.has('slack')).toBe(true);
    expect(h.app.channels.has('teams')).toBe(true);
    const slack = h.slack!;
    const dm = `D${SAM.id}`;

    // Tom joins in Teams, Sam in Slack; both accept consent on their own platform.
    await h.install(tom);
    await h.click(tom, await h.waitForCard(tom.conversationId, 'Before anything starts'), 'consent.accept');
    await slack.command('/coach', 'help', SAM.id);
    const consent = await waitFor(() => h.slackSim!.messages(dm)[0]);
    await slack.blockAction(SAM.id, buttons(consent.blocks)[0]!, { channelId: dm, messageTs: consent.ts });
    await waitFor(async () => (await h.app.store.participants.findByIdentity(sam))?.consent === 'accepted');

    const pair = await h.app.mentoring.createPair('roster', h.identity(tom), sam);
    await h.settle();
    const mentor = (await h.app.store.participants.get(pair.mentorId))!;
    const mentee = (await h.app.store.participants.get(pair.menteeId))!;
    expect([mentor.platform, mentee.platform]).toEqual(['teams', 'slack']);

    // Tom's introduction arrives in Teams once his working day starts in New York (08:00 there); Sam's, with
    // the charter buttons, in Slack right away (09:00 in Berlin).
    await h.runUntil('2026-03-02T13:15:00Z');
    expect((await h.waitForText(tom.conversationId, "You're now mentoring")).text).toContain('**Sam Slack**');
    const intro = await waitFor(() =>
      h.slackSim!.messages(dm).find((m) => String(m.text).includes('paired with')),
    );
    expect(intro.text).toContain('*Tom Teams*');
    const rows = await h.app.store.outbox.list({ status: 'sent' });
    expect(rows.find((r) => r.key === `pair_intro:${pair.id}:mentor`)?.platform).toBe('teams');
    expect(rows.find((r) => r.key === `pair_intro:${pair.id}:mentee`)?.platform).toBe('slack');

    // Sam writes the charter in Slack modals.
    const meta = (page: number) => JSON.stringify({ s: JSON.stringify({ p: pair.id, g: page }) });
    const page1 = await slack.viewSubmission(SAM.id, {
      callback_id: 'form:charter-1',
      private_metadata: meta(0),
      state: {
        values: {
          goals: { value: plainInput('Grow into leading a platform team') },
          kpi1Name: { value: plainInput('Team health score') },
          kpi1Baseline: { value: numberInput('5') },
          kpi1Target: { value: numberInput('8') },
          kpi2Name: { value: plainInput('Decisions delegated per week') },
          kpi2Baseline: { value: numberInput('1') },
          kpi2Target: { value: numberInput('4') },
        },
      },
    });
    expect(page1.json()).toMatchObject({ response_action: 'push' });
    await slack.viewSubmission(SAM.id, {
      callback_id: 'form:charter-2',
      private_metadata: meta(1),
      state: {
        values: {
          milestone1: { value: plainInput('Ran the first quarterly planning') },
          milestone1Due: { value: datePicker('2026-06-01') },
          milestone2: { value: plainInput('Hired two engineers') },
          milestone2Due: { value: datePicker('2026-09-01') },
          cadence: { value: staticSelect('monthly') },
        },
      },
    });
    const last = await slack.viewSubmission(SAM.id, {
      callback_id: 'form:charter-3',
      private_metadata: meta(2),
      state: {
        values: {
          confidentiality: { value: staticSelect('agree') },
          mentorWill: { value: plainInput('Share how I run planning') },
          mentorWillNot: { value: plainInput('Make decisions for Sam') },
        },
      },
    });
    expect(last.json()).toMatchObject({ response_action: 'clear' });
    await h.settle();

    // Tom reviews it in Teams and confirms; Sam hears about it in Slack.
    const review = await h.waitForCard(tom.conversationId, 'sent your mentoring charter (version 1)');
    expect(cardText(review.card)).toContain('Team health score: 5 → 8');
    expect(actionsOf(review.card).map((a) => a.verb)).toEqual(['charter.confirm', 'charter.changes']);
    const confirmed = await h.click(tom, review, 'charter.confirm');
    expect(cardText(confirmed.card)).toContain('It is active now');
    const notice = await waitFor(() =>
      h.slackSim!.messages(dm).find((m) => String(m.text).includes('confirmed your charter')),
    );
    expect(notice.text).toContain('Tom Teams confirmed your charter');
    expect((await h.app.store.mentoring.currentCharter(pair.id))?.status).toBe('active');

    // Nothing crossed platforms: no Slack message to Tom, no Teams message to Sam.
    expect(h.slackSim!.callsTo('chat.postMessage').every((c) => c.args.channel === dm)).toBe(true);
    expect(h.sim.activities.every((a) => a.conversationId === tom.conversationId)).toBe(true);
  });
});
