import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoachingService } from '../../src/app/service.js';
import { ManualClock } from '../../src/core/clock.js';
import { Dispatcher } from '../../src/scheduler/dispatcher.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { at, localStamp, setupPerson, tempDir } from '../support/foundation.js';
import { MemorySender } from '../support/memory-sender.js';

const BERLIN = 'Europe/Berlin';

describe('notices outside the weekly budget still respect quiet hours, unless they answer the person', () => {
  let store: SqliteStore;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
    store = openSqliteStore({ path: tmp.file() });
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("holds a note caused by someone else's action until the recipient's next working morning", async () => {
    const clock = new ManualClock(at('2026-03-06T21:30', BERLIN)); // a Friday evening
    const person = await setupPerson(store, clock, { startDate: '2026-03-02', timezone: BERLIN });
    const service = new CoachingService({ store, clock });
    const sender = new MemorySender('slack', () => clock.now());
    const dispatcher = new Dispatcher({ store, clock, senders: [sender] });

    await service.notify(person.participant, 'from-mentor', () => 'Your mentor confirmed the charter.');
    await service.notify(person.participant, 'own-answer', () => 'Saved your answer.', { reply: true });
    await dispatcher.drain();
    expect(sender.delivered.map((m) => m.text)).toEqual(['Saved your answer.']);

    const held = (await store.outbox.list({ participantId: person.participant.id })).find((r) =>
      r.key.endsWith('from-mentor'),
    )!;
    expect(localStamp(held.dueAt, BERLIN)).toBe('2026-03-09 08:00'); // Monday, end of quiet hours
    clock.set(held.dueAt);
    await dispatcher.drain();
    expect(sender.delivered.map((m) => m.text)).toEqual([
      'Saved your answer.',
      'Your mentor confirmed the charter.',
    ]);
  });
});
