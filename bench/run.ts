/**
 * coachloop benchmarks. Usage:
 *
 *   npm run bench                                  everything (about 6 minutes on 2 cores)
 *   npm run bench -- --quick                       smaller sizes, a smoke run (under a minute)
 *   npm run bench -- --only scheduler,memory       a subset: scheduler, dispatch, limits, teams, interaction, memory, roster,
 *                                                  teams-roster, audit
 *   npm run bench -- --only scheduler --store both  the scheduler step on the embedded file (the default), the
 *                                                  server database (BENCH_DATABASE_URL, else the local test server)
 *                                                  or both
 *
 * Each step runs in fresh Node processes; temporary databases live under one directory in the system temp
 * directory, removed at the end. Prints a table and writes bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { benchPath, type Figure, otherCpu, readCpuTicks, round, runChild } from './lib/common.js';
import type { MemoryOutput } from './steps/memory.js';
import type { SeedOutput } from './steps/memory-seed.js';
import type { RosterOutput } from './steps/roster.js';
import type { TeamsRosterOutput } from './steps/teams-roster.js';

const STEPS = [
  'scheduler',
  'dispatch',
  'limits',
  'teams',
  'interaction',
  'memory',
  'roster',
  'teams-roster',
  'audit',
] as const;
type Step = (typeof STEPS)[number];
const ALIASES: Record<string, Step> = {
  scheduler: 'scheduler',
  pass: 'scheduler',
  dispatch: 'dispatch',
  throughput: 'dispatch',
  limits: 'limits',
  ratelimit: 'limits',
  'rate-limit': 'limits',
  teams: 'teams',
  msteams: 'teams',
  interaction: 'interaction',
  latency: 'interaction',
  memory: 'memory',
  rss: 'memory',
  roster: 'roster',
  audit: 'audit',
  import: 'roster',
  'teams-roster': 'teams-roster',
  'teams-import': 'teams-roster',
};

const STORES = ['sqlite', 'postgres'] as const;
type StoreName = (typeof STORES)[number];

/** The server database of `--store postgres`: a schema of its own per run, dropped afterwards with psql. */
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Cli {
  quick: boolean;
  only: Step[];
  stores: StoreName[];
  /** Population of the scheduler step instead of the mode's default. */
  schedulerSize: number | null;
  /** Requests per second of the interaction step instead of the mode's default. */
  interactionRate: number | null;
}

function usage(): string {
  return [
    'usage: npm run bench -- [--quick] [--only <steps>] [--store sqlite|postgres|both]',
    `  steps (comma-separated): ${STEPS.join(', ')}`,
    '  --store   where the scheduler step runs (default sqlite; postgres: BENCH_DATABASE_URL or the local server)',
    '  --scheduler-size <people>   the scheduler step at this population instead of the default',
    '  --interaction-rate <n>      the interaction step at n requests a second instead of the default',
    '  --quick   smaller sizes and shorter runs (a smoke test; size-bound targets are not judged)',
  ].join('\n');
}

function parseCli(argv: string[]): Cli {
  const cli: Cli = {
    quick: false,
    only: [...STEPS],
    stores: ['sqlite'],
    schedulerSize: null,
    interactionRate: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--quick') cli.quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value) throw new Error(`--only needs a list of steps\n${usage()}`);
      const steps = value.split(',').map((name) => {
        const step = ALIASES[name.trim().toLowerCase()];
        if (!step) throw new Error(`unknown step "${name}"\n${usage()}`);
        return step;
      });
      cli.only = STEPS.filter((s) => steps.includes(s));
    } else if (arg === '--store' || arg.startsWith('--store=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === 'both') cli.stores = [...STORES];
      else if (STORES.includes(value as StoreName)) cli.stores = [value as StoreName];
      else throw new Error(`--store takes sqlite, postgres or both\n${usage()}`);
    } else if (arg === '--scheduler-size' || arg.startsWith('--scheduler-size=')) {
      const value = Number(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]);
      if (!Number.isInteger(value) || value < 1_000)
        throw new Error(`--scheduler-size takes a number of people (1000 or more)\n${usage()}`);
      cli.schedulerSize = value;
    } else if (arg === '--interaction-rate' || arg.startsWith('--interaction-rate=')) {
      const value = Number(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 5_000)
        throw new Error(`--interaction-rate takes requests per second (1 to 5000)\n${usage()}`);
      cli.interactionRate = value;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument "${arg}"\n${usage()}`);
  }
  return cli;
}

/** The small population the memory step compares the target one with. */
const MEMORY_BASELINE = 10_000;

const SIZES = {
  full: {
    // The server database seeds at about half the embedded file's pace on 2 cores (120-200 s for 1,000,000):
    // its default keeps the step near 3 minutes; --scheduler-size 1000000 measures it at the target size.
    scheduler: { sqlite: 1_000_000, postgres: 400_000 },
    idleRuns: 50,
    dispatch: 10_000,
    dispatchWarmup: 500,
    limits: 360,
    teams: {
      people: [
        { perSecond: 10, messages: 300, label: 'sender 10/s (the default)' },
        { perSecond: 30, messages: 900, label: 'sender 30/s (the most TEAMS_MESSAGES_PER_SECOND allows)' },
      ],
      conversation: 100,
      cpu: { messages: 10_000, warmup: 500 },
    },
    interaction: { rate: 1_000, seconds: 30, warmup: 2, leaders: 5_000 },
    memory: 1_000_000,
    roster: 100_000,
    teamsRoster: 100_000,
    audit: 100_000,
  },
  quick: {
    scheduler: { sqlite: 10_000, postgres: 10_000 },
    idleRuns: 20,
    dispatch: 1_000,
    dispatchWarmup: 200,
    limits: 60,
    teams: {
      people: [
        { perSecond: 10, messages: 40, label: 'sender 10/s (the default)' },
        { perSecond: 30, messages: 120, label: 'sender 30/s (the most TEAMS_MESSAGES_PER_SECOND allows)' },
      ],
      conversation: 20,
      cpu: { messages: 1_000, warmup: 200 },
    },
    interaction: { rate: 200, seconds: 5, warmup: 1, leaders: 500 },
    memory: 10_000,
    roster: 10_000,
    teamsRoster: 10_000,
    audit: 10_000,
  },
};

const MB = 1_000_000;

function dropServerSchema(schema: string): void {
  const url = new URL(SERVER_URL);
  url.search = '';
  try {
    execFileSync(
      'psql',
      [url.toString(), '-qc', `SET client_min_messages = warning; DROP SCHEMA IF EXISTS "${schema}" CASCADE`],
      {
        stdio: 'ignore',
      },
    );
  } catch {
    process.stderr.write(`  ! could not drop the schema ${schema}\n`);
  }
}

function errorFigure(step: string, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return {
    step,
    figure: `${step}: the step failed`,
    value: null,
    unit: '',
    result: `error: ${message.split('\n')[0]}`,
    target: '—',
    met: false,
    detail: { error: message },
  };
}

async function runStep(step: Step, cli: Cli, tmpRoot: string): Promise<Figure[]> {
  const size = cli.quick ? SIZES.quick : SIZES.full;
  const base = { quick: cli.quick, tmpRoot };
  switch (step) {
    case 'scheduler': {
      const figures: Figure[] = [];
      for (const store of cli.stores) {
        const people = cli.schedulerSize ?? size.scheduler[store];
        const schema = `bench_sched_${randomBytes(4).toString('hex')}`;
        const location =
          store === 'sqlite'
            ? join(tmpRoot, 'scheduler-{size}.db')
            : (() => {
                const url = new URL(SERVER_URL);
                url.searchParams.set('schema', `${schema}_{size}`);
                return url.toString().replace(encodeURIComponent('{size}'), '{size}');
              })();
        try {
          figures.push(
            ...(await runChild<Figure[]>(
              'steps/scheduler.ts',
              {
                ...base,
                storeName: store,
                location,
                sizes: [people],
                idleRuns: size.idleRuns,
                streamEveryMs: 20,
                targetSize: SIZES.full.scheduler.sqlite,
              },
              600_000,
            )),
          );
        } finally {
          if (store === 'postgres') dropServerSchema(`${schema}_${people}`);
        }
      }
      return figures;
    }
    case 'dispatch': {
      const figures = await runChild<Figure[]>(
        'steps/dispatch.ts',
        {
          ...base,
          mode: 'throughput',
          messages: size.dispatch,
          warmup: size.dispatchWarmup,
          senderPerMinute: 1_000_000,
          keepAliveMs: 65_000,
          maxSeconds: 90,
          bare: true,
        },
        150_000,
      );
      // The same with the simulator's own keep-alive (1 s), which makes every Web API call a new connection.
      const fresh = await runChild<Figure[]>(
        'steps/dispatch.ts',
        {
          ...base,
          mode: 'throughput',
          messages: size.dispatch,
          warmup: size.dispatchWarmup,
          senderPerMinute: 1_000_000,
          maxSeconds: 90,
        },
        150_000,
      );
      const cpu = fresh.find((f) => f.figure.startsWith('Dispatch CPU'));
      const rate = fresh.find((f) => f.figure.startsWith('Dispatch throughput'));
      const extra: Figure[] = [];
      if (cpu && rate) {
        extra.push({
          ...cpu,
          figure:
            "Dispatch CPU per message, a new TCP connection per call (the simulator's own 1 s keep-alive)",
          result: `${cpu.result}; ${rate.result}`,
          target: '—',
          met: null,
          note: 'for comparison only: fetch drops connections whose keep-alive hint is ≤ 2 s, so against the unmodified simulator every call reconnects',
          detail: { ...(rate.detail ?? {}) },
        });
      }
      return [...figures, ...extra];
    }
    case 'limits': {
      const messages = size.limits;
      const runs: { sender: number; label: string }[] = [{ sender: 300, label: 'sender 300/min' }];
      if (!cli.quick) runs.push({ sender: 290, label: 'sender 290/min (cap − burst)' });
      const figures: Figure[] = [];
      for (const run of runs) {
        figures.push(
          ...(await runChild<Figure[]>(
            'steps/dispatch.ts',
            {
              ...base,
              mode: 'limits',
              messages,
              senderPerMinute: run.sender,
              workspacePerMinute: 300,
              label: run.label,
              maxSeconds: 150,
            },
            200_000,
          )),
        );
      }
      return figures;
    }
    case 'teams': {
      // Dispatcher CPU per message beside a bare connector client's, with no platform limit.
      const figures: Figure[] = await runChild<Figure[]>(
        'steps/teams.ts',
        {
          ...base,
          mode: 'cpu',
          messages: size.teams.cpu.messages,
          warmup: size.teams.cpu.warmup,
          messagesPerSecond: 30,
          label: 'no platform limit',
          maxSeconds: 120,
        },
        200_000,
      );
      for (const run of size.teams.people) {
        figures.push(
          ...(await runChild<Figure[]>(
            'steps/teams.ts',
            {
              ...base,
              mode: 'people',
              messages: run.messages,
              messagesPerSecond: run.perSecond,
              label: run.label,
              maxSeconds: 120,
            },
            200_000,
          )),
        );
      }
      figures.push(
        ...(await runChild<Figure[]>(
          'steps/teams.ts',
          {
            ...base,
            mode: 'conversation',
            messages: size.teams.conversation,
            messagesPerSecond: 10,
            label: 'sender 10/s (the default)',
            maxSeconds: 150,
          },
          230_000,
        )),
      );
      return figures;
    }
    case 'audit':
      return runChild<Figure[]>('steps/audit.ts', { ...base, entries: size.audit }, 300_000);
    case 'interaction':
      return runChild<Figure[]>(
        'steps/interaction.ts',
        {
          ...base,
          ratePerSecond: cli.interactionRate ?? size.interaction.rate,
          seconds: size.interaction.seconds,
          warmupSeconds: size.interaction.warmup,
          // Each form comes from a leader of its own (one in eight requests).
          leaders: Math.max(
            size.interaction.leaders,
            Math.ceil(
              ((cli.interactionRate ?? size.interaction.rate) *
                (size.interaction.seconds + size.interaction.warmup)) /
                8,
            ),
          ),
        },
        (size.interaction.seconds + size.interaction.warmup) * 2000 + 90_000,
      );
    case 'roster': {
      const run = await runChild<RosterOutput>('steps/roster.ts', { ...base, rows: size.roster }, 300_000);
      const atTarget = run.rows === 100_000;
      const label = run.rows.toLocaleString('en-US');
      return [
        {
          step: 'roster',
          figure: `Roster import of ${label} rows (${(run.fileBytes / MB).toFixed(1)} MB), directory answering locally`,
          value: round(run.ms / 1000, 1),
          unit: 's',
          result: `${(run.ms / 1000).toFixed(1)} s (${run.usersListCalls} users.list calls, ${run.lookupByEmailCalls} users.lookupByEmail)`,
          target: atTarget ? '< 20 s' : '—',
          met: atTarget ? run.ms < 20_000 : null,
          note: 'streamed parse, one paged users.list (1000 a page), planning and one transaction; consent requests queued',
          detail: { ...run },
        },
        {
          step: 'roster',
          figure: `Peak RSS of the roster import of ${label} rows`,
          value: round(run.peakRssBytes / MB, 0),
          unit: 'MB',
          result: `${(run.peakRssBytes / MB).toFixed(0)} MB (process at start: ${(run.rssAtStartBytes / MB).toFixed(0)} MB)`,
          target: atTarget ? '< 300 MB' : '—',
          met: atTarget ? run.peakRssBytes < 300 * MB : null,
          note: 'the importing process only; the simulator runs in its own process',
          detail: { ...run },
        },
      ];
    }
    case 'teams-roster': {
      const run = await runChild<TeamsRosterOutput>(
        'steps/teams-roster.ts',
        { ...base, rows: size.teamsRoster },
        300_000,
      );
      const atTarget = run.rows === 100_000;
      const label = run.rows.toLocaleString('en-US');
      return [
        {
          step: 'teams-roster',
          figure: `Teams roster import of ${label} rows (${(run.fileBytes / MB).toFixed(1)} MB) against a ${run.teamMembers.toLocaleString('en-US')}-member team, directory answering locally`,
          value: round(run.ms / 1000, 1),
          unit: 's',
          result: `${(run.ms / 1000).toFixed(1)} s (${run.pagedMemberReads} member-list pages)`,
          target: atTarget ? '< 20 s' : '—',
          met: atTarget ? run.ms < 20_000 : null,
          note: "streamed parse, the team's paged member list (500 a page, unpaced), Teams user ids kept in batches, planning and one transaction; consent requests queued",
          detail: { ...run },
        },
        {
          step: 'teams-roster',
          figure: `Peak RSS of the Teams roster import of ${label} rows`,
          value: round(run.peakRssBytes / MB, 0),
          unit: 'MB',
          result: `${(run.peakRssBytes / MB).toFixed(0)} MB (process at start: ${(run.rssAtStartBytes / MB).toFixed(0)} MB)`,
          target: atTarget ? '< 300 MB' : '—',
          met: atTarget ? run.peakRssBytes < 300 * MB : null,
          note: 'the importing process only (botbuilder loaded); the connector simulator runs in its own process',
          detail: { ...run },
        },
      ];
    }
    case 'memory': {
      // The serving process at the target size, and at a small one: what the enrolled people add to it.
      const sizes = cli.quick ? [size.memory] : [MEMORY_BASELINE, size.memory];
      const runs: { seed: SeedOutput; probe: MemoryOutput }[] = [];
      for (const people of sizes) {
        const path = join(tmpRoot, `memory-${people}.db`);
        const seed = await runChild<SeedOutput>(
          'steps/memory-seed.ts',
          { ...base, size: people, path },
          900_000,
        );
        const probe = await runChild<MemoryOutput>('steps/memory.ts', { ...base, path }, 900_000);
        for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
        runs.push({ seed, probe });
      }
      const { seed, probe } = runs.at(-1)!;
      const atTarget = probe.participants === 1_000_000;
      const label = probe.participants.toLocaleString('en-US');
      const busiest = Math.max(...probe.passes.map((p) => p.due));
      const figures: Figure[] = [
        {
          step: 'memory',
          figure: `RSS of the bot with ${label} participants, after ${probe.passes.length} scheduler passes (peak)`,
          value: round(probe.peakRssBytes / MB, 0),
          unit: 'MB',
          result: `${(probe.peakRssBytes / MB).toFixed(0)} MB (bot up: ${(probe.rssBotUpBytes / MB).toFixed(0)} MB, after passes: ${(probe.rssAfterPassesBytes / MB).toFixed(0)} MB)`,
          target: atTarget ? '< 250 MB' : '—',
          met: atTarget ? probe.peakRssBytes < 250 * MB : null,
          note: `passes of up to ${busiest.toLocaleString('en-US')} due jobs; V8 heap at the peak ${(probe.heapAtPeak.usedBytes / MB).toFixed(0)} MB used of ${(probe.heapAtPeak.totalBytes / MB).toFixed(0)} MB; RSS of a bare process after module load: ${(probe.rssAtStartBytes / MB).toFixed(0)} MB`,
          detail: { ...probe },
        },
      ];
      if (runs.length > 1) {
        const small = runs[0]!.probe;
        const grew = probe.peakRssBytes - small.peakRssBytes;
        figures.push({
          step: 'memory',
          figure: `Peak RSS at ${label} participants less at ${small.participants.toLocaleString('en-US')}`,
          value: round(grew / MB, 0),
          unit: 'MB',
          result: `${(grew / MB).toFixed(0)} MB (${(probe.peakRssBytes / MB).toFixed(0)} − ${(small.peakRssBytes / MB).toFixed(0)} MB)`,
          target: atTarget ? '< 30 MB' : '—',
          met: atTarget ? grew < 30 * MB : null,
          note: `after module load: ${(probe.rssAtStartBytes / MB).toFixed(0)} and ${(small.rssAtStartBytes / MB).toFixed(0)} MB`,
          detail: { small },
        });
      }
      figures.push({
        step: 'memory',
        figure: `Database size per participant (${label} seeded, WAL checkpointed)`,
        value: round(seed.dbBytes.total / seed.size, 0),
        unit: 'bytes',
        result: `${Math.round(seed.dbBytes.total / seed.size).toLocaleString('en-US')} bytes (${(seed.dbBytes.total / MB).toFixed(1)} MB total, WAL ${seed.dbBytes.wal} bytes)`,
        target: '—',
        met: null,
        note: 'per person: participant, experiment + version, 5 planned jobs (1 nudge, 3 checkpoints, end) with indexes',
        detail: { ...seed },
      });
      return figures;
    }
  }
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** Share of the machine's CPU used by other processes above which a step's figures are flagged. */
const CONTENDED = 0.2;

function table(figures: Figure[], contended: ReadonlySet<string>): string {
  const lines = ['| Figure | Result | Target | Met? |', '|---|---|---|---|'];
  for (const f of figures) {
    const met = f.met === null ? '–' : f.met ? 'yes' : '**no**';
    const flag = contended.has(f.step) && f.value !== null ? ' ⚠' : '';
    lines.push(`| ${cell(f.figure)} | ${cell(f.result)}${flag} | ${cell(f.target)} | ${met} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  const started = performance.now();
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    totalMemoryBytes: os.totalmem(),
    totalMemoryGB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((n) => round(n, 2)),
  };
  const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGB} GiB RAM, Node ${machine.node}, ${machine.platform}`;
  process.stderr.write(
    `coachloop bench (${cli.quick ? 'quick' : 'full'}): ${cli.only.join(', ')}\n${machineLine}\n`,
  );
  const tmpRoot = mkdtempSync(join(os.tmpdir(), 'coachloop-bench-'));
  const figures: Figure[] = [];
  const stepInfo: Record<
    string,
    { seconds: number; otherCpuSeconds: number | null; otherCpuShare: number | null }
  > = {};
  try {
    for (const step of cli.only) {
      process.stderr.write(`▶ ${step}\n`);
      const t0 = performance.now();
      const cpu0 = readCpuTicks();
      try {
        figures.push(...(await runStep(step, cli, tmpRoot)));
      } catch (error) {
        process.stderr.write(
          `  ✗ ${step} failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        figures.push(errorFigure(step, error));
      }
      const other = otherCpu(cpu0, readCpuTicks());
      stepInfo[step] = {
        seconds: round((performance.now() - t0) / 1000, 1),
        otherCpuSeconds: other ? round(other.seconds, 1) : null,
        otherCpuShare: other ? round(other.share, 3) : null,
      };
      if (other && other.share > 0.05) {
        process.stderr.write(
          `  ! other processes used ${(other.share * 100).toFixed(0)}% of the machine's CPU during this step\n`,
        );
      }
    }
  } finally {
    rmSync(tmpRoot, { recursive: true, force: true });
  }
  const seconds = round((performance.now() - started) / 1000, 1);
  const contended = new Set(
    Object.entries(stepInfo)
      .filter(([, info]) => (info.otherCpuShare ?? 0) > CONTENDED)
      .map(([step]) => step),
  );
  const output = [
    '',
    `Machine: ${machineLine}`,
    `Mode: ${cli.quick ? 'quick (smoke sizes; size-bound targets not judged)' : 'full'}; steps: ${cli.only.join(', ')}; took ${seconds} s`,
    '',
    table(figures, contended),
    '',
  ].join('\n');
  process.stdout.write(output);
  for (const f of figures.filter((x) => x.note)) process.stdout.write(`  - ${f.figure}: ${f.note}\n`);
  const contention = Object.entries(stepInfo)
    .map(
      ([step, info]) =>
        `${step} ${info.seconds} s${info.otherCpuShare === null ? '' : ` (other processes: ${(info.otherCpuShare * 100).toFixed(0)}% of CPU)`}`,
    )
    .join('; ');
  process.stdout.write(`\nSteps: ${contention}\n`);
  if (contended.size > 0) {
    process.stdout.write(
      `⚠ other processes used more than ${CONTENDED * 100}% of the CPU during: ${[...contended].join(', ')}; ` +
        'those figures are not representative of an idle machine\n',
    );
  }
  const resultsPath = benchPath('results.json');
  writeFileSync(
    resultsPath,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        mode: cli.quick ? 'quick' : 'full',
        steps: cli.only,
        durationSeconds: seconds,
        stepInfo,
        machine: { ...machine, loadAverageAtEnd: os.loadavg().map((n) => round(n, 2)) },
        figures,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`\nWrote ${resultsPath}\n`);
  const failed = figures.some((f) => f.result.startsWith('error:'));
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
