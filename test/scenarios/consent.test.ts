import { describe, expect } from 'vitest';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import { auditActions, chatSessions, consentLedger, participantOf } from './flows.js';
import { scenarioFor } from './known-gaps.js';

describe.each(CHAT_DRIVERS)('consent ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);
  const setup = {
    start: '2026-03-02T08:00:00Z',
    people: [{ name: 'Ana Leader', timezone: 'America/Los_Angeles' }, { name: 'Eve Stranger' }],
  };

  scenario('the first contact asks for consent and stores nothing but identity', async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    const opened = await chat.open(ana);
    expect(opened.text).toMatch(/Before anything starts/);
    const consent = chat.view(ana).messages.find((m) => m.buttons.includes('Accept'))!;
    expect(consent.buttons).toEqual(['Accept', 'Decline']);
    expect(consent.text).toMatch(/Who sees it/);
    expect(consent.text).toMatch(/deleted after 90 days/);
    expect(await participantOf(chat, ana)).toMatchObject({
      consent: 'pending',
      email: null,
      timezone: null,
      displayName: null,
    });
    expect(await consentLedger(chat, ana)).toEqual(['requested']);
  });

  scenario('accepting consent stores the time zone, name and email and offers the experiment', async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    await chat.open(ana);
    const accepted = await chat.click(ana, 'Accept');
    expect(accepted.text).toMatch(/you are in/);
    const consent = chat.view(ana).messages.find((m) => /you are in/.test(m.text))!;
    expect(consent.buttons).toEqual(['Start my experiment']);
    expect(await participantOf(chat, ana)).toMatchObject({
      consent: 'accepted',
      timezone: 'America/Los_Angeles',
      email: 'ana@example.com',
      displayName: 'Ana Leader',
    });
    expect(await consentLedger(chat, ana)).toEqual(['requested', 'accepted']);
    expect(await auditActions(chat, 'consent.')).toEqual(['consent.accepted']);
  });

  scenario('declining consent keeps nothing but the decision and sends nothing more', async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    await chat.open(ana);
    const declined = await chat.click(ana, 'Decline');
    expect(declined.text).toMatch(/will not message you about coaching/);
    expect(chat.view(ana).messages.at(-1)?.buttons).toEqual([]);
    expect(await participantOf(chat, ana)).toMatchObject({
      consent: 'declined',
      email: null,
      timezone: null,
      displayName: null,
    });
    const seen = chat.view(ana).messages.length;
    await chat.runUntil('2026-03-09T08:00:00Z', 180);
    expect(chat.view(ana).messages).toHaveLength(seen);
    expect(await consentLedger(chat, ana)).toEqual(['requested', 'declined']);
  });

  scenario('accepting consent twice records it once', async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    await chat.open(ana);
    const request = chat.view(ana).messages.find((m) => m.buttons.includes('Accept'))!;
    await chat.click(ana, 'Accept');
    const again = await chat.click(ana, 'Accept', { message: request });
    expect(again.text).not.toMatch(/went wrong/);
    expect(await consentLedger(chat, ana)).toEqual(['requested', 'accepted']);
    expect(await auditActions(chat, 'consent.')).toEqual(['consent.accepted']);
  });

  scenario("a stranger clicking someone else's consent is refused and nothing changes", async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    const eve = chat.person('Eve Stranger');
    await chat.open(ana);
    await chat.open(eve);
    const anas = chat.view(ana).messages.find((m) => m.buttons.includes('Accept'))!;
    const forged = await chat.click(eve, 'Accept', { message: anas });
    expect(forged.text).toMatch(/isn't yours/);
    expect((await participantOf(chat, ana)).consent).toBe('pending');
    expect((await participantOf(chat, eve)).consent).toBe('pending');
    expect(await auditActions(chat, 'consent.')).toEqual([]);
  });
});
