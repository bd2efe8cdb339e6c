import { startServiceProcess } from './service-process.js';

export interface SimStats {
  stats: { accepted: number; rateLimited: number; faults: number };
  /** CPU (user + system) of the simulator process since the last cpuStart. */
  cpuMs: number;
  messages: number;
  calls: number;
  callsByMethod: Record<string, number>;
  /** TCP connections opened to the simulator since the last cpuStart. */
  connections: number;
  postStatuses: Record<string, number>;
  rssBytes: number;
}

export interface SimProcess {
  apiUrl: string;
  token: string;
  teamId: string;
  botId: string;
  botUserId: string;
  cpuStart(): Promise<void>;
  stats(): Promise<SimStats>;
  close(): Promise<void>;
}

/** Starts the Slack simulator in a child process with `users` registered users (U0000000, U0000001, …). */
export async function startSimProcess(options: {
  users: number;
  emails?: boolean;
  rateLimits?: { perChannelPerSecond?: number; workspacePerMinute?: number };
  /** See sim-child.ts: leave unset for the simulator's own 1 s. */
  keepAliveMs?: number;
}): Promise<SimProcess> {
  const service = await startServiceProcess<Omit<SimProcess, 'cpuStart' | 'stats' | 'close'>>(
    'lib/sim-child.ts',
    options,
    'simulator',
  );
  const { apiUrl, token, teamId, botId, botUserId } = service.ready;
  return {
    apiUrl,
    token,
    teamId,
    botId,
    botUserId,
    cpuStart: () => service.call<void>('cpuStart'),
    stats: () => service.call<SimStats>('stats'),
    close: () => service.close(),
  };
}
