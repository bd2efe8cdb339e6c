import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropPopulationTemplates, runCrashLoop, runKills, tempRunDir } from './harness.js';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => {
  dir = tempRunDir();
});
afterEach(() => dir.cleanup());
afterAll(() => dropPopulationTemplates());

describe('coachloop processes killed with SIGKILL mid-dispatch', () => {
  it('loses no message and sends none twice across random kills and restarts on one database', async () => {
    const result = await runKills({
      messages: 120,
      kills: 4,
      seed: 424242,
      probability: 0.05,
      timeoutMs: 150,
      leaseMs: 5000,
      // The attempt budget under repeated crashes is the next test's subject; here retries must not run out.
      maxAttempts: 20,
      workerDeadlineMs: 20_000,
      dir: dir.dir,
    });
    console.info(
      `${result.messages} messages, ${result.kills} kills (${result.killPoints.join('; ')}), ${result.orphaned} rows orphaned in sending (${result.orphanedDelivered} already on Slack), ${result.wallMs} ms`,
    );
    expect(result.kills).toBeGreaterThan(0);
    expect(result.audit.duplicated).toEqual([]);
    expect(result.audit.missing).toEqual([]);
    expect(result.audit.unexpected).toEqual([]);
    expect(result.unsent).toEqual([]);
    expect(result.audit.outbox).toMatchObject({ sent: result.messages, pending: 0, sending: 0, failed: 0 });
  });

  it('does not charge an attempt to rows a crashed worker claimed but never sent', async () => {
    // Ten messages fall due; the dispatcher gives up after 3 attempts. The first worker claims all ten (one
    // batch), starts eight sends, gets no answer from Slack (which stores nothing) and is killed; the other two
    // rows were claimed and never tried. A second worker is killed the same way. Then Slack refuses each row's
    // next send once with a 503. Had each claim counted as an attempt, the two rows untried by the first worker
    // would be closed as failed "after 3 attempts" with fewer than 3 sends, and those two people would never get
    // the message. (Before the fix the default attempts were used up by crashes alone.)
    const result = await runCrashLoop({
      people: 10,
      crashes: 2,
      maxAttempts: 3,
      leaseMs: 5000,
      dir: dir.dir,
    });
    expect(result.kills).toBe(2);
    expect(result.audit.duplicated).toEqual([]);
    const firstWorker = new Set(result.postedByWorker[0]);
    const untried = result.rows.filter((row) => !firstWorker.has(row.key));
    expect(untried.length).toBe(2);
    for (const row of untried) expect(row, row.key).toMatchObject({ status: 'sent' });
    expect(result.audit.missing.filter((key) => untried.some((row) => row.key === key))).toEqual([]);
  });
});
