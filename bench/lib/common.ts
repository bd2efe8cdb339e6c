import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One measured figure, as printed and written to results.json. */
export interface Figure {
  step: string;
  figure: string;
  /** The headline number (null when not measured). */
  value: number | null;
  unit: string;
  /** How the result reads in the table. */
  result: string;
  /** Human-readable target; '—' for figures reported for information only. */
  target: string;
  /** true / false against the target; null when there is no target for this figure or size. */
  met: boolean | null;
  note?: string;
  detail?: Record<string, unknown>;
}

export interface StepOptions {
  quick: boolean;
  /** Directory for every temporary file of the run; removed by the runner at the end. */
  tmpRoot: string;
}

/** Slack user id of the n-th seeded person (also registered in the simulator). */
export function userIdOf(index: number): string {
  return `U${String(index).padStart(7, '0')}`;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function ms(value: number, digits = 2): string {
  return `${value.toFixed(digits)} ms`;
}

export function sleep(msDelay: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, msDelay)));
}

export function cpuMs(since: NodeJS.CpuUsage): number {
  const delta = process.cpuUsage(since);
  return (delta.user + delta.system) / 1000;
}

export function log(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/** Path of a module next to this one (bench/lib/...) or in bench/steps. */
export function benchPath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/**
 * Node flags for the step processes: with BENCH_CPU_PROF=<dir> each one (not the simulators) writes a V8 CPU
 * profile there when it exits (`node --cpu-prof`), to see where a step's CPU goes.
 */
/**
 * Child processes that run the bot as a server (or the bare clients it is compared with): they get the Node.js
 * flags `npm start` gives the serving process, so that what they measure is what a deployment runs.
 */
const SERVING = new Set([
  'steps/memory.ts',
  'steps/dispatch.ts',
  'steps/teams.ts',
  'steps/interaction.ts',
  'lib/bare-client-child.ts',
]);

/** The Node.js flags of package.json's `start` script (e.g. `--max-old-space-size=1024`). */
export function servingNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...args] = pkg.scripts.start!.split(/\s+/);
  if (node !== 'node')
    throw new Error(`package.json's start script no longer starts with node: ${pkg.scripts.start}`);
  return args.filter((arg) => arg.startsWith('--'));
}

function stepExecArgv(relative: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return [
    '--import',
    'tsx',
    ...(SERVING.has(relative) ? servingNodeFlags() : []),
    ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []),
  ];
}

/**
 * Runs a TypeScript module in a fresh Node process (through tsx) and resolves with the first message it
 * sends of type 'result'. The child is killed if it takes longer than `timeoutMs`.
 */
export function runChild<T>(
  relative: string,
  input: unknown,
  timeoutMs: number,
  onMessage?: (message: Record<string, unknown>, send: (reply: unknown) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = fork(benchPath(relative), [JSON.stringify(input)], {
      execArgv: stepExecArgv(relative),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    let result: T | undefined;
    let gotResult = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`${relative} did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('message', (raw) => {
      const message = raw as Record<string, unknown>;
      if (message.type === 'result') {
        result = message.value as T;
        gotResult = true;
        return;
      }
      if (message.type === 'error') {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(new Error(String(message.message)));
        return;
      }
      onMessage?.(message, (reply) => child.connected && child.send(reply as never));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      if (gotResult) resolve(result as T);
      else reject(new Error(`${relative} exited (${signal ?? code}) without a result`));
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}

/** The child side of runChild: reads the input, runs `main`, sends the result and exits. */
export function childMain<I, O>(main: (input: I) => Promise<O>): void {
  // Orphaned (the parent died or gave up): stop at once.
  process.on('disconnect', () => process.exit(1));
  const input = JSON.parse(process.argv[2] ?? '{}') as I;
  main(input).then(
    (value) => {
      process.send?.({ type: 'result', value }, () => process.exit(0));
    },
    (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.send?.({ type: 'error', message }, () => process.exit(1));
    },
  );
}

/** Machine-wide CPU ticks and those of this process with its reaped children (Linux /proc; null elsewhere). */
export interface CpuTicks {
  busy: number;
  total: number;
  ownAndChildren: number;
}

export function readCpuTicks(): CpuTicks | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after "(comm)": state is field 3, so utime/stime/cutime/cstime (14–17) are at 11–14.
    const rest = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const ownAndChildren = (rest[11] ?? 0) + (rest[12] ?? 0) + (rest[13] ?? 0) + (rest[14] ?? 0);
    return { busy: total - idle, total, ownAndChildren };
  } catch {
    return null;
  }
}

/**
 * CPU used on this machine by processes other than the benchmark between two readings, as a share of the
 * machine's capacity. Benchmarks on a shared 2-core machine are only as good as this number is small.
 */
export function otherCpu(
  before: CpuTicks | null,
  after: CpuTicks | null,
): { seconds: number; share: number } | null {
  if (!before || !after) return null;
  const ticksPerSecond = 100; // USER_HZ on Linux
  const total = after.total - before.total;
  const other = Math.max(0, after.busy - before.busy - (after.ownAndChildren - before.ownAndChildren));
  return { seconds: other / ticksPerSecond, share: total > 0 ? other / total : 0 };
}
