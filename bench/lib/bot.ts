import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';
import type { ManualClock } from '../../src/core/clock.js';
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

/** The real bot as the test harness starts it: HTTP mode on 127.0.0.1, an ephemeral port, cron off. */
export async function startBot(setup: BotSetup): Promise<Coachloop> {
  const programs = join(setup.dir, 'programs');
  mkdirSync(programs, { recursive: true });
  writeFileSync(join(programs, `${BENCH_PROGRAM.name}.yaml`), stringify({ ...BENCH_PROGRAM }));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: setup.databasePath,
    PROGRAMS_DIR: programs,
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
