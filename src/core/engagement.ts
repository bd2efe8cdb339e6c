import { z } from 'zod';
import { DAY } from './clock.js';

/** Weights and thresholds of the pair engagement score; they live in the program settings. */
export const engagementSettingsSchema = z
  .object({
    threshold: z.number().min(0).max(100).default(60),
    graceDays: z.number().int().min(1).max(60).default(7),
    charterDueDays: z.number().int().min(1).max(90).default(14),
    quietDays: z.number().int().min(1).max(120).default(21),
    weights: z
      .object({
        charterUnfinished: z.number().min(0).max(100).default(30),
        milestoneLate: z.number().min(0).max(100).default(20),
        personQuiet: z.number().min(0).max(100).default(20),
        checkinMissed: z.number().min(0).max(100).default(10),
        /** Per expected pair meeting (from the pair check-ins) that did not happen. */
        meetingMissed: z.number().min(0).max(100).default(10),
      })
      .prefault({}),
  })
  .prefault({});

export type EngagementSettings = z.output<typeof engagementSettingsSchema>;

/** What the bot itself has seen of a pair: never chat content. */
export interface PairSignals {
  now: number;
  pairedAt: number;
  charterActivatedAt: number | null;
  /** Milestones of the active charter. */
  milestones: { description: string; dueAt: number; confirmedAt: number | null }[];
  mentor: { name: string; lastInteractionAt: number | null };
  mentee: { name: string; lastInteractionAt: number | null };
  /** Checkpoint surveys of the mentee's experiment that closed unanswered. */
  missedCheckins: number;
  /** Meetings held against expected, from the pair check-ins on the charter's cadence. */
  meetings?: { expected: number; met: number };
}

export interface EngagementReason {
  signal:
    | 'charter_unfinished'
    | 'milestone_late'
    | 'person_quiet'
    | 'checkin_missed'
    | 'match_requested'
    | 'meetings_missed';
  points: number;
  /** The reason in English, as it is kept in the audit log and the reports. */
  text: string;
  /** The facts behind it, so each reader can get the reason in their own words. */
  facts?: {
    days?: number;
    description?: string;
    confirmed?: boolean;
    role?: 'mentor' | 'mentee';
    name?: string;
    count?: number;
    expected?: number;
  };
}

export interface EngagementScore {
  score: number;
  reasons: EngagementReason[];
  low: boolean;
}

const days = (ms: number) => Math.floor(ms / DAY);

/**
 * An explainable score from 100 down: each signal the bot saw takes off its weight and says why.
 * A pair scores low when the result falls under the program's threshold.
 */
export function scorePair(signals: PairSignals, settings: EngagementSettings): EngagementScore {
  const { now } = signals;
  const w = settings.weights;
  const reasons: EngagementReason[] = [];
  if (signals.charterActivatedAt === null && now - signals.pairedAt > settings.charterDueDays * DAY) {
    reasons.push({
      signal: 'charter_unfinished',
      points: w.charterUnfinished,
      text: `charter not finished ${days(now - signals.pairedAt)} days after pairing`,
      facts: { days: days(now - signals.pairedAt) },
    });
  }
  for (const milestone of signals.milestones) {
    const late =
      milestone.confirmedAt === null ? now - milestone.dueAt : milestone.confirmedAt - milestone.dueAt;
    if (late > DAY) {
      reasons.push({
        signal: 'milestone_late',
        points: w.milestoneLate,
        text: `milestone "${milestone.description}" ${milestone.confirmedAt === null ? 'unconfirmed' : 'confirmed'} ${days(late)} days after its due date`,
        facts: {
          description: milestone.description,
          confirmed: milestone.confirmedAt !== null,
          days: days(late),
        },
      });
    }
  }
  for (const [role, person] of [
    ['mentor', signals.mentor],
    ['mentee', signals.mentee],
  ] as const) {
    const since = now - (person.lastInteractionAt ?? signals.pairedAt);
    if (since > settings.quietDays * DAY) {
      reasons.push({
        signal: 'person_quiet',
        points: w.personQuiet,
        text: `${role} ${person.name} has not interacted with the bot for ${days(since)} days`,
        facts: { role, name: person.name, days: days(since) },
      });
    }
  }
  if (signals.missedCheckins > 0) {
    reasons.push({
      signal: 'checkin_missed',
      points: w.checkinMissed * signals.missedCheckins,
      text: `mentee missed ${signals.missedCheckins} checkpoint check-in${signals.missedCheckins === 1 ? '' : 's'}`,
      facts: { count: signals.missedCheckins },
    });
  }
  const meetings = signals.meetings;
  if (meetings && meetings.expected > meetings.met) {
    reasons.push({
      signal: 'meetings_missed',
      points: w.meetingMissed * (meetings.expected - meetings.met),
      text: `met ${meetings.met} of ${meetings.expected} expected time${meetings.expected === 1 ? '' : 's'}`,
      facts: { count: meetings.met, expected: meetings.expected },
    });
  }
  const score = Math.max(0, 100 - reasons.reduce((sum, r) => sum + r.points, 0));
  return { score, reasons, low: score < settings.threshold };
}

export type EscalationStep =
  | { type: 'healthy' }
  | { type: 'nudge_pair' }
  | { type: 'wait'; until: number }
  | { type: 'alert_curators' }
  | { type: 'alert_open' };

/**
 * Before escalating, the pair gets one friendly nudge and a grace period; only a score that stays low
 * after it reaches the curators. One open alert per pair at a time.
 */
export function escalationStep(
  score: EngagementScore,
  state: { nudgedAt: number | null; openAlert: boolean; snoozedUntil: number | null },
  now: number,
  settings: EngagementSettings,
): EscalationStep {
  if (!score.low) return { type: 'healthy' };
  if (state.openAlert) return { type: 'alert_open' };
  // Stryker disable next-line ConditionalExpression: equivalent for the null test alone; null > now is false for any time
  if (state.snoozedUntil !== null && state.snoozedUntil > now)
    return { type: 'wait', until: state.snoozedUntil };
  if (state.nudgedAt === null) return { type: 'nudge_pair' };
  const graceEnds = state.nudgedAt + settings.graceDays * DAY;
  if (now < graceEnds) return { type: 'wait', until: graceEnds };
  return { type: 'alert_curators' };
}
