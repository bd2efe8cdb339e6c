import { z } from 'zod';
import type { Translator } from './catalog/index.js';
import { HOUR, MINUTE } from './clock.js';
import { type Block, instantToken, type Message, textMessage } from './messages.js';
import { isQuiet, localDateTime, type QuietHours } from './time.js';

/**
 * Matching as a starting point for curators: hard constraints decide who may meet whom, a fit score from
 * weighted signals ranks the rest, and one optimal assignment over mentor slots is proposed. Every proposal
 * carries its reasons with points; every mentee left out carries the constraint that stopped it. Nothing here
 * pairs anyone: curators decide.
 */

export const matchingSettingsSchema = z
  .object({
    /** Hours a day both people are outside their quiet hours, at least. */
    minOverlapHours: z.number().min(0).max(24).default(2),
    /** Pairs must share a language from the roster's `languages` (people without any are not held back). */
    sameLanguage: z.boolean().default(false),
    /** `cross`: a mentor from another department scores; `same`: from the same one; `any`: no points. */
    department: z.enum(['cross', 'same', 'any']).default('cross'),
    /** Levels from junior to senior; without it, the number in a level ("L3", "Band 4") orders them. */
    levels: z.array(z.string().trim().min(1).max(40)).default([]),
    /** How many levels above the mentee the best mentor is. */
    levelGap: z.number().int().min(0).max(10).default(1),
    weights: z
      .object({
        topics: z.number().int().min(0).max(100).default(40),
        department: z.number().int().min(0).max(100).default(20),
        level: z.number().int().min(0).max(100).default(20),
        timezone: z.number().int().min(0).max(100).default(20),
      })
      .prefault({}),
  })
  .prefault({});

export type MatchingSettings = z.output<typeof matchingSettingsSchema>;

/** One person as the matcher sees them. `key` names them in `managers` and in the "not with" lists. */
export interface MatchPerson {
  id: string;
  /** The reporting-line key (the roster email). */
  key: string;
  name: string;
  timezone: string;
  quietHours: QuietHours;
  topics: readonly string[];
  department: string | null;
  level: string | null;
  languages: readonly string[];
}

export interface MatchMentor extends MatchPerson {
  /** Mentee slots still free (capacity minus active pairs). */
  slots: number;
}

export interface MatchInput {
  /** The day the working hours are compared on (DST-safe: each zone's own offsets on that day). */
  now: number;
  mentees: readonly MatchPerson[];
  mentors: readonly MatchMentor[];
  /** Each person's manager by key, as far as the roster shows it. */
  managers: ReadonlyMap<string, string>;
  /** Pairs someone marked "not with" (either person's list), by participant id, in any order. */
  notWith: readonly (readonly [string, string])[];
  /** Pairs that existed before and were closed (mentor id, mentee id). */
  closedPairs: readonly (readonly [string, string])[];
}

export const MATCH_CONSTRAINTS = [
  'no_mentors',
  'capacity',
  'reporting_line',
  'not_with',
  'closed_before',
  'overlap',
  'language',
] as const;
export type MatchConstraint = (typeof MATCH_CONSTRAINTS)[number];

export interface FitReason {
  signal: 'topics' | 'department' | 'level' | 'timezone';
  points: number;
  facts: {
    shared?: string[];
    wanted?: number;
    menteeDepartment?: string;
    mentorDepartment?: string;
    gap?: number;
    hours?: number;
  };
}

export interface Candidate {
  mentorId: string;
  fit: number;
  reasons: FitReason[];
}

export interface MatchProposal extends Candidate {
  menteeId: string;
  /** The next best mentors who pass every hard constraint and have a slot, best first (at most 3). */
  alternatives: Candidate[];
}

export interface UnmatchedMentee {
  menteeId: string;
  /** The constraint that stopped this mentee: the one that excluded the most mentors (capacity when all who fit are taken). */
  constraint: MatchConstraint;
  /** Each constraint that excluded a mentor, with how many mentors it excluded. */
  blockers: { constraint: MatchConstraint; mentors: number }[];
}

export interface MatchResult {
  proposals: MatchProposal[];
  unmatched: UnmatchedMentee[];
  totalFit: number;
}

// Stryker disable next-line EqualityOperator: equivalent; any fixed order of the two ids makes the key symmetric
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
const norm = (s: string) => s.trim().toLowerCase();

/** Everyone above a person in the reporting line, nearest first (a loop in the data ends the walk). */
export function reportingLine(key: string, managers: ReadonlyMap<string, string>): string[] {
  const line: string[] = [];
  const seen = new Set([key]);
  for (let boss = managers.get(key); boss !== undefined && !seen.has(boss); boss = managers.get(boss)) {
    line.push(boss);
    seen.add(boss);
  }
  return line;
}

const STEP = 15 * MINUTE;
const STEPS = (24 * HOUR) / STEP;

/** Which quarter hours of the UTC day of `now` a person is outside quiet hours. */
function awakeMask(person: Pick<MatchPerson, 'timezone' | 'quietHours'>, now: number): boolean[] {
  const day = now - (now % (24 * HOUR));
  return Array.from(
    { length: STEPS },
    (_, i) => !isQuiet(localDateTime(day + i * STEP, person.timezone), person.quietHours),
  );
}

/** Hours a day both people are outside their quiet hours, on the day of `now`, to the quarter hour. */
export function workingOverlapHours(
  a: Pick<MatchPerson, 'timezone' | 'quietHours'>,
  b: Pick<MatchPerson, 'timezone' | 'quietHours'>,
  now: number,
): number {
  return overlapOfMasks(awakeMask(a, now), awakeMask(b, now));
}

function overlapOfMasks(a: readonly boolean[], b: readonly boolean[]): number {
  let both = 0;
  // Stryker disable next-line EqualityOperator: equivalent; a[STEPS] is undefined, so one step more counts nothing
  for (let i = 0; i < STEPS; i += 1) if (a[i] && b[i]) both += 1;
  return both / 4;
}

/** A level's rank: its place in the program's list, else the first number in it; null when neither. */
export function levelRank(level: string | null, levels: readonly string[]): number | null {
  if (!level) return null;
  const listed = levels.findIndex((l) => norm(l) === norm(level));
  if (listed >= 0) return listed;
  const number = /\d+/.exec(level);
  return number ? Number(number[0]) : null;
}

interface PairCheck {
  blocked: MatchConstraint[];
  fit: number;
  reasons: FitReason[];
}

/** The hard constraints and the fit of one mentee with one mentor. */
export function checkPair(
  mentee: MatchPerson,
  mentor: MatchPerson,
  context: {
    settings: MatchingSettings;
    managers: ReadonlyMap<string, string>;
    notWith: ReadonlySet<string>;
    closed: ReadonlySet<string>;
    overlapHours: number;
    /** Hours a day the mentee is outside quiet hours: the overlap that earns every time-zone point. */
    menteeHours: number;
  },
): PairCheck {
  const { settings } = context;
  const blocked: MatchConstraint[] = [];
  if (
    mentee.key === mentor.key ||
    reportingLine(mentee.key, context.managers).includes(mentor.key) ||
    reportingLine(mentor.key, context.managers).includes(mentee.key)
  )
    blocked.push('reporting_line');
  if (context.notWith.has(pairKey(mentee.id, mentor.id))) blocked.push('not_with');
  if (context.closed.has(`${mentor.id}\u0000${mentee.id}`)) blocked.push('closed_before');
  if (context.overlapHours < settings.minOverlapHours) blocked.push('overlap');
  if (settings.sameLanguage && mentee.languages.length > 0 && mentor.languages.length > 0) {
    const theirs = new Set(mentor.languages.map(norm));
    if (!mentee.languages.some((l) => theirs.has(norm(l)))) blocked.push('language');
  }

  const w = settings.weights;
  const reasons: FitReason[] = [];
  if (w.topics > 0) {
    const offered = new Set(mentor.topics.map(norm));
    const wanted = [...new Set(mentee.topics.map(norm))];
    const shared = wanted.filter((t) => offered.has(t));
    if (shared.length > 0)
      reasons.push({
        signal: 'topics',
        points: Math.round((w.topics * shared.length) / wanted.length),
        facts: { shared, wanted: wanted.length },
      });
  }
  if (settings.department !== 'any' && w.department > 0 && mentee.department && mentor.department) {
    const same = norm(mentee.department) === norm(mentor.department);
    if (same === (settings.department === 'same'))
      reasons.push({
        signal: 'department',
        points: w.department,
        facts: { menteeDepartment: mentee.department, mentorDepartment: mentor.department },
      });
  }
  const menteeRank = levelRank(mentee.level, settings.levels);
  const mentorRank = levelRank(mentor.level, settings.levels);
  if (menteeRank !== null && mentorRank !== null) {
    const gap = mentorRank - menteeRank;
    const off = Math.abs(gap - settings.levelGap);
    // Full points at the program's gap, half one level off, none further away (or below the mentee).
    const points = gap < 0 ? 0 : off === 0 ? w.level : off === 1 ? Math.round(w.level / 2) : 0;
    if (points > 0) reasons.push({ signal: 'level', points, facts: { gap } });
  }
  // A full working day in common earns every point; less, its share of the mentee's own day.
  const day = Math.max(1, context.menteeHours);
  const points = Math.round(w.timezone * Math.min(1, context.overlapHours / day));
  if (points > 0) reasons.push({ signal: 'timezone', points, facts: { hours: context.overlapHours } });
  return { blocked, fit: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/**
 * The assignment of rows to columns with the least total cost (Kuhn–Munkres with potentials, O(n²·m)); needs
 * rows ≤ columns. Returns the column of each row.
 */
export function minCostAssignment(
  rows: number,
  columns: number,
  cost: Float64Array | ((row: number, column: number) => number),
): number[] {
  if (rows > columns) throw new Error('an assignment needs at least as many columns as rows');
  const matrix =
    typeof cost === 'function'
      ? Float64Array.from({ length: rows * columns }, (_, k) => cost(Math.floor(k / columns), k % columns))
      : cost;
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const owner = new Int32Array(columns + 1); // 1-based row holding each column, 0: free
  const way = new Int32Array(columns + 1);
  const minv = new Float64Array(columns + 1);
  const used = new Uint8Array(columns + 1);
  for (let i = 1; i <= rows; i += 1) {
    owner[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = owner[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= columns; j += 1) {
        if (used[j]) continue;
        const reduced = matrix[(i0 - 1) * columns + j - 1]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= columns; j += 1) {
        if (used[j]) {
          u[owner[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0]!;
      owner[j0] = owner[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  // Stryker disable next-line ArrayDeclaration,UnaryOperator: equivalent; rows ≤ columns, so every row gets a column below
  const assigned = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= columns; j += 1) if (owner[j]! > 0) assigned[owner[j]! - 1] = j - 1;
  return assigned;
}

/** Every mentee with every mentor: hard constraints and fit. */
export function scoreCandidates(
  input: MatchInput,
  settings: MatchingSettings,
): { mentee: MatchPerson; checks: PairCheck[] }[] {
  const notWith = new Set(input.notWith.map(([a, b]) => pairKey(a, b)));
  const closed = new Set(input.closedPairs.map(([mentor, mentee]) => `${mentor}\u0000${mentee}`));
  const masks = new Map<string, boolean[]>();
  const maskOf = (p: MatchPerson) => {
    const id = `${p.timezone}|${p.quietHours.start}|${p.quietHours.end}`;
    let mask = masks.get(id);
    if (!mask) {
      mask = awakeMask(p, input.now);
      masks.set(id, mask);
    }
    return mask;
  };
  return input.mentees.map((mentee) => {
    const own = maskOf(mentee);
    const menteeHours = own.filter(Boolean).length / 4;
    return {
      mentee,
      checks: input.mentors.map((mentor) =>
        checkPair(mentee, mentor, {
          settings,
          managers: input.managers,
          notWith,
          closed,
          overlapHours: overlapOfMasks(own, maskOf(mentor)),
          menteeHours,
        }),
      ),
    };
  });
}

const byFit = (a: Candidate & { name: string }, b: Candidate & { name: string }) =>
  b.fit - a.fit || a.name.localeCompare(b.name) || a.mentorId.localeCompare(b.mentorId);

/**
 * Proposes mentors for mentees: as many mentees matched as the constraints allow, and among those assignments
 * the one with the highest total fit (an optimal assignment over mentor slots, not a greedy pass). Inputs are
 * put in a fixed order first, so the same roster always gets the same proposals.
 */
export function proposeMatches(input: MatchInput, settings: MatchingSettings): MatchResult {
  const order = <T extends MatchPerson>(people: readonly T[]) =>
    [...people].sort((a, b) => a.key.localeCompare(b.key) || a.id.localeCompare(b.id));
  const mentees = order(input.mentees);
  const mentors = order(input.mentors);
  const scored = scoreCandidates({ ...input, mentees, mentors }, settings);
  const slots: number[] = [];
  for (const [index, mentor] of mentors.entries())
    for (let s = 0; s < Math.min(mentor.slots, mentees.length); s += 1) slots.push(index);
  // Matching one more mentee always beats any gain in fit: each match is worth more than all fit together.
  const best = scored.reduce((sum, { checks }) => sum + Math.max(0, ...checks.map((c) => c.fit)), 0);
  const match = best + 1;
  const columns = slots.length + mentees.length;
  const cost = new Float64Array(mentees.length * columns); // the columns after the slots: nobody, at cost 0
  for (const [row, { checks }] of scored.entries())
    for (const [column, mentor] of slots.entries()) {
      const check = checks[mentor]!;
      cost[row * columns + column] = check.blocked.length > 0 ? 1 : -(match + check.fit);
    }
  const assigned = minCostAssignment(mentees.length, columns, cost);

  const proposals: MatchProposal[] = [];
  const unmatched: UnmatchedMentee[] = [];
  for (const [row, { mentee, checks }] of scored.entries()) {
    // The columns after the slots are "nobody".
    const mentorIndex = slots[assigned[row]!] ?? -1;
    const feasible = checks
      .map((check, index) => ({ check, mentor: mentors[index]! }))
      .filter(({ check, mentor }) => check.blocked.length === 0 && mentor.slots > 0)
      .map(({ check, mentor }) => ({
        mentorId: mentor.id,
        name: mentor.name,
        fit: check.fit,
        reasons: check.reasons,
      }))
      .sort(byFit);
    if (mentorIndex >= 0 && checks[mentorIndex]!.blocked.length === 0) {
      const mentor = mentors[mentorIndex]!;
      const check = checks[mentorIndex]!;
      proposals.push({
        menteeId: mentee.id,
        mentorId: mentor.id,
        fit: check.fit,
        reasons: check.reasons,
        alternatives: feasible
          .filter((c) => c.mentorId !== mentor.id)
          .slice(0, 3)
          .map(({ name: _name, ...candidate }) => candidate),
      });
      continue;
    }
    unmatched.push(whyUnmatched(mentee.id, checks, mentors));
  }
  return { proposals, unmatched, totalFit: proposals.reduce((sum, p) => sum + p.fit, 0) };
}

function whyUnmatched(
  menteeId: string,
  checks: readonly PairCheck[],
  mentors: readonly MatchMentor[],
): UnmatchedMentee {
  if (mentors.length === 0)
    return { menteeId, constraint: 'no_mentors', blockers: [{ constraint: 'no_mentors', mentors: 0 }] };
  const counts = new Map<MatchConstraint, number>();
  for (const [index, check] of checks.entries()) {
    const reasons: MatchConstraint[] =
      mentors[index]!.slots > 0 ? check.blocked : [...check.blocked, 'capacity'];
    for (const constraint of reasons.length > 0 ? reasons : (['capacity'] as const))
      counts.set(constraint, (counts.get(constraint) ?? 0) + 1);
  }
  const blockers = MATCH_CONSTRAINTS.filter((c) => counts.has(c)).map((constraint) => ({
    constraint,
    mentors: counts.get(constraint)!,
  }));
  // A mentee every mentor could take, were they free, is stopped by capacity; otherwise by the most common rule.
  const open = checks.some((c) => c.blocked.length === 0);
  const constraint = open
    ? 'capacity'
    : [...blockers].sort(
        (a, b) =>
          b.mentors - a.mentors ||
          MATCH_CONSTRAINTS.indexOf(a.constraint) - MATCH_CONSTRAINTS.indexOf(b.constraint),
      )[0]!.constraint;
  return { menteeId, constraint, blockers };
}

/** A fit reason in the reader's words. */
export function fitReasonText(t: Translator, reason: FitReason): string {
  switch (reason.signal) {
    case 'topics':
      return t('match.reason.topics', {
        topics: (reason.facts.shared ?? []).join(', '),
        count: reason.facts.shared?.length ?? 0,
        wanted: reason.facts.wanted ?? 0,
        points: reason.points,
      });
    case 'department':
      return t('match.reason.department', {
        mentee: reason.facts.menteeDepartment ?? '',
        mentor: reason.facts.mentorDepartment ?? '',
        same:
          reason.facts.menteeDepartment?.toLowerCase() === reason.facts.mentorDepartment?.toLowerCase()
            ? 'yes'
            : 'no',
        points: reason.points,
      });
    case 'level':
      return t('match.reason.level', { gap: reason.facts.gap ?? 0, points: reason.points });
    case 'timezone':
      return t('match.reason.timezone', { hours: reason.facts.hours ?? 0, points: reason.points });
  }
}

/** Why a mentee could not be matched, in the reader's words. */
export function unmatchedText(t: Translator, unmatched: UnmatchedMentee): string {
  return t('match.unmatched', {
    constraint: unmatched.constraint,
    detail: unmatched.blockers
      .map((b) => t('match.blocker', { constraint: b.constraint, mentors: b.mentors }))
      .join('; '),
  });
}

// ---- the curators' review -----------------------------------------------------------------------------

export const PROPOSAL_STATUSES = ['open', 'approved', 'changed', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A proposal as stored for the curators' review: the engine's proposal, then what a curator decided. */
export interface StoredProposal {
  id: string;
  reviewId: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  fit: number;
  reasons: FitReason[];
  alternatives: Candidate[];
  status: ProposalStatus;
  chosenMentorId: string | null;
  pairId: string | null;
  decidedBy: string | null;
  /** How the platform named the deciding curator, for one the bot has no name of. */
  decidedByName: string | null;
  decidedAt: number | null;
  createdAt: number;
}

/** At most this many proposals go in one review message (platform message size limits). */
export const PROPOSALS_PER_REVIEW = 12;

/** One proposal of a review as curators read it: names resolved, and who decided, if anyone. */
export interface ReviewItem {
  proposal: StoredProposal;
  mentee: string;
  mentor: string;
  /** Alternatives' names by mentor id. */
  names: Readonly<Record<string, string>>;
  curator: string | null;
}

function candidateText(t: Translator, name: string, candidate: Candidate): string {
  return [
    t('match.review.candidate', { mentor: name, fit: candidate.fit }),
    ...candidate.reasons.map((r) => t('match.review.reasonLine', { reason: fitReasonText(t, r) })),
  ].join('\n');
}

/**
 * The curators' review: per proposal the pair, its fit and reasons, and Approve / Choose another / Reject while
 * it is open; the proposal whose alternatives were asked for shows them, each with its reasons and a button.
 */
export function matchReviewMessage(
  t: Translator,
  programTitle: string,
  items: readonly ReviewItem[],
  expanded: string | null = null,
): Message {
  const open = items.filter((i) => i.proposal.status === 'open').length;
  const blocks: Block[] = [];
  for (const item of items) {
    const p = item.proposal;
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'text',
      text: [
        t('match.review.proposal', { mentee: item.mentee, mentor: item.mentor, fit: p.fit }),
        ...p.reasons.map((r) => t('match.review.reasonLine', { reason: fitReasonText(t, r) })),
      ].join('\n'),
    });
    if (p.status !== 'open') {
      blocks.push({
        type: 'context',
        text: t('match.review.decided', {
          status: p.status,
          curator: item.curator ?? t('alert.anotherCurator'),
          mentor: p.chosenMentorId ? (item.names[p.chosenMentorId] ?? '') : item.mentor,
          at: instantToken(p.decidedAt ?? p.createdAt),
        }),
      });
      continue;
    }
    if (expanded === p.id) {
      if (p.alternatives.length === 0)
        blocks.push({ type: 'context', text: t('match.review.noAlternatives') });
      for (const alternative of p.alternatives) {
        const name = item.names[alternative.mentorId] ?? t('pair.mentor');
        blocks.push({ type: 'text', text: candidateText(t, name, alternative) });
        blocks.push({
          type: 'actions',
          actions: [
            {
              action: 'match.pick',
              ref: p.id,
              value: alternative.mentorId,
              label: t('match.review.pick', { mentor: name }),
            },
          ],
        });
      }
    }
    blocks.push({
      type: 'actions',
      actions: [
        { action: 'match.approve', ref: p.id, label: t('match.review.approve'), style: 'primary' },
        ...(expanded === p.id
          ? [{ action: 'match.back' as const, ref: p.id, label: t('common.back') }]
          : [{ action: 'match.another' as const, ref: p.id, label: t('match.review.another') }]),
        { action: 'match.reject', ref: p.id, label: t('match.review.reject'), style: 'danger' },
      ],
    });
  }
  return textMessage(t('match.review.title', { program: programTitle, count: items.length, open }), blocks);
}
