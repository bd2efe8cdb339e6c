/**
 * Three real `coachloop serve` processes on one PostgreSQL schema and one Slack workspace with enforced limits:
 * 5,000 messages fall due at once; while the replicas dispatch, seeded random SIGKILLs hit them (the first one the
 * replica holding the workspace's dispatch lease) and each is started again. Every message arrives exactly once,
 * Slack never answers 429, and no takeover after a kill of the lease holder stalls the workspace for long; the pace
 * (see harness.ts for how it is measured) is printed; the long version is `npm run soak -- --replicas 3`.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRunDir } from '../faults/harness.js';
import { type ReplicaRunResult, replicaSchema, runReplicaKills } from './harness.js';

const MESSAGES = 5000;
/** Workspace limit and configured pace: 5,000 messages take 100 s at least. */
const PER_MINUTE = 3000;

let run: ReturnType<typeof tempRunDir>;
let schema: Awaited<ReturnType<typeof replicaSchema>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  run = tempRunDir();
  schema = await replicaSchema();
});

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await schema?.drop();
  run?.cleanup();
});

describe('three replicas on one PostgreSQL database, killed and restarted while they dispatch', () => {
  it('delivers every message exactly once, with no 429, and reports the pace', async () => {
    const result: ReplicaRunResult = await runReplicaKills(
      {
        messages: MESSAGES,
        replicas: 3,
        kills: 3,
        seed: 14,
        perMinute: PER_MINUTE,
        leaseMs: 3000,
        deadlineMs: 240_000,
        dir: run.dir,
        log: (line) => console.info(line),
      },
      schema.location,
      children,
    );
    const { audit } = result;
    const gapMs = result.gaps.reduce((sum, g) => sum + (g.to - g.from), 0);
    console.info(
      `${audit.delivered}/${audit.expected} delivered, ${audit.duplicated.length} duplicated, 429s ${result.enforced429}; ` +
        `kills ${result.kills.map((k) => `${k.afterMessages}${k.holder ? ' (holder)' : ''}`).join(', ')}; ` +
        `takeovers ${result.takeovers}; dispatch ${((result.lastAt - result.firstAt) / 1000).toFixed(1)} s with ` +
        `${(gapMs / 1000).toFixed(1)} s of takeover gaps; pace ${result.pacePerMinute.toFixed(0)}/min ` +
        `(${result.paceWithGapsPerMinute.toFixed(0)}/min with the gaps) vs floor ${result.floorPerMinute}/min; ` +
        `peak ${result.peakPerMinute} in a minute; seeding ${(result.seedMs / 1000).toFixed(1)} s; wall ${(result.wallMs / 1000).toFixed(1)} s`,
    );
    expect(audit.duplicated).toEqual([]);
    expect(audit.missing).toEqual([]);
    expect(audit.unexpected).toEqual([]);
    expect(audit.outbox).toMatchObject({ sent: MESSAGES, pending: 0, sending: 0, failed: 0 });
    expect(result.enforced429).toBe(0);
    // The run did what it says: three kills, the lease holder among them, and each replica started again.
    expect(result.kills).toHaveLength(3);
    expect(result.kills.some((k) => k.holder)).toBe(true);
    expect(result.started).toBe(3 + 3);
    // No long stall after a kill of the lease holder: a takeover costs the dead holder's lease (3 s), the next
    // replica's poll (1 s) and settling what the dead holder left claimed, 2–8 s in every run so far, where a claim
    // that took thousands of rows once stalled the workspace for 20–80 s. The pace itself is printed above, not
    // asserted: it is a benchmark figure (npm run soak), and two busy cores shared with other tests move it by 20 %.
    for (const gap of result.gaps) expect(gap.to - gap.from).toBeLessThan(15_000);
  }, 300_000);
});
