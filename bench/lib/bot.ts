import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';
import type { Clock, ManualClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/logger.js';
import { type Coachloop, startCoachloop } from '../../src/main.js';
import type { Store } from '../../src/store/types.js';
import { BENCH_PROGRAM } from './seed.js';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789';

export interface BotSetup {
  dir: string;
  databasePath: string;
  clock: ManualClock;
  slack: { token: string; apiUrl: string; botId: string; botUserId: string };
  store?: Store;
}

function writeProgram(dir: string): string {
  const programs = join(dir, 'programs');
  mkdirSync(programs, { recursive: true });
  writeFileSync(join(programs, `${BENCH_PROGRAM.name}.yaml`), stringify({ ...BENCH_PROGRAM }));
  return programs;
}

/** The real bot as the test harness starts it: HTTP mode on 127.0.0.1, an ephemeral port, cron off. */
export async function startBot(setup: BotSetup): Promise<Coachloop> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: setup.databasePath,
    PROGRAMS_DIR: writeProgram(setup.dir),
    SLACK_BOT_TOKEN: setup.slack.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: setup.slack.apiUrl,
    LOG_LEVEL: 'silent',
  });
  return startCoachloop(config, {
    clock: setup.clock,
    cron: false,
    logger: silentLogger,
    slackBotIds: { botId: setup.slack.botId, botUserId: setup.slack.botUserId },
    ...(setup.store ? { store: setup.store } : {}),
  });
}

export interface TeamsBotSetup {
  dir: string;
  databasePath: string;
  clock: Clock;
  /** TEAMS_MESSAGES_PER_SECOND: the tenant-wide pace of the Teams sender. */
  messagesPerSecond: number;
  store?: Store;
}

/**
 * The real bot serving Teams only, as the Teams test harness starts it in local development mode
 * (TEAMS_ENABLED=true without MicrosoftAppId: no tokens either way): 127.0.0.1, an ephemeral port, cron off.
 * Conversations' serviceUrl comes from the activities it receives, as in Teams.
 */
export async function startTeamsBot(setup: TeamsBotSetup): Promise<Coachloop> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: setup.databasePath,
    PROGRAMS_DIR: writeProgram(setup.dir),
    TEAMS_ENABLED: 'true',
    TEAMS_MESSAGES_PER_SECOND: String(setup.messagesPerSecond),
    LOG_LEVEL: 'silent',
  });
  return startCoachloop(config, {
    clock: setup.clock,
    cron: false,
    logger: silentLogger,
    ...(setup.store ? { store: setup.store } : {}),
  });
}
