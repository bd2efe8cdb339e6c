import { DateTime } from 'luxon';
import { describe, expect } from 'vitest';
import type { ChatPerson, ChatSession } from '../support/drivers/chat-driver.js';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import {
  chatSessions,
  enroll,
  expectFieldErrors,
  experimentOf,
  participantOf,
  startExperiment,
  storedState,
} from './flows.js';
import { scenarioFor } from './known-gaps.js';

const ZONE = 'Europe/Berlin';
/** A first checkpoint on day 3 keeps the clock short. */
const PROGRAM = { name: 'pilot', timezone: ZONE, checkpointDays: [3, 30, 60] };

/** When each nudge went out, in the person's time. */
async function nudgesSent(chat: ChatSession, person: ChatPerson): Promise<string[]> {
  const me = await participantOf(chat, person);
  return (await chat.app.store.outbox.list({ participantId: me.id, status: 'sent' }))
    .filter((r) => r.kind === 'nudge')
    .map((r) => DateTime.fromMillis(r.sentAt!, { zone: person.timezone }).toFormat('ccc dd HH:mm'));
}

describe.each(CHAT_DRIVERS)('nudges, checkpoints, snooze and pause ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  async function running(timezone = ZONE) {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      programs: [PROGRAM],
      people: [{ name: 'Ana Leader', timezone }],
    });
    const ana = chat.person('Ana Leader');
    await enroll(chat, ana);
    await startExperiment(chat, ana);
    return { chat, ana };
  }

  const nudges = (chat: ChatSession, ana: ChatPerson) =>
    chat.view(ana).messages.filter((m) => m.buttons.includes('Did it'));

  scenario('nudges come at 09:30 in the person’s own time with three answers', async () => {
    // The program runs on Berlin time; Ana's client says New York.
    const { chat, ana } = await running('America/New_York');
    await chat.runUntil('2026-03-03T18:00:00Z', 15);
    expect(await nudgesSent(chat, ana)).toEqual(['Tue 03 09:30']);
    const [nudge] = nudges(chat, ana);
    expect(nudge?.buttons).toEqual(['Did it', 'Not this week', 'Snooze a week']);
  });

  scenario(
    'answering a nudge records it once; a second click on the answered nudge changes nothing',
    async () => {
      const { chat, ana } = await running();
      await chat.runUntil('2026-03-03T12:00:00Z');
      const nudge = nudges(chat, ana).at(-1)!;
      const did = await chat.click(ana, 'Did it');
      expect(did.text).toMatch(/logged as done/);
      const answered = chat.view(ana).messages.find((m) => m.id === nudge.id)!;
      expect(answered.buttons).toEqual([]);
      const before = await storedState(chat, [ana]);
      const again = await chat.click(ana, 'Not this week', { message: nudge });
      expect(again.text).not.toMatch(/Noted: not this week/);
      expect(await storedState(chat, [ana])).toBe(before);
      expect(chat.view(ana).messages.find((m) => m.id === nudge.id)?.text).toMatch(/logged as done/);
    },
  );

  scenario('“not this week” and “snooze a week” on a nudge', async () => {
    const { chat, ana } = await running();
    await chat.runUntil('2026-03-03T12:00:00Z');
    expect((await chat.click(ana, 'Not this week')).text).toMatch(/not this week\. No judgement/);
    await chat.runUntil('2026-03-05T12:00:00Z');
    const snoozed = await chat.click(ana, 'Snooze a week');
    expect(snoozed.text).toMatch(/Snoozed until Thu 12 Mar/);
    expect((await participantOf(chat, ana)).pausedUntil).toBe(chat.clock.now() + 7 * 86_400_000);
  });

  scenario(
    'the checkpoint survey: practice by button, then the details form with inline errors',
    async () => {
      const { chat, ana } = await running();
      await chat.runUntil('2026-03-05T12:00:00Z');
      const survey = chat.view(ana).messages.find((m) => /Day 3 checkpoint/.test(m.text))!;
      expect(survey.buttons).toEqual([
        '1 · Not yet',
        '2 · Once',
        '3 · A few times',
        '4 · Most days',
        '5 · Daily',
      ]);
      const practice = await chat.click(ana, '4 · Most days');
      expect(practice.text).toMatch(/practice 4\/5 saved/);
      expect(practice.form?.fields.map((f) => f.id)).toEqual(['kpiValue', 'confidence', 'note']);
      const experiment = await experimentOf(chat, ana);
      const stored = async () => (await chat.app.store.surveys.forExperiment(experiment.id))[0];
      expect(await stored()).toMatchObject({ checkpointDay: 3, practice: 4, kpiValue: null });

      const invalid = await chat.submitForm(ana, { kpiValue: 'lots', confidence: '4' });
      expectFieldErrors(invalid.form, { kpiValue: /number/i });
      expect(await stored()).toMatchObject({ practice: 4, kpiValue: null, confidence: null });

      const done = await chat.submitForm(ana, { kpiValue: '5', confidence: '4', note: 'Asked first twice' });
      expect(done.form).toBeNull();
      expect(done.text).toMatch(
        /Day 3 checkpoint saved: practice 4\/5, Ideas raised per week 5 ideas \(\+2 vs baseline\), confidence 4\/5/,
      );
      // Answered: the practice buttons are gone; changing the answer is an explicit step.
      expect(chat.view(ana).messages.find((m) => m.id === survey.id)?.buttons).toEqual(['Change my answer']);
      expect(await stored()).toMatchObject({
        status: 'answered',
        practice: 4,
        kpiValue: 5,
        confidence: 4,
        note: 'Asked first twice',
      });
    },
  );

  scenario('changing a checkpoint answer goes through “Change my answer”', async () => {
    const { chat, ana } = await running();
    await chat.runUntil('2026-03-05T12:00:00Z');
    await chat.click(ana, '4 · Most days');
    await chat.submitForm(ana, { kpiValue: '5', confidence: '4' });
    const reopened = await chat.click(ana, 'Change my answer');
    const value = (id: string) => reopened.form?.fields.find((f) => f.id === id)?.value;
    expect([value('practice'), value('kpiValue'), value('confidence')]).toEqual(['4', '5', '4']);
    const changed = await chat.submitForm(ana, { practice: '2' });
    expect(changed.form).toBeNull();
    const experiment = await experimentOf(chat, ana);
    expect((await chat.app.store.surveys.forExperiment(experiment.id))[0]).toMatchObject({
      status: 'answered',
      practice: 2,
      kpiValue: 5,
      confidence: 4,
    });
  });

  scenario('checkin with a checkpoint open answers it in one form', async () => {
    const { chat, ana } = await running();
    await chat.runUntil('2026-03-05T12:00:00Z');
    const opened = await chat.command(ana, 'checkin');
    expect(opened.form?.text).toMatch(/Day 3 checkpoint for Ask before I tell in 1:1s/);
    expect(opened.form?.fields.map((f) => f.id)).toEqual(['practice', 'kpiValue', 'confidence', 'note']);
    const missing = await chat.submitForm(ana, { kpiValue: '6', confidence: '5' });
    expectFieldErrors(missing.form, { practice: /fill this in/i });
    const experiment = await experimentOf(chat, ana);
    expect((await chat.app.store.surveys.forExperiment(experiment.id))[0]).toMatchObject({
      practice: null,
      kpiValue: null,
    });
    const saved = await chat.submitForm(ana, { practice: '3', kpiValue: '6', confidence: '5' });
    expect(saved.form).toBeNull();
    expect(saved.text).toMatch(/Day 3 checkpoint saved: practice 3\/5/);
    expect((await chat.app.store.surveys.forExperiment(experiment.id))[0]).toMatchObject({
      status: 'answered',
      practice: 3,
      kpiValue: 6,
      confidence: 5,
    });
    expect((await chat.command(ana, 'status')).text).toMatch(/KPI trend: 3 → 6 \(d3\) · target 8/);
  });

  scenario('snooze: nothing comes for the days asked, then nudges resume by themselves', async () => {
    const { chat, ana } = await running();
    await chat.command(ana, 'snooze 3');
    await chat.runUntil('2026-03-05T07:00:00Z');
    expect(await nudgesSent(chat, ana)).toEqual([]);
    await chat.runUntil('2026-03-10T12:00:00Z', 30);
    expect(await nudgesSent(chat, ana)).toEqual(['Thu 05 09:30', 'Tue 10 09:30']);
  });

  scenario('pause and resume: no nudges while paused, the next one planned after', async () => {
    const { chat, ana } = await running();
    await chat.command(ana, 'pause');
    await chat.runUntil('2026-03-09T12:00:00Z', 120);
    expect(await nudgesSent(chat, ana)).toEqual([]);
    expect((await chat.command(ana, 'status')).text).toMatch(/\(paused\)/);
    await chat.command(ana, 'resume');
    // The day-3 checkpoint that fell in the pause comes first, right away.
    expect((await chat.command(ana, 'status')).text).toMatch(/Next message: checkpoint survey on Mon 9 Mar/);
    await chat.runUntil('2026-03-10T12:00:00Z', 30);
    expect(await nudgesSent(chat, ana)).toEqual(['Tue 10 09:30']);
  });
});
