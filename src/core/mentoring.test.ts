import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { english } from './catalog/index.js';
import type { Charter } from './charter.js';
import { DAY, HOUR, ManualClock } from './clock.js';
import type { EngagementReason } from './engagement.js';
import {
  type CharterVersion,
  CURATOR_FORMS,
  type CuratorAlert,
  changeRequestForm,
  changesRequestedMessage,
  charterReviewMessage,
  closeForm,
  curatorAlertHandledMessage,
  curatorAlertMessage,
  type Milestone,
  milestoneConfirmedMessage,
  milestoneDueAt,
  milestoneNoteForm,
  milestoneReminderMessage,
  milestoneReminderRun,
  nextPairHealthRun,
  type Pair,
  pairCheckinForm,
  pairFineForm,
  pairIntroMessage,
  pairNudgeMessage,
  reasonText,
  rematchForm,
  snoozeForm,
} from './mentoring.js';
import { effectiveAvailability, parseProgramSettings } from './program.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const at = (iso: string, zone = NY) => DateTime.fromISO(iso, { zone }).toMillis();

const program = parseProgramSettings({ name: 'mentoring', timezone: NY, milestoneReminderDaysBefore: 3 });
const mentor = effectiveAvailability(program, { timezone: BERLIN });
const programTime = effectiveAvailability(program, {});

const pair: Pair = {
  id: 'pair_1',
  programId: 'mentoring',
  mentorId: 'ppl_maria',
  menteeId: 'ppl_theo',
  status: 'active',
  createdBy: 'ppl_cura',
  createdAt: at('2026-03-02T09:00'),
  introSentAt: null,
  closedAt: null,
  closeReason: null,
  replacesPairId: null,
  nudgedAt: null,
};

const milestone: Milestone = {
  id: 'ms_1',
  pairId: 'pair_1',
  charterVersion: 1,
  position: 1,
  description: 'Kickoff done',
  dueDate: '2026-05-31',
  dueAt: milestoneDueAt('2026-05-31', BERLIN),
  status: 'pending',
  confirmedAt: null,
  confirmedBy: null,
  note: null,
};

describe('milestone times', () => {
  it('counts a milestone due at the last moment of its date in the mentor’s zone', () => {
    expect(milestoneDueAt('2026-05-31', BERLIN)).toBe(at('2026-06-01T00:00', BERLIN) - 1);
    expect(milestoneDueAt('2026-05-31', NY)).toBe(at('2026-06-01T00:00', NY) - 1);
  });

  it('reminds the mentor days before the due date at the checkpoint time, in the mentor’s own time', () => {
    const clock = new ManualClock(at('2026-05-01T12:00', BERLIN));
    // 31 May minus 3 days is Thursday 28 May, 10:00 in Berlin.
    expect(milestoneReminderRun(milestone, program, mentor, clock.now())).toEqual({
      kind: 'milestone_reminder',
      dueAt: at('2026-05-28T10:00', BERLIN),
      occurrence: 'ms_1',
    });
  });

  it('moves a reminder that falls on a weekend to the next working morning', () => {
    const clock = new ManualClock(at('2026-05-01T12:00', BERLIN));
    const sunday = { ...milestone, dueDate: '2026-06-02' }; // minus 3 days: Saturday 30 May
    expect(milestoneReminderRun(sunday, program, mentor, clock.now()).dueAt).toBe(
      at('2026-06-01T08:00', BERLIN),
    );
  });

  it('never plans a reminder in the past: a late one goes at the next allowed moment', () => {
    const clock = new ManualClock(at('2026-05-29T12:00', BERLIN));
    expect(milestoneReminderRun(milestone, program, mentor, clock.now()).dueAt).toBe(clock.now());
    clock.set(at('2026-05-29T21:00', BERLIN)); // Friday evening: quiet hours, then the weekend
    expect(milestoneReminderRun(milestone, program, mentor, clock.now()).dueAt).toBe(
      at('2026-06-01T08:00', BERLIN),
    );
  });

  it('looks at pair health once a day, at the checkpoint time of the next allowed day in the program’s zone', () => {
    const clock = new ManualClock(at('2026-03-03T12:00'));
    expect(nextPairHealthRun('pair_1', program, programTime, clock.now())).toEqual({
      kind: 'pair_health',
      dueAt: at('2026-03-04T10:00'),
      occurrence: 'pair_1/2026-03-04',
    });
    clock.set(at('2026-03-06T12:00')); // a Friday: Saturday is not a working day
    expect(nextPairHealthRun('pair_1', program, programTime, clock.now())).toEqual({
      kind: 'pair_health',
      dueAt: at('2026-03-09T08:00'),
      occurrence: 'pair_1/2026-03-09',
    });
    clock.advance(HOUR);
    expect(nextPairHealthRun('pair_1', program, programTime, clock.now()).occurrence).toBe(
      'pair_1/2026-03-09',
    );
  });

  it('counts “tomorrow” and names the day in the program’s zone, not in UTC', () => {
    // 21:00 in New York is already the next day in UTC.
    expect(nextPairHealthRun('pair_1', program, programTime, at('2026-03-03T21:00')).dueAt).toBe(
      at('2026-03-04T10:00'),
    );
    // 10:00 in Auckland is the evening before in UTC.
    const auckland = parseProgramSettings({ name: 'mentoring', timezone: 'Pacific/Auckland' });
    const nz = effectiveAvailability(auckland, {});
    const run = nextPairHealthRun('pair_1', auckland, nz, at('2026-03-03T12:00', 'Pacific/Auckland'));
    expect(run).toEqual({
      kind: 'pair_health',
      dueAt: at('2026-03-04T10:00', 'Pacific/Auckland'),
      occurrence: 'pair_1/2026-03-04',
    });
  });
});

describe('mentoring forms', () => {
  const parse = (form: { schema: { safeParse(v: unknown): { success: boolean } } }, value: unknown) =>
    form.schema.safeParse(value).success;

  it('asks for a change comment of a few characters, trimmed, at most 1000', () => {
    expect(changeRequestForm.fields.map((f) => [f.id, f.type, f.maxLength])).toEqual([
      ['comment', 'multiline', 1000],
    ]);
    expect(parse(changeRequestForm, { comment: 'abc' })).toBe(true);
    expect(parse(changeRequestForm, { comment: '  ab  ' })).toBe(false);
    expect(parse(changeRequestForm, { comment: 'x'.repeat(1000) })).toBe(true);
    expect(parse(changeRequestForm, { comment: 'x'.repeat(1001) })).toBe(false);
  });

  it('takes an optional milestone note of at most 1000 characters', () => {
    expect(milestoneNoteForm.fields).toEqual([
      { id: 'note', label: 'note.form.note', type: 'multiline', optional: true, maxLength: 1000 },
    ]);
    expect(parse(milestoneNoteForm, {})).toBe(true);
    expect(parse(milestoneNoteForm, { note: 'x' })).toBe(true);
    expect(parse(milestoneNoteForm, { note: ` ${'x'.repeat(1000)} ` })).toBe(true);
    expect(parse(milestoneNoteForm, { note: 'x'.repeat(1001) })).toBe(false);
  });

  it('needs a new mentor and a reason to re-match, and a reason to close', () => {
    expect(rematchForm.fields.map((f) => [f.id, f.type])).toEqual([
      ['mentor', 'person'],
      ['reason', 'text'],
    ]);
    expect(parse(rematchForm, { mentor: 'U1', reason: 'abc' })).toBe(true);
    expect(parse(rematchForm, { mentor: '', reason: 'abc' })).toBe(false);
    expect(parse(rematchForm, { mentor: 'U1', reason: '  ab ' })).toBe(false);
    expect(parse(rematchForm, { mentor: 'U1', reason: 'x'.repeat(301) })).toBe(false);
    expect(parse(closeForm, { reason: 'abcdef' })).toBe(true);
    expect(parse(closeForm, { reason: 'x'.repeat(300) })).toBe(true);
    expect(parse(closeForm, { reason: 'ab' })).toBe(false);
  });

  it('sends a check-in note of a few characters to both', () => {
    expect(parse(pairCheckinForm, { note: 'Hi both' })).toBe(true);
    expect(parse(pairCheckinForm, { note: ' hi ' })).toBe(false);
    expect(parse(pairCheckinForm, { note: 'x'.repeat(1001) })).toBe(false);
  });

  it('snoozes for 7, 14 or 30 days, and accepts 1 to 90 typed', () => {
    expect(snoozeForm.fields[0]?.options).toEqual([
      { value: '7', label: { key: 'snooze.form.option', params: { days: 7 } } },
      { value: '14', label: { key: 'snooze.form.option', params: { days: 14 } } },
      { value: '30', label: { key: 'snooze.form.option', params: { days: 30 } } },
    ]);
    expect(snoozeForm.schema.parse({ days: '14' })).toEqual({ days: 14 });
    for (const days of ['1', '90']) expect(parse(snoozeForm, { days })).toBe(true);
    for (const days of ['0', '91', '1.5', 'soon']) expect(parse(snoozeForm, { days })).toBe(false);
  });

  it('lays out the check-in and close forms, and says what a bad snooze length is', () => {
    expect(pairCheckinForm.fields).toEqual([
      { id: 'note', label: 'pairCheckin.form.note', type: 'multiline', maxLength: 1000 },
    ]);
    expect(closeForm.fields).toEqual([
      { id: 'reason', label: 'close.form.reason', type: 'text', maxLength: 300 },
    ]);
    expect(snoozeForm.schema.safeParse({ days: 'soon' }).error?.issues[0]?.message).toBe(
      'validation.curator.days',
    );
  });

  it('has one form per curator action', () => {
    expect(CURATOR_FORMS).toEqual({
      rematch: rematchForm,
      checkin: pairCheckinForm,
      snooze: snoozeForm,
      close: closeForm,
    });
  });
});

const charter: Charter = {
  goals: 'Lead a cross-team project',
  kpi1Name: 'Stakeholder score',
  kpi1Baseline: 3,
  kpi1Target: 4,
  kpi2Name: 'Peers met',
  kpi2Baseline: 1,
  kpi2Target: 4,
  milestone1: 'Kickoff done',
  milestone1Due: '2026-05-31',
  milestone2: 'Project shipped',
  milestone2Due: '2026-08-29',
  cadence: 'biweekly',
  confidentiality: 'agree',
  mentorWill: 'Review my plan',
  mentorWillNot: 'Rate my performance',
};

describe('mentoring messages', () => {
  const t = english;

  it('introduces the mentor plainly and gives the mentee the two ways to write the charter', () => {
    expect(pairIntroMessage(t, pair, 'mentor', 'Theo')).toEqual({
      text: t('pair.introMentor', { mentee: 'Theo' }),
      blocks: [{ type: 'text', text: t('pair.introMentor', { mentee: 'Theo' }) }],
    });
    expect(t('pair.introMentor', { mentee: 'Theo' })).toContain('*Theo*');
    const mentee = pairIntroMessage(t, pair, 'mentee', 'Maria');
    expect(mentee.text).toContain('*Maria*');
    expect(mentee.blocks.slice(1)).toEqual([
      {
        type: 'actions',
        actions: [
          { action: 'charter.form', ref: 'pair_1', label: 'Fill it in a form', style: 'primary' },
          { action: 'charter.chat', ref: 'pair_1', label: 'Answer step by step in chat' },
        ],
      },
    ]);
  });

  it('asks the mentor to confirm a charter version or ask for changes', () => {
    const version: CharterVersion = {
      pairId: 'pair_1',
      version: 2,
      charter,
      status: 'submitted',
      submittedAt: 0,
      mentorConfirmedAt: null,
      comment: null,
    };
    const message = charterReviewMessage(t, pair, version, 'Theo');
    expect(message.text).toBe('*Theo* sent your mentoring charter (version 2). Does it work for you?');
    expect(message.blocks[1]).toMatchObject({ type: 'fields' });
    expect(message.blocks[1]).toMatchObject({
      fields: expect.arrayContaining([{ label: 'Goals', value: 'Lead a cross-team project' }]),
    });
    expect(message.blocks[2]).toEqual({
      type: 'actions',
      actions: [
        { action: 'charter.confirm', ref: 'pair_1', value: '2', label: 'Confirm charter', style: 'primary' },
        { action: 'charter.changes', ref: 'pair_1', value: '2', label: 'Ask for changes' },
      ],
    });
  });

  it('passes the mentor’s comment to the mentee with the ways to edit', () => {
    const message = changesRequestedMessage(t, pair, 'Maria', 'Name a second KPI');
    expect(message.text).toContain('*Maria* asked for changes to your charter: "Name a second KPI"');
    expect(message.blocks[1]).toEqual({
      type: 'actions',
      actions: [
        { action: 'charter.form', ref: 'pair_1', label: 'Edit in a form', style: 'primary' },
        { action: 'charter.chat', ref: 'pair_1', label: 'Edit step by step in chat' },
      ],
    });
  });

  it('reminds the mentor of a milestone with the three answers', () => {
    const message = milestoneReminderMessage(t, milestone, 'Theo');
    expect(message.text).toBe('Milestone with *Theo* due 2026-05-31: "Kickoff done". How did it go?');
    expect(message.blocks[1]).toEqual({
      type: 'actions',
      actions: [
        { action: 'milestone.met', ref: 'ms_1', label: 'Met', style: 'primary' },
        { action: 'milestone.partly', ref: 'ms_1', label: 'Partly' },
        { action: 'milestone.notyet', ref: 'ms_1', label: 'Not yet' },
      ],
    });
  });

  it('offers a note after a milestone is confirmed, until one is added', () => {
    const met = { ...milestone, status: 'partly' as const };
    expect(milestoneConfirmedMessage(t, met)).toEqual({
      text: 'Milestone "Kickoff done" confirmed as *partly met*.',
      blocks: [
        { type: 'text', text: 'Milestone "Kickoff done" confirmed as *partly met*.' },
        { type: 'actions', actions: [{ action: 'milestone.note', ref: 'ms_1', label: 'Add a note' }] },
      ],
    });
    expect(milestoneConfirmedMessage(t, { ...met, note: 'Good start' })).toEqual({
      text: 'Milestone "Kickoff done" confirmed as *partly met*. Note added.',
      blocks: [{ type: 'text', text: 'Milestone "Kickoff done" confirmed as *partly met*. Note added.' }],
    });
  });

  it('nudges a pair by the other person’s name', () => {
    expect(pairNudgeMessage(t, 'Maria').text).toContain('you and *Maria* updated your mentorship');
    expect(pairNudgeMessage(t, 'Maria').blocks).toHaveLength(1);
  });

  it('gives the pair its voice in the nudge when it names the pair: fine, or a new match', () => {
    expect(pairNudgeMessage(t, 'Maria', 'pair_1').blocks[1]).toEqual({
      type: 'actions',
      actions: [
        { action: 'pair.fine', ref: 'pair_1', label: "We're fine — we meet offline" },
        { action: 'pair.newmatch', ref: 'pair_1', label: "I'd like a new match" },
      ],
    });
    expect(pairFineForm.fields).toEqual([
      { id: 'note', label: 'voice.fineForm.note', type: 'multiline', optional: true, maxLength: 500 },
    ]);
    expect(pairFineForm.schema.parse({ note: ' offline ' })).toEqual({ note: 'offline' });
    expect(pairFineForm.schema.safeParse({ note: 'x'.repeat(501) }).success).toBe(false);
    expect(pairFineForm.schema.safeParse({}).success).toBe(true);
  });
});

describe('engagement reasons in words', () => {
  const t = english;
  const reason = (
    signal: EngagementReason['signal'],
    facts: EngagementReason['facts'],
  ): EngagementReason => ({
    signal,
    points: 20,
    text: 'kept English',
    facts,
  });

  it('puts each signal’s facts into the reader’s words', () => {
    expect(reasonText(t, reason('charter_unfinished', { days: 20 }))).toBe(
      'charter not finished 20 days after pairing',
    );
    expect(
      reasonText(t, reason('milestone_late', { description: 'Kickoff', confirmed: true, days: 3 })),
    ).toBe('milestone "Kickoff" confirmed 3 days after its due date');
    expect(
      reasonText(t, reason('milestone_late', { description: 'Kickoff', confirmed: false, days: 4 })),
    ).toBe('milestone "Kickoff" unconfirmed 4 days after its due date');
    expect(reasonText(t, reason('person_quiet', { role: 'mentor', name: 'Maria', days: 22 }))).toBe(
      'mentor Maria has not interacted with the bot for 22 days',
    );
    expect(reasonText(t, reason('checkin_missed', { count: 1 }))).toBe('mentee missed 1 checkpoint check-in');
    expect(reasonText(t, reason('match_requested', { role: 'mentor', name: 'Maria' }))).toBe(
      'the mentor Maria asked for a new match (no fault)',
    );
    expect(reasonText(t, reason('match_requested', {}))).toBe('the mentee  asked for a new match (no fault)');
  });

  it('fills facts that are missing with neutral values', () => {
    expect(reasonText(t, reason('charter_unfinished', {}))).toBe('charter not finished 0 days after pairing');
    expect(reasonText(t, reason('milestone_late', {}))).toBe(
      'milestone "" unconfirmed 0 days after its due date',
    );
    expect(reasonText(t, reason('person_quiet', {}))).toBe(
      'mentee  has not interacted with the bot for 0 days',
    );
    expect(reasonText(t, reason('checkin_missed', {}))).toBe('mentee missed 0 checkpoint check-ins');
  });

  it('keeps the English text of reasons raised before reasons carried facts', () => {
    expect(reasonText(t, { signal: 'person_quiet', points: 20, text: 'mentor Maria is quiet' })).toBe(
      'mentor Maria is quiet',
    );
  });
});

describe('curator alerts', () => {
  const t = english;
  const clock = new ManualClock(at('2026-04-01T10:00'));
  const alert: CuratorAlert = {
    id: 'alert_1',
    pairId: 'pair_1',
    status: 'open',
    score: 40,
    reasons: [
      { signal: 'charter_unfinished', points: 30, text: 'x', facts: { days: 30 } },
      { signal: 'checkin_missed', points: 30, text: 'y', facts: { count: 3 } },
    ],
    createdAt: clock.now(),
    snoozedUntil: null,
    action: null,
    handledBy: null,
    handledAt: null,
  };

  it('tells curators the score, each reason with its points, and the four decisions', () => {
    expect(curatorAlertMessage(t, alert, 'Maria', 'Theo', 60)).toEqual({
      text: 'Engagement is low for the pair *Theo* (mentee) and *Maria* (mentor): 40/100, under the threshold of 60.',
      blocks: [
        {
          type: 'text',
          text: 'Engagement is low for the pair *Theo* (mentee) and *Maria* (mentor): 40/100, under the threshold of 60.',
        },
        {
          type: 'text',
          text: '• charter not finished 30 days after pairing (−30)\n• mentee missed 3 checkpoint check-ins (−30)',
        },
        { type: 'context', text: t('alert.afterNudge') },
        {
          type: 'actions',
          actions: [
            { action: 'alert.rematch', ref: 'alert_1', label: 'Re-match', style: 'primary' },
            { action: 'alert.checkin', ref: 'alert_1', label: 'Check in with the pair' },
            { action: 'alert.snooze', ref: 'alert_1', label: 'Snooze this alert' },
            { action: 'alert.close', ref: 'alert_1', label: 'Close the pair', style: 'danger' },
          ],
        },
      ],
    });
    expect(curatorAlertMessage(t, { ...alert, reasons: [] }, 'Maria', 'Theo', 60).blocks[1]).toEqual({
      type: 'text',
      text: '• no signals',
    });
  });

  it('says when the pair itself asked for a new match', () => {
    const asked = {
      ...alert,
      reasons: [
        { signal: 'checkin_missed' as const, points: 10, text: 'y', facts: { count: 1 } },
        {
          signal: 'match_requested' as const,
          points: 0,
          text: 'z',
          facts: { role: 'mentee' as const, name: 'Theo' },
        },
      ],
    };
    expect(curatorAlertMessage(t, asked, 'Maria', 'Theo', 60).text).toBe(
      'A new match is asked for in the pair *Theo* (mentee) and *Maria* (mentor) — a no-fault request, not shown to the other person. Engagement 40/100.',
    );
  });

  it('says who decided what and when, in each reader’s time, with the reasons without points', () => {
    clock.advance(2 * DAY);
    const handled = {
      ...alert,
      status: 'handled' as const,
      action: 'close',
      handledBy: 'U9',
      handledAt: clock.now(),
    };
    expect(curatorAlertHandledMessage(t, handled, 'Maria', 'Theo', 'Cora', 'The pair is closed.')).toEqual({
      text: `Pair *Theo* (mentee) and *Maria* (mentor), 40/100: *Cora* closed the pair on <time:${clock.now()}>. The pair is closed.`,
      blocks: [
        {
          type: 'text',
          text: `Pair *Theo* (mentee) and *Maria* (mentor), 40/100: *Cora* closed the pair on <time:${clock.now()}>. The pair is closed.`,
        },
        {
          type: 'text',
          text: '• charter not finished 30 days after pairing\n• mentee missed 3 checkpoint check-ins',
        },
      ],
    });
    // No detail, no action recorded, no handling time: the creation time stands in.
    expect(curatorAlertHandledMessage(t, alert, 'Maria', 'Theo', 'Cora', '').text).toBe(
      `Pair *Theo* (mentee) and *Maria* (mentor), 40/100: *Cora* handled this alert on <time:${alert.createdAt}>.`,
    );
  });
});
