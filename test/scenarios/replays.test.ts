import { describe, expect } from 'vitest';
import type { ChatPerson, ChatSession } from '../support/drivers/chat-driver.js';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import {
  auditActions,
  chatSessions,
  consentLedger,
  enroll,
  experimentOf,
  startExperiment,
  storedState,
} from './flows.js';
import { scenarioFor } from './known-gaps.js';

/** Concurrent clicks in a storm: enough to show a per-click cost, few enough to stay fast. */
const STORM = 50;

describe.each(CHAT_DRIVERS)('stale buttons, replays and click storms ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  async function running() {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      programs: [{ name: 'pilot', timezone: 'Europe/Berlin', checkpointDays: [3, 30, 60] }],
      people: [{ name: 'Ana Leader' }, { name: 'Eve Stranger' }],
    });
    const ana = chat.person('Ana Leader');
    const eve = chat.person('Eve Stranger');
    await enroll(chat, ana, eve);
    await startExperiment(chat, ana);
    return { chat, ana, eve };
  }

  /** Ana answers Tuesday's nudge; returns the nudge as it was before. */
  async function answeredNudge(chat: ChatSession, ana: ChatPerson) {
    await chat.runUntil('2026-03-03T12:00:00Z');
    const nudge = chat.view(ana).messages.find((m) => m.buttons.includes('Did it'))!;
    await chat.click(ana, 'Did it');
    return nudge;
  }

  /** Ana answers the day-3 checkpoint in full; returns the survey message as it was before. */
  async function answeredSurvey(chat: ChatSession, ana: ChatPerson) {
    await chat.runUntil('2026-03-05T12:00:00Z');
    const survey = chat.view(ana).messages.find((m) => /Day 3 checkpoint/.test(m.text))!;
    await chat.click(ana, '4 · Most days');
    await chat.submitForm(ana, { kpiValue: '5', confidence: '4' });
    const [stored] = await chat.app.store.surveys.forExperiment((await experimentOf(chat, ana)).id);
    expect(stored).toMatchObject({ status: 'answered', practice: 4, kpiValue: 5 });
    return survey;
  }

  scenario("a stranger clicking someone else's nudge is refused and nothing changes", async () => {
    const { chat, ana, eve } = await running();
    await chat.runUntil('2026-03-03T12:00:00Z');
    const nudge = chat.view(ana).messages.find((m) => m.buttons.includes('Did it'))!;
    const before = await storedState(chat, [ana, eve]);
    const forged = await chat.click(eve, 'Did it', { message: nudge });
    expect(forged.text).toMatch(/isn't yours/);
    // Said to Eve alone.
    expect(chat.view(eve).notices.at(-1)).toMatch(/isn't yours/);
    expect(chat.view(ana).notices.join('\n')).not.toMatch(/isn't yours/);
    expect(await storedState(chat, [ana, eve])).toBe(before);
    expect(chat.view(ana).messages.find((m) => m.id === nudge.id)?.buttons).toContain('Did it');
  });

  scenario('a stale practice button on an answered survey changes nothing', async () => {
    const { chat, ana } = await running();
    const survey = await answeredSurvey(chat, ana);
    const before = await storedState(chat, [ana]);
    await chat.click(ana, '2 · Once', { message: survey });
    expect(await storedState(chat, [ana])).toBe(before);
  });

  scenario('the same nudge click delivered twice records one answer', async () => {
    const { chat, ana } = await running();
    await chat.runUntil('2026-03-03T12:00:00Z');
    const twice = await chat.replay(ana, 'Did it');
    expect(twice.text).toMatch(/logged as done/);
    expect(twice.text).not.toMatch(/went wrong/);
    const pilot = (await chat.app.store.programs.list())[0]!;
    const nudges = (await chat.app.store.reports.dataset(pilot.id)).nudges;
    expect(nudges.map((n) => [n.sent, n.answered, n.did])).toEqual([[1, 1, 1]]);
  });

  scenario('the same Accept click delivered twice records consent once', async () => {
    const chat = await startChat({ start: '2026-03-02T08:00:00Z', people: [{ name: 'Ana Leader' }] });
    const ana = chat.person('Ana Leader');
    await chat.open(ana);
    const twice = await chat.replay(ana, 'Accept');
    expect(twice.text).toMatch(/you are in/);
    expect(await consentLedger(chat, ana)).toEqual(['requested', 'accepted']);
    expect(await auditActions(chat, 'consent.')).toEqual(['consent.accepted']);
  });

  scenario(
    'a storm of clicks on an answered nudge changes nothing and costs at most one platform call',
    async () => {
      const { chat, ana } = await running();
      const nudge = await answeredNudge(chat, ana);
      const before = await storedState(chat, [ana]);
      const calls = chat.platformCalls();
      await chat.clickStorm(ana, 'Did it', STORM, { message: nudge });
      expect(chat.platformCalls() - calls).toBeLessThanOrEqual(1);
      expect(await storedState(chat, [ana])).toBe(before);
    },
  );

  scenario(
    'a storm of clicks on an answered survey changes nothing and costs at most one platform call',
    async () => {
      const { chat, ana } = await running();
      const survey = await answeredSurvey(chat, ana);
      const before = await storedState(chat, [ana]);
      const calls = chat.platformCalls();
      await chat.clickStorm(ana, '4 · Most days', STORM, { message: survey });
      expect(chat.platformCalls() - calls).toBeLessThanOrEqual(1);
      expect(await storedState(chat, [ana])).toBe(before);
    },
  );

  scenario('every button works in this client as the bot sent it', async () => {
    const { chat, ana } = await running();
    await answeredNudge(chat, ana);
    await answeredSurvey(chat, ana);
    expect(chat.clientGaps()).toEqual([]);
  });
});
