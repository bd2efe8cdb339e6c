import { fork } from 'node:child_process';
import { benchPath } from './common.js';

export interface SimStats {
  stats: { accepted: number; rateLimited: number; faults: number };
  /** CPU (user + system) of the simulator process since the last cpuStart. */
  cpuMs: number;
  messages: number;
  calls: number;
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
export function startSimProcess(options: {
  users: number;
  rateLimits?: { perChannelPerSecond?: number; workspacePerMinute?: number };
  /** See sim-child.ts: leave unset for the simulator's own 1 s. */
  keepAliveMs?: number;
}): Promise<SimProcess> {
  const child = fork(benchPath('lib/sim-child.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  const call = <T>(cmd: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) {
        reject(new Error('the simulator process is gone'));
        return;
      }
      const id = ++nextId;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the simulator did not answer ${cmd}`));
      }, 15_000);
      waiting.set(id, (value) => {
        clearTimeout(timer);
        resolve(value as T);
      });
      child.send({ id, cmd });
    });
  return new Promise<SimProcess>((resolve, reject) => {
    const startTimer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the simulator process did not start'));
    }, 30_000);
    child.on('exit', () => {
      clearTimeout(startTimer);
      reject(new Error('the simulator process exited'));
    });
    child.on('message', (raw) => {
      const message = raw as { type: string; id?: number; value?: unknown } & Record<string, string>;
      if (message.type === 'reply' && message.id !== undefined) {
        waiting.get(message.id)?.(message.value);
        waiting.delete(message.id);
        return;
      }
      if (message.type !== 'ready') return;
      clearTimeout(startTimer);
      resolve({
        apiUrl: message.apiUrl!,
        token: message.token!,
        teamId: message.teamId!,
        botId: message.botId!,
        botUserId: message.botUserId!,
        cpuStart: () => call<void>('cpuStart'),
        stats: () => call<SimStats>('stats'),
        close: async () => {
          const exited = new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) done();
            else child.once('exit', () => done());
          });
          await call<void>('close').catch(() => undefined);
          // Wait for the exit (bounded), so the process is reaped and its CPU time is accounted to its parent.
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}
