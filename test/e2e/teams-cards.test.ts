import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formView } from '../../src/app/conversation/forms.js';
import { SendError } from '../../src/app/ports.js';
import {
  parseCardData,
  renderFormCard,
  renderMessageCard,
  teamsMarkdown,
} from '../../src/channels/teams/render.js';
import {
  ConversationPacer,
  classifyTeamsError,
  messageActivity,
  TEAMS_CONVERSATION_WINDOWS,
} from '../../src/channels/teams/sender.js';
import { ConnectorHttpError, ConnectorNetworkError } from '../../src/channels/teams/transport.js';
import { english } from '../../src/core/catalog/index.js';
import { CHARTER_PAGES, charterPageForm } from '../../src/core/charter.js';
import {
  checkinForm,
  checkpointReminderMessage,
  checkpointSurveyMessage,
  consentRequestMessage,
  experimentForm,
  nudgeAnsweredMessage,
  nudgeMessage,
  surveyAnsweredMessage,
  surveyDetailsForm,
} from '../../src/core/coaching.js';
import type { Experiment } from '../../src/core/experiment.js';
import {
  type CharterVersion,
  CURATOR_FORMS,
  type CuratorAlert,
  changeRequestForm,
  changesRequestedMessage,
  charterReviewMessage,
  curatorAlertHandledMessage,
  curatorAlertMessage,
  type Milestone,
  milestoneConfirmedMessage,
  milestoneNoteForm,
  milestoneReminderMessage,
  type Pair,
  pairIntroMessage,
  pairNudgeMessage,
} from '../../src/core/mentoring.js';
import type { Message } from '../../src/core/messages.js';
import { parseProgramSettings } from '../../src/core/program.js';
import { validateAdaptiveCard } from '../support/adaptive-cards.js';
import { FakeTimer } from '../support/foundation.js';
import { startTeamsHarness, type TeamsHarness } from '../support/teams-harness.js';

const experiment: Experiment = {
  id: 'exp_1',
  participantId: 'ppl_1',
  behavior: 'Ask before I tell',
  hypothesis: 'More ideas from the team',
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
} as Experiment;
const pair: Pair = {
  id: 'pair_1',
  programId: 'p',
  mentorId: 'm',
  menteeId: 'e',
  status: 'active',
  createdBy: 'roster',
  createdAt: 0,
  introSentAt: 0,
  closedAt: null,
  closeReason: null,
  replacesPairId: null,
  nudgedAt: null,
};
const charter: CharterVersion = {
  pairId: 'pair_1',
  version: 2,
  status: 'submitted',
  submittedAt: 0,
  mentorConfirmedAt: null,
  comment: null,
  charter: {
    goals: 'Lead a cross-team project well',
    kpi1Name: 'Alignment',
    kpi1Baseline: 4,
    kpi1Target: 8,
    kpi2Name: 'Focus hours',
    kpi2Baseline: 5,
    kpi2Target: 10,
    milestone1: 'Kick-off held',
    milestone1Due: '2026-05-31',
    milestone2: 'Release shipped',
    milestone2Due: '2026-08-29',
    cadence: 'biweekly',
    confidentiality: 'agree',
    mentorWill: 'Review my plan',
    mentorWillNot: 'Rate my performance',
  },
};
const milestone: Milestone = {
  id: 'mst_1',
  pairId: 'pair_1',
  charterVersion: 2,
  position: 0,
  description: 'Kick-off held',
  dueDate: '2026-05-31',
  dueAt: 0,
  status: 'pending',
  confirmedAt: null,
  confirmedBy: null,
  note: null,
};
const alert: CuratorAlert = {
  id: 'alr_1',
  pairId: 'pair_1',
  status: 'open',
  score: 50,
  reasons: [{ signal: 'charter_unfinished', points: 30, text: 'charter not finished 20 days after pairing' }],
  createdAt: 0,
  snoozedUntil: null,
  action: null,
  handledBy: null,
  handledAt: null,
};

const MESSAGES: Record<string, Message> = {
  consent: consentRequestMessage(english, 'ppl_1', parseProgramSettings({ name: 'pilot', title: 'Pilot' })),
  nudge: nudgeMessage(english, experiment, 'Try *{behavior}* today', '2026-03-03'),
  nudgeAnswered: nudgeAnsweredMessage(english, 'Ask before I tell', 'snooze', Date.UTC(2026, 2, 10)),
  checkpoint: checkpointSurveyMessage(english, experiment, { id: 'svy_1', checkpointDay: 30 }),
  reminder: checkpointReminderMessage(english, experiment, { id: 'svy_1', checkpointDay: 30 }),
  surveyAnswered: surveyAnsweredMessage(english, experiment, {
    id: 'svy_1',
    experimentId: 'exp_1',
    participantId: 'ppl_1',
    checkpointDay: 30,
    status: 'answered',
    sentAt: 0,
    remindedAt: null,
    practice: 4,
    kpiValue: 4,
    confidence: 5,
    note: null,
    answeredAt: 0,
  }),
  introMentee: pairIntroMessage(english, pair, 'mentee', 'Mo'),
  introMentor: pairIntroMessage(english, pair, 'mentor', 'Mia'),
  review: charterReviewMessage(english, pair, charter, 'Mia'),
  changes: changesRequestedMessage(english, pair, 'Mo', 'Please add a date'),
  milestoneReminder: milestoneReminderMessage(english, milestone, 'Mia'),
  milestoneConfirmed: milestoneConfirmedMessage(english, { ...milestone, status: 'partly' }),
  pairNudge: pairNudgeMessage(english, 'Mo'),
  curatorAlert: curatorAlertMessage(english, alert, 'Mo', 'Mia', 60),
  curatorHandled: curatorAlertHandledMessage(
    english,
    { ...alert, status: 'handled', action: 'close', handledAt: Date.UTC(2026, 2, 6, 10) },
    'Mo',
    'Mia',
    'Cora',
    'The pair is closed.',
  ),
};

const FORMS = {
  experiment: experimentForm,
  survey: surveyDetailsForm,
  checkin: checkinForm,
  changes: changeRequestForm,
  note: milestoneNoteForm,
  ...Object.fromEntries(CHARTER_PAGES.map((_, page) => [`charter-${page + 1}`, charterPageForm(page)])),
  ...Object.fromEntries(Object.entries(CURATOR_FORMS).map(([action, form]) => [`alert-${action}`, form])),
};

describe('Teams cards are Adaptive Cards 1.5 that Teams renders', () => {
  it.each(Object.entries(MESSAGES))('message %s', (_name, message) => {
    const activity = messageActivity(message);
    const card = renderMessageCard(message);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(validateAdaptiveCard(card)).toEqual([]);
    // Messages with buttons or fields go out as cards; plain text ones as markdown text.
    const hasStructure = message.blocks.some((b) => b.type === 'actions' || b.type === 'fields');
    expect(Boolean(activity.attachments)).toBe(hasStructure);
    if (!hasStructure) expect(activity.text).toBeTruthy();
  });

  it.each(Object.entries(FORMS))('form %s, empty and with an error on every field', (_name, form) => {
    const people = [
      { value: 'aad-1', label: 'Nia' },
      { value: 'aad-2', label: 'Eve' },
    ];
    const empty = renderFormCard(
      formView(english, form, {
        state: { a: 'x', x: 'rematch' },
        back: { action: 'alert.back', ref: 'x', label: 'Back' },
      }),
      { people },
    );
    expect(validateAdaptiveCard(empty)).toEqual([]);
    const errors = Object.fromEntries(form.fields.map((f) => [f.id, () => `${english(f.label)} is wrong`]));
    const initial = Object.fromEntries(
      form.fields.map((f) => [
        f.id,
        f.options?.[0]?.value ?? (f.type === 'number' ? '3' : f.type === 'date' ? '2026-03-02' : 'x'),
      ]),
    );
    const failed = renderFormCard(
      formView(english, form, {
        state: { v: 1 },
        errors: { ...errors, form: () => 'Earlier page: fix it' },
        initial,
        intro: MESSAGES.review!.blocks,
      }),
      { people },
    );
    expect(validateAdaptiveCard(failed)).toEqual([]);
    const inputs = (failed.body as { type: string; id?: string }[]).filter((e) =>
      e.type.startsWith('Input.'),
    );
    expect(inputs.map((i) => i.id)).toEqual(form.fields.map((f) => f.id));
  });

  it('the validator is live: a 1.6 property, an empty choice set and a duplicate id are caught', () => {
    const card = renderFormCard(formView(english, experimentForm, { state: { v: 0 } }));
    const bad = structuredClone(card) as unknown as { body: Record<string, unknown>[] };
    bad.body.push({ type: 'Input.Text', id: 'behavior', label: 'again' });
    bad.body.push({
      type: 'Input.ChoiceSet',
      id: 'who',
      label: 'Who',
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    const problems = validateAdaptiveCard(bad).join('\n');
    expect(problems).toContain('DuplicateId');
    expect(problems).toContain('choices.data');
    expect(() => renderFormCard(formView(english, CURATOR_FORMS.rematch, { state: { a: 'x' } }))).toThrow(
      /no choices/,
    );
  });

  it('speaks Teams markdown: bold, commands as words', () => {
    expect(teamsMarkdown('Try *this* now')).toBe('Try **this** now');
    expect(teamsMarkdown('Type `/coach resume` or /coach snooze 7.')).toBe(
      'Type **resume** or **snooze 7**.',
    );
    expect(teamsMarkdown('a * b * c and 2*3')).toBe('a * b * c and 2*3');
  });

  it('parses card data strictly: known actions, bounded references, flat input values', () => {
    expect(parseCardData({ a: 'nudge.did', r: 'exp_1', v: '2026-03-03' })).toEqual({
      data: { a: 'nudge.did', r: 'exp_1', v: '2026-03-03' },
      inputs: {},
    });
    expect(
      parseCardData({
        a: 'submit',
        f: 'survey',
        s: '{"s":"svy_1"}',
        kpiValue: 5,
        note: 'x',
        confidence: '4',
      }),
    ).toEqual({
      data: { a: 'submit', f: 'survey', s: '{"s":"svy_1"}' },
      inputs: { kpiValue: '5', note: 'x', confidence: '4' },
    });
    expect(parseCardData({ a: 'submit', s: '{}' })).toBeNull();
    expect(parseCardData({ a: 'nudge.did' })).toBeNull();
    expect(parseCardData({ a: 'admin.grant', r: 'x' })).toBeNull();
    expect(parseCardData({ a: 'nudge.did', r: 'x'.repeat(201) })).toBeNull();
    expect(parseCardData({ a: 'nudge.did', r: 'x', evil: { nested: true } })).toBeNull();
    expect(parseCardData('nudge.did')).toBeNull();
  });
});

describe('Teams send failures in the dispatcher’s terms', () => {
  const http = (status: number, code?: string, retryAfterMs?: number) =>
    new ConnectorHttpError(status, code, retryAfterMs, `answered ${status}`);
  it.each([
    [http(403, 'MessageWritesBlocked'), 'unreachable', false],
    [http(403, 'BotNotInConversationRoster'), 'unreachable', false],
    [http(404, 'ConversationNotFound'), 'unreachable', false],
    [http(429, undefined, 3000), 'rate_limited', false],
    [http(412), 'transient', false],
    [http(502), 'transient', false],
    [http(503), 'transient', false],
    [http(504), 'transient', false],
    [http(500), 'transient', true],
    [http(400, 'BadArgument'), 'permanent', false],
    [http(401), 'permanent', false],
    [http(413, 'MessageSizeTooBig'), 'permanent', false],
    [new ConnectorNetworkError('timeout', true), 'transient', true],
    [new ConnectorNetworkError('refused', false), 'transient', false],
  ] as const)('%s → %s', (error, kind, unknown) => {
    const classified = classifyTeamsError(error, true);
    expect(classified).toBeInstanceOf(SendError);
    expect(classified.failure.kind).toBe(kind);
    expect(classified.outcomeUnknown).toBe(unknown);
  });

  it('429 keeps Retry-After; errors from before any request left are safe to retry', () => {
    expect(classifyTeamsError(http(429, undefined, 3000), true).failure).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 3000,
    });
    expect(classifyTeamsError(new Error('AADSTS7000215: invalid client secret'), false).outcomeUnknown).toBe(
      false,
    );
    expect(classifyTeamsError(new Error('odd answer'), true).outcomeUnknown).toBe(true);
  });

  it("paces one conversation under Teams' documented windows, each request counting until its answer", async () => {
    const timer = new FakeTimer();
    const pacer = new ConversationPacer(undefined, timer);
    const left: number[] = [];
    const answered: number[] = [];
    for (let i = 0; i < 100; i++) {
      await pacer.run('a:1', async () => {
        left.push(timer.now());
        timer.advance(20);
        answered.push(timer.now());
      });
    }
    // Teams counts a request when it arrives, anywhere from when it left to its answer: for no choice of arrivals
    // may a window hold more than its count, so the request `count` places later leaves a window after the answer.
    for (const window of TEAMS_CONVERSATION_WINDOWS) {
      for (let i = 0; i + window.count < left.length; i++)
        expect(left[i + window.count]! - answered[i]!).toBeGreaterThanOrEqual(window.ms);
    }
    // Close to the 39 s those windows allow for 100 requests answered at once, far from one every 350 ms.
    expect(left[99]).toBeGreaterThanOrEqual(39_000);
    expect(left[99]).toBeLessThan(40_500);
    // Another conversation does not wait.
    const before = timer.now();
    await pacer.run('a:2', async () => undefined);
    expect(timer.now()).toBe(before);
  });
});

describe('the harness checks every card the bot sends', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('reports a card that Teams would not render', async () => {
    expect(h.cardProblems()).toEqual([]);
    const res = await fetch(new URL('v3/conversations/a%3A1x/activities', h.sim.serviceUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: { type: 'AdaptiveCard', version: '1.6', body: [{ type: 'Carousel', pages: [] }] },
          },
        ],
      }),
    });
    expect(res.status).toBe(201);
    expect(h.cardProblems().join('\n')).toMatch(/1\.6.*Teams renders/);
  });
});
