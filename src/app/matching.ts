import type { Translator } from '../core/catalog/index.js';
import {
  type Candidate,
  fitReasonText,
  type MatchInput,
  type MatchMentor,
  type MatchPerson,
  type MatchResult,
  proposeMatches,
  scoreCandidates,
  unmatchedText,
} from '../core/matching.js';
import { availabilityOf, type Participant } from '../core/participant.js';
import type { ProgramSettings } from '../core/program.js';
import type { ProgramRecord, Store } from '../store/types.js';
import { parseRosterCsv, type RosterRow } from './roster.js';

/** Who a matcher id stands for, so proposals can name people. */
export interface MatchPeople {
  /** By the matcher's id: the participant id, or the email when read from a roster file. */
  byId: ReadonlyMap<string, { id: string; email: string | null; name: string }>;
}

export interface MatchPlan extends MatchPeople {
  source: 'roster' | 'store';
  input: MatchInput;
  result: MatchResult;
}

const listOf = (value: string | undefined) =>
  value
    ? value
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
const capacityOf = (attributes: Readonly<Record<string, string>> | undefined) =>
  Number(attributes?.capacity ?? 1) || 1;

function matchPerson(
  id: string,
  key: string,
  name: string,
  who: { timezone: string; quietHours: { start: string; end: string } },
  attributes: Readonly<Record<string, string | undefined>>,
): MatchPerson {
  return {
    id,
    key,
    name,
    timezone: who.timezone,
    quietHours: who.quietHours,
    topics: listOf(attributes.topics),
    department: attributes.department ?? null,
    level: attributes.level ?? null,
    languages: listOf(attributes.languages),
  };
}

/**
 * The matcher's input from a roster file alone, before anyone has installed the app: mentees without a
 * `mentor_email`, mentors with their capacity less the mentees the file already gives them.
 */
export async function matchInputFromRoster(
  csv: string | AsyncIterable<string | Uint8Array>,
  settings: ProgramSettings,
  now: number,
): Promise<{ plan: Omit<MatchPlan, 'result'> | null; problems: string[] }> {
  const parsed = await parseRosterCsv(csv);
  if (parsed.problems.length > 0) return { plan: null, problems: parsed.problems };
  const byEmail = new Map<string, RosterRow[]>();
  for (const row of parsed.rows) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row]);
  const first = <K extends keyof RosterRow>(rows: RosterRow[], key: K) => rows.find((r) => r[key])?.[key];
  const managers = new Map<string, string>();
  const byId = new Map<string, { id: string; email: string; name: string }>();
  const mentees: MatchPerson[] = [];
  const mentors: MatchMentor[] = [];
  for (const [email, rows] of byEmail) {
    byId.set(email, { id: email, email, name: email });
    const manager = first(rows, 'manager_email');
    if (manager) managers.set(email, manager);
    const attributes = {
      topics: first(rows, 'topics'),
      department: first(rows, 'department'),
      level: first(rows, 'level'),
      languages: first(rows, 'languages'),
    };
    const who = { timezone: first(rows, 'timezone') ?? settings.timezone, quietHours: settings.quietHours };
    const person = matchPerson(email, email, email, who, attributes);
    if (rows.some((r) => r.role === 'mentee' && !r.mentor_email)) mentees.push(person);
    if (rows.some((r) => r.role === 'mentor')) {
      const taken = parsed.rows.filter((r) => r.mentor_email === email).length;
      mentors.push({
        ...person,
        slots: Math.max(0, capacityOf({ capacity: first(rows, 'capacity') ?? '1' }) - taken),
      });
    }
  }
  return {
    plan: {
      source: 'roster',
      byId,
      input: { now, mentees, mentors, managers, notWith: [], closedPairs: [] },
    },
    problems: [],
  };
}

const stillIn = (p: Participant) => p.consent !== 'declined' && p.consent !== 'opted_out';

/**
 * The matcher's input from the program's people: mentees without an active pair, mentors with their free
 * slots, every closed pair (never proposed again), and the reporting lines the roster gave.
 */
export async function matchInputFromStore(
  store: Store,
  program: ProgramRecord,
  now: number,
): Promise<Omit<MatchPlan, 'result'>> {
  const people = (await store.participants.inProgram(program.id)).filter(stillIn);
  const pairs = await store.mentoring.pairs(program.id);
  const idOf = new Map(people.map((p) => [`${p.platform}:${p.workspaceId}:${p.userId}`, p.id]));
  const notWith = (await store.matching.notWithInProgram(program.id)).flatMap(({ ownerId, other }) => {
    const otherId = idOf.get(`${other.platform}:${other.workspaceId}:${other.userId}`);
    return otherId ? [[ownerId, otherId] as const] : [];
  });
  const active = pairs.filter((p) => p.status === 'active');
  const managers = new Map<string, string>();
  const byId = new Map<string, { id: string; email: string | null; name: string }>();
  const mentees: MatchPerson[] = [];
  const mentors: MatchMentor[] = [];
  for (const p of people) {
    const key = p.email ?? p.id;
    const name = p.displayName ?? p.email ?? p.id;
    byId.set(p.id, { id: p.id, email: p.email, name });
    if (p.attributes?.manager_email) managers.set(key, p.attributes.manager_email);
    const person = matchPerson(p.id, key, name, availabilityOf(program.settings, p), {
      ...p.attributes,
    });
    if (p.roles.includes('mentee') && !active.some((a) => a.menteeId === p.id)) mentees.push(person);
    if (p.roles.includes('mentor')) {
      const taken = active.filter((a) => a.mentorId === p.id).length;
      mentors.push({ ...person, slots: Math.max(0, capacityOf(p.attributes) - taken) });
    }
  }
  return {
    source: 'store',
    byId,
    input: {
      now,
      mentees,
      mentors,
      managers,
      notWith,
      closedPairs: pairs.filter((p) => p.status === 'closed').map((p) => [p.mentorId, p.menteeId] as const),
    },
  };
}

export function planMatches(plan: Omit<MatchPlan, 'result'>, settings: ProgramSettings): MatchPlan {
  return { ...plan, result: proposeMatches(plan.input, settings.matching) };
}

const nameIn = (people: MatchPeople, id: string) => people.byId.get(id)?.name ?? id;

/** One candidate in words: the mentor, the fit, and each reason with its points. */
export function candidateLines(t: Translator, people: MatchPeople, candidate: Candidate): string[] {
  return [
    `${nameIn(people, candidate.mentorId)} (fit ${candidate.fit})`,
    ...candidate.reasons.map((r) => `  ${fitReasonText(t, r)}`),
  ];
}

/** The proposals as the command line prints them: figures first, then each proposal with its reasons. */
export function describeMatchPlan(t: Translator, plan: MatchPlan, program: string): string {
  const { result } = plan;
  const mentees = result.proposals.length + result.unmatched.length;
  const mean = result.proposals.length > 0 ? result.totalFit / result.proposals.length : 0;
  const lines = [
    `Matching proposals for ${program} (${plan.source === 'roster' ? 'from the roster file alone' : 'from the program’s people'}): nothing is paired until a curator approves.`,
    `${result.proposals.length} of ${mentees} mentees matched; total fit ${result.totalFit}, mean fit ${mean.toFixed(1)}; ${plan.input.mentors.length} mentors with ${plan.input.mentors.reduce((s, m) => s + m.slots, 0)} free slots`,
    '',
  ];
  for (const proposal of result.proposals) {
    lines.push(
      `${nameIn(plan, proposal.menteeId)} ← ${nameIn(plan, proposal.mentorId)}  fit ${proposal.fit}`,
    );
    for (const reason of proposal.reasons) lines.push(`    ${fitReasonText(t, reason)}`);
    if (proposal.reasons.length === 0) lines.push('    no fit signal: a pairing only the constraints allow');
    for (const [index, alternative] of proposal.alternatives.entries()) {
      const [head, ...rest] = candidateLines(t, plan, alternative);
      lines.push(`    alternative ${index + 1}: ${head}`, ...rest.map((r) => `      ${r.trim()}`));
    }
  }
  for (const unmatched of result.unmatched)
    lines.push(`${nameIn(plan, unmatched.menteeId)}: ${unmatchedText(t, unmatched)}`);
  return `${lines.join('\n')}\n`;
}

/** The proposals as JSON: people by email (or id) and name, with every reason and its points. */
export function matchPlanJson(plan: MatchPlan) {
  const who = (id: string) => {
    const p = plan.byId.get(id);
    return { id, email: p?.email ?? null, name: p?.name ?? id };
  };
  return {
    source: plan.source,
    totalFit: plan.result.totalFit,
    proposals: plan.result.proposals.map((p) => ({
      mentee: who(p.menteeId),
      mentor: who(p.mentorId),
      fit: p.fit,
      reasons: p.reasons,
      alternatives: p.alternatives.map((a) => ({ mentor: who(a.mentorId), fit: a.fit, reasons: a.reasons })),
    })),
    unmatched: plan.result.unmatched.map((u) => ({
      mentee: who(u.menteeId),
      constraint: u.constraint,
      blockers: u.blockers,
    })),
  };
}

/**
 * Re-match suggestions for a pair's mentee: the best mentors other than the current one who pass every hard
 * constraint and have a free slot, with their reasons (a starting point beside the curator's free choice).
 */
export async function rematchSuggestions(
  store: Store,
  program: ProgramRecord,
  pair: { mentorId: string; menteeId: string },
  now: number,
  count = 3,
): Promise<{ mentor: Participant; candidate: Candidate }[]> {
  const { input } = await matchInputFromStore(store, program, now);
  const mentee = await store.participants.get(pair.menteeId);
  if (!mentee) return [];
  const menteePerson = matchPerson(
    mentee.id,
    mentee.email ?? mentee.id,
    mentee.displayName ?? mentee.id,
    availabilityOf(program.settings, mentee),
    { ...mentee.attributes },
  );
  const mentors = input.mentors.filter(
    (m) => m.id !== pair.mentorId && m.id !== pair.menteeId && m.slots > 0,
  );
  const [scored] = scoreCandidates({ ...input, mentees: [menteePerson], mentors }, program.settings.matching);
  const ranked = (scored?.checks ?? [])
    .map((check, index) => ({ check, mentor: mentors[index]! }))
    .filter(({ check }) => check.blocked.length === 0)
    .sort((a, b) => b.check.fit - a.check.fit || a.mentor.key.localeCompare(b.mentor.key))
    .slice(0, count);
  const result = [];
  for (const { check, mentor } of ranked) {
    const person = await store.participants.get(mentor.id);
    if (person)
      result.push({
        mentor: person,
        candidate: { mentorId: mentor.id, fit: check.fit, reasons: check.reasons },
      });
  }
  return result;
}
