import { expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import type { Decision } from '../../src/core/schedule.js';
import type { NewProposal, Store } from '../../src/store/types.js';
import { ReportSeeder } from '../reports/seed.js';
import { describeStores } from './stores.js';

const NOW = Date.parse('2026-03-02T09:00:00Z');

async function roster(store: Store) {
  const seed = new ReportSeeder(store, NOW);
  const program = await seed.program({ name: 'matching' });
  const mentee = await seed.person(program, { userId: 'UMENTEE', roles: ['mentee'] });
  const mentor = await seed.person(program, { userId: 'UMENTOR', roles: ['mentor'] });
  const other = await seed.person(program, { userId: 'UOTHER', roles: ['mentor'] });
  const proposal = (id: string, menteeId = mentee.id): NewProposal => ({
    id,
    reviewId: 'rev_1',
    programId: program.id,
    menteeId,
    mentorId: mentor.id,
    fit: 80,
    reasons: [{ signal: 'topics', points: 40, facts: { shared: ['hiring'] } }],
    alternatives: [{ mentorId: other.id, fit: 60, reasons: [] }],
  });
  return { seed, program, mentee, mentor, other, proposal };
}

describeStores('matching proposals', ({ store: open, connections }) => {
  it('saves a review, skipping a mentee who already has an open proposal', async () => {
    const store = await open();
    const { program, proposal, other } = await roster(store);
    const saved = await store.matching.saveProposals([proposal('mp_1')], NOW);
    expect(saved).toMatchObject([{ id: 'mp_1', status: 'open', fit: 80, decidedBy: null }]);
    expect(
      await store.matching.saveProposals([proposal('mp_2'), proposal('mp_3', other.id)], NOW),
    ).toMatchObject([{ id: 'mp_3' }]);
    expect(await store.matching.getProposal('mp_2')).toBeNull();
    expect((await store.matching.review('rev_1')).map((p) => p.id).sort()).toEqual(['mp_1', 'mp_3']);
    expect((await store.matching.proposals(program.id)).map((p) => p.id).sort()).toEqual(['mp_1', 'mp_3']);
    expect((await store.matching.getProposal('mp_1'))?.alternatives).toEqual([
      { mentorId: other.id, fit: 60, reasons: [] },
    ]);
  });

  it('records one decision, reopens it while no pair is linked, and links the pair', async () => {
    const store = await open();
    const { seed, program, mentee, mentor, proposal, other } = await roster(store);
    await store.matching.saveProposals([proposal('mp_1')], NOW);
    const decide = { status: 'changed' as const, by: 'UCURATOR', byName: 'Cu', chosenMentorId: other.id };
    expect(await store.matching.decide('mp_1', decide, NOW + 1)).toBe(true);
    expect(await store.matching.decide('mp_1', { status: 'rejected', by: 'U2' }, NOW + 2)).toBe(false);
    expect(await store.matching.getProposal('mp_1')).toMatchObject({
      status: 'changed',
      chosenMentorId: other.id,
      decidedBy: 'UCURATOR',
      decidedByName: 'Cu',
      decidedAt: NOW + 1,
    });
    await store.matching.reopen('mp_1');
    expect((await store.matching.getProposal('mp_1'))?.status).toBe('open');
    expect(await store.matching.decide('mp_1', { status: 'approved', by: 'UCURATOR' }, NOW + 3)).toBe(true);
    const pair = await seed.pair(program, mentor, mentee);
    await store.matching.linkPair('mp_1', pair.id);
    await store.matching.reopen('mp_1');
    expect(await store.matching.getProposal('mp_1')).toMatchObject({ status: 'approved', pairId: pair.id });
  });

  it('lets exactly one of two curators on two connections decide a proposal', async () => {
    const [a, b] = await connections(2);
    const { proposal } = await roster(a!);
    await a!.matching.saveProposals([proposal('mp_1')], NOW);
    const results = await Promise.all([
      a!.matching.decide('mp_1', { status: 'approved', by: 'U_A' }, NOW),
      b!.matching.decide('mp_1', { status: 'rejected', by: 'U_B' }, NOW),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await b!.matching.getProposal('mp_1'))?.decidedBy).toBe(results[0] ? 'U_A' : 'U_B');
  });

  it('keeps each person’s private "not with" list', async () => {
    const store = await open();
    const { program, mentee } = await roster(store);
    const someone = { platform: 'slack' as const, workspaceId: 'T0REPORTS', userId: 'UOTHER' };
    expect(await store.matching.addNotWith(mentee.id, someone, 'Other', NOW)).toBe(true);
    expect(await store.matching.addNotWith(mentee.id, someone, 'Other', NOW)).toBe(false);
    expect(await store.matching.notWithOf(mentee.id)).toEqual([{ other: someone, name: 'Other' }]);
    expect(await store.matching.notWithInProgram(program.id)).toEqual([
      { ownerId: mentee.id, other: someone },
    ]);
    expect(await store.matching.removeNotWith(mentee.id, someone)).toBe(true);
    expect(await store.matching.removeNotWith(mentee.id, someone)).toBe(false);
    expect(await store.matching.notWithOf(mentee.id)).toEqual([]);
  });
});

describeStores('pair voices and check-ins', ({ store: open }) => {
  it('records what pair members say, and counts the first answer to a check-in round', async () => {
    const store = await open();
    const { seed, program, mentee, mentor } = await roster(store);
    const pair = await seed.pair(program, mentor, mentee);
    await store.matching.recordVoice(
      { pairId: pair.id, participantId: mentee.id, kind: 'fine', note: 'all good' },
      NOW,
    );
    expect(await store.matching.voices(pair.id)).toEqual([
      { participantId: mentee.id, kind: 'fine', note: 'all good', at: NOW },
    ]);

    // A round is asked by its job, as the scheduler pass asks it.
    const job = (await store.jobs.scheduled(mentee.id)).find((j) => j.subjectId === pair.id)!;
    const ask: Decision = {
      type: 'skip',
      reason: 'asked',
      effects: [{ type: 'pair_checkin_asked', round: '2026-W10' }],
      next: [],
    };
    expect((await store.jobs.apply(job, ask, null, NOW + DAY)).applied).toBe(true);
    expect(await store.matching.pairCheckins(pair.id)).toMatchObject([
      { round: '2026-W10', participantId: mentee.id, askedAt: NOW + DAY, answer: null },
    ]);
    expect(await store.matching.ratePairCheckin(pair.id, '2026-W10', mentee.id, { usefulness: 4 })).toBe(
      false,
    );
    expect(await store.matching.answerPairCheckin(pair.id, '2026-W10', mentee.id, 'met', NOW + DAY)).toBe(
      true,
    );
    expect(await store.matching.answerPairCheckin(pair.id, '2026-W10', mentee.id, 'not_yet', NOW + DAY)).toBe(
      false,
    );
    expect(await store.matching.answerPairCheckin(pair.id, '2026-W11', mentee.id, 'met', NOW + DAY)).toBe(
      false,
    );
    expect(
      await store.matching.ratePairCheckin(pair.id, '2026-W10', mentee.id, {
        usefulness: 4,
        note: 'helpful',
      }),
    ).toBe(true);
    expect(await store.matching.pairCheckins(pair.id)).toMatchObject([
      { answer: 'met', usefulness: 4, note: 'helpful', answeredAt: NOW + DAY },
    ]);
  });
});
