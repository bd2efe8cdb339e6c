/**
 * A real `coachloop serve` process, stopped with SIGTERM while it dispatches to a Slack workspace that answers
 * slowly: it stops claiming, lets the sends under way finish, answers 503 on /readyz meanwhile, and exits 0 within
 * SHUTDOWN_TIMEOUT_MS. After a restart everything due arrives, each message exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/core/clock.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { auditDelivery, REPO_ROOT, tempRunDir } from '../faults/harness.js';
import { type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SHUTDOWN_TIMEOUT_MS = 8000;

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output: () => string;
}

/** Starts `coachloop serve` on the database and waits until it serves. */
async function serve(dir: string, path: string, sim: SlackSimulator): Promise<Served> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/coachloop.js'), 'serve'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      NO_PROXY: '127.0.0.1,localhost',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_PATH: path,
      PROGRAMS_DIR: join(dir, 'programs'),
      TICK_CRON: '* * * * * *',
      SLACK_BOT_TOKEN: sim.token,
      SLACK_SIGNING_SECRET: 'graceful-shutdown-test-secret',
      SLACK_API_URL: sim.apiUrl,
      SLACK_TIMEOUT_MS: '5000',
      TEAMS_TIMEOUT_MS: '5000',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    },
  });
  let output = '';
  let url = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
    url ||= output.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/)?.[1] ?? '';
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = performance.now() + 30_000;
  while (!url && performance.now() < deadline && child.exitCode === null) await sleep(50);
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`coachloop serve did not start:\n${output}`);
  }
  return { child, url, exited, output: () => output };
}

let run: ReturnType<typeof tempRunDir>;
const children: ChildProcess[] = [];
beforeEach(() => {
  run = tempRunDir();
});
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  run.cleanup();
});

describe('graceful shutdown of coachloop serve', () => {
  it('finishes the sends under way on SIGTERM, exits 0 in time, and loses or repeats nothing', async () => {
    const messages = 40;
    const path = join(run.dir, 'coachloop.db');
    mkdirSync(join(run.dir, 'programs'));
    const sim = await startSlackSimulator();
    try {
      // People who accepted, each with one notice due now (real time: the server runs on the system clock).
      const store = openSqliteStore({ path });
      const now = Date.now();
      const { record: program } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), now);
      const expectedKeys: string[] = [];
      for (let i = 0; i < messages; i++) {
        const userId = `U${String(i).padStart(4, '0')}`;
        sim.addUser({ id: userId, tz: 'UTC' });
        const person = await store.participants.create(
          { platform: 'slack', workspaceId: sim.teamId, userId, programId: program.id },
          now,
        );
        await store.participants.update(person.id, { consent: 'accepted', consentAt: now });
        const key = `notice:${person.id}:shutdown-test`;
        expectedKeys.push(key);
        await store.outbox.enqueue(
          {
            key,
            participantId: person.id,
            kind: 'notice',
            budgeted: false,
            budgetWeek: '',
            message: { text: `Notice ${i}`, blocks: [] },
            dueAt: now,
            expiresAt: now + 60 * MINUTE,
          },
          now,
        );
      }
      await store.close();
      // Slack stores each message at once but answers 1.5 s later: sends are under way when SIGTERM comes.
      sim.injectFault('chat.postMessage', { type: 'delay', ms: 1500 }, messages * 2);

      const first = await serve(run.dir, path, sim);
      children.push(first.child);
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      while (sim.callsTo('chat.postMessage').length < 10) await sleep(20);

      const signalledAt = performance.now();
      first.child.kill('SIGTERM');
      const readiness: (number | string)[] = [];
      let exitCode: number | null | undefined;
      void first.exited.then((code) => {
        exitCode = code;
      });
      while (exitCode === undefined && performance.now() - signalledAt < SHUTDOWN_TIMEOUT_MS + 5000) {
        const answer = await fetch(`${first.url}/readyz`).then(
          async (res) => `${res.status} ${((await res.json()) as { reason?: string }).reason ?? ''}`,
          () => 'closed',
        );
        readiness.push(answer);
        await sleep(50);
      }
      await first.exited;
      const stoppedInMs = Math.round(performance.now() - signalledAt);
      const postsByFirst = sim.callsTo('chat.postMessage').length;

      const between = openSqliteStore({ path });
      const countsAfterFirst = await between.outbox.counts();
      await between.close();
      console.info(
        `SIGTERM after 10 posts: exit ${String(exitCode)} in ${stoppedInMs} ms; ${postsByFirst} posts in all; ` +
          `outbox then ${JSON.stringify(countsAfterFirst)}; /readyz said ${[...new Set(readiness)].join(', ')}`,
      );
      expect(exitCode).toBe(0);
      expect(stoppedInMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 2000);
      expect(readiness).toContain('503 shutting down');
      // Every send under way wrote its outcome; what was claimed and not sent went back to pending.
      expect(countsAfterFirst.sending).toBe(0);
      expect(countsAfterFirst.sent).toBe(postsByFirst);
      expect(countsAfterFirst.pending).toBe(messages - postsByFirst);
      expect(countsAfterFirst.pending).toBeGreaterThan(0);

      // A new process on the same database sends the rest.
      sim.clearFaults();
      const second = await serve(run.dir, path, sim);
      children.push(second.child);
      const deadline = performance.now() + 60_000;
      while (sim.messages().length < messages && performance.now() < deadline) await sleep(100);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const after = openSqliteStore({ path });
      const audit = auditDelivery(sim, expectedKeys, await after.outbox.counts());
      await after.close();
      expect(audit.duplicated).toEqual([]);
      expect(audit.missing).toEqual([]);
      expect(audit.unexpected).toEqual([]);
      expect(audit.outbox).toMatchObject({ sent: messages, pending: 0, sending: 0, failed: 0 });
    } finally {
      await sim.close();
    }
  }, 120_000);
});
