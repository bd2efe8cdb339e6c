import { describe, expect, it } from 'vitest';
import { english } from './catalog/index.js';
import type { Survey } from './checkpoint.js';
import { DAY, ManualClock } from './clock.js';
import {
  checkinForm,
  checkpointReminderMessage,
  checkpointSurveyMessage,
  consentAnsweredMessage,
  consentRequestMessage,
  experimentForm,
  nudgeAnsweredMessage,
  nudgeMessage,
  practiceSavedMessage,
  surveyAnsweredMessage,
  surveyDetailsForm,
} from './coaching.js';
import type { Experiment } from './experiment.js';
import { validateForm } from './forms.js';
import { parseProgramSettings } from './program.js';

const t = english;

const experiment: Experiment = {
  id: 'exp_1',
  participantId: 'ppl_1',
  behavior: 'Ask before I tell',
  hypothesis: 'The team brings more ideas',
  kpiName: 'Ideas',
  kpiUnit: 'ideas',
  kpiBaseline: 2,
  kpiTarget: 5,
  kpiDirection: 'increase',
  startDate: '2026-03-02',
  lengthWeeks: 13,
  endDate: '2026-06-01',
  status: 'active',
  version: 1,
  createdAt: 0,
  updatedAt: 0,
};

const survey: Survey = {
  id: 'svy_exp_1_d30',
  experimentId: 'exp_1',
  participantId: 'ppl_1',
  checkpointDay: 30,
  status: 'answered',
  sentAt: 0,
  remindedAt: null,
  practice: 4,
  kpiValue: 3.456,
  confidence: 5,
  note: null,
  answeredAt: 0,
};

describe('coaching forms', () => {
  it('offers both KPI directions and the lengths of 8 to 16 weeks', () => {
    const direction = experimentForm.fields.find((f) => f.id === 'kpiDirection');
    expect(direction?.options).toEqual([
      { value: 'increase', label: { key: 'experiment.form.higher' } },
      { value: 'decrease', label: { key: 'experiment.form.lower' } },
    ]);
    const length = experimentForm.fields.find((f) => f.id === 'lengthWeeks');
    expect(length?.options?.map((o) => o.value)).toEqual([
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
    ]);
    expect(length?.options?.[0]).toEqual({
      value: '8',
      label: { key: 'experiment.form.weeks', params: { weeks: 8 } },
    });
    expect(length?.options?.[8]?.label).toEqual({ key: 'experiment.form.weeks', params: { weeks: 16 } });
    expect(experimentForm.fields.map((f) => f.id)).toEqual([
      'behavior',
      'hypothesis',
      'kpiName',
      'kpiUnit',
      'kpiBaseline',
      'kpiTarget',
      'kpiDirection',
      'startDate',
      'lengthWeeks',
    ]);
  });

  it('asks confidence from 1 to 5 in the survey form, with an optional note', () => {
    expect(surveyDetailsForm.fields[1]?.options?.map((o) => [o.value, o.label])).toEqual([
      ['1', { key: 'survey.confidence1' }],
      ['2', { key: 'survey.confidence2' }],
      ['3', { key: 'survey.confidence3' }],
      ['4', { key: 'survey.confidence4' }],
      ['5', { key: 'survey.confidence5' }],
    ]);
    expect(validateForm(surveyDetailsForm, { kpiValue: '4', confidence: '3' })).toEqual({
      ok: true,
      value: { kpiValue: 4, confidence: 3, note: undefined },
    });
  });

  it('takes the whole check-in in one form: practice first, then the survey’s fields', () => {
    expect(checkinForm.fields.map((f) => f.id)).toEqual(['practice', 'kpiValue', 'confidence', 'note']);
    expect(checkinForm.fields[0]?.options?.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(checkinForm.fields[0]?.options?.[4]?.label).toEqual({ key: 'survey.practice5' });
    expect(
      validateForm(checkinForm, { practice: '2', kpiValue: '4', confidence: '3', note: ' ok ' }),
    ).toEqual({
      ok: true,
      value: { practice: 2, kpiValue: 4, confidence: 3, note: 'ok' },
    });
    expect(validateForm(checkinForm, { practice: '6', kpiValue: '4', confidence: '3' })).toMatchObject({
      ok: false,
      errors: { practice: { key: 'validation.survey.practice' } },
    });
  });
});

describe('consent messages', () => {
  it('says what is kept, who sees it and for how long, with Accept and Decline', () => {
    const program = parseProgramSettings({
      name: 'pilot',
      retention: { freeTextDays: 1, aggregateMonths: 6 },
    });
    const message = consentRequestMessage(t, 'ppl_1', program);
    expect(message.text).toContain('*pilot*');
    expect(message.blocks).toEqual([
      { type: 'text', text: message.text },
      {
        type: 'fields',
        fields: [
          { label: 'What I collect', value: t('consent.collect') },
          { label: 'Who sees it', value: t('consent.who') },
          { label: 'How long', value: 'Notes you type are deleted after 1 day; totals are kept 6 months.' },
        ],
      },
      { type: 'context', text: t('consent.stopAnyTime') },
      {
        type: 'actions',
        actions: [
          { action: 'consent.accept', ref: 'ppl_1', label: 'Accept', style: 'primary' },
          { action: 'consent.decline', ref: 'ppl_1', label: 'Decline' },
        ],
      },
    ]);
    const titled = parseProgramSettings({ name: 'pilot', title: 'Lead Lab' });
    expect(consentRequestMessage(t, 'ppl_1', titled).text).toContain('*Lead Lab*');
  });

  it('turns into a thank-you with the next step, or a plain acknowledgement of the decline', () => {
    expect(consentAnsweredMessage(t, 'ppl_1', true)).toEqual({
      text: 'Thank you — you are in.',
      blocks: [
        { type: 'text', text: 'Thank you — you are in. Next: pick one behavior to experiment with.' },
        {
          type: 'actions',
          actions: [
            { action: 'experiment.start', ref: 'ppl_1', label: 'Start my experiment', style: 'primary' },
          ],
        },
      ],
    });
    expect(consentAnsweredMessage(t, 'ppl_1', false)).toEqual({
      text: 'Understood — I will not message you about coaching.',
      blocks: [{ type: 'text', text: t('consent.declined') }],
    });
  });
});

describe('nudges and surveys', () => {
  it('fills the nudge template and offers did, skip and snooze for this occurrence', () => {
    const message = nudgeMessage(t, experiment, 'Try *{behavior}*; count {kpi}. {unknown}', '2026-03-10');
    expect(message).toEqual({
      text: 'Try *Ask before I tell*; count Ideas. {unknown}',
      blocks: [
        { type: 'text', text: 'Try *Ask before I tell*; count Ideas. {unknown}' },
        {
          type: 'actions',
          actions: [
            { action: 'nudge.did', ref: 'exp_1', value: '2026-03-10', label: 'Did it', style: 'primary' },
            { action: 'nudge.skip', ref: 'exp_1', value: '2026-03-10', label: 'Not this week' },
            { action: 'nudge.snooze', ref: 'exp_1', value: '2026-03-10', label: 'Snooze a week' },
          ],
        },
      ],
    });
  });

  it('asks the practice question with five answers, first as a check-in and then as a reminder', () => {
    const first = checkpointSurveyMessage(t, experiment, survey);
    expect(first.text).toBe(
      'Time for a two-click check-in. Day 30 checkpoint for *Ask before I tell*: how often did you practise it lately?',
    );
    expect(first.blocks[0]).toEqual({ type: 'text', text: first.text });
    expect(first.blocks[1]).toEqual({
      type: 'actions',
      actions: ['1 · Not yet', '2 · Once', '3 · A few times', '4 · Most days', '5 · Daily'].map(
        (label, i) => ({
          action: 'survey.practice',
          ref: 'svy_exp_1_d30',
          value: String(i + 1),
          label,
        }),
      ),
    });
    expect(first.blocks[2]).toEqual({
      type: 'context',
      text: 'Then one short step: Ideas today and your confidence.',
    });
    expect(checkpointReminderMessage(t, experiment, survey).text).toMatch(
      /^A gentle reminder: Day 30 checkpoint/,
    );
  });

  it('after the practice click, shows the answer and the one step left', () => {
    expect(practiceSavedMessage(t, experiment, survey)).toEqual({
      text: 'Day 30 checkpoint: practice 4/5 saved. One more step:',
      blocks: [
        { type: 'text', text: 'Day 30 checkpoint: practice 4/5 saved. One more step:' },
        {
          type: 'actions',
          actions: [{ action: 'survey.details', ref: 'svy_exp_1_d30', label: 'Add Ideas', style: 'primary' }],
        },
      ],
    });
    expect(practiceSavedMessage(t, experiment, { ...survey, practice: null }).text).toContain('practice 0/5');
  });

  it('shows an answered survey with the change from baseline, signed and rounded, and a way to change it', () => {
    expect(surveyAnsweredMessage(t, experiment, survey)).toEqual({
      text: 'Day 30 checkpoint saved: practice 4/5, Ideas 3.456 ideas (+1.46 vs baseline), confidence 5/5. Thank you!',
      blocks: [
        {
          type: 'text',
          text: 'Day 30 checkpoint saved: practice 4/5, Ideas 3.456 ideas (+1.46 vs baseline), confidence 5/5. Thank you!',
        },
        {
          type: 'actions',
          actions: [{ action: 'survey.checkin', ref: 'svy_exp_1_d30', label: 'Change my answer' }],
        },
      ],
    });
    expect(surveyAnsweredMessage(t, experiment, { ...survey, kpiValue: 1 }).text).toContain(
      '(-1 vs baseline)',
    );
    expect(surveyAnsweredMessage(t, experiment, { ...survey, kpiValue: 2 }).text).toContain(
      '(+0 vs baseline)',
    );
    const lower = { ...experiment, kpiDirection: 'decrease' as const, kpiTarget: 1 };
    expect(surveyAnsweredMessage(t, lower, { ...survey, kpiValue: 1 }).text).toContain('(+1 vs baseline)');
  });

  it('leaves out what was not answered, and the change button once the checkpoint is missed', () => {
    const partial = {
      ...survey,
      practice: null,
      kpiValue: null,
      confidence: null,
      status: 'missed' as const,
    };
    expect(surveyAnsweredMessage(t, experiment, partial)).toEqual({
      text: 'Day 30 checkpoint saved: practice 0/5. Thank you!',
      blocks: [{ type: 'text', text: 'Day 30 checkpoint saved: practice 0/5. Thank you!' }],
    });
  });

  it('keeps the nudge and adds what was answered', () => {
    expect(nudgeAnsweredMessage(t, 'Try it', 'did')).toEqual({
      text: 'Try it\nNice work — logged as done.',
      blocks: [
        { type: 'text', text: 'Try it' },
        { type: 'context', text: 'Nice work — logged as done.' },
      ],
    });
    expect(nudgeAnsweredMessage(t, 'Try it', 'skip').blocks[1]).toEqual({
      type: 'context',
      text: t('nudge.answeredSkip'),
    });
    const clock = new ManualClock('2026-03-10T12:00:00Z');
    clock.advance(7 * DAY);
    expect(nudgeAnsweredMessage(t, 'Try it', 'snooze', clock.now()).blocks[1]).toEqual({
      type: 'context',
      text: "Snoozed until Tue 17 Mar. I'll be quiet until then.",
    });
    expect(nudgeAnsweredMessage(t, 'Try it', 'snooze').text).toBe(
      "Try it\nSnoozed until Thu 1 Jan. I'll be quiet until then.",
    );
  });
});
