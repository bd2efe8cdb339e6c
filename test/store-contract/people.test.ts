import { expect, it } from 'vitest';
import { DAY } from '../../src/core/clock.js';
import type { Identity } from '../../src/core/participant.js';
import { parseProgramSettings } from '../../src/core/program.js';
import type { RosterPersonPlan, RosterPlan } from '../../src/store/types.js';
import { describeStores } from './stores.js';

const NOW = Date.parse('2026-03-02T12:00:00Z');

function slackUser(userId: string): Identity {
  return { platform: 'slack', workspaceId: 'T1', userId };
}

describeStores('programs', ({ store: open }) => {
  it('creates a program, versions each change, and leaves an unchanged one alone', async () => {
    const store = await open();
    const first = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    expect(first).toMatchObject({ changed: true, record: { name: 'pilot', version: 1, createdAt: NOW } });
    expect(await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW + 1)).toMatchObject({
      changed: false,
      record: { version: 1 },
    });
    const edited = await store.programs.upsert(
      parseProgramSettings({ name: 'pilot', weeklyBudget: 2 }),
      NOW + 2,
    );
    expect(edited).toMatchObject({
      changed: true,
      record: { id: first.record.id, version: 2, updatedAt: NOW + 2 },
    });
    expect((await store.programs.get(first.record.id))?.settings.weeklyBudget).toBe(2);
    expect((await store.programs.getByName('pilot'))?.id).toBe(first.record.id);
    await store.programs.upsert(parseProgramSettings({ name: 'another' }), NOW);
    expect((await store.programs.list()).map((p) => p.name)).toEqual(['another', 'pilot']);
    expect(await store.programs.get('prg_missing')).toBeNull();
    expect(await store.programs.getByName('missing')).toBeNull();
  });
});

describeStores('participants', ({ store: open, connections }) => {
  it('writes a consent decision whole: the record, stopped work, audit entry and ledger entry, or none of them', async () => {
    const store = await open();
    const { record } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    const person = await store.participants.create({ ...slackUser('U1'), programId: record.id }, NOW);
    await store.participants.update(person.id, { consent: 'accepted', consentAt: NOW });
    await store.outbox.enqueue(
      {
        key: 'notice:1',
        participantId: person.id,
        kind: 'notice',
        budgeted: false,
        budgetWeek: '2026-W10',
        message: { text: 'hello', blocks: [] },
        dueAt: NOW + DAY,
        expiresAt: NOW + 2 * DAY,
      },
      NOW,
    );
    const decision = (ledgerDecision: string) => ({
      id: person.id,
      patch: { consent: 'opted_out' as const, consentAt: NOW + 1 },
      stop: { reason: 'opted out', now: NOW + 1 },
      audit: { at: NOW + 1, actor: person.id, action: 'consent.opted_out', subject: person.id },
      ledger: {
        participantId: person.id,
        at: NOW + 1,
        decision: ledgerDecision as 'opted_out',
        scope: 'program pilot v1',
        channel: 'slack',
      },
    });
    // A ledger entry the database refuses: nothing of the decision is kept.
    await expect(store.participants.decideConsent(decision('not-a-decision'))).rejects.toThrow();
    expect((await store.participants.get(person.id))?.consent).toBe('accepted');
    expect((await store.outbox.byKey('notice:1'))?.status).toBe('pending');
    expect(await store.audit.since(0)).toEqual([]);
    expect(await store.privacy.consentHistory(person.id)).toEqual([]);

    const decided = await store.participants.decideConsent(decision('opted_out'));
    expect(decided).toMatchObject({ consent: 'opted_out', consentAt: NOW + 1 });
    expect((await store.outbox.byKey('notice:1'))?.status).toBe('cancelled');
    expect((await store.audit.since(0)).map((e) => e.action)).toEqual(['consent.opted_out']);
    expect((await store.privacy.consentHistory(person.id)).map((e) => e.decision)).toEqual(['opted_out']);
  });

  it('creates a person once per identity, updates them, and finds them by email and program', async () => {
    const store = await open();
    const { record } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    const created = await store.participants.create(
      { ...slackUser('U1'), programId: record.id, email: 'Ada@x.org' },
      NOW,
    );
    expect(created).toMatchObject({
      consent: 'pending',
      kind: 'person',
      email: 'Ada@x.org',
      roles: [],
      arm: 'coached',
    });
    expect((await store.participants.create({ ...slackUser('U1'), programId: record.id }, NOW + 1)).id).toBe(
      created.id,
    );
    const updated = await store.participants.update(created.id, {
      consent: 'accepted',
      consentAt: NOW,
      timezone: 'Europe/Berlin',
      roles: ['mentor'],
      workingDays: [1, 2, 3],
      quietHours: { start: '20:00', end: '07:00' },
      language: 'de',
    });
    expect(updated).toMatchObject({
      consent: 'accepted',
      timezone: 'Europe/Berlin',
      roles: ['mentor'],
      workingDays: [1, 2, 3],
      quietHours: { start: '20:00', end: '07:00' },
      language: 'de',
    });
    expect(await store.participants.get(created.id)).toEqual(updated);
    expect(await store.participants.findByIdentity(slackUser('U1'))).toEqual(updated);
    expect(await store.participants.findByIdentity(slackUser('U2'))).toBeNull();
    expect((await store.participants.findByEmail('slack', 'ada@X.org')).map((p) => p.id)).toEqual([
      created.id,
    ]);
    expect(await store.participants.findByEmail('teams', 'ada@x.org')).toEqual([]);

    const channel = await store.participants.ensureChannel(slackUser('C9'), record.id, NOW);
    expect(channel).toMatchObject({ kind: 'channel', address: 'C9' });
    expect((await store.participants.ensureChannel(slackUser('C9'), record.id, NOW)).id).toBe(channel.id);
    // People only: the channel is a delivery target, not a member of the program.
    expect((await store.participants.inProgram(record.id)).map((p) => p.id)).toEqual([created.id]);
  });

  it('reads many people and channels at once, those that exist', async () => {
    const store = await open();
    const { record } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    const ada = await store.participants.create({ ...slackUser('U1'), programId: record.id }, NOW);
    const bo = await store.participants.update(
      (await store.participants.create({ ...slackUser('U2'), programId: record.id }, NOW)).id,
      { consent: 'accepted', address: 'D2', quietHours: { start: '20:00', end: '07:00' } },
    );
    const channel = await store.participants.ensureChannel(slackUser('C9'), record.id, NOW);
    const many = await store.participants.getMany([bo.id, 'ppl_missing', channel.id, ada.id, bo.id]);
    expect(many.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [ada, bo, channel].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await store.participants.getMany([])).toEqual([]);
    expect(await store.participants.getMany(['ppl_missing'])).toEqual([]);
  });

  it('refuses a person in a program that does not exist', async () => {
    const store = await open();
    await expect(
      store.participants.create({ ...slackUser('U1'), programId: 'prg_missing' }, NOW),
    ).rejects.toThrow();
    expect(await store.participants.findByIdentity(slackUser('U1'))).toBeNull();
  });

  it('creates one person when two connections meet the same identity at once', async () => {
    const [a, b] = await connections(2);
    const { record } = await a!.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    const [x, y] = await Promise.all([
      a!.participants.create({ ...slackUser('U1'), programId: record.id }, NOW),
      b!.participants.create({ ...slackUser('U1'), programId: record.id }, NOW),
    ]);
    expect(x!.id).toBe(y!.id);
    expect(await a!.participants.inProgram(record.id)).toHaveLength(1);
  });
});

function rosterPerson(
  programId: string,
  userId: string,
  extra: Partial<RosterPersonPlan> = {},
): RosterPersonPlan {
  return {
    id: `ppl_${userId}`,
    exists: false,
    identity: slackUser(userId),
    programId,
    email: `${userId.toLowerCase()}@example.org`,
    roles: ['leader'],
    arm: 'coached',
    timezone: 'Europe/Berlin',
    consentRequest: {
      key: `consent:${userId}`,
      participantId: `ppl_${userId}`,
      kind: 'consent',
      budgeted: false,
      budgetWeek: '2026-W10',
      message: { text: 'May I?', blocks: [] },
      dueAt: NOW,
      expiresAt: NOW + DAY,
    },
    ...extra,
  };
}

describeStores('roster import', ({ store: open }) => {
  it('writes people, consent requests and pairs from several batches, and counts them', async () => {
    const store = await open();
    const { record } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    const batches: RosterPlan[] = [
      { people: [rosterPerson(record.id, 'U1'), rosterPerson(record.id, 'U2')], pairs: [] },
      {
        people: [rosterPerson(record.id, 'U3', { roles: ['mentor'] })],
        pairs: [
          {
            id: 'pair_1',
            programId: record.id,
            mentorId: 'ppl_U3',
            menteeId: 'ppl_U1',
            jobs: [{ kind: 'pair_health', dueAt: NOW + DAY, occurrence: 'pair_1/health-0' }],
            draft: {},
          },
        ],
      },
    ];
    expect(await store.participants.importRoster(batches, NOW)).toEqual({
      peopleCreated: 3,
      peopleUpdated: 0,
      pairsCreated: 1,
    });
    expect((await store.participants.inProgram(record.id)).map((p) => p.userId)).toEqual(['U1', 'U2', 'U3']);
    expect((await store.outbox.list({ status: 'pending' })).map((r) => r.key).sort()).toEqual([
      'consent:U1',
      'consent:U2',
      'consent:U3',
    ]);
    expect(await store.mentoring.getPair('pair_1')).toMatchObject({ mentorId: 'ppl_U3', menteeId: 'ppl_U1' });
    expect((await store.jobs.scheduled('ppl_U1')).map((j) => j.occurrence)).toEqual(['pair_1/health-0']);
    expect(await store.mentoring.getDraft('pair_1')).toMatchObject({ mode: 'paused' });

    // The same roster again changes nothing.
    const again: RosterPlan = {
      people: ['U1', 'U2', 'U3'].map((u) =>
        rosterPerson(record.id, u, {
          exists: true,
          consentRequest: null,
          roles: u === 'U3' ? ['mentor'] : ['leader'],
        }),
      ),
      pairs: [],
    };
    expect(await store.participants.importRoster([again], NOW + 1)).toEqual({
      peopleCreated: 0,
      peopleUpdated: 0,
      pairsCreated: 0,
    });
  });

  it('writes nothing when a later batch cannot be produced', async () => {
    const store = await open();
    const { record } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    async function* batches(): AsyncIterable<RosterPlan> {
      yield { people: [rosterPerson(record.id, 'U1')], pairs: [] };
      throw new Error('the roster file went away');
    }
    await expect(store.participants.importRoster(batches(), NOW)).rejects.toThrow(/went away/);
    expect(await store.participants.inProgram(record.id)).toEqual([]);
    expect(await store.outbox.list()).toEqual([]);
    // The store is usable afterwards.
    await store.participants.importRoster([{ people: [rosterPerson(record.id, 'U1')], pairs: [] }], NOW);
    expect(await store.participants.inProgram(record.id)).toHaveLength(1);
  });

  it('writes nothing when a later batch cannot be written', async () => {
    const store = await open();
    const { record } = await store.programs.upsert(parseProgramSettings({ name: 'pilot' }), NOW);
    const broken: RosterPlan = {
      people: [],
      pairs: [
        {
          id: 'pair_x',
          programId: record.id,
          mentorId: 'ppl_nobody',
          menteeId: 'ppl_U1',
          jobs: [],
          draft: {},
        },
      ],
    };
    await expect(
      store.participants.importRoster([{ people: [rosterPerson(record.id, 'U1')], pairs: [] }, broken], NOW),
    ).rejects.toThrow();
    expect(await store.participants.inProgram(record.id)).toEqual([]);
    expect(await store.outbox.list()).toEqual([]);
    expect(await store.mentoring.getPair('pair_x')).toBeNull();
  });
});

describeStores('inbound deliveries', ({ store: open, connections }) => {
  it('says true the first time a delivery id is seen and false ever after', async () => {
    const store = await open();
    expect(await store.inbound.firstSeen('Ev1', NOW)).toBe(true);
    expect(await store.inbound.firstSeen('Ev1', NOW + 1)).toBe(false);
    expect(await store.inbound.firstSeen('Ev2', NOW + 1)).toBe(true);
  });

  it('lets exactly one of two connections see a delivery first', async () => {
    const [a, b] = await connections(2);
    for (let i = 0; i < 20; i += 1) {
      const seen = await Promise.all([
        a!.inbound.firstSeen(`Ev${i}`, NOW),
        b!.inbound.firstSeen(`Ev${i}`, NOW),
      ]);
      expect(seen.filter(Boolean)).toHaveLength(1);
    }
  });
});

describeStores('audit log, meta and channel state', ({ store: open }) => {
  it('appends audit entries and reads them from a moment on, in order', async () => {
    const store = await open();
    await store.audit.append({
      at: 1,
      actor: 'admin',
      action: 'program.applied',
      subject: 'pilot',
      detail: { version: 2 },
    });
    await store.audit.append({ at: 5, actor: 'cli', action: 'report.exported', subject: 'pilot' });
    expect(await store.audit.since(0)).toEqual([
      { at: 1, actor: 'admin', action: 'program.applied', subject: 'pilot', detail: { version: 2 } },
      { at: 5, actor: 'cli', action: 'report.exported', subject: 'pilot' },
    ]);
    expect((await store.audit.since(2)).map((e) => e.at)).toEqual([5]);
  });

  it('keeps meta values and overwrites them', async () => {
    const store = await open();
    expect(await store.meta.get('k')).toBeNull();
    await store.meta.set('k', 'one');
    await store.meta.set('k', 'two');
    expect(await store.meta.get('k')).toBe('two');
  });

  it('keeps channel state per platform, overwrites and deletes it', async () => {
    const store = await open();
    await store.channelState.set(
      'teams',
      'reference:t1:u1',
      '{"r":1}',
      { workspaceId: 't1', userId: 'u1' },
      NOW,
    );
    await store.channelState.set('teams', 'tenant:t1', '{"t":1}', null, NOW);
    expect(await store.channelState.get('teams', 'reference:t1:u1')).toBe('{"r":1}');
    expect(await store.channelState.get('slack', 'reference:t1:u1')).toBeNull();
    await store.channelState.set(
      'teams',
      'reference:t1:u1',
      '{"r":2}',
      { workspaceId: 't1', userId: 'u1' },
      NOW,
    );
    expect(await store.channelState.get('teams', 'reference:t1:u1')).toBe('{"r":2}');
    await store.channelState.delete('teams', 'reference:t1:u1');
    expect(await store.channelState.get('teams', 'reference:t1:u1')).toBeNull();
    expect(await store.channelState.get('teams', 'tenant:t1')).toBe('{"t":1}');
  });

  it('writes many channel-state values in one call, the last of a key winning, and none when one fails', async () => {
    const store = await open();
    await store.channelState.set('teams', 'member:t1:a', 'old', null, NOW);
    await store.channelState.setMany('teams', [], NOW);
    await store.channelState.setMany(
      'teams',
      [
        { key: 'member:t1:a', value: 'a1', owner: { workspaceId: 't1', userId: 'a' } },
        { key: 'member:t1:b', value: 'b1', owner: { workspaceId: 't1', userId: 'b' } },
        { key: 'member:t1:b', value: 'b2', owner: { workspaceId: 't1', userId: 'b' } },
        { key: 'tenant:t1', value: 't', owner: null },
      ],
      NOW,
    );
    expect(await store.channelState.get('teams', 'member:t1:a')).toBe('a1');
    expect(await store.channelState.get('teams', 'member:t1:b')).toBe('b2');
    expect(await store.channelState.get('teams', 'tenant:t1')).toBe('t');
    expect(await store.channelState.get('slack', 'member:t1:a')).toBeNull();

    // A value the store cannot take (no value at all) fails the call: the entries before it are not kept.
    await expect(
      store.channelState.setMany(
        'teams',
        [
          { key: 'member:t1:a', value: 'a2', owner: null },
          { key: 'member:t1:c', value: 'c1', owner: null },
          { key: 'member:t1:d', value: null as unknown as string, owner: null },
        ],
        NOW,
      ),
    ).rejects.toThrow();
    expect(await store.channelState.get('teams', 'member:t1:a')).toBe('a1');
    expect(await store.channelState.get('teams', 'member:t1:c')).toBeNull();
  });

  it('answers a ping, and has nothing to warn about on a database it made itself', async () => {
    const store = await open();
    expect(await store.ping()).toBe(true);
    expect(await store.fileSafetyWarnings()).toEqual([]);
  });
});
