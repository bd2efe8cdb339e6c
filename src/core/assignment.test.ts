import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_STRATUM,
  type AssignmentCandidate,
  assignArms,
  controlCounts,
  drawHash,
  NO_VALUE,
  stratumOf,
} from './assignment.js';

const leaders = (departments: Record<string, number>): AssignmentCandidate[] =>
  Object.entries(departments).flatMap(([department, n]) =>
    Array.from({ length: n }, (_, i) => ({
      key: `${department.toLowerCase()}${i}@example.com`,
      stratum: `department=${department}`,
    })),
  );

describe('stratumOf', () => {
  it('names the attributes in the order of the rule, and marks empty ones', () => {
    expect(stratumOf({ department: 'Sales', level: 'L2' }, ['level', 'department'])).toBe(
      'level=L2; department=Sales',
    );
    expect(stratumOf({ department: '  ' }, ['department', 'level'])).toBe(
      `department=${NO_VALUE}; level=${NO_VALUE}`,
    );
    expect(stratumOf({ department: 'Sales' }, [])).toBe(ALL_STRATUM);
  });
});

describe('drawHash', () => {
  it('is the SHA-256 of seed, stratum and key, one per line, so any tool can recompute it', () => {
    const expected = createHash('sha256').update('s1\nall\nana@example.com').digest('hex');
    expect(drawHash('s1', 'all', 'ana@example.com')).toBe(expected);
    expect(drawHash('abc', 'all', 'x')).not.toBe(drawHash('abd', 'all', 'x'));
  });
});

describe('controlCounts', () => {
  it('gives each stratum its share rounded down, then the rest to the largest remainders', () => {
    // 50 %: 5 → 2.5, 3 → 1.5, 4 → 2; overall round(6) = 6, floors give 5, one extra to a .5 stratum.
    const counts = controlCounts(
      new Map([
        ['a', 5],
        ['b', 3],
        ['c', 4],
      ]),
      50,
      'seed',
    );
    expect(counts.get('c')).toBe(2);
    expect((counts.get('a') ?? 0) + (counts.get('b') ?? 0)).toBe(4);
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(6);
  });

  it('prefers the larger remainder and handles shares other than half', () => {
    // 30 %: 7 → 2.1, 9 → 2.7, 4 → 1.2; overall round(6) = 6, floors 5: the extra goes to the 2.7 stratum.
    const counts = controlCounts(
      new Map([
        ['x', 7],
        ['y', 9],
        ['z', 4],
      ]),
      30,
      'seed',
    );
    expect(Object.fromEntries(counts)).toEqual({ x: 2, y: 3, z: 1 });
  });

  it('adds nothing to strata whose share is exact', () => {
    expect(Object.fromEntries(controlCounts(new Map([['a', 4]]), 50, 's'))).toEqual({ a: 2 });
    expect(Object.fromEntries(controlCounts(new Map([['a', 1]]), 50, 's'))).toEqual({ a: 1 });
    expect(Object.fromEntries(controlCounts(new Map([['a', 0]]), 50, 's'))).toEqual({ a: 0 });
  });
});

describe('assignArms', () => {
  const group = leaders({ Sales: 7, Engineering: 6, Finance: 3 });

  it('is reproducible from its seed, and another seed draws differently', () => {
    const first = assignArms(group, 'pilot-2026', 50);
    const again = assignArms([...group].reverse(), 'pilot-2026', 50).reverse();
    expect(again).toEqual(first);
    const other = assignArms(group, 'another-seed', 50);
    expect(other.map((d) => d.arm)).not.toEqual(first.map((d) => d.arm));
  });

  it('puts the lowest hashes of each stratum into control, so the draw can be checked by hand', () => {
    const draws = assignArms(group, 'pilot-2026', 50);
    const sales = draws
      .filter((d) => d.stratum === 'department=Sales')
      .sort((a, b) => a.draw.localeCompare(b.draw));
    const controls = sales.filter((d) => d.arm === 'control');
    expect(sales.slice(0, controls.length).every((d) => d.arm === 'control')).toBe(true);
    for (const d of draws) expect(d.draw).toBe(drawHash('pilot-2026', d.stratum, d.key));
  });

  it('balances within every stratum (at most one apart) and overall', () => {
    const draws = assignArms(group, 'pilot-2026', 50);
    for (const stratum of new Set(group.map((c) => c.stratum))) {
      const inside = draws.filter((d) => d.stratum === stratum);
      const control = inside.filter((d) => d.arm === 'control').length;
      expect(Math.abs(control - (inside.length - control))).toBeLessThanOrEqual(1);
    }
    expect(draws.filter((d) => d.arm === 'control')).toHaveLength(8);
  });

  it('rounds the overall share as written, not as floating point multiplies it', () => {
    const candidates = leaders({ D0: 9, D1: 10, D2: 1, D3: 5 });
    const draws = assignArms(candidates, ' ', 58);
    expect(draws.filter((d) => d.arm === 'control')).toHaveLength(15);
  });

  it('keeps balance within strata for any roster, seed and share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.integer({ min: 10, max: 90 }),
        (sizes, seed, percent) => {
          const candidates = leaders(Object.fromEntries(sizes.map((n, i) => [`D${i}`, n])));
          const draws = assignArms(candidates, seed, percent);
          const control = draws.filter((d) => d.arm === 'control').length;
          expect(control).toBe(Math.round((candidates.length * percent) / 100));
          for (let i = 0; i < sizes.length; i += 1) {
            const inside = draws.filter((d) => d.stratum === `department=D${i}`);
            const exact = (inside.length * percent) / 100;
            const got = inside.filter((d) => d.arm === 'control').length;
            expect(got).toBeGreaterThanOrEqual(Math.floor(exact + 1e-9));
            expect(got).toBeLessThanOrEqual(Math.ceil(exact - 1e-9));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a leader twice and keeps the candidates in their order', () => {
    expect(() => assignArms([group[0]!, group[0]!], 's', 50)).toThrow(/only once/);
    expect(assignArms(group, 's', 50).map((d) => d.key)).toEqual(group.map((c) => c.key));
    expect(assignArms([], 's', 50)).toEqual([]);
  });
});
