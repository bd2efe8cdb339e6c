import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ScheduledTask, schedule } from 'node-cron';
import { channelStateFor } from './app/channel-state.js';
import { type CuratorDirectory, MentoringService } from './app/mentoring.js';
import type { ChannelSender } from './app/ports.js';
import { PrivacyService } from './app/privacy.js';
import { loadProgramFile, programFilesIn } from './app/program-files.js';
import { CoachingService } from './app/service.js';
import { createSlackChannel, type SlackChannel } from './channels/slack/app.js';
import { createSlackClient, SlackSender } from './channels/slack/sender.js';
import type { TeamsCredentialsFactory } from './channels/teams/adapter.js';
import type { TeamsChannel } from './channels/teams/app.js';
import { type Config, teamsConfigured } from './config.js';
import { type Clock, systemClock } from './core/clock.js';
import { createLogger, type Logger } from './logger.js';
import { Dispatcher, type DispatchStats } from './scheduler/dispatcher.js';
import { LAST_PASS_KEY, type PassStats, runSchedulerPass } from './scheduler/pass.js';
import { openSqliteStore } from './store/sqlite.js';
import type { Store } from './store/types.js';

export interface CoachloopOptions {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
  /** Run the node-cron tick (default true); tests and the simulated pilot drive ticks themselves. */
  cron?: boolean;
  /** Extra senders, e.g. an in-process one. */
  senders?: ChannelSender[];
  /** Skip Bolt's auth.test by naming the bot up front. */
  slackBotIds?: { botId: string; botUserId: string };
  dispatcher?: { leaseMs?: number; maxAttempts?: number; backoffMs?: (attempt: number) => number };
  /** Test only: makes the Teams bot's outbound tokens (production signs in with MicrosoftAppPassword). */
  teamsCredentialsFactory?: TeamsCredentialsFactory;
}

export interface Coachloop {
  config: Config;
  store: Store;
  service: CoachingService;
  mentoring: MentoringService;
  privacy: PrivacyService;
  dispatcher: Dispatcher;
  slack: SlackChannel | null;
  teams: TeamsChannel | null;
  server: Server;
  url: string;
  /** One scheduler pass, then send what is due. */
  tick(): Promise<{ pass: PassStats; dispatch: DispatchStats }>;
  close(): Promise<void>;
}

/** Applies every program file in the folder; changes to a live program affect future messages only. */
export async function applyProgramFiles(
  store: Store,
  dir: string,
  now: number,
  logger: Logger,
): Promise<string[]> {
  const applied: string[] = [];
  for (const file of programFilesIn(dir)) {
    const settings = loadProgramFile(file);
    const { record, changed } = await store.programs.upsert(settings, now);
    if (changed) {
      await store.audit.append({
        at: now,
        actor: 'system',
        action: 'program.applied',
        subject: record.name,
        detail: { version: record.version, file },
      });
      logger.info({ program: record.name, version: record.version }, 'program applied');
    }
    applied.push(record.name);
  }
  return applied;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Wiring only: builds the store, the use cases, the channels, the scheduler and the HTTP server. */
export async function startCoachloop(config: Config, options: CoachloopOptions = {}): Promise<Coachloop> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const store = options.store ?? openSqliteStore({ path: config.DATABASE_PATH });
  await applyProgramFiles(store, config.PROGRAMS_DIR, clock.now(), logger);

  let dispatcher: Dispatcher | null = null;
  const kick = () => {
    void dispatcher?.drain().catch((error: Error) => logger.error({ err: error.message }, 'dispatch failed'));
  };
  const service = new CoachingService({
    store,
    clock,
    logger,
    defaultProgram: config.DEFAULT_PROGRAM,
    onQueued: kick,
  });

  const senders: ChannelSender[] = [...(options.senders ?? [])];
  let slack: SlackChannel | null = null;
  let teams: TeamsChannel | null = null;
  const curatorList = new Set(
    config.CURATORS.map((entry) => (entry.includes(':') ? entry : `slack:${entry}`)),
  );
  const curators: CuratorDirectory = {
    isCurator: async (identity) =>
      curatorList.has(`${identity.platform}:${identity.userId}`) ||
      Boolean((await store.participants.findByIdentity(identity))?.roles.includes('curator')) ||
      (identity.platform === 'slack' && slack !== null && config.CURATOR_USERGROUP !== undefined
        ? await slack.isInUsergroup(config.CURATOR_USERGROUP, identity.userId)
        : false),
    channelFor: (platform, workspaceId) =>
      platform === 'slack' && config.CURATOR_CHANNEL
        ? { platform, workspaceId, userId: config.CURATOR_CHANNEL }
        : platform === 'teams'
          ? (teams?.curatorChannelFor(workspaceId) ?? null)
          : null,
  };
  const mentoring = new MentoringService({
    store,
    clock,
    coaching: service,
    curators,
    logger,
    onQueued: kick,
  });
  const privacy = new PrivacyService({ store, clock, logger });
  service.onConsentAccepted = (participant) => mentoring.onConsentAccepted(participant);
  if (config.SLACK_BOT_TOKEN) {
    senders.push(
      new SlackSender(
        createSlackClient({
          logger,
          token: config.SLACK_BOT_TOKEN,
          apiUrl: config.SLACK_API_URL,
          timeoutMs: config.SLACK_TIMEOUT_MS,
        }),
        {
          messagesPerMinute: config.SLACK_MESSAGES_PER_MINUTE,
        },
      ),
    );
    slack = createSlackChannel({
      botToken: config.SLACK_BOT_TOKEN,
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      apiUrl: config.SLACK_API_URL,
      service,
      mentoring,
      privacy,
      logger,
      kick,
      ...(options.slackBotIds ?? {}),
    });
  } else {
    logger.warn('Slack is not configured (SLACK_BOT_TOKEN is empty): no Slack messages will be sent');
  }
  if (teamsConfigured(config)) {
    if (!config.MicrosoftAppId) {
      logger.warn(
        'TEAMS LOCAL DEVELOPMENT MODE: MicrosoftAppId is empty, so POST /api/messages accepts activities without any authentication ' +
          'and replies go to whatever serviceUrl they name. Never expose this server; set MicrosoftAppId and MicrosoftAppPassword for real use.',
      );
    }
    // botbuilder is large: it is loaded only when Teams is configured.
    const { createTeamsChannel } = await import('./channels/teams/app.js');
    teams = createTeamsChannel({
      auth: {
        appId: config.MicrosoftAppId ?? '',
        appType: config.MicrosoftAppType ?? 'MultiTenant',
        ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
        ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
        ...(config.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL } : {}),
        ...(config.TEAMS_TOKEN_ISSUER ? { tokenIssuer: config.TEAMS_TOKEN_ISSUER } : {}),
      },
      timeoutMs: config.TEAMS_TIMEOUT_MS,
      messagesPerSecond: config.TEAMS_MESSAGES_PER_SECOND,
      ...(config.TEAMS_CURATOR_CHANNEL ? { curatorChannel: config.TEAMS_CURATOR_CHANNEL } : {}),
      ...(config.DEFAULT_PROGRAM ? { defaultProgram: config.DEFAULT_PROGRAM } : {}),
      service,
      mentoring,
      state: channelStateFor(store, 'teams', clock),
      privacy,
      logger,
      kick,
      ...(options.teamsCredentialsFactory ? { credentialsFactory: options.teamsCredentialsFactory } : {}),
    });
    await teams.start();
    senders.push(teams.sender);
  } else {
    logger.info('Teams is not configured (MicrosoftAppId is empty): POST /api/messages is off');
  }
  dispatcher = new Dispatcher({ store, clock, senders, logger, ...(options.dispatcher ?? {}) });
  const activeDispatcher = dispatcher;

  const tick = async () => {
    await privacy
      .runRetention()
      .catch((error: Error) => logger.error({ err: error.message }, 'retention job failed'));
    const pass = await runSchedulerPass(store, clock, 500, mentoring);
    const dispatch = await activeDispatcher.drain();
    if (pass.examined > 0 || dispatch.sent + dispatch.failed + dispatch.expired > 0) {
      logger.info({ pass, dispatch }, 'tick');
    }
    return { pass, dispatch };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/slack/events' && slack?.requestListener) return slack.requestListener(req, res);
    if (path === '/api/messages' && teams) return teams.requestListener(req, res);
    if (path === '/healthz' && req.method === 'GET') {
      void (async () => {
        const database = await store.ping().catch(() => false);
        const last = Number((await store.meta.get(LAST_PASS_KEY).catch(() => null)) ?? Number.NaN);
        const age = Number.isFinite(last) ? Math.max(0, Math.round((clock.now() - last) / 1000)) : null;
        sendJson(res, database ? 200 : 503, {
          ok: database,
          database: database ? 'reachable' : 'unreachable',
          lastSchedulerPassAgeSeconds: age,
        });
      })();
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${address.port}`;
  await slack?.start();

  let task: ScheduledTask | null = null;
  if (options.cron ?? true) {
    task = schedule(
      config.TICK_CRON,
      async () => {
        await tick().catch((error: Error) => logger.error({ err: error.message }, 'tick failed'));
      },
      { noOverlap: true, name: 'coachloop-tick' },
    );
  }
  logger.info(
    { url, slack: Boolean(slack), mode: config.SLACK_APP_TOKEN ? 'socket' : 'http', teams: Boolean(teams) },
    'coachloop is serving',
  );

  return {
    config,
    store,
    service,
    mentoring,
    privacy,
    dispatcher,
    slack,
    teams,
    server,
    url,
    tick,
    close: async () => {
      await task?.destroy();
      await slack?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await activeDispatcher.drain().catch(() => undefined);
      await store.close();
    },
  };
}
