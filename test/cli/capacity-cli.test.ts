import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityEstimate } from '../../src/core/capacity.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const pilot = join(root, 'programs', 'pilot.yaml');

/** `coachloop capacity` as a subprocess, on the example program, with the environment it is given. */
describe('coachloop capacity', () => {
  let dir: string;
  const coachloop = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run('node', [join(root, 'bin/coachloop.js'), ...args], {
        cwd: dir,
        env: { ...process.env, LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: '', ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const estimate = async (args: string[], env: Record<string, string> = {}) => {
    const result = await coachloop(
      ['capacity', '--program', pilot, '--date', '2026-03-03', '--json', ...args],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Omit<CapacityEstimate, 'waves'> & {
      waves: (Omit<CapacityEstimate['waves'][number], 'dueAt' | 'sendBy'> & {
        dueAt: string;
        sendBy: string;
      })[];
    };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-capacity-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the day's waves on Slack and Teams for the example program, in its zone", async () => {
    const result = await coachloop([
      'capacity',
      '--program',
      pilot,
      '--people',
      '1000',
      '--date',
      '2026-03-03',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Program pilot: 1,000 people in Europe/Berlin 100 % (1,000).');
    expect(result.stdout).toContain('Catch-up grace window: 4 h');
    expect(result.stdout).toContain('SLACK_MESSAGES_PER_MINUTE=300 → a burst of 10, then 287 a minute');
    expect(result.stdout).toContain('TEAMS_MESSAGES_PER_SECOND=10 → a burst of 10, then 600 a minute');
    expect(result.stdout).toContain('1. 08:30 UTC  1,000 messages  09:30 Europe/Berlin (nudge)');
    expect(result.stdout).toContain('2. 09:00 UTC  1,000 messages  10:00 Europe/Berlin (checkpoint)');
    expect(result.stdout).toContain('Slack: fits.');
  });

  it('JSON: zones as given, one platform, and the pace the environment sets', async () => {
    const zones = await estimate(['--people', '10000', '--zones', 'Europe/Berlin=60,America/New_York=40']);
    expect(zones.zones.map((z) => z.people)).toEqual([6000, 4000]);
    expect(zones.waves.map((w) => [w.dueAt, w.messages])).toEqual([
      ['2026-03-03T08:30:00.000Z', 6000],
      ['2026-03-03T09:00:00.000Z', 6000],
      ['2026-03-03T14:30:00.000Z', 4000],
      ['2026-03-03T15:00:00.000Z', 4000],
    ]);
    expect(zones.platforms.map((p) => p.platform)).toEqual(['slack', 'teams']);
    // The grace window (4 h) ends before quiet hours start at 19:00 in both zones.
    expect(zones.waves[0]!.sendBy).toBe('2026-03-03T12:30:00.000Z');

    const slow = await estimate(['--people', '100000', '--platform', 'slack']);
    expect(slow.platforms).toHaveLength(1);
    expect(slow.platforms[0]).toMatchObject({ platform: 'slack', value: 300, withinGrace: false });
    const needed = slow.platforms[0]!.valueNeeded!;
    expect(slow.platforms[0]!.advice.join(' ')).toContain(
      `raise SLACK_MESSAGES_PER_MINUTE from 300 to ${needed.toLocaleString('en')}`,
    );
    // An admin who raised the pace sees it take effect.
    const raised = await estimate(['--people', '100000', '--platform', 'slack'], {
      SLACK_MESSAGES_PER_MINUTE: String(needed),
    });
    expect(raised.platforms[0]).toMatchObject({ value: needed, withinGrace: true, expired: 0 });
    expect(raised.waves[0]!.platforms[0]!.takesMs).toBeLessThan(slow.waves[0]!.platforms[0]!.takesMs);
  });

  it('refuses a bad program file with its lines, and a bad number of people or zones, with exit code 1', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'name: broken\ntimezone: Mars/Base\nnudges:\n  time: "9:30"\n');
    const broken = await coachloop(['capacity', '--program', 'broken.yaml', '--people', '10']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('timezone (line 2): must be an IANA time zone');
    expect(broken.stderr).toContain('nudges.time (line 4): must be a time as HH:MM');
    for (const people of ['0', '-3', '2.5', 'many', '100000001']) {
      const bad = await coachloop(['capacity', '--program', pilot, '--people', people]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('--people must be a whole number from 1 to 100,000,000');
    }
    const zones = await coachloop([
      'capacity',
      '--program',
      pilot,
      '--people',
      '10',
      '--zones',
      'Europe/Berlin=60',
    ]);
    expect(zones.code).toBe(1);
    expect(zones.stderr).toContain("the zones' shares add up to 60 %, not 100 %");
    const config = await coachloop(['capacity', '--program', pilot, '--people', '10'], {
      SLACK_MESSAGES_PER_MINUTE: '0',
    });
    expect(config.code).toBe(1);
    expect(config.stderr).toContain('SLACK_MESSAGES_PER_MINUTE');
  });
});
