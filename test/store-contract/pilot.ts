/**
 * A pilot as it looks when it moves to another store (people mid-experiment, a pair with a charter and check-ins,
 * messages sent and due, audit, consent, channel state, the pseudonym secret), built through the port, and
 * everything the bot, the console and the reports read of it. Used by the migrate-store tests.
 */
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, ManualClock, MINUTE } from '../../src/core/clock.js';
import type { Store } from '../../src/store/types.js';
import { ReportSeeder } from '../reports/seed.js';
import { at, setupPerson } from '../support/foundation.js';

export const NOW = Date.UTC(2026, 2, 2, 9);
export const NY = 'America/New_York';

/** What the pilot looks like when it moves: people mid-experiment, a pair with a charter, messages sent and due. */
export async function seedPilot(
  store: Store,
): Promise<{ programId: string; pairId: string; people: string[] }> {
  const seed = new ReportSeeder(store, NOW);
  const program = await seed.program({ name: 'pilot' });
  const people = [];
  for (const [i, userId] of ['UANA', 'UBO', 'UCY', 'UDI'].entries())
    people.push(
      await seed.person(program, {
        userId,
        email: `${userId.toLowerCase()}@example.com`,
        arm: i % 2 === 0 ? 'coached' : 'control',
        roles: i === 0 ? ['mentee'] : i === 1 ? ['mentor'] : [],
        invitedAt: NOW - DAY,
        createdAt: NOW + i * 1000,
        displayName: `Person ${userId}`,
      }),
    );
  const [ana, bo, cy, di] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
  ];
  const exp = await seed.experiment(program, ana, { id: 'exp_ana', baseline: 2, target: 5 });
  await seed.answer(
    exp,
    30,
    { practice: 3, kpiValue: 3.5, confidence: 4, note: 'going well' },
    NOW + 30 * DAY,
  );
  // Answering again keeps the latest answer and logs the change.
  await store.surveys.answerPractice(surveyIdFor(exp.id, 30), 4, NOW + 30 * DAY + MINUTE);
  await seed.nudges(program, exp, ['2026-03-03', '2026-03-10', '2026-03-17'], {
    '2026-03-03': 'did',
    '2026-03-10': 'skip',
  });
  const other = await seed.experiment(program, cy, {
    id: 'exp_cy',
    baseline: 10,
    target: 6,
    direction: 'decrease',
  });
  await store.experiments.edit(other.id, { ...other, kpiTarget: 5 }, other.endDate, 'UCY', NOW + 2 * DAY, []);
  await store.experiments.setStatus(other.id, 'paused', NOW + 3 * DAY);
  const pair = await seed.pair(program, bo, ana, NOW + DAY);
  const milestones = await seed.charter(pair, NOW + 3 * DAY, [NOW + 20 * DAY, NOW + 40 * DAY]);
  await seed.confirmMilestone(milestones[0]!, pair, NOW + 21 * DAY, 'partly');
  await store.mentoring.noteMilestone(milestones[0]!.id, 'halfway');
  const alert = await seed.alert(pair, NOW + 45 * DAY);
  await seed.actOnAlert(alert, 'UCURATOR', NOW + 46 * DAY, 'snooze');
  await store.matching.recordVoice(
    { pairId: pair.id, participantId: ana.id, kind: 'fine', note: 'we meet' },
    NOW + 47 * DAY,
  );
  await store.matching.saveProposals(
    [
      {
        id: 'prop_1',
        reviewId: 'rev_1',
        programId: program.id,
        menteeId: di.id,
        mentorId: bo.id,
        fit: 12,
        reasons: [{ signal: 'topics', points: 12, facts: { shared: ['feedback'] } }],
        alternatives: [{ mentorId: cy.id, fit: 5, reasons: [] }],
      },
    ],
    NOW + 50 * DAY,
  );
  await store.matching.decide(
    'prop_1',
    { status: 'rejected', by: 'UCURATOR', byName: 'Cura' },
    NOW + 51 * DAY,
  );
  await store.matching.addNotWith(
    di.id,
    { platform: 'slack', workspaceId: 'T0REPORTS', userId: 'UBO' },
    'Bo',
    NOW,
  );
  await store.pilots.addNote(
    { programId: program.id, date: '2026-04-01', text: 'reorganization', by: 'admin' },
    NOW + 30 * DAY,
  );
  await store.pilots.recordReview(program.id, 'mid', NOW + 45 * DAY);
  // The pair's health job asks both for a check-in round; the mentee answers.
  const health = (await store.jobs.scheduled(ana.id))
    .concat(await store.jobs.scheduled(bo.id))
    .find((job) => job.subjectId === pair.id)!;
  await store.jobs.apply(
    health,
    { type: 'skip', reason: 'asked', effects: [{ type: 'pair_checkin_asked', round: 'r1' }], next: [] },
    null,
    NOW + 2 * DAY,
  );
  await store.matching.answerPairCheckin(pair.id, 'r1', health.participantId, 'met', NOW + 3 * DAY);
  // A roster import: a leader drawn into an arm, and a new pair with a charter draft.
  await store.participants.importRoster(
    [
      {
        people: [
          {
            id: 'ppl_fay_from_roster',
            exists: false,
            identity: { platform: 'slack', workspaceId: 'T0REPORTS', userId: 'UFAY' },
            programId: program.id,
            email: 'fay@example.com',
            roles: ['mentor'],
            arm: 'control',
            timezone: 'Europe/Berlin',
            language: 'de',
            consentRequest: null,
            attributes: { department: 'Sales' },
            assignment: {
              method: 'randomized',
              stratum: 'Sales',
              seed: 'seed-1',
              controlPercent: 50,
              batch: 1,
              coachingFrom: null,
              job: null,
            },
          },
        ],
        pairs: [
          {
            id: 'pair_roster',
            programId: program.id,
            mentorId: 'ppl_fay_from_roster',
            menteeId: di.id,
            jobs: [],
            draft: { goals: 'grow' },
          },
        ],
      },
    ],
    NOW + 52 * DAY,
  );
  await store.programs.upsert({ ...program.settings, lengthWeeks: 14 }, NOW + 10 * DAY);
  await store.privacy.recordConsent({
    participantId: ana.id,
    at: NOW,
    decision: 'accepted',
    scope: 'pilot, 12 months',
    channel: 'slack',
  });
  await store.audit.append({
    at: NOW,
    actor: 'cli',
    action: 'program.applied',
    subject: 'pilot',
    detail: { v: 1 },
  });
  await store.audit.append({ at: NOW + DAY, actor: 'UCURATOR', action: 'alert.snoozed', subject: alert });
  await store.channelState.set(
    'teams',
    'reference:t1:u1',
    '{"conversation":"c1"}',
    { workspaceId: 't1', userId: 'u1' },
    NOW,
  );
  await store.channelState.set('slack', 'curator_channel:T0REPORTS', 'C0CURATORS', null, NOW);
  await store.inbound.firstSeen('delivery-1', NOW);
  await store.reports.pseudonymSecret('the-pseudonym-secret');
  // A leader mid-experiment with jobs still to come, and one message waiting in the outbox.
  const clock = new ManualClock(at('2026-03-02T08:00', NY));
  const eve = await setupPerson(store, clock, {
    userId: 'UEVE',
    programName: 'pilot-ny',
    startDate: '2026-03-02',
  });
  await store.outbox.enqueue(
    {
      key: 'pending:eve',
      participantId: eve.participant.id,
      kind: 'nudge',
      budgeted: false,
      budgetWeek: '2026-W10',
      message: { text: 'still to send', blocks: [] },
      dueAt: clock.now(),
      expiresAt: clock.now() + DAY,
    },
    clock.now(),
  );
  return {
    programId: program.id,
    pairId: pair.id,
    people: [...people.map((p) => p.id), 'ppl_fay_from_roster', eve.participant.id],
  };
}

/** Everything the bot, the console and the reports read of the pilot, through the port. */
export async function readBack(store: Store, pilot: Awaited<ReturnType<typeof seedPilot>>): Promise<unknown> {
  const { programId, pairId, people } = pilot;
  const perPerson = [];
  for (const id of people)
    perPerson.push({
      person: await store.participants.get(id),
      jobs: await store.jobs.scheduled(id),
      next: await store.jobs.nextFor(id),
      consent: await store.privacy.consentHistory(id),
      notWith: await store.matching.notWithOf(id),
      current: await store.experiments.current(id),
    });
  return {
    programs: await store.programs.list(),
    dataset: await store.reports.dataset(programId),
    people: await store.participants.inProgram(programId),
    perPerson,
    pairs: await store.mentoring.pairs(programId),
    checkins: await store.matching.pairCheckins(pairId),
    draft: await store.mentoring.getDraft('pair_roster'),
    assignments: await store.pilots.assignments(programId),
    charters: await store.mentoring.charterVersions(pairId),
    milestones: await store.mentoring.milestones(pairId),
    alerts: await store.mentoring.alerts({ pairId }),
    proposals: await store.matching.proposals(programId),
    voices: await store.matching.voices(pairId),
    notes: await store.pilots.notes(programId, { includeRemoved: true }),
    surveys: await store.surveys.forExperiment('exp_ana'),
    history: await store.experiments.history('exp_cy'),
    outbox: await store.outbox.list(),
    counts: await store.outbox.counts(),
    audit: await store.audit.since(0),
    channelState: [
      await store.channelState.get('teams', 'reference:t1:u1'),
      await store.channelState.get('slack', 'curator_channel:T0REPORTS'),
    ],
    secret: await store.reports.pseudonymSecret('another-candidate'),
    transferCounts: await store.transfer.counts(),
  };
}
