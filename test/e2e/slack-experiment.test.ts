import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/participant.js';
import { experimentValues } from '../support/slack-fixtures.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { numberInput, plainInput, staticSelect } from '../support/slack-requests.js';

const LEADER = { id: 'U300', tz: 'America/New_York', email: 'lee@example.com', realName: 'Lee Leader' };
const me: Identity = { platform: 'slack', workspaceId: 'T0001', userId: LEADER.id };
const DM = `D${LEADER.id}`;

type Button = { action_id: string; value: string };
function buttons(blocks: unknown): Button[] {
  return ((blocks as { elements?: Button[] }[]) ?? [])
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id);
}

describe('Slack: a whole 13-week experiment with nudges and three checkpoints', () => {
  let h: SlackHarness;
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: LEADER.tz }).toFormat('ccc yyyy-LL-dd HH:mm');

  beforeAll(async () => {
    h = await startSlackHarness({ start: '2026-03-02T12:00:00Z', users: [LEADER] });
    await h.slack.event({ type: 'app_home_opened', user: LEADER.id, channel: DM, tab: 'home' });
    const consent = await waitFor(() => h.sim.messages(DM)[0]);
    await h.slack.blockAction(LEADER.id, buttons(consent.blocks)[0]!, {
      channelId: DM,
      messageTs: consent.ts,
    });
    await waitFor(async () => (await h.app.store.participants.findByIdentity(me))?.timezone === LEADER.tz);
    const res = await h.slack.viewSubmission(LEADER.id, {
      callback_id: 'form:experiment',
      state: { values: experimentValues() },
    });
    expect(res.status).toBe(200);
    await waitFor(async () =>
      h.app.store.experiments.current((await h.app.store.participants.findByIdentity(me))!.id),
    );
  });
  afterAll(async () => {
    await h.close();
  });

  async function sentRows() {
    const participant = await h.app.store.participants.findByIdentity(me);
    return (await h.app.store.outbox.list({ participantId: participant!.id, status: 'sent' })).filter(
      (r) => r.kind !== 'notice',
    );
  }

  it('sends nudges at 09:30 New York time on both sides of the DST change', async () => {
    await h.runUntil('2026-03-13T00:00:00Z');
    const nudges = (await sentRows()).filter((r) => r.kind === 'nudge');
    expect(nudges.map((r) => local(r.sentAt!))).toEqual([
      'Tue 2026-03-03 09:30',
      'Thu 2026-03-05 09:30',
      'Tue 2026-03-10 09:30',
      'Thu 2026-03-12 09:30',
    ]);
    expect(nudges.map((r) => DateTime.fromMillis(r.sentAt!, { zone: 'UTC' }).toFormat('HH:mm'))).toEqual([
      '14:30',
      '14:30',
      '13:30',
      '13:30',
    ]);
    const slackNudges = h.sim
      .messages(DM)
      .filter((m) => buttons(m.blocks).some((b) => b.action_id.startsWith('cl:nudge.')));
    expect(slackNudges).toHaveLength(4);
  });

  it('records a nudge answer once and updates the message so a second click cannot count', async () => {
    const nudge = h.sim
      .messages(DM)
      .filter((m) => buttons(m.blocks).some((b) => b.action_id.startsWith('cl:nudge.')))
      .at(-1)!;
    const did = buttons(nudge.blocks).find((b) => b.action_id.startsWith('cl:nudge.did'))!;
    await h.slack.blockAction(LEADER.id, did, { channelId: DM, messageTs: nudge.ts });
    await waitFor(() =>
      h.sim.messages(DM).find((m) => m.ts === nudge.ts && String(m.text).includes('logged as done')),
    );
    expect(buttons(h.sim.messages(DM).find((m) => m.ts === nudge.ts)!.blocks)).toHaveLength(0);
    const updatesBefore = h.sim.callsTo('chat.update').length;
    await h.slack.blockAction(LEADER.id, did, { channelId: DM, messageTs: nudge.ts });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.sim.callsTo('chat.update').length).toBe(updatesBefore);
  });

  async function answerCheckpoint(day: number, practice: number, kpi: string, confidence: string) {
    const survey = await waitFor(() =>
      h.sim
        .messages(DM)
        .find((m) => String(m.text).includes(`Day ${day} checkpoint`) && buttons(m.blocks).length === 5),
    );
    const choices = buttons(survey.blocks);
    const choice = choices[practice - 1]!;
    const trigger = h.slack.newTriggerId();
    await h.slack.blockAction(LEADER.id, choice, { channelId: DM, messageTs: survey.ts, triggerId: trigger });
    const open = await waitFor(() => h.sim.callsTo('views.open').find((c) => c.args.trigger_id === trigger));
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('form:survey');
    const submit = await h.slack.viewSubmission(LEADER.id, {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: {
        values: {
          kpiValue: { value: numberInput(kpi) },
          confidence: { value: staticSelect(confidence) },
          note: { value: plainInput('Asked first in three 1:1s') },
        },
      },
    });
    expect(submit.status).toBe(200);
    await waitFor(() =>
      String(h.sim.messages(DM).find((m) => m.ts === survey.ts)?.text).includes('Thank you'),
    );
    return { ts: survey.ts, choices };
  }

  it('runs three checkpoints at day 30, 60 and 90 and keeps the latest answer when one is changed', async () => {
    await h.runUntil('2026-04-01T15:00:00Z');
    const day30 = await answerCheckpoint(30, 4, '5', '4');
    // The answered message keeps one button: changing the answer is explicit.
    const answered = buttons(h.sim.messages(DM).find((m) => m.ts === day30.ts)!.blocks);
    expect(answered.map((b) => b.action_id)).toEqual(['cl:survey.checkin:0']);

    // A click on a stale practice button (an old copy of the message) changes nothing.
    const participant = (await h.app.store.participants.findByIdentity(me))!;
    const experiment = (await h.app.store.experiments.current(participant.id))!;
    const opened = h.sim.callsTo('views.open').length;
    await h.slack.blockAction(LEADER.id, day30.choices[1]!, { channelId: DM, messageTs: day30.ts });
    await h.slack.blockAction(LEADER.id, day30.choices[1]!, { channelId: DM, messageTs: day30.ts });
    // Both stores count a survey's logged changes (not a port operation: only this check needs it).
    const store = h.app.store as unknown as { surveyChangeCount(id: string): number | Promise<number> };
    expect((await h.app.store.surveys.forExperiment(experiment.id))[0]?.practice).toBe(4);
    expect(h.sim.callsTo('views.open')).toHaveLength(opened);
    expect(await store.surveyChangeCount(`svy_${experiment.id}_d30`)).toBe(0);

    // "Change my answer" opens the whole check-in, prefilled; the latest answer counts and the change is logged.
    const trigger = h.slack.newTriggerId();
    await h.slack.blockAction(LEADER.id, answered[0]!, {
      channelId: DM,
      messageTs: day30.ts,
      triggerId: trigger,
    });
    const change = await waitFor(() =>
      h.sim.callsTo('views.open').find((c) => c.args.trigger_id === trigger),
    );
    const form = change.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string; element?: { initial_option?: { value: string } } }[];
    };
    expect(form.callback_id).toBe('form:checkin');
    expect(form.blocks.find((b) => b.block_id === 'practice')?.element?.initial_option?.value).toBe('4');
    await h.slack.viewSubmission(LEADER.id, {
      callback_id: form.callback_id,
      private_metadata: form.private_metadata,
      state: {
        values: {
          practice: { value: staticSelect('2') },
          kpiValue: { value: numberInput('5') },
          confidence: { value: staticSelect('4') },
        },
      },
    });
    await waitFor(async () => (await h.app.store.surveys.forExperiment(experiment.id))[0]?.practice === 2);
    // Logged twice: the practice answer and the details were each given again.
    expect(await store.surveyChangeCount(`svy_${experiment.id}_d30`)).toBe(2);

    await h.runUntil('2026-05-01T18:00:00Z');
    await answerCheckpoint(60, 5, '6', '5');
    await h.runUntil('2026-06-02T18:00:00Z');
    await answerCheckpoint(90, 5, '8', '5');

    const surveys = await h.app.store.surveys.forExperiment(experiment.id);
    expect(surveys.map((s) => [s.checkpointDay, s.status, s.practice, s.kpiValue, s.confidence])).toEqual([
      [30, 'answered', 2, 5, 4],
      [60, 'answered', 5, 6, 5],
      [90, 'answered', 5, 8, 5],
    ]);
    const sent = await sentRows();
    expect(sent.filter((r) => r.kind === 'checkpoint').map((r) => local(r.sentAt!))).toEqual([
      'Wed 2026-04-01 10:00',
      'Fri 2026-05-01 10:00',
      'Mon 2026-06-01 08:00',
    ]);
    expect(sent.filter((r) => r.kind === 'checkpoint_reminder')).toHaveLength(0);
    // Never more than the weekly budget of 3 in any local week.
    const perWeek = new Map<string, number>();
    for (const row of sent.filter((r) => r.budgeted))
      perWeek.set(row.budgetWeek, (perWeek.get(row.budgetWeek) ?? 0) + 1);
    expect(Math.max(...perWeek.values())).toBeLessThanOrEqual(3);

    await h.slack.event({ type: 'app_home_opened', user: LEADER.id, channel: DM, tab: 'home' });
    const home = await waitFor(() => {
      const text = JSON.stringify(h.sim.homeOf(LEADER.id));
      return text.includes('5 (d30) → 6 (d60) → 8 (d90)') ? text : null;
    });
    expect(home).toContain('target 8');
  });
});
