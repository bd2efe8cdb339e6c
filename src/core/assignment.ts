import { createHash } from 'node:crypto';
import type { Arm } from './participant.js';

/**
 * Arm assignment by the bot: stratified randomization that anyone can reproduce from the seed. Each leader's
 * place in the draw is the SHA-256 of `seed`, the stratum and their key (the roster email), one per line; in
 * each stratum, the leaders with the lowest hashes go to the control arm. No random state is kept anywhere, so
 * the same seed, strata and emails always give the same arms, on any machine and with any tool that has SHA-256.
 */

/** Who is being assigned: a stable key (the roster email) and the stratum they belong to. */
export interface AssignmentCandidate {
  key: string;
  stratum: string;
}

export interface ArmDraw extends AssignmentCandidate {
  arm: Arm;
  /** The hex SHA-256 that placed this leader in the draw. */
  draw: string;
}

/** The whole group, when the arms are not stratified. */
export const ALL_STRATUM = 'all';
/** The value of an attribute the roster left empty. */
export const NO_VALUE = '(none)';

/** A leader's stratum: "department=Sales; level=L2", in the order the rule names the attributes. */
export function stratumOf(
  attributes: Readonly<Record<string, string | undefined>>,
  stratifyBy: readonly string[],
): string {
  if (stratifyBy.length === 0) return ALL_STRATUM;
  return stratifyBy.map((name) => `${name}=${attributes[name]?.trim() || NO_VALUE}`).join('; ');
}

export function drawHash(seed: string, stratum: string, key: string): string {
  return createHash('sha256').update(`${seed}\n${stratum}\n${key}`).digest('hex');
}

/**
 * How many of each stratum go to control: the exact share of the stratum rounded down, and the leaders still
 * needed for the overall share (rounded) given to the strata with the largest remainders (ties by the seed).
 * So every stratum is within one leader of its exact share, and the whole group is as close as it can be.
 */
export function controlCounts(
  sizes: ReadonlyMap<string, number>,
  controlPercent: number,
  seed: string,
): Map<string, number> {
  const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const counts = new Map<string, number>();
  const remainders: { stratum: string; remainder: number; tie: string }[] = [];
  let assigned = 0;
  for (const [stratum, n] of sizes) {
    // Percent first, then divide: 25 × 0.58 is 14.499… in floating point, 25 × 58 / 100 is 14.5.
    const exact = (n * controlPercent) / 100;
    const floor = Math.floor(exact + 1e-9);
    counts.set(stratum, floor);
    assigned += floor;
    remainders.push({ stratum, remainder: exact - floor, tie: drawHash(seed, 'strata', stratum) });
  }
  let extra = Math.round((total * controlPercent) / 100) - assigned;
  remainders.sort((a, b) => b.remainder - a.remainder || a.tie.localeCompare(b.tie));
  for (const { stratum, remainder } of remainders) {
    if (extra <= 0 || remainder <= 1e-9) break;
    counts.set(stratum, (counts.get(stratum) ?? 0) + 1);
    extra -= 1;
  }
  return counts;
}

/** Assigns every candidate an arm; the result is in the order of the candidates. */
export function assignArms(
  candidates: readonly AssignmentCandidate[],
  seed: string,
  controlPercent: number,
): ArmDraw[] {
  const keys = new Set(candidates.map((c) => c.key));
  if (keys.size !== candidates.length) throw new Error('each leader can be assigned only once');
  const strata = new Map<string, AssignmentCandidate[]>();
  for (const c of candidates) strata.set(c.stratum, [...(strata.get(c.stratum) ?? []), c]);
  const counts = controlCounts(
    new Map([...strata].map(([stratum, members]) => [stratum, members.length])),
    controlPercent,
    seed,
  );
  const arms = new Map<string, ArmDraw>();
  for (const [stratum, members] of strata) {
    const drawn = members
      .map((c) => ({ ...c, draw: drawHash(seed, stratum, c.key) }))
      .sort((a, b) => a.draw.localeCompare(b.draw));
    const control = counts.get(stratum) ?? 0;
    drawn.forEach((c, i) => {
      arms.set(c.key, { ...c, arm: i < control ? 'control' : 'coached' });
    });
  }
  return candidates.map((c) => arms.get(c.key)!);
}
