import { describe, expect } from 'vitest';
import { postMatchReview } from '../../src/app/match-review.js';
import { importRoster } from '../../src/app/roster.js';
import type { ChatPerson, ChatSession } from '../support/drivers/chat-driver.js';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import { auditActions, chatSessions, enroll, pairUp, participantOf } from './flows.js';
import { scenarioFor } from './known-gaps.js';

const REVIEW = /Matching proposals for pilot/;

/** Roster columns for the people already talking to the bot, resolved to who they are on the platform. */
async function roster(chat: ChatSession, people: ChatPerson[], csv: string[]): Promise<void> {
  const program = (await chat.app.store.programs.getByName('pilot'))!;
  const byEmail = new Map(people.map((p) => [p.email, p.identity]));
  const outcome = await importRoster({
    store: chat.app.store,
    program,
    csv: csv.join('\n'),
    now: chat.clock.now(),
    lookups: [{ platform: people[0]!.identity.platform, lookupByEmail: async (e) => byEmail.get(e) ?? null }],
  });
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
}

describe.each(CHAT_DRIVERS)('matching proposals for curators ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  async function proposals() {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      people: [
        { name: 'Mo Mentor', role: 'mentor' },
        { name: 'Max Mentor', role: 'mentor' },
        { name: 'Mia Mentee', role: 'mentee' },
        { name: 'Cora Curator', role: 'curator' },
        { name: 'Eve Member' },
      ],
    });
    const [mo, max, mia, cora, eve] = [
      'Mo Mentor',
      'Max Mentor',
      'Mia Mentee',
      'Cora Curator',
      'Eve Member',
    ].map((name) => chat.person(name)) as [ChatPerson, ChatPerson, ChatPerson, ChatPerson, ChatPerson];
    await enroll(chat, mo, max, mia, eve);
    await roster(
      chat,
      [mo, max, mia],
      [
        'email,role,topics,department',
        `${mo.email},mentor,delegation; hiring,Finance`,
        `${max.email},mentor,hiring,Sales`,
        `${mia.email},mentee,delegation; hiring,Sales`,
      ],
    );
    const program = (await chat.app.store.programs.getByName('pilot'))!;
    const posted = await postMatchReview(
      { store: chat.app.store, clock: chat.clock, curators: chat.app.mentoring.curators },
      program,
    );
    expect(posted.reviews.map((r) => r.proposals)).toEqual([1]);
    await chat.settle();
    const review = () => chat.curatorChannel().find((m) => REVIEW.test(m.text));
    if (!review()) throw new Error('the review is not in the curator channel');
    const pairs = async () =>
      Promise.all(
        (await chat.app.store.mentoring.activePairs(program.id)).map(async (p) => ({
          mentor: (await chat.app.store.participants.get(p.mentorId))?.displayName,
          mentee: (await chat.app.store.participants.get(p.menteeId))?.displayName,
        })),
      );
    return { chat, mo, max, mia, cora, eve, program, review, pairs };
  }

  scenario(
    'curators see the proposal with its reasons and points; nothing is paired before they decide',
    async () => {
      const { review, pairs } = await proposals();
      const message = review()!;
      expect(message.text).toMatch(/Mia Mentee with mentor Mo Mentor \(fit \d+\)/);
      expect(message.text).toMatch(/shares 2 of 2 topics: delegation, hiring \(\+40\)/);
      expect(message.text).toMatch(/another department: Finance, not Sales \(\+20\)/);
      expect(message.buttons).toEqual(['Approve', 'Choose another', 'Reject']);
      expect(await pairs()).toEqual([]);
    },
  );

  scenario('approve: the pair starts as a roster pair does, and the review says who approved', async () => {
    const { chat, mo, mia, cora, review, pairs } = await proposals();
    const before = review()!;
    await chat.click(cora, 'Approve', { in: 'curators' });
    expect(review()?.text).toMatch(/Approved by @?Cora Curator on/);
    expect(review()?.buttons).toEqual([]);
    expect(await pairs()).toEqual([{ mentor: 'Mo Mentor', mentee: 'Mia Mentee' }]);
    expect(chat.view(mo).messages.some((m) => /You're now mentoring Mia Mentee/.test(m.text))).toBe(true);
    expect(chat.view(mia).messages.some((m) => /Mo Mentor/.test(m.text))).toBe(true);
    expect(await auditActions(chat, 'match.')).toEqual(['match.posted', 'match.approved']);
    // A click on the old copy of the review changes nothing.
    const again = await chat.click(cora, 'Approve', { in: 'curators', message: before });
    expect(again.text).toMatch(/already decided on this proposal/);
    expect(await pairs()).toHaveLength(1);
  });

  scenario(
    'choose another: the alternatives with their reasons; picking one pairs the mentee with them',
    async () => {
      const { chat, cora, review, pairs } = await proposals();
      const opened = await chat.click(cora, 'Choose another', { in: 'curators' });
      expect(opened.text).toMatch(/Max Mentor \(fit \d+\)/);
      expect(opened.text).toMatch(/shares 1 of 2 topics: hiring \(\+20\)/);
      expect(review()?.buttons).toEqual(['Pair with Max Mentor', 'Approve', 'Back', 'Reject']);
      await chat.click(cora, 'Pair with Max Mentor', { in: 'curators' });
      expect(review()?.text).toMatch(/@?Cora Curator chose Max Mentor instead on/);
      expect(await pairs()).toEqual([{ mentor: 'Max Mentor', mentee: 'Mia Mentee' }]);
      expect(await auditActions(chat, 'match.')).toEqual(['match.posted', 'match.changed']);
    },
  );

  scenario('reject pairs nobody, and posting again proposes afresh', async () => {
    const { chat, cora, program, review, pairs } = await proposals();
    await chat.click(cora, 'Reject', { in: 'curators' });
    expect(review()?.text).toMatch(/Rejected by @?Cora Curator on/);
    expect(await pairs()).toEqual([]);
    const again = await postMatchReview(
      { store: chat.app.store, clock: chat.clock, curators: chat.app.mentoring.curators },
      program,
    );
    expect(again.reviews.map((r) => r.proposals)).toEqual([1]);
  });

  scenario('only curators decide: anyone else is refused and nothing changes', async () => {
    const { chat, eve, mia, review, pairs } = await proposals();
    for (const label of ['Approve', 'Choose another', 'Reject']) {
      const refused = await chat.click(eve, label, { in: 'curators' });
      expect(refused.text, label).toMatch(/Only curators can do that/);
    }
    expect(review()?.buttons).toEqual(['Approve', 'Choose another', 'Reject']);
    expect(await pairs()).toEqual([]);
    expect(
      (await chat.app.store.matching.proposals((await participantOf(chat, mia)).programId))[0]?.status,
    ).toBe('open');
  });
});

describe.each(CHAT_DRIVERS)("the pair's voice ($name)", (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  async function people() {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      programs: [{ name: 'pilot', timezone: 'Europe/Berlin', engagement: { charterDueDays: 1 } }],
      people: [
        { name: 'Mo Mentor', role: 'mentor' },
        { name: 'Max Mentor', role: 'mentor' },
        { name: 'Mia Mentee', role: 'mentee' },
        { name: 'Eve Member' },
      ],
    });
    const [mo, max, mia, eve] = ['Mo Mentor', 'Max Mentor', 'Mia Mentee', 'Eve Member'].map((name) =>
      chat.person(name),
    ) as [ChatPerson, ChatPerson, ChatPerson, ChatPerson];
    await enroll(chat, mo, max, mia, eve);
    return { chat, mo, max, mia, eve };
  }

  scenario('a private "not with" list: added, listed, honoured by the matcher, and removed', async () => {
    const { chat, mo, max, mia } = await people();
    await roster(
      chat,
      [mo, max, mia],
      [
        'email,role,topics',
        `${mo.email},mentor,delegation`,
        `${max.email},mentor,budget`,
        `${mia.email},mentee,delegation`,
      ],
    );
    const added = await chat.command(mia, ['notwith', mo]);
    expect(added.text).toMatch(/Noted, privately: I won't propose Mo Mentor as your match/);
    expect((await chat.command(mia, 'notwith')).text).toMatch(/only you see it\): Mo Mentor\./);
    expect((await chat.command(mia, ['notwith', mia])).text).toMatch(/That is you/);
    // Mo is never told.
    expect(chat.view(mo).messages.some((m) => /not with/i.test(m.text))).toBe(false);
    const program = (await chat.app.store.programs.getByName('pilot'))!;
    const { matchInputFromStore, planMatches } = await import('../../src/app/matching.js');
    const plan = planMatches(
      await matchInputFromStore(chat.app.store, program, chat.clock.now()),
      program.settings,
    );
    const maxId = (await participantOf(chat, max)).id;
    expect(plan.result.proposals.map((p) => p.mentorId)).toEqual([maxId]);

    expect((await chat.command(mia, ['notwith remove', mo])).text).toMatch(
      /Taken off your "not with" list: Mo Mentor/,
    );
    expect((await chat.command(mia, 'notwith')).text).toMatch(/list is empty/);
    // By email in the 1:1 chat (where Teams cannot mention anyone).
    expect((await chat.command(mia, `notwith ${max.email}`)).text).toMatch(/I won't propose Max Mentor/);
    expect((await chat.command(mia, 'notwith nobody@example.com')).text).toMatch(/nobody in the program/);
    await chat.command(mia, `notwith remove ${max.email}`);
    const again = planMatches(
      await matchInputFromStore(chat.app.store, program, chat.clock.now()),
      program.settings,
    );
    expect(again.result.proposals.map((p) => p.mentorId)).toEqual([(await participantOf(chat, mo)).id]);
  });

  scenario(
    "each member of a pair sees the pair's score and its reasons; anyone else sees no pair",
    async () => {
      const { chat, mo, mia, eve } = await people();
      await pairUp(chat, mo, mia);
      await chat.runUntil('2026-03-04T10:00:00Z');
      for (const [person, other] of [
        [mia, 'Mo Mentor \\(your mentor\\)'],
        [mo, 'Mia Mentee \\(your mentee\\)'],
      ] as const) {
        const status = await chat.command(person, 'pair status');
        expect(status.text).toMatch(new RegExp(`Your pair with ${other}: 70/100`));
        expect(status.text).toMatch(/charter not finished 2 days after pairing \(−30\)/);
      }
      expect((await chat.command(eve, 'pair status')).text).toMatch(/not in an active mentoring pair/);
    },
  );
});

describe.each(CHAT_DRIVERS)('re-match suggestions on a curator alert ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  scenario(
    'the re-match form offers the top suggestions with their reasons beside the free picker',
    async () => {
      const chat = await startChat({
        start: '2026-03-02T08:00:00Z',
        programs: [
          {
            name: 'pilot',
            timezone: 'Europe/Berlin',
            engagement: { threshold: 80, charterDueDays: 1, graceDays: 1 },
          },
        ],
        people: [
          { name: 'Mo Mentor', role: 'mentor' },
          { name: 'Max Mentor', role: 'mentor' },
          { name: 'Mia Mentee', role: 'mentee' },
          { name: 'Cora Curator', role: 'curator' },
        ],
      });
      const [mo, max, mia, cora] = ['Mo Mentor', 'Max Mentor', 'Mia Mentee', 'Cora Curator'].map((name) =>
        chat.person(name),
      ) as [ChatPerson, ChatPerson, ChatPerson, ChatPerson];
      await enroll(chat, mo, max, mia);
      await roster(
        chat,
        [mo, max, mia],
        [
          'email,role,topics',
          `${mo.email},mentor,delegation`,
          `${max.email},mentor,delegation; hiring`,
          `${mia.email},mentee,delegation; hiring`,
        ],
      );
      await pairUp(chat, mo, mia);
      await chat.runUntil('2026-03-06T12:00:00Z');
      const form = await chat.click(cora, 'Re-match', { in: 'curators' });
      expect(form.form?.text).toMatch(/Suggested by the matcher/);
      expect(form.form?.text).toMatch(/Max Mentor \(fit \d+\)/);
      expect(form.form?.text).toMatch(/shares 2 of 2 topics: delegation, hiring \(\+40\)/);
      // The current mentor is not suggested again; the free picker stays.
      expect(form.form?.text).not.toMatch(/Mo Mentor \(fit/);
      expect(form.form?.fields.map((f) => f.id)).toEqual(['mentor', 'reason']);
    },
  );
});

describe.each(CHAT_DRIVERS)('a quiet pair answers the friendly nudge ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  async function nudged() {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      programs: [
        {
          name: 'pilot',
          timezone: 'Europe/Berlin',
          engagement: { threshold: 80, charterDueDays: 1, graceDays: 3 },
        },
      ],
      people: [
        { name: 'Mo Mentor', role: 'mentor' },
        { name: 'Mia Mentee', role: 'mentee' },
        { name: 'Cora Curator', role: 'curator' },
        { name: 'Eve Member' },
      ],
    });
    const [mo, mia, cora, eve] = ['Mo Mentor', 'Mia Mentee', 'Cora Curator', 'Eve Member'].map((name) =>
      chat.person(name),
    ) as [ChatPerson, ChatPerson, ChatPerson, ChatPerson];
    await enroll(chat, mo, mia, eve);
    const pair = await pairUp(chat, mo, mia);
    await chat.runUntil('2026-03-04T12:00:00Z');
    const nudge = (who: ChatPerson) =>
      chat.view(who).messages.find((m) => /A friendly check-in/.test(m.text));
    if (!nudge(mia) || !nudge(mo)) throw new Error('the pair was not nudged');
    return { chat, mo, mia, cora, eve, pair, nudge };
  }

  scenario('the nudge offers "we\'re fine" and "a new match"', async () => {
    const { mo, mia, nudge } = await nudged();
    for (const who of [mo, mia])
      expect(nudge(who)?.buttons).toEqual(["We're fine — we meet offline", "I'd like a new match"]);
  });

  scenario(
    'a new match request reaches the curators at once, privately; the other person is not told',
    async () => {
      const { chat, mo, mia, pair } = await nudged();
      const moSaw = chat.view(mo).messages.length;
      const asked = await chat.click(mia, "I'd like a new match");
      expect(asked.text).toMatch(/Sent privately to the program's curators: you'd like a new match/);
      const alert = chat
        .curatorChannel()
        .find((m) => /A new match is asked for in the pair Mia Mentee/.test(m.text));
      expect(alert?.text).toMatch(/the mentee Mia Mentee asked for a new match \(no fault\)/);
      expect(alert?.buttons).toContain('Re-match');
      expect(chat.view(mo).messages).toHaveLength(moSaw);
      expect(await chat.app.store.mentoring.openAlertFor(pair.id)).toMatchObject({ status: 'open' });
      // Asking again sends nothing more.
      const again = await chat.click(mia, "I'd like a new match");
      expect(again.text).toMatch(/already with the curators/);
      expect(chat.curatorChannel().filter((m) => /A new match is asked for/.test(m.text))).toHaveLength(1);
      expect(await auditActions(chat, 'pair.')).toEqual(['pair.created', 'pair.new_match_requested']);
    },
  );

  scenario(
    "we're fine: a note for the program team, recorded; only the pair's members can answer",
    async () => {
      const { chat, mo, eve, pair, nudge } = await nudged();
      const refused = await chat.click(eve, "We're fine — we meet offline", { message: nudge(mo) });
      expect(refused.text).toMatch(/isn't yours/);
      const form = await chat.click(mo, "We're fine — we meet offline");
      expect(form.form?.fields.map((f) => f.id)).toEqual(['note']);
      const done = await chat.submitForm(mo, { note: 'We meet every other Friday over coffee' });
      expect(done.form).toBeNull();
      expect(done.text).toMatch(/noted that you two meet offline/);
      expect(await chat.app.store.matching.voices(pair.id)).toMatchObject([
        { kind: 'fine', note: 'We meet every other Friday over coffee' },
      ]);
    },
  );
});
