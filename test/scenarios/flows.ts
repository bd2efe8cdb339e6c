/**
 * Steps the scenarios share, written once against the chat driver: nothing here knows a platform.
 */
import { afterEach, expect } from 'vitest';
import type { Participant } from '../../src/core/participant.js';
import type {
  ChatDriver,
  ChatPerson,
  ChatSession,
  ChatSetup,
  OpenForm,
  Outcome,
} from '../support/drivers/chat-driver.js';

/** A valid behavior experiment, as typed into the form. */
export const EXPERIMENT = {
  behavior: 'Ask before I tell in 1:1s',
  hypothesis: 'My team brings more of their own solutions',
  kpiName: 'Ideas raised per week',
  kpiUnit: 'ideas',
  kpiBaseline: '3',
  kpiTarget: '8',
  kpiDirection: 'increase',
  startDate: '2026-03-02',
  lengthWeeks: '13',
} as const;

/** A valid charter, page by page, with both milestones due within days of 2 March 2026. */
export const CHARTER_PAGES = [
  {
    goals: 'Lead my first cross-team project without burning out',
    kpi1Name: 'Stakeholder alignment score',
    kpi1Baseline: '4',
    kpi1Target: '8',
    kpi2Name: 'Hours of focus time per week',
    kpi2Baseline: '5',
    kpi2Target: '10',
  },
  {
    milestone1: 'Kick-off held with all three teams',
    milestone1Due: '2026-03-06',
    milestone2: 'First release shipped',
    milestone2Due: '2026-03-13',
    cadence: 'biweekly',
  },
  {
    confidentiality: 'agree',
    mentorWill: 'Review my plan and introduce me to peers',
    mentorWillNot: 'Rate my performance',
  },
] as const;

/** The form shows an error on exactly these fields, each saying what the pattern says. */
export function expectFieldErrors(form: OpenForm | null, expected: Record<string, RegExp>): void {
  expect(form, 'the form is still open').not.toBeNull();
  expect(Object.keys(form?.errors ?? {}).sort()).toEqual(Object.keys(expected).sort());
  for (const [field, pattern] of Object.entries(expected))
    expect(form?.errors[field], field).toMatch(pattern);
}

/** A session per test, closed after it. */
export function chatSessions(driver: ChatDriver): (setup: ChatSetup) => Promise<ChatSession> {
  const open: ChatSession[] = [];
  afterEach(async () => {
    for (const session of open.splice(0)) await session.close();
  });
  return async (setup) => {
    const session = await driver.start(setup);
    open.push(session);
    return session;
  };
}

/** Opens the bot and accepts the consent request. */
export async function enroll(chat: ChatSession, ...people: ChatPerson[]): Promise<void> {
  for (const person of people) {
    await chat.open(person);
    await chat.click(person, 'Accept');
  }
}

/** Opens the experiment form with the start command and submits it (valid unless told otherwise). */
export async function startExperiment(
  chat: ChatSession,
  person: ChatPerson,
  values: Partial<Record<keyof typeof EXPERIMENT, string>> = {},
): Promise<Outcome> {
  await chat.command(person, 'start');
  return chat.submitForm(person, { ...EXPERIMENT, ...values });
}

export async function participantOf(chat: ChatSession, person: ChatPerson): Promise<Participant> {
  const found = await chat.app.store.participants.findByIdentity(person.identity);
  if (!found) throw new Error(`${person.name} is not enrolled`);
  return found;
}

export async function experimentOf(chat: ChatSession, person: ChatPerson) {
  const experiment = await chat.app.store.experiments.current((await participantOf(chat, person)).id);
  if (!experiment) throw new Error(`${person.name} has no experiment`);
  return experiment;
}

/** A mentor and a mentee paired the way a roster pairs them. */
export async function pairUp(chat: ChatSession, mentor: ChatPerson, mentee: ChatPerson) {
  const pair = await chat.app.mentoring.createPair('roster', mentor.identity, mentee.identity);
  await chat.settle();
  return pair;
}

/** The mentee's whole charter, entered page by page (the form itself is a scenario of its own). */
export async function draftCharter(chat: ChatSession, mentee: ChatPerson, pairId: string): Promise<void> {
  for (const [page, values] of CHARTER_PAGES.entries()) {
    const step = await chat.app.mentoring.saveCharterPage(mentee.identity, pairId, page, { ...values });
    if (!step.ok) throw new Error(`charter page ${page + 1}: ${JSON.stringify(step.errors)}`);
  }
  await chat.settle();
}

/**
 * Everything stored that a click could change, read through the store: each program's report rows (people,
 * experiments, surveys, nudge answers, pairs, milestones, alerts), charters, the consent ledger and the audit
 * log. Interaction times are left out: touching the bot is not an answer.
 */
export async function storedState(chat: ChatSession, people: ChatPerson[]): Promise<string> {
  const store = chat.app.store;
  const programs = await store.programs.list();
  const datasets = await Promise.all(programs.map((p) => store.reports.dataset(p.id)));
  const perPerson = await Promise.all(
    people.map(async (person) => {
      const p = await store.participants.findByIdentity(person.identity);
      if (!p) return null;
      const experiment = await store.experiments.current(p.id);
      const pairs = await store.mentoring.activePairsOf(p.id);
      return {
        consent: p.consent,
        pausedUntil: p.pausedUntil,
        ledger: await store.privacy.consentHistory(p.id),
        surveys: experiment ? await store.surveys.forExperiment(experiment.id) : [],
        experiment: experiment ? { ...experiment, updatedAt: 0 } : null,
        charters: await Promise.all(pairs.map((pair) => store.mentoring.charterVersions(pair.id))),
        milestones: await Promise.all(pairs.map((pair) => store.mentoring.milestones(pair.id))),
      };
    }),
  );
  return JSON.stringify({ datasets, perPerson, audit: await store.audit.since(0) });
}

/** Ledger decisions of one person, oldest first. */
export async function consentLedger(chat: ChatSession, person: ChatPerson): Promise<string[]> {
  const p = await participantOf(chat, person);
  return (await chat.app.store.privacy.consentHistory(p.id)).map((e) => e.decision);
}

export async function auditActions(chat: ChatSession, prefix: string): Promise<string[]> {
  return (await chat.app.store.audit.since(0)).map((e) => e.action).filter((a) => a.startsWith(prefix));
}
