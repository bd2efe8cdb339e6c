/**
 * The people of the simulated pilot: who they are, where they work, which platform they use and how they
 * behave. The roster the program admin imports (programs/demo-roster.csv) lists the same people by email.
 */
import type { Platform } from '../src/core/participant.js';

/**
 * - engaged: answers most nudges and every checkpoint within a few hours
 * - busy: ignores about half of the nudges and answers checkpoints only after the reminder
 * - quiet: accepts, sets up, then stops answering (until a curator re-matches them, for the quiet mentee)
 * - declines: declines the consent message
 * - mentor, curator: answer what is addressed to them in their role
 */
export type Style = 'engaged' | 'busy' | 'quiet' | 'declines' | 'mentor' | 'curator';

export interface ExperimentPlan {
  behavior: string;
  hypothesis: string;
  kpiName: string;
  kpiUnit: string;
  baseline: number;
  target: number;
  direction: 'increase' | 'decrease';
}

/** How a mentee writes the charter: in the form (pages) or step by step in the chat. */
export interface CharterPlan {
  mode: 'form' | 'chat';
  goals: string;
  kpi1: [name: string, baseline: number, target: number];
  kpi2: [name: string, baseline: number, target: number];
  milestone1: string;
  /** Days after the pilot's kick-off; omitted: the suggested date (90 days after pairing). */
  milestone1InDays?: number;
  milestone2: string;
  cadence: 'weekly' | 'biweekly' | 'monthly';
  mentorWill: string;
  mentorWillNot: string;
}

export interface Person {
  key: string;
  name: string;
  email: string;
  platform: Platform;
  tz: string;
  style: Style;
  /** Leaders only: the study arm on the roster. */
  arm?: 'coached' | 'control';
  experiment?: ExperimentPlan;
  /** Mentees: the mentor's key and how they write the charter. */
  mentor?: string;
  charter?: CharterPlan;
  /** Mentors: asks for one change to the first charter version before confirming. */
  asksForChanges?: string;
  /** The quiet mentee: re-engages once a curator has re-matched them with a new mentor. */
  wakesOnRematch?: boolean;
  /** Curators: acts on alerts; `env` curators are named in CURATORS, `roster` ones have the roster role. */
  curator?: 'env' | 'roster';
  /** How far this person's KPI gets towards the target by the end (0–1), before noise. */
  progress?: number;
}

const exp = (
  behavior: string,
  kpiName: string,
  kpiUnit: string,
  baseline: number,
  target: number,
  direction: 'increase' | 'decrease' = 'increase',
): ExperimentPlan => ({
  behavior,
  hypothesis: `If I ${behavior.charAt(0).toLowerCase()}${behavior.slice(1)}, ${kpiName.toLowerCase()} will move`,
  kpiName,
  kpiUnit,
  baseline,
  target,
  direction,
});

export const CAST: readonly Person[] = [
  // ---- Slack ------------------------------------------------------------------------------------------
  {
    key: 'ana',
    name: 'Ana Alvarez',
    email: 'ana.alvarez@example.com',
    platform: 'slack',
    tz: 'America/New_York',
    style: 'engaged',
    arm: 'coached',
    experiment: exp('Ask before I tell in 1:1s', 'Ideas raised by the team per week', 'ideas', 3, 8),
    progress: 0.9,
    mentor: 'maria',
    charter: {
      mode: 'form',
      goals: 'Lead the platform migration and grow a bench of two future leads',
      kpi1: ['Team health score', 6, 8],
      kpi2: ['Decisions delegated', 1, 4],
      milestone1: 'Migration plan agreed with all three teams',
      milestone1InDays: 56,
      milestone2: 'Two leads running their own planning',
      cadence: 'biweekly',
      mentorWill: 'Review my plans and introduce me to other platform leads',
      mentorWillNot: 'Make staffing decisions or rate my performance',
    },
  },
  {
    key: 'jonas',
    name: 'Jonas Becker',
    email: 'jonas.becker@example.com',
    platform: 'slack',
    tz: 'Europe/Berlin',
    style: 'busy',
    arm: 'coached',
    experiment: exp(
      'Give specific praise within a day',
      'Attrition risk flags in my team',
      'flags',
      4,
      1,
      'decrease',
    ),
    progress: 0.6,
    // No mentor on the roster: the matcher proposes one and a curator approves.
    charter: {
      mode: 'form',
      goals: 'Grow two senior sellers into leads who hire and coach on their own',
      kpi1: ['Hires led by my leads', 0, 3],
      kpi2: ['Coaching sessions I run myself per month', 12, 4],
      milestone1: 'Both leads ran a hiring loop end to end',
      milestone2: 'Leads run the weekly coaching without me',
      cadence: 'monthly',
      mentorWill: 'Share her hiring scorecards and sit in on one debrief',
      mentorWillNot: 'Interview candidates for me',
    },
  },
  {
    key: 'mei',
    name: 'Mei Tanaka',
    email: 'mei.tanaka@example.com',
    platform: 'slack',
    tz: 'Asia/Tokyo',
    style: 'engaged',
    arm: 'coached',
    experiment: exp(
      'Delegate one decision a week',
      'Decisions escalated to me per week',
      'decisions',
      12,
      6,
      'decrease',
    ),
    progress: 0.8,
    // No mentor on the roster: the matcher proposes one and a curator approves.
    charter: {
      mode: 'form',
      goals: 'Hand over day-to-day decisions so the team runs while I am asleep in Tokyo',
      kpi1: ['Decisions made without me', 4, 10],
      kpi2: ['Evening escalations per week', 5, 1],
      milestone1: 'Decision guide agreed with both leads',
      milestone2: 'A full week of releases without my sign-off',
      cadence: 'biweekly',
      mentorWill: 'Share how she delegates across time zones',
      mentorWillNot: 'Decide for me or report to my manager',
    },
  },
  {
    key: 'sam',
    name: 'Sam Okafor',
    email: 'sam.okafor@example.com',
    platform: 'slack',
    tz: 'Europe/London',
    style: 'declines',
    arm: 'coached',
  },
  {
    key: 'priya',
    name: 'Priya Nair',
    email: 'priya.nair@example.com',
    platform: 'slack',
    tz: 'Asia/Kolkata',
    style: 'engaged',
    arm: 'coached',
    experiment: exp(
      'Close every meeting with owners and dates',
      'Actions done on time per week',
      'actions',
      5,
      9,
    ),
    progress: 0.75,
    mentor: 'tom',
    charter: {
      mode: 'form',
      goals: 'Run cross-site programs with less firefighting and more predictability',
      kpi1: ['Projects on schedule', 3, 5],
      kpi2: ['Escalations per month', 6, 2],
      milestone1: 'Weekly cross-site review in place',
      milestone1InDays: 49,
      milestone2: 'Quarterly plan delivered without escalations',
      cadence: 'biweekly',
      mentorWill: 'Share how he runs reviews across time zones',
      mentorWillNot: 'Talk to my manager about me',
    },
  },
  {
    key: 'rae',
    name: 'Rae Lindqvist',
    email: 'rae.lindqvist@example.com',
    platform: 'slack',
    tz: 'Europe/Stockholm',
    style: 'quiet',
    wakesOnRematch: true,
    arm: 'coached',
    experiment: exp('Hold a weekly open-door hour', 'Issues raised early per week', 'issues', 2, 6),
    progress: 0.5,
    mentor: 'quinn',
    charter: {
      mode: 'form',
      goals: 'Find my footing as a first-time manager of managers',
      kpi1: ['Skip-level conversations', 0, 6],
      kpi2: ['Team pulse score', 5, 7],
      milestone1: 'Skip-level round completed with every team',
      milestone1InDays: 77,
      milestone2: 'A development plan for each direct report',
      cadence: 'weekly',
      mentorWill: 'Help me prepare hard conversations',
      mentorWillNot: 'Step into decisions about my team',
    },
  },
  {
    key: 'hugo',
    name: 'Hugo Martin',
    email: 'hugo.martin@example.com',
    platform: 'slack',
    tz: 'Europe/Paris',
    style: 'engaged',
    arm: 'control',
    experiment: exp('Share the why behind each priority', 'Ideas raised by the team per week', 'ideas', 4, 8),
    progress: 0.35,
  },
  {
    key: 'zoe',
    name: 'Zoe Clarke',
    email: 'zoe.clarke@example.com',
    platform: 'slack',
    tz: 'Australia/Sydney',
    style: 'busy',
    arm: 'control',
    experiment: exp('Coach instead of fixing', 'Tickets I fix myself per week', 'tickets', 10, 4, 'decrease'),
    progress: 0.25,
  },
  {
    key: 'ben',
    name: 'Ben Carter',
    email: 'ben.carter@example.com',
    platform: 'slack',
    tz: 'America/Toronto',
    style: 'engaged',
    arm: 'control',
    experiment: exp(
      'Protect a focus block every morning',
      'Meetings before noon per week',
      'meetings',
      9,
      4,
      'decrease',
    ),
    progress: 0.3,
  },
  {
    key: 'maria',
    name: 'Maria Rossi',
    email: 'maria.rossi@example.com',
    platform: 'slack',
    tz: 'Europe/Rome',
    style: 'mentor',
  },
  {
    key: 'quinn',
    name: 'Quinn Murphy',
    email: 'quinn.murphy@example.com',
    platform: 'slack',
    tz: 'Europe/Dublin',
    style: 'quiet',
  },
  {
    key: 'nia',
    name: 'Nia Costa',
    email: 'nia.costa@example.com',
    platform: 'slack',
    tz: 'Europe/Lisbon',
    style: 'mentor',
  },
  {
    key: 'cal',
    name: 'Cal Weber',
    email: 'cal.weber@example.com',
    platform: 'slack',
    tz: 'Europe/Berlin',
    style: 'curator',
    curator: 'roster',
  },
  {
    key: 'cora',
    name: 'Cora Janssen',
    email: 'cora.janssen@example.com',
    platform: 'slack',
    tz: 'Europe/Amsterdam',
    style: 'curator',
    curator: 'env',
  },
  // ---- Microsoft Teams --------------------------------------------------------------------------------
  {
    key: 'lena',
    name: 'Lena Fischer',
    email: 'lena.fischer@example.com',
    platform: 'teams',
    tz: 'Europe/Berlin',
    style: 'engaged',
    arm: 'coached',
    experiment: exp('Start 1:1s with their agenda', 'Topics my reports bring per week', 'topics', 2, 6),
    progress: 0.85,
  },
  {
    key: 'diego',
    name: 'Diego Ramírez',
    email: 'diego.ramirez@example.com',
    platform: 'teams',
    tz: 'America/Mexico_City',
    style: 'busy',
    arm: 'coached',
    experiment: exp(
      'Say no to one low-value meeting a week',
      'Hours in meetings per week',
      'hours',
      22,
      14,
      'decrease',
    ),
    progress: 0.55,
  },
  {
    key: 'kofi',
    name: 'Kofi Mensah',
    email: 'kofi.mensah@example.com',
    platform: 'teams',
    tz: 'Africa/Lagos',
    style: 'engaged',
    arm: 'coached',
    experiment: exp(
      'Summarise decisions in writing the same day',
      'Rework requests per week',
      'requests',
      7,
      3,
      'decrease',
    ),
    progress: 0.8,
    mentor: 'olga',
    charter: {
      mode: 'chat',
      goals: 'Build a regional team that runs without me in every meeting',
      kpi1: ['Meetings I attend', 25, 15],
      kpi2: ['Team-led launches', 0, 3],
      milestone1: 'First launch led end to end by the team',
      milestone2: 'A deputy named and running the weekly review',
      cadence: 'monthly',
      mentorWill: 'Challenge my plans and share her scaling playbook',
      mentorWillNot: 'Decide for me or report to my manager',
    },
  },
  {
    key: 'aino',
    name: 'Aino Virtanen',
    email: 'aino.virtanen@example.com',
    platform: 'teams',
    tz: 'Europe/Helsinki',
    style: 'engaged',
    arm: 'control',
    experiment: exp(
      'Ask for feedback at the end of each sprint',
      'Feedback points per sprint',
      'points',
      1,
      5,
    ),
    progress: 0.3,
  },
  {
    key: 'nora',
    name: 'Nora Kelly',
    email: 'nora.kelly@example.com',
    platform: 'teams',
    tz: 'America/Chicago',
    style: 'engaged',
    arm: 'control',
    experiment: exp(
      'Write the plan down before the kickoff',
      'Scope changes after kickoff',
      'changes',
      5,
      2,
      'decrease',
    ),
    progress: 0.2,
  },
  {
    key: 'sofia',
    name: 'Sofia García',
    email: 'sofia.garcia@example.com',
    platform: 'teams',
    tz: 'Europe/Madrid',
    style: 'engaged',
    arm: 'control',
    experiment: exp('Celebrate one team win every Friday', 'Team pulse score', 'points', 6, 8),
    progress: 0.3,
  },
  {
    key: 'tom',
    name: 'Tom Walsh',
    email: 'tom.walsh@example.com',
    platform: 'teams',
    tz: 'America/New_York',
    style: 'mentor',
    asksForChanges: 'Could the first milestone say who owns the weekly review?',
  },
  {
    key: 'olga',
    name: 'Olga Nowak',
    email: 'olga.nowak@example.com',
    platform: 'teams',
    tz: 'Europe/Warsaw',
    style: 'mentor',
  },
];

export const firstName = (p: Person): string => p.name.split(' ')[0]!;

/** A small seeded random source (a linear congruential generator), so every run tells the same story. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One random stream per person: what one person does never depends on the order others are served in. */
export function personalRandom(seed: number, key: string): () => number {
  let hash = 2166136261 ^ seed;
  for (const ch of key) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  const next = seeded(hash >>> 0);
  next();
  return next;
}
