import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import { ReportSeeder } from '../reports/seed.js';
import { postgresStores } from './support.js';

const stores = postgresStores();
afterEach(() => stores.cleanup());

const NOW = Date.UTC(2026, 2, 2, 9);

/**
 * Generated ids (programs, people, notes, and the seeder's numbered ones) differ between two databases; everything else must not. Each id becomes
 * a placeholder in the order it first appears, so equal answers compare equal.
 */
function withoutGeneratedIds(value: unknown): unknown {
  const names = new Map<string, string>();
  const generated = /\b(?:(?:prg|ppl|chn|note)_[0-9a-f-]{12,36}|(?:pair|mst|alr|claim)_\d+)/g;
  const json = JSON.stringify(value).replace(generated, (id) => {
    if (!names.has(id)) names.set(id, `${id.split('_')[0]}#${names.size}`);
    return names.get(id)!;
  });
  return JSON.parse(json);
}

/** A small pilot through the store's public methods, then everything the reports and the console read of it. */
async function pilotAnswers(store: Store): Promise<unknown> {
  const seed = new ReportSeeder(store, NOW);
  const program = await seed.program({ name: 'pilot' });
  const leaders = [];
  for (const [i, userId] of ['UANA', 'UBO', 'UCY', 'UDI'].entries())
    leaders.push(
      await seed.person(program, {
        userId,
        email: `${userId.toLowerCase()}@example.com`,
        arm: i % 2 === 0 ? 'coached' : 'control',
        roles: i === 0 ? ['mentee'] : i === 1 ? ['mentor'] : [],
        invitedAt: NOW - DAY,
        // Distinct creation times: ties would be ordered by the random ids, which differ between the two databases.
        createdAt: NOW + i * 1000,
      }),
    );
  const [ana, bo, cy, di] = leaders as [
    (typeof leaders)[0],
    (typeof leaders)[0],
    (typeof leaders)[0],
    (typeof leaders)[0],
  ];
  const exp = await seed.experiment(program, ana, { id: 'exp_ana', baseline: 2, target: 5 });
  await seed.answer(
    exp,
    30,
    { practice: 3, kpiValue: 3.5, confidence: 4, note: 'going well' },
    NOW + 30 * DAY,
  );
  await seed.answer(exp, 60, { practice: 4, kpiValue: 4.25 }, NOW + 60 * DAY);
  await seed.nudges(program, exp, ['2026-03-03', '2026-03-10', '2026-03-17'], {
    '2026-03-03': 'did',
    '2026-03-10': 'skip',
  });
  const other = await seed.experiment(program, cy, {
    id: 'exp_cy',
    baseline: 10,
    target: 6,
    direction: 'decrease',
    unit: 'hours',
  });
  await seed.answer(other, 30, { practice: 2, kpiValue: 9 }, NOW + 31 * DAY);
  await store.experiments.setStatus(other.id, 'paused', NOW + 32 * DAY);
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
    { status: 'changed', by: 'UCURATOR', byName: 'Cura', chosenMentorId: cy.id },
    NOW + 51 * DAY,
  );
  await store.pilots.addNote(
    { programId: program.id, date: '2026-04-01', text: 'reorganization', by: 'admin' },
    NOW + 30 * DAY,
  );
  const removed = await store.pilots.addNote(
    { programId: program.id, date: '2026-03-15', text: 'typo', by: 'admin' },
    NOW + 14 * DAY,
  );
  await store.pilots.removeNote(program.id, removed.id, 'admin', NOW + 15 * DAY);
  await store.pilots.recordReview(program.id, 'mid', NOW + 45 * DAY);
  await store.pilots.recordReview(program.id, 'mid', NOW + 46 * DAY);
  await store.programs.upsert({ ...program.settings, lengthWeeks: 14 }, NOW + 10 * DAY);

  const read = async () => ({
    dataset: await store.reports.dataset(program.id),
    people: await store.participants.inProgram(program.id),
    pairs: await store.mentoring.pairs(program.id),
    charters: await store.mentoring.charterVersions(pair.id),
    milestones: await store.mentoring.milestones(pair.id),
    alerts: await store.mentoring.alerts({ pairId: pair.id }),
    proposals: await store.matching.proposals(program.id),
    voices: await store.matching.voices(pair.id),
    notes: await store.pilots.notes(program.id, { includeRemoved: true }),
    surveys: await store.surveys.forExperiment(exp.id),
    history: await store.experiments.history(other.id),
    jobs: await store.jobs.scheduled(ana.id),
    outbox: (await store.outbox.list()).map(({ id: _id, ...row }) => row),
    counts: await store.outbox.counts(),
    programs: await store.programs.list(),
  });
  const before = await read();

  // A roster import: a new person with attributes, an existing one whose attributes change, and a pair of them.
  const imported = await store.participants.importRoster(
    [
      {
        people: [
          {
            id: 'ppl_eve_from_roster',
            exists: false,
            identity: { platform: 'slack', workspaceId: 'T0REPORTS', userId: 'UEVE' },
            programId: program.id,
            email: 'eve@example.com',
            roles: ['mentor'],
            arm: 'coached',
            timezone: 'Europe/Berlin',
            language: 'de',
            consentRequest: null,
            attributes: { department: 'Sales', level: '2' },
          },
          {
            id: di.id,
            exists: true,
            identity: { platform: 'slack', workspaceId: 'T0REPORTS', userId: 'UDI' },
            programId: program.id,
            email: 'udi@example.com',
            roles: ['mentee'],
            arm: 'control',
            timezone: null,
            consentRequest: null,
            attributes: { department: 'Ops' },
          },
        ],
        pairs: [
          {
            id: 'pair_roster',
            programId: program.id,
            mentorId: 'ppl_eve_from_roster',
            menteeId: di.id,
            jobs: [],
            draft: { goals: 'grow' },
          },
        ],
      },
    ],
    NOW + 52 * DAY,
  );
  // Retention, then an erasure: what each removes, and what is left.
  const purged = await store.privacy.purge(program.id, NOW + 40 * DAY, NOW + 45 * DAY);
  const erased = await store.privacy.erase(bo.id, NOW + 60 * DAY);
  return withoutGeneratedIds({ before, imported, purged, erased, after: await read() });
}

describe('the same answers on SQLite and PostgreSQL', () => {
  it('reads the same pilot back identically: report dataset, people, pairs, charters, proposals, notes, jobs, outbox', async () => {
    const sqlite = openSqliteStore({ path: ':memory:' });
    try {
      const expected = await pilotAnswers(sqlite);
      const actual = await pilotAnswers(await stores.open());
      expect(actual).toEqual(expected);
      expect(expected).toMatchObject({
        imported: { peopleCreated: 1, peopleUpdated: 1, pairsCreated: 1 },
        purged: {
          notesCleared: 2,
          messageBodiesCleared: 3,
          interactionEventsDeleted: 2,
          outboxRowsDeleted: 3,
        },
        erased: { pairsClosed: 1 },
      });
      // The comparison covers real content, not two empty answers.
      expect(JSON.stringify(expected)).toContain('reorganization');
      expect(
        (expected as { before: { dataset: { surveys: unknown[] } } }).before.dataset.surveys,
      ).toHaveLength(3);
      expect(JSON.stringify((expected as { after: unknown }).after)).toContain('Sales');
    } finally {
      await sqlite.close();
    }
  });
});
