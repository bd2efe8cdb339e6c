import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { ProgramSettingsInput } from '../../src/core/program.js';
import type { Logger } from '../../src/logger.js';
import { silentLogger } from '../../src/logger.js';
import { type Coachloop, type CoachloopOptions, startCoachloop } from '../../src/main.js';
import {
  type AddUserInput,
  type SlackSimulator,
  type SlackSimulatorOptions,
  startSlackSimulator,
} from '../simulators/slack-api.js';
import { SlackInbound } from './slack-requests.js';
import { harnessDatabase } from './test-store.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SlackHarness {
  sim: SlackSimulator;
  app: Coachloop;
  clock: ManualClock;
  slack: SlackInbound;
  dir: string;
  /** The variables that point the bot at its database (DATABASE_PATH or DATABASE_URL), e.g. for a command run beside it. */
  databaseEnv: Readonly<Record<string, string>>;
  /** Advance the simulated clock in steps, running a tick (scheduler pass + dispatch) after each (idle steps skipped: see tickUntil). */
  runUntil(until: string | number, stepMs?: number): Promise<void>;
  /** Restart the bot on the same database, as after a crash or deploy. */
  restart(options?: Partial<CoachloopOptions>): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  start: string;
  programs?: ProgramSettingsInput[];
  users?: AddUserInput[];
  simulator?: SlackSimulatorOptions;
  logger?: Logger;
  env?: Record<string, string>;
  coachloop?: Partial<CoachloopOptions>;
  /** Runs once the simulator is up, before the bot starts. */
  onSimulator?: (sim: SlackSimulator) => void;
}

/** Polls until the check passes (or throws its last error after the timeout). */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5000,
): Promise<NonNullable<Exclude<T, false>>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null)
        return value as NonNullable<Exclude<T, false>>;
      lastError = new Error('condition not met');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Moves the simulated clock to `until` in steps of `stepMs`, running a tick (retention, scheduler pass, dispatch)
 * after each step, as the production timer does. Steps on which nothing can be due — no scheduled job, no
 * outbox row waiting, none being sent — are skipped, since their tick would do nothing; every tick that runs lands
 * on the grid an unbroken run would have, and the last one runs at `until`.
 */
export async function tickUntil(
  app: Coachloop,
  clock: ManualClock,
  until: number,
  stepMs: number,
): Promise<void> {
  while (clock.now() < until) {
    let target = clock.now() + stepMs;
    const { sending } = await app.store.outbox.counts();
    if (sending === 0) {
      const next = Math.min(
        (await app.store.jobs.nextDueAt()) ?? Infinity,
        (await app.store.outbox.nextAttemptAt()) ?? Infinity,
      );
      if (next > target) target = clock.now() + Math.ceil((next - clock.now()) / stepMs) * stepMs;
    }
    clock.set(Math.min(until, target));
    await app.tick();
  }
}

/** The real bot (Bolt receiver, store, scheduler, dispatcher) against the local Slack simulator. */
export async function startSlackHarness(options: HarnessOptions): Promise<SlackHarness> {
  const sim = await startSlackSimulator(options.simulator);
  for (const user of options.users ?? []) sim.addUser(user);
  options.onSimulator?.(sim);
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-test-'));
  mkdirSync(join(dir, 'programs'));
  for (const program of options.programs ?? [{ name: 'pilot', timezone: 'America/New_York' }]) {
    writeFileSync(join(dir, 'programs', `${program.name}.yaml`), stringify(program));
  }
  const database = harnessDatabase(dir);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ...database.env,
    PROGRAMS_DIR: join(dir, 'programs'),
    SLACK_BOT_TOKEN: sim.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: sim.apiUrl,
    LOG_LEVEL: 'silent',
    ...(options.env ?? {}),
  });
  const clock = new ManualClock(options.start);
  const coachloopOptions = (): CoachloopOptions => ({
    clock,
    cron: false,
    logger: options.logger ?? silentLogger,
    slackBotIds: { botId: sim.botId, botUserId: sim.botUserId },
    ...(options.coachloop ?? {}),
  });
  const harness: SlackHarness = {
    sim,
    clock,
    dir,
    databaseEnv: database.env,
    app: await startCoachloop(config, coachloopOptions()),
    slack: undefined as unknown as SlackInbound,
    async runUntil(until, stepMs = 15 * 60_000) {
      await tickUntil(
        harness.app,
        clock,
        typeof until === 'number' ? until : new Date(until).getTime(),
        stepMs,
      );
    },
    async restart(extra = {}) {
      await harness.app.close();
      harness.app = await startCoachloop(config, { ...coachloopOptions(), ...extra });
      harness.slack = new SlackInbound({
        url: `${harness.app.url}/slack/events`,
        signingSecret: SIGNING_SECRET,
        responseUrlBase: sim.responseUrlBase,
        teamId: sim.teamId,
      });
    },
    async close() {
      await harness.app.close();
      await sim.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  harness.slack = new SlackInbound({
    url: `${harness.app.url}/slack/events`,
    signingSecret: SIGNING_SECRET,
    responseUrlBase: sim.responseUrlBase,
    teamId: sim.teamId,
  });
  return harness;
}
