/**
 * Local Bot Framework connector simulator for Teams tests.
 *
 * A real HTTP server on 127.0.0.1 (ephemeral port) that answers the Bot Connector REST routes a
 * bot calls on `activity.serviceUrl`. Give inbound activities `serviceUrl: sim.serviceUrl` and the
 * bot's replies, proactive messages, card updates and new conversations land here:
 *
 *   POST   /v3/conversations                                         create a conversation
 *   POST   /v3/conversations/{conversationId}/activities             send (proactive / no replyToId)
 *   POST   /v3/conversations/{conversationId}/activities/history     send conversation history
 *   POST   /v3/conversations/{conversationId}/activities/{activityId} reply (any id accepted)
 *   PUT    /v3/conversations/{conversationId}/activities/{activityId} update an activity (a card)
 *   DELETE /v3/conversations/{conversationId}/activities/{activityId} delete an activity
 *   GET    /v3/conversations/{conversationId}/members                roster
 *   GET    /v3/conversations/{conversationId}/members/{memberId}     one member
 *   GET    /v3/conversations/{conversationId}/pagedmembers           roster, paged (pageSize 50–500,
 *                                                                     continuationToken)
 *
 * Conversation ids arrive URL-encoded (Teams ids contain ':', ';' and '@'). Anything before
 * `/v3/` is ignored, so a serviceUrl with a path (`…/amer/`) works too.
 *
 * Also exports `teamsActivity()` (inbound activities shaped like the ones Teams sends) and
 * `postActivity()` (POSTs one to a bot's `/api/messages`).
 *
 * Node built-ins only.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/** Routes faults can target. `send` covers proactive sends, replies and history. */
export type ConnectorRoute = 'send' | 'update' | 'delete' | 'create' | 'members' | '*';

export type ConnectorFault =
  /**
   * Answer with this HTTP status; nothing is recorded as delivered. `Retry-After` is set when
   * `retryAfterSeconds` is given. Without `body`, the body is `{ error: { code, message } }` with a
   * code that fits the status (403 → `MessageWritesBlocked`, the answer for a user who blocked the bot).
   */
  | { status: number; retryAfterSeconds?: number; body?: unknown }
  /** The call takes effect at once; only the answer is delayed by `ms`. */
  | { type: 'delay'; ms: number };

/** Ready-made faults the Teams connector really answers with. */
export const connectorFaults = {
  /** The user blocked the bot (or uninstalled it): Teams refuses writes to the 1:1 chat. */
  messageWritesBlocked: (): ConnectorFault => ({
    status: 403,
    body: { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked from receiving messages.' } },
  }),
  /** The bot was removed from the team or chat. */
  botNotInConversation: (): ConnectorFault => ({
    status: 403,
    body: {
      error: {
        code: 'BotNotInConversationRoster',
        message: 'The bot is not part of the conversation roster.',
      },
    },
  }),
  conversationNotFound: (): ConnectorFault => ({
    status: 404,
    body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } },
  }),
  /** 429 with `Retry-After`. */
  throttled: (retryAfterSeconds = 1): ConnectorFault => ({ status: 429, retryAfterSeconds }),
  preconditionFailed: (): ConnectorFault => ({ status: 412 }),
  badGateway: (): ConnectorFault => ({ status: 502 }),
  gatewayTimeout: (): ConnectorFault => ({ status: 504 }),
} as const;

export type JsonObject = Record<string, unknown>;

export interface RecordedActivity {
  /** The id the simulator answered with. */
  id: string;
  /** Decoded conversation id from the URL. */
  conversationId: string;
  /** The `{activityId}` of a reply route (undefined for a plain send). */
  replyToId?: string;
  /** `send` = POST …/activities, `reply` = POST …/activities/{id}, `history` = POST …/activities/history. */
  kind: 'send' | 'reply' | 'history';
  /** The JSON body the bot POSTed. */
  activity: JsonObject;
  /** The `Authorization` header, if any. */
  authorization?: string;
  at: number;
}

export interface RecordedUpdate {
  conversationId: string;
  activityId: string;
  activity: JsonObject;
  authorization?: string;
  at: number;
}

export interface RecordedDelete {
  conversationId: string;
  activityId: string;
  at: number;
}

export interface RecordedConversation {
  /** The conversation id answered. */
  id: string;
  /** The ConversationParameters body. */
  parameters: JsonObject;
  /** Id of the first activity when `parameters.activity` was given. */
  activityId?: string;
  at: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  route: Exclude<ConnectorRoute, '*'> | 'unknown';
  status: number;
  at: number;
  fault?: ConnectorFault;
}

export interface ConnectorStats {
  /** Every HTTP request received. */
  requests: number;
  /** Requests per route (including faulted and refused ones). */
  byRoute: Record<Exclude<ConnectorRoute, '*'> | 'unknown', number>;
  /** Injected faults served (delays included). */
  faults: number;
  /** Requests refused with 401 by `requireAuth`. */
  unauthorized: number;
}

export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  [key: string]: unknown;
}

export interface ConnectorSimulatorOptions {
  /**
   * When set, every request must carry `Authorization: Bearer <token>` and the verifier must accept
   * the token; otherwise 401 and nothing is recorded. Without it, tokens are ignored (recorded only).
   */
  requireAuth?: (token: string) => boolean | Promise<boolean>;
  /** Path prefix of `serviceUrl`, e.g. `/amer/`. Default `/`. */
  pathPrefix?: string;
  /** Rosters answered by GET …/members, by conversation id. Conversations created here get their members. */
  members?: Record<string, ChannelAccount[]>;
  /** Clock (ms) for `at` and generated activity ids. Default `Date.now`. */
  now?: () => number;
  /**
   * Limits per conversation on sends, as Teams documents them for one bot (7 per 1 s, 8 per 2 s, …): at most
   * `count` accepted sends arrive within any span shorter than `ms`; beyond that, 429 with Retry-After in whole
   * seconds (a refused send does not count). Unlimited when not given.
   */
  conversationLimits?: readonly { count: number; ms: number }[];
}

export interface ConnectorSimulator {
  /** `http://127.0.0.1:PORT/` (plus `pathPrefix`) — use as the activities' `serviceUrl`. */
  serviceUrl: string;
  port: number;
  close(): Promise<void>;
  /** Every activity delivered (sends, replies, history), oldest first. */
  activities: RecordedActivity[];
  activitiesTo(conversationId: string): RecordedActivity[];
  /** PUT updates, oldest first. */
  updates: RecordedUpdate[];
  deletes: RecordedDelete[];
  conversationsCreated: RecordedConversation[];
  /** Every request with the status answered. */
  requests: RecordedRequest[];
  /** Fault the next `times` (default 1; `Infinity` for all) requests to `route` (`'*'` = any route). */
  injectFault(route: ConnectorRoute, fault: ConnectorFault, times?: number): void;
  clearFaults(): void;
  /** Sets (or replaces) a conversation's roster. */
  setMembers(conversationId: string, members: ChannelAccount[]): void;
  stats: ConnectorStats;
  /** Forgets recorded traffic, faults and stats (rosters stay). */
  reset(): void;
}

// ---------------------------------------------------------------------------
// Simulator
// ---------------------------------------------------------------------------

const DEFAULT_ERROR_CODES: Record<number, string> = {
  400: 'BadArgument',
  401: 'Unauthorized',
  403: 'MessageWritesBlocked',
  404: 'ConversationNotFound',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'MessageSizeTooBig',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ParsedRoute {
  route: Exclude<ConnectorRoute, '*'> | 'unknown';
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  op?: 'send' | 'reply' | 'history' | 'update' | 'delete' | 'create' | 'members' | 'member' | 'pagedmembers';
}

function parseRoute(method: string, rawPath: string): ParsedRoute {
  const at = rawPath.indexOf('/v3/');
  if (at < 0) return { route: 'unknown' };
  // Split before decoding: encoded '/' (%2F) inside an id must not become a separator.
  const segments = rawPath
    .slice(at + 1)
    .split('/')
    .filter((s) => s !== '');
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    return { route: 'unknown' };
  }
  const [v3, conversations, conversationId, sub, id, ...rest] = decoded;
  if (v3 !== 'v3' || conversations !== 'conversations') return { route: 'unknown' };
  if (conversationId === undefined)
    return method === 'POST' ? { route: 'create', op: 'create' } : { route: 'unknown' };
  if (sub === 'activities') {
    if (rest.length > 0) return { route: 'unknown' };
    if (id === undefined)
      return method === 'POST' ? { route: 'send', op: 'send', conversationId } : { route: 'unknown' };
    // `history` is a fixed segment: match it before treating the segment as an activity id.
    if (id === 'history' && method === 'POST') return { route: 'send', op: 'history', conversationId };
    if (method === 'POST') return { route: 'send', op: 'reply', conversationId, activityId: id };
    if (method === 'PUT') return { route: 'update', op: 'update', conversationId, activityId: id };
    if (method === 'DELETE') return { route: 'delete', op: 'delete', conversationId, activityId: id };
    return { route: 'unknown' };
  }
  if (method === 'GET' && sub === 'members' && rest.length === 0) {
    return id === undefined
      ? { route: 'members', op: 'members', conversationId }
      : { route: 'members', op: 'member', conversationId, memberId: id };
  }
  if (method === 'GET' && sub === 'pagedmembers' && id === undefined)
    return { route: 'members', op: 'pagedmembers', conversationId };
  return { route: 'unknown' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export async function startConnectorSimulator(
  options: ConnectorSimulatorOptions = {},
): Promise<ConnectorSimulator> {
  const now = options.now ?? Date.now;
  const prefix = `/${(options.pathPrefix ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const rosters = new Map<string, ChannelAccount[]>(Object.entries(options.members ?? {}));

  const activities: RecordedActivity[] = [];
  const updates: RecordedUpdate[] = [];
  const deletes: RecordedDelete[] = [];
  const conversationsCreated: RecordedConversation[] = [];
  const requests: RecordedRequest[] = [];
  const faults: { route: ConnectorRoute; fault: ConnectorFault; remaining: number }[] = [];
  const stats: ConnectorStats = {
    requests: 0,
    byRoute: { send: 0, update: 0, delete: 0, create: 0, members: 0, unknown: 0 },
    faults: 0,
    unauthorized: 0,
  };
  const sockets = new Set<import('node:net').Socket>();
  const pendingTimers = new Set<NodeJS.Timeout>();

  let lastId = 0;
  /** Teams message ids look like epoch milliseconds ("1700000000123"); keep them unique and increasing. */
  const nextActivityId = (): string => {
    lastId = Math.max(now(), lastId + 1);
    return String(lastId);
  };

  const takeFault = (route: ParsedRoute['route']): ConnectorFault | undefined => {
    const index = faults.findIndex((f) => f.remaining > 0 && (f.route === '*' || f.route === route));
    if (index < 0) return undefined;
    const entry = faults[index] as (typeof faults)[number];
    entry.remaining--;
    if (entry.remaining <= 0) faults.splice(index, 1);
    stats.faults++;
    return entry.fault;
  };

  /** When accepted sends arrived, per conversation, for `conversationLimits`. */
  const arrivals = new Map<string, number[]>();
  /** How long until one more send to the conversation fits its limits (0: it fits now). */
  const conversationWait = (conversationId: string, at: number): number => {
    const times = arrivals.get(conversationId) ?? [];
    let wait = 0;
    for (const limit of options.conversationLimits ?? []) {
      const inWindow = times.filter((t) => at - t < limit.ms).length;
      if (inWindow >= limit.count) wait = Math.max(wait, times[times.length - limit.count]! + limit.ms - at);
    }
    return wait;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const parsed = parseRoute(method, rawPath);
    const record: RecordedRequest = { method, path: rawPath, route: parsed.route, status: 0, at: now() };
    requests.push(record);
    stats.requests++;
    stats.byRoute[parsed.route]++;
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status;
      sendJson(res, status, body, headers);
    };
    const raw = await readBody(req);

    if (parsed.route === 'unknown') {
      return answer(404, { error: { code: 'NotFound', message: `No route for ${method} ${rawPath}` } });
    }

    const authorization = req.headers.authorization;
    if (options.requireAuth) {
      const match = /^Bearer (\S+)$/.exec(authorization ?? '');
      let ok = false;
      if (match?.[1]) {
        try {
          ok = await options.requireAuth(match[1]);
        } catch {
          ok = false;
        }
      }
      if (!ok) {
        stats.unauthorized++;
        return answer(401, { message: 'Authorization has been denied for this request.' });
      }
    }

    const fault = takeFault(parsed.route);
    if (fault) record.fault = fault;
    if (fault && 'status' in fault) {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      const body = fault.body ?? {
        error: {
          code: DEFAULT_ERROR_CODES[fault.status] ?? `Http${fault.status}`,
          message: `Simulated ${fault.status}`,
        },
      };
      return answer(fault.status, body, headers);
    }

    if (parsed.route === 'send' && parsed.conversationId !== undefined && options.conversationLimits) {
      const wait = conversationWait(parsed.conversationId, record.at);
      if (wait > 0) {
        return answer(
          429,
          { error: { code: 'TooManyRequests', message: 'Too many requests to this conversation' } },
          { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
        );
      }
      arrivals.set(parsed.conversationId, [...(arrivals.get(parsed.conversationId) ?? []), record.at]);
    }

    let status = 200;
    let body: unknown;
    try {
      ({ status, body } = apply(parsed, raw, authorization, url));
    } catch (err) {
      if (err instanceof HttpError) {
        status = err.status;
        body = { error: { code: err.code, message: err.message } };
      } else throw err;
    }
    if (fault && 'type' in fault && fault.type === 'delay') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pendingTimers.delete(timer);
          resolve();
        }, fault.ms);
        pendingTimers.add(timer);
      });
    }
    if (!res.destroyed) answer(status, body);
  };

  const parseJson = (raw: string): JsonObject => {
    if (raw.trim() === '') throw new HttpError(400, 'BadArgument', 'Missing request body');
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new HttpError(400, 'BadSyntax', 'Request body is not JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new HttpError(400, 'BadArgument', 'Body must be an object');
    return value as JsonObject;
  };

  const apply = (
    parsed: ParsedRoute,
    raw: string,
    authorization: string | undefined,
    url: URL,
  ): { status: number; body: unknown } => {
    const at = now();
    const withAuth = <T extends object>(o: T): T => (authorization ? { ...o, authorization } : o);
    switch (parsed.op) {
      case 'send':
      case 'reply':
      case 'history': {
        const activity = parseJson(raw);
        if (parsed.op !== 'history' && typeof activity.type !== 'string') {
          throw new HttpError(400, 'BadArgument', 'Activity type is required');
        }
        const id = nextActivityId();
        const recorded: RecordedActivity = withAuth({
          id,
          conversationId: parsed.conversationId as string,
          kind: parsed.op,
          activity,
          at,
        });
        if (parsed.op === 'reply') recorded.replyToId = parsed.activityId as string;
        activities.push(recorded);
        return { status: parsed.op === 'history' ? 200 : 201, body: { id } };
      }
      case 'update': {
        const activity = parseJson(raw);
        updates.push(
          withAuth({
            conversationId: parsed.conversationId as string,
            activityId: parsed.activityId as string,
            activity,
            at,
          }),
        );
        return { status: 200, body: { id: parsed.activityId } };
      }
      case 'delete':
        deletes.push({
          conversationId: parsed.conversationId as string,
          activityId: parsed.activityId as string,
          at,
        });
        return { status: 200, body: undefined };
      case 'create': {
        const parameters = parseJson(raw);
        const members = Array.isArray(parameters.members) ? (parameters.members as ChannelAccount[]) : [];
        const tenantId =
          (typeof parameters.tenantId === 'string' && parameters.tenantId) ||
          ((parameters.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? '');
        let id: string;
        if (parameters.isGroup !== true && members.length === 1) {
          // Teams answers the same 1:1 conversation id every time for one user and bot.
          const digest = createHash('sha256')
            .update(`${tenantId}|${members[0]?.id ?? ''}`)
            .digest('base64url');
          id = `a:1${digest.slice(0, 40)}`;
        } else if (typeof parameters.channelData === 'object' && parameters.channelData !== null) {
          const channelId = (parameters.channelData as { channel?: { id?: string } }).channel?.id;
          id = channelId ? `${channelId};messageid=${nextActivityId()}` : `19:${nextActivityId()}@thread.v2`;
        } else {
          id = `19:${nextActivityId()}@thread.v2`;
        }
        // Teams knows its people: a 1:1 opened with a team member's id has that member's full account.
        const known = (account: ChannelAccount) =>
          [...rosters.values()].flat().find((m) => m.id === account.id && m.aadObjectId) ?? account;
        if (members.length > 0 && !rosters.has(id)) rosters.set(id, members.map(known));
        const activityId = parameters.activity ? nextActivityId() : undefined;
        const recorded: RecordedConversation = { id, parameters, at };
        if (activityId) {
          recorded.activityId = activityId;
          activities.push(
            withAuth({
              id: activityId,
              conversationId: id,
              kind: 'send' as const,
              activity: parameters.activity as JsonObject,
              at,
            }),
          );
        }
        conversationsCreated.push(recorded);
        return {
          status: 201,
          body: { id, ...(activityId ? { activityId } : {}), serviceUrl: serviceUrlOf() },
        };
      }
      case 'members':
        return { status: 200, body: rosters.get(parsed.conversationId as string) ?? [] };
      case 'member': {
        const member = (rosters.get(parsed.conversationId as string) ?? []).find(
          (m) => m.id === parsed.memberId || m.aadObjectId === parsed.memberId,
        );
        if (!member)
          throw new HttpError(404, 'MemberNotFoundInConversation', 'The member is not in the conversation.');
        return { status: 200, body: member };
      }
      case 'pagedmembers': {
        const all = rosters.get(parsed.conversationId as string) ?? [];
        // As Teams does: fewer than 50 a page are treated as 50, more than 500 capped at 500.
        const pageSize = Math.max(50, Math.min(500, Number(url.searchParams.get('pageSize') ?? 200) || 200));
        const start = Number(url.searchParams.get('continuationToken') ?? 0) || 0;
        const page = all.slice(start, start + pageSize);
        const next = start + pageSize < all.length ? String(start + pageSize) : undefined;
        return { status: 200, body: { members: page, ...(next ? { continuationToken: next } : {}) } };
      }
      default:
        throw new HttpError(404, 'NotFound', 'No such route');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'InternalServerError', message: String(err) } });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const serviceUrlOf = () => `http://127.0.0.1:${port}${prefix}`;

  return {
    serviceUrl: serviceUrlOf(),
    port,
    activities,
    activitiesTo: (conversationId) => activities.filter((a) => a.conversationId === conversationId),
    updates,
    deletes,
    conversationsCreated,
    requests,
    stats,
    injectFault(route, fault, times = 1) {
      faults.push({ route, fault, remaining: times });
    },
    clearFaults() {
      faults.length = 0;
    },
    setMembers(conversationId, members) {
      rosters.set(conversationId, members);
    },
    reset() {
      arrivals.clear();
      activities.length = 0;
      updates.length = 0;
      deletes.length = 0;
      conversationsCreated.length = 0;
      requests.length = 0;
      faults.length = 0;
      stats.requests = 0;
      stats.faults = 0;
      stats.unauthorized = 0;
      for (const key of Object.keys(stats.byRoute) as (keyof ConnectorStats['byRoute'])[])
        stats.byRoute[key] = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------
// Inbound activities
// ---------------------------------------------------------------------------

/** Default bot app id used in `recipient` (`28:<app id>`). */
export const TEST_BOT_APP_ID = '00000000-0000-0000-0000-0000000000b0';

export interface TeamsActivityInput {
  type: 'message' | 'conversationUpdate' | 'invoke' | 'installationUpdate' | 'messageReaction';
  text?: string;
  /** `Action.Submit` data (message) or invoke value (`adaptiveCard/action`). */
  value?: unknown;
  from: { id: string; aadObjectId?: string; name?: string };
  conversation: {
    id: string;
    conversationType: 'personal' | 'channel' | 'groupChat';
    tenantId: string;
    name?: string;
  };
  serviceUrl: string;
  /** IANA zone; Teams clients send it on messages (also used for `localTimestamp`). */
  localTimezone?: string;
  locale?: string;
  membersAdded?: { id: string; aadObjectId?: string; name?: string }[];
  membersRemoved?: { id: string; aadObjectId?: string; name?: string }[];
  /** Invoke name, e.g. `adaptiveCard/action`; or `action` for installationUpdate (`add` / `remove`). */
  name?: string;
  action?: string;
  channelData?: {
    tenant: { id: string };
    team?: { id: string; name?: string; aadGroupId?: string };
    channel?: { id: string; name?: string };
    eventType?: string;
    [key: string]: unknown;
  };
  replyToId?: string;
  /** Default a new epoch-millisecond id. */
  id?: string;
  /** Default now. */
  timestamp?: Date;
  /** Bot app id (`recipient.id` is `28:<botAppId>`). Default `TEST_BOT_APP_ID`. */
  botAppId?: string;
  botName?: string;
  entities?: JsonObject[];
}

let lastInboundId = 0;
function nextInboundId(): string {
  lastInboundId = Math.max(Date.now(), lastInboundId + 1);
  return String(lastInboundId);
}

/** `2024-05-01T09:30:00.000-07:00` for `date` in `timeZone`. */
function localIso(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const ms = String(date.getUTCMilliseconds()).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
}

/** Builds an inbound activity the way Teams sends it to a bot's messaging endpoint. */
export function teamsActivity(input: TeamsActivityInput): JsonObject {
  const timestamp = input.timestamp ?? new Date();
  const botAppId = input.botAppId ?? TEST_BOT_APP_ID;
  const locale = input.locale ?? 'en-US';
  const isChannel = input.conversation.conversationType === 'channel';
  const channelData: JsonObject = {
    tenant: { id: input.conversation.tenantId },
    ...(input.channelData ?? {}),
  };
  if (isChannel && channelData.channel && !channelData.teamsChannelId) {
    channelData.teamsChannelId = (channelData.channel as { id: string }).id;
  }
  if (channelData.team && !channelData.teamsTeamId)
    channelData.teamsTeamId = (channelData.team as { id: string }).id;

  const activity: JsonObject = {
    type: input.type,
    id: input.id ?? nextInboundId(),
    timestamp: timestamp.toISOString(),
    channelId: 'msteams',
    serviceUrl: input.serviceUrl,
    from: {
      id: input.from.id,
      name: input.from.name ?? 'Test User',
      ...(input.from.aadObjectId ? { aadObjectId: input.from.aadObjectId } : {}),
    },
    conversation: {
      conversationType: input.conversation.conversationType,
      tenantId: input.conversation.tenantId,
      id: input.conversation.id,
      ...(input.conversation.conversationType === 'personal' ? {} : { isGroup: true }),
      ...(input.conversation.name ? { name: input.conversation.name } : {}),
    },
    recipient: { id: `28:${botAppId}`, name: input.botName ?? 'coachloop' },
    channelData,
    locale,
  };
  if (input.localTimezone) {
    activity.localTimezone = input.localTimezone;
    activity.localTimestamp = localIso(timestamp, input.localTimezone);
  }
  const entities: JsonObject[] = [...(input.entities ?? [])];
  if (input.type === 'message') {
    activity.text = input.text ?? '';
    activity.textFormat = 'plain';
    entities.push({
      type: 'clientInfo',
      locale,
      country: locale.split('-')[1] ?? 'US',
      platform: 'Web',
      ...(input.localTimezone ? { timezone: input.localTimezone } : {}),
    });
  } else if (input.text !== undefined) {
    activity.text = input.text;
  }
  if (entities.length > 0) activity.entities = entities;
  if (input.value !== undefined) activity.value = input.value;
  if (input.name !== undefined) activity.name = input.name;
  if (input.action !== undefined) activity.action = input.action;
  if (input.membersAdded) activity.membersAdded = input.membersAdded;
  if (input.membersRemoved) activity.membersRemoved = input.membersRemoved;
  if (input.replyToId) activity.replyToId = input.replyToId;
  return activity;
}

export interface PostActivityResult {
  status: number;
  /** Parsed JSON when the answer is JSON, the text otherwise, undefined when empty. */
  body: unknown;
}

/**
 * POSTs `activity` as JSON to the bot. `botUrl` is the bot's base URL (`http://127.0.0.1:PORT`,
 * `/api/messages` is appended) or a full URL whose path already ends with `/api/messages`.
 */
export async function postActivity(
  botUrl: string,
  activity: JsonObject,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<PostActivityResult> {
  const url = new URL(botUrl);
  if (!url.pathname.endsWith('/api/messages'))
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/messages`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.headers ?? {}),
    },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, body };
}
