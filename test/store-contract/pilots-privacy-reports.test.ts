import { expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import type { Store } from '../../src/store/types.js';
import { ReportSeeder } from '../reports/seed.js';
import { describeStores } from './stores.js';

const NOW = Date.parse('2026-03-02T09:00:00Z');

describeStores('pilots', ({ store: open }) => {
  it('keeps confounder notes by date, hides removed ones, and counts review runs', async () => {
    const store = await open();
    const program = await new ReportSeeder(store, NOW).program({ name: 'pilot' });
    const late = await store.pilots.addNote(
      { programId: program.id, date: '2026-04-10', text: 'reorg', by: 'admin' },
      NOW,
    );
    const early = await store.pilots.addNote(
      { programId: program.id, date: '2026-03-20', text: 'holiday', by: 'admin' },
      NOW,
    );
    expect(late).toMatchObject({ programId: program.id, text: 'reorg', createdBy: 'admin', removedAt: null });
    expect((await store.pilots.notes(program.id)).map((n) => n.id)).toEqual([early.id, late.id]);
    expect(await store.pilots.removeNote(program.id, late.id, 'admin2', NOW + 1)).toMatchObject({
      removedBy: 'admin2',
      removedAt: NOW + 1,
    });
    expect(await store.pilots.removeNote(program.id, late.id, 'admin2', NOW + 2)).toBeNull();
    expect(await store.pilots.removeNote('prg_other', early.id, 'admin2', NOW + 2)).toBeNull();
    expect((await store.pilots.notes(program.id)).map((n) => n.id)).toEqual([early.id]);
    expect(await store.pilots.notes(program.id, { includeRemoved: true })).toHaveLength(2);

    expect(await store.pilots.recordReview(program.id, 'mid', NOW + DAY)).toEqual({
      firstAt: NOW + DAY,
      runs: 1,
    });
    expect(await store.pilots.recordReview(program.id, 'mid', NOW + 2 * DAY)).toEqual({
      firstAt: NOW + DAY,
      runs: 2,
    });
  });

  it('records the arm drawn for a person once, with how it was drawn', async () => {
    const store = await open();
    const program = await new ReportSeeder(store, NOW).program({ name: 'pilot' });
    const person = (arm: 'coached' | 'control', batch: number) => ({
      id: 'ppl_U1',
      exists: batch > 1,
      identity: { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' },
      programId: program.id,
      email: 'u1@example.org',
      roles: ['leader' as const],
      arm,
      timezone: null,
      consentRequest: null,
      assignment: {
        method: 'randomized' as const,
        stratum: 'sales',
        seed: 'seed-1',
        controlPercent: 50,
        batch,
        coachingFrom: null,
        job: null,
      },
    });
    await store.participants.importRoster([{ people: [person('control', 1)], pairs: [] }], NOW);
    await store.participants.importRoster([{ people: [person('coached', 2)], pairs: [] }], NOW + 1);
    expect(await store.pilots.assignments(program.id)).toMatchObject([
      {
        participantId: 'ppl_U1',
        arm: 'control',
        batch: 1,
        stratum: 'sales',
        email: 'u1@example.org',
        coachedAt: null,
      },
    ]);
  });
});

async function person(store: Store) {
  const seed = new ReportSeeder(store, NOW);
  const program = await seed.program({ name: 'privacy' });
  const leader = await seed.person(program, { userId: 'U1', email: 'u1@example.org', displayName: 'Ursula' });
  const experiment = await seed.experiment(program, leader, { baseline: 2, target: 5 });
  await seed.answer(experiment, 30, { practice: 4, kpiValue: 4, note: 'private words' }, NOW + DAY);
  return { seed, program, leader, experiment };
}

describeStores('privacy', ({ store: open }) => {
  it('keeps the consent ledger in order', async () => {
    const store = await open();
    const { leader } = await person(store);
    await store.privacy.recordConsent({
      participantId: leader.id,
      at: 1,
      decision: 'requested',
      scope: 'p',
      channel: 'slack',
    });
    await store.privacy.recordConsent({
      participantId: leader.id,
      at: 2,
      decision: 'accepted',
      scope: 'p',
      channel: 'slack',
    });
    expect((await store.privacy.consentHistory(leader.id)).map((e) => e.decision)).toEqual([
      'requested',
      'accepted',
    ]);
  });

  it('erases a person’s personal data and free text, keeps the numbers, and forgets channel state about them', async () => {
    const store = await open();
    const { leader, experiment } = await person(store);
    await store.channelState.set(
      'slack',
      'about:U1',
      'x',
      { workspaceId: leader.workspaceId, userId: 'U1' },
      NOW,
    );
    await store.channelState.set(
      'slack',
      'about:U2',
      'y',
      { workspaceId: leader.workspaceId, userId: 'U2' },
      NOW,
    );
    const result = await store.privacy.erase(leader.id, NOW + 2 * DAY);
    expect(result.experiments).toBe(1);
    expect(await store.participants.findByIdentity(leader)).toBeNull();
    expect(await store.participants.get(leader.id)).toMatchObject({
      email: null,
      displayName: null,
      consent: 'opted_out',
    });
    const [survey] = await store.surveys.forExperiment(experiment.id);
    expect(survey).toMatchObject({ practice: 4, kpiValue: 4, note: null });
    expect(await store.channelState.get('slack', 'about:U1')).toBeNull();
    expect(await store.channelState.get('slack', 'about:U2')).toBe('y');
    // On a shared server another connection (a test file running beside this one) may hold a snapshot for a
    // moment; the store then says so, and a later call completes the work.
    await expect(eventuallySettled(store)).resolves.toEqual({ complete: true });
  });

  it('purges free text before one moment and everything before another, for one program', async () => {
    const store = await open();
    const { program, experiment } = await person(store);
    const summary = await store.privacy.purge(program.id, NOW + 10 * DAY, 0);
    expect(summary.notesCleared).toBeGreaterThanOrEqual(1);
    expect((await store.surveys.forExperiment(experiment.id))[0]).toMatchObject({ note: null, practice: 4 });
    expect(await store.privacy.purge(program.id, NOW + 10 * DAY, 0)).toMatchObject({ notesCleared: 0 });
  });
});

describeStores('reports', ({ store: open, connections }) => {
  it('reads one program’s dataset: people, experiments, surveys and nudges, never names', async () => {
    const store = await open();
    const { seed, program, leader, experiment } = await person(store);
    await seed.nudges(program, experiment, ['2026-03-03', '2026-03-04'], { '2026-03-03': 'did' });
    const other = await seed.program({ name: 'other' });
    await seed.person(other, { userId: 'U9' });
    const data = await store.reports.dataset(program.id);
    expect(data.people.map((p) => p.id)).toEqual([leader.id]);
    expect(JSON.stringify(data)).not.toMatch(/Ursula|u1@example|private words/);
    expect(data.experiments).toMatchObject([{ id: experiment.id, kpiBaseline: 2, kpiTarget: 5 }]);
    expect(data.surveys).toMatchObject([{ checkpointDay: 30, practice: 4, kpiValue: 4 }]);
    expect(data.nudges).toEqual([{ participantId: leader.id, sent: 2, answered: 1, did: 1 }]);
    expect(data.programVersions).toHaveLength(1);
  });

  it('keeps the first pseudonym secret, also when two connections store one at once', async () => {
    const [a, b] = await connections(2);
    const secrets = await Promise.all([
      a!.reports.pseudonymSecret('secret-a'),
      b!.reports.pseudonymSecret('secret-b'),
    ]);
    expect(secrets[0]).toBe(secrets[1]);
    expect(await a!.reports.pseudonymSecret('secret-c')).toBe(secrets[0]);
  });
});

async function eventuallySettled(store: Store): Promise<{ complete: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await store.privacy.settleErasure();
    if (result.complete || attempt === 50) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
