import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from './catalog/index.js';
import { ManualClock } from './clock.js';
import {
  fitReasonText,
  levelRank,
  type MatchInput,
  type MatchingSettings,
  type MatchMentor,
  type MatchPerson,
  matchingSettingsSchema,
  matchReviewMessage,
  minCostAssignment,
  PROPOSALS_PER_REVIEW,
  proposeMatches,
  reportingLine,
  scoreCandidates,
  unmatchedText,
  workingOverlapHours,
} from './matching.js';

const clock = new ManualClock(Date.UTC(2026, 5, 10, 9)); // a Wednesday in June
const settings = (overrides: Record<string, unknown> = {}): MatchingSettings =>
  matchingSettingsSchema.parse(overrides);
const quiet = { start: '19:00', end: '08:00' };

function person(key: string, extra: Partial<MatchPerson> = {}): MatchPerson {
  return {
    id: key,
    key,
    name: key,
    timezone: 'Europe/Berlin',
    quietHours: quiet,
    topics: [],
    department: null,
    level: null,
    languages: [],
    ...extra,
  };
}
const mentor = (key: string, extra: Partial<MatchMentor> = {}): MatchMentor => ({
  ...person(key),
  slots: 1,
  ...extra,
});
const input = (over: Partial<MatchInput>): MatchInput => ({
  now: clock.now(),
  mentees: [],
  mentors: [],
  managers: new Map(),
  notWith: [],
  closedPairs: [],
  ...over,
});
const pairs = (r: { proposals: { menteeId: string; mentorId: string }[] }) =>
  r.proposals.map((p) => `${p.menteeId}→${p.mentorId}`).sort();

describe('working hours in common', () => {
  it('counts the hours both are outside quiet hours, with each zone on its own offset that day', () => {
    const berlin = { timezone: 'Europe/Berlin', quietHours: quiet };
    const newYork = { timezone: 'America/New_York', quietHours: quiet };
    const tokyo = { timezone: 'Asia/Tokyo', quietHours: quiet };
    expect(workingOverlapHours(berlin, berlin, clock.now())).toBe(11);
    // Berlin 08–19 is 06–17 UTC; New York 08–19 in summer is 12–23 UTC: five hours.
    expect(workingOverlapHours(berlin, newYork, clock.now())).toBe(5);
    // Tokyo 08–19 is 23–10 UTC: Berlin's 06–10 UTC.
    expect(workingOverlapHours(berlin, tokyo, clock.now())).toBe(4);
  });

  it('follows daylight saving time: in the week the US has changed and Europe has not, the gap is an hour smaller', () => {
    const berlin = { timezone: 'Europe/Berlin', quietHours: quiet };
    const newYork = { timezone: 'America/New_York', quietHours: quiet };
    expect(workingOverlapHours(berlin, newYork, Date.UTC(2026, 2, 18, 12))).toBe(6);
    expect(workingOverlapHours(berlin, newYork, Date.UTC(2026, 0, 14, 12))).toBe(5);
  });
});

describe('hard constraints', () => {
  it('never pairs someone with their manager or anyone up their reporting line, either way round', () => {
    const managers = new Map([
      ['ana', 'bo'],
      ['bo', 'cy'],
      ['cy', 'ana'], // a loop in the data ends the walk
    ]);
    expect(reportingLine('ana', managers)).toEqual(['bo', 'cy']);
    const result = proposeMatches(
      input({
        mentees: [person('ana')],
        mentors: [mentor('bo'), mentor('cy')],
        managers: new Map([
          ['ana', 'bo'],
          ['bo', 'cy'],
        ]),
      }),
      settings(),
    );
    expect(result.proposals).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        menteeId: 'ana',
        constraint: 'reporting_line',
        blockers: [{ constraint: 'reporting_line', mentors: 2 }],
      },
    ]);
    // The mentee's own report is in their line too.
    const below = proposeMatches(
      input({ mentees: [person('bo')], mentors: [mentor('ana')], managers: new Map([['ana', 'bo']]) }),
      settings(),
    );
    expect(below.unmatched[0]?.constraint).toBe('reporting_line');
  });

  it('honours "not with" either way round, a pair closed before, the working-hours minimum and a shared language', () => {
    const mentees = [
      person('m1', { languages: ['de'] }),
      person('m2', { timezone: 'Pacific/Auckland', languages: ['en'] }),
    ];
    const mentors = [
      mentor('a', { languages: ['en'], slots: 2 }),
      mentor('b', { languages: ['de'], slots: 2 }),
    ];
    const base = proposeMatches(
      input({ mentees, mentors }),
      settings({ minOverlapHours: 0, sameLanguage: true }),
    );
    expect(pairs(base)).toEqual(['m1→b', 'm2→a']);

    const blocked = proposeMatches(
      input({ mentees, mentors, notWith: [['b', 'm1']], closedPairs: [['a', 'm2']] }),
      settings({ minOverlapHours: 0, sameLanguage: true }),
    );
    expect(blocked.proposals).toEqual([]);
    expect(blocked.unmatched.map((u) => [u.menteeId, u.constraint])).toEqual([
      ['m1', 'not_with'], // one mentor each: the earlier rule in the list names it
      ['m2', 'closed_before'],
    ]);
    expect(blocked.unmatched[0]?.blockers).toEqual([
      { constraint: 'not_with', mentors: 1 },
      { constraint: 'language', mentors: 1 },
    ]);

    // Auckland and Berlin share no working hours.
    const far = proposeMatches(input({ mentees: [mentees[1]!], mentors: [mentor('a')] }), settings());
    expect(far.unmatched[0]).toMatchObject({ constraint: 'overlap' });
    // Without the language rule a language does not stop anyone; people without languages are never held back.
    const open = proposeMatches(
      input({ mentees: [person('m3', { languages: ['fr'] })], mentors: [mentor('c')] }),
      settings({ sameLanguage: true }),
    );
    expect(pairs(open)).toEqual(['m3→c']);
  });

  it('fills no mentor beyond their slots, and says capacity stopped the mentee left over', () => {
    const result = proposeMatches(
      input({
        mentees: [person('m1'), person('m2'), person('m3')],
        mentors: [mentor('a', { slots: 2 }), mentor('b', { slots: 0 })],
      }),
      settings(),
    );
    expect(result.proposals).toHaveLength(2);
    expect(result.proposals.every((p) => p.mentorId === 'a')).toBe(true);
    expect(result.unmatched).toEqual([
      { menteeId: 'm3', constraint: 'capacity', blockers: [{ constraint: 'capacity', mentors: 2 }] },
    ]);
    expect(unmatchedText(english, result.unmatched[0]!)).toBe(
      'no match: every mentor who fits is taken (full: 2 mentors)',
    );
    expect(proposeMatches(input({ mentees: [person('m1')] }), settings()).unmatched[0]?.constraint).toBe(
      'no_mentors',
    );
  });
});

describe('fit and its reasons', () => {
  it('adds up topic overlap, another department, the level gap and hours in common, each with its points', () => {
    const mentee = person('m', {
      topics: ['Hiring', 'feedback', 'delegation', 'strategy'],
      department: 'Sales',
      level: 'L2',
      timezone: 'Europe/London',
    });
    const a = mentor('a', { topics: ['hiring', 'Feedback'], department: 'Finance', level: 'L3' });
    const [scored] = scoreCandidates(input({ mentees: [mentee], mentors: [a] }), settings());
    const check = scored!.checks[0]!;
    expect(check.blocked).toEqual([]);
    expect(check.reasons.map((r) => [r.signal, r.points])).toEqual([
      ['topics', 20],
      ['department', 20],
      ['level', 20],
      ['timezone', 18], // London 08–19 and Berlin 08–19: ten of the mentee's eleven hours
    ]);
    expect(check.fit).toBe(78);
    expect(check.reasons.map((r) => fitReasonText(english, r))).toEqual([
      'shares 2 of 4 topics: hiring, feedback (+20)',
      'another department: Finance, not Sales (+20)',
      'one level above (+20)',
      '10 working hours a day in common (+18)',
    ]);
  });

  it('reads weights and preferences from the program: same department, a listed level order, a wider gap', () => {
    const custom = settings({
      department: 'same',
      levels: ['Associate', 'Manager', 'Director', 'VP'],
      levelGap: 2,
      weights: { topics: 0, timezone: 0, department: 10, level: 30 },
    });
    const mentee = person('m', { department: 'Ops', level: 'Associate' });
    const [scored] = scoreCandidates(
      input({
        mentees: [mentee],
        mentors: [
          mentor('a', { department: 'ops', level: 'Director' }),
          mentor('b', { department: 'Sales', level: 'VP' }),
          mentor('c', { level: 'Associate' }),
        ],
      }),
      custom,
    );
    expect(scored!.checks.map((c) => c.reasons.map((r) => [r.signal, r.points]))).toEqual([
      [
        ['department', 10],
        ['level', 30],
      ],
      [['level', 15]],
      [],
    ]);
    expect(levelRank('Band 4', [])).toBe(4);
    expect(levelRank('senior', [])).toBeNull();
  });

  it('proposes the best total, not the greedy first choice, and offers alternatives with their reasons', () => {
    // Greedy by best single fit gives m1 the generalist and leaves m2 with nobody who shares a topic.
    const mentees = [person('m1', { topics: ['hiring'] }), person('m2', { topics: ['hiring', 'budget'] })];
    const mentors = [
      mentor('generalist', { topics: ['hiring', 'budget'] }),
      mentor('recruiter', { topics: ['hiring'] }),
    ];
    const result = proposeMatches(
      input({ mentees, mentors }),
      settings({ weights: { department: 0, level: 0, timezone: 0 } }),
    );
    expect(pairs(result)).toEqual(['m1→recruiter', 'm2→generalist']);
    expect(result.totalFit).toBe(80);
    const m1 = result.proposals.find((p) => p.menteeId === 'm1')!;
    expect(m1.alternatives).toEqual([
      {
        mentorId: 'generalist',
        fit: 40,
        reasons: [{ signal: 'topics', points: 40, facts: { shared: ['hiring'], wanted: 1 } }],
      },
    ]);
  });

  it('gives the same proposals whatever order the roster lists people in', () => {
    const mentees = ['d', 'a', 'c', 'b'].map((k) => person(k, { topics: ['x'] }));
    const mentors = ['z', 'y'].map((k) => mentor(k, { topics: ['x'], slots: 2 }));
    const one = proposeMatches(input({ mentees, mentors }), settings());
    const two = proposeMatches(
      input({ mentees: [...mentees].reverse(), mentors: [...mentors].reverse() }),
      settings(),
    );
    expect(two).toEqual(one);
  });
});

describe("the curators' review message", () => {
  it("fits the platforms' limits with the most proposals it carries and one set of alternatives open", () => {
    const items = Array.from({ length: PROPOSALS_PER_REVIEW }, (_, i) => ({
      proposal: {
        id: `p${i}`,
        reviewId: 'r',
        programId: 'prg',
        menteeId: `e${i}`,
        mentorId: 'a',
        fit: 60,
        reasons: [{ signal: 'level' as const, points: 20, facts: { gap: 1 } }],
        alternatives: ['b', 'c', 'd'].map((m) => ({ mentorId: m, fit: 40, reasons: [] })),
        status: i === 1 ? ('approved' as const) : ('open' as const),
        chosenMentorId: null,
        pairId: null,
        decidedBy: null,
        decidedByName: i === 1 ? 'Cora' : null,
        decidedAt: i === 1 ? clock.now() : null,
        createdAt: clock.now(),
      },
      mentee: `Mentee ${i}`,
      mentor: 'Ann',
      names: { b: 'Bo', c: 'Cy', d: 'Di' },
      curator: i === 1 ? 'Cora' : null,
    }));
    const message = matchReviewMessage(english, 'Pilot', items, 'p0');
    expect(message.blocks.length).toBeLessThanOrEqual(49); // Slack: 50 with the title
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    expect(buttons.filter((b) => b.action === 'match.pick').map((b) => b.label)).toEqual([
      'Pair with Bo',
      'Pair with Cy',
      'Pair with Di',
    ]);
    expect(buttons.filter((b) => b.action === 'match.approve')).toHaveLength(PROPOSALS_PER_REVIEW - 1);
    expect(message.blocks.some((b) => b.type === 'context' && /Approved by \*Cora\*/.test(b.text))).toBe(
      true,
    );
  });
});

describe('optimality', () => {
  it('solves small assignment problems exactly', () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    const assigned = minCostAssignment(3, 3, (r, c) => cost[r]![c]!);
    expect(assigned.reduce((sum, c, r) => sum + cost[r]![c]!, 0)).toBe(5);
    expect(() => minCostAssignment(2, 1, () => 0)).toThrow();
  });

  /** Every way to give each mentee a mentor or nobody within slots: the most matches, then the highest fit. */
  function bruteForce(data: MatchInput, s: MatchingSettings): { matched: number; fit: number } {
    const scored = scoreCandidates(data, s);
    const left = data.mentors.map((m) => m.slots);
    let best = { matched: 0, fit: 0 };
    const walk = (i: number, matched: number, fit: number) => {
      if (i === scored.length) {
        if (matched > best.matched || (matched === best.matched && fit > best.fit)) best = { matched, fit };
        return;
      }
      walk(i + 1, matched, fit);
      for (const [j, check] of scored[i]!.checks.entries()) {
        if (check.blocked.length > 0 || left[j]! === 0) continue;
        left[j]! -= 1;
        walk(i + 1, matched + 1, fit + check.fit);
        left[j]! += 1;
      }
    };
    walk(0, 0, 0);
    return best;
  }

  const TOPICS = ['hiring', 'feedback', 'budget', 'strategy'];
  const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Europe/London'];
  const personArb = fc.record({
    topics: fc.subarray(TOPICS),
    department: fc.constantFrom(null, 'Sales', 'Ops'),
    level: fc.constantFrom(null, 'L1', 'L2', 'L3', 'L4'),
    timezone: fc.constantFrom(...ZONES),
    languages: fc.subarray(['en', 'de']),
  });

  // Under mutation testing (mutation/vitest.config.ts sets MUTATION_RUN) every mutant re-runs this test, so it runs
  // fewer rosters there; the rules themselves are pinned by the direct tests in matching-rules.test.ts.
  const rosters = process.env.MUTATION_RUN ? 25 : 300;

  it('matches as many mentees as possible with the highest total fit, as brute force does, on random rosters', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 0, maxLength: 5 }),
        fc.array(fc.record({ p: personArb, slots: fc.integer({ min: 0, max: 2 }) }), {
          minLength: 0,
          maxLength: 4,
        }),
        fc.array(fc.tuple(fc.nat(4), fc.nat(3)), { maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(4)), { maxLength: 2 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 3 }),
        fc.boolean(),
        (menteeData, mentorData, notWith, closed, managerLinks, sameLanguage) => {
          const mentees = menteeData.map((p, i) => person(`e${i}`, p));
          const mentors = mentorData.map(({ p, slots }, i) => mentor(`r${i}`, { ...p, slots }));
          const keys = [...mentees, ...mentors].map((p) => p.key);
          const data = input({
            mentees,
            mentors,
            notWith: notWith.map(([e, r]) => [`e${e}`, `r${r}`] as const),
            closedPairs: closed.map(([r, e]) => [`r${r}`, `e${e}`] as const),
            managers: new Map(
              managerLinks
                .filter(([a, b]) => a < keys.length && b < keys.length && a !== b)
                .map(([a, b]) => [keys[a]!, keys[b]!]),
            ),
          });
          const s = settings({ sameLanguage, minOverlapHours: 3 });
          const result = proposeMatches(data, s);
          const best = bruteForce(data, s);
          expect({ matched: result.proposals.length, fit: result.totalFit }).toEqual(best);
          // Every proposal passes the rules; no mentor gets more than their slots.
          const scored = scoreCandidates(data, s);
          for (const p of result.proposals) {
            const row = scored.find((x) => x.mentee.id === p.menteeId)!;
            const index = mentors.findIndex((m) => m.id === p.mentorId);
            expect(row.checks[index]!.blocked).toEqual([]);
          }
          for (const m of mentors)
            expect(result.proposals.filter((p) => p.mentorId === m.id).length).toBeLessThanOrEqual(m.slots);
          expect(result.proposals.length + result.unmatched.length).toBe(mentees.length);
        },
      ),
      { numRuns: rosters, seed: 13 },
    );
  });
});
