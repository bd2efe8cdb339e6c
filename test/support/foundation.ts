import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Timer } from '../../src/core/clock.js';
import { type ManualClock, MINUTE } from '../../src/core/clock.js';
import { type Experiment, type ExperimentInput, experimentEndDate } from '../../src/core/experiment.js';
import { availabilityOf, type Participant } from '../../src/core/participant.js';
import { type ProgramSettingsInput, parseProgramSettings } from '../../src/core/program.js';
import { planExperiment } from '../../src/core/schedule.js';
import type { Dispatcher } from '../../src/scheduler/dispatcher.js';
import { runSchedulerPass } from '../../src/scheduler/pass.js';
import type { ProgramRecord, Store } from '../../src/store/types.js';

/** A fresh directory for one test's database files; `cleanup` removes it. */
export function tempDir(): { dir: string; file: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-test-'));
  return {
    dir,
    file: (name = 'coachloop.db') => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The instant of a local wall-clock time, e.g. at('2026-03-10T09:30', 'America/New_York'). */
export function at(localIso: string, zone: string): number {
  const local = DateTime.fromISO(localIso, { zone });
  if (!local.isValid) throw new Error(`bad local time ${localIso}`);
  return local.toMillis();
}

export function local(instant: number, zone: string): DateTime {
  return DateTime.fromMillis(instant, { zone });
}

/** "2026-03-10 09:30" in the zone. */
export function localStamp(instant: number, zone: string): string {
  return local(instant, zone).toFormat('yyyy-LL-dd HH:mm');
}

export function experimentInput(startDate: string, lengthWeeks = 13): ExperimentInput {
  return {
    behavior: 'Ask before I tell in 1:1s',
    hypothesis: 'My team brings more of their own solutions',
    kpiName: 'Ideas raised by the team',
    kpiUnit: 'ideas',
    kpiBaseline: 2,
    kpiTarget: 5,
    kpiDirection: 'increase',
    startDate,
    lengthWeeks,
  };
}

export interface PersonSetup {
  program?: Partial<ProgramSettingsInput>;
  programName?: string;
  /** A per-person time zone override (null: the program's zone). */
  timezone?: string | null;
  userId?: string;
  experimentId?: string;
  startDate: string;
  lengthWeeks?: number;
  /** When the experiment is planned (default: the clock's now). */
  now?: number;
}

export interface Person {
  program: ProgramRecord;
  participant: Participant;
  experiment: Experiment;
  zone: string;
}

/** Program, participant with consent, and a running experiment with its planned jobs. */
export async function setupPerson(store: Store, clock: ManualClock, setup: PersonSetup): Promise<Person> {
  const now = setup.now ?? clock.now();
  const settings = parseProgramSettings({
    name: setup.programName ?? 'pilot',
    timezone: 'America/New_York',
    ...setup.program,
  });
  const { record } = await store.programs.upsert(settings, now);
  const userId = setup.userId ?? 'U1';
  const created = await store.participants.create(
    { platform: 'slack', workspaceId: 'T1', userId, programId: record.id },
    now,
  );
  const participant = await store.participants.update(created.id, {
    consent: 'accepted',
    consentAt: now,
    timezone: setup.timezone ?? null,
  });
  const lengthWeeks = setup.lengthWeeks ?? settings.lengthWeeks;
  const input = experimentInput(setup.startDate, lengthWeeks);
  const endDate = experimentEndDate(setup.startDate, lengthWeeks);
  const experimentId = setup.experimentId ?? `exp_${userId}`;
  const who = availabilityOf(settings, participant);
  const plan = planExperiment(now, settings, who, {
    id: experimentId,
    startDate: setup.startDate,
    endDate,
    lengthWeeks,
  });
  const experiment = await store.experiments.start(experimentId, participant.id, input, endDate, plan, now);
  return { program: record, participant, experiment, zone: who.timezone };
}

/**
 * Drives time the way the production tick does: every `step` the clock moves on, one scheduler pass
 * runs and the outbox is drained. Ticks on which nothing can be due are skipped (they would do nothing),
 * but every tick that runs lands on the same step grid as an uninterrupted tick would.
 */
export async function runTicks(
  store: Store,
  clock: ManualClock,
  dispatcher: Dispatcher,
  until: number,
  step = 15 * MINUTE,
): Promise<number> {
  let ticks = 0;
  while (clock.now() + step <= until) {
    const nextJob = (await store.jobs.nextDueAt()) ?? Infinity;
    const nextSend = (await store.outbox.nextAttemptAt()) ?? Infinity;
    const nextEvent = Math.min(nextJob, nextSend);
    let target = clock.now() + step;
    if (nextEvent > target) {
      const steps = Number.isFinite(nextEvent) ? Math.ceil((nextEvent - clock.now()) / step) : Infinity;
      target = Math.min(
        clock.now() + steps * step,
        clock.now() + Math.floor((until - clock.now()) / step) * step,
      );
    }
    clock.set(target);
    await runSchedulerPass(store, clock);
    await dispatcher.drain();
    ticks += 1;
  }
  return ticks;
}

/** A monotonic timer that never really waits: sleeping moves its own time on. */
export class FakeTimer implements Timer {
  #now = 0;
  readonly sleeps: number[] = [];
  now(): number {
    return this.#now;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.#now += Math.max(0, ms);
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}
