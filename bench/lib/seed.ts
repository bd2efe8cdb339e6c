import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExperimentInput, experimentEndDate } from '../../src/core/experiment.js';
import type { Participant } from '../../src/core/participant.js';
import { effectiveAvailability, type ProgramSettings, parseProgramSettings } from '../../src/core/program.js';
import { type NextRun, planExperiment } from '../../src/core/schedule.js';
import type { Availability } from '../../src/core/time.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { ProgramRecord, Store } from '../../src/store/types.js';
import { userIdOf } from './common.js';

/** The program every benchmark population belongs to (the defaults, in New York time). */
export const BENCH_PROGRAM = { name: 'pilot', timezone: 'America/New_York' } as const;

/** A Monday in winter: no DST change anywhere near the first week of the experiments. */
export const SEED_AT = Date.parse('2026-01-12T12:00:00Z');
export const START_DATE = '2026-01-12';

export const EXPERIMENT_INPUT: ExperimentInput = {
  behavior: 'Ask before I tell in 1:1s',
  hypothesis: 'My team brings more of their own solutions',
  kpiName: 'Ideas raised by the team',
  kpiUnit: 'ideas',
  kpiBaseline: 2,
  kpiTarget: 5,
  kpiDirection: 'increase',
  startDate: START_DATE,
  lengthWeeks: 13,
};

export interface SeededPerson {
  participantId: string;
  userId: string;
  experimentId: string;
}

export interface PopulationOptions {
  count: number;
  /** Default 'slack'. */
  platform?: 'slack' | 'teams';
  /** Slack team id or Teams tenant id the participants belong to. */
  workspaceId?: string;
  /** The platform user id of the n-th person (default userIdOf: U0000000, U0000001, …). */
  userIdOf?: (index: number) => string;
  /** Per-person time zone override by index; null keeps the program's zone. */
  zoneOf?: (index: number) => string | null;
  /** Slack: a known DM channel, so sends skip conversations.open (as for anyone who has accepted consent). */
  withAddress?: boolean;
  /** People per transaction. */
  batch?: number;
  /** Collect the ids (skip for very large populations that do not need them). */
  collect?: boolean;
}

export interface BenchDb {
  dir: string;
  path: string;
  store: SqliteStore;
  cleanup(): Promise<void>;
}

/** A fresh database file under `root` (default: the system temp directory); `cleanup` closes it and removes it. */
export function tempDb(label: string, root: string = tmpdir()): BenchDb {
  const dir = mkdtempSync(join(root, `coachloop-bench-${label}-`));
  const path = join(dir, 'coachloop.db');
  const store = openSqliteStore({ path });
  return {
    dir,
    path,
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function ensureProgram(store: SqliteStore, now = SEED_AT): Promise<ProgramRecord> {
  const { record } = await store.programs.upsert(parseProgramSettings({ ...BENCH_PROGRAM }), now);
  return record;
}

/**
 * Participants with consent accepted and a running 13-week experiment whose jobs come from planExperiment.
 *
 * Bench-only seeding, in batches of one explicit transaction each (the store's own transactions inside
 * become savepoints and their bodies run synchronously, so each batch is synced to disk once):
 *  - participant rows are written with one raw prepared statement on `store.db` (the columns that
 *    participants.create and participants.update would set); through those two methods a person costs
 *    about 0.1 ms more, mostly for preparing statements;
 *  - experiments and their planned jobs go through store.experiments.start, so they follow the store's
 *    schema as it evolves.
 * `verifySeed` reads a sample back through the store API.
 */
export async function seedPopulation(
  store: SqliteStore,
  program: ProgramRecord,
  options: PopulationOptions,
): Promise<SeededPerson[]> {
  const settings: ProgramSettings = program.settings;
  const workspaceId = options.workspaceId ?? 'T0001';
  const platform = options.platform ?? 'slack';
  const userOf = options.userIdOf ?? userIdOf;
  const batch = options.batch ?? 10_000;
  const endDate = experimentEndDate(START_DATE, EXPERIMENT_INPUT.lengthWeeks);
  const db = store.db;
  const insertParticipant = db.prepare(
    `INSERT INTO participants (id, program_id, platform, workspace_id, user_id, timezone, consent, consent_at, address, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?)`,
  );
  const people: SeededPerson[] = [];
  const planCache = new Map<string, NextRun[]>();
  for (let from = 0; from < options.count; from += batch) {
    const to = Math.min(options.count, from + batch);
    db.exec('BEGIN IMMEDIATE');
    try {
      for (let i = from; i < to; i += 1) {
        const userId = userOf(i);
        const participantId = `ppl_${randomUUID()}`;
        const timezone = options.zoneOf?.(i) ?? null;
        insertParticipant.run(
          participantId,
          program.id,
          platform,
          workspaceId,
          userId,
          timezone,
          SEED_AT,
          options.withAddress ? `D${userId}` : null,
          SEED_AT,
        );
        const experimentId = `exp_${userId}`;
        const plan = planFor(
          planCache,
          settings,
          effectiveAvailability(settings, { timezone }),
          experimentId,
          endDate,
        );
        await store.experiments.start(experimentId, participantId, EXPERIMENT_INPUT, endDate, plan, SEED_AT);
        if (options.collect !== false) people.push({ participantId, userId, experimentId });
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  return people;
}

/** Reads a few seeded people back through the store API: consent, running experiment, planned jobs. */
export async function verifySeed(store: SqliteStore, count: number, workspaceId = 'T0001'): Promise<void> {
  for (const index of [0, Math.floor(count / 2), count - 1]) {
    const participant = await store.participants.findByIdentity({
      platform: 'slack',
      workspaceId,
      userId: userIdOf(index),
    });
    await checkSeededPerson(store, index, participant);
  }
}

/** One seeded person as the API reads them: there, consent accepted, a running experiment with a planned nudge. */
export async function checkSeededPerson(
  store: Store,
  index: number,
  participant: Participant | null,
  expectedId?: string,
): Promise<void> {
  if (
    !participant ||
    (expectedId !== undefined && participant.id !== expectedId) ||
    participant.consent !== 'accepted'
  )
    throw new Error(`seed check: participant ${index} missing or without consent`);
  const experiment = await store.experiments.current(participant.id);
  if (experiment?.status !== 'active')
    throw new Error(`seed check: participant ${index} has no running experiment`);
  const jobs = await store.jobs.scheduled(participant.id);
  if (jobs.length < 3 || !jobs.some((j) => j.kind === 'nudge'))
    throw new Error(`seed check: participant ${index} has no planned nudge`);
}

/**
 * planExperiment for one person. It costs about 0.5 ms (time zone arithmetic), 50 s for 100k people; everyone
 * in the same zone gets the same instants, so the plan is computed once per zone and only the experiment id
 * in the occurrences is swapped (checked once per zone against a direct planExperiment call).
 */
function planFor(
  cache: Map<string, NextRun[]>,
  settings: ProgramSettings,
  who: Availability,
  experimentId: string,
  endDate: string,
): NextRun[] {
  const key = who.timezone;
  const placeholder = '__experiment__';
  let template = cache.get(key);
  if (!template) {
    template = planExperiment(SEED_AT, settings, who, {
      id: placeholder,
      startDate: START_DATE,
      endDate,
      lengthWeeks: EXPERIMENT_INPUT.lengthWeeks,
    });
    cache.set(key, template);
    const direct = planExperiment(SEED_AT, settings, who, {
      id: experimentId,
      startDate: START_DATE,
      endDate,
      lengthWeeks: EXPERIMENT_INPUT.lengthWeeks,
    });
    const swapped = template.map((run) => ({
      ...run,
      occurrence: run.occurrence.replaceAll(placeholder, experimentId),
    }));
    if (JSON.stringify(direct) !== JSON.stringify(swapped))
      throw new Error('plan template does not match planExperiment');
  }
  return template.map((run) => ({
    ...run,
    occurrence: run.occurrence.replaceAll(placeholder, experimentId),
  }));
}

/** Database bytes (main file + WAL) after a checkpoint that empties the WAL. */
export function databaseBytes(db: BenchDb): { main: number; wal: number; total: number } {
  db.store.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  const main = size(db.path);
  const wal = size(`${db.path}-wal`);
  return { main, wal, total: main + wal };
}
