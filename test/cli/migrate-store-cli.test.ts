import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/store/postgres/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { emptyCounts } from '../../src/store/transfer.js';
import { readBack, seedPilot } from '../store-contract/pilot.js';
import { freshSchema, schemaLocation, TEST_DATABASE_URL } from '../store-contract/postgres.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

// Each run of the command starts a process of its own (a few seconds on a loaded machine).
describe('coachloop migrate-store', { timeout: 90_000 }, () => {
  let dir: string;
  const schemas: string[] = [];
  const coachloop = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', [join(root, 'bin/coachloop.js'), ...args], {
        cwd: dir,
        env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'unused.db') },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const schema = () => {
    const name = freshSchema();
    schemas.push(name);
    return name;
  };
  let pilot: Awaited<ReturnType<typeof seedPilot>>;
  let expected: unknown;
  const sqliteFile = () => join(dir, 'pilot.db');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-migrate-store-'));
    const source = openSqliteStore({ path: sqliteFile() });
    try {
      pilot = await seedPilot(source);
      expected = await readBack(source, pilot);
    } finally {
      await source.close();
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      for (const name of schemas) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  it('moves a pilot from the file to a server schema, prints the rows per table and never their content', async () => {
    const target = schemaLocation(schema());
    const result = await coachloop('migrate-store', '--from', `sqlite:${sqliteFile()}`, '--to', target);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/participants +6\n/);
    expect(result.stdout).toMatch(/outbox +4\n/);
    expect(result.stdout).toMatch(/copied \d+ rows \(schema version \d+\) in [\d.]+ s/);
    for (const secret of ['the-pseudonym-secret', 'uana@example.com', 'going well', 'reorganization'])
      expect(result.stdout).not.toContain(secret);
    const moved = await openPostgres(target, { existing: true });
    try {
      expect(await readBack(moved, pilot)).toEqual(expected);
    } finally {
      await moved.close();
    }

    // A second run finds the target holding data: refused, exit 1, nothing written.
    const again = await coachloop('migrate-store', '--from', sqliteFile(), '--to', target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^coachloop: the target database is not empty \(programs: 2, .*nothing was written\n$/,
    );
    const after = await openPostgres(target, { existing: true });
    try {
      expect(await readBack(after, pilot)).toEqual(expected);
    } finally {
      await after.close();
    }
  });

  it('moves it back to a new file, and checks a move without keeping it on a dry run', async () => {
    const server = schemaLocation(schema());
    expect((await coachloop('migrate-store', '--from', sqliteFile(), '--to', server)).code).toBe(0);
    const back = join(dir, 'back', 'coachloop.db');
    const result = await coachloop(
      'migrate-store',
      '--from',
      server,
      '--to',
      `sqlite:${back}`,
      '--batch',
      '2',
    );
    expect(result.code).toBe(0);
    const file = openSqliteStore({ path: back });
    try {
      expect(await readBack(file, pilot)).toEqual(expected);
    } finally {
      await file.close();
    }

    const dry = schemaLocation(schema());
    const checked = await coachloop('migrate-store', '--from', sqliteFile(), '--to', dry, '--dry-run');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/dry run: \d+ rows would be copied .*nothing was written/);
    const untouched = await openPostgres(dry, { existing: true });
    try {
      expect(await untouched.transfer.counts()).toEqual(emptyCounts());
    } finally {
      await untouched.close();
    }
  });

  it('refuses a source that does not exist without creating it, and the same database on both sides', async () => {
    const missing = join(dir, 'nowhere', 'coachloop.db');
    const result = await coachloop('migrate-store', '--from', missing, '--to', join(dir, 'new.db'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no database at');
    expect(existsSync(missing)).toBe(false);
    const same = await coachloop('migrate-store', '--from', sqliteFile(), '--to', sqliteFile());
    expect(same).toMatchObject({ code: 1, stderr: 'coachloop: --from and --to name the same database\n' });
  });
});
