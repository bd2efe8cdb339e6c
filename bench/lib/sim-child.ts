/**
 * The Slack Web API simulator in its own process, so that its CPU time is not counted against the bot.
 * Input (argv[2], JSON): { users, rateLimits?, keepAliveMs? }. Talks to the parent over IPC: see sim-client.ts.
 */
import http from 'node:http';
import { cpuMs, userIdOf } from './common.js';

interface Input {
  users: number;
  /** Give each user an email (`<id>@bench.example`, lower case), as a roster import needs. */
  emails?: boolean;
  rateLimits?: { perChannelPerSecond?: number; workspacePerMinute?: number };
  /**
   * Keep-alive timeout of the simulator's HTTP server. The simulator sets 1 s; fetch (undici) subtracts a
   * 2 s margin from the server's keep-alive hint, so with 1 s it closes the connection after every call.
   * A longer timeout lets the client reuse its connections, as it can against a server that keeps them open.
   */
  keepAliveMs?: number;
}

process.on('disconnect', () => process.exit(1));
const input = JSON.parse(process.argv[2] ?? '{}') as Input;
const keepAliveMs = input.keepAliveMs;
let connections = 0;
// Bench-only hook: this process runs nothing but the simulator, whose server object is not exposed. It counts
// the TCP connections clients open and, when asked, changes the keep-alive timeout.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (this: http.Server, ...args: unknown[]) {
  if (keepAliveMs !== undefined) this.keepAliveTimeout = keepAliveMs;
  this.on('connection', () => {
    connections += 1;
  });
  return (listen as (...a: unknown[]) => http.Server).apply(this, args);
} as typeof listen;
const { startSlackSimulator } = await import('../../test/simulators/slack-api.js');
const sim = await startSlackSimulator(input.rateLimits ? { rateLimits: input.rateLimits } : {});
for (let i = 0; i < input.users; i += 1) {
  const id = userIdOf(i);
  sim.addUser(input.emails ? { id, email: `${id.toLowerCase()}@bench.example` } : { id });
}
let since = process.cpuUsage();

process.on('message', (raw) => {
  const message = raw as { id: number; cmd: 'cpuStart' | 'stats' | 'close' };
  const reply = (value: unknown) => process.send?.({ type: 'reply', id: message.id, value });
  switch (message.cmd) {
    case 'cpuStart':
      since = process.cpuUsage();
      connections = 0;
      reply(null);
      return;
    case 'stats': {
      const posts = sim.callsTo('chat.postMessage');
      reply({
        stats: { ...sim.stats },
        cpuMs: cpuMs(since),
        messages: sim.messages().length,
        calls: sim.calls.length,
        callsByMethod: sim.calls.reduce<Record<string, number>>((acc, call) => {
          acc[call.method] = (acc[call.method] ?? 0) + 1;
          return acc;
        }, {}),
        connections,
        postStatuses: posts.reduce<Record<string, number>>((acc, call) => {
          acc[call.status] = (acc[call.status] ?? 0) + 1;
          return acc;
        }, {}),
        rssBytes: process.memoryUsage().rss,
      });
      return;
    }
    case 'close':
      void sim.close().then(() => {
        reply(null);
        setTimeout(() => process.exit(0), 20);
      });
      return;
  }
});
process.send?.({
  type: 'ready',
  apiUrl: sim.apiUrl,
  token: sim.token,
  teamId: sim.teamId,
  botId: sim.botId,
  botUserId: sim.botUserId,
});
