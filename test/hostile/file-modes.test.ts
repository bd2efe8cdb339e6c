import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('database files are owner-only', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-modes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the command line creates the data folder 0700 and the database, -wal and -shm 0600', async () => {
    const path = join(dir, 'data', 'coachloop.db');
    await run('node', [join(root, 'bin/coachloop.js'), 'migrate'], {
      cwd: dir,
      env: { ...process.env, DATABASE_PATH: path, LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: '' },
    });
    expect(modeOf(join(dir, 'data'))).toBe('700');
    expect(modeOf(path)).toBe('600');
    // The -wal and -shm exist while a connection is open.
    const store = openSqliteStore({ path });
    await store.meta.set('probe', 'x');
    expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual(['600', '600', '600']);
    await store.close();
  });
});

describe('the server warns about a database others can read', () => {
  let h: SlackHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('keeps its own files owner-only, and warns at start-up when an existing database is readable by others', async () => {
    let logs = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += String(chunk);
        done();
      },
    });
    h = await startSlackHarness({ start: '2026-03-02T07:00:00Z', logger: createLogger('info', sink) });
    const path = join(h.dir, 'coachloop.db');
    expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual(['600', '600', '600']);
    expect(logs).not.toContain('readable by other users');

    chmodSync(path, 0o644);
    await h.restart();
    const warning = logs
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; file?: string; mode?: string })
      .find((line) => line.msg.includes('readable by other users'));
    expect(warning).toMatchObject({ level: 40, file: path, mode: '0644' });
  });
});
