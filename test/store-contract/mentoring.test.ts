import { expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/core/clock.js';
import type { Participant } from '../../src/core/participant.js';
import type { Store } from '../../src/store/types.js';
import { ReportSeeder, SAMPLE_CHARTER } from '../reports/seed.js';
import { describeStores } from './stores.js';

const NOW = Date.parse('2026-03-02T09:00:00Z');

async function mentorAndMentee(store: Store) {
  const seed = new ReportSeeder(store, NOW);
  const program = await seed.program({ name: 'mentoring' });
  const mentor = await seed.person(program, { userId: 'UMENTOR', roles: ['mentor'] });
  const mentee = await seed.person(program, { userId: 'UMENTEE', roles: ['mentee'] });
  return { seed, program, mentor, mentee };
}

describeStores('pairs and charters', ({ store: open, connections }) => {
  it('creates a pair with its jobs once, lists it, and closes it with its jobs and open alerts', async () => {
    const store = await open();
    const { seed, program, mentor, mentee } = await mentorAndMentee(store);
    const pair = await seed.pair(program, mentor, mentee);
    expect(pair).toMatchObject({
      status: 'active',
      mentorId: mentor.id,
      menteeId: mentee.id,
      introSentAt: null,
    });
    const again = await store.mentoring.createPair(
      {
        id: 'pair_again',
        programId: program.id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        createdBy: 'curator',
      },
      [],
      NOW,
    );
    expect(again).toBeNull();
    expect(await store.mentoring.getPair('pair_again')).toBeNull();
    expect((await store.mentoring.activePairsOf(mentor.id)).map((p) => p.id)).toEqual([pair.id]);
    expect((await store.mentoring.activePairsOf(mentee.id)).map((p) => p.id)).toEqual([pair.id]);
    expect((await store.mentoring.activePairs(program.id)).map((p) => p.id)).toEqual([pair.id]);
    expect((await store.mentoring.pairsAwaitingIntro(mentee.id)).map((p) => p.id)).toEqual([pair.id]);
    expect(await store.mentoring.markIntroSent(pair.id, NOW)).toBe(true);
    expect(await store.mentoring.markIntroSent(pair.id, NOW)).toBe(false);
    expect(await store.mentoring.pairsAwaitingIntro(mentee.id)).toEqual([]);

    const alertId = await seed.alert(pair, NOW + DAY);
    expect(await store.mentoring.closePair(pair.id, 'goals met', NOW + 2 * DAY)).toBe(true);
    expect(await store.mentoring.closePair(pair.id, 'again', NOW + 2 * DAY)).toBe(false);
    expect(await store.mentoring.getPair(pair.id)).toMatchObject({
      status: 'closed',
      closeReason: 'goals met',
    });
    expect(await store.jobs.scheduled(mentee.id)).toEqual([]);
    expect((await store.mentoring.getAlert(alertId))?.status).toBe('handled');
    expect(await store.mentoring.activePairs(program.id)).toEqual([]);
    expect((await store.mentoring.pairs(program.id)).map((p) => p.id)).toEqual([pair.id]);
  });

  it('keeps the charter draft, versions and the review: one waiting version, one answer to it', async () => {
    const store = await open();
    const { seed, program, mentor, mentee } = await mentorAndMentee(store);
    const pair = await seed.pair(program, mentor, mentee);
    expect(await store.mentoring.getDraft(pair.id)).toBeNull();
    await store.mentoring.saveDraft(pair.id, { goals: 'first' }, 'form', NOW);
    expect(await store.mentoring.saveDraft(pair.id, { goals: 'second' }, 'chat', NOW + 1)).toMatchObject({
      data: { goals: 'second' },
      mode: 'chat',
      updatedAt: NOW + 1,
    });

    const v1 = await store.mentoring.submitCharter(pair.id, SAMPLE_CHARTER, NOW);
    expect(v1).toMatchObject({ version: 1, status: 'submitted' });
    expect(await store.mentoring.submitCharter(pair.id, SAMPLE_CHARTER, NOW)).toBeNull();
    expect(
      await store.mentoring.requestCharterChanges(pair.id, 1, 'more on KPI 2', NOW + HOUR),
    ).toMatchObject({
      status: 'changes_requested',
      comment: 'more on KPI 2',
    });
    expect(await store.mentoring.requestCharterChanges(pair.id, 1, 'twice', NOW + HOUR)).toBeNull();
    expect(await store.mentoring.confirmCharter(pair.id, 1, [], [], mentor.id, NOW + HOUR)).toBeNull();

    const v2 = await store.mentoring.submitCharter(pair.id, { ...SAMPLE_CHARTER, kpi2Target: 8 }, NOW + DAY);
    expect(v2?.version).toBe(2);
    const milestone = {
      id: 'mst_1',
      pairId: pair.id,
      charterVersion: 2,
      position: 0,
      description: SAMPLE_CHARTER.milestone1,
      dueDate: '2026-06-01',
      dueAt: Date.parse('2026-06-01T22:00:00Z'),
    };
    const reminder = {
      kind: 'milestone_reminder' as const,
      dueAt: NOW + 80 * DAY,
      occurrence: 'mst_1/reminder',
    };
    const confirmed = await store.mentoring.confirmCharter(
      pair.id,
      2,
      [milestone],
      [reminder],
      mentor.id,
      NOW + DAY,
    );
    expect(confirmed).toMatchObject({ version: 2, status: 'active', mentorConfirmedAt: NOW + DAY });
    expect(
      await store.mentoring.confirmCharter(pair.id, 2, [milestone], [reminder], mentor.id, NOW + DAY),
    ).toBeNull();
    expect((await store.mentoring.currentCharter(pair.id))?.charter.kpi2Target).toBe(8);
    expect((await store.mentoring.charterVersions(pair.id)).map((v) => [v.version, v.status])).toEqual([
      [1, 'changes_requested'],
      [2, 'active'],
    ]);
    expect((await store.mentoring.milestones(pair.id)).map((m) => m.id)).toEqual(['mst_1']);
    expect((await store.jobs.scheduled(mentor.id)).map((j) => j.occurrence)).toContain('mst_1/reminder');
  });

  it('confirms a milestone once: the first answer wins', async () => {
    const store = await open();
    const { seed, program, mentor, mentee } = await mentorAndMentee(store);
    const pair = await seed.pair(program, mentor, mentee);
    const [milestone] = await seed.charter(pair, NOW, [NOW + 30 * DAY]);
    expect(await store.mentoring.confirmMilestone(milestone!.id, 'partly', mentor.id, NOW + DAY)).toBe(true);
    expect(await store.mentoring.confirmMilestone(milestone!.id, 'met', mentor.id, NOW + DAY)).toBe(false);
    await store.mentoring.noteMilestone(milestone!.id, 'half of it');
    expect(await store.mentoring.getMilestone(milestone!.id)).toMatchObject({
      status: 'partly',
      confirmedBy: mentor.id,
      note: 'half of it',
    });
  });

  it('creates one pair when two connections create the same pair at once', async () => {
    const [a, b] = await connections(2);
    const { program, mentor, mentee } = await mentorAndMentee(a!);
    const create = (store: Store, id: string) =>
      store.mentoring.createPair(
        { id, programId: program.id, mentorId: mentor.id, menteeId: mentee.id, createdBy: 'curator' },
        [{ kind: 'pair_health', dueAt: NOW + DAY, occurrence: `${id}/health-0` }],
        NOW,
      );
    const created = await Promise.all([create(a!, 'pair_a'), create(b!, 'pair_b')]);
    expect(created.filter((p) => p !== null)).toHaveLength(1);
    expect(await b!.mentoring.activePairs(program.id)).toHaveLength(1);
  });
});

describeStores('curator alerts', ({ store: open, connections }) => {
  async function pairWithAlert(store: Store) {
    const { seed, program, mentor, mentee } = await mentorAndMentee(store);
    const pair = await seed.pair(program, mentor, mentee);
    const curator: Participant = await seed.person(program, { userId: 'UCURATOR', roles: ['curator'] });
    const alertId = await seed.alert(pair, NOW + DAY);
    return { pair, curator, alertId };
  }

  it('opens one alert per pair at a time', async () => {
    const store = await open();
    const { pair, alertId } = await pairWithAlert(store);
    expect(await store.mentoring.openAlertFor(pair.id)).toMatchObject({
      id: alertId,
      status: 'open',
      score: 40,
    });
    const request = { id: 'alr_request', pairId: pair.id, score: 100, reasons: [] };
    expect(await store.mentoring.openAlert(request, NOW + 2 * DAY)).toBe(false);
    expect(await store.mentoring.getAlert('alr_request')).toBeNull();
    expect((await store.mentoring.alerts({ pairId: pair.id })).map((a) => a.id)).toEqual([alertId]);
  });

  it('records one decision per alert, and a snoozed alert still stands for its pair', async () => {
    const store = await open();
    const { pair, curator, alertId } = await pairWithAlert(store);
    expect(
      await store.mentoring.handleAlert(
        alertId,
        'snooze',
        curator.id,
        NOW + 2 * DAY,
        { days: 7 },
        NOW + 9 * DAY,
      ),
    ).toBe(true);
    expect(await store.mentoring.handleAlert(alertId, 'close', curator.id, NOW + 2 * DAY, {})).toBe(false);
    expect(await store.mentoring.getAlert(alertId)).toMatchObject({
      status: 'snoozed',
      action: 'snooze',
      handledBy: curator.id,
      snoozedUntil: NOW + 9 * DAY,
    });
    // A snoozed alert still stands for the pair: no second one opens meanwhile.
    expect(
      await store.mentoring.openAlert(
        { id: 'alr_2', pairId: pair.id, score: 100, reasons: [] },
        NOW + 3 * DAY,
      ),
    ).toBe(false);
  });

  it('lets exactly one of two curators on two connections decide an alert', async () => {
    const [a, b] = await connections(2);
    const { curator, alertId } = await pairWithAlert(a!);
    const decisions = await Promise.all([
      a!.mentoring.handleAlert(alertId, 'checkin', curator.id, NOW + 2 * DAY, { by: 'a' }),
      b!.mentoring.handleAlert(alertId, 'close', curator.id, NOW + 2 * DAY, { by: 'b' }),
    ]);
    expect(decisions.filter(Boolean)).toHaveLength(1);
    expect((await b!.mentoring.getAlert(alertId))?.action).toBe(decisions[0] ? 'checkin' : 'close');
  });
});
