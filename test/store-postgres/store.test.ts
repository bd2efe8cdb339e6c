import { afterEach, describe, expect, it } from 'vitest';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, HOUR, ManualClock } from '../../src/core/clock.js';
import { experimentEndDate } from '../../src/core/experiment.js';
import { availabilityOf } from '../../src/core/participant.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { type Decision, planExperiment } from '../../src/core/schedule.js';
import { ExperimentAlreadyRunningError, type PostgresStore } from '../../src/store/postgres/store.js';
import { experimentInput, setupPerson } from '../support/foundation.js';
import { postgresStores } from './support.js';

const START = '2026-03-02T12:00:00-05:00';

const stores = postgresStores();
afterEach(() => stores.cleanup());
const memoryStore = () => stores.open();

/** Opens the survey of a checkpoint job the way a scheduler pass does when it sends it. */
async function openSurvey(
  store: PostgresStore,
  participantId: string,
  experimentId: string,
  day: number,
  now: number,
): Promise<string> {
  const job = (await store.jobs.scheduled(participantId)).find(
    (j) => j.occurrence === `${experimentId}/day-${day}`,
  )!;
  const surveyId = surveyIdFor(experimentId, day);
  const decision: Decision = {
    type: 'skip',
    reason: 'test: survey opened',
    effects: [{ type: 'open_survey', surveyId, checkpointDay: day }],
    next: [
      { kind: 'checkpoint_reminder', dueAt: now + 48 * HOUR, occurrence: `${experimentId}/day-${day}/r1` },
      { kind: 'checkpoint_missed', dueAt: now + 96 * HOUR, occurrence: `${experimentId}/day-${day}` },
    ],
  };
  const result = await store.jobs.apply(job, decision, null, now);
  expect(result.applied).toBe(true);
  return surveyId;
}

describe('experiments', () => {
  it('allows one running experiment per person', async () => {
    const store = await memoryStore();
    const clock = new ManualClock(START);
    const { participant, program } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    const again = store.experiments.start(
      'exp_2',
      participant.id,
      experimentInput('2026-03-09'),
      experimentEndDate('2026-03-09', 13),
      [],
      clock.now(),
    );
    await expect(again).rejects.toBeInstanceOf(ExperimentAlreadyRunningError);
    await expect(again).rejects.toMatchObject({ experimentId: 'exp_1' });
    expect(await store.experiments.get('exp_2')).toBeNull();

    // The database itself refuses a second running experiment, whatever the code path.
    await expect(
      store.db.query(
        `INSERT INTO experiments (id, participant_id, behavior, hypothesis, kpi_name, kpi_unit, kpi_baseline, kpi_target,
           kpi_direction, start_date, length_weeks, end_date, status, created_at, updated_at)
         VALUES ('exp_x', ?, 'b', 'h', 'k', 'u', 1, 2, 'increase', '2026-03-02', 13, '2026-06-01', 'paused', 0, 0)`,
        [participant.id],
      ),
    ).rejects.toThrow(/experiments_one_running/);

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
    expect(program.settings.name).toBe('pilot');
  });

  it('keeps every version of an edited experiment', async () => {
    const store = await memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
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

  it('starts the nudges of a new experiment on a date the abandoned one had planned', async () => {
    const store = await memoryStore();
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
});

describe('surveys', () => {
  it('keeps the latest answer and logs each change', async () => {
    const store = await memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    const id = await openSurvey(store, participant.id, 'exp_1', 30, clock.now());
    expect((await store.surveys.get(id))?.status).toBe('open');

    const first = await store.surveys.answerPractice(id, 3, clock.now());
    expect(first).toMatchObject({ status: 'answered', practice: 3, answeredAt: clock.now() });
    expect(await store.surveyChangeCount(id)).toBe(0);

    clock.advance(HOUR);
    const second = await store.surveys.answerPractice(id, 4, clock.now());
    expect(second).toMatchObject({ status: 'answered', practice: 4, answeredAt: clock.now() });
    expect(await store.surveyChangeCount(id)).toBe(1);
    // The same answer again is not a change.
    await store.surveys.answerPractice(id, 4, clock.now());
    expect(await store.surveyChangeCount(id)).toBe(1);

    await store.surveys.answerDetails(id, { kpiValue: 4, confidence: 3, note: 'first note' }, clock.now());
    expect(await store.surveyChangeCount(id)).toBe(1);
    const details = await store.surveys.answerDetails(
      id,
      { kpiValue: 5, confidence: 3, note: undefined },
      clock.now(),
    );
    expect(details).toMatchObject({ kpiValue: 5, confidence: 3, note: null, practice: 4 });
    // kpi_value and the removed note changed; the confidence did not.
    expect(await store.surveyChangeCount(id)).toBe(3);
    const log = (
      await store.db.query(
        'SELECT field, old_value, new_value FROM survey_changes WHERE survey_id = ? ORDER BY ctid',
        [id],
      )
    ).rows;
    expect(log).toEqual([
      { field: 'practice', old_value: '3', new_value: '4' },
      { field: 'kpi_value', old_value: '4', new_value: '5' },
      // Free text never lands in the change log.
      { field: 'note', old_value: '(text)', new_value: '(text)' },
    ]);
  });

  it('cancels the reminder and the missed mark once the survey is answered', async () => {
    const store = await memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
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

describe('audit log', () => {
  it('is append-only', async () => {
    const store = await memoryStore();
    await store.audit.append({
      at: 1,
      actor: 'admin',
      action: 'program.updated',
      subject: 'pilot',
      detail: { version: 2 },
    });
    await expect(store.db.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await store.audit.since(0)).toEqual([
      { at: 1, actor: 'admin', action: 'program.updated', subject: 'pilot', detail: { version: 2 } },
    ]);
  });
});

describe('jobs and outbox', () => {
  it('finds due jobs through the due-time index, in due order', async () => {
    const store = await memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    // With sequential scans off (the table is tiny), the planner shows it can walk the partial due-time index.
    await store.db.transaction(async () => {
      await store.db.query('SET LOCAL enable_seqscan = off');
      const plan = await store.db.query(
        `EXPLAIN SELECT * FROM jobs WHERE state = 'scheduled' AND due_at <= ? ORDER BY due_at LIMIT ?`,
        [clock.now(), 10],
      );
      expect(plan.rows.map((p) => String(p['QUERY PLAN'])).join('\n')).toMatch(/jobs_due/);
    });

    expect(await store.jobs.due(clock.now(), 10)).toEqual([]);
    const later = new Date('2026-05-01T12:00:00-04:00').getTime();
    const due = await store.jobs.due(later, 10);
    expect(due.map((j) => j.occurrence)).toEqual(['2026-03-03', 'exp_1/day-30', 'exp_1/day-60']);
    expect(due.every((j) => j.participantId === participant.id)).toBe(true);
    expect(await store.jobs.due(later, 1)).toHaveLength(1);
  });

  it('applies a decision only once: a second pass holding the old version loses', async () => {
    const store = await memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    const job = (await store.jobs.nextFor(participant.id))!;
    const skip: Decision = { type: 'skip', reason: 'test', effects: [], next: [] };
    expect(await store.jobs.apply(job, skip, null, clock.now())).toEqual({
      applied: true,
      outboxInserted: false,
    });
    expect(await store.jobs.apply(job, skip, null, clock.now())).toEqual({
      applied: false,
      outboxInserted: false,
    });
  });

  it('lets one claimant own a row, and only the owner settle it', async () => {
    const store = await memoryStore();
    const clock = new ManualClock(START);
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
    });
    const row = {
      key: `notice:${participant.id}:hello`,
      participantId: participant.id,
      kind: 'notice' as const,
      budgeted: false,
      budgetWeek: '2026-W10',
      message: { text: 'hello', blocks: [] },
      dueAt: clock.now(),
      expiresAt: clock.now() + DAY,
    };
    expect(await store.outbox.enqueue(row, clock.now())).toBe(true);
    expect(await store.outbox.enqueue(row, clock.now())).toBe(false);

    const [claimed] = await store.outbox.claim(clock.now(), 10, 'token-a');
    expect(claimed).toMatchObject({
      key: row.key,
      status: 'sending',
      attempts: 0,
      claimToken: 'token-a',
      platform: 'slack',
    });
    expect(await store.outbox.claim(clock.now(), 10, 'token-b')).toEqual([]);
    // Attempts count sends: only the holder may begin one, and beginning it counts it.
    expect(await store.outbox.beginSend(claimed!.id, 'token-b', clock.now())).toBe(false);
    expect(await store.outbox.beginSend(claimed!.id, 'token-a', clock.now())).toBe(true);
    expect((await store.outbox.byKey(row.key))?.attempts).toBe(1);
    expect(await store.outbox.markSent(claimed!.id, 'token-b', 'ref', clock.now())).toBe(false);

    // Left in `sending` past the lease, it can be taken over, and then the old holder can no longer settle it.
    expect(await store.outbox.stale(clock.now() + 30_000, 60_000)).toEqual([]);
    expect((await store.outbox.stale(clock.now() + 60_000, 60_000)).map((r) => r.key)).toEqual([row.key]);
    expect(await store.outbox.reclaim(claimed!.id, 'token-a', 'token-c', clock.now())).toBe(true);
    expect(await store.outbox.markSent(claimed!.id, 'token-a', 'ref', clock.now())).toBe(false);
    expect(await store.outbox.markSent(claimed!.id, 'token-c', 'ref', clock.now())).toBe(true);
    expect(await store.outbox.byKey(row.key)).toMatchObject({
      status: 'sent',
      providerRef: 'ref',
      sentAt: clock.now(),
    });
    expect(await store.outbox.counts()).toMatchObject({ sent: 1, pending: 0, sending: 0 });
  });

  it('counts the weekly budget from queued and sent messages and reserves later checkpoints', async () => {
    const store = await memoryStore();
    const clock = new ManualClock('2026-03-30T09:00:00-04:00');
    const settings = parseProgramSettings({ name: 'pilot', timezone: 'America/New_York' });
    const { participant } = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      experimentId: 'exp_1',
      now: new Date(START).getTime(),
    });
    const nudge = (await store.jobs.nextFor(participant.id))!;
    const weekEnd = new Date('2026-04-06T00:00:00-04:00').getTime();
    // Day 30 (Wednesday 1 April) is later this week.
    expect(await store.jobs.budget(nudge, '2026-W14', clock.now(), weekEnd)).toEqual({
      used: 0,
      reservedLater: 1,
    });
    const base = {
      participantId: participant.id,
      budgetWeek: '2026-W14',
      message: { text: 'x', blocks: [] },
      dueAt: clock.now(),
      expiresAt: clock.now() + HOUR,
    };
    await store.outbox.enqueue({ ...base, key: 'nudge:a', kind: 'nudge', budgeted: true }, clock.now());
    await store.outbox.enqueue({ ...base, key: 'notice:a', kind: 'notice', budgeted: true }, clock.now());
    await store.outbox.enqueue(
      { ...base, key: 'nudge:b', kind: 'nudge', budgeted: true, status: 'expired', reason: 'late' },
      clock.now(),
    );
    await store.outbox.enqueue(
      { ...base, key: 'nudge:c', kind: 'nudge', budgeted: true, budgetWeek: '2026-W13' },
      clock.now(),
    );
    // Only the pending nudge counts: notices are never budgeted, expired rows were never sent, W13 is another week.
    expect(await store.jobs.budget(nudge, '2026-W14', clock.now(), weekEnd)).toEqual({
      used: 1,
      reservedLater: 1,
    });
    expect(settings.weeklyBudget).toBe(3);
  });
});
