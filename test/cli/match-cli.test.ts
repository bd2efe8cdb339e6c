import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoster } from '../../src/app/roster.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const NOW = Date.UTC(2026, 5, 10, 9);

interface Proposals {
  source: string;
  totalFit: number;
  proposals: {
    mentee: { email: string };
    mentor: { email: string };
    fit: number;
    reasons: { signal: string; points: number }[];
    alternatives: { mentor: { email: string }; fit: number }[];
  }[];
  unmatched: { mentee: { email: string }; constraint: string }[];
}

describe('coachloop match propose', () => {
  let dir: string;
  const coachloop = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', [join(root, 'bin/coachloop.js'), ...args], {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_PATH: join(dir, 'coachloop.db'),
          LOG_LEVEL: 'silent',
          SLACK_BOT_TOKEN: '',
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-match-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pairsOf = (out: Proposals) =>
    out.proposals.map((p) => `${p.mentee.email} ← ${p.mentor.email}`).sort();

  it('proposes from a roster file alone, with figures and reasons, and never a mentee with their manager', async () => {
    const roster = join(root, 'programs', 'matching-roster.csv');
    const program = join(root, 'programs', 'pilot.yaml');
    const json = await coachloop('match', 'propose', '--program', program, '--roster', roster, '--json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as Proposals;
    expect(out.source).toBe('roster');
    expect(out.proposals).toHaveLength(5);
    expect(out.unmatched).toEqual([]);
    // Omar manages Ines and Leo; he takes two mentees, the others one or two as the file says.
    for (const who of ['ines.duarte@example.com', 'leo.brandt@example.com'])
      expect(out.proposals.find((p) => p.mentee.email === who)?.mentor.email).not.toBe(
        'omar.haddad@example.com',
      );
    const load = new Map<string, number>();
    for (const p of out.proposals) load.set(p.mentor.email, (load.get(p.mentor.email) ?? 0) + 1);
    expect(load.get('sven.olsen@example.com')).toBe(1);
    for (const p of out.proposals) {
      expect(p.fit).toBe(p.reasons.reduce((sum, r) => sum + r.points, 0));
      expect(p.alternatives.length).toBeLessThanOrEqual(3);
    }
    expect(out.totalFit).toBe(out.proposals.reduce((sum, p) => sum + p.fit, 0));

    const text = await coachloop('match', 'propose', '--program', program, '--roster', roster);
    expect(text.stdout).toContain('5 of 5 mentees matched; total fit');
    expect(text.stdout).toContain('nothing is paired until a curator approves');
    expect(text.stdout).toMatch(/leo\.brandt@example\.com ← sven\.olsen@example\.com {2}fit \d+/);
    expect(text.stdout).toContain('shares 2 of 2 topics: strategy, stakeholder management (+40)');
  });

  it('names each bad value with its line and proposes nothing', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      'email,role,capacity,languages\nana@example.com,mentor,lots,en\nbo@example.com,mentee,,klingon\n',
    );
    const result = await coachloop(
      'match',
      'propose',
      '--program',
      join(root, 'programs', 'pilot.yaml'),
      '--roster',
      'bad.csv',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: capacity must be a whole number from 1 to 20');
    expect(result.stderr).toContain('line 3: languages "klingon" is not a language code');
    expect(result.stdout).toBe('');
  });

  it('proposes from the program’s people: free slots only, never a pair closed before, mentees already paired left alone', async () => {
    const store = openSqliteStore({ path: join(dir, 'coachloop.db') });
    const program = (
      await store.programs.upsert(parseProgramSettings({ name: 'pilot', timezone: 'Europe/Berlin' }), NOW)
    ).record;
    const csv = [
      'email,role,mentor_email,topics,capacity',
      'ana@example.com,mentee,,budget,',
      'bo@example.com,mentee,,hiring,',
      'cy@example.com,mentee,max@example.com,hiring,',
      'max@example.com,mentor,,hiring; budget,2',
      'nel@example.com,mentor,,budget,1',
    ].join('\n');
    const imported = await importRoster({
      store,
      program,
      csv,
      now: NOW,
      lookups: [
        {
          platform: 'slack',
          lookupByEmail: async (email) => ({ platform: 'slack', workspaceId: 'T1', userId: email }),
        },
      ],
    });
    expect(imported.problems).toEqual([]);
    const id = async (email: string) => (await store.participants.findByEmail('slack', email))[0]!.id;
    // Ana and Nel were paired once and the pair was closed: they are not proposed again.
    await store.mentoring.createPair(
      {
        id: 'pair_old',
        programId: program.id,
        mentorId: await id('nel@example.com'),
        menteeId: await id('ana@example.com'),
        createdBy: 'cli',
        replacesPairId: null,
      },
      [],
      NOW,
    );
    await store.mentoring.closePair('pair_old', 'did not click', NOW);
    await store.close();

    const result = await coachloop('match', 'propose', '--program', 'pilot', '--json');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Proposals;
    expect(out.source).toBe('store');
    expect(pairsOf(out)).toEqual(['ana@example.com ← max@example.com', 'bo@example.com ← nel@example.com']);
    // Without a curator channel nothing is posted, and the command says why.
    const post = await coachloop('match', 'post', '--program', 'pilot');
    expect(post.code).toBe(1);
    expect(post.stderr).toContain('2 proposals were not posted: no curator channel');
    const missing = await coachloop('match', 'propose', '--program', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no program named "nope"');
    expect(readFileSync(join(root, 'programs', 'matching-roster.csv'), 'utf8')).toContain('capacity');
  });
});
