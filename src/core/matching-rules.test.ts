import { describe, expect, it } from 'vitest';
import { english } from './catalog/index.js';
import { ManualClock } from './clock.js';
import {
  checkPair,
  type FitReason,
  fitReasonText,
  levelRank,
  type MatchInput,
  type MatchingSettings,
  type MatchMentor,
  type MatchPerson,
  matchingSettingsSchema,
  matchReviewMessage,
  minCostAssignment,
  proposeMatches,
  type ReviewItem,
  reportingLine,
  type StoredProposal,
  scoreCandidates,
  workingOverlapHours,
} from './matching.js';
import type { Message } from './messages.js';

/**
 * The matching rules one by one, on small fixed rosters: each hard constraint at its edge, each part of the fit
 * score, the assignment against every permutation, alternatives and the explanation of a mentee left out.
 */

const clock = new ManualClock(Date.UTC(2026, 5, 10, 9)); // a Wednesday in June
const settings = (overrides: Record<string, unknown> = {}): MatchingSettings =>
  matchingSettingsSchema.parse(overrides);
const quiet = { start: '19:00', end: '08:00' };
const NO_POINTS = { topics: 0, department: 0, level: 0, timezone: 0 };

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
/** The checks of one mentee against each mentor. */
const checks = (
  mentee: MatchPerson,
  mentors: MatchMentor[],
  s = settings(),
  over: Partial<MatchInput> = {},
) => scoreCandidates(input({ mentees: [mentee], mentors, ...over }), s)[0]!.checks;
const signals = (reasons: FitReason[]) => reasons.map((r) => [r.signal, r.points]);

describe('matching settings', () => {
  it('defaults to two hours in common, any language, another department, the next level and 40/20/20/20', () => {
    expect(settings()).toEqual({
      minOverlapHours: 2,
      sameLanguage: false,
      department: 'cross',
      levels: [],
      levelGap: 1,
      weights: { topics: 40, department: 20, level: 20, timezone: 20 },
    });
    expect(settings({ weights: { topics: 10 } }).weights).toEqual({
      topics: 10,
      department: 20,
      level: 20,
      timezone: 20,
    });
  });

  it('accepts the edges of each range and refuses what lies beyond them', () => {
    const ok = (o: Record<string, unknown>) => matchingSettingsSchema.safeParse(o).success;
    expect(ok({ minOverlapHours: 0 })).toBe(true);
    expect(ok({ minOverlapHours: 24 })).toBe(true);
    expect(ok({ minOverlapHours: -0.25 })).toBe(false);
    expect(ok({ minOverlapHours: 24.25 })).toBe(false);
    expect(ok({ levelGap: 0 })).toBe(true);
    expect(ok({ levelGap: 10 })).toBe(true);
    expect(ok({ levelGap: -1 })).toBe(false);
    expect(ok({ levelGap: 11 })).toBe(false);
    expect(ok({ levelGap: 1.5 })).toBe(false);
    expect(ok({ department: 'other' })).toBe(false);
    for (const key of ['topics', 'department', 'level', 'timezone']) {
      expect(ok({ weights: { [key]: 0 } })).toBe(true);
      expect(ok({ weights: { [key]: 100 } })).toBe(true);
      expect(ok({ weights: { [key]: -1 } })).toBe(false);
      expect(ok({ weights: { [key]: 101 } })).toBe(false);
      expect(ok({ weights: { [key]: 2.5 } })).toBe(false);
    }
    expect(settings({ levels: [' Associate ', 'Manager'] }).levels).toEqual(['Associate', 'Manager']);
    expect(ok({ levels: ['  '] })).toBe(false);
    expect(ok({ levels: ['x'.repeat(40)] })).toBe(true);
    expect(ok({ levels: ['x'.repeat(41)] })).toBe(false);
  });
});

describe('reporting line and working hours', () => {
  it('walks up the line nearest first and stops at the top or at a loop', () => {
    const managers = new Map([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect(reportingLine('a', managers)).toEqual(['b', 'c']);
    expect(reportingLine('c', managers)).toEqual([]);
    expect(reportingLine('a', new Map([['a', 'a']]))).toEqual([]);
    expect(
      reportingLine(
        'a',
        new Map([
          ['a', 'b'],
          ['b', 'a'],
        ]),
      ),
    ).toEqual(['b']);
  });

  it('compares working hours on the UTC day of `now`, whatever its hour', () => {
    const berlin = { timezone: 'Europe/Berlin', quietHours: quiet };
    const newYork = { timezone: 'America/New_York', quietHours: quiet };
    // Saturday 28 March 2026: the US is on summer time, Berlin changes at 01:00 UTC on the Sunday.
    expect(workingOverlapHours(berlin, newYork, Date.UTC(2026, 2, 28, 0))).toBe(6);
    expect(workingOverlapHours(berlin, newYork, Date.UTC(2026, 2, 28, 23))).toBe(6);
    // Sunday 29 March, the day Berlin changes: mostly on summer time.
    expect(workingOverlapHours(berlin, newYork, Date.UTC(2026, 2, 29, 12))).toBe(5);
    // The Monday after: both on summer time.
    expect(workingOverlapHours(berlin, newYork, Date.UTC(2026, 2, 30, 23))).toBe(5);
    // Quiet hours inside one day (not across midnight) and quarter hours.
    const night = { timezone: 'UTC', quietHours: { start: '00:00', end: '12:15' } };
    expect(workingOverlapHours(night, { timezone: 'UTC', quietHours: quiet }, clock.now())).toBe(6.75);
  });
});

describe('levels', () => {
  it("ranks by the program's list (any case and spacing), else by the first number, else not at all", () => {
    const levels = ['Associate', 'Manager', 'Director'];
    expect(levelRank('Associate', levels)).toBe(0);
    expect(levelRank(' manager ', levels)).toBe(1);
    expect(levelRank('L12', levels)).toBe(12);
    expect(levelRank('Band 4 (2nd tier)', [])).toBe(4);
    expect(levelRank('senior', levels)).toBeNull();
    expect(levelRank(null, levels)).toBeNull();
    expect(levelRank('', levels)).toBeNull();
  });
});

describe('hard constraints, one at a time', () => {
  it('blocks a person with themselves, their manager, their skip-level and their own reports, and no one else', () => {
    const managers = new Map([
      ['m', 'boss'],
      ['boss', 'top'],
      ['rep', 'm'],
    ]);
    const mentee = person('m');
    const mentors = ['m', 'boss', 'top', 'rep', 'peer'].map((k) => mentor(k));
    expect(checks(mentee, mentors, settings(), { managers }).map((c) => c.blocked)).toEqual([
      ['reporting_line'],
      ['reporting_line'],
      ['reporting_line'],
      ['reporting_line'],
      [],
    ]);
  });

  it('blocks "not with" in either order, and only that pair', () => {
    const mentee = person('m');
    const mentors = [mentor('a'), mentor('z'), mentor('b')];
    for (const notWith of [
      [['m', 'a'] as const, ['z', 'm'] as const],
      [['a', 'm'] as const, ['m', 'z'] as const],
    ])
      expect(checks(mentee, mentors, settings(), { notWith }).map((c) => c.blocked)).toEqual([
        ['not_with'],
        ['not_with'],
        [],
      ]);
  });

  it('blocks a mentor who mentored this mentee before, not the other way round', () => {
    const mentee = person('m');
    const mentors = [mentor('a'), mentor('b')];
    expect(
      checks(mentee, mentors, settings(), {
        closedPairs: [
          ['a', 'm'],
          ['m', 'b'],
        ],
      }).map((c) => c.blocked),
    ).toEqual([['closed_before'], []]);
  });

  it('lets a pair through at exactly the minimum of hours in common, not a quarter hour under', () => {
    // Berlin and Tokyo share four hours (summer).
    const mentee = person('m', { timezone: 'Asia/Tokyo' });
    expect(checks(mentee, [mentor('a')], settings({ minOverlapHours: 4 }))[0]!.blocked).toEqual([]);
    expect(checks(mentee, [mentor('a')], settings({ minOverlapHours: 4.25 }))[0]!.blocked).toEqual([
      'overlap',
    ]);
  });

  it('with the language rule, needs one shared language (any case), and holds back no one without languages', () => {
    const s = settings({ sameLanguage: true });
    const mentee = person('m', { languages: ['fr', 'EN'] });
    const mentors = [
      mentor('a', { languages: ['en'] }),
      mentor('b', { languages: ['de'] }),
      mentor('c'),
      mentor('d', { languages: ['de', 'fr'] }),
    ];
    expect(checks(mentee, mentors, s).map((c) => c.blocked)).toEqual([[], ['language'], [], []]);
    expect(checks(person('x'), mentors, s).map((c) => c.blocked)).toEqual([[], [], [], []]);
    expect(checks(mentee, mentors).map((c) => c.blocked)).toEqual([[], [], [], []]);
  });

  it('lists every rule a pair breaks, in order', () => {
    const mentee = person('m', { timezone: 'Pacific/Auckland', languages: ['en'] });
    const [check] = checks(mentee, [mentor('a', { languages: ['de'] })], settings({ sameLanguage: true }), {
      managers: new Map([['m', 'a']]),
      notWith: [['m', 'a']],
      closedPairs: [['a', 'm']],
    });
    expect(check!.blocked).toEqual(['reporting_line', 'not_with', 'closed_before', 'overlap', 'language']);
  });
});

describe('fit, part by part', () => {
  const only = (weights: Record<string, number>, extra: Record<string, unknown> = {}) =>
    settings({ weights: { ...NO_POINTS, ...weights }, ...extra });

  it('topics: the share of the distinct topics the mentee wants, rounded; nothing when none is shared', () => {
    const s = only({ topics: 40 });
    const mentee = person('m', { topics: ['Hiring', 'hiring ', 'budget', 'strategy'] });
    const [some, none, all] = checks(
      mentee,
      [
        mentor('a', { topics: ['HIRING'] }),
        mentor('b', { topics: ['sales'] }),
        mentor('c', { topics: ['strategy', 'budget', 'hiring'] }),
      ],
      s,
    );
    expect(some!.reasons).toEqual([
      { signal: 'topics', points: 13, facts: { shared: ['hiring'], wanted: 3 } },
    ]);
    expect(some!.fit).toBe(13);
    expect(none!.reasons).toEqual([]);
    expect(none!.fit).toBe(0);
    expect(all!.reasons[0]).toMatchObject({ points: 40, facts: { wanted: 3 } });
    expect(checks(person('x'), [mentor('a', { topics: ['hiring'] })], s)[0]!.reasons).toEqual([]);
    expect(checks(mentee, [mentor('a', { topics: ['hiring'] })], only({}))[0]!.reasons).toEqual([]);
  });

  it('department: another one scores by default, the same one when asked, neither with "any" or a department missing', () => {
    const mentee = person('m', { department: 'Sales' });
    const mentors = [mentor('a', { department: ' sales' }), mentor('b', { department: 'Ops' }), mentor('c')];
    const points = (s: MatchingSettings, who = mentee) =>
      checks(who, mentors, s).map((c) => signals(c.reasons));
    expect(points(only({ department: 15 }))).toEqual([[], [['department', 15]], []]);
    expect(points(only({ department: 15 }, { department: 'same' }))).toEqual([[['department', 15]], [], []]);
    expect(points(only({ department: 15 }, { department: 'any' }))).toEqual([[], [], []]);
    expect(points(only({}))).toEqual([[], [], []]);
    expect(points(only({ department: 15 }), person('x'))).toEqual([[], [], []]);
    expect(checks(mentee, [mentors[1]!], only({ department: 15 }))[0]!.reasons[0]!.facts).toEqual({
      menteeDepartment: 'Sales',
      mentorDepartment: 'Ops',
    });
  });

  it("level: full points at the program's gap, half (rounded) one level off, none further off or below", () => {
    const mentee = person('m', { level: 'L3' });
    const mentors = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'senior'].map((level) => mentor(level, { level }));
    const points = (s: MatchingSettings) =>
      checks(mentee, mentors, s).map((c) => c.reasons.find((r) => r.signal === 'level')?.points ?? 0);
    expect(points(only({ level: 25 }))).toEqual([0, 0, 13, 25, 13, 0, 0]);
    expect(points(only({ level: 25 }, { levelGap: 0 }))).toEqual([0, 0, 25, 13, 0, 0, 0]);
    expect(points(only({ level: 25 }, { levelGap: 2 }))).toEqual([0, 0, 0, 13, 25, 13, 0]);
    expect(points(only({}))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(checks(mentee, [mentors[4]!], only({ level: 25 }))[0]!.reasons).toEqual([
      { signal: 'level', points: 13, facts: { gap: 2 } },
    ]);
    expect(checks(person('x'), mentors, only({ level: 25 })).every((c) => c.reasons.length === 0)).toBe(true);
    // A mentor without a level earns no level points, even against a mentee of rank 0.
    const zero = only({ level: 20 }, { levels: ['A', 'B'], levelGap: 0 });
    expect(checks(person('x', { level: 'A' }), [mentor('n')], zero)[0]!.reasons).toEqual([]);
    expect(
      checks(person('x', { level: 'A' }), [mentor('n')], only({ level: 20 }, { levels: ['A'] }))[0]!.reasons,
    ).toEqual([]);
    // Ranked by the list: the first level counts (rank 0).
    const listed = only({ level: 20 }, { levels: ['A', 'B'] });
    expect(
      signals(checks(person('x', { level: 'A' }), [mentor('b', { level: 'B' })], listed)[0]!.reasons),
    ).toEqual([['level', 20]]);
  });

  it("time zone: hours in common over the mentee's own day (at least one hour), capped, rounded, nothing at zero", () => {
    const s = only({ timezone: 20 });
    const context = (overlapHours: number, menteeHours: number) => ({
      settings: s,
      managers: new Map<string, string>(),
      notWith: new Set<string>(),
      closed: new Set<string>(),
      overlapHours,
      menteeHours,
    });
    const tz = (overlapHours: number, menteeHours: number) =>
      signals(checkPair(person('m'), person('a'), context(overlapHours, menteeHours)).reasons);
    expect(tz(11, 11)).toEqual([['timezone', 20]]);
    expect(tz(12, 11)).toEqual([['timezone', 20]]);
    expect(tz(2, 11)).toEqual([['timezone', 4]]);
    expect(tz(0.5, 0.5)).toEqual([['timezone', 10]]);
    expect(tz(0.25, 24)).toEqual([]);
    expect(tz(0, 11)).toEqual([]);
    expect(checkPair(person('m'), person('a'), { ...context(11, 11), settings: only({}) }).reasons).toEqual(
      [],
    );
    expect(checkPair(person('m'), person('a'), context(5, 11)).reasons[0]!.facts).toEqual({ hours: 5 });
  });

  it('compares topics, departments and levels in lower case, which does not fold ß into ss', () => {
    const mentee = person('m', { topics: ['Straße'], department: 'Straße', level: 'Straße' });
    const mentors = [
      mentor('a', { topics: ['STRASSE'], department: 'STRASSE', level: 'STRASSE' }),
      mentor('b', { topics: ['STRAßE'], department: 'STRAßE' }),
    ];
    const s = settings({ levels: ['STRASSE', 'x', 'straße'], weights: { timezone: 0 } });
    expect(checks(mentee, mentors, s).map((c) => signals(c.reasons))).toEqual([
      [['department', 20]],
      [['topics', 40]],
    ]);
    const [reason] = checks(mentee, [mentors[0]!], s)[0]!.reasons;
    expect(fitReasonText(english, reason!)).toBe('another department: STRASSE, not Straße (+20)');
    expect(levelRank('STRASSE', ['Straße'])).toBeNull();
  });

  it('adds the parts up', () => {
    const mentee = person('m', { topics: ['hiring'], department: 'Sales', level: 'L2' });
    const [check] = checks(mentee, [mentor('a', { topics: ['hiring'], department: 'Ops', level: 'L3' })]);
    expect(check!.fit).toBe(100);
  });
});

describe('the assignment', () => {
  /** A fixed pseudo-random sequence, so the matrices are the same every run. */
  function random(seed: number) {
    let x = seed;
    return () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
  }
  function bestByPermutation(rows: number, columns: number, cost: (r: number, c: number) => number): number {
    let best = Number.POSITIVE_INFINITY;
    const used = new Array<boolean>(columns).fill(false);
    const walk = (r: number, sum: number) => {
      if (r === rows) {
        best = Math.min(best, sum);
        return;
      }
      for (let c = 0; c < columns; c += 1) {
        if (used[c]) continue;
        used[c] = true;
        walk(r + 1, sum + cost(r, c));
        used[c] = false;
      }
    };
    walk(0, 0);
    return best;
  }

  it('finds the least total cost on fixed square and wide matrices, with negative costs and ties', () => {
    const next = random(7);
    for (let n = 0; n < 60; n += 1) {
      const rows = 1 + (n % 4);
      const columns = rows + (Math.floor(n / 4) % 3);
      const values = Array.from({ length: rows * columns }, () => Math.floor(next() * 9) - 4);
      const cost = (r: number, c: number) => values[r * columns + c]!;
      const best = bestByPermutation(rows, columns, cost);
      for (const assigned of [
        minCostAssignment(rows, columns, cost),
        minCostAssignment(rows, columns, Float64Array.from(values)),
      ]) {
        expect(new Set(assigned).size).toBe(rows);
        expect(assigned.every((c) => c >= 0 && c < columns)).toBe(true);
        expect(assigned.reduce((sum, c, r) => sum + cost(r, c), 0)).toBe(best);
      }
    }
  });

  it('reads a wide cost function row by row', () => {
    // Each row has one cheap column; the function is asked for (row, column), not (column, row).
    expect(minCostAssignment(2, 3, (r, c) => (c === 2 - r ? 0 : 5))).toEqual([2, 1]);
    expect(minCostAssignment(1, 3, (_, c) => [3, 1, 2][c]!)).toEqual([1]);
    expect(minCostAssignment(0, 2, () => 0)).toEqual([]);
    expect(minCostAssignment(2, 2, () => 0).sort()).toEqual([0, 1]);
    expect(() => minCostAssignment(3, 2, () => 0)).toThrow(/at least as many columns/);
  });

  it('matches one more mentee rather than give anyone a better fit', () => {
    // m1 fits a far better than b, but m2 can only have a: both are matched.
    const mentees = [person('m1', { topics: ['hiring'] }), person('m2', { timezone: 'Asia/Tokyo' })];
    const mentors = [mentor('a', { topics: ['hiring'] }), mentor('b', { timezone: 'America/New_York' })];
    const result = proposeMatches(
      input({ mentees, mentors }),
      settings({ minOverlapHours: 3, weights: { ...NO_POINTS, topics: 100 } }),
    );
    expect(pairs(result)).toEqual(['m1→b', 'm2→a']);
    expect(result.totalFit).toBe(0);
    expect(result.unmatched).toEqual([]);
  });

  it('uses every slot a mentor has and no more, and a first mentor in the order gets matched too', () => {
    const mentees = ['m1', 'm2', 'm3', 'm4'].map((k) => person(k));
    const result = proposeMatches(
      input({ mentees, mentors: [mentor('a', { slots: 3 }), mentor('b', { slots: 1 })] }),
      settings(),
    );
    expect(result.proposals.filter((p) => p.mentorId === 'a')).toHaveLength(3);
    expect(result.proposals.filter((p) => p.mentorId === 'b')).toHaveLength(1);
    const one = proposeMatches(input({ mentees: [person('m1')], mentors: [mentor('a')] }), settings());
    expect(pairs(one)).toEqual(['m1→a']);
    expect(one.totalFit).toBe(one.proposals[0]!.fit);
    expect(one.totalFit).toBeGreaterThan(0);
  });

  it('sums the fit of all proposals', () => {
    const mentees = [person('m1', { topics: ['x'] }), person('m2', { topics: ['y'] })];
    const mentors = [mentor('a', { topics: ['x'] }), mentor('b', { topics: ['y', 'z'] })];
    const result = proposeMatches(
      input({ mentees, mentors }),
      settings({ weights: { ...NO_POINTS, topics: 30 } }),
    );
    expect(result.proposals.map((p) => p.fit)).toEqual([30, 30]);
    expect(result.totalFit).toBe(60);
  });
});

describe('alternatives', () => {
  it('are the next mentors who pass and have a slot: best fit first, then by name, then id; at most three', () => {
    const s = settings({ weights: { ...NO_POINTS, topics: 40 } });
    const mentee = person('m', { topics: ['a', 'b'] });
    // Keys (the roster order) run against names and ids, so only the sort puts them in order.
    const mentors = [
      mentor('g', { id: 'best', name: 'Zed', topics: ['a', 'b'] }),
      mentor('b', { id: 'k2', name: 'Kim', topics: ['a'] }),
      mentor('c', { id: 'k1', name: 'Kim', topics: ['a'] }),
      mentor('d', { id: 'al', name: 'Al', topics: ['a'] }),
      mentor('a', { id: 'low', name: 'Aa', topics: [] }),
      mentor('e', { id: 'full', name: 'Ab', topics: ['a', 'b'], slots: 0 }),
      mentor('f', { id: 'no', name: 'Ac', topics: ['a', 'b'] }),
    ];
    const result = proposeMatches(input({ mentees: [mentee], mentors, notWith: [['m', 'no']] }), s);
    expect(result.proposals[0]!.mentorId).toBe('best');
    expect(result.proposals[0]!.alternatives).toEqual([
      {
        mentorId: 'al',
        fit: 20,
        reasons: [{ signal: 'topics', points: 20, facts: { shared: ['a'], wanted: 2 } }],
      },
      {
        mentorId: 'k1',
        fit: 20,
        reasons: [{ signal: 'topics', points: 20, facts: { shared: ['a'], wanted: 2 } }],
      },
      {
        mentorId: 'k2',
        fit: 20,
        reasons: [{ signal: 'topics', points: 20, facts: { shared: ['a'], wanted: 2 } }],
      },
    ]);
    const fewer = proposeMatches(input({ mentees: [mentee], mentors: [mentors[0]!, mentors[4]!] }), s);
    expect(fewer.proposals[0]!.alternatives.map((a) => a.mentorId)).toEqual(['low']);
    const alone = proposeMatches(input({ mentees: [mentee], mentors: [mentors[0]!] }), s);
    expect(alone.proposals[0]!.alternatives).toEqual([]);
  });
});

describe('a mentee left out', () => {
  it('names the rule that excluded the most mentors and counts each rule, full mentors as capacity', () => {
    const mentee = person('m');
    const mentors = [
      mentor('a'),
      mentor('b', { slots: 0 }),
      mentor('c', { timezone: 'Pacific/Auckland' }),
      mentor('d'),
    ];
    const result = proposeMatches(
      input({
        mentees: [mentee],
        mentors,
        notWith: [
          ['m', 'a'],
          ['m', 'b'],
          ['m', 'd'],
        ],
      }),
      settings(),
    );
    expect(result.proposals).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        menteeId: 'm',
        constraint: 'not_with',
        blockers: [
          { constraint: 'capacity', mentors: 1 },
          { constraint: 'not_with', mentors: 3 },
          { constraint: 'overlap', mentors: 1 },
        ],
      },
    ]);
  });

  it('names capacity when a mentor who passes every rule is taken, even if more mentors break a rule', () => {
    const mentees = [person('m1', { topics: ['x'] }), person('m2')];
    const mentors = [
      mentor('a', { topics: ['x'] }),
      mentor('c', { timezone: 'Pacific/Auckland' }),
      mentor('d', { timezone: 'Pacific/Auckland' }),
    ];
    const result = proposeMatches(input({ mentees, mentors }), settings());
    expect(pairs(result)).toEqual(['m1→a']);
    expect(result.unmatched).toEqual([
      {
        menteeId: 'm2',
        constraint: 'capacity',
        blockers: [
          { constraint: 'capacity', mentors: 1 },
          { constraint: 'overlap', mentors: 2 },
        ],
      },
    ]);
  });

  it('on a tie, names the rule listed first', () => {
    const result = proposeMatches(
      input({
        mentees: [person('m')],
        mentors: [mentor('a', { timezone: 'Pacific/Auckland' }), mentor('b')],
        closedPairs: [['b', 'm']],
      }),
      settings(),
    );
    expect(result.unmatched[0]!.constraint).toBe('closed_before');
    expect(result.unmatched[0]!.blockers.map((b) => b.constraint)).toEqual(['closed_before', 'overlap']);
  });

  it('on a tie of several rules, names the first of them', () => {
    const result = proposeMatches(
      input({
        mentees: [person('m')],
        mentors: [mentor('d', { timezone: 'Pacific/Auckland' }), mentor('c'), mentor('b'), mentor('a')],
        managers: new Map([['m', 'a']]),
        notWith: [['m', 'b']],
        closedPairs: [['c', 'm']],
      }),
      settings(),
    );
    expect(result.unmatched[0]!.constraint).toBe('reporting_line');
  });

  it('orders people with the same key by id, whatever the roster order', () => {
    const mentees = [person('k', { id: 'm2', topics: ['x'] }), person('k', { id: 'm1' })];
    const mentors = [mentor('b', { topics: ['x'] }), mentor('a')];
    for (const roster of [mentees, [...mentees].reverse()]) {
      const result = proposeMatches(input({ mentees: roster, mentors }), settings({ minOverlapHours: 0 }));
      expect(result.proposals.map((p) => `${p.menteeId}→${p.mentorId}`)).toEqual(['m1→a', 'm2→b']);
    }
  });

  it('with no mentors at all, says so', () => {
    expect(proposeMatches(input({ mentees: [person('m')] }), settings()).unmatched).toEqual([
      { menteeId: 'm', constraint: 'no_mentors', blockers: [{ constraint: 'no_mentors', mentors: 0 }] },
    ]);
  });
});

describe('reasons in words', () => {
  it('reads the same department as the same, in any case, and survives missing facts', () => {
    expect(
      fitReasonText(english, {
        signal: 'department',
        points: 20,
        facts: { menteeDepartment: 'Sales', mentorDepartment: 'SALES' },
      }),
    ).toBe('same department, SALES (+20)');
    expect(fitReasonText(english, { signal: 'department', points: 20, facts: {} })).toBe(
      'same department,  (+20)',
    );
    expect(fitReasonText(english, { signal: 'topics', points: 5, facts: {} })).toBe(
      'shares 0 of 0 topics:  (+5)',
    );
    expect(fitReasonText(english, { signal: 'level', points: 5, facts: {} })).toBe('the same level (+5)');
    expect(fitReasonText(english, { signal: 'level', points: 5, facts: { gap: 2 } })).toBe(
      '2 levels above (+5)',
    );
    expect(fitReasonText(english, { signal: 'timezone', points: 5, facts: {} })).toBe(
      '0 working hours a day in common (+5)',
    );
  });
});

describe("the curators' review, item by item", () => {
  const proposal = (over: Partial<StoredProposal> = {}): StoredProposal => ({
    id: 'p1',
    reviewId: 'r',
    programId: 'prg',
    menteeId: 'e',
    mentorId: 'a',
    fit: 60,
    reasons: [{ signal: 'level', points: 20, facts: { gap: 1 } }],
    alternatives: [{ mentorId: 'b', fit: 40, reasons: [{ signal: 'level', points: 10, facts: { gap: 2 } }] }],
    status: 'open',
    chosenMentorId: null,
    pairId: null,
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    createdAt: clock.now(),
    ...over,
  });
  const item = (p: StoredProposal, over: Partial<ReviewItem> = {}): ReviewItem => ({
    proposal: p,
    mentee: 'Eve',
    mentor: 'Ann',
    names: { b: 'Bo' },
    curator: null,
    ...over,
  });
  const texts = (m: Message) => m.blocks.flatMap((b) => ('text' in b ? [b.text] : []));
  const actions = (m: Message) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));

  it('shows an open proposal with its reasons and Approve, Choose another and Reject', () => {
    const message = matchReviewMessage(english, 'Pilot', [item(proposal())]);
    expect(message.text).toContain('Matching proposals for *Pilot*: 1 proposal, 1 still to decide.');
    expect(texts(message).slice(1)).toEqual(['*Eve* with mentor *Ann* (fit 60)\n• one level above (+20)']);
    expect(actions(message).map((a) => a.action)).toEqual(['match.approve', 'match.another', 'match.reject']);
    expect(message.blocks[1]).toEqual({ type: 'divider' });
  });

  it('opens the alternatives of the one proposal asked for, with their reasons, a pick button each and Back', () => {
    const message = matchReviewMessage(
      english,
      'Pilot',
      [
        item(proposal()),
        item(proposal({ id: 'p2', alternatives: [{ mentorId: 'x', fit: 1, reasons: [] }] })),
      ],
      'p1',
    );
    expect(texts(message)).toContain('*Bo* (fit 40)\n• 2 levels above (+10)');
    expect(actions(message).map((a) => a.action)).toEqual([
      'match.pick',
      'match.approve',
      'match.back',
      'match.reject',
      'match.approve',
      'match.another',
      'match.reject',
    ]);
    expect(actions(message)[0]!.value).toBe('b');
    // An alternative without a known name is "mentor"; a proposal without alternatives says so.
    const unnamed = matchReviewMessage(english, 'Pilot', [item(proposal(), { names: {} })], 'p1');
    expect(texts(unnamed)).toContain('*mentor* (fit 40)\n• 2 levels above (+10)');
    const none = matchReviewMessage(english, 'Pilot', [item(proposal({ alternatives: [] }))], 'p1');
    expect(texts(none)).toContain('No other mentor passes every constraint and has a free slot.');
    expect(texts(matchReviewMessage(english, 'Pilot', [item(proposal())], 'p1'))).not.toContain(
      'No other mentor passes every constraint and has a free slot.',
    );
  });

  it('shows a decided proposal with who decided, the mentor chosen and when, and no buttons', () => {
    const decided = [
      item(proposal({ id: 'p1', status: 'approved', decidedAt: 1_000 }), { curator: 'Cora' }),
      item(proposal({ id: 'p2', status: 'changed', chosenMentorId: 'b', decidedAt: 2_000 }), {
        curator: 'Cora',
      }),
      item(proposal({ id: 'p3', status: 'rejected' })),
      item(proposal({ id: 'p4', status: 'changed', chosenMentorId: 'gone', decidedAt: 3_000 })),
      item(proposal({ id: 'p5' })),
    ];
    const message = matchReviewMessage(english, 'Pilot', decided, 'p1');
    const context = message.blocks.flatMap((b) =>
      b.type === 'context' ? [(b as { text: string }).text] : [],
    );
    expect(context).toEqual([
      'Approved by *Cora* on <time:1000>.',
      '*Cora* chose *Bo* instead on <time:2000>.',
      `Rejected by *another curator* on <time:${clock.now()}>.`,
      '*another curator* chose ** instead on <time:3000>.',
    ]);
    expect(actions(message).map((a) => a.action)).toEqual(['match.approve', 'match.another', 'match.reject']);
    expect(message.text).toContain('5 proposals, 1 still to decide.');
  });
});
