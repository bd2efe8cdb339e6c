import { describe, expect } from 'vitest';
import type { ChatPerson } from '../support/drivers/chat-driver.js';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import { auditActions, CHARTER_PAGES, chatSessions, enroll, pairUp, participantOf } from './flows.js';
import { scenarioFor } from './known-gaps.js';

const ASK = /Pair check-in: did you and/;

describe.each(CHAT_DRIVERS)("pair check-ins on the charter's cadence ($name)", (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  /** A pair whose biweekly charter the mentor confirmed on Monday 2 March (milestones months away). */
  async function chartered(engagement: Record<string, number> = {}) {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      programs: [{ name: 'pilot', timezone: 'Europe/Berlin', engagement }],
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
    const pages = [
      CHARTER_PAGES[0],
      { ...CHARTER_PAGES[1], milestone1Due: '2026-06-01', milestone2Due: '2026-07-01' },
      CHARTER_PAGES[2],
    ];
    for (const [page, values] of pages.entries()) {
      const step = await chat.app.mentoring.saveCharterPage(mia.identity, pair.id, page, { ...values });
      if (!step.ok) throw new Error(JSON.stringify(step.errors));
    }
    await chat.settle();
    await chat.click(mo, 'Confirm charter');
    const asked = (who: ChatPerson) => chat.view(who).messages.filter((m) => ASK.test(m.text));
    return { chat, mo, mia, cora, eve, pair, asked };
  }

  scenario(
    'both members are asked "did you meet?" on the cadence, in their own morning; each answers only their own',
    async () => {
      const { chat, mo, mia, eve, pair, asked } = await chartered();
      await chat.runUntil('2026-03-15T20:00:00Z', 180);
      expect(asked(mia)).toEqual([]);
      await chat.runUntil('2026-03-16T12:00:00Z', 180);
      for (const [who, other] of [
        [mia, 'Mo Mentor'],
        [mo, 'Mia Mentee'],
      ] as const) {
        expect(asked(who)).toHaveLength(1);
        expect(asked(who)[0]?.text).toMatch(new RegExp(`did you and ${other} meet since Mon 2 Mar\\?`));
        expect(asked(who)[0]?.buttons).toEqual(['Yes', 'Not yet', 'We skip this one']);
      }
      // Someone else's copy is refused; nothing is recorded for them.
      const refused = await chat.click(eve, 'Yes', { message: asked(mia)[0] });
      expect(refused.text).toMatch(/isn't yours/);

      const yes = await chat.click(mia, 'Yes');
      expect(yes.text).toMatch(/How useful was it/);
      expect(chat.view(mia).messages.at(-1)?.buttons).toEqual(['1', '2', '3', '4', '5', 'Add a note']);
      const rated = await chat.click(mia, '4');
      expect(rated.text).toMatch(/it was 4 of 5 useful/);
      const form = await chat.click(mia, 'Add a note');
      expect(form.form?.fields.map((f) => f.id)).toEqual(['note']);
      const empty = await chat.submitForm(mia, { note: '' });
      expect(empty.form?.errors.note).toMatch(/fill this in/);
      const noted = await chat.submitForm(mia, { note: 'Planned the kick-off together' });
      expect(noted.form).toBeNull();
      expect(noted.text).toMatch(/your note is saved/);

      const moAsked = asked(mo)[0];
      const notYet = await chat.click(mo, 'Not yet');
      expect(notYet.text).toMatch(/Noted: not yet/);
      // The first answer counts.
      const again = await chat.click(mo, 'Yes', { message: moAsked });
      expect(again.text).not.toMatch(/How useful/);

      const miaId = (await participantOf(chat, mia)).id;
      const moId = (await participantOf(chat, mo)).id;
      const rows = await chat.app.store.matching.pairCheckins(pair.id);
      expect(
        rows.map((r) => [
          r.round,
          r.participantId === miaId ? 'mia' : r.participantId === moId ? 'mo' : '?',
          r.answer,
          r.usefulness,
          r.note,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['v1-1', 'mia', 'met', 4, 'Planned the kick-off together'],
          ['v1-1', 'mo', 'not_yet', null, null],
        ]),
      );
      expect(rows).toHaveLength(2);
      expect(await auditActions(chat, 'pair.checkin')).toEqual([
        'pair.checkin_answered',
        'pair.checkin_answered',
      ]);
      // The report reads the answers with the charter's cadence, never the note.
      const dataset = await chat.app.store.reports.dataset(pair.programId);
      expect(dataset.checkins?.map((c) => [c.round, c.answer, c.cadence]).sort()).toEqual([
        ['v1-1', 'met', 'biweekly'],
        ['v1-1', 'not_yet', 'biweekly'],
      ]);
      expect(JSON.stringify(dataset)).not.toMatch(/kick-off together/);
      // One of the two said yes: the round counts as a meeting.
      expect((await chat.command(mia, 'pair status')).text).not.toMatch(/expected time/);
      // Erasure clears the note with the person; the answer itself stays, as the report's pseudonymous count.
      expect((await chat.command(mia, 'forget-me')).text).toMatch(/erased your personal data/);
      expect(
        (await chat.app.store.matching.pairCheckins(pair.id)).map((r) => [r.answer, r.note]).sort(),
      ).toEqual([
        ['met', null],
        ['not_yet', null],
      ]);
    },
  );

  scenario(
    'meetings that did not happen lower the score and reach the curators among the alert reasons',
    async () => {
      const { chat, mia, asked } = await chartered({ threshold: 95, graceDays: 1, quietDays: 90 });
      await chat.runUntil('2026-04-02T12:00:00Z', 180);
      // Two rounds were asked: 16 and 30 March; the first went unanswered past its window, so the pair got the
      // friendly nudge, and after the grace day the curators an alert.
      expect(asked(mia)).toHaveLength(2);
      expect((await chat.command(mia, 'pair status')).text).toMatch(/met 0 of 1 expected time \(−10\)/);
      const alert = chat.curatorChannel().find((m) => /Low engagement|engagement/i.test(m.text));
      expect(alert?.text).toMatch(/met 0 of 1 expected time/);
      // A yes to the latest round counts it as a meeting.
      await chat.click(mia, 'Yes');
      expect((await chat.command(mia, 'pair status')).text).toMatch(/met 1 of 2 expected times \(−10\)/);
    },
  );
});
