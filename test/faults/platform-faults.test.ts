import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dropPopulationTemplates,
  FAULT_LABELS,
  type FaultRunOptions,
  type FaultRunResult,
  runPlatformFaults,
  tempRunDir,
} from './harness.js';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => {
  dir = tempRunDir();
});
afterEach(() => dir.cleanup());
afterAll(() => dropPopulationTemplates());

const run = (options: Omit<FaultRunOptions, 'dir'>) =>
  runPlatformFaults({ deadlineMs: 25_000, ...options, dir: dir.dir });

function summary(result: FaultRunResult): string {
  const faults = FAULT_LABELS.map((label) => `${label} ${result.faults[label]}`).join(', ');
  return `${result.messages} messages; faults: ${faults}; 429 injected ${result.injected429}, enforced ${result.enforced429}; ${result.wallMs} ms`;
}

function expectExactlyOnce(result: FaultRunResult): void {
  expect(result.audit.duplicated).toEqual([]);
  expect(result.audit.missing).toEqual([]);
  expect(result.audit.unexpected).toEqual([]);
  expect(result.unsent).toEqual([]);
  expect(result.audit.outbox).toMatchObject({
    sent: result.messages,
    pending: 0,
    sending: 0,
    failed: 0,
    expired: 0,
  });
}

describe('outbox delivery through random Slack faults', () => {
  it('delivers every due message exactly once through 429s, 5xx, errors, slow answers, timeouts and hangs', async () => {
    const result = await run({
      messages: 200,
      seed: 20260303,
      probability: 0.15,
      timeoutMs: 100,
      // The simulated workspace allows a little more than coachloop is configured for.
      senderPerMinute: 300,
      platformPerMinute: 320,
    });
    console.info(summary(result));
    expectExactlyOnce(result);
    // Every kind of fault really happened (on conversations.open, chat.postMessage and conversations.history alike).
    for (const label of FAULT_LABELS) expect(result.faults[label], label).toBeGreaterThan(0);
    // Sends whose answer never came although Slack stored the message: settled by looking, not by sending again.
    expect(result.ambiguousPosts).toBeGreaterThan(0);
    expect(result.calls['conversations.history']).toBeGreaterThan(0);
    // Paced within the configured limit (300 a minute, burst 10): the platform never had to refuse a send.
    expect(result.enforced429).toBe(0);
    expect(result.peakPerMinute).toBeLessThanOrEqual(310);
  });

  it('waits out the 429s of a workspace stricter than the configured pace, and still sends each message once', async () => {
    const result = await run({
      messages: 200,
      seed: 7,
      probability: 0.05,
      timeoutMs: 100,
      senderPerMinute: 300,
      platformPerMinute: 60,
    });
    console.info(summary(result));
    expectExactlyOnce(result);
    expect(result.enforced429).toBeGreaterThan(0);
    expect(result.peakPerMinute).toBeLessThanOrEqual(60);
  });

  it('is at most once on a channel that cannot look for an earlier send: never twice, unknown outcomes closed as failed', async () => {
    // A sender without findDelivered cannot tell whether a send that timed out (or got a 5xx) reached the person.
    // Sending again could deliver twice, so the dispatcher closes such rows as failed instead: at most once.
    // Slack has findDelivered (the outbox key rides in the message metadata), so Slack itself is exactly once.
    const result = await run({
      messages: 200,
      seed: 99,
      probability: 0.3,
      faultMethods: ['chat.postMessage'],
      timeoutMs: 100,
      senderPerMinute: 300,
      platformPerMinute: 320,
      blind: true,
    });
    console.info(summary(result));
    expect(result.audit.duplicated).toEqual([]);
    expect(result.audit.unexpected).toEqual([]);
    expect(result.calls['conversations.history'] ?? 0).toBe(0);
    const failed = result.unsent.filter((row) => row.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBe(result.unsent.length);
    for (const row of failed)
      expect(row.reason).toMatch(/^unknown outcome: .*not sent again so it cannot arrive twice$/);
    expect(result.audit.outbox.sent + result.audit.outbox.failed).toBe(result.messages);
    // Some of the rows closed as failed did reach the person (the platform stored them): a lost answer, not a lost message.
    const failedKeys = new Set(failed.map((row) => row.key));
    const landedAnyway = result.audit.expected - result.audit.missing.length - result.audit.outbox.sent;
    expect(landedAnyway).toBeGreaterThan(0);
    expect(result.audit.missing.every((key) => failedKeys.has(key))).toBe(true);
  });
});
