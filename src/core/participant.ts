import { chooseLocale, type Reader } from './catalog/index.js';
import { effectiveAvailability, type ProgramSettings } from './program.js';
import type { ConsentState, PersonState } from './schedule.js';
import type { Availability, QuietHours, Weekday } from './time.js';

export const PLATFORMS = ['slack', 'teams'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface Identity {
  platform: Platform;
  /** Slack team id or Teams tenant id. */
  workspaceId: string;
  userId: string;
}

export const ROLES = ['leader', 'mentor', 'mentee', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ARMS = ['coached', 'control'] as const;
export type Arm = (typeof ARMS)[number];

export interface Participant extends Identity {
  id: string;
  /** A person, or a channel that receives messages (the curators' channel). */
  kind: 'person' | 'channel';
  roles: Role[];
  /** Study arm: control-arm leaders answer checkpoints but get no nudges. */
  arm: Arm;
  invitedAt: number | null;
  programId: string;
  email: string | null;
  displayName: string | null;
  timezone: string | null;
  workingDays: Weekday[] | null;
  quietHours: QuietHours | null;
  pausedUntil: number | null;
  consent: ConsentState;
  consentAt: number | null;
  reachable: boolean;
  /** Where to deliver: a Slack DM channel id, or a serialized Teams conversation reference. */
  address: string | null;
  lastInteractionAt: number | null;
  createdAt: number;
  /** Roster attributes (department, level…); absent when none were given. */
  attributes?: Readonly<Record<string, string>>;
  /** The language the person chose (`/coach language de`); null: follow the roster and the platform. */
  language?: string | null;
  /** The language the roster gives for them. */
  rosterLanguage?: string | null;
  /** The locale their platform reports (Slack's profile, Teams' client), kept once they consented. */
  platformLocale?: string | null;
}

/**
 * Who reads what the bot says to this person: their time zone, and their language in this order: their own
 * choice, the roster's, their platform's, the program's, English; addressed as their program says.
 */
export function readerOf(program: ProgramSettings, participant: Participant): Reader {
  return {
    locale: localeOf(program, participant),
    timeZone: availabilityOf(program, participant).timezone,
    address: program.address ?? 'formal',
  };
}

export function localeOf(program: ProgramSettings, participant: Participant): string {
  return chooseLocale([
    participant.language,
    participant.rosterLanguage,
    participant.platformLocale,
    program.language,
  ]);
}

export function availabilityOf(program: ProgramSettings, participant: Participant): Availability {
  return effectiveAvailability(program, participant);
}

export function personStateOf(program: ProgramSettings, participant: Participant): PersonState {
  return {
    availability: availabilityOf(program, participant),
    pausedUntil: participant.pausedUntil,
    consent: participant.consent,
    reachable: participant.reachable,
    arm: participant.arm,
  };
}
