/**
 * The Bot Framework connector simulator behind a proxy that enforces Teams' rate limits, both in this
 * process (so their CPU time is not counted against the bot). The simulator has no limits of its own; the
 * proxy (127.0.0.1, ephemeral port) answers 429 with Retry-After, as Teams does, to
 *  - a send to a conversation (POST …/conversations/{id}/activities[/{replyTo}]) beyond the per bot per
 *    conversation windows (7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / h);
 *  - any request beyond about 50 per second per app per tenant;
 * and forwards everything else unchanged. Refused requests do not count against the windows.
 * Input (argv[2], JSON): {}. Talks to the parent over IPC: see teams-sim-client.ts.
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startConnectorSimulator } from '../../test/simulators/botframework.js';
import { cpuMs } from './common.js';
import { TEAMS_CONVERSATION_WINDOWS, TEAMS_TENANT_WINDOW, WindowLog } from './teams-limits.js';

/** One request the proxy saw: when (ms, this process's monotonic clock), where, and what it answered. */
export interface ProxiedRequest {
  at: number;
  method: string;
  /** The conversation of a send; undefined for other operations. */
  conversationId?: string;
  tenantId: string;
  status: number;
  /** Which limit refused it (429 from the proxy). */
  refusedBy?: 'tenant' | 'conversation';
  retryAfterSeconds?: number;
}

export interface TeamsSimStats {
  requests: ProxiedRequest[];
  /** Activities the simulator recorded since the last reset, by conversation. */
  delivered: Record<string, number>;
  /** Texts of the activities delivered since the last reset, per conversation, in order (for duplicate checks). */
  textsByConversation: Record<string, string[]>;
  connections: number;
  cpuMs: number;
  rssBytes: number;
}

process.on('disconnect', () => process.exit(1));

const sim = await startConnectorSimulator();
const upstream = new Agent({ keepAlive: true, maxSockets: 64 });
const tenantLog = new WindowLog([TEAMS_TENANT_WINDOW]);
const conversationLog = new WindowLog(TEAMS_CONVERSATION_WINDOWS);
let requests: ProxiedRequest[] = [];
let connections = 0;
let activitiesAtReset = 0;
let since = process.cpuUsage();

/** The conversation a send goes to, from the path (ids arrive URL-encoded). */
function sendTarget(method: string, path: string): string | undefined {
  if (method !== 'POST') return undefined;
  const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
  if (!match || match[2] === 'history') return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

/** The tenant a request acts in: from the activity or conversation parameters; one tenant otherwise. */
function tenantOf(body: Buffer): string {
  if (body.length === 0) return 'tenant';
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      tenantId?: unknown;
      conversation?: { tenantId?: unknown };
      channelData?: { tenant?: { id?: unknown } };
    };
    const id = parsed.conversation?.tenantId ?? parsed.channelData?.tenant?.id ?? parsed.tenantId;
    return typeof id === 'string' && id ? id : 'tenant';
  } catch {
    return 'tenant';
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sockets = new Set<Socket>();
const server = createServer((req, res) => {
  const at = performance.now();
  const method = req.method ?? 'GET';
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  void readBody(req).then(
    (body) => {
      const conversationId = sendTarget(method, path);
      const tenantId = tenantOf(body);
      const record: ProxiedRequest = {
        at,
        method,
        tenantId,
        status: 0,
        ...(conversationId ? { conversationId } : {}),
      };
      requests.push(record);
      const tenantWait = tenantLog.check(tenantId, at);
      const conversationWait = conversationId ? conversationLog.check(conversationId, at) : 0;
      if (tenantWait > 0 || conversationWait > 0) {
        const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(tenantWait, conversationWait) / 1000));
        record.status = 429;
        record.refusedBy = conversationWait > 0 ? 'conversation' : 'tenant';
        record.retryAfterSeconds = retryAfterSeconds;
        const text = JSON.stringify({
          error: { code: 'TooManyRequests', message: `Too many requests (${record.refusedBy} limit)` },
        });
        res.writeHead(429, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(text)),
          'retry-after': String(retryAfterSeconds),
        });
        res.end(text);
        return;
      }
      tenantLog.record(tenantId, at);
      if (conversationId) conversationLog.record(conversationId, at);
      const forward = httpRequest(
        {
          host: '127.0.0.1',
          port: sim.port,
          path: req.url,
          method,
          headers: { ...req.headers, 'content-length': String(body.length) },
          agent: upstream,
        },
        (answer) => {
          record.status = answer.statusCode ?? 502;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    },
    () => res.destroy(),
  );
});
server.on('connection', (socket) => {
  connections += 1;
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const { port } = server.address() as AddressInfo;

function reset(): void {
  requests = [];
  connections = 0;
  tenantLog.clear();
  conversationLog.clear();
  activitiesAtReset = sim.activities.length;
  since = process.cpuUsage();
}

function stats(): TeamsSimStats {
  const delivered: Record<string, number> = {};
  const textsByConversation: Record<string, string[]> = {};
  for (const recorded of sim.activities.slice(activitiesAtReset)) {
    delivered[recorded.conversationId] = (delivered[recorded.conversationId] ?? 0) + 1;
    const text =
      typeof recorded.activity.text === 'string'
        ? recorded.activity.text
        : typeof recorded.activity.summary === 'string'
          ? recorded.activity.summary
          : '';
    const texts = textsByConversation[recorded.conversationId];
    if (texts) texts.push(text);
    else textsByConversation[recorded.conversationId] = [text];
  }
  return {
    requests,
    delivered,
    textsByConversation,
    connections,
    cpuMs: cpuMs(since),
    rssBytes: process.memoryUsage().rss,
  };
}

process.on('message', (raw) => {
  const message = raw as { id: number; cmd: 'reset' | 'stats' | 'close' };
  const reply = (value: unknown) => process.send?.({ type: 'reply', id: message.id, value });
  switch (message.cmd) {
    case 'reset':
      reset();
      reply(null);
      return;
    case 'stats':
      reply(stats());
      return;
    case 'close':
      for (const socket of sockets) socket.destroy();
      upstream.destroy();
      server.close();
      void sim.close().then(() => {
        reply(null);
        setTimeout(() => process.exit(0), 20);
      });
      return;
  }
});
process.send?.({
  type: 'ready',
  /** The serviceUrl the bot is given: the proxy, not the simulator. */
  serviceUrl: `http://127.0.0.1:${port}/`,
  simulatorUrl: sim.serviceUrl,
});
