/**
 * How long `coachloop migrate-store` takes to move a pilot from the embedded file to a server database, and how
 * much memory it holds while it does. Usage:
 *
 *   node --import tsx bench/migrate-store.ts [--people 10000] [--to postgres://…?schema=…] [--batch 1000]
 *
 * Seeds a file with a pilot of that many leaders (consent accepted, a running 13-week experiment with its planned
 * jobs, one nudge sent, a consent ledger entry each), then copies it in a process of its own — the command's own
 * code path: openStore on both locations, then copyStore — and prints rows, seconds and the copy's peak RSS. The
 * default target is a new schema on the local server (TEST_DATABASE_URL), dropped afterwards with psql.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openStoreAt } from '../src/store/index.js';
import { copyStore } from '../src/store/transfer.js';
import { queueNudges, SEND_AT } from './lib/outbox.js';
import { ensureProgram, seedPopulation, tempDb } from './lib/seed.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function copyOnly(from: string, to: string, batchSize: number): Promise<void> {
  const started = performance.now();
  const source = await openStoreAt(from, { existing: true });
  const target = await openStoreAt(to);
  const result = await copyStore(source, target, { batchSize });
  await source.close();
  await target.close();
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${JSON.stringify({ seconds, rows, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), counts: result.counts })}\n`,
  );
}

async function main(): Promise<void> {
  const batchSize = Number(option('batch') ?? 1000);
  if (process.argv.includes('--copy-only')) {
    await copyOnly(option('from')!, option('to')!, batchSize);
    return;
  }
  const count = Number(option('people') ?? 10_000);
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_migrate_${randomBytes(4).toString('hex')}`;
  const to =
    option('to') ??
    (() => {
      const url = new URL(server);
      url.searchParams.set('schema', schema);
      return url.toString();
    })();
  const db = tempDb('migrate-store');
  try {
    const seedStarted = performance.now();
    const program = await ensureProgram(db.store);
    const people = await seedPopulation(db.store, program, { count, withAddress: true });
    await queueNudges(db.store, program, people, SEND_AT);
    for (;;) {
      const claimed = await db.store.outbox.claim(SEND_AT, 1000, 'bench');
      if (claimed.length === 0) break;
      for (const row of claimed) await db.store.outbox.markSent(row.id, 'bench', `ts-${row.id}`, SEND_AT);
    }
    for (const person of people)
      await db.store.privacy.recordConsent({
        participantId: person.participantId,
        at: SEND_AT,
        decision: 'accepted',
        scope: 'pilot',
        channel: 'slack',
      });
    await db.store.close();
    process.stdout.write(
      `seeded ${count} leaders in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`,
    );
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        process.argv[1]!,
        '--copy-only',
        '--from',
        db.path,
        '--to',
        to,
        '--batch',
        String(batchSize),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`the copy failed (exit ${child.status})`);
    const result = JSON.parse(child.stdout) as {
      seconds: number;
      rows: number;
      maxRssMb: number;
      counts: object;
    };
    process.stdout.write(
      `copied ${result.rows} rows in ${result.seconds.toFixed(1)} s (${Math.round(result.rows / result.seconds)} rows/s), peak RSS of the copy ${result.maxRssMb} MB\n${JSON.stringify(result.counts)}\n`,
    );
  } finally {
    await db.cleanup();
    if (!option('to'))
      execFileSync('psql', [
        server,
        '-qc',
        `SET client_min_messages = warning; DROP SCHEMA IF EXISTS "${schema}" CASCADE`,
      ]);
  }
}

await main();
