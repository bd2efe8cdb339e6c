import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ScheduledTask, schedule } from 'node-cron';
import { channelStateFor } from './app/channel-state.js';
import { Conversation } from './app/conversation/conversation.js';
import { Curators } from './app/curators.js';
import { MentoringService } from './app/mentoring.js';
import type { Channel, ChannelSender, RequestListener } from './app/ports.js';
import { PrivacyService } from './app/privacy.js';
import { loadProgramFile, programFilesIn } from './app/program-files.js';
import { CoachingService } from './app/service.js';
import type { TeamsCredentialsFactory } from './channels/teams/adapter.js';
import type { Config } from './config.js';
import { type Clock, systemClock } from './core/clock.js';
import type { Platform } from './core/participant.js';
import { createHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { channelModules } from './registry.js';
import { Dispatcher, type DispatchStats } from './scheduler/dispatcher.js';
import { LAST_PASS_KEY, type PassStats, runSchedulerPass } from './scheduler/pass.js';
import { openStore } from './store/index.js';
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
  conversation: Conversation;
  dispatcher: Dispatcher;
  /** The chat platforms this server serves, by platform. */
  channels: ReadonlyMap<Platform, Channel>;
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

/** Wiring only: the store, the use cases, the conversation, each configured channel, the scheduler, HTTP. */
export async function startCoachloop(config: Config, options: CoachloopOptions = {}): Promise<Coachloop> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const store = options.store ?? (await openStore(config));
  if (!options.store)
    for (const warning of await store.fileSafetyWarnings()) logger.warn(warning.detail, warning.message);
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

  const modules = (await channelModules()).filter((module) => module.configured(config));
  const channels = new Map<Platform, Channel>();
  const curators = new Curators({
    store,
    clock,
    logger,
    policy: {
      listed: config.CURATORS,
      configuredChannels: Object.fromEntries(
        modules.flatMap((m) => {
          const channel = m.curatorChannel(config);
          return channel ? [[m.platform, channel]] : [];
        }),
      ),
      memberOfCuratorGroup: Object.fromEntries(
        modules.map((m) => [
          m.platform,
          async (userId: string) => (await channels.get(m.platform)?.memberOfCuratorGroup?.(userId)) ?? false,
        ]),
      ),
      ...(config.DEFAULT_PROGRAM ? { defaultProgram: config.DEFAULT_PROGRAM } : {}),
    },
  });
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
  const conversation = new Conversation({
    coaching: service,
    mentoring,
    privacy,
    curators,
    clock,
    logger,
    capabilities: (platform) => channels.get(platform)?.capabilities ?? { modalForms: false },
  });

  const senders: ChannelSender[] = [...(options.senders ?? [])];
  const routes: Record<string, RequestListener> = {};
  for (const module of modules) {
    const channel = await module.create({
      config,
      conversation,
      state: channelStateFor(store, module.platform, clock),
      logger,
      hooks: {
        ...(options.slackBotIds ? { slackBotIds: options.slackBotIds } : {}),
        ...(options.teamsCredentialsFactory
          ? { teamsCredentialsFactory: options.teamsCredentialsFactory }
          : {}),
      },
    });
    channels.set(module.platform, channel);
    senders.push(channel.sender);
    Object.assign(routes, channel.routes);
  }
  if (Number(process.versions.node.split('.')[0]) < 22)
    logger.warn(
      { node: process.version },
      'Node.js 20 is end of life: run coachloop on Node.js 24 (or 22.14 and later) in production',
    );
  if (!channels.has('slack'))
    logger.warn('Slack is not configured (SLACK_BOT_TOKEN is empty): no Slack messages will be sent');
  if (!channels.has('teams'))
    logger.info('Teams is not configured (MicrosoftAppId is empty): POST /api/messages is off');

  dispatcher = new Dispatcher({
    store,
    clock,
    senders,
    logger,
    onUnreachable: (participantId, reason) => curators.tellUnreachable(service, participantId, reason),
    ...(options.dispatcher ?? {}),
  });
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

  const server = createHttpServer({
    routes,
    health: async () => {
      const database = await store.ping().catch(() => false);
      const last = Number((await store.meta.get(LAST_PASS_KEY).catch(() => null)) ?? Number.NaN);
      const age = Number.isFinite(last) ? Math.max(0, Math.round((clock.now() - last) / 1000)) : null;
      return {
        status: database ? 200 : 503,
        body: {
          ok: database,
          database: database ? 'reachable' : 'unreachable',
          lastSchedulerPassAgeSeconds: age,
        },
      };
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${address.port}`;
  for (const channel of channels.values()) await channel.start();

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
    { url, ...Object.assign({}, ...modules.map((m) => m.describe(config))) },
    'coachloop is serving',
  );

  return {
    config,
    store,
    service,
    mentoring,
    privacy,
    conversation,
    dispatcher,
    channels,
    server,
    url,
    tick,
    close: async () => {
      await task?.destroy();
      for (const channel of channels.values()) await channel.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await activeDispatcher.drain().catch(() => undefined);
      await store.close();
    },
  };
}
