import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import type { ActionName } from '../../src/core/messages.js';
import type { Identity } from '../../src/core/participant.js';
import { experimentValues } from '../support/slack-fixtures.js';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';
import { rawRows } from '../support/test-store.js';

/**
 * Every action, tried by every role on the same objects: only the owner of an object (or a curator, for
 * alerts and pairs) changes anything; everyone else gets a refusal and the database does not move.
 */
const PEOPLE = {
  leader: { id: 'URLEADER', realName: 'Lea Leader', tz: 'Europe/Berlin' },
  mentor: { id: 'URMENTOR', realName: 'Mo Mentor', tz: 'Europe/Berlin' },
  mentee: { id: 'URMENTEE', realName: 'Mei Mentee', tz: 'Europe/Berlin' },
  curator: { id: 'URCURATE', realName: 'Cy Curator', tz: 'Europe/Berlin' },
  admin: { id: 'URADMIN', realName: 'Ada Admin', tz: 'Europe/Berlin' },
} as const;
type Role = keyof typeof PEOPLE;
const ROLES = Object.keys(PEOPLE) as Role[];
const who = (userId: string): Identity => ({ platform: 'slack', workspaceId: 'T0001', userId });

describe('roles: every action for every role, with payloads that name other people’s objects', () => {
  let h: SlackHarness;
  const refs: Record<string, string> = {};
  /** Every row of the tables the actions could touch, each table's rows in one order whatever the database's. */
  const snapshot = async () => {
    const tables = await Promise.all(
      [
        'SELECT * FROM experiments',
        'SELECT * FROM surveys',
        'SELECT * FROM nudge_responses',
        'SELECT * FROM pairs',
        'SELECT * FROM charter_versions',
        'SELECT * FROM charter_drafts',
        'SELECT * FROM milestones',
        'SELECT * FROM curator_alerts',
        'SELECT id, consent, paused_until, roles FROM participants',
      ].map(async (sql) => (await rawRows(h.app.store, sql)).map((row) => JSON.stringify(row)).sort()),
    );
    return JSON.stringify(tables);
  };

  beforeAll(async () => {
    h = await startSlackHarness({
      start: '2026-03-02T07:00:00Z',
      users: Object.values(PEOPLE),
      env: { CURATORS: PEOPLE.curator.id, CURATOR_CHANNEL: 'C0CURATORS' },
    });
    for (const person of Object.values(PEOPLE)) {
      const { participant } = await h.app.service.ensureParticipant(who(person.id));
      await h.app.service.decideConsent(who(person.id), participant.id, true, {
        displayName: person.realName,
        timezone: person.tz,
      });
    }
    const leader = (await h.app.store.participants.findByIdentity(who(PEOPLE.leader.id)))!;
    refs.leaderParticipant = leader.id;
    const started = await h.app.service.saveExperiment(who(PEOPLE.leader.id), {
      ...Object.fromEntries(
        Object.entries(experimentValues()).map(([k, v]) => [
          k,
          String(
            Object.values(v.value as object).find(
              (x) => typeof x === 'string' || (x && typeof x === 'object'),
            ) ?? '',
          ),
        ]),
      ),
      behavior: 'Ask before I tell',
      hypothesis: 'My team brings more ideas',
      kpiName: 'Ideas',
      kpiUnit: 'ideas',
      kpiBaseline: '3',
      kpiTarget: '8',
      kpiDirection: 'increase',
      startDate: '2026-03-02',
      lengthWeeks: '13',
    });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    refs.experiment = started.value.id;
    const pair = await h.app.mentoring.createPair('roster', who(PEOPLE.mentor.id), who(PEOPLE.mentee.id));
    refs.pair = pair.id;
    const draft = {
      goals: 'Grow as a presenter and a networker',
      kpi1Name: 'Talk feedback',
      kpi1Baseline: '3',
      kpi1Target: '4',
      kpi2Name: 'Peers met',
      kpi2Baseline: '1',
      kpi2Target: '4',
      milestone1: 'First talk given',
      milestone1Due: '2026-04-20',
      milestone2: 'Second talk given',
      milestone2Due: '2026-08-29',
      cadence: 'monthly',
      confidentiality: 'agree',
      mentorWill: 'Review my slides',
      mentorWillNot: 'Rate my performance',
    };
    for (const [page, fields] of [
      [0, ['goals', 'kpi1Name', 'kpi1Baseline', 'kpi1Target', 'kpi2Name', 'kpi2Baseline', 'kpi2Target']],
      [1, ['milestone1', 'milestone1Due', 'milestone2', 'milestone2Due', 'cadence']],
      [2, ['confidentiality', 'mentorWill', 'mentorWillNot']],
    ] as const) {
      const step = await h.app.mentoring.saveCharterPage(
        who(PEOPLE.mentee.id),
        pair.id,
        page,
        Object.fromEntries(fields.map((f) => [f, draft[f]])),
      );
      if (!step.ok) throw new Error(JSON.stringify(step.errors));
    }
    // Run to the day-30 checkpoint; the charter stays unconfirmed and the mentor silent, so an alert comes up.
    await h.runUntil('2026-04-01T10:00:00Z', 60 * 60_000);
    refs.survey = surveyIdFor(refs.experiment, 30);
    expect(await h.app.store.surveys.get(refs.survey)).not.toBeNull();
    const alert = await waitFor(async () => (await h.app.store.mentoring.alerts({ pairId: pair.id }))[0]);
    refs.alert = alert.id;
    await h.app.mentoring.confirmCharter(who(PEOPLE.mentor.id), pair.id, 1);
    refs.milestone = (await h.app.store.mentoring.milestones(pair.id))[0]!.id;
  });
  afterAll(async () => {
    await h.close();
  });

  const ACTIONS: { action: ActionName; ref: () => string; value?: string; owner: Role; refusal: RegExp }[] = [
    { action: 'experiment.pause', ref: () => refs.experiment!, owner: 'leader', refusal: /isn't yours/ },
    {
      action: 'experiment.snooze',
      ref: () => refs.experiment!,
      value: '7',
      owner: 'leader',
      refusal: /isn't yours/,
    },
    {
      action: 'nudge.did',
      ref: () => refs.experiment!,
      value: '2026-03-03',
      owner: 'leader',
      refusal: /isn't yours/,
    },
    {
      action: 'survey.practice',
      ref: () => refs.survey!,
      value: '4',
      owner: 'leader',
      refusal: /isn't yours/,
    },
    { action: 'survey.details', ref: () => refs.survey!, owner: 'leader', refusal: /isn't yours/ },
    { action: 'charter.form', ref: () => refs.pair!, owner: 'mentee', refusal: /isn't yours/ },
    { action: 'charter.chat', ref: () => refs.pair!, owner: 'mentee', refusal: /isn't yours/ },
    { action: 'charter.confirm', ref: () => refs.pair!, value: '1', owner: 'mentor', refusal: /isn't yours/ },
    { action: 'charter.changes', ref: () => refs.pair!, value: '1', owner: 'mentor', refusal: /isn't yours/ },
    { action: 'alert.rematch', ref: () => refs.alert!, owner: 'curator', refusal: /Only curators/ },
    { action: 'alert.checkin', ref: () => refs.alert!, owner: 'curator', refusal: /Only curators/ },
    { action: 'alert.snooze', ref: () => refs.alert!, owner: 'curator', refusal: /Only curators/ },
    { action: 'alert.close', ref: () => refs.alert!, owner: 'curator', refusal: /Only curators/ },
    { action: 'milestone.note', ref: () => refs.milestone!, owner: 'mentor', refusal: /isn't yours/ },
    { action: 'milestone.met', ref: () => refs.milestone!, owner: 'mentor', refusal: /isn't yours/ },
    // Last: the leader's own decline stops their experiment.
    {
      action: 'consent.decline',
      ref: () => refs.leaderParticipant!,
      owner: 'leader',
      refusal: /isn't yours/,
    },
  ];

  for (const spec of ACTIONS) {
    it(`${spec.action}: refused for everyone but the ${spec.owner}`, async () => {
      for (const role of ROLES.filter((r) => r !== spec.owner)) {
        const actor = PEOPLE[role].id;
        const before = await snapshot();
        const seen = h.sim.ephemerals().filter((e) => e.user === actor).length;
        const value = JSON.stringify(
          spec.value === undefined ? { r: spec.ref() } : { r: spec.ref(), v: spec.value },
        );
        const res = await h.slack.blockAction(
          actor,
          { action_id: `cl:${spec.action}:0`, value },
          { channelId: `D${actor}`, messageTs: '1.000', triggerId: `t-${role}-${spec.action}` },
        );
        expect(res.status).toBe(200);
        const refusal = await waitFor(() => h.sim.ephemerals().filter((e) => e.user === actor)[seen]);
        expect(refusal.text, `${role} trying ${spec.action}`).toMatch(spec.refusal);
        expect(await snapshot(), `${role} trying ${spec.action} changed data`).toBe(before);
        expect(
          h.sim.callsTo('views.open').some((c) => c.args.trigger_id === `t-${role}-${spec.action}`),
        ).toBe(false);
      }
      // The owner is let through: a form opens, the data changes, or the answer is about the object's state.
      const owner = PEOPLE[spec.owner].id;
      const before = await snapshot();
      const opens = h.sim.callsTo('views.open').length;
      const updates = h.sim.callsTo('chat.update').length;
      const ownerSeen = h.sim.ephemerals().filter((e) => e.user === owner).length;
      const value = JSON.stringify(
        spec.value === undefined ? { r: spec.ref() } : { r: spec.ref(), v: spec.value },
      );
      await h.slack.blockAction(
        owner,
        { action_id: `cl:${spec.action}:0`, value },
        { channelId: `D${owner}`, messageTs: '2.000', triggerId: `t-owner-${spec.action}` },
      );
      await waitFor(
        async () =>
          (await snapshot()) !== before ||
          h.sim.callsTo('views.open').length > opens ||
          h.sim.callsTo('chat.update').length > updates ||
          h.sim.ephemerals().filter((e) => e.user === owner).length > ownerSeen,
      );
      const reply = h.sim.ephemerals().filter((e) => e.user === owner)[ownerSeen];
      if (reply) expect(reply.text).not.toMatch(spec.refusal);
    });
  }

  it('/coach pair: curators only', async () => {
    for (const role of ROLES.filter((r) => r !== 'curator')) {
      const res = await h.slack.command(
        '/coach',
        `pair <@${PEOPLE.admin.id}> <@${PEOPLE.leader.id}>`,
        PEOPLE[role].id,
      );
      expect(JSON.stringify(res.json())).toContain('Only curators');
    }
    expect(await h.app.store.mentoring.activePairs()).toHaveLength(1);
    const ok = await h.slack.command(
      '/coach',
      `pair <@${PEOPLE.admin.id}> <@${PEOPLE.leader.id}>`,
      PEOPLE.curator.id,
    );
    expect(JSON.stringify(ok.json())).toContain('Paired');
  });

  it('on a roster, experiments belong to leaders', async () => {
    const mentee = (await h.app.store.participants.findByIdentity(who(PEOPLE.mentee.id)))!;
    await h.app.store.participants.update(mentee.id, { roles: ['mentee'] });
    const res = await h.slack.command('/coach', 'start', PEOPLE.mentee.id);
    expect(JSON.stringify(res.json())).toContain('for the leaders in this program');
  });
});
