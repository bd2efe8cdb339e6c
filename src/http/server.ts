import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RequestListener } from '../app/ports.js';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export interface HealthReport {
  status: number;
  body: unknown;
}

/**
 * coachloop's one HTTP server: the channels' routes (`/slack/events`, `/api/messages`), the console's tree
 * (`/console` and everything under it), `/healthz` (is this process alive and its scheduler passing), `/readyz`
 * (should it get traffic: database reachable, migrations current, not shutting down), and a 404 for anything else.
 */
export function createHttpServer(options: {
  routes: Record<string, RequestListener>;
  /** Handlers of a whole path tree: `/console` serves `/console` and `/console/…`. */
  trees?: Record<string, RequestListener>;
  health: () => Promise<HealthReport>;
  ready: () => Promise<HealthReport>;
}): Server {
  const probes: Record<string, () => Promise<HealthReport>> = {
    '/healthz': options.health,
    '/readyz': options.ready,
  };
  const trees = Object.entries(options.trees ?? {});
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = options.routes[path];
    if (route) return route(req, res);
    const tree = trees.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
    if (tree) return tree[1](req, res);
    const probe = probes[path];
    if (probe && req.method === 'GET') {
      void probe()
        .then((report) => sendJson(res, report.status, report.body))
        .catch(() => sendJson(res, 503, { ok: false }));
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  });
}
