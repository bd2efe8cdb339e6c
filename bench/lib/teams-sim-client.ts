import { startServiceProcess } from './service-process.js';
import type { TeamsSimStats } from './teams-sim-child.js';

export type { ProxiedRequest, TeamsSimStats } from './teams-sim-child.js';

export interface TeamsSimProcess {
  /** Give this to the bot as the conversations' serviceUrl: Teams' limits are enforced there. */
  serviceUrl: string;
  /** The simulator itself, without the proxy: Teams' limits are not enforced there. */
  simulatorUrl: string;
  /** Forgets the traffic so far, the limits' windows and the CPU count. */
  reset(): Promise<void>;
  stats(): Promise<TeamsSimStats>;
  close(): Promise<void>;
}

/** Starts the connector simulator, behind a proxy that enforces Teams' rate limits, in a child process. */
export async function startTeamsSimProcess(): Promise<TeamsSimProcess> {
  const service = await startServiceProcess<{ serviceUrl: string; simulatorUrl: string }>(
    'lib/teams-sim-child.ts',
    {},
    'Teams connector simulator',
  );
  return {
    serviceUrl: service.ready.serviceUrl,
    simulatorUrl: service.ready.simulatorUrl,
    reset: () => service.call<void>('reset'),
    stats: () => service.call<TeamsSimStats>('stats'),
    close: () => service.close(),
  };
}
