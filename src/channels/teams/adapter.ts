import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { answer, readBody } from '../../http/body.js';
import type { Logger } from '../../logger.js';
import { type ConnectorAttempts, createConnectorHttpClient } from './transport.js';

/** Public-cloud values botbuilder uses when nothing is overridden (AuthenticationConstants). */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
} as const;

/** The audience of the bot's own token on calls to the Bot Connector. */
export const BOT_CONNECTOR_SCOPE = PUBLIC_CLOUD.ToChannelFromBotOAuthScope;

export type TeamsAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface TeamsAuthSettings {
  /** Empty: local development mode, no authentication at all. */
  appId: string;
  appPassword?: string;
  appType: TeamsAppType;
  tenantId?: string;
  /** Test and development only: where inbound tokens' signing keys are published, and their issuer. */
  openIdMetadataUrl?: string;
  tokenIssuer?: string;
}

/**
 * botbuilder's ServiceClientCredentialsFactory, structurally: it makes the bot's outbound tokens. Production
 * uses botbuilder's own (password, certificate or managed identity); tests pass one backed by a local issuer.
 */
export type TeamsCredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;

/** The options object botbuilder's ConfigurationBotFrameworkAuthentication reads. */
export function botFrameworkAuthOptions(settings: TeamsAuthSettings): Record<string, string> {
  const options: Record<string, string> = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword ?? '',
    // botbuilder compares case-insensitively and spells it UserAssignedMsi.
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId ?? '',
  };
  if (settings.appId && (settings.openIdMetadataUrl || settings.tokenIssuer)) {
    // Setting any one of these makes botbuilder take every one of them as intended, so all are given.
    Object.assign(options, PUBLIC_CLOUD, {
      ToBotFromChannelOpenIdMetadataUrl:
        settings.openIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl:
        settings.openIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromEmulatorOpenIdMetadataUrl,
      ToBotFromChannelTokenIssuer: settings.tokenIssuer ?? PUBLIC_CLOUD.ToBotFromChannelTokenIssuer,
      ...(settings.tenantId && settings.appType !== 'MultiTenant'
        ? { ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${settings.tenantId}` }
        : {}),
      ValidateAuthority: 'true',
    });
  }
  return options;
}

export interface TeamsAdapterOptions {
  auth: TeamsAuthSettings;
  timeoutMs: number;
  attempts: ConnectorAttempts;
  credentialsFactory?: TeamsCredentialsFactory;
  logger: Logger;
}

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * botbuilder's CloudAdapter with authentication as its own step: the HTTP layer checks the token first
 * (any failure is a 401, logged through coachloop's logger) and then runs the authenticated turn.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  readonly #auth: ConfigurationBotFrameworkAuthentication;

  constructor(auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
    this.#auth = auth;
  }

  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.#auth.authenticateRequest(activity, authorization);
  }

  runAuthenticated(
    result: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(result, activity, logic);
  }

  /**
   * Sends one activity into a conversation the bot keeps a reference to, as `continueConversationAsync` with a
   * `sendActivity` inside sends it — the same fields, a reply to the continuation's fresh id, the same connector
   * client and call — without the turn botbuilder runs around it (a TurnContext, a user token client, the
   * middleware pipeline): coachloop adds no middleware, and a proactive send needs nothing else of a turn.
   * Resolves with the id the connector gave the activity.
   */
  async sendToReference(
    appId: string,
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<string> {
    if (!reference.serviceUrl || !reference.conversation?.id)
      throw new Error('the conversation reference has no serviceUrl or conversation');
    const client = await this.#auth
      .createConnectorFactory(this.createClaimsIdentity(appId))
      .create(reference.serviceUrl, undefined);
    const outgoing = TurnContext.applyConversationReference({ ...activity }, {
      activityId: randomUUID(),
      user: reference.user,
      bot: reference.bot,
      conversation: reference.conversation,
      channelId: reference.channelId,
      locale: reference.locale,
      serviceUrl: reference.serviceUrl,
    } as Partial<ConversationReference>);
    outgoing.type ??= 'message';
    delete outgoing.id;
    const answer = await client.conversations.replyToActivity(
      reference.conversation.id,
      outgoing.replyToId as string,
      outgoing as Activity,
    );
    return answer?.id ?? '';
  }
}

type ClaimsIdentityOf = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactoryOf = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClientOf = Awaited<ReturnType<ConnectorFactoryOf['create']>>;
type UserTokenClientOf = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>
>;

/** Connector clients kept at most: one per bot, connector URL and audience; Teams uses a handful of URLs. */
const CONNECTOR_CLIENTS_KEPT = 32;

/**
 * The client made for `key`, made by `make` the first time; a client that could not be made (credentials) is made
 * again next time. Keeps at most CONNECTOR_CLIENTS_KEPT, forgetting the oldest.
 */
function reuse<T>(clients: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const kept = clients.get(key);
  if (kept) return kept;
  const client = make();
  if (clients.size >= CONNECTOR_CLIENTS_KEPT) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  clients.set(key, client);
  client.catch(() => {
    if (clients.get(key) === client) clients.delete(key);
  });
  return client;
}

/**
 * botbuilder's authentication, with the connector clients it makes reused. botbuilder builds a new ConnectorClient
 * (credentials and a whole HTTP pipeline) for every turn and every proactive send, which costs more CPU than the
 * request itself; a client holds nothing of a turn (credentials sign each request themselves), so one per bot,
 * connector URL and audience serves them all.
 */
class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly #connectors = new Map<string, Promise<ConnectorClientOf>>();
  readonly #userTokens = new Map<string, Promise<UserTokenClientOf>>();

  override createConnectorFactory(claimsIdentity: ClaimsIdentityOf): ConnectorFactoryOf {
    const factory = super.createConnectorFactory(claimsIdentity);
    // The bot and the scope the factory signs for (botbuilder's ConnectorFactoryImpl); anything else is not reused.
    const { appId, toChannelFromBotOAuthScope: scope } = factory as unknown as {
      appId?: unknown;
      toChannelFromBotOAuthScope?: unknown;
    };
    if (typeof appId !== 'string' || typeof scope !== 'string') return factory;
    return {
      create: (serviceUrl: string, audience?: string) =>
        reuse(this.#connectors, JSON.stringify([appId, scope, serviceUrl, audience ?? null]), () =>
          factory.create(serviceUrl, audience),
        ),
    } as ConnectorFactoryOf;
  }

  /** Made for every turn too, proactive ones included; it depends only on the bot (botbuilder's getAppId). */
  override createUserTokenClient(claimsIdentity: ClaimsIdentityOf): Promise<UserTokenClientOf> {
    const appId = claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? null;
    return reuse(this.#userTokens, JSON.stringify([appId]), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }
}

/** A CloudAdapter whose connector calls never retry by themselves and time out after `timeoutMs`. */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsCloudAdapter {
  const auth = new ReusingBotFrameworkAuthentication(
    botFrameworkAuthOptions(options.auth),
    options.credentialsFactory,
    undefined,
    undefined,
    { httpClient: createConnectorHttpClient({ timeoutMs: options.timeoutMs, attempts: options.attempts }) },
  );
  const adapter = new TeamsCloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    options.logger.error({ err: (error as Error).message }, 'Teams turn failed');
  };
  return adapter;
}

/** The parts of an inbound activity every handler relies on; anything else is parsed where it is used. */
export const activityEnvelopeSchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().min(1).max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url().max(2048),
    from: z.object({ id: z.string().min(1).max(512) }).loose(),
    recipient: z.object({ id: z.string().min(1).max(512) }).loose(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
  })
  .loose();

export interface RequestListenerOptions {
  adapter: TeamsCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** With an app id, a request without a bearer token is refused before botbuilder sees it. */
  authRequired: boolean;
  bodyLimitBytes?: number;
  logger: Logger;
}

/** Timestamps as botbuilder's own request handling leaves them: Date objects, with the raw strings kept. */
function withDates(activity: Record<string, unknown>): Activity {
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * POST /api/messages on coachloop's own node:http server: the body is read with a size limit and parsed
 * (malformed JSON is a 400, never a crash), checked as an activity, authenticated (a 401 for any bad or
 * missing token), and the turn's invoke response, if any, becomes the HTTP answer.
 */
export function createTeamsRequestListener(
  options: RequestListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.bodyLimitBytes ?? 512 * 1024;
  const log = options.logger;
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return answer(res, 405, { error: 'use POST' });
      const raw = await readBody(req, limit);
      if (raw === 'too_large') return answer(res, 413, { error: 'activity too large' }, { close: true });
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(res, 400, { error: 'the body is not valid JSON' });
      }
      const envelope = activityEnvelopeSchema.safeParse(body);
      if (!envelope.success) {
        log.warn({ issues: envelope.error.issues.length }, 'Teams activity rejected: not an activity');
        return answer(res, 400, { error: 'the body is not a Bot Framework activity' });
      }
      const authorization = req.headers.authorization ?? '';
      if (options.authRequired && !/^Bearer \S+$/.test(authorization)) {
        log.warn('Teams request refused: no bearer token');
        return answer(res, 401, { error: 'unauthorized' });
      }
      const activity = withDates({ ...envelope.data });
      let authenticated: AuthenticateRequestResult;
      try {
        authenticated = await options.adapter.authenticate(activity, authorization);
      } catch (error) {
        log.warn({ reason: (error as Error).message }, 'Teams request refused: the token did not check out');
        return answer(res, 401, { error: 'unauthorized' });
      }
      const invoke = await options.adapter.runAuthenticated(authenticated, activity, options.logic);
      return answer(res, invoke?.status ?? 200, invoke?.body);
    })().catch((error: Error) => {
      log.error({ err: error.message }, 'Teams request failed');
      answer(res, 500, { error: 'internal error' });
    });
  };
}
