/**
 * A coachloop process for the crash tests: opens the database (a file path or a URL), then runs scheduler passes and outbox
 * drains against a Slack Web API (the simulator, owned by the parent) until nothing is left to send.
 * The parent kills it with SIGKILL at random points and starts another on the same database.
 *
 *   node --import tsx scripts/fault-worker.ts --db LOCATION --api URL --token T --now MS --lease MS --timeout MS
 *        [--max-attempts N] [--deadline MS]
 *
 * Time is simulated: the clock starts at --now (the parent moves it past the previous worker's), and waits
 * for rate limits or Retry-After move it on instead of sleeping. When a drain ends with work left, the clock
 * jumps to the next retry, or past the lease when only rows a dead worker left in `sending` remain.
 * Prints one JSON line per tick on stdout, `{"t":"done"}` at the end; exits 0 when everything is settled.
 */
import { parseArgs } from 'node:util';
import { createSlackClient, SlackSender } from '../src/channels/slack/sender.js';
import { Dispatcher } from '../src/scheduler/dispatcher.js';
import { runSchedulerPass } from '../src/scheduler/pass.js';
import { openStoreAt } from '../src/store/index.js';
import { SimulatedTime } from '../test/faults/simulated-time.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    api: { type: 'string' },
    token: { type: 'string' },
    now: { type: 'string' },
    lease: { type: 'string', default: '5000' },
    timeout: { type: 'string', default: '200' },
    'max-attempts': { type: 'string' },
    deadline: { type: 'string', default: '60000' },
  },
});

const required = (name: 'db' | 'api' | 'token' | 'now'): string => {
  const value = values[name];
  if (!value) throw new Error(`--${name} is required`);
  return value;
};

const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

// The Web API client logs each failed request on the console; the parent provokes them on purpose.
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[1] === 'string' && args[1].startsWith('web-api:')) return;
  warn(...args);
};

async function main(): Promise<number> {
  const deadline = Date.now() + Number(values.deadline);
  const leaseMs = Number(values.lease);
  const store = await openStoreAt(required('db'));
  const time = new SimulatedTime(Number(required('now')));
  const sender = new SlackSender(
    createSlackClient({
      token: required('token'),
      apiUrl: required('api'),
      timeoutMs: Number(values.timeout),
    }),
  );
  const dispatcher = new Dispatcher({
    store,
    clock: time,
    timer: time,
    senders: [sender],
    leaseMs,
    dispatchLeaseMs: leaseMs,
    backoffMs: (attempt) => 1000 * Math.min(attempt, 30),
    ...(values['max-attempts'] ? { maxAttempts: Number(values['max-attempts']) } : {}),
  });
  print({ t: 'ready', now: time.now() });
  for (let tick = 0; tick < 10_000; tick++) {
    if (Date.now() > deadline) {
      print({ t: 'error', message: 'wall-time bound reached with work left' });
      return 2;
    }
    let deferred = false;
    try {
      await runSchedulerPass(store, time);
      const dispatch = await dispatcher.drain();
      deferred = dispatch.deferred > 0;
      print({ t: 'tick', now: time.now(), dispatch });
    } catch (error) {
      // As the production tick does: log, and let the next tick try again.
      print({ t: 'tick', now: time.now(), failed: (error as Error).message });
    }
    const counts = await store.outbox.counts();
    if (counts.pending + counts.sending === 0) {
      print({ t: 'done', now: time.now(), counts });
      await store.close();
      return 0;
    }
    const next = await store.outbox.nextAttemptAt();
    // Only rows a dead worker left in `sending` inside their lease remain: wait the lease out.
    // A killed worker's dispatch lease (its time to live is the lease here too) is waited out the same way.
    const target = deferred ? time.now() + leaseMs + 1 : (next ?? time.now() + leaseMs + 1);
    time.set(
      Math.max(time.now() + 1, counts.sending > 0 ? Math.min(target, time.now() + leaseMs + 1) : target),
    );
  }
  print({ t: 'error', message: 'tick bound reached with work left' });
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    print({ t: 'error', message: error.stack ?? error.message });
    process.exit(1);
  },
);
