import { randomBytes } from 'node:crypto';
import { assignArms, controlCounts, drawHash, stratumOf } from '../core/assignment.js';
import {
  type AssignmentMethod,
  type AssignmentSettings,
  assignmentSettingsSchema,
} from '../core/evaluation.js';
import type { Arm, Role } from '../core/participant.js';
import { effectiveAvailability, type ProgramSettings } from '../core/program.js';
import { COACHING_START_OCCURRENCE, coachingStartDueAt, waitlistStartDate } from '../core/waitlist.js';
import type { ArmAssignment, ProgramRecord, RosterPersonPlan, Store } from '../store/types.js';

/**
 * The bot's own arm assignment during a roster import, as one step after the rows are parsed and the people
 * resolved: leaders the roster marks `arm: auto` (or every leader, when the program's rule says `randomized` or
 * `staggered`) are drawn into an arm once; an arm once drawn never changes.
 */

/** What the roster said about one person: their rows' lines, roles and the arm column. */
export interface RosterArmRequest {
  lines: number[];
  roles: Role[];
  arm: Arm | 'auto' | undefined;
}

export interface ArmAssignmentSummary {
  method: AssignmentMethod;
  seed: string;
  /** Where the seed came from: the program's rule, an earlier assignment, or drawn for this one. */
  seedSource: 'program' | 'recorded' | 'drawn';
  batch: number;
  stratifyBy: string[];
  controlPercent: number;
  /** Staggered designs: the day the wait-list is coached from. */
  waitlistStart: string | null;
  strata: { stratum: string; coached: number; control: number }[];
  people: { email: string; participantId: string; arm: Arm; stratum: string }[];
}

export interface ArmPlan {
  problems: string[];
  /** Leaders who keep their arm although the roster asked for a draw, and why. */
  notes: string[];
  summary: ArmAssignmentSummary | null;
}

export function assignmentRule(program: ProgramSettings): AssignmentSettings {
  return program.evaluation?.assignment ?? assignmentSettingsSchema.parse({});
}

const isStudyLeader = (roles: readonly Role[]) => roles.includes('leader') || roles.includes('mentee');
const linesOf = (lines: readonly number[]) => `${lines.length > 1 ? 'lines' : 'line'} ${lines.join(', ')}`;

/** The seed of a program's draws: the rule's, else the one recorded with its first assignment, else a new one. */
export function seedFor(
  rule: AssignmentSettings,
  recorded: readonly Pick<ArmAssignment, 'seed'>[],
  drawSeed: () => string,
): { seed: string; source: ArmAssignmentSummary['seedSource'] } {
  if (rule.seed) return { seed: rule.seed, source: 'program' };
  const first = recorded[0];
  if (first) return { seed: first.seed, source: 'recorded' };
  return { seed: drawSeed(), source: 'drawn' };
}

/**
 * Decides the arms the bot draws in this import and writes them into the people's plans (arm and assignment).
 * Problems stop the import like any roster problem.
 */
export async function planArmAssignments(input: {
  store: Store;
  program: ProgramRecord;
  /** What the roster asks for each person, by email (read once, in order). */
  requests: Iterable<readonly [string, RosterArmRequest]>;
  /**
   * The plan of a resolved person, made on demand: only the people a draw concerns are planned here, so a roster
   * whose arms come from its own column plans nobody ahead of the write.
   */
  personOf: (email: string) => Promise<RosterPersonPlan | null>;
  now: number;
  drawSeed?: () => string;
}): Promise<ArmPlan> {
  const { store, program, now } = input;
  const rule = assignmentRule(program.settings);
  const botMethod = rule.method !== 'roster';
  const recorded = await store.pilots.assignments(program.id);
  const prior = new Map(recorded.map((a) => [a.participantId, a]));
  const plan: ArmPlan = { problems: [], notes: [], summary: null };
  const candidates: { email: string; person: RosterPersonPlan; stratum: string }[] = [];

  for (const [email, request] of input.requests) {
    if (!isStudyLeader(request.roles)) continue;
    // Nobody asks for a draw and nobody has a drawn arm to keep: nothing below concerns this person.
    if (prior.size === 0 && !botMethod && request.arm !== 'auto') continue;
    const person = await input.personOf(email);
    if (!person) continue;
    const named = request.arm === 'auto' ? undefined : request.arm;
    const earlier = prior.get(person.id);
    if (earlier) {
      if (named && named !== earlier.arm)
        plan.problems.push(
          `${linesOf(request.lines)}: ${email} was drawn into the ${earlier.arm} arm (batch ${earlier.batch}); a drawn arm cannot be changed`,
        );
      continue;
    }
    if (botMethod && named) {
      plan.problems.push(
        `${linesOf(request.lines)}: the bot assigns the arms of this program (evaluation.assignment.method: ${rule.method}); leave arm empty or write auto`,
      );
      continue;
    }
    if (!botMethod && request.arm !== 'auto') continue;
    if (person.exists && (await store.experiments.current(person.id))) {
      plan.notes.push(
        `${email} keeps the ${person.arm} arm: they started an experiment before arms were drawn`,
      );
      continue;
    }
    candidates.push({ email, person, stratum: stratumOf(person.attributes ?? {}, rule.stratifyBy) });
  }
  if (plan.problems.length > 0 || candidates.length === 0) return plan;

  const { seed, source } = seedFor(rule, recorded, input.drawSeed ?? (() => randomBytes(6).toString('hex')));
  const batch = Math.max(0, ...recorded.map((a) => a.batch)) + 1;
  const method: AssignmentMethod = botMethod ? rule.method : 'randomized';
  const staggered = rule.method === 'staggered';
  const waitlistStart = staggered ? waitlistStartDate(now, program.settings) : null;
  const draws = assignArms(
    candidates.map((c) => ({ key: c.email, stratum: c.stratum })),
    seed,
    rule.controlPercent,
  );
  const strata = new Map<string, { coached: number; control: number }>();
  const people: ArmAssignmentSummary['people'] = [];
  draws.forEach((draw, i) => {
    const { person, email } = candidates[i]!;
    const waits = staggered && draw.arm === 'control' && waitlistStart !== null;
    person.arm = draw.arm;
    person.assignment = {
      method,
      stratum: draw.stratum,
      seed,
      controlPercent: rule.controlPercent,
      batch,
      coachingFrom: waits ? waitlistStart : null,
      job: waits
        ? {
            kind: 'coaching_start',
            occurrence: COACHING_START_OCCURRENCE,
            dueAt: coachingStartDueAt(
              waitlistStart,
              program.settings,
              effectiveAvailability(program.settings, { timezone: person.timezone }),
            ),
          }
        : null,
    };
    const counts = strata.get(draw.stratum) ?? { coached: 0, control: 0 };
    counts[draw.arm] += 1;
    strata.set(draw.stratum, counts);
    people.push({ email, participantId: person.id, arm: draw.arm, stratum: draw.stratum });
  });
  plan.summary = {
    method,
    seed,
    seedSource: source,
    batch,
    stratifyBy: [...rule.stratifyBy],
    controlPercent: rule.controlPercent,
    waitlistStart,
    strata: [...strata]
      .map(([stratum, counts]) => ({ stratum, ...counts }))
      .sort((a, b) => a.stratum.localeCompare(b.stratum)),
    people,
  };
  return plan;
}

/** The audit entry of a draw: how it was made and its counts, the people by internal id only. */
export function assignmentAuditDetail(summary: ArmAssignmentSummary): Record<string, unknown> {
  return {
    method: summary.method,
    seed: summary.seed,
    seedSource: summary.seedSource,
    batch: summary.batch,
    stratifyBy: summary.stratifyBy,
    controlPercent: summary.controlPercent,
    waitlistStart: summary.waitlistStart,
    strata: summary.strata,
    participants: summary.people.map((p) => ({ id: p.participantId, arm: p.arm })),
  };
}

export interface BatchCheck {
  batch: number;
  seed: string;
  leaders: number;
  /** Leaders whose recorded arm is not the one the seed gives. */
  mismatches: string[];
  /** Leaders erased since the draw: their stratum and email are gone, so the batch is checked without them. */
  erased: number;
}

/**
 * Redraws every batch from its recorded seed, strata and the leaders' emails, and compares with the arms
 * recorded: what an auditor does to check that nobody was moved by hand. Within each stratum the control arm
 * must be exactly the leaders with the lowest hashes, and (when nobody in the batch was erased) as many as
 * the draw's shares give.
 */
export function verifyAssignments(assignments: readonly ArmAssignment[]): BatchCheck[] {
  const batches = new Map<number, ArmAssignment[]>();
  for (const a of assignments) batches.set(a.batch, [...(batches.get(a.batch) ?? []), a]);
  return [...batches].map(([batch, members]) => {
    const { seed, controlPercent } = members[0]!;
    const known = members.filter((m) => m.email !== null && m.stratum !== 'erased');
    const erased = members.length - known.length;
    const strata = new Map<string, ArmAssignment[]>();
    for (const m of known) strata.set(m.stratum, [...(strata.get(m.stratum) ?? []), m]);
    const expected =
      erased === 0
        ? controlCounts(new Map([...strata].map(([k, v]) => [k, v.length])), controlPercent, seed)
        : null;
    const mismatches: string[] = [];
    for (const [stratum, inside] of strata) {
      const control = expected?.get(stratum) ?? inside.filter((m) => m.arm === 'control').length;
      const ordered = [...inside].sort((a, b) =>
        drawHash(seed, stratum, a.email!).localeCompare(drawHash(seed, stratum, b.email!)),
      );
      ordered.forEach((m, i) => {
        if (m.arm !== (i < control ? 'control' : 'coached')) mismatches.push(m.email!);
      });
    }
    return { batch, seed, leaders: members.length, mismatches: mismatches.sort(), erased };
  });
}
