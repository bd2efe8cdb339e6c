/**
 * The long version of the outbox fault-injection tests (the short ones run in `npm test`, test/faults).
 *
 *   npm run soak -- --runs 20 --messages 2000 --kills 6 --seed 1
 *
 * Each run has two halves, both against the local Slack simulator on 127.0.0.1:
 *  - platform faults: `messages` nudges fall due at once for as many people and go out through the real
 *    SlackSender and Dispatcher while the simulator answers at random (seeded) with 429 + Retry-After, 5xx,
 *    `ok:false` errors, slow answers, answers after the client timeout and calls that never answer (with and
 *    without effect), and enforces its rate limits: on even runs a little above the configured pace, on odd
 *    runs stricter than it (`--strict-limit`), so enforced 429s happen and must be waited out;
 *  - kills: worker processes (scripts/fault-worker.ts) run passes and drains on one database file and are
 *    SIGKILLed `kills` times at random points, then a last worker finishes; the simulator (here) keeps the truth.
 * Every run checks each due message reached Slack exactly once (by the outbox key in the message metadata)
 * and every outbox row ended `sent`. Prints a figures table; exits 1 if any message was lost or duplicated.
 *
 *   npm run soak -- --replicas 3 --messages 20000 --kills 12 --seed 1 [--per-minute 3000] [--lease 3000]
 *
 * With --replicas, the soak runs that many real `coachloop serve` processes on one fresh PostgreSQL schema (the
 * local server, or TEST_DATABASE_URL) and one Slack workspace with enforced limits (--per-minute, which is also the
 * replicas' SLACK_MESSAGES_PER_MINUTE), SIGKILLs them `kills` times at seeded random points while they dispatch and
 * starts each again (test/replicas/harness.ts, the long version of test/replicas/replica-kill.test.ts). Exits 1 if
 * a message was lost or duplicated, Slack answered 429, or the pace missed the workspace limit by more than 5 %.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  addTally,
  dropPopulationTemplates,
  emptyTally,
  FAULT_LABELS,
  type FaultRunResult,
  type KillRunResult,
  runKills,
  runPlatformFaults,
  tempRunDir,
} from '../test/faults/harness.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    messages: { type: 'string', default: '2000' },
    kills: { type: 'string', default: '6' },
    seed: { type: 'string', default: '1' },
    probability: { type: 'string', default: '0.1' },
    'kill-probability': { type: 'string', default: '0.03' },
    timeout: { type: 'string', default: '100' },
    /** The pace (and, with --replicas, the workspace limit): 300 per minute, or 3000 with --replicas. */
    'per-minute': { type: 'string' },
    'strict-limit': { type: 'string', default: '150' },
    /** Platform-fault runs: the retry budget is not under test there, so it is large. */
    'max-attempts': { type: 'string', default: '40' },
    /** Kill runs: the dispatcher's own default unless given. */
    'kill-max-attempts': { type: 'string' },
    'max-minutes': { type: 'string', default: '120' },
    'skip-kills': { type: 'boolean', default: false },
    'skip-faults': { type: 'boolean', default: false },
    json: { type: 'string' },
    replicas: { type: 'string' },
    lease: { type: 'string', default: '3000' },
  },
});

if (values.replicas !== undefined) {
  const { replicaSoak } = await import('./replica-soak.js');
  process.exit(
    await replicaSoak({
      replicas: Math.max(1, Math.floor(Number(values.replicas))),
      messages: Math.max(1, Math.floor(Number(values.messages))),
      kills: Math.max(0, Math.floor(Number(values.kills))),
      seed: Math.floor(Number(values.seed)),
      perMinute: Number(values['per-minute'] ?? '3000'),
      leaseMs: Number(values.lease),
      maxMinutes: Number(values['max-minutes']),
    }),
  );
}

const runs = Math.max(1, Math.floor(Number(values.runs)));
const messages = Math.max(1, Math.floor(Number(values.messages)));
const kills = Math.max(0, Math.floor(Number(values.kills)));
const seed = Math.floor(Number(values.seed));
const probability = Number(values.probability);
const killProbability = Number(values['kill-probability']);
const timeoutMs = Number(values.timeout);
const perMinute = Number(values['per-minute'] ?? '300');
const strictLimit = Number(values['strict-limit']);
const maxAttempts = Number(values['max-attempts']);
const deadline = Date.now() + Number(values['max-minutes']) * 60_000;

const killMaxAttempts = values['kill-max-attempts'] ? Number(values['kill-max-attempts']) : undefined;
const silent = () => undefined;

interface Totals {
  faultRuns: number;
  killRuns: number;
  messages: number;
  lost: number;
  duplicated: number;
  unexpected: number;
  notSent: number;
  faults: ReturnType<typeof emptyTally>;
  injected429: number;
  enforcedMatched: number;
  enforcedStrict: number;
  ambiguousPosts: number;
  peakMatched: number;
  peakStrict: number;
  kills: number;
  orphaned: number;
  orphanedDelivered: number;
  workers: number;
  faultWallMs: number;
  killWallMs: number;
  problems: string[];
}

const totals: Totals = {
  faultRuns: 0,
  killRuns: 0,
  messages: 0,
  lost: 0,
  duplicated: 0,
  unexpected: 0,
  notSent: 0,
  faults: emptyTally(),
  injected429: 0,
  enforcedMatched: 0,
  enforcedStrict: 0,
  ambiguousPosts: 0,
  peakMatched: 0,
  peakStrict: 0,
  kills: 0,
  orphaned: 0,
  orphanedDelivered: 0,
  workers: 0,
  faultWallMs: 0,
  killWallMs: 0,
  problems: [],
};

function record(kind: string, run: number, result: FaultRunResult | KillRunResult): void {
  const { audit } = result;
  totals.messages += result.messages;
  totals.lost += audit.missing.length;
  totals.duplicated += audit.duplicated.length;
  totals.unexpected += audit.unexpected.length;
  totals.notSent += result.unsent.length;
  addTally(totals.faults, result.faults);
  totals.ambiguousPosts += result.ambiguousPosts;
  if (audit.missing.length + audit.duplicated.length + audit.unexpected.length + result.unsent.length > 0) {
    totals.problems.push(
      `${kind} run ${run + 1}: missing ${audit.missing.length}, duplicated ${audit.duplicated.length}, unexpected ${audit.unexpected.length}, ` +
        `rows not sent ${result.unsent.length} ${JSON.stringify(result.unsent.slice(0, 5))} ${JSON.stringify(audit.duplicated.slice(0, 5))}`,
    );
  }
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
const { dir, cleanup } = tempRunDir();
console.log(
  `fault soak: ${runs} runs x ${messages} messages, ${kills} kills per run, seed ${seed}, fault probability ${probability} ` +
    `(${killProbability} during kill runs), client timeout ${timeoutMs} ms, pace ${perMinute}/min, strict workspace limit ${strictLimit}/min, ` +
    `maxAttempts ${maxAttempts} (kill runs: ${killMaxAttempts ?? 'dispatcher default'})`,
);
try {
  for (let run = 0; run < runs; run++) {
    if (Date.now() > deadline) {
      totals.problems.push(`stopped after ${run} runs: --max-minutes reached`);
      break;
    }
    const runSeed = seed * 1000 + run;
    if (!values['skip-faults']) {
      const strict = run % 2 === 1;
      const result = await runPlatformFaults({
        messages,
        seed: runSeed,
        probability,
        timeoutMs,
        senderPerMinute: perMinute,
        platformPerMinute: strict ? strictLimit : Math.round(perMinute * 1.07),
        maxAttempts,
        deadlineMs: Math.max(60_000, messages * 200),
        dir,
      });
      totals.faultRuns += 1;
      totals.faultWallMs += result.wallMs;
      totals.injected429 += result.injected429;
      if (strict) {
        totals.enforcedStrict += result.enforced429;
        totals.peakStrict = Math.max(totals.peakStrict, result.peakPerMinute);
      } else {
        totals.enforcedMatched += result.enforced429;
        totals.peakMatched = Math.max(totals.peakMatched, result.peakPerMinute);
      }
      record('faults', run, result);
      console.log(
        `run ${run + 1}/${runs} faults (${strict ? `strict ${strictLimit}` : `matched ${Math.round(perMinute * 1.07)}`}/min): ` +
          `${result.audit.delivered}/${result.audit.expected} delivered, ${result.audit.duplicated.length} duplicated, ` +
          `${result.unsent.length} rows not sent, ` +
          `${Object.values(result.faults).reduce((a, b) => a + b, 0)} faults, 429 injected ${result.injected429} enforced ${result.enforced429}, ` +
          `peak ${result.peakPerMinute}/min, ${fmt(result.wallMs)}`,
      );
    }
    if (!values['skip-kills']) {
      const result = await runKills({
        messages,
        kills,
        seed: runSeed,
        probability: killProbability,
        timeoutMs,
        leaseMs: 5000,
        ...(killMaxAttempts ? { maxAttempts: killMaxAttempts } : {}),
        workerDeadlineMs: Math.max(60_000, messages * 100),
        dir,
        log: silent,
      });
      totals.killRuns += 1;
      totals.killWallMs += result.wallMs;
      totals.kills += result.kills;
      totals.orphaned += result.orphaned;
      totals.orphanedDelivered += result.orphanedDelivered;
      totals.workers += result.workers;
      record('kills', run, result);
      console.log(
        `run ${run + 1}/${runs} kills: ${result.audit.delivered}/${result.audit.expected} delivered, ${result.audit.duplicated.length} duplicated, ` +
          `${result.unsent.length} rows not sent, ` +
          `${result.kills} kills (${result.killPoints.join('; ')}), ${result.orphaned} rows orphaned (${result.orphanedDelivered} already on Slack), ${fmt(result.wallMs)}`,
      );
    }
  }
} finally {
  cleanup();
  dropPopulationTemplates();
}

const wallMs = Date.now() - started;
const rows: [string, string][] = [
  ['runs (platform faults + kills)', `${totals.faultRuns} + ${totals.killRuns}`],
  ['messages per run', String(messages)],
  ['messages due in total', String(totals.messages)],
  ...FAULT_LABELS.map((label): [string, string] => [
    `faults injected: ${label}`,
    String(totals.faults[label]),
  ]),
  ['faults injected: total', String(Object.values(totals.faults).reduce((a, b) => a + b, 0))],
  ['sends stored whose answer was lost (hang, late)', String(totals.ambiguousPosts)],
  ['kills (SIGKILL)', String(totals.kills)],
  ['worker processes started', String(totals.workers)],
  ['rows orphaned in sending by kills', String(totals.orphaned)],
  ['  of which Slack had already stored (settled by lookup)', String(totals.orphanedDelivered)],
  ['messages lost', String(totals.lost)],
  ['messages duplicated', String(totals.duplicated)],
  ['outbox rows not sent at the end', String(totals.notSent)],
  ['429s injected (platform-fault runs)', String(totals.injected429)],
  [
    `429s enforced, limit above the pace (${Math.round(perMinute * 1.07)}/min)`,
    String(totals.enforcedMatched),
  ],
  [`429s enforced, stricter limit (${strictLimit}/min)`, String(totals.enforcedStrict)],
  ['peak posts in any minute (above / strict)', `${totals.peakMatched} / ${totals.peakStrict}`],
  [
    'wall time: platform faults / kills / total',
    `${fmt(totals.faultWallMs)} / ${fmt(totals.killWallMs)} / ${fmt(wallMs)}`,
  ],
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log('');
console.log(`| ${'figure'.padEnd(width)} | value |`);
console.log(`|${'-'.repeat(width + 2)}|-------|`);
for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
console.log('');
console.log(
  `reproduce: npm run soak -- --runs ${runs} --messages ${messages} --kills ${kills} --seed ${seed}`,
);
for (const problem of totals.problems) console.log(`PROBLEM ${problem}`);

const summary = {
  options: {
    runs,
    messages,
    kills,
    seed,
    probability,
    killProbability,
    timeoutMs,
    perMinute,
    strictLimit,
    maxAttempts,
    killMaxAttempts: killMaxAttempts ?? null,
  },
  totals,
  wallMs,
};
const out = values.json ?? join(mkdtempSync(join(tmpdir(), 'coachloop-soak-')), 'results.json');
writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`results: ${out}`);
process.exit(totals.lost + totals.duplicated + totals.unexpected + totals.notSent > 0 ? 1 : 0);
