import { fork } from 'node:child_process';
import { benchPath } from './common.js';

/**
 * A helper process (a platform simulator) that the benchmark talks to over IPC. The child sends
 * `{ type: 'ready', ...facts }` once, then answers every `{ id, cmd, args }` with `{ type: 'reply', id, value }`.
 */
export interface ServiceProcess<Ready> {
  /** What the child said when it was ready (without `type`). */
  ready: Ready;
  call<T>(cmd: string, args?: unknown): Promise<T>;
  /** Asks the child to close (`close` command), waits for it to exit (bounded) so its CPU time is reaped. */
  close(): Promise<void>;
}

export function startServiceProcess<Ready>(
  relative: string,
  input: unknown,
  label: string,
): Promise<ServiceProcess<Ready>> {
  const child = fork(benchPath(relative), [JSON.stringify(input)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  const call = <T>(cmd: string, args?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) {
        reject(new Error(`the ${label} process is gone`));
        return;
      }
      const id = ++nextId;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the ${label} did not answer ${cmd}`));
      }, 15_000);
      waiting.set(id, (value) => {
        clearTimeout(timer);
        resolve(value as T);
      });
      child.send({ id, cmd, ...(args === undefined ? {} : { args }) });
    });
  return new Promise<ServiceProcess<Ready>>((resolve, reject) => {
    const startTimer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${label} process did not start`));
    }, 30_000);
    child.on('exit', () => {
      clearTimeout(startTimer);
      reject(new Error(`the ${label} process exited`));
    });
    child.on('message', (raw) => {
      const message = raw as { type: string; id?: number; value?: unknown } & Record<string, unknown>;
      if (message.type === 'reply' && message.id !== undefined) {
        waiting.get(message.id)?.(message.value);
        waiting.delete(message.id);
        return;
      }
      if (message.type !== 'ready') return;
      clearTimeout(startTimer);
      const { type: _type, ...ready } = message;
      resolve({
        ready: ready as Ready,
        call,
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
