import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelSender, Delivery } from '../../src/app/ports.js';
import { surveyIdFor } from '../../src/core/checkpoint.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../../src/core/clock.js';
import { BUDGETED_KINDS } from '../../src/core/messages.js';
import { isQuiet, isWorkingDay, localWeekKey, type Weekday } from '../../src/core/time.js';
import { Dispatcher, type DispatcherOptions } from '../../src/scheduler/dispatcher.js';
import { type PassStats, runSchedulerPass } from '../../src/scheduler/pass.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';
import {
  at,
  FakeTimer,
  localStamp,
  type Person,
  runTicks,
  setupPerson,
  tempDir,
} from '../support/foundation.js';
import { type DeliveredMessage, MemorySender } from '../support/memory-sender.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

let cleanups: (() => void | Promise<void>)[] = [];
beforeEach(() => {
  cleanups = [];
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface World {
  clock: ManualClock;
  store: SqliteStore;
  sender: MemorySender;
  timer: FakeTimer;
  dispatcher: Dispatcher;
}

function world(
  start: string | number,
  options: { path?: string; dispatcher?: Partial<DispatcherOptions> } = {},
): World {
  const clock = new ManualClock(start);
  const store = openSqliteStore({ path: options.path ?? ':memory:' });
  cleanups.push(() => store.close());
  const sender = new MemorySender('slack', () => clock.now());
  const timer = new FakeTimer();
  const dispatcher = new Dispatcher({ store, clock, senders: [sender], timer, ...options.dispatcher });
  return { clock, store, sender, timer, dispatcher };
}

/** A dispatcher over an in-memory store and the channel `makeSender` builds on the world's clock. */
function worldWith<S extends ChannelSender>(
  start: string | number,
  makeSender: (clock: ManualClock) => S,
  options: Partial<DispatcherOptions> = {},
) {
  const clock = new ManualClock(start);
  const store = openSqliteStore({ path: ':memory:' });
  cleanups.push(() => store.close());
  const sender = makeSender(clock);
  const dispatcher = new Dispatcher({ store, clock, senders: [sender], timer: new FakeTimer(), ...options });
  return { clock, store, sender, dispatcher };
}

function newFile(): string {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  return dir.file();
}

const mine = (sender: MemorySender, person: Person) =>
  sender.delivered.filter((m) => m.userId === person.participant.userId);
const ofKind = (messages: DeliveredMessage[], kind: DeliveredMessage['kind']) =>
  messages.filter((m) => m.kind === kind);
const stamps = (messages: DeliveredMessage[], zone: string) =>
  messages.map((m) => `${m.kind} ${localStamp(m.at, zone)}`);

/** Local dates of the given weekdays from `from` (inclusive) to `to` (exclusive). */
function datesOn(weekdays: number[], from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = DateTime.fromISO(from); day.toISODate()! < to; day = day.plus({ days: 1 })) {
    if (weekdays.includes(day.weekday)) dates.push(day.toISODate()!);
  }
  return dates;
}

/** Nothing on a non-working day, nothing in quiet hours. */
function expectPolite(
  messages: DeliveredMessage[],
  zone: string,
  workingDays: Weekday[],
  quiet: { start: string; end: string },
) {
  const rude = messages.filter((m) => {
    const local = DateTime.fromMillis(m.at, { zone });
    return !isWorkingDay(local, workingDays) || isQuiet(local, quiet);
  });
  expect(stamps(rude, zone)).toEqual([]);
}

/** Budgeted messages per local ISO week. */
function perWeek(messages: DeliveredMessage[], zone: string): Map<string, DeliveredMessage[]> {
  const weeks = new Map<string, DeliveredMessage[]>();
  for (const m of messages.filter((m) => BUDGETED_KINDS.has(m.kind))) {
    const week = localWeekKey(m.at, zone);
    weeks.set(week, [...(weeks.get(week) ?? []), m]);
  }
  return weeks;
}

async function tick(w: World): Promise<PassStats> {
  const stats = await runSchedulerPass(w.store, w.clock);
  await w.dispatcher.drain();
  return stats;
}

function jobResult(
  store: SqliteStore,
  participantId: string,
  kind: string,
  occurrence: string,
): string | null {
  const row = store.db
    .prepare('SELECT result FROM jobs WHERE participant_id = ? AND kind = ? AND occurrence = ?')
    .get(participantId, kind, occurrence) as { result: string | null } | undefined;
  return row ? row.result : null;
}

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const DEFAULT_QUIET = { start: '19:00', end: '08:00' };

describe('nudges across daylight saving changes', () => {
  const spans = [
    {
      name: 'spring',
      start: '2026-03-01T00:00:00Z',
      startDate: '2026-03-02',
      until: '2026-04-12T00:00:00Z',
      lastDate: '2026-04-11',
      fiveHourDates: ['2026-03-10', '2026-03-12', '2026-03-17', '2026-03-19', '2026-03-24', '2026-03-26'],
    },
    {
      name: 'autumn',
      start: '2026-10-04T00:00:00Z',
      startDate: '2026-10-05',
      until: '2026-11-15T00:00:00Z',
      lastDate: '2026-11-14',
      fiveHourDates: ['2026-10-27', '2026-10-29'],
    },
  ];

  for (const span of spans) {
    it(`sends exactly one nudge per Tuesday and Thursday at 09:30 local in New York and Berlin (${span.name})`, async () => {
      const w = world(span.start);
      const program = { checkpointDays: [60, 90] };
      const newYorker = await setupPerson(w.store, w.clock, {
        program,
        userId: 'U_NY',
        startDate: span.startDate,
      });
      const berliner = await setupPerson(w.store, w.clock, {
        program,
        userId: 'U_BER',
        timezone: BERLIN,
        startDate: span.startDate,
      });
      await runTicks(w.store, w.clock, w.dispatcher, new Date(span.until).getTime());

      expect(w.sender.duplicates()).toEqual([]);
      for (const person of [newYorker, berliner]) {
        const nudges = ofKind(mine(w.sender, person), 'nudge');
        const expected = datesOn([2, 4], span.startDate, span.lastDate);
        expect(expected).toHaveLength(12);
        expect(nudges.map((m) => localStamp(m.at, person.zone))).toEqual(expected.map((d) => `${d} 09:30`));
        expect(nudges.map((m) => m.key)).toEqual(expected.map((d) => `nudge:${person.participant.id}:${d}`));
        // The run crosses the change: two different UTC offsets among the nudges.
        const offsets = new Set(nudges.map((m) => DateTime.fromMillis(m.at, { zone: person.zone }).offset));
        expect(offsets.size).toBe(2);
        expectPolite(mine(w.sender, person), person.zone, WEEKDAYS, DEFAULT_QUIET);
      }
      // Same local time, different instants: six hours apart, five in the weeks when only America has switched.
      const byDate = (p: Person) =>
        new Map(ofKind(mine(w.sender, p), 'nudge').map((m) => [localStamp(m.at, p.zone).slice(0, 10), m.at]));
      const ny = byDate(newYorker);
      const gaps = [...byDate(berliner)].map(
        ([date, instant]) => `${date} ${(ny.get(date)! - instant) / HOUR}h`,
      );
      expect(gaps).toEqual(
        datesOn([2, 4], span.startDate, span.lastDate).map(
          (d) => `${d} ${span.fiveHourDates.includes(d) ? 5 : 6}h`,
        ),
      );
    });
  }
});

describe('working days, quiet hours and the weekly budget', () => {
  it('keeps to the program’s working days and quiet hours', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, {
      program: {
        workingDays: ['mon', 'wed', 'fri'],
        nudges: { weekdays: ['mon', 'tue', 'fri'], time: '07:30' },
        quietHours: { start: '18:00', end: '08:00' },
        checkpointDays: [30],
        checkpointTime: '18:30',
      },
      startDate: '2026-03-02',
    });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-04-12T00:00', NY));
    const messages = mine(w.sender, person);
    expectPolite(messages, NY, [1, 3, 5], { start: '18:00', end: '08:00' });
    // Tuesdays are not working days; 07:30 is still quiet, so nudges come at 08:00 the same day.
    expect(ofKind(messages, 'nudge').map((m) => localStamp(m.at, NY))).toEqual(
      datesOn([1, 5], '2026-03-02', '2026-04-11').map((d) => `${d} 08:00`),
    );
    // Day 30 (Wed 1 April) at 18:30 is quiet; Thursday is no working day: Friday morning. The reminder 48 hours
    // later would fall on Sunday and waits for Monday morning.
    expect(
      stamps(
        messages.filter((m) => m.kind !== 'nudge'),
        NY,
      ),
    ).toEqual(['checkpoint 2026-04-03 08:00', 'checkpoint_reminder 2026-04-06 08:00']);
    const survey = await w.store.surveys.get(surveyIdFor(person.experiment.id, 30));
    expect(survey).toMatchObject({ status: 'missed', remindedAt: at('2026-04-06T08:00', NY) });
  });

  it('caps every local week at the budget and sends the checkpoint before the nudge it displaces', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, {
      program: { nudges: { weekdays: ['mon', 'wed', 'fri'] }, weeklyBudget: 3 },
      startDate: '2026-03-02',
    });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-05-11T00:00', NY));
    const messages = mine(w.sender, person);
    const weeks = perWeek(messages, NY);
    for (const [week, sent] of weeks)
      expect({ week, count: sent.length }).toEqual({ week, count: Math.min(3, sent.length) });
    // Weeks without checkpoint work have all three nudges.
    expect(stamps(weeks.get('2026-W11')!, NY)).toEqual([
      'nudge 2026-03-09 09:30',
      'nudge 2026-03-11 09:30',
      'nudge 2026-03-13 09:30',
    ]);
    // Day 30 is Wednesday 1 April: Monday and Wednesday nudges, the survey, and the Friday nudge is dropped.
    expect(stamps(weeks.get('2026-W14')!, NY)).toEqual([
      'nudge 2026-03-30 09:30',
      'nudge 2026-04-01 09:30',
      'checkpoint 2026-04-01 10:00',
    ]);
    expect(jobResult(w.store, person.participant.id, 'nudge', '2026-04-03')).toBe(
      'skipped: weekly message budget reached',
    );
    // Day 60 is Friday 1 May, at 10:00: the Friday nudge at 09:30 already leaves room for it.
    expect(stamps(weeks.get('2026-W18')!, NY)).toEqual([
      'nudge 2026-04-27 09:30',
      'nudge 2026-04-29 09:30',
      'checkpoint 2026-05-01 10:00',
    ]);
    expect(jobResult(w.store, person.participant.id, 'nudge', '2026-05-01')).toBe(
      'skipped: weekly message budget reached',
    );
    // Its reminder moves to Monday, and counts against that week.
    expect(stamps(weeks.get('2026-W19')!, NY)).toEqual([
      'checkpoint_reminder 2026-05-04 08:00',
      'nudge 2026-05-04 09:30',
      'nudge 2026-05-06 09:30',
    ]);
    expect(w.sender.duplicates()).toEqual([]);
  });
});

describe('checkpoint surveys', () => {
  it('reminds once after 48 hours, then marks an unanswered survey missed', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, { startDate: '2026-03-02' });
    const surveyId = surveyIdFor(person.experiment.id, 30);
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-04-01T12:00', NY));
    expect(await w.store.surveys.get(surveyId)).toMatchObject({
      status: 'open',
      sentAt: at('2026-04-01T10:00', NY),
    });

    await runTicks(w.store, w.clock, w.dispatcher, at('2026-04-05T09:00', NY));
    expect(await w.store.surveys.get(surveyId)).toMatchObject({
      status: 'reminded',
      remindedAt: at('2026-04-03T10:00', NY),
    });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-04-07T00:00', NY));
    expect((await w.store.surveys.get(surveyId))?.status).toBe('missed');

    const week = perWeek(mine(w.sender, person), NY).get('2026-W14')!;
    // The reminder's slot is held for it, so Thursday's nudge makes way.
    expect(stamps(week, NY)).toEqual([
      'nudge 2026-03-31 09:30',
      'checkpoint 2026-04-01 10:00',
      'checkpoint_reminder 2026-04-03 10:00',
    ]);
    expect(week.map((m) => m.key)).toEqual([
      `nudge:${person.participant.id}:2026-03-31`,
      `checkpoint:${person.participant.id}:${person.experiment.id}/day-30`,
      `checkpoint_reminder:${person.participant.id}:${person.experiment.id}/day-30/r1`,
    ]);
  });

  it('sends no reminder once the survey is answered, and the freed budget goes back to nudges', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, { startDate: '2026-03-02' });
    const surveyId = surveyIdFor(person.experiment.id, 30);
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-04-01T12:00', NY));
    await w.store.surveys.answerPractice(surveyId, 4, w.clock.now());
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-04-07T00:00', NY));

    const messages = mine(w.sender, person);
    expect(ofKind(messages, 'checkpoint_reminder')).toEqual([]);
    expect(await w.store.surveys.get(surveyId)).toMatchObject({
      status: 'answered',
      practice: 4,
      remindedAt: null,
    });
    expect(stamps(perWeek(messages, NY).get('2026-W14')!, NY)).toEqual([
      'nudge 2026-03-31 09:30',
      'checkpoint 2026-04-01 10:00',
      'nudge 2026-04-02 09:30',
    ]);
  });

  it('still sends the day-90 survey when the window closes on the Monday it moves to', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, { startDate: '2026-03-02' });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-06-10T00:00', NY));
    const messages = mine(w.sender, person);
    expect((await w.store.experiments.get(person.experiment.id))?.status).toBe('completed');
    // Day 90 is Sunday 31 May; the experiment ends at the start of Monday 1 June.
    expect(
      stamps(
        messages.filter((m) => m.kind !== 'nudge' && m.at >= at('2026-05-25T00:00', NY)),
        NY,
      ),
    ).toEqual(['checkpoint 2026-06-01 08:00', 'checkpoint_reminder 2026-06-03 08:00']);
    expect((await w.store.surveys.get(surveyIdFor(person.experiment.id, 90)))?.status).toBe('missed');
    const nudges = ofKind(messages, 'nudge');
    expect(localStamp(nudges.at(-1)!.at, NY)).toBe('2026-05-28 09:30');
    expect(
      (await w.store.surveys.forExperiment(person.experiment.id)).map(
        (s) => `${s.checkpointDay} ${s.status}`,
      ),
    ).toEqual(['30 missed', '60 missed', '90 missed']);
    for (const [week, sent] of perWeek(messages, NY))
      expect({ week, count: sent.length }).toEqual({ week, count: Math.min(3, sent.length) });
  });
});

describe('catching up after downtime', () => {
  it('sends a nudge two hours late, and expires one six hours late without sending it', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, { startDate: '2026-03-02' });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-03T09:00', NY));
    w.clock.set(at('2026-03-03T11:30', NY));
    await tick(w);
    expect(stamps(mine(w.sender, person), NY)).toEqual(['nudge 2026-03-03 11:30']);

    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-05T09:00', NY));
    w.clock.set(at('2026-03-05T15:30', NY));
    const stats = await tick(w);
    expect(stats).toMatchObject({ expired: 1, queued: 0 });
    const key = `nudge:${person.participant.id}:2026-03-05`;
    expect(await w.store.outbox.byKey(key)).toMatchObject({
      status: 'expired',
      reason: 'missed its slot by more than the catch-up grace window',
    });
    expect((await w.store.jobs.nextFor(person.participant.id))?.occurrence).toBe('2026-03-10');

    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-11T00:00', NY));
    expect(stamps(mine(w.sender, person), NY)).toEqual(['nudge 2026-03-03 11:30', 'nudge 2026-03-10 09:30']);
    expect(w.sender.keys()).not.toContain(key);
  });

  it('never catches up into quiet hours', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, {
      program: { nudges: { time: '17:30' } },
      startDate: '2026-03-02',
    });
    const id = person.participant.id;

    // The scheduler is down from 17:00 to 19:30: the nudge would land in quiet hours, and tomorrow is too late.
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-03T17:00', NY));
    w.clock.set(at('2026-03-03T19:30', NY));
    await tick(w);
    expect(await w.store.outbox.byKey(`nudge:${id}:2026-03-03`)).toMatchObject({
      status: 'expired',
      reason: 'the next allowed time falls outside the catch-up grace window',
    });

    // The pass queued Thursday's nudge on time but the sender was down until 19:30.
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-05T17:15', NY));
    w.clock.set(at('2026-03-05T17:30', NY));
    await runSchedulerPass(w.store, w.clock);
    expect((await w.store.outbox.byKey(`nudge:${id}:2026-03-05`))?.status).toBe('pending');
    w.clock.set(at('2026-03-05T19:30', NY));
    await w.dispatcher.drain();
    expect(await w.store.outbox.byKey(`nudge:${id}:2026-03-05`)).toMatchObject({
      status: 'expired',
      reason: 'quiet hours last beyond the catch-up grace window',
    });

    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-11T00:00', NY));
    expect(stamps(mine(w.sender, person), NY)).toEqual(['nudge 2026-03-10 17:30']);
  });

  it('holds a late message until quiet hours end when the grace window allows it', async () => {
    const w = world('2026-03-01T00:00:00Z');
    const person = await setupPerson(w.store, w.clock, {
      program: { nudges: { time: '17:30' }, catchUpGraceHours: 16 },
      startDate: '2026-03-02',
    });
    // Down over Tuesday's slot: the pass waits for the morning.
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-03T17:00', NY));
    w.clock.set(at('2026-03-03T19:30', NY));
    expect(await tick(w)).toMatchObject({ rescheduled: 1 });
    // Queued on time on Thursday, the sender down until 19:30: the dispatcher waits for the morning.
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-05T17:15', NY));
    w.clock.set(at('2026-03-05T17:30', NY));
    await runSchedulerPass(w.store, w.clock);
    w.clock.set(at('2026-03-05T19:30', NY));
    await w.dispatcher.drain();
    expect((await w.store.outbox.byKey(`nudge:${person.participant.id}:2026-03-05`))?.nextAttemptAt).toBe(
      at('2026-03-06T08:00', NY),
    );

    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-07T00:00', NY));
    expect(stamps(mine(w.sender, person), NY)).toEqual(['nudge 2026-03-04 08:00', 'nudge 2026-03-06 08:00']);
    expect(mine(w.sender, person).map((m) => m.key)).toEqual([
      `nudge:${person.participant.id}:2026-03-03`,
      `nudge:${person.participant.id}:2026-03-05`,
    ]);
  });
});

/** A channel whose first look-ups for earlier deliveries fail. */
class FlakyLookup extends MemorySender {
  lookupFailures = 1;
  override async findDelivered(delivery: Delivery) {
    if (this.lookupFailures-- > 0) throw new Error('lookup timed out');
    return super.findDelivered(delivery);
  }
}

describe('crashes', () => {
  it('sends rows written before a crash exactly once after a restart', async () => {
    const path = newFile();
    const clock = new ManualClock(at('2026-03-03T09:15', NY));
    const before = openSqliteStore({ path });
    const a = await setupPerson(before, clock, { userId: 'U1', startDate: '2026-03-02' });
    const b = await setupPerson(before, clock, {
      userId: 'U2',
      timezone: 'America/Chicago',
      startDate: '2026-03-02',
    });
    clock.set(at('2026-03-03T10:30', NY)); // 09:30 in Chicago, one hour after New York's slot
    expect(await runSchedulerPass(before, clock)).toMatchObject({ queued: 2 });
    expect((await before.outbox.list()).map((r) => r.status)).toEqual(['pending', 'pending']);
    await before.close(); // the process dies before the dispatcher runs

    const after = openSqliteStore({ path });
    cleanups.push(() => after.close());
    const sender = new MemorySender('slack', () => clock.now());
    const dispatcher = new Dispatcher({ store: after, clock, senders: [sender], timer: new FakeTimer() });
    expect(await runSchedulerPass(after, clock)).toMatchObject({ queued: 0, examined: 0 });
    expect(await dispatcher.drain()).toMatchObject({ sent: 2 });
    expect(await dispatcher.drain()).toMatchObject({ sent: 0 });
    expect(sender.keys().sort()).toEqual(
      [`nudge:${a.participant.id}:2026-03-03`, `nudge:${b.participant.id}:2026-03-03`].sort(),
    );
    expect(await after.outbox.counts()).toMatchObject({ sent: 2, pending: 0, sending: 0 });
  });

  /** A dispatcher claimed the row and (when `started`) began sending it, then died. */
  async function claimedAndAbandoned(w: World, started = true) {
    const person = await setupPerson(w.store, w.clock, { startDate: '2026-03-02' });
    w.clock.set(at('2026-03-03T09:30', NY));
    await runSchedulerPass(w.store, w.clock);
    const [row] = await w.store.outbox.claim(w.clock.now(), 10, 'dead-token');
    expect(row?.status).toBe('sending');
    if (started) expect(await w.store.outbox.beginSend(row!.id, 'dead-token', w.clock.now())).toBe(true);
    return { person, row: row! };
  }

  it('recovers a row a crashed dispatcher left in sending, and sends it once', async () => {
    const w = world(at('2026-03-02T12:00', NY), { dispatcher: { leaseMs: MINUTE } });
    const { row } = await claimedAndAbandoned(w, false);
    // Still inside the lease: the row may be in flight elsewhere, so it is left alone.
    expect(await w.dispatcher.drain()).toMatchObject({ recovered: 0, sent: 0 });
    w.clock.advance(2 * MINUTE);
    expect(await w.dispatcher.drain()).toMatchObject({ recovered: 1, sent: 1 });
    expect(await w.dispatcher.drain()).toMatchObject({ recovered: 0, sent: 0 });
    expect(w.sender.keys()).toEqual([row.key]);
    // Attempts count sends, not claims: the crashed claim never sent.
    expect(await w.store.outbox.byKey(row.key)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('settles a crashed send that did land without sending it again', async () => {
    const w = world(at('2026-03-02T12:00', NY), { dispatcher: { leaseMs: MINUTE } });
    const { row, person } = await claimedAndAbandoned(w);
    const delivery: Delivery = {
      key: row.key,
      kind: row.kind,
      message: row.message,
      recipient: {
        participantId: person.participant.id,
        platform: 'slack',
        workspaceId: 'T1',
        userId: 'U1',
        address: null,
      },
    };
    await w.sender.send(delivery); // the crashed process got this far
    w.clock.advance(2 * MINUTE);
    expect(await w.dispatcher.drain()).toMatchObject({ recovered: 1, sent: 1 });
    expect(w.sender.attempts).toHaveLength(1);
    expect(w.sender.keys()).toEqual([row.key]);
    expect(await w.store.outbox.byKey(row.key)).toMatchObject({
      status: 'sent',
      providerRef: `mem-${row.key}`,
    });
  });

  it('marks a recovered row failed rather than risk a double send when the channel cannot look', async () => {
    const clock = new ManualClock(at('2026-03-02T12:00', NY));
    const store = openSqliteStore({ path: ':memory:' });
    cleanups.push(() => store.close());
    const inner = new MemorySender('slack', () => clock.now());
    const blind: ChannelSender = { platform: 'slack', limits: inner.limits, send: (d) => inner.send(d) };
    const w: World = {
      clock,
      store,
      sender: inner,
      timer: new FakeTimer(),
      dispatcher: new Dispatcher({ store, clock, senders: [blind], leaseMs: MINUTE }),
    };
    const { row } = await claimedAndAbandoned(w);
    clock.advance(2 * MINUTE);
    expect(await w.dispatcher.drain()).toMatchObject({ recovered: 1, failed: 1, sent: 0 });
    expect(inner.attempts).toEqual([]);
    expect((await store.outbox.byKey(row.key))?.reason).toMatch(/not sent again/);
  });

  it('looks before retrying a send whose reply was lost, so it arrives once', async () => {
    const w = world('2026-03-01T00:00:00Z', { dispatcher: { backoffMs: () => MINUTE } });
    const person = await setupPerson(w.store, w.clock, { startDate: '2026-03-02' });
    w.sender.failNext({ failure: { kind: 'transient' }, outcomeUnknown: true, deliverAnyway: true });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-03T09:30', NY));
    const key = `nudge:${person.participant.id}:2026-03-03`;
    expect(await w.store.outbox.byKey(key)).toMatchObject({
      status: 'pending',
      reason: 'unknown outcome: scripted failure',
    });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-03T10:00', NY));
    // One send: the second time the earlier attempt was found on the platform instead of sending again.
    expect(await w.store.outbox.byKey(key)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(w.sender.attempts).toHaveLength(1);
    expect(w.sender.keys()).toEqual([key]);
  });

  it('still looks after waiting out quiet hours between the lost reply and the retry', async () => {
    const w = world('2026-03-01T00:00:00Z', { dispatcher: { backoffMs: () => HOUR } });
    const person = await setupPerson(w.store, w.clock, {
      program: { nudges: { time: '18:30' }, catchUpGraceHours: 16 },
      startDate: '2026-03-02',
    });
    w.sender.failNext({ failure: { kind: 'transient' }, outcomeUnknown: true, deliverAnyway: true });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-04T12:00', NY));
    const key = `nudge:${person.participant.id}:2026-03-03`;
    expect(await w.store.outbox.byKey(key)).toMatchObject({ status: 'sent' });
    expect(w.sender.duplicates()).toEqual([]);
    expect(w.sender.attempts).toHaveLength(1);
  });

  it('keeps draining when recovery cannot look on the platform, and settles the row later', async () => {
    const { clock, store, sender, dispatcher } = worldWith(
      at('2026-03-03T09:00', NY),
      (clock) => new FlakyLookup('slack', () => clock.now()),
      { leaseMs: MINUTE, backoffMs: () => MINUTE },
    );
    const a = await setupPerson(store, clock, { userId: 'U1', startDate: '2026-03-02' });
    clock.set(at('2026-03-03T09:30', NY));
    await runSchedulerPass(store, clock);
    // The crashed process took this one and had started sending it.
    for (const row of await store.outbox.claim(clock.now(), 10, 'dead-token')) {
      await store.outbox.beginSend(row.id, 'dead-token', clock.now());
    }
    const b = await setupPerson(store, clock, {
      userId: 'U2',
      timezone: 'America/Chicago',
      startDate: '2026-03-02',
    });
    clock.set(at('2026-03-03T10:30', NY));
    await runSchedulerPass(store, clock);

    expect(await dispatcher.drain()).toMatchObject({ recovered: 1, sent: 1, retried: 1 });
    const keyA = `nudge:${a.participant.id}:2026-03-03`;
    const keyB = `nudge:${b.participant.id}:2026-03-03`;
    expect(sender.keys()).toEqual([keyB]);
    expect(await store.outbox.byKey(keyA)).toMatchObject({
      status: 'pending',
      reason: 'unknown outcome: could not check an earlier attempt: lookup timed out',
    });
    clock.advance(MINUTE);
    expect(await dispatcher.drain()).toMatchObject({ sent: 1 });
    expect(sender.keys()).toEqual([keyB, keyA]);
    expect(sender.lookupFailures).toBe(-1);
  });

  it('still looks when the first look itself failed', async () => {
    const { clock, store, sender, dispatcher } = worldWith(
      '2026-03-01T00:00:00Z',
      (clock) => new FlakyLookup('slack', () => clock.now()),
      { backoffMs: () => MINUTE },
    );
    const person = await setupPerson(store, clock, { startDate: '2026-03-02' });
    sender.failNext({ failure: { kind: 'transient' }, outcomeUnknown: true, deliverAnyway: true });
    await runTicks(store, clock, dispatcher, at('2026-03-03T11:00', NY));
    expect(sender.lookupFailures).toBe(-1);
    expect(sender.duplicates()).toEqual([]);
    expect(sender.attempts).toHaveLength(1);
    expect(await store.outbox.byKey(`nudge:${person.participant.id}:2026-03-03`)).toMatchObject({
      status: 'sent',
    });
  });

  it('does not retry a send of unknown outcome on a channel that cannot look', async () => {
    const clock = new ManualClock('2026-03-01T00:00:00Z');
    const store = openSqliteStore({ path: ':memory:' });
    cleanups.push(() => store.close());
    const inner = new MemorySender('slack', () => clock.now());
    const blind: ChannelSender = { platform: 'slack', limits: inner.limits, send: (d) => inner.send(d) };
    const dispatcher = new Dispatcher({
      store,
      clock,
      senders: [blind],
      timer: new FakeTimer(),
      backoffMs: () => MINUTE,
    });
    const person = await setupPerson(store, clock, { startDate: '2026-03-02' });
    inner.failNext({ failure: { kind: 'transient' }, outcomeUnknown: true, deliverAnyway: true });
    await runTicks(store, clock, dispatcher, at('2026-03-03T12:00', NY));
    expect(inner.attempts).toHaveLength(1);
    expect(inner.duplicates()).toEqual([]);
    expect(await store.outbox.byKey(`nudge:${person.participant.id}:2026-03-03`)).toMatchObject({
      status: 'failed',
    });
  });
});

describe('recovery beside the claims', () => {
  /** A channel whose look-ups hang until the test opens the gate. */
  class GatedLookup extends MemorySender {
    readonly lookups: string[] = [];
    #open = false;
    readonly #waiting: (() => void)[] = [];
    override async findDelivered(delivery: Delivery) {
      this.lookups.push(delivery.key);
      if (!this.#open) await new Promise<void>((resolve) => this.#waiting.push(resolve));
      return super.findDelivered(delivery);
    }
    open(): void {
      this.#open = true;
      for (const wake of this.#waiting.splice(0)) wake();
    }
  }

  const turns = async (n = 200) => {
    for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };

  /** Two people due at 09:30 New York time; the first one's send was interrupted by a process that died. */
  async function interruptedAndDue() {
    const { clock, store, sender, dispatcher } = worldWith(
      at('2026-03-03T09:00', NY),
      (clock) => new GatedLookup('slack', () => clock.now()),
      { leaseMs: MINUTE },
    );
    const a = await setupPerson(store, clock, { userId: 'U1', startDate: '2026-03-02' });
    const b = await setupPerson(store, clock, { userId: 'U2', startDate: '2026-03-02' });
    clock.set(at('2026-03-03T09:30', NY));
    expect(await runSchedulerPass(store, clock)).toMatchObject({ queued: 2 });
    const [first] = await store.outbox.claim(clock.now(), 1, 'dead-token');
    expect(first?.participantId).toBe(a.participant.id);
    await store.outbox.beginSend(first!.id, 'dead-token', clock.now());
    clock.advance(2 * MINUTE);
    return {
      clock,
      store,
      sender,
      dispatcher,
      keyA: `nudge:${a.participant.id}:2026-03-03`,
      keyB: `nudge:${b.participant.id}:2026-03-03`,
      a,
    };
  }

  it("sends the workspace's other rows while an interrupted send is being looked up", async () => {
    const { store, sender, dispatcher, keyA, keyB } = await interruptedAndDue();
    const draining = dispatcher.drain();
    await turns();
    // The look-up of the interrupted send hangs, and the other person's nudge has gone out regardless.
    expect(sender.lookups).toEqual([keyA]);
    expect(sender.keys()).toEqual([keyB]);
    expect((await store.outbox.byKey(keyA))?.status).toBe('sending');
    sender.open();
    expect(await draining).toMatchObject({ recovered: 1, sent: 2 });
    expect(sender.keys()).toEqual([keyB, keyA]);
    expect(sender.duplicates()).toEqual([]);
    expect(await store.outbox.counts()).toMatchObject({ sent: 2, sending: 0, pending: 0 });
  });

  it("keeps a person's later message behind their interrupted one until it is settled", async () => {
    const { clock, store, sender, dispatcher, keyA, a } = await interruptedAndDue();
    const later = `notice:${a.participant.id}:later`;
    await store.outbox.enqueue(
      {
        key: later,
        participantId: a.participant.id,
        kind: 'notice',
        budgeted: false,
        budgetWeek: '2026-W10',
        message: { text: 'after the nudge', blocks: [] },
        dueAt: clock.now(),
        expiresAt: clock.now() + HOUR,
      },
      clock.now(),
    );
    const draining = dispatcher.drain();
    await turns();
    expect(sender.keys()).not.toContain(later);
    expect(sender.keys()).not.toContain(keyA);
    sender.open();
    await draining;
    const mineInOrder = sender.keys().filter((key) => key === keyA || key === later);
    expect(mineInOrder).toEqual([keyA, later]);
  });

  it('hands a claimed row back at once when its delivery fails before it was sent', async () => {
    const clock = new ManualClock(at('2026-03-03T09:00', NY));
    const store = openSqliteStore({ path: ':memory:' });
    cleanups.push(() => store.close());
    const person = await setupPerson(store, clock, { startDate: '2026-03-02' });
    clock.set(at('2026-03-03T09:30', NY));
    await runSchedulerPass(store, clock);
    // The store fails once while the nudge's program is read (a dropped connection, a timeout).
    let failures = 1;
    const flaky: Store = Object.create(store);
    flaky.programs = Object.create(store.programs);
    flaky.programs.get = async (id) => {
      if (failures-- > 0) throw new Error('connection terminated');
      return store.programs.get(id);
    };
    const sender = new MemorySender('slack', () => clock.now());
    const dispatcher = new Dispatcher({ store: flaky, clock, senders: [sender], timer: new FakeTimer() });
    await expect(dispatcher.drain()).rejects.toThrow('connection terminated');
    const key = `nudge:${person.participant.id}:2026-03-03`;
    // Not left `sending` under a claim that only the two-minute claim lease would free.
    expect(await store.outbox.byKey(key)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await dispatcher.drain()).toMatchObject({ sent: 1 });
    expect(sender.keys()).toEqual([key]);
  });
});

describe('a dispatcher that stalls past its lease', () => {
  /** A pacing timer whose waits hang until the test opens the gate; after that they pass at once. */
  class GateTimer extends FakeTimer {
    readonly waiting: (() => void)[] = [];
    #open = false;
    override sleep(ms: number): Promise<void> {
      if (this.#open) return super.sleep(ms);
      return new Promise((resolve) => this.waiting.push(() => super.sleep(ms).then(resolve)));
    }
    open(): void {
      this.#open = true;
      for (const wake of this.waiting.splice(0)) wake();
    }
  }

  it('does not send a row that recovery has handed to another dispatcher meanwhile', async () => {
    const clock = new ManualClock(at('2026-03-03T09:00', NY));
    const store = openSqliteStore({ path: ':memory:' });
    cleanups.push(() => store.close());
    const sender = new MemorySender('slack', () => clock.now());
    const gate = new GateTimer();
    const slow = new Dispatcher({
      store,
      clock,
      senders: [sender],
      timer: gate,
      backoffMs: () => MINUTE,
      leaseMs: 2 * MINUTE,
    });
    const other = new Dispatcher({
      store,
      clock,
      senders: [sender],
      timer: new FakeTimer(),
      leaseMs: 2 * MINUTE,
    });
    const person = await setupPerson(store, clock, { startDate: '2026-03-02' });
    const key = `nudge:${person.participant.id}:2026-03-03`;
    clock.set(at('2026-03-03T09:30', NY));
    await runSchedulerPass(store, clock);

    // A 429 holds the workspace back on the slow dispatcher; its retry claims the row and waits there.
    sender.failNext({ failure: { kind: 'rate_limited', retryAfterMs: MINUTE } });
    await slow.drain();
    clock.advance(MINUTE);
    const stalled = slow.drain();
    while (gate.waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect((await store.outbox.byKey(key))?.status).toBe('sending');

    // Past the lease, the other dispatcher recovers the row, finds it was never delivered, and sends it.
    clock.advance(3 * MINUTE);
    expect(await other.drain()).toMatchObject({ recovered: 1, sent: 1 });
    gate.open();
    await stalled;
    expect(sender.keys()).toEqual([key]);
    expect(sender.attempts).toHaveLength(2);
    expect((await store.outbox.byKey(key))?.status).toBe('sent');
  });
});

describe('concurrent schedulers', () => {
  it('never sends a key twice and loses nothing with two processes on one database', async () => {
    const path = newFile();
    const clock = new ManualClock('2026-03-01T00:00:00Z');
    const storeA = openSqliteStore({ path });
    const storeB = openSqliteStore({ path });
    cleanups.push(
      () => storeA.close(),
      () => storeB.close(),
    );
    const sender = new MemorySender(
      'slack',
      () => clock.now(),
      () => Math.random() * 2,
    );
    const people: Person[] = [];
    for (const [i, zone] of [NY, NY, BERLIN, BERLIN, 'America/Chicago', 'Asia/Tokyo'].entries()) {
      people.push(
        await setupPerson(storeA, clock, { userId: `U${i}`, timezone: zone, startDate: '2026-03-02' }),
      );
    }
    const dispatchers = [storeA, storeB].map(
      (store) => new Dispatcher({ store, clock, senders: [sender], timer: new FakeTimer(), concurrency: 3 }),
    );
    let lost = 0;
    const until = at('2026-03-15T00:00', 'Asia/Tokyo');
    while (clock.now() < until) {
      clock.advance(15 * MINUTE);
      const [a, b] = await Promise.all([
        runSchedulerPass(storeA, clock),
        runSchedulerPass(storeB, clock),
        dispatchers[0]!.drain(),
        dispatchers[1]!.drain(),
      ]);
      lost += a.lost + b.lost;
      await Promise.all(dispatchers.map((d) => d.drain()));
    }
    expect(sender.duplicates()).toEqual([]);
    // Both passes really competed for the same jobs.
    expect(lost).toBeGreaterThan(0);
    const expected = people.flatMap((p) =>
      datesOn([2, 4], '2026-03-02', '2026-03-14').map((d) => `nudge:${p.participant.id}:${d}`),
    );
    expect(sender.keys().sort()).toEqual(expected.sort());
    expect(await storeB.outbox.counts()).toEqual({
      pending: 0,
      sending: 0,
      sent: 24,
      failed: 0,
      expired: 0,
      cancelled: 0,
    });
    for (const p of people) {
      for (const m of mine(sender, p)) expect(localStamp(m.at, p.zone).slice(11)).toBe('09:30');
    }
  });
});

describe('retries', () => {
  async function firstNudge(options: Partial<DispatcherOptions>) {
    const w = world(at('2026-03-03T09:00', NY), { dispatcher: options });
    const person = await setupPerson(w.store, w.clock, { startDate: '2026-03-02' });
    const key = `nudge:${person.participant.id}:2026-03-03`;
    w.clock.set(at('2026-03-03T09:30', NY));
    return { w, person, key, row: () => w.store.outbox.byKey(key) };
  }

  it('waits for Retry-After before trying a rate-limited send again', async () => {
    const { w, key, row } = await firstNudge({ backoffMs: () => MINUTE });
    w.sender.failNext({ failure: { kind: 'rate_limited', retryAfterMs: 10 * MINUTE } });
    await tick(w);
    expect(await row()).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: w.clock.now() + 10 * MINUTE,
    });
    expect((await row())?.reason).toMatch(/^rate_limited/);
    w.clock.advance(9 * MINUTE);
    await tick(w);
    expect(w.sender.attempts).toHaveLength(1);
    w.clock.advance(MINUTE);
    await tick(w);
    expect(w.sender.keys()).toEqual([key]);
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2 });
    // The whole workspace was held back for the Retry-After time, on the dispatcher's pacing timer.
    expect(w.timer.sleeps[0]).toBe(10 * MINUTE);
  });

  it('backs off after transient failures', async () => {
    const { w, key, row } = await firstNudge({ backoffMs: (attempt) => attempt * 5 * MINUTE });
    w.sender.failNext({ failure: { kind: 'transient' } }, { failure: { kind: 'transient' } });
    const t0 = w.clock.now();
    await tick(w);
    expect(await row()).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: t0 + 5 * MINUTE,
      reason: 'transient: scripted failure',
    });
    w.clock.set(t0 + 4 * MINUTE);
    await tick(w);
    expect(w.sender.attempts).toHaveLength(1);
    w.clock.set(t0 + 5 * MINUTE);
    await tick(w);
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: t0 + 15 * MINUTE });
    w.clock.set(t0 + 15 * MINUTE);
    await tick(w);
    expect(await row()).toMatchObject({ status: 'sent', attempts: 3, reason: null });
    expect(w.sender.keys()).toEqual([key]);
  });

  it('gives up after the maximum number of attempts', async () => {
    const { w, row } = await firstNudge({ backoffMs: () => MINUTE, maxAttempts: 2 });
    w.sender.failNext(...Array.from({ length: 5 }, () => ({ failure: { kind: 'transient' as const } })));
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-03T10:30', NY), MINUTE);
    expect(await row()).toMatchObject({
      status: 'failed',
      attempts: 2,
      reason: 'transient: scripted failure (after 2 attempts)',
    });
    expect(w.sender.attempts).toHaveLength(2);
  });

  it('marks a permanent failure failed with its reason and never retries it', async () => {
    const { w, row } = await firstNudge({ backoffMs: () => MINUTE });
    w.sender.failNext({ failure: { kind: 'permanent' } });
    await tick(w);
    expect(await row()).toMatchObject({
      status: 'failed',
      attempts: 1,
      reason: 'permanent: scripted failure (after 1 attempts)',
    });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-03T12:00', NY));
    expect(w.sender.attempts).toHaveLength(1);
    expect(w.sender.delivered).toEqual([]);
  });

  it('marks the person unreachable and stops messaging them', async () => {
    const { w, person, row } = await firstNudge({ backoffMs: () => MINUTE });
    w.sender.failNext({ failure: { kind: 'unreachable' } });
    await tick(w);
    expect(await row()).toMatchObject({ status: 'failed', reason: 'unreachable: scripted failure' });
    expect((await w.store.participants.get(person.participant.id))?.reachable).toBe(false);
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-06T00:00', NY));
    expect(w.sender.attempts).toHaveLength(1);
    expect(jobResult(w.store, person.participant.id, 'nudge', '2026-03-05')).toBe(
      'skipped: person cannot be reached on their channel',
    );
  });
});

/**
 * The world's store with group reads and writes that take a while to come back, as on a server database, and a log
 * of when each starts and ends (`read 4` is a group of four jobs read).
 */
function slowStore(store: SqliteStore, events: string[]): Store {
  const later = <T>(value: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      setTimeout(() => value().then(resolve, reject), 5);
    });
  return {
    ...store,
    ping: () => store.ping(),
    pendingMigrations: () => store.pendingMigrations(),
    close: () => store.close(),
    fileSafetyWarnings: () => store.fileSafetyWarnings(),
    jobs: {
      ...store.jobs,
      contexts: async (jobs) => {
        events.push(`read ${jobs.length}`);
        return later(() => store.jobs.contexts(jobs));
      },
      applyMany: async (items, now) => {
        events.push(`write ${items.length}`);
        try {
          return await later(() => store.jobs.applyMany(items, now));
        } finally {
          events.push(`written ${items.length}`);
        }
      },
    },
  };
}

describe('the pass itself', () => {
  it('keeps going through full batches when a job in them is held by another pass', async () => {
    const w = world(at('2026-03-03T09:00', NY));
    const people: Person[] = [];
    for (let i = 0; i < 7; i += 1)
      people.push(await setupPerson(w.store, w.clock, { userId: `U${i}`, startDate: '2026-03-02' }));
    const held = (await w.store.jobs.nextFor(people[0]!.participant.id))!.id;
    // Another pass has this job: applying it here always loses, and it stays due.
    const contested: Store = {
      ...w.store,
      ping: () => w.store.ping(),
      pendingMigrations: () => w.store.pendingMigrations(),
      close: () => w.store.close(),
      fileSafetyWarnings: () => w.store.fileSafetyWarnings(),
      jobs: {
        ...w.store.jobs,
        apply: async (job, ...rest) =>
          job.id === held ? { applied: false, outboxInserted: false } : w.store.jobs.apply(job, ...rest),
        applyMany: async (items, now) => {
          const results = await w.store.jobs.applyMany(
            items.filter((item) => item.job.id !== held),
            now,
          );
          return items.map((item) =>
            item.job.id === held ? { applied: false, outboxInserted: false } : results.shift()!,
          );
        },
      },
    };
    w.clock.set(at('2026-03-03T09:30', NY));
    const stats = await runSchedulerPass(contested, w.clock, 3);
    expect(stats).toMatchObject({ examined: 7, queued: 6, lost: 1 });
  });

  /**
   * Four people whose Wednesday 1 April holds the 09:30 nudge and the day-30 checkpoint at 10:00, due in the same
   * pass, with one message of the week's two left after Monday's nudge: the checkpoint goes first and takes it.
   */
  async function twoJobsForOneMessage(): Promise<{ w: World; person: Person }> {
    const w = world('2026-03-01T00:00:00Z');
    const weekdays: ('mon' | 'wed' | 'fri')[] = ['mon', 'wed', 'fri'];
    const program = { nudges: { weekdays }, weeklyBudget: 2 };
    const person = await setupPerson(w.store, w.clock, { program, startDate: '2026-03-02' });
    // Others in the same situation, whose jobs go in the same groups.
    for (let i = 0; i < 3; i += 1)
      await setupPerson(w.store, w.clock, { program, userId: `V${i}`, startDate: '2026-03-02' });
    await runTicks(w.store, w.clock, w.dispatcher, at('2026-03-31T00:00', NY));
    w.clock.set(at('2026-04-01T10:30', NY));
    return { w, person };
  }

  it("decides a person's second due job of a pass from what the first one wrote", async () => {
    const { w, person } = await twoJobsForOneMessage();
    const stats = await runSchedulerPass(w.store, w.clock);
    expect(stats).toMatchObject({ examined: 8, queued: 4, skipped: 4, lost: 0 });
    expect(jobResult(w.store, person.participant.id, 'checkpoint', `${person.experiment.id}/day-30`)).toMatch(
      /^sent as /,
    );
    expect(jobResult(w.store, person.participant.id, 'nudge', '2026-04-01')).toBe(
      'skipped: weekly message budget reached',
    );
  });

  it("waits for a person's first job to be written before it reads their next one, also when writes are slow", async () => {
    const { w, person } = await twoJobsForOneMessage();
    const events: string[] = [];
    const stats = await runSchedulerPass(slowStore(w.store, events), w.clock);
    // The checkpoints of all four, then their nudges: the second group's people are all in the first.
    expect(events).toEqual(['read 4', 'write 4', 'written 4', 'read 4', 'write 4', 'written 4']);
    expect(stats).toMatchObject({ examined: 8, queued: 4, skipped: 4, lost: 0 });
    expect(jobResult(w.store, person.participant.id, 'nudge', '2026-04-01')).toBe(
      'skipped: weekly message budget reached',
    );
  });

  /** 260 people with a nudge due: more than one group holds (250), so one batch of due jobs makes two groups. */
  async function twoGroupsDue(): Promise<World> {
    const w = world(at('2026-03-03T09:00', NY));
    for (let i = 0; i < 260; i += 1)
      await setupPerson(w.store, w.clock, { userId: `U${i}`, startDate: '2026-03-02' });
    w.clock.set(at('2026-03-03T09:30', NY));
    return w;
  }

  it('reads the next group of other people while the one before it is written', async () => {
    const w = await twoGroupsDue();
    const events: string[] = [];
    const stats = await runSchedulerPass(slowStore(w.store, events), w.clock);
    expect(events).toEqual(['read 250', 'write 250', 'read 10', 'written 250', 'write 10', 'written 10']);
    expect(stats).toMatchObject({ examined: 260, queued: 260, lost: 0 });
    expect((await w.store.outbox.counts()).pending).toBe(260);
  });

  it('fails the pass when a group write fails while the next group is read, and leaves no write under way', async () => {
    const w = await twoGroupsDue();
    const events: string[] = [];
    const slow = slowStore(w.store, events);
    const failing: Store = {
      ...slow,
      jobs: {
        ...slow.jobs,
        applyMany: async (items, now) => {
          if (items.length === 250) {
            events.push('write 250');
            await new Promise((resolve) => setTimeout(resolve, 5));
            throw new Error('database went away');
          }
          return slow.jobs.applyMany(items, now);
        },
      },
    };
    await expect(runSchedulerPass(failing, w.clock)).rejects.toThrow('database went away');
    // The second group was read beside the failed write, and never written.
    expect(events).toEqual(['read 250', 'write 250', 'read 10']);
    expect((await w.store.outbox.counts()).pending).toBe(0);
  });

  it('works through more due jobs than one batch holds', async () => {
    const w = world(at('2026-03-03T09:00', NY));
    const people: Person[] = [];
    for (let i = 0; i < 7; i += 1)
      people.push(await setupPerson(w.store, w.clock, { userId: `U${i}`, startDate: '2026-03-02' }));
    w.clock.set(at('2026-03-03T09:30', NY));
    const stats = await runSchedulerPass(w.store, w.clock, 3);
    expect(stats).toMatchObject({ examined: 7, queued: 7, lost: 0 });
    expect(DAY).toBe(24 * HOUR);
  });
});

describe("one person's messages", () => {
  it('arrive in the order they were queued, even when an earlier send takes longer than a later one', async () => {
    const clock = new ManualClock(at('2026-03-03T10:00', NY));
    const store = openSqliteStore({ path: ':memory:' });
    cleanups.push(() => store.close());
    // Each send takes less time than the one before it, so sends started together would finish in reverse.
    let wait = 40;
    const sender = new MemorySender(
      'slack',
      () => clock.now(),
      () => (wait = Math.max(0, wait - 10)),
    );
    const dispatcher = new Dispatcher({
      store,
      clock,
      senders: [sender],
      timer: new FakeTimer(),
      concurrency: 8,
    });
    const ada = await setupPerson(store, clock, { userId: 'UADA', startDate: '2026-03-02' });
    const ben = await setupPerson(store, clock, { userId: 'UBEN', startDate: '2026-03-02' });
    for (const [n, person] of [ada, ada, ben, ada, ada, ben].entries()) {
      await store.outbox.enqueue(
        {
          key: `order:${n}`,
          participantId: person.participant.id,
          kind: 'notice',
          budgeted: false,
          budgetWeek: '2026-W10',
          message: { text: `message ${n}`, blocks: [] },
          dueAt: clock.now(),
          expiresAt: clock.now() + DAY,
        },
        clock.now(),
      );
    }
    await dispatcher.drain();
    expect(mine(sender, ada).map((m) => m.text)).toEqual([
      'message 0',
      'message 1',
      'message 3',
      'message 4',
    ]);
    expect(mine(sender, ben).map((m) => m.text)).toEqual(['message 2', 'message 5']);
  });
});
