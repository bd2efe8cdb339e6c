/**
 * Moving a pilot from one store to another (`coachloop migrate-store`), for every ordered pair of store
 * implementations: a realistic pilot is built through the port on the source, copied, and everything the bot and
 * its reports read is compared through the port on the target; then the bot carries on there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, ManualClock, MINUTE } from '../../src/core/clock.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import {
  copyStore,
  emptyCounts,
  SchemaVersionMismatchError,
  TargetNotEmptyError,
  TRANSFER_TABLES,
} from '../../src/store/transfer.js';
import type { Store, TransferBatch } from '../../src/store/types.js';
import { ReportSeeder } from '../reports/seed.js';
import { at, setupPerson } from '../support/foundation.js';
import { type StoreFactory, storeFactories, type TestDatabase } from './stores.js';

const NOW = Date.UTC(2026, 2, 2, 9);
const NY = 'America/New_York';

/** What the pilot looks like when it moves: people mid-experiment, a pair with a charter, messages sent and due. */
async function seedPilot(store: Store): Promise<{ programId: string; pairId: string; people: string[] }> {
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
async function readBack(store: Store, pilot: Awaited<ReturnType<typeof seedPilot>>): Promise<unknown> {
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

function pairsOf(factories: readonly StoreFactory[]): [StoreFactory, StoreFactory][] {
  return factories.flatMap((from) =>
    factories.filter((to) => to !== from).map((to) => [from, to] as [StoreFactory, StoreFactory]),
  );
}

const databases: TestDatabase[] = [];
const opened: Store[] = [];
beforeAll(async () => {
  for (const factory of storeFactories) await factory.setup?.();
});
afterAll(async () => {
  for (const factory of storeFactories) await factory.teardown?.();
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const database of databases.splice(0)) await database.drop();
});

/** A fresh database of the factory's, with as many connections on it as asked for. */
async function connections(factory: StoreFactory, count: number): Promise<Store[]> {
  const database = await factory.database();
  databases.push(database);
  const stores: Store[] = [];
  for (let i = 0; i < count; i += 1) stores.push(await database.connect());
  opened.push(...stores);
  return stores;
}

async function open(factory: StoreFactory): Promise<Store> {
  return (await connections(factory, 1))[0]!;
}

for (const [from, to] of pairsOf(storeFactories)) {
  describe(`migrate-store ${from.name} → ${to.name}`, () => {
    it('copies a pilot that reads back the same through the port: reports, people, jobs, outbox, audit, state', async () => {
      const source = await open(from);
      const target = await open(to);
      const pilot = await seedPilot(source);
      const expected = await readBack(source, pilot);
      const result = await copyStore(source, target, { batchSize: 3 });
      expect(result.counts).toEqual(await source.transfer.counts());
      expect(await readBack(target, pilot)).toEqual(expected);
      // The comparison covers real content, not two empty answers.
      expect(result.counts).toMatchObject({ participants: 6, pairs: 2, outbox: 4, jobs: expect.any(Number) });
      expect(
        Object.entries(result.counts)
          .filter(([, n]) => n === 0)
          .map(([table]) => table),
      ).toEqual([]);
      expect(JSON.stringify(expected)).toContain('reorganization');
      expect((expected as { secret: string }).secret).toBe('the-pseudonym-secret');
    });

    it('lets the bot carry on: due jobs fire once, sent messages stay sent, new rows get new ids', async () => {
      const source = await open(from);
      const target = await open(to);
      const pilot = await seedPilot(source);
      await copyStore(source, target);
      const sentBefore = (await target.outbox.list({ status: 'sent' })).map((row) => row.key);
      expect(sentBefore).toHaveLength(3);
      // The experiment's first nudge comes due; one pass queues it, a second pass has nothing left to do.
      const eve = pilot.people.at(-1)!;
      const next = (await target.jobs.nextFor(eve))!;
      const clock = new ManualClock(next.dueAt + MINUTE);
      const first = await runSchedulerPass(target, clock);
      const second = await runSchedulerPass(target, clock);
      expect(first.examined).toBeGreaterThan(0);
      expect(second.examined).toBe(0);
      const keys = (await target.outbox.list()).map((row) => row.key);
      expect(new Set(keys).size).toBe(keys.length);
      // The dispatcher claims what is waiting, never what was sent before the move.
      const claimed = (await target.outbox.claim(clock.now() + DAY, 100, 'after-move')).map((row) => row.key);
      expect(claimed).toContain('pending:eve');
      expect(claimed.filter((key) => sentBefore.includes(key))).toEqual([]);
      // Generated ids carry on after the copied ones.
      const highest = Math.max(...(await source.outbox.list()).map((row) => row.id));
      expect(
        await target.outbox.enqueue(
          {
            key: 'after-move',
            participantId: eve,
            kind: 'nudge',
            budgeted: false,
            budgetWeek: '2026-W10',
            message: { text: 'new', blocks: [] },
            dueAt: clock.now(),
            expiresAt: clock.now() + DAY,
          },
          clock.now(),
        ),
      ).toBe(true);
      expect((await target.outbox.byKey('after-move'))!.id).toBeGreaterThan(highest);
      await target.audit.append({ at: clock.now(), actor: 'cli', action: 'after.move', subject: 'x' });
      await target.privacy.recordConsent({
        participantId: eve,
        at: clock.now(),
        decision: 'opted_out',
        scope: 's',
        channel: 'slack',
      });
      await target.pilots.recordReview(pilot.programId, 'mid', clock.now());
      await target.matching.recordVoice(
        { pairId: pilot.pairId, participantId: pilot.people[0]!, kind: 'new_match', note: null },
        clock.now(),
      );
      expect((await target.audit.since(0)).at(-1)?.action).toBe('after.move');
    });

    it('refuses a target that holds data, and writes nothing to it', async () => {
      const source = await open(from);
      const target = await open(to);
      await seedPilot(source);
      await target.audit.append({ at: NOW, actor: 'cli', action: 'already.here', subject: 'x' });
      const before = await target.transfer.counts();
      const refusal = copyStore(source, target);
      await expect(refusal).rejects.toThrow(TargetNotEmptyError);
      await expect(refusal).rejects.toThrow(/not empty \(audit_log: 1\).*nothing was written/);
      expect(await target.transfer.counts()).toEqual(before);
    });

    it('writes nothing on a dry run, and nothing when the stream fails halfway', async () => {
      const source = await open(from);
      const target = await open(to);
      await seedPilot(source);
      const dry = await copyStore(source, target, { dryRun: true });
      expect(dry.counts.participants).toBe(6);
      expect(await target.transfer.counts()).toEqual(emptyCounts());
      async function* failing(): AsyncGenerator<TransferBatch> {
        let n = 0;
        for await (const batch of source.transfer.exportRows({ batchSize: 2 })) {
          yield batch;
          n += 1;
          if (n === 5) throw new Error('the source went away');
        }
      }
      await expect(target.transfer.importRows(failing())).rejects.toThrow('the source went away');
      expect(await target.transfer.counts()).toEqual(emptyCounts());
      // And the target is still good for a real copy afterwards.
      expect((await copyStore(source, target)).counts.participants).toBe(6);
    });
  });
}

describe.each(storeFactories.map((factory) => [factory.name, factory] as const))(
  'the row stream [%s]',
  (_, factory) => {
    it('reads every table in dependency order, in batches no larger than asked, from one snapshot', async () => {
      const [store, other] = (await connections(factory, 2)) as [Store, Store];
      await seedPilot(store);
      const order = TRANSFER_TABLES.map((table) => table.name);
      const seen: string[] = [];
      const stream = store.transfer.exportRows({ batchSize: 4 })[Symbol.asyncIterator]();
      const first = await stream.next();
      // Written after the read began: not part of it.
      await other.audit.append({ at: NOW, actor: 'cli', action: 'during.export', subject: 'x' });
      let rows = 0;
      for (let item = first; !item.done; item = await stream.next()) {
        expect(item.value.rows.length).toBeLessThanOrEqual(4);
        if (seen.at(-1) !== item.value.table) seen.push(item.value.table);
        rows += item.value.rows.length;
        if (item.value.table === 'audit_log')
          expect(JSON.stringify(item.value.rows)).not.toContain('during.export');
      }
      expect(seen).toEqual(order.filter((name) => seen.includes(name)));
      expect(new Set(seen).size).toBe(seen.length);
      const counts = await store.transfer.counts();
      expect(rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0) - 1);
    });

    it('names its schema version, the same for every store of this release', async () => {
      const versions = await Promise.all(
        storeFactories.map(async (f) => (await open(f)).transfer.schemaVersion()),
      );
      expect(new Set(versions).size).toBe(1);
      expect(versions[0]).toBeGreaterThanOrEqual(10);
      expect(new SchemaVersionMismatchError(9, 10).message).toMatch(/version 9 .* at 10/);
    });
  },
);
