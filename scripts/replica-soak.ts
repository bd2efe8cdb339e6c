/**
 * `npm run soak -- --replicas N`: real `coachloop serve` replicas on one PostgreSQL schema, killed and restarted
 * while they dispatch (test/replicas/harness.ts). Prints a figures table; returns the exit code.
 */
import type { ChildProcess } from 'node:child_process';
import { tempRunDir } from '../test/faults/harness.js';
import { replicaSchema, runReplicaKills } from '../test/replicas/harness.js';

export interface ReplicaSoakOptions {
  replicas: number;
  messages: number;
  kills: number;
  seed: number;
  perMinute: number;
  leaseMs: number;
  maxMinutes: number;
}

export async function replicaSoak(options: ReplicaSoakOptions): Promise<number> {
  const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `replica soak: ${options.replicas} replicas, ${options.messages} messages, ${options.kills} kills, seed ${options.seed}, ` +
      `workspace limit ${options.perMinute}/min, DISPATCH_LEASE_MS ${options.leaseMs}`,
  );
  const run = tempRunDir();
  const schema = await replicaSchema();
  const children: ChildProcess[] = [];
  try {
    const result = await runReplicaKills(
      {
        messages: options.messages,
        replicas: options.replicas,
        kills: options.kills,
        seed: options.seed,
        perMinute: options.perMinute,
        leaseMs: options.leaseMs,
        deadlineMs: options.maxMinutes * 60_000,
        dir: run.dir,
        log: (line) => console.log(line),
      },
      schema.location,
      children,
    );
    const { audit } = result;
    const gapMs = result.gaps.reduce((sum, g) => sum + (g.to - g.from), 0);
    const off = (pace: number) =>
      `${(((pace - result.floorPerMinute) / result.floorPerMinute) * 100).toFixed(1)} %`;
    const rows: [string, string][] = [
      ['replicas', String(options.replicas)],
      ['messages due at once', String(result.messages)],
      ['delivered (distinct keys on Slack)', String(audit.delivered)],
      ['duplicates', String(audit.duplicated.length)],
      ['lost', String(audit.missing.length)],
      ['outbox rows not sent at the end', String(result.messages - audit.outbox.sent)],
      ['429s enforced by the workspace', String(result.enforced429)],
      [
        'kills (SIGKILL) / of the lease holder',
        `${result.kills.length} / ${result.kills.filter((k) => k.holder).length}`,
      ],
      ['replica processes started', String(result.started)],
      ['lease takeovers logged', String(result.takeovers)],
      ['dispatch interval (first to last message)', fmt(result.lastAt - result.firstAt)],
      [
        'takeover gaps after holder kills',
        `${fmt(gapMs)} (${result.gaps.map((g) => fmt(g.to - g.from)).join(', ')})`,
      ],
      ['workspace floor (the enforced limit)', `${result.floorPerMinute}/min`],
      [
        'pace without the takeover gaps',
        `${result.pacePerMinute.toFixed(0)}/min (${off(result.pacePerMinute)})`,
      ],
      [
        'pace over the whole interval',
        `${result.paceWithGapsPerMinute.toFixed(0)}/min (${off(result.paceWithGapsPerMinute)})`,
      ],
      ['peak messages in any minute', String(result.peakPerMinute)],
      ['seeding / wall time', `${fmt(result.seedMs)} / ${fmt(result.wallMs)}`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log('');
    console.log(`| ${'figure'.padEnd(width)} | value |`);
    console.log(`|${'-'.repeat(width + 2)}|-------|`);
    for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
    console.log('');
    console.log(
      `reproduce: npm run soak -- --replicas ${options.replicas} --messages ${options.messages} --kills ${options.kills} ` +
        `--seed ${options.seed} --per-minute ${options.perMinute} --lease ${options.leaseMs}`,
    );
    const paceOk = Math.abs(result.pacePerMinute - result.floorPerMinute) / result.floorPerMinute <= 0.05;
    const ok =
      audit.duplicated.length + audit.missing.length + audit.unexpected.length === 0 &&
      audit.outbox.sent === result.messages &&
      result.enforced429 === 0 &&
      paceOk;
    if (!ok) console.log('PROBLEM: see the figures above');
    return ok ? 0 : 1;
  } finally {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await schema.drop();
    run.cleanup();
  }
}
