import { describe, expect } from 'vitest';
import type { ChatPerson, ChatSession } from '../support/drivers/chat-driver.js';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import { rawRows } from '../support/test-store.js';
import {
  chatSessions,
  consentLedger,
  EXPERIMENT,
  enroll,
  experimentOf,
  participantOf,
  startExperiment,
} from './flows.js';
import { scenarioFor } from './known-gaps.js';

/** What the channel keeps about a person (addresses, rosters), found by owner or by their platform id. */
function channelStateAbout(chat: ChatSession, person: ChatPerson): Promise<unknown[]> {
  const id = person.identity.userId;
  return rawRows(
    chat.app.store,
    `SELECT platform, key FROM channel_state
      WHERE owner_user_id = ? OR key LIKE '%' || ? || '%' OR value LIKE '%' || ? || '%'`,
    id,
    id,
    id,
  );
}

describe.each(CHAT_DRIVERS)('opting out and forgetting ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);
  const setup = { start: '2026-03-02T08:00:00Z', people: [{ name: 'Ana Leader' }] };

  scenario('opting out stops every message; talking again offers consent anew', async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    await enroll(chat, ana);
    await startExperiment(chat, ana);
    const me = await participantOf(chat, ana);
    expect((await chat.command(ana, 'optout')).text).toMatch(/no more coaching messages/);
    expect(await chat.app.store.jobs.scheduled(me.id)).toHaveLength(0);
    const seen = chat.view(ana).messages.length;
    await chat.runUntil('2026-03-09T12:00:00Z', 180);
    expect(chat.view(ana).messages).toHaveLength(seen);

    const again = await chat.command(ana, 'status');
    expect(again.text).toMatch(/consent message again/);
    const offer = chat.view(ana).messages.at(-1)!;
    expect(offer.text).toMatch(/Before anything starts/);
    expect(offer.buttons).toEqual(['Accept', 'Decline']);
    await chat.click(ana, 'Accept');
    expect((await participantOf(chat, ana)).consent).toBe('accepted');
    expect(await consentLedger(chat, ana)).toEqual([
      'requested',
      'accepted',
      'opted_out',
      'requested',
      'accepted',
    ]);
  });

  scenario('forget-me erases the identity, the typed texts and what the channel kept', async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    await enroll(chat, ana);
    await startExperiment(chat, ana);
    const me = await participantOf(chat, ana);
    const experiment = await experimentOf(chat, ana);

    const erased = await chat.command(ana, 'forget-me');
    expect(erased.text).toMatch(/erased your personal data/);
    expect(await chat.app.store.participants.findByIdentity(ana.identity)).toBeNull();
    expect(await chat.app.store.participants.get(me.id)).toMatchObject({
      userId: `erased:${me.id}`,
      email: null,
      displayName: null,
      timezone: null,
      address: null,
      consent: 'opted_out',
    });
    expect(await chat.app.store.experiments.get(experiment.id)).toMatchObject({
      behavior: '[erased]',
      hypothesis: '[erased]',
      kpiBaseline: Number(EXPERIMENT.kpiBaseline),
      status: 'abandoned',
    });
    expect(await chat.app.store.jobs.scheduled(me.id)).toHaveLength(0);
    expect(await channelStateAbout(chat, ana)).toEqual([]);
  });
});
