import { describe, expect } from 'vitest';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import {
  auditActions,
  chatSessions,
  enroll,
  expectFieldErrors,
  pairUp,
  participantOf,
  storedState,
} from './flows.js';
import { scenarioFor } from './known-gaps.js';

/** A pair counts as quiet after a day without a charter; after a grace day of one nudge, curators hear. */
const PROGRAM = {
  name: 'pilot',
  timezone: 'Europe/Berlin',
  engagement: { threshold: 80, charterDueDays: 1, graceDays: 1 },
};

const ALERT = /Engagement is low for the pair Mia Mentee \(mentee\) and Mo Mentor \(mentor\)/;

describe.each(CHAT_DRIVERS)('curator alerts and decisions ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);

  async function quietPair() {
    const chat = await startChat({
      start: '2026-03-02T08:00:00Z',
      programs: [PROGRAM],
      people: [
        { name: 'Mo Mentor', role: 'mentor' },
        { name: 'Mia Mentee', role: 'mentee' },
        { name: 'Cora Curator', role: 'curator' },
        { name: 'Cal Curator', role: 'curator', timezone: 'America/New_York' },
        { name: 'Eve Member' },
      ],
    });
    const who = (name: string) => chat.person(name);
    const [mo, mia, cora, cal, eve] = [
      who('Mo Mentor'),
      who('Mia Mentee'),
      who('Cora Curator'),
      who('Cal Curator'),
      who('Eve Member'),
    ];
    await enroll(chat, mo, mia);
    const pair = await pairUp(chat, mo, mia);
    await chat.runUntil('2026-03-06T12:00:00Z');
    const [alert] = await chat.app.store.mentoring.alerts({ pairId: pair.id });
    if (!alert) throw new Error('no curator alert was raised');
    const posted = chat.curatorChannel().find((m) => ALERT.test(m.text));
    if (!posted) throw new Error('the alert is not in the curator channel');
    const alertMessage = (reader = cora) => chat.curatorChannel(reader).find((m) => m.id === posted.id);
    return { chat, mo, mia, cora, cal, eve, pair, alert, posted, alertMessage };
  }

  scenario('a quiet pair is nudged, then raises a curator alert with the reasons', async () => {
    const { chat, mo, mia, alert, alertMessage } = await quietPair();
    for (const person of [mo, mia])
      expect(chat.view(person).messages.some((m) => /A friendly check-in/.test(m.text))).toBe(true);
    expect(alert).toMatchObject({ status: 'open' });
    const posted = alertMessage()!;
    expect(posted.text).toMatch(/charter not finished/);
    expect(posted.buttons).toEqual([
      'Re-match',
      'Check in with the pair',
      'Snooze this alert',
      'Close the pair',
    ]);
  });

  scenario('re-match: the curator picks a new mentor; the alert shows who decided', async () => {
    const { chat, mo, mia, cora, pair, alert, alertMessage } = await quietPair();
    // Someone who has never talked to the bot.
    const nia = await chat.addPerson({ name: 'Nia Newmentor', role: 'mentor' });
    const form = await chat.click(cora, 'Re-match', { in: 'curators' });
    expect(form.form?.fields.map((f) => f.id)).toEqual(['mentor', 'reason']);
    const noReason = await chat.submitForm(cora, { mentor: nia, reason: '' });
    expectFieldErrors(noReason.form, { reason: /fill this in/i });
    expect((await chat.app.store.mentoring.getPair(pair.id))?.status).toBe('active');

    const done = await chat.submitForm(cora, { mentor: nia, reason: 'Better fit for the project' });
    expect(done.form).toBeNull();
    const handled = alertMessage()!;
    expect(handled.text).toMatch(/re-matched the mentee on 2026-03-06 13:00\. New mentor: /);
    expect(handled.buttons).toEqual([]);
    expect(await chat.app.store.mentoring.getAlert(alert.id)).toMatchObject({
      status: 'handled',
      action: 'rematch',
    });
    expect(await chat.app.store.mentoring.getPair(pair.id)).toMatchObject({
      status: 'closed',
      closeReason: 're-matched by a curator',
    });
    const fresh = (await chat.app.store.mentoring.activePairs()).find((p) => p.replacesPairId === pair.id)!;
    expect(fresh.mentorId).toBe((await chat.app.store.participants.findByIdentity(nia.identity))?.id);
    expect(chat.view(mia).messages.at(-1)?.text).toMatch(/paired you with a new mentor/);
    expect(chat.view(mo).messages.at(-1)?.text).toMatch(/Thank you for mentoring Mia Mentee/);
    expect(await auditActions(chat, 'curator.')).toEqual(['curator.rematch']);
    // Nia is asked for consent first, and introduced once she accepts.
    expect(chat.view(nia).messages.at(-1)?.text).toMatch(/Before anything starts/);
    await chat.click(nia, 'Accept');
    expect(chat.view(nia).messages.some((m) => /You're now mentoring Mia Mentee/.test(m.text))).toBe(true);
  });

  scenario('check in: a note goes to both', async () => {
    const { chat, mo, mia, cora, alert, alertMessage } = await quietPair();
    const form = await chat.click(cora, 'Check in with the pair', { in: 'curators' });
    expect(form.form?.fields.map((f) => f.id)).toEqual(['note']);
    await chat.submitForm(cora, { note: 'How are things going?' });
    expect(alertMessage()?.text).toMatch(
      /checked in with the pair on 2026-03-06 13:00\. A note went to both/,
    );
    for (const person of [mo, mia])
      expect(chat.view(person).messages.at(-1)?.text).toMatch(
        /A note from your program team: How are things going\?/,
      );
    expect(await chat.app.store.mentoring.getAlert(alert.id)).toMatchObject({ action: 'checkin' });
  });

  scenario('snooze: no new alert for the days chosen', async () => {
    const { chat, cora, alert, alertMessage } = await quietPair();
    const form = await chat.click(cora, 'Snooze this alert', { in: 'curators' });
    expect(form.form?.fields.map((f) => f.id)).toEqual(['days']);
    await chat.submitForm(cora, { days: '14' });
    expect(alertMessage()?.text).toMatch(
      /snoozed this alert on 2026-03-06 13:00\. No new alert for this pair until 2026-03-20/,
    );
    expect(await chat.app.store.mentoring.getAlert(alert.id)).toMatchObject({ action: 'snooze' });
  });

  scenario('close: the pair ends and both are told', async () => {
    const { chat, mo, mia, cora, pair, alertMessage } = await quietPair();
    await chat.click(cora, 'Close the pair', { in: 'curators' });
    await chat.submitForm(cora, { reason: 'They finished early' });
    expect(alertMessage()?.text).toMatch(/closed the pair on 2026-03-06 13:00\. The pair is closed/);
    expect(await chat.app.store.mentoring.getPair(pair.id)).toMatchObject({ status: 'closed' });
    for (const person of [mo, mia])
      expect(chat.view(person).messages.at(-1)?.text).toMatch(/has come to a close/);
  });

  scenario('the handled alert names the curator who decided', async () => {
    const { chat, cora, alertMessage } = await quietPair();
    await chat.click(cora, 'Close the pair', { in: 'curators' });
    await chat.submitForm(cora, { reason: 'They finished early' });
    expect(alertMessage()?.text).toMatch(/Cora Curator closed the pair/);
  });

  scenario('a re-matched alert names the new mentor', async () => {
    const { chat, cora, alertMessage } = await quietPair();
    const nia = await chat.addPerson({ name: 'Nia Newmentor', role: 'mentor' });
    await chat.click(cora, 'Re-match', { in: 'curators' });
    await chat.submitForm(cora, { mentor: nia, reason: 'Better fit for the project' });
    expect(alertMessage()?.text).toMatch(/New mentor: @?Nia Newmentor/);
  });

  scenario('the handled alert shows when, in each reader’s own time', async () => {
    const { chat, cora, cal, alertMessage } = await quietPair();
    await chat.click(cora, 'Close the pair', { in: 'curators' });
    await chat.submitForm(cora, { reason: 'They finished early' });
    // Decided at 12:00 UTC: 13:00 for Cora in Berlin, 07:00 for Cal in New York.
    expect(alertMessage(cora)?.text).toMatch(/closed the pair on 2026-03-06 13:00/);
    expect(alertMessage(cal)?.text).toMatch(/closed the pair on 2026-03-06 07:00/);
  });

  scenario('two curators decide at once: one decision per alert', async () => {
    const { chat, cora, cal, alert, posted } = await quietPair();
    // Both open a form from the alert as it was posted, before either has decided.
    await chat.click(cora, 'Close the pair', { message: posted });
    await chat.click(cal, 'Check in with the pair', { message: posted });
    const [closed, checkedIn] = await Promise.all([
      chat.submitForm(cora, { reason: 'They finished early' }),
      chat.submitForm(cal, { note: 'How are things going?' }),
    ]);
    const outcomes = [closed.text, checkedIn.text];
    expect(outcomes.filter((text) => /already handled/.test(text))).toHaveLength(1);
    expect(await auditActions(chat, 'curator.')).toHaveLength(1);
    expect((await chat.app.store.mentoring.getAlert(alert.id))?.status).toBe('handled');
  });

  scenario('a non-curator is refused on the alert buttons and nothing changes', async () => {
    const { chat, mo, mia, eve } = await quietPair();
    await enroll(chat, eve);
    const before = await storedState(chat, [mo, mia, eve]);
    for (const label of ['Re-match', 'Check in with the pair', 'Snooze this alert', 'Close the pair']) {
      const refused = await chat.click(eve, label, { in: 'curators' });
      expect(refused.text, label).toMatch(/Only curators can do that/);
      expect(refused.form, label).toBeNull();
    }
    expect(await storedState(chat, [mo, mia, eve])).toBe(before);
  });

  scenario('the pair command is for curators only', async () => {
    const { chat, mo, eve } = await quietPair();
    const nia = await chat.addPerson({ name: 'Nia Newmentor', role: 'mentor' });
    await enroll(chat, eve);
    const pairs = await chat.app.store.mentoring.activePairs();
    const refused = await chat.command(eve, ['pair', nia, mo]);
    expect(refused.text).not.toMatch(/Paired/);
    expect(await chat.app.store.mentoring.activePairs()).toEqual(pairs);
    expect(await participantOf(chat, eve)).toMatchObject({ roles: [] });
  });

  scenario('a curator pairs two people with the pair command', async () => {
    const { chat, cora, eve } = await quietPair();
    const nia = await chat.addPerson({ name: 'Nia Newmentor', role: 'mentor' });
    await enroll(chat, cora);
    const paired = await chat.command(cora, ['pair', nia, eve]);
    expect(paired.text).toMatch(/Paired/);
    const ids = await Promise.all(
      [nia, eve].map(async (p) => (await chat.app.store.participants.findByIdentity(p.identity))?.id),
    );
    expect(
      (await chat.app.store.mentoring.activePairs()).some(
        (p) => p.mentorId === ids[0] && p.menteeId === ids[1],
      ),
    ).toBe(true);
  });
});
