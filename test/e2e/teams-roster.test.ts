import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { channelStateFor } from '../../src/app/channel-state.js';
import {
  type DirectoryLookup,
  type DirectoryProgressReport,
  importRoster,
  knownUsersLookup,
} from '../../src/app/roster.js';
import { createTeamsDirectory } from '../../src/channels/teams/directory.js';
import { teamsAuthSettings } from '../../src/channels/teams/module.js';
import { silentLogger } from '../../src/logger.js';
import { type ChannelAccount, connectorFaults } from '../simulators/botframework.js';
import { localCredentialsFactory, startLocalOpenIdIssuer } from '../support/teams-auth.js';
import {
  AUTH_APP_ID,
  actionsOf,
  cardText,
  channelPlace,
  member,
  startTeamsHarness,
  TENANT,
  type TeamsHarness,
  type TeamsUser,
  teamsUser,
} from '../support/teams-harness.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const START = '2026-03-02T08:00:00Z';

/** Team members nobody's roster names, so that the list runs over several pages. */
const others = (count: number): ChannelAccount[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `29:1other-${i}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Other ${i}`,
    email: `other${i}@example.com`,
    userPrincipalName: `other${i}@example.com`,
  }));

describe('Teams roster: people in a team the app is installed in, who never opened it', () => {
  let h: TeamsHarness;
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  const team = channelPlace('Everyone');
  const admin = teamsUser('Alex Admin');
  const ada = { ...teamsUser('Ada Lovelace'), email: 'ada@example.com' };
  const ben = { ...teamsUser('Ben Okafor'), email: 'ben@example.com' };
  // Cy's mailbox differs from her sign-in name: the roster names her by the one Teams lists as her UPN.
  const cy = teamsUser('Cy Young');
  const cyMember: ChannelAccount = { ...member(cy), email: '', userPrincipalName: 'Cy.Young@Example.com' };
  const filler = others(130);
  const roster = [
    'email,role,platform',
    'ada@example.com,leader,teams',
    'BEN@example.com,leader,teams',
    'cy.young@example.com,mentor,teams',
  ].join('\n');

  async function start(options: { auth?: boolean } = {}) {
    const issuer = options.auth ? await startLocalOpenIdIssuer() : null;
    if (issuer) closers.push(() => issuer.close());
    h = await startTeamsHarness({
      start: START,
      members: {
        // 134 members: Ada the 62nd, Cy and Ben the last two.
        [team.teamId]: [
          member(admin),
          ...filler.slice(0, 60),
          member(ada),
          ...filler.slice(60),
          cyMember,
          member(ben),
        ],
      },
      ...(issuer ? { auth: { issuer } } : {}),
    });
    closers.push(() => h.close());
    const sleeps: number[] = [];
    const directory = createTeamsDirectory({
      auth: teamsAuthSettings(h.app.config),
      timeoutMs: 2000,
      state: channelStateFor(h.app.store, 'teams', h.clock),
      logger: silentLogger,
      pageSize: 50,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...(issuer ? { credentialsFactory: localCredentialsFactory(issuer, AUTH_APP_ID) as never } : {}),
    });
    return { directory, sleeps };
  }

  async function importWith(directory: DirectoryLookup, csv = roster) {
    const program = (await h.app.store.programs.getByName('pilot'))!;
    const progress: DirectoryProgressReport[] = [];
    const outcome = await importRoster({
      store: h.app.store,
      program,
      csv,
      lookups: [directory, knownUsersLookup(h.app.store, 'teams')],
      now: h.clock.now(),
      onProgress: (report) => progress.push(report),
    });
    await h.app.tick();
    await h.settle();
    return { outcome, progress };
  }

  /** The 1:1 the bot opened with this person, and the person as they act in it. */
  function personalChatOf(user: TeamsUser) {
    const created = h.sim.conversationsCreated.filter(
      (c) => (c.parameters.members as { id: string }[] | undefined)?.[0]?.id === user.id,
    );
    expect(created).toHaveLength(1);
    return { ...user, conversationId: created[0]!.id, parameters: created[0]!.parameters };
  }

  it('installs in a team, finds people by email or UPN over several pages, and each gets one consent card in a new 1:1', async () => {
    const { directory } = await start();
    expect((await h.installInChannel(team, admin)).status).toBe(200);

    const { outcome, progress } = await importWith(directory);
    expect(outcome.problems).toEqual([]);
    expect(outcome.people.map((p) => [p.email, p.platform, p.status])).toEqual([
      ['ada@example.com', 'teams', 'new'],
      ['ben@example.com', 'teams', 'new'],
      ['cy.young@example.com', 'teams', 'new'],
    ]);
    // 134 members at 50 a page: three reads of the team's list, each reported.
    const reads = h.sim.requests.filter((r) => r.path.endsWith('/pagedmembers'));
    expect(reads.map((r) => decodeURIComponent(r.path))).toEqual(
      Array(3).fill(`/v3/conversations/${team.teamId}/pagedmembers`),
    );
    expect(progress.map((p) => [p.platform, p.calls, p.membersRead, p.found, p.wanted])).toEqual([
      ['teams', 1, 50, 0, 3],
      ['teams', 2, 100, 1, 3],
      ['teams', 3, 134, 3, 3],
    ]);

    for (const user of [ada, ben, cy]) {
      const participant = await h.app.store.participants.findByIdentity(h.identity(user));
      expect(participant).toMatchObject({ consent: 'pending', reachable: true });
      // Nothing from the team's list is kept but what opens the 1:1: no name, and the roster's email.
      expect(participant?.displayName).toBeNull();
      const chat = personalChatOf(user);
      expect(chat.parameters).toMatchObject({
        isGroup: false,
        bot: { id: `28:${h.botAppId}` },
        tenantId: TENANT,
        channelData: { tenant: { id: TENANT } },
      });
      const cards = h.messages(chat.conversationId).filter((m) => m.card);
      expect(cards).toHaveLength(1);
      expect(cardText(cards[0]!.card)).toContain('Before anything starts');
      expect(JSON.parse(participant!.address!)).toMatchObject({ conversation: { id: chat.conversationId } });
      const row = await h.app.store.outbox.byKey(`consent:${participant!.id}`);
      expect(row).toMatchObject({ status: 'sent', kind: 'consent' });
    }
    // Only the three people on the roster were written to; the other 131 members left nothing behind.
    expect(h.sim.conversationsCreated).toHaveLength(3);

    // Ada accepts in the 1:1 the bot opened: her roster email stays, her name comes with consent.
    const adaChat = personalChatOf(ada);
    const consent = h.messages(adaChat.conversationId).find((m) => m.card)!;
    const answer = await h.click(adaChat, consent, 'consent.accept');
    expect(cardText(answer.card)).toContain('you are in');
    expect(actionsOf(answer.card).map((a) => a.verb)).toEqual(['experiment.start']);
    expect(await h.app.store.participants.findByIdentity(h.identity(ada))).toMatchObject({
      consent: 'accepted',
      email: 'ada@example.com',
      displayName: 'Ada Lovelace',
    });

    // The same roster again (and the scheduler running on): nothing new is queued, opened or sent.
    const sent = h.sim.activities.length;
    const again = await importWith(directory);
    expect(again.outcome.people.map((p) => p.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    await h.runUntil('2026-03-03T12:00:00Z', 60 * 60_000);
    expect(h.sim.conversationsCreated).toHaveLength(3);
    expect(
      h.sim.activities
        .slice(sent)
        .filter((a) => JSON.stringify(a.activity).includes('Before anything starts')),
    ).toEqual([]);
    expect(h.cardProblems()).toEqual([]);
  });

  it('waits out a 429 for as long as Retry-After says, then reads on', async () => {
    const { directory, sleeps } = await start();
    await h.installInChannel(team, admin);
    h.sim.injectFault('members', connectorFaults.throttled(7), 2);
    const { outcome } = await importWith(directory);
    expect(outcome.problems).toEqual([]);
    expect(sleeps).toEqual([7000, 7000]);
    const reads = h.sim.requests.filter((r) => r.path.endsWith('/pagedmembers'));
    expect(reads.map((r) => r.status)).toEqual([429, 429, 200, 200, 200]);
    expect(h.sim.conversationsCreated).toHaveLength(3);
  });

  it('asks again after a passing 502, and stops the import with the team named when Teams refuses the list', async () => {
    const { directory, sleeps } = await start();
    await h.installInChannel(team, admin);
    h.sim.injectFault('members', connectorFaults.badGateway(), 1);
    expect((await importWith(directory)).outcome.problems).toEqual([]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);

    h.sim.injectFault('members', connectorFaults.botNotInConversation(), 1);
    const program = (await h.app.store.programs.getByName('pilot'))!;
    await expect(
      importRoster({
        store: h.app.store,
        program,
        csv: 'email,role\nnew@example.com,leader',
        lookups: [directory],
        now: h.clock.now(),
      }),
    ).rejects.toThrow(
      `could not read the members of the Teams team ${team.teamId} (the app may have been removed from it: add it to the team again)`,
    );
    expect(sleeps).toHaveLength(1);
  });

  it('names a person who is in no team the app is in, and imports nothing', async () => {
    const { directory } = await start();
    await h.installInChannel(team, admin);
    const { outcome } = await importWith(directory, `${roster}\nnobody@example.com,leader,teams`);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems).toEqual(['line 5: no teams user has the email nobody@example.com']);
    expect(await h.app.store.participants.findByIdentity(h.identity(ada))).toBeNull();
    expect(h.sim.conversationsCreated).toHaveLength(0);
  });

  it('finds nobody through a team the app was removed from', async () => {
    const { directory } = await start();
    await h.installInChannel(team, admin);
    await h.post(
      h.activityFrom(admin, {
        type: 'conversationUpdate',
        membersRemoved: [{ id: `28:${h.botAppId}` }],
        conversation: { id: team.channelId, conversationType: 'channel', tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: team.teamId }, eventType: 'teamMemberRemoved' },
      }),
    );
    const { outcome } = await importWith(directory);
    expect(outcome.problems).toHaveLength(3);
    expect(h.sim.requests.filter((r) => r.path.endsWith('/pagedmembers'))).toEqual([]);
  });

  it('picks up a team from a message there when its install was never seen, and a dry run keeps nothing', async () => {
    const { directory } = await start();
    await h.sayInChannel(team, admin, 'help');
    const program = (await h.app.store.programs.getByName('pilot'))!;
    const dry = await importRoster({
      store: h.app.store,
      program,
      csv: roster,
      lookups: [directory],
      now: h.clock.now(),
      dryRun: true,
    });
    expect(dry.problems).toEqual([]);
    expect(dry.people.map((p) => p.status)).toEqual(['new', 'new', 'new']);
    await h.app.tick();
    await h.settle();
    expect(await h.app.store.participants.findByIdentity(h.identity(ada))).toBeNull();
    expect(await h.app.store.channelState.get('teams', `member:${TENANT}:${ada.aadObjectId}`)).toBeNull();
    expect(h.sim.conversationsCreated).toHaveLength(0);
    // The real import keeps Ada's Teams user id, owned by her so that erasing her erases it.
    await importWith(directory);
    const memberKey = `member:${TENANT}:${ada.aadObjectId}`;
    expect(await h.app.store.channelState.get('teams', memberKey)).toBe(JSON.stringify({ id: ada.id }));
    expect(h.sim.conversationsCreated).toHaveLength(3);
    const enrolled = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    await h.app.privacy.forget(enrolled, 'admin');
    expect(await h.app.store.channelState.get('teams', memberKey)).toBeNull();
    expect(await h.app.store.channelState.get('teams', `aad:${TENANT}:${ada.id}`)).toBeNull();
  });

  it('signs its reads of the member list in as the bot when Teams authentication is on', async () => {
    const { directory } = await start({ auth: true });
    await h.installInChannel(team, admin);
    const { outcome } = await importWith(directory);
    expect(outcome.problems).toEqual([]);
    expect(h.sim.stats.unauthorized).toBe(0);
    expect(h.sim.conversationsCreated).toHaveLength(3);
    expect(h.messages(personalChatOf(ben).conversationId).filter((m) => m.card)).toHaveLength(1);
  });

  it('the roster command reads the team list and prints a summary of the directory work', async () => {
    await start();
    await h.installInChannel(team, admin);
    writeFileSync(join(h.dir, 'people.csv'), roster);
    const { stdout, stderr } = await run(
      'node',
      [join(root, 'bin/coachloop.js'), 'roster', 'import', 'people.csv', '--program', 'pilot'],
      {
        cwd: h.dir,
        env: {
          ...process.env,
          ...h.databaseEnv,
          LOG_LEVEL: 'silent',
          SLACK_BOT_TOKEN: '',
          TEAMS_ENABLED: 'true',
          NO_PROXY: '127.0.0.1,localhost',
        },
      },
    ).catch((error: { stdout: string; stderr: string }) => error);
    expect(stderr).toMatch(
      /resolved emails in [\d.]+ s: teams: 1 directory calls, 134 members read, 3 of 3 roster emails found/,
    );
    expect(stdout).toContain('imported: 3 new');
  }, 60_000);
});
