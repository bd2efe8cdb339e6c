import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrivacyService } from '../../src/app/privacy.js';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, ManualClock } from '../../src/core/clock.js';
import { Dispatcher } from '../../src/scheduler/dispatcher.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { runTicks, setupPerson, tempDir } from '../support/foundation.js';
import { MemorySender } from '../support/memory-sender.js';

describe('retention (fake clock)', () => {
  let store: SqliteStore;
  let clock: ManualClock;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
    store = openSqliteStore({ path: tmp.file() });
    clock = new ManualClock('2026-03-02T12:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('clears typed notes and raw interaction events after the free-text window, keeps numbers until the aggregate window', async () => {
    const person = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      program: { retention: { freeTextDays: 90, aggregateMonths: 12 } },
    });
    const dispatcher = new Dispatcher({
      store,
      clock,
      senders: [new MemorySender('slack', () => clock.now())],
    });
    await runTicks(store, clock, dispatcher, Date.parse('2026-04-01T16:00:00Z'));
    const surveyId = surveyIdFor(person.experiment.id, 30);
    await store.surveys.answerPractice(surveyId, 4, clock.now());
    await store.surveys.answerDetails(
      surveyId,
      { kpiValue: 4, confidence: 5, note: 'Private thought' },
      clock.now(),
    );
    await store.experiments.recordNudgeResponse({
      experimentId: person.experiment.id,
      occurrence: '2026-03-03',
      answer: 'did',
      at: clock.now(),
    });
    const privacy = new PrivacyService({ store, clock });

    clock.set(Date.parse('2026-06-29T12:00:00Z')); // 89 days after the answer
    await privacy.runRetention();
    expect((await store.surveys.get(surveyId))?.note).toBe('Private thought');

    clock.set(Date.parse('2026-07-01T12:00:00Z')); // 91 days after
    const run = await privacy.runRetention();
    expect(run?.pilot).toMatchObject({ notesCleared: 1, interactionEventsDeleted: 1 });
    expect(run?.pilot?.messageBodiesCleared).toBeGreaterThan(0);
    expect(await store.surveys.get(surveyId)).toMatchObject({
      note: null,
      practice: 4,
      kpiValue: 4,
      confidence: 5,
    });
    expect(
      await store.experiments.recordNudgeResponse({
        experimentId: person.experiment.id,
        occurrence: '2026-03-03',
        answer: 'did',
        at: 0,
      }),
    ).toBe(true);
    expect(
      (await store.outbox.list({ participantId: person.participant.id })).filter(
        (r) => r.message.text !== '' && r.createdAt < clock.now() - 90 * DAY,
      ),
    ).toHaveLength(0);
    // Once a day only.
    expect(await privacy.runRetention()).toBeNull();

    clock.set(Date.parse('2027-06-05T12:00:00Z')); // the experiment ended 2026-06-01; past 12 months
    const late = await privacy.runRetention();
    expect(late?.pilot?.experimentsDeleted).toBe(1);
    expect(await store.experiments.get(person.experiment.id)).toBeNull();
    expect(await store.surveys.get(surveyId)).toBeNull();
    const actions = (await store.audit.since(0)).map((e) => e.action);
    expect(actions.filter((a) => a === 'retention.purged')).toHaveLength(3);
  });

  it('follows each program’s own retention settings', async () => {
    const person = await setupPerson(store, clock, {
      startDate: '2026-03-02',
      program: { retention: { freeTextDays: 7, aggregateMonths: 12 } },
    });
    const dispatcher = new Dispatcher({
      store,
      clock,
      senders: [new MemorySender('slack', () => clock.now())],
    });
    await runTicks(store, clock, dispatcher, Date.parse('2026-04-01T16:00:00Z'));
    const surveyId = surveyIdFor(person.experiment.id, 30);
    await store.surveys.answerDetails(
      surveyId,
      { kpiValue: 3, confidence: 2, note: 'short-lived' },
      clock.now(),
    );
    clock.advance(8 * DAY);
    await new PrivacyService({ store, clock }).runRetention();
    expect((await store.surveys.get(surveyId))?.note).toBeNull();
  });
});
