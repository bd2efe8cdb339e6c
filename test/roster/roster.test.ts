import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DirectoryLookup,
  importRoster,
  knownUsersLookup,
  parseRosterCsv,
  ROSTER_WRITE_BATCH,
} from '../../src/app/roster.js';
import { slackDirectory } from '../../src/channels/slack/directory.js';
import { createSlackClient } from '../../src/channels/slack/sender.js';
import type { Message } from '../../src/core/messages.js';
import type { Identity } from '../../src/core/participant.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { ProgramRecord, Store } from '../../src/store/types.js';
import { type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';

const NOW = Date.UTC(2026, 2, 2, 9);

describe('roster CSV checks', () => {
  it('names every problem with its line and imports nothing', async () => {
    const csv = [
      'email,role,mentor_email,arm,timezone',
      'ana@example.com,leader,,coached,Europe/Berlin',
      'not-an-email,leader,,,',
      'ben@example.com,boss,,,',
      'ana@example.com,leader,,,',
      'cy@example.com,mentee,zed@example.com,,',
      'dee@example.com,leader,,sideways,Mars/Base',
      'ana@example.com,mentor,,control,',
    ].join('\n');
    const { problems } = await parseRosterCsv(csv);
    expect(problems).toEqual([
      'line 3: email is not an email address',
      'line 4: role must be one of leader, mentor, mentee, curator, admin',
      'line 5: duplicates line 2 (ana@example.com as leader)',
      'line 7: arm must be coached, control or auto',
      'line 7: timezone must be an IANA time zone such as Europe/Berlin',
      'lines 2, 8: ana@example.com has conflicting arm values (coached, control)',
      'line 6: mentor zed@example.com is not in the roster as a mentor',
    ]);
  });

  it('reads the matching columns, normalizes lists, and names bad values with their line', async () => {
    const csv = [
      'email,role,topics,manager_email,capacity,languages',
      'ana@example.com,mentor, Hiring ; feedback;;hiring ,Boss@Example.com,2,EN; pt-BR',
      'ben@example.com,mentee,feedback,,,',
      'cy@example.com,mentee,,not-an-email,zero,english',
      'dee@example.com,mentor,,,0,',
    ].join('\n');
    const { rows, problems } = await parseRosterCsv(csv);
    expect(problems).toEqual([
      'line 4: manager_email is not an email address',
      'line 4: capacity must be a whole number from 1 to 20',
      'line 4: languages "english" is not a language code such as en, de or pt-BR',
      'line 5: capacity must be a whole number from 1 to 20',
    ]);
    expect(rows[0]).toMatchObject({
      topics: 'Hiring; feedback; hiring',
      manager_email: 'boss@example.com',
      capacity: '2',
      languages: 'en; pt-br',
    });
    expect(rows[1]).toMatchObject({ topics: 'feedback' });
    expect(rows[1]?.capacity).toBeUndefined();
  });

  it('reports malformed CSV and missing columns instead of guessing', async () => {
    expect((await parseRosterCsv('email,role\n"ana@example.com,leader\n')).problems[0]).toMatch(
      /^the file is not valid CSV/,
    );
    expect((await parseRosterCsv('mail,role\nana@example.com,leader\n')).problems).toEqual([
      'the header has no "email" column (columns: mail, role)',
      'unknown columns: mail',
    ]);
    expect((await parseRosterCsv('email,role,shoe_size\nana@example.com,leader,9\n')).problems).toEqual([
      'unknown columns: shoe_size',
    ]);
    expect((await parseRosterCsv('')).problems).toEqual(['the file has no rows']);
  });
});

describe('roster import', () => {
  let sim: SlackSimulator;
  let store: SqliteStore;
  let dir: string;
  let program: ProgramRecord;
  const lookups = () => [
    slackDirectory(createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }), sim.teamId),
    knownUsersLookup(store, 'teams'),
  ];

  beforeEach(async () => {
    sim = await startSlackSimulator();
    for (const [id, email] of [
      ['U1', 'ana@example.com'],
      ['U2', 'ben@example.com'],
      ['U3', 'cy@example.com'],
      ['U4', 'dee@example.com'],
    ])
      sim.addUser({ id: id!, email });
    dir = mkdtempSync(join(tmpdir(), 'coachloop-roster-'));
    store = openSqliteStore({ path: join(dir, 'db.sqlite') });
    program = (
      await store.programs.upsert(parseProgramSettings({ name: 'pilot', timezone: 'Europe/Berlin' }), NOW)
    ).record;
    // A Teams user known from an install.
    const teams = await store.participants.create(
      {
        platform: 'teams',
        workspaceId: 'tenant-1',
        userId: 'aad-eve',
        programId: program.id,
        email: 'eve@example.com',
      },
      NOW,
    );
    await store.participants.update(teams.id, { consent: 'accepted' });
  });
  afterEach(async () => {
    await store.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const csv = [
    'email,role,mentor_email,arm,timezone',
    'ana@example.com,leader,,coached,America/New_York',
    'ben@example.com,leader,,control,',
    'cy@example.com,mentor,,,',
    'dee@example.com,mentee,cy@example.com,,',
    'eve@example.com,mentor,,,',
    'ana@example.com,mentee,eve@example.com,,',
  ].join('\n');

  it('resolves Slack users by email and Teams users from installs, forms pairs, and queues consent requests', async () => {
    const outcome = await importRoster({ store, program, csv, lookups: lookups(), now: NOW });
    expect(outcome.problems).toEqual([]);
    expect(outcome.counts).toEqual({ peopleCreated: 4, peopleUpdated: 1, pairsCreated: 2 });
    const ana = await store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: 'T0001',
      userId: 'U1',
    });
    expect(ana).toMatchObject({
      roles: ['leader', 'mentee'],
      arm: 'coached',
      timezone: 'America/New_York',
      consent: 'pending',
      invitedAt: NOW,
    });
    const ben = await store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: 'T0001',
      userId: 'U2',
    });
    expect(ben?.arm).toBe('control');
    const eve = (await store.participants.findByEmail('teams', 'EVE@example.com'))[0]!;
    expect(eve.roles).toEqual(['mentor']);
    const pairs = await store.mentoring.activePairs(program.id);
    expect(
      pairs.map((p) => [p.mentorId === eve.id ? 'eve' : 'cy', p.menteeId === ana!.id ? 'ana' : 'dee']).sort(),
    ).toEqual([
      ['cy', 'dee'],
      ['eve', 'ana'],
    ]);
    const consent = (await store.outbox.list({ status: 'pending' })).filter((r) => r.kind === 'consent');
    expect(consent).toHaveLength(4);
    expect(
      sim
        .callsTo('users.lookupByEmail')
        .map((c) => c.args.email)
        .sort(),
    ).toEqual(['ana@example.com', 'ben@example.com', 'cy@example.com', 'dee@example.com', 'eve@example.com']);
    expect((await store.audit.since(0)).find((e) => e.action === 'roster.imported')?.detail).toMatchObject({
      rows: 6,
      pairsCreated: 2,
    });
  });

  it('takes each person’s language: the invitation speaks it, and a second import changes nothing', async () => {
    const languages = [
      'email,role,language',
      'ana@example.com,leader,de',
      'ben@example.com,leader,pt-br',
      'cy@example.com,leader,',
    ].join('\n');
    const outcome = await importRoster({ store, program, csv: languages, lookups: lookups(), now: NOW });
    expect(outcome.problems).toEqual([]);
    const byUser = async (userId: string) =>
      (await store.participants.findByIdentity({ platform: 'slack', workspaceId: 'T0001', userId }))!;
    expect((await byUser('U1')).rosterLanguage).toBe('de');
    expect((await byUser('U2')).rosterLanguage).toBe('pt-BR');
    expect((await byUser('U3')).rosterLanguage).toBeNull();
    const invitation = async (userId: string) =>
      JSON.stringify((await store.outbox.byKey(`consent:${(await byUser(userId)).id}`))?.message);
    expect(await invitation('U1')).toContain('Zustimmen');
    expect(await invitation('U2')).toContain('Aceitar');
    expect(await invitation('U3')).toContain('Accept');
    const again = await importRoster({ store, program, csv: languages, lookups: lookups(), now: NOW + 1000 });
    expect(again.counts).toEqual({ peopleCreated: 0, peopleUpdated: 0, pairsCreated: 0 });
    const moved = languages.replace('ana@example.com,leader,de', 'ana@example.com,leader,fr');
    const third = await importRoster({ store, program, csv: moved, lookups: lookups(), now: NOW + 2000 });
    expect(third.counts).toEqual({ peopleCreated: 0, peopleUpdated: 1, pairsCreated: 0 });
    expect((await byUser('U1')).rosterLanguage).toBe('fr');
  });

  it('refuses a language the bot does not speak', async () => {
    expect((await parseRosterCsv('email,role,language\nana@example.com,leader,tlh\n')).problems).toEqual([
      'line 2: language must be a language the bot speaks (en, de, fr, es, pt, ja)',
    ]);
  });

  it('is idempotent: a second import of the same file changes nothing and queues nothing again', async () => {
    await importRoster({ store, program, csv, lookups: lookups(), now: NOW });
    const before = (await store.outbox.list()).length;
    const again = await importRoster({ store, program, csv, lookups: lookups(), now: NOW + 1000 });
    expect(again.counts).toEqual({ peopleCreated: 0, peopleUpdated: 0, pairsCreated: 0 });
    expect(again.people.every((p) => p.status === 'unchanged')).toBe(true);
    expect(again.pairs.every((p) => p.status === 'exists')).toBe(true);
    expect((await store.outbox.list()).length).toBe(before);
    expect(await store.mentoring.activePairs(program.id)).toHaveLength(2);
  });

  it('lists unmatched emails and writes nothing at all when any row fails', async () => {
    const withUnknown = `${csv}\nzoe@example.com,leader,,,`;
    const outcome = await importRoster({ store, program, csv: withUnknown, lookups: lookups(), now: NOW });
    expect(outcome).toMatchObject({ ok: false, written: false });
    expect(outcome.problems).toEqual(['line 8: no Slack or Teams user has the email zoe@example.com']);
    expect(
      await store.participants.findByIdentity({ platform: 'slack', workspaceId: 'T0001', userId: 'U1' }),
    ).toBeNull();
    expect(await store.mentoring.activePairs()).toHaveLength(0);
    expect(await store.outbox.list()).toHaveLength(0);
  });

  it('shows a dry run without writing', async () => {
    const outcome = await importRoster({ store, program, csv, lookups: lookups(), now: NOW, dryRun: true });
    expect(outcome).toMatchObject({ ok: true, written: false });
    expect(outcome.people.filter((p) => p.status === 'new')).toHaveLength(4);
    expect(
      await store.participants.findByIdentity({ platform: 'slack', workspaceId: 'T0001', userId: 'U1' }),
    ).toBeNull();
  });
});

describe('roster import from a large workspace', () => {
  let sim: SlackSimulator;
  let store: SqliteStore;
  let dir: string;
  let program: ProgramRecord;
  beforeEach(async () => {
    sim = await startSlackSimulator();
    // 240 members; the roster names 120 of them, a deleted member and a bot.
    for (let i = 0; i < 240; i += 1) sim.addUser({ id: `UB${i}`, email: `member${i}@example.com` });
    sim.addUser({ id: 'UGONE', email: 'gone@example.com', deleted: true });
    sim.addUser({ id: 'UBOT2', email: 'bot@example.com', isBot: true });
    dir = mkdtempSync(join(tmpdir(), 'coachloop-roster-bulk-'));
    store = openSqliteStore({ path: join(dir, 'db.sqlite') });
    program = (await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW)).record;
  });
  afterEach(async () => {
    await store.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const roster = (extra: string[] = []) =>
    [
      'email,role',
      ...Array.from({ length: 120 }, (_, i) => `MEMBER${i * 2}@example.com,leader`),
      ...extra,
    ].join('\n');

  it('reads the workspace with a few paged users.list calls instead of one lookupByEmail per row, within the tiers', async () => {
    const slept: number[] = [];
    const directory = slackDirectory(
      createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }),
      sim.teamId,
      {
        pageSize: 100,
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
    );
    // Slack says "slow down" once: the import waits as long as asked and goes on.
    sim.injectFault('users.list', { type: 'ratelimit', retryAfterSeconds: 2 });
    const progress: number[] = [];
    const outcome = await importRoster({
      store,
      program,
      csv: roster(),
      lookups: [directory],
      now: NOW,
      onProgress: (r) => progress.push(r.found),
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.counts?.peopleCreated).toBe(120);
    expect(sim.callsTo('users.lookupByEmail')).toHaveLength(0);
    // 242 members at 100 a page: 3 pages, plus the one call that was rate limited.
    expect(sim.callsTo('users.list').map((c) => c.args.limit)).toEqual(['100', '100', '100', '100']);
    expect(slept).toEqual([2000]);
    expect(progress.at(-1)).toBe(120);
    expect(
      await store.participants.findByIdentity({
        platform: 'slack',
        workspaceId: sim.teamId,
        userId: 'UB238',
      }),
    ).toMatchObject({ email: 'member238@example.com' });
  });

  it('does not enrol deleted members or bots found in the listing', async () => {
    const directory = slackDirectory(createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }), sim.teamId);
    const outcome = await importRoster({
      store,
      program,
      csv: roster(['gone@example.com,leader', 'bot@example.com,leader']),
      lookups: [directory],
      now: NOW,
    });
    expect(outcome.problems).toEqual([
      'line 122: no Slack or Teams user has the email gone@example.com',
      'line 123: no Slack or Teams user has the email bot@example.com',
    ]);
    expect(outcome.written).toBe(false);
  });

  it('keeps to users.list’s tier after the burst Slack allows', async () => {
    const slept: number[] = [];
    // The pacer's clock moves only when it sleeps, so the time the calls themselves take does not shorten a wait.
    let clock = 0;
    const directory = slackDirectory(
      createSlackClient({ token: sim.token, apiUrl: sim.apiUrl }),
      sim.teamId,
      {
        pageSize: 10,
        now: () => clock,
        sleep: async (ms) => {
          slept.push(ms);
          clock += ms;
        },
      },
    );
    await importRoster({ store, program, csv: roster(), lookups: [directory], now: NOW, dryRun: true });
    // 25 pages: the first 20 at once, then about one every 3 s (Tier 2: 20 per minute).
    expect(sim.callsTo('users.list')).toHaveLength(25);
    expect(slept).toHaveLength(5);
    for (const ms of slept) {
      expect(ms).toBe(3000);
    }
  });
});

describe('roster import written in batches', () => {
  let store: SqliteStore;
  let dir: string;
  let program: ProgramRecord;
  const PEOPLE = ROSTER_WRITE_BATCH * 2 + 500;
  const emailOf = (i: number) => `p${i}@example.com`;
  // A directory that lists everyone at once, as a workspace listing does.
  const directory: DirectoryLookup = {
    platform: 'slack',
    lookupByEmail: async () => null,
    lookupMany: async (emails) =>
      new Map([...emails].map((email) => [email, { platform: 'slack', workspaceId: 'T1', userId: email }])),
  };
  // The first person mentors the last two, so a pair spans the first and the last batch.
  const csv = [
    'email,role,mentor_email',
    `${emailOf(0)},mentor,`,
    ...Array.from({ length: PEOPLE - 1 }, (_, i) => `${emailOf(i + 1)},leader,`),
    `${emailOf(PEOPLE - 1)},mentee,${emailOf(0)}`,
    `${emailOf(PEOPLE - 2)},mentee,${emailOf(0)}`,
  ].join('\n');
  const count = (table: string) =>
    (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-roster-batches-'));
    store = openSqliteStore({ path: join(dir, 'db.sqlite') });
    program = (
      await store.programs.upsert(parseProgramSettings({ name: 'pilot', timezone: 'Europe/Berlin' }), NOW)
    ).record;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a roster larger than one batch completely, with pairs whose people are in different batches', async () => {
    const outcome = await importRoster({ store, program, csv, lookups: [directory], now: NOW });
    expect(outcome.problems).toEqual([]);
    expect(outcome.counts).toEqual({ peopleCreated: PEOPLE, peopleUpdated: 0, pairsCreated: 2 });
    expect(outcome.people).toHaveLength(PEOPLE);
    expect(count('participants')).toBe(PEOPLE);
    expect((await store.outbox.list({ status: 'pending' })).filter((r) => r.kind === 'consent')).toHaveLength(
      PEOPLE,
    );
    const mentor = await store.participants.findByIdentity({
      platform: 'slack',
      workspaceId: 'T1',
      userId: emailOf(0),
    });
    // Each consent request names its own person on its buttons (one message template, filled in per person).
    const refs = (
      store.db.prepare('SELECT participant_id AS id, message FROM outbox').all() as {
        id: string;
        message: string;
      }[]
    ).map((row) => {
      const message = JSON.parse(row.message) as Message;
      const actions = message.blocks?.flatMap((b) => (b.type === 'actions' ? b.actions : [])) ?? [];
      return { id: row.id, refs: [...new Set(actions.map((a) => a.ref))] };
    });
    expect(refs).toHaveLength(PEOPLE);
    expect(refs.every((r) => r.refs.length === 1 && r.refs[0] === r.id)).toBe(true);
    expect(new Set(refs.map((r) => r.id)).size).toBe(PEOPLE);
    const pairs = await store.mentoring.activePairs(program.id);
    expect(pairs).toHaveLength(2);
    expect(pairs.every((p) => p.mentorId === mentor?.id)).toBe(true);
    const again = await importRoster({ store, program, csv, lookups: [directory], now: NOW + 1000 });
    expect(again.counts).toEqual({ peopleCreated: 0, peopleUpdated: 0, pairsCreated: 0 });
    expect(again.pairs.map((p) => p.status)).toEqual(['exists', 'exists']);
  });

  it('rolls back the batches already written when a later batch fails: all or nothing', async () => {
    let lookups = 0;
    // The store fails while the third batch is being planned, after two batches were written.
    const failing: Store = Object.assign(Object.create(store) as Store, {
      participants: {
        ...store.participants,
        findByIdentity: async (identity: Identity) => {
          lookups += 1;
          if (lookups > ROSTER_WRITE_BATCH * 2 + 100) throw new Error('the disk went away');
          return store.participants.findByIdentity(identity);
        },
      },
    });
    await expect(
      importRoster({ store: failing, program, csv, lookups: [directory], now: NOW }),
    ).rejects.toThrow('the disk went away');
    expect(lookups).toBeGreaterThan(ROSTER_WRITE_BATCH * 2);
    expect(store.db.inTransaction).toBe(false);
    expect(count('participants')).toBe(0);
    expect(count('outbox')).toBe(0);
    expect(count('pairs')).toBe(0);
    // The store is usable afterwards, and the same roster then imports whole.
    const outcome = await importRoster({ store, program, csv, lookups: [directory], now: NOW });
    expect(outcome.counts?.peopleCreated).toBe(PEOPLE);
  });

  it('a dry run plans every batch and writes none', async () => {
    const outcome = await importRoster({ store, program, csv, lookups: [directory], now: NOW, dryRun: true });
    expect(outcome).toMatchObject({ ok: true, written: false });
    expect(outcome.people.filter((p) => p.status === 'new')).toHaveLength(PEOPLE);
    expect(outcome.pairs).toHaveLength(2);
    expect(count('participants')).toBe(0);
  });
});
