import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

describe('roster import: honest limits and a header that means one thing (the command as a subprocess)', () => {
  let dir: string;
  let sim: SlackSimulator | null = null;
  const coachloop = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', [join(root, 'bin/coachloop.js'), ...args], {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_PATH: join(dir, 'coachloop.db'),
          LOG_LEVEL: 'silent',
          SLACK_BOT_TOKEN: sim ? sim.token : '',
          ...(sim
            ? {
                SLACK_API_URL: sim.apiUrl,
                SLACK_SIGNING_SECRET: 'roster-test-secret',
                NO_PROXY: '127.0.0.1,localhost',
              }
            : {}),
        },
        maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const importFile = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return coachloop('roster', 'import', name, '--program', 'pilot');
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-roster-limits-'));
    expect((await coachloop('program', 'apply', join(root, 'programs', 'pilot.yaml'))).code).toBe(0);
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a header that names a column twice instead of enrolling the last one', async () => {
    const result = await importFile(
      'twice.csv',
      'email,role,email\nana@example.com,leader,eve@example.com\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was imported');
    expect(result.stderr).toContain('the header names "email" more than once');
  });

  it('rejects a header column it does not know, __proto__ included', async () => {
    const result = await importFile('proto.csv', 'email,role,__proto__\nana@example.com,leader,x\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown columns: __proto__');
  });

  it('stops reading past 32 MB and says so', async () => {
    const path = join(dir, 'huge.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'email,role,department\n');
    const chunk = `${Array.from({ length: 1000 }, (_, i) => `p${i}@example.com,leader,${'d'.repeat(400)}`).join('\n')}\n`;
    for (let written = 0; written <= 33 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    const result = await coachloop('roster', 'import', 'huge.csv', '--program', 'pilot');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the file is larger than 32 MB, the most one import reads');
  });

  it('stops past 100,000 rows and says so', async () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `p${i}@example.com,leader`);
    const result = await importFile('many.csv', `email,role\n${rows.join('\n')}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the file has more than 100,000 rows, the most one import takes');
  });

  it('lists the first hundred problems of a bad file and counts the rest', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `not-an-email-${i},leader`);
    const result = await importFile('bad.csv', `email,role\n${rows.join('\n')}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/is not an email address/g)).toHaveLength(100);
    expect(result.stderr).toContain('… and 50 more problems');
  });

  it('resolves a large roster with paged users.list calls and ends with a summary of the directory work', async () => {
    sim = await startSlackSimulator();
    try {
      for (let i = 0; i < 1500; i += 1) sim.addUser({ id: `UR${i}`, email: `member${i}@example.com` });
      const rows = Array.from({ length: 200 }, (_, i) => `member${i * 7}@example.com,leader`);
      const result = await importFile('members.csv', `email,role\n${rows.join('\n')}\n`);
      expect(result.stderr).toMatch(
        /resolved emails in [\d.]+ s: slack: 2 directory calls, 1500 members read, 200 of 200 roster emails found/,
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('imported: 200 new');
      expect(sim.callsTo('users.list')).toHaveLength(2);
      expect(sim.callsTo('users.lookupByEmail')).toHaveLength(0);
    } finally {
      await sim.close();
      sim = null;
    }
  });
});
