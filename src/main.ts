import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { type ScheduledTask, schedule } from 'node-cron';
import { channelStateFor } from './app/channel-state.js';
import { ConsoleAccess } from './app/console-access.js';
import { ConsolePrivacy } from './app/console-privacy.js';
import { ConsoleReports } from './app/console-reports.js';
import { Conversation } from './app/conversation/conversation.js';
import { Curators } from './app/curators.js';
import { MentoringService } from './app/mentoring.js';
import type { Channel, ChannelSender, RequestListener } from './app/ports.js';
import { PrivacyService } from './app/privacy.js';
import { ProgramAdmin } from './app/program-admin.js';
import { loadProgramFile, programFilesIn } from './app/program-files.js';
import { CoachingService } from './app/service.js';
import type { TeamsCredentialsFactory } from './channels/teams/adapter.js';
import { type Config, consoleConfigured } from './config.js';
import { type Clock, systemClock } from './core/clock.js';
import type { Platform } from './core/participant.js';
import { createConsole, type OneTimeSignIn } from './http/console/index.js';
import { consoleProviders } from './http/console/providers.js';
import { createHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { channelModules } from './registry.js';
import { rosterDirectories } from './roster-directories.js';
import { Dispatcher, type DispatchStats } from './scheduler/dispatcher.js';
import { type PassStats, runSchedulerPass } from './scheduler/pass.js';
import { openStore, openThrowAwayStore } from './store/index.js';
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
  /**
   * Local development only: a link that signs one person in to the console, once (the simulated pilot's
   * `--console`). Refused in production; `serve` never sets it.
   */
  consoleOneTimeSignIn?: OneTimeSignIn;
  /** This process's name among the replicas (heartbeat row, lease holder); default host, pid and a random part. */
  replica?: string;
}

/** How soon a replica drains again when another replica held a workspace it had work for. */
const DISPATCH_POLL_MS = 1000;
/** Heartbeat rows of replicas that have not passed for this long are deleted. */
const FORGET_REPLICAS_AFTER_MS = 7 * 24 * 60 * 60_000;

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
  /** This process's name among the replicas. */
  replica: string;
  /** One scheduler pass, then send what is due. */
  tick(): Promise<{ pass: PassStats; dispatch: DispatchStats }>;
  /**
   * Graceful shutdown, for SIGTERM: /readyz answers 503 from now on; no new pass or claim starts; rows claimed but
   * not yet being sent go back to the outbox; sends under way get up to `timeoutMs` (default SHUTDOWN_TIMEOUT_MS)
   * to write their outcome; then the channels stop, the HTTP server closes and the store closes. `settled` is
   * false when a send was still under way at the timeout (recovery settles it later, without sending it twice).
   */
  shutdown(timeoutMs?: number): Promise<{ settled: boolean }>;
  /** The same shutdown. */
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
  if (options.consoleOneTimeSignIn && config.NODE_ENV !== 'development')
    throw new Error('a one-time console sign-in link is for local development only (NODE_ENV=development)');
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const store = options.store ?? (await openStore(config));
  if (!options.store)
    for (const warning of await store.fileSafetyWarnings()) logger.warn(warning.detail, warning.message);
  await applyProgramFiles(store, config.PROGRAMS_DIR, clock.now(), logger);

  const replica = options.replica ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const background = options.cron ?? true;
  let stopping = false;
  let shuttingDown: Promise<{ settled: boolean }> | null = null;
  let dispatcher: Dispatcher | null = null;
  let poll: NodeJS.Timeout | null = null;
  /**
   * When another replica held the lease of a workspace this one had work for, look again shortly: the holder
   * releases it as soon as it has nothing due there. (Only with the background tick; tests drive drains.)
   */
  const pollAfter = (dispatch: DispatchStats) => {
    if (!background || stopping || poll || dispatch.deferred === 0) return;
    poll = setTimeout(() => {
      poll = null;
      kick();
    }, DISPATCH_POLL_MS);
    poll.unref();
  };
  /**
   * A request being answered. What it queues waits until its answer is out: the reply a turn sends (the
   * greeting on install) comes before the messages it queued (the consent request it announces), however
   * fast the dispatcher is and however slow the store.
   */
  const answering = new AsyncLocalStorage<{ open: boolean; queued: boolean }>();
  const answeredFirst =
    (listener: RequestListener): RequestListener =>
    (req: IncomingMessage, res: ServerResponse) => {
      const request = { open: true, queued: false };
      res.once('close', () => {
        request.open = false;
        if (request.queued) kick();
      });
      answering.run(request, () => listener(req, res));
    };
  const kick = () => {
    const request = answering.getStore();
    if (request?.open) {
      request.queued = true;
      return;
    }
    if (!dispatcher) return;
    void dispatcher
      .drain()
      .then(pollAfter)
      .catch((error: Error) => logger.error({ err: error.message }, 'dispatch failed'));
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
    for (const [path, listener] of Object.entries(channel.routes)) routes[path] = answeredFirst(listener);
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
    holder: replica,
    dispatchLeaseMs: config.DISPATCH_LEASE_MS,
    ...(options.dispatcher ?? {}),
  });
  const activeDispatcher = dispatcher;

  let ticking: Promise<unknown> | null = null;
  const runTick = async () => {
    await privacy
      .runRetention()
      .catch((error: Error) => logger.error({ err: error.message }, 'retention job failed'));
    const pass = await runSchedulerPass(store, clock, 500, mentoring);
    const passedAt = clock.now();
    await store.replicas.recordPass(replica, passedAt, passedAt - FORGET_REPLICAS_AFTER_MS);
    const dispatch = await activeDispatcher.drain();
    pollAfter(dispatch);
    if (pass.examined > 0 || dispatch.sent + dispatch.failed + dispatch.expired > 0) {
      logger.info({ pass, dispatch }, 'tick');
    }
    return { pass, dispatch };
  };
  const tick = () => {
    const running = runTick();
    ticking = running;
    return running;
  };

  const ageSeconds = (at: number | undefined) =>
    at === undefined ? null : Math.max(0, Math.round((clock.now() - at) / 1000));

  const trees: Record<string, RequestListener> = {};
  if (consoleConfigured(config)) {
    const access = new ConsoleAccess({ store, clock, curators, mentoring, admins: config.ADMINS });
    trees['/console'] = createConsole({
      access,
      privacy: new ConsolePrivacy({ store, access, privacy }),
      reports: new ConsoleReports({ store, clock, access }),
      mentoring,
      programs: new ProgramAdmin({
        store,
        clock,
        roles: (identity) => access.rolesOf(identity),
        mentoring,
        directories: () => rosterDirectories(config, store, clock, logger),
        scratchStore: openThrowAwayStore,
      }),
      clock,
      logger,
      publicUrl: config.CONSOLE_PUBLIC_URL!,
      sessionSecret: config.CONSOLE_SESSION_SECRET!,
      idleMinutes: config.CONSOLE_IDLE_MINUTES,
      providers: consoleProviders(config),
      ...(options.consoleOneTimeSignIn ? { oneTimeSignIn: options.consoleOneTimeSignIn } : {}),
    });
    logger.info({ url: `${config.CONSOLE_PUBLIC_URL!.replace(/\/$/, '')}/console` }, 'the console is on');
  }

  const server = createHttpServer({
    routes,
    trees,
    health: async () => {
      const database = await store.ping().catch(() => false);
      const passes = database ? await store.replicas.list().catch(() => []) : [];
      return {
        status: database ? 200 : 503,
        body: {
          ok: database,
          database: database ? 'reachable' : 'unreachable',
          replica,
          lastSchedulerPassAgeSeconds: ageSeconds(passes.find((p) => p.replica === replica)?.lastPassAt),
          anyReplicaLastPassAgeSeconds: ageSeconds(passes[0]?.lastPassAt),
        },
      };
    },
    ready: async () => {
      if (stopping) return { status: 503, body: { ready: false, reason: 'shutting down' } };
      let pending: number[];
      try {
        pending = await store.pendingMigrations();
      } catch {
        return { status: 503, body: { ready: false, reason: 'database unreachable' } };
      }
      if (pending.length > 0)
        return { status: 503, body: { ready: false, reason: 'database migrations pending', pending } };
      return { status: 200, body: { ready: true } };
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
  if (background) {
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
    replica,
    tick,
    shutdown,
    close: async () => {
      await shutdown();
    },
  };

  async function shutdown(timeoutMs = config.SHUTDOWN_TIMEOUT_MS): Promise<{ settled: boolean }> {
    shuttingDown ??= (async () => {
      const deadline = performance.now() + timeoutMs;
      const left = () => Math.max(0, deadline - performance.now());
      stopping = true;
      if (poll) clearTimeout(poll);
      await task?.destroy();
      logger.info({ replica, timeoutMs }, 'shutting down: no new claims; waiting for sends under way');
      // A pass under way finishes (it only writes to the database); a tick's drain is stopped below.
      const dispatching = activeDispatcher.stop(left());
      if (ticking)
        await within(
          ticking.catch(() => undefined),
          left(),
        );
      const { settled, inFlight } = await dispatching;
      if (!settled)
        logger.warn({ inFlight }, 'sends still under way at the shutdown timeout; recovery settles them');
      for (const channel of channels.values()) await channel.stop().catch(() => undefined);
      // Requests under way get what is left of the timeout; idle keep-alive connections close at once.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (
        !(await within(
          closed.then(() => true),
          left(),
        ))
      )
        server.closeAllConnections();
      await closed;
      await store.close();
      logger.info({ replica, settled }, 'shut down');
      return { settled };
    })();
    return shuttingDown;
  }
}

/** Waits for `work` at most `ms`; true when it finished in time. */
async function within<T>(work: Promise<T>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    work.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return done;
}
