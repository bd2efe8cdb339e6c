import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  cardText,
  fieldError,
  inputIds,
  startTeamsHarness,
  type TeamsHarness,
  teamsUser,
} from '../support/teams-harness.js';

const ZONE = 'America/Los_Angeles';
const ada = teamsUser('Ada Lovelace', ZONE);

const experiment = {
  behavior: 'Ask before I tell in 1:1s',
  hypothesis: 'My team brings more of their own solutions',
  kpiName: 'Ideas raised per week',
  kpiUnit: 'ideas',
  kpiBaseline: '3',
  kpiTarget: '8',
  kpiDirection: 'increase',
  startDate: '2026-03-02',
  lengthWeeks: '13',
};

describe('Teams: nudges and checkpoint surveys at the person’s own time', () => {
  let h: TeamsHarness;
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('ccc yyyy-LL-dd HH:mm');

  beforeAll(async () => {
    // The program runs on Berlin time; Ada's Teams client says Los Angeles.
    h = await startTeamsHarness({
      start: '2026-03-02T16:00:00Z',
      programs: [{ name: 'pilot', timezone: 'Europe/Berlin' }],
    });
    await h.install(ada);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    await h.click(ada, consent, 'consent.accept');
    await h.say(ada, 'start');
    const form = h.messages(ada.conversationId).at(-1)!;
    const saved = await h.click(ada, form, 'form.experiment', experiment);
    expect(cardText(saved.card)).toContain('Your experiment is set');
  });
  afterEach(() => {
    expect(h.cardProblems()).toEqual([]);
  });
  afterAll(async () => {
    await h.close();
  });

  async function sentRows(kind: string) {
    const participant = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    return (await h.app.store.outbox.list({ participantId: participant.id, status: 'sent' })).filter(
      (r) => r.kind === kind,
    );
  }

  const nudgeCards = () =>
    h.messages(ada.conversationId).filter((m) => actionsOf(m.card).some((a) => a.verb === 'nudge.did'));

  it('sends nudges as cards at 09:30 in the zone the Teams client reported', async () => {
    await h.runUntil('2026-03-06T00:00:00Z');
    const nudges = await sentRows('nudge');
    expect(nudges.map((r) => local(r.sentAt!))).toEqual(['Tue 2026-03-03 09:30', 'Thu 2026-03-05 09:30']);
    expect(nudges.map((r) => DateTime.fromMillis(r.sentAt!, { zone: 'UTC' }).toFormat('HH:mm'))).toEqual([
      '17:30',
      '17:30',
    ]);
    expect(nudges.every((r) => r.providerRef?.startsWith(`${ada.conversationId}/`))).toBe(true);
    const cards = nudgeCards();
    expect(cards).toHaveLength(2);
    expect(actionsOf(cards[0]!.card).map((a) => a.title)).toEqual([
      'Did it',
      'Not this week',
      'Snooze a week',
    ]);
    expect(cardText(cards[0]!.card)).toContain('**Ask before I tell in 1:1s**');
  });

  it('records a nudge answer once; the card turns read-only', async () => {
    const nudge = nudgeCards().at(-1)!;
    const answer = await h.click(ada, nudge, 'nudge.did');
    expect(cardText(answer.card)).toContain('logged as done');
    expect(actionsOf(answer.card)).toEqual([]);
    expect(actionsOf(h.messages(ada.conversationId).find((m) => m.id === nudge.id)!.card)).toEqual([]);
    const again = await h.click(ada, nudge, 'nudge.skip');
    expect(again.notice).toBe('You already answered this one.');
    const participant = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    const experimentId = (await h.app.store.experiments.current(participant.id))!.id;
    expect(
      await h.app.store.experiments.recordNudgeResponse({
        experimentId,
        occurrence: '2026-03-05',
        answer: 'skip',
        at: 0,
      }),
    ).toBe(false);
  });

  it('runs the day-30 survey: practice by button, then KPI and confidence on the same card, errors inline', async () => {
    await h.runUntil('2026-04-01T18:00:00Z', 60 * 60_000);
    const survey = await h.waitForCard(ada.conversationId, 'Day 30 checkpoint');
    expect(local((await sentRows('checkpoint'))[0]!.sentAt!)).toBe('Wed 2026-04-01 10:00');
    expect(actionsOf(survey.card).map((a) => a.verb)).toEqual(Array(5).fill('survey.practice'));

    const step2 = await h.click(ada, survey, '4 · Most days');
    expect(cardText(step2.card)).toContain('practice 4/5 saved');
    expect(inputIds(step2.card)).toEqual(['kpiValue', 'confidence', 'note']);

    const invalid = await h.click(ada, { ...survey, card: step2.card }, 'form.survey', {
      kpiValue: 'lots',
      confidence: '4',
      note: 'Busy weeks',
    });
    expect(fieldError(invalid.card, 'kpiValue')).toBe('Please enter a number.');
    const participant = (await h.app.store.participants.findByIdentity(h.identity(ada)))!;
    const experimentId = (await h.app.store.experiments.current(participant.id))!.id;
    expect((await h.app.store.surveys.forExperiment(experimentId))[0]).toMatchObject({
      practice: 4,
      kpiValue: null,
      confidence: null,
    });

    const done = await h.click(ada, { ...survey, card: invalid.card }, 'form.survey', {
      kpiValue: '5',
      confidence: '4',
      note: 'Asked first in three 1:1s',
    });
    expect(cardText(done.card)).toContain(
      'Day 30 checkpoint saved: practice 4/5, Ideas raised per week 5 ideas (+2 vs baseline), confidence 4/5.',
    );
    // The practice buttons are gone; changing the answer is one explicit button away.
    expect(actionsOf(done.card).map((a) => a.verb)).toEqual(['survey.checkin']);
    expect((await h.app.store.surveys.forExperiment(experimentId))[0]).toMatchObject({
      status: 'answered',
      practice: 4,
      kpiValue: 5,
      confidence: 4,
    });
  });

  it('answers the open checkpoint from the typed checkin command, in one form', async () => {
    await h.runUntil('2026-05-01T18:00:00Z', 60 * 60_000);
    await h.say(ada, 'checkin');
    const form = [...h.messages(ada.conversationId)]
      .reverse()
      .find((m) => inputIds(m.card).includes('practice'))!;
    expect(cardText(form.card)).toContain('Day 60 checkpoint');
    expect(inputIds(form.card)).toEqual(['practice', 'kpiValue', 'confidence', 'note']);
    const missing = await h.click(ada, form, 'form.checkin', { kpiValue: '6', confidence: '5' });
    expect(fieldError(missing.card, 'practice')).toBe('Please fill this in.');
    const saved = await h.click(ada, form, 'form.checkin', {
      practice: '5',
      kpiValue: '6',
      confidence: '5',
      note: '',
    });
    expect(cardText(saved.card)).toContain('Day 60 checkpoint saved: practice 5/5');
    await h.say(ada, 'status');
    const status = h.messages(ada.conversationId).at(-1)!;
    expect(cardText(status.card)).toContain('3 → 5 (d30) → 6 (d60) · target 8');
  });

  it('follows a new time zone from the Teams client for a consented person', async () => {
    await h.say(ada, 'help', { localTimezone: 'Asia/Tokyo' });
    expect((await h.app.store.participants.findByIdentity(h.identity(ada)))?.timezone).toBe('Asia/Tokyo');
    const odd = h.activityFrom(ada, { type: 'message', text: 'help' });
    odd.localTimezone = 'Not/AZone';
    expect((await h.post(odd)).status).toBe(200);
    expect((await h.app.store.participants.findByIdentity(h.identity(ada)))?.timezone).toBe('Asia/Tokyo');
  });
});
