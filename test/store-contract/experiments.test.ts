import { expect, it } from 'vitest';
import { DAY, HOUR, ManualClock } from '../../src/core/clock.js';
import { experimentEndDate } from '../../src/core/experiment.js';
import { availabilityOf } from '../../src/core/participant.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { planExperiment } from '../../src/core/schedule.js';
import type { Store } from '../../src/store/types.js';
import { experimentInput, setupPerson } from '../support/foundation.js';
import { openSurvey, withLeader } from './fixtures.js';
import { describeStores } from './stores.js';

const START = '2026-03-02T12:00:00-05:00';

describeStores('experiments', ({ store: open, connections }) => {
  it('allows one running experiment per person, and starts nothing of a refused one', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const jobsBefore = await store.jobs.scheduled(participant.id);
    const again = store.experiments.start(
      'exp_2',
      participant.id,
      experimentInput('2026-03-09'),
      experimentEndDate('2026-03-09', 13),
      [{ kind: 'nudge', dueAt: clock.now() + DAY, occurrence: 'exp_2-nudge' }],
      clock.now(),
    );
    await expect(again).rejects.toMatchObject({ experimentId: 'exp_1' });
    expect(await store.experiments.get('exp_2')).toBeNull();
    expect(await store.jobs.scheduled(participant.id)).toEqual(jobsBefore);

    // Once the first one is finished, a new one may start.
    await store.experiments.setStatus('exp_1', 'completed', clock.now());
    const next = await store.experiments.start(
      'exp_2',
      participant.id,
      experimentInput('2026-03-09'),
      '2026-06-08',
      [],
      clock.now(),
    );
    expect(next.status).toBe('active');
    expect((await store.experiments.current(participant.id))?.id).toBe('exp_2');
    expect((await store.experiments.get('exp_1'))?.status).toBe('completed');
  });

  it('keeps every version of an edited experiment', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    clock.advance(3 * DAY);
    const changed = {
      ...experimentInput('2026-03-02'),
      behavior: 'Summarise decisions at the end of meetings',
      kpiTarget: 8,
    };
    const edited = await store.experiments.edit(
      'exp_1',
      changed,
      '2026-06-01',
      participant.id,
      clock.now(),
      [],
    );
    expect(edited.version).toBe(2);
    expect(edited.behavior).toBe('Summarise decisions at the end of meetings');

    const history = await store.experiments.history('exp_1');
    expect(history.map((h) => h.version)).toEqual([1, 2]);
    expect(history[0]?.data).toMatchObject({
      behavior: 'Ask before I tell in 1:1s',
      kpiTarget: 5,
      status: 'active',
    });
    expect(history[1]?.data).toMatchObject({
      behavior: 'Summarise decisions at the end of meetings',
      kpiTarget: 8,
    });
    expect(history[1]?.changedAt).toBe(clock.now());
    expect(history[1]?.changedBy).toBe(participant.id);
  });

  it('pausing with a new plan replaces the planned jobs; abandoning cancels them', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const replan = [{ kind: 'nudge' as const, dueAt: clock.now() + 9 * DAY, occurrence: 'replanned' }];
    const paused = await store.experiments.setStatus('exp_1', 'paused', clock.now(), replan);
    expect(paused.status).toBe('paused');
    expect((await store.jobs.scheduled(participant.id)).map((j) => j.occurrence)).toEqual(['replanned']);
    await store.experiments.setStatus('exp_1', 'abandoned', clock.now());
    expect(await store.jobs.scheduled(participant.id)).toEqual([]);
    expect((await store.experiments.get('exp_1'))?.status).toBe('abandoned');
  });

  it('starts the nudges of a new experiment on a date the abandoned one had planned', async () => {
    const store = await open();
    const clock = new ManualClock('2026-03-09T12:00:00-04:00');
    const { participant, program } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    expect((await store.jobs.nextFor(participant.id))?.occurrence).toBe('2026-03-10');
    await store.experiments.setStatus('exp_1', 'abandoned', clock.now());
    expect(await store.jobs.scheduled(participant.id)).toEqual([]);

    const settings = program.settings;
    const endDate = experimentEndDate('2026-03-09', 13);
    const plan = planExperiment(clock.now(), settings, availabilityOf(settings, participant), {
      id: 'exp_2',
      startDate: '2026-03-09',
      endDate,
      lengthWeeks: 13,
    });
    await store.experiments.start(
      'exp_2',
      participant.id,
      experimentInput('2026-03-09'),
      endDate,
      plan,
      clock.now(),
    );
    const scheduled = await store.jobs.scheduled(participant.id);
    expect(scheduled.filter((j) => j.kind === 'nudge')).toMatchObject([
      { subjectId: 'exp_2', occurrence: '2026-03-10' },
    ]);
    expect(scheduled.map((j) => `${j.kind} ${j.subjectId}`).sort()).toEqual([
      'checkpoint exp_2',
      'checkpoint exp_2',
      'checkpoint exp_2',
      'experiment_end exp_2',
      'nudge exp_2',
    ]);
  });

  it('records one answer per nudge: the first counts', async () => {
    const store = await open();
    const clock = new ManualClock(START);
    await setupPerson(store, clock, { startDate: '2026-03-02', experimentId: 'exp_1' });
    const response = { experimentId: 'exp_1', occurrence: '2026-03-03', at: clock.now() };
    expect(await store.experiments.recordNudgeResponse({ ...response, answer: 'did' })).toBe(true);
    expect(await store.experiments.recordNudgeResponse({ ...response, answer: 'skip' })).toBe(false);
    expect(
      await store.experiments.recordNudgeResponse({ ...response, occurrence: '2026-03-04', answer: 'skip' }),
    ).toBe(true);
  });

  it('lets exactly one of two connections start an experiment for the same person', async () => {
    const [a, b] = await connections(2);
    const clock = new ManualClock(START);
    const { record } = await a!.programs.upsert(parseProgramSettings({ name: 'pilot' }), clock.now());
    const person = await a!.participants.create(
      { platform: 'slack', workspaceId: 'T1', userId: 'U1', programId: record.id },
      clock.now(),
    );
    const start = (store: Store, id: string) =>
      store.experiments.start(
        id,
        person.id,
        experimentInput('2026-03-02'),
        '2026-06-01',
        [{ kind: 'nudge', dueAt: clock.now() + DAY, occurrence: `${id}/nudge` }],
        clock.now(),
      );
    const results = await Promise.allSettled([start(a!, 'exp_a'), start(b!, 'exp_b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = (await a!.experiments.current(person.id))!.id;
    expect((await b!.jobs.scheduled(person.id)).map((j) => j.occurrence)).toEqual([`${winner}/nudge`]);
  });
});

describeStores('surveys', ({ store: open }) => {
  it('keeps the latest answer; details keep the practice answer', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const id = await openSurvey(store, participant.id, 'exp_1', 30, clock.now());
    expect(await store.surveys.get(id)).toMatchObject({
      status: 'open',
      checkpointDay: 30,
      experimentId: 'exp_1',
    });
    expect((await store.surveys.forExperiment('exp_1')).map((s) => s.id)).toEqual([id]);

    expect(await store.surveys.answerPractice(id, 3, clock.now())).toMatchObject({
      status: 'answered',
      practice: 3,
      answeredAt: clock.now(),
    });
    clock.advance(HOUR);
    expect(await store.surveys.answerPractice(id, 4, clock.now())).toMatchObject({
      practice: 4,
      answeredAt: clock.now(),
    });
    await store.surveys.answerDetails(id, { kpiValue: 4, confidence: 3, note: 'first note' }, clock.now());
    const details = await store.surveys.answerDetails(
      id,
      { kpiValue: 5, confidence: 3, note: undefined },
      clock.now(),
    );
    expect(details).toMatchObject({ kpiValue: 5, confidence: 3, note: null, practice: 4 });
    expect(await store.surveys.get(id)).toEqual(details);
  });

  it('refuses an answer to a survey that does not exist, and writes nothing', async () => {
    const store = await open();
    await expect(store.surveys.answerPractice('svy_missing', 3, 0)).rejects.toThrow();
    expect(await store.surveys.get('svy_missing')).toBeNull();
  });

  it('cancels the reminder and the missed mark once the survey is answered', async () => {
    const store = await open();
    const { clock, participant } = await withLeader(store);
    const id = await openSurvey(store, participant.id, 'exp_1', 30, clock.now());
    const followUps = async () =>
      (await store.jobs.scheduled(participant.id)).filter(
        (j) => j.kind === 'checkpoint_reminder' || j.kind === 'checkpoint_missed',
      );
    expect((await followUps()).map((j) => j.occurrence)).toEqual(['exp_1/day-30/r1', 'exp_1/day-30']);
    await store.surveys.answerPractice(id, 2, clock.now());
    expect(await followUps()).toEqual([]);
    // Other checkpoints stay planned.
    expect(
      (await store.jobs.scheduled(participant.id))
        .filter((j) => j.kind === 'checkpoint')
        .map((j) => j.occurrence),
    ).toEqual(['exp_1/day-60', 'exp_1/day-90']);
  });
});
