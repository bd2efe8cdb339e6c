import { describe, expect } from 'vitest';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import {
  CHARTER_PAGES,
  chatSessions,
  draftCharter,
  enroll,
  expectFieldErrors,
  pairUp,
  storedState,
} from './flows.js';
import { scenarioFor } from './known-gaps.js';

const [PAGE1, PAGE2, PAGE3] = CHARTER_PAGES;

describe.each(CHAT_DRIVERS)('the mentoring charter and milestones ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  async function paired() {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      people: [
        { name: 'Mo Mentor', role: 'mentor' },
        { name: 'Mia Mentee', role: 'mentee' },
      ],
    });
    const mo = chat.person('Mo Mentor');
    const mia = chat.person('Mia Mentee');
    await enroll(chat, mo, mia);
    const pair = await pairUp(chat, mo, mia);
    const draft = async () => (await chat.app.store.mentoring.getDraft(pair.id))?.data ?? {};
    return { chat, mo, mia, pair, draft };
  }

  scenario('both are introduced once paired', async () => {
    const { chat, mo, mia } = await paired();
    const intro = chat.view(mia).messages.at(-1)!;
    expect(intro.text).toMatch(/You're paired with Mo Mentor as your mentor/);
    expect(intro.buttons).toEqual(['Fill it in a form', 'Answer step by step in chat']);
    expect(chat.view(mo).messages.at(-1)?.text).toMatch(/You're now mentoring Mia Mentee/);
  });

  scenario(
    'the charter in form pages: inline errors, abandoned halfway, resumed where it stopped',
    async () => {
      const { chat, mo, mia, pair, draft } = await paired();
      const intro = chat.view(mia).messages.at(-1)!;
      const first = await chat.click(mia, 'Fill it in a form');
      expect(first.form?.title).toMatch(/Charter 1\/3/);
      expect(first.form?.fields.map((f) => f.id)).toEqual(Object.keys(PAGE1));

      const bad = await chat.submitForm(mia, { ...PAGE1, goals: 'short', kpi1Baseline: 'lots' });
      expectFieldErrors(bad.form, { goals: /a few words/i, kpi1Baseline: /number/i });
      expect((await draft()).goals).toBeUndefined();

      const second = await chat.submitForm(mia, { ...PAGE1 });
      expect(second.form?.title).toMatch(/Charter 2\/3/);
      // Milestones default to 90 and 180 days after pairing.
      expect(second.form?.fields.find((f) => f.id === 'milestone1Due')?.value).toBe('2026-05-31');
      expect((await draft()).goals).toBe(PAGE1.goals);

      // Mia leaves the form here; later she opens it again from the introduction.
      const resumed = await chat.click(mia, 'Fill it in a form', { message: intro });
      expect(resumed.form?.title).toMatch(/Charter 2\/3/);
      const third = await chat.submitForm(mia, { ...PAGE2 });
      expect(third.form?.title).toMatch(/Charter 3\/3/);
      const noConsent = await chat.submitForm(mia, {
        mentorWill: PAGE3.mentorWill,
        mentorWillNot: PAGE3.mentorWillNot,
      });
      expectFieldErrors(noConsent.form, { confidentiality: /fill this in/i });
      expect(await chat.app.store.mentoring.currentCharter(pair.id)).toBeNull();

      const sent = await chat.submitForm(mia, { ...PAGE3 });
      expect(sent.form).toBeNull();
      expect(sent.text).toMatch(/is with Mo Mentor to confirm/);
      expect((await chat.app.store.mentoring.currentCharter(pair.id))?.status).toBe('submitted');
      const review = chat.view(mo).messages.at(-1)!;
      expect(review.text).toMatch(/Mia Mentee sent your mentoring charter \(version 1\)/);
      expect(review.text).toMatch(/Stakeholder alignment score: 4 → 8/);
      expect(review.buttons).toEqual(['Confirm charter', 'Ask for changes']);
    },
  );

  scenario('the charter in chat: typed answers, an invalid answer, stop and resume', async () => {
    const { chat, mo, mia, pair, draft } = await paired();
    const started = await chat.click(mia, 'Answer step by step in chat');
    expect(started.text).toMatch(/What do you want from this mentorship\?/);
    expect((await chat.say(mia, PAGE1.goals)).text).toMatch(/Name the first KPI/);
    expect((await chat.say(mia, PAGE1.kpi1Name)).text).toMatch(/Where is KPI 1 today\?/);
    expect((await chat.say(mia, 'lots')).text).toMatch(/That doesn't fit: .*number/i);
    expect((await chat.say(mia, 'stop')).text).toMatch(/Paused\. Your answers are saved/);
    expect(await draft()).toMatchObject({ goals: PAGE1.goals, kpi1Name: PAGE1.kpi1Name });
    // Paused: typed words are commands again.
    expect((await chat.say(mia, 'status')).text).toMatch(/No experiment yet/);

    const resumed = await chat.click(mia, 'Answer step by step in chat');
    expect(resumed.text).toMatch(/Where is KPI 1 today\?/);
    for (const answer of [
      PAGE1.kpi1Baseline,
      PAGE1.kpi1Target,
      PAGE1.kpi2Name,
      PAGE1.kpi2Baseline,
      PAGE1.kpi2Target,
      PAGE2.milestone1,
      PAGE2.milestone2,
      'biweekly',
      'yes',
      PAGE3.mentorWill,
    ])
      await chat.say(mia, answer);
    const last = await chat.say(mia, PAGE3.mentorWillNot);
    expect(last.text).toMatch(/is with Mo Mentor to confirm/);
    expect((await chat.app.store.mentoring.currentCharter(pair.id))?.charter).toMatchObject({
      kpi2Name: PAGE1.kpi2Name,
      cadence: 'biweekly',
      confidentiality: 'agree',
    });
    expect(chat.view(mo).messages.at(-1)?.text).toMatch(/sent your mentoring charter \(version 1\)/);
  });

  scenario('the mentor asks for changes, then confirms the new version', async () => {
    const { chat, mo, mia, pair } = await paired();
    await draftCharter(chat, mia, pair.id);
    const askForm = await chat.click(mo, 'Ask for changes');
    expect(askForm.form?.fields.map((f) => f.id)).toEqual(['comment']);
    const tooShort = await chat.submitForm(mo, { comment: 'x' });
    expectFieldErrors(tooShort.form, { comment: /say what should change/i });
    const asked = await chat.submitForm(mo, { comment: 'Make the second KPI about delegation' });
    expect(asked.form).toBeNull();
    expect(asked.text).toMatch(/You asked for changes to version 1/);
    expect((await chat.app.store.mentoring.currentCharter(pair.id))?.status).toBe('changes_requested');
    const changes = chat.view(mia).messages.at(-1)!;
    expect(changes.text).toMatch(
      /Mo Mentor asked for changes to your charter: "Make the second KPI about delegation"/,
    );
    expect(changes.buttons).toEqual(['Edit in a form', 'Edit step by step in chat']);

    // Earlier answers are kept: the form opens on the first page, filled in.
    const edit = await chat.click(mia, 'Edit in a form');
    expect(edit.form?.fields.find((f) => f.id === 'goals')?.value).toBe(PAGE1.goals);
    await chat.submitForm(mia, { kpi2Name: 'Tasks delegated per week' });
    await chat.submitForm(mia, {});
    const resent = await chat.submitForm(mia, { confidentiality: 'agree' });
    expect(resent.text).toMatch(/Your charter \(version 2\) is with Mo Mentor/);

    const review = chat.view(mo).messages.at(-1)!;
    expect(review.text).toMatch(/version 2/);
    expect(review.text).toMatch(/Tasks delegated per week/);
    const confirmed = await chat.click(mo, 'Confirm charter');
    expect(confirmed.text).toMatch(/You confirmed the charter \(version 2\)\. It is active now/);
    expect((await chat.app.store.mentoring.currentCharter(pair.id))?.status).toBe('active');
    expect(
      (await chat.app.store.mentoring.charterVersions(pair.id)).map((v) => [v.version, v.status]),
    ).toEqual([
      [1, 'changes_requested'],
      [2, 'active'],
    ]);
    expect((await chat.app.store.mentoring.milestones(pair.id)).map((m) => [m.dueDate, m.status])).toEqual([
      ['2026-03-06', 'pending'],
      ['2026-03-13', 'pending'],
    ]);
    expect(chat.view(mia).messages.at(-1)?.text).toMatch(/Mo Mentor confirmed your charter/);

    // The confirm button again, from the same message: already done, nothing changes.
    const before = await storedState(chat, [mo, mia]);
    const twice = await chat.click(mo, 'Confirm charter', { message: review });
    expect(twice.text).toMatch(/already confirmed|You confirmed the charter \(version 2\)/);
    expect(await storedState(chat, [mo, mia])).toBe(before);
  });

  scenario("each charter button answers only its owner: the other one's clicks are refused", async () => {
    const { chat, mo, mia, pair } = await paired();
    const intro = chat.view(mia).messages.at(-1)!;
    await draftCharter(chat, mia, pair.id);
    const review = chat.view(mo).messages.at(-1)!;
    const before = await storedState(chat, [mo, mia]);
    for (const [who, label, message] of [
      [mo, 'Fill it in a form', intro],
      [mo, 'Answer step by step in chat', intro],
      [mia, 'Confirm charter', review],
      [mia, 'Ask for changes', review],
    ] as const) {
      const refused = await chat.click(who, label, { message });
      expect(refused.text, `${who.name}: ${label}`).toMatch(/isn't yours/);
      expect(refused.form, `${who.name}: ${label}`).toBeNull();
    }
    expect(await storedState(chat, [mo, mia])).toBe(before);

    await chat.click(mo, 'Confirm charter');
    await chat.runUntil('2026-03-03T12:00:00Z');
    const reminder = chat.view(mo).messages.at(-1)!;
    const settled = await storedState(chat, [mo, mia]);
    for (const label of ['Met', 'Partly', 'Not yet'])
      expect((await chat.click(mia, label, { message: reminder })).text, label).toMatch(/isn't yours/);
    expect(await storedState(chat, [mo, mia])).toBe(settled);
  });

  for (const [label, word, status] of [
    ['Met', 'met', 'met'],
    ['Partly', 'partly met', 'partly'],
    ['Not yet', 'not met yet', 'not_yet'],
  ] as const) {
    scenario(
      `the mentor confirms a milestone as ${word}, adds a note, and a second answer keeps the first`,
      async () => {
        const { chat, mo, mia, pair } = await paired();
        await draftCharter(chat, mia, pair.id);
        await chat.click(mo, 'Confirm charter');
        // Due 6 March: the mentor is asked three days before, at 10:00 his time.
        await chat.runUntil('2026-03-03T12:00:00Z');
        const reminder = chat.view(mo).messages.at(-1)!;
        expect(reminder.text).toMatch(
          /Milestone with Mia Mentee due 2026-03-06: "Kick-off held with all three teams"/,
        );
        expect(reminder.buttons).toEqual(['Met', 'Partly', 'Not yet']);

        const answered = await chat.click(mo, label);
        expect(answered.text).toMatch(new RegExp(`confirmed as ${word}`));
        const [milestone] = await chat.app.store.mentoring.milestones(pair.id);
        expect(milestone?.status).toBe(status);
        expect(chat.view(mia).messages.at(-1)?.text).toMatch(
          new RegExp(`Mo Mentor marked the milestone "Kick-off held with all three teams" as ${word}`),
        );

        const noteForm = await chat.click(mo, 'Add a note');
        expect(noteForm.form?.fields.map((f) => f.id)).toEqual(['note']);
        const noted = await chat.submitForm(mo, { note: 'Great facilitation' });
        expect(noted.form).toBeNull();
        expect((await chat.app.store.mentoring.milestones(pair.id))[0]).toMatchObject({
          status,
          note: 'Great facilitation',
        });
        expect(chat.view(mia).messages.at(-1)?.text).toMatch(
          /added a note to "Kick-off held with all three teams"/,
        );

        const other = label === 'Met' ? 'Not yet' : 'Met';
        await chat.click(mo, other, { message: reminder });
        expect((await chat.app.store.mentoring.milestones(pair.id))[0]?.status).toBe(status);
      },
    );
  }
});
