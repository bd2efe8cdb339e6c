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

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SlackHarness {
  sim: SlackSimulator;
  app: Coachloop;
  clock: ManualClock;
  slack: SlackInbound;
  dir: string;
  /** Advance the simulated clock in steps, running a tick (scheduler pass + dispatch) after each. */
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
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: join(dir, 'coachloop.db'),
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
    app: await startCoachloop(config, coachloopOptions()),
    slack: undefined as unknown as SlackInbound,
    async runUntil(until, stepMs = 15 * 60_000) {
      const end = typeof until === 'number' ? until : new Date(until).getTime();
      while (clock.now() < end) {
        clock.set(Math.min(end, clock.now() + stepMs));
        await harness.app.tick();
      }
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
