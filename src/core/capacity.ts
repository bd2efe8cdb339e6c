import { DateTime } from 'luxon';
import { HOUR, MINUTE } from './clock.js';
import type { ProgramSettings } from './program.js';
import {
  type Availability,
  atLocalTime,
  isQuiet,
  isWorkingDay,
  nextAllowedInstant,
  sendingMinutes,
  timeZoneSchema,
  type Weekday,
  weekdayNumber,
} from './time.js';

/**
 * Capacity estimate: how long one day's send waves take for a program of N people, on Slack and on Teams, and
 * whether each wave is out within the catch-up grace window (what is not sent within it expires).
 *
 * The model, in the terms of the engine:
 * - A wave is every message due at one instant: a program's nudge time (or checkpoint time) on one local date, in
 *   each zone. Zones at the same offset share a wave. Everyone's experiment is taken to run on the same dates, and
 *   the day is a nudge day that is also a checkpoint day: the worst day, when the checkpoint surveys come on top of
 *   the nudges.
 * - A tick runs one scheduler pass over everything due, then drains the outbox; the next tick waits for the drain.
 *   So a wave starts when it is due or when the wave before it is out, whichever is later; its pass costs
 *   {@link ENGINE_PASS_MS_PER_JOB} per due job, then its messages go out at the platform's pace, but no faster than
 *   the engine's {@link ENGINE_DISPATCH_MS_PER_MESSAGE}.
 * - The pace is the dispatcher's token bucket for one Slack workspace or one Teams tenant: a burst, then an even
 *   pace (the caller gives the pace a setting yields, as the senders compute it). A wave that starts on an idle
 *   platform gets the burst; one that waits behind another gets what the bucket refilled by then.
 * - Each platform is estimated as if everyone were on it (one workspace, one tenant).
 * - A message not sent within the grace window after its due time expires, and so does one that would have to wait
 *   past the start of quiet hours that outlast the window; the platform stops spending time on a wave once its
 *   window is over.
 */

/**
 * The scheduler pass's cost per due job: the upper end of the 0.64–1.06 ms measured with 10 to 1,000 nudges due
 * (README, Benchmarks: "Scheduler pass, 1 % due").
 */
export const ENGINE_PASS_MS_PER_JOB = 1.06;
/** The dispatcher's CPU per message sent (README, Benchmarks: "Dispatch CPU per message"). */
export const ENGINE_DISPATCH_MS_PER_MESSAGE = 0.89;

export type CapacityPlatform = 'slack' | 'teams';

/** A platform's pace setting, the pace it yields, and how far it can go. */
export interface PaceSetting {
  platform: CapacityPlatform;
  /** The configuration variable, e.g. SLACK_MESSAGES_PER_MINUTE. */
  variable: string;
  value: number;
  /** The highest value the configuration accepts. */
  max: number;
  /** The pace the dispatcher keeps for a value of the variable (messages per second and the burst). */
  paceAt(value: number): { perWorkspacePerSecond: number; burst: number };
}

export interface ZoneShare {
  zone: string;
  /** Share of the people, in percent; the shares add up to 100. */
  percent: number;
}

/** What of a program the estimate reads. */
export type CapacityProgram = Pick<
  ProgramSettings,
  | 'name'
  | 'timezone'
  | 'checkpointDays'
  | 'checkpointTime'
  | 'workingDays'
  | 'quietHours'
  | 'catchUpGraceHours'
> & { nudges: Pick<ProgramSettings['nudges'], 'weekdays' | 'time'> };

export interface CapacityInput {
  program: CapacityProgram;
  people: number;
  /** Default: everyone in the program's zone. */
  zones?: readonly ZoneShare[];
  platforms: readonly PaceSetting[];
  /** The day is the first nudge day on or after this local date (YYYY-MM-DD); it sets the zones' offsets. */
  date: string;
  /**
   * Spread the sends over this many times (default 1): the people split evenly into groups whose nudge and
   * checkpoint times lie `spreadMinutes` apart, as if the cohort ran as that many programs.
   */
  spreadTimes?: number;
  spreadMinutes?: number;
}

export interface PlatformWave {
  platform: CapacityPlatform;
  /** How long the wave waited for the one before it to be out. */
  waitedMs: number;
  /** The scheduler pass over the wave's due jobs. */
  passMs: number;
  /** The messages at the platform's pace (after the burst). */
  paceMs: number;
  /** The engine's own time for the wave: pass and dispatch. */
  engineMs: number;
  /** From the due time to the last message sent, waiting included, as if none expired. */
  takesMs: number;
  /** What the wave's own duration is bound by: the platform's pace or the engine's cost per due job. */
  boundBy: 'pace' | 'engine';
  withinGrace: boolean;
  /** Messages not sent within the grace window: they expire. */
  expired: number;
}

export interface Wave {
  /** UTC milliseconds. */
  dueAt: number;
  /**
   * The end of its window, UTC milliseconds: the grace window after the due time, or the start of quiet hours when
   * they last beyond the grace window (the dispatcher expires what would have to wait past it).
   */
  sendBy: number;
  kinds: ('nudge' | 'checkpoint')[];
  /** Where and when it is due locally, e.g. "09:30 Europe/Berlin". */
  local: string[];
  messages: number;
  platforms: PlatformWave[];
}

export interface PlatformAdvice {
  platform: CapacityPlatform;
  variable: string;
  value: number;
  perSecond: number;
  burst: number;
  /** The largest wave that is out within the grace window on its own, at this pace. */
  largestWaveWithinGrace: number;
  withinGrace: boolean;
  expired: number;
  /** The smallest value of the variable at which every wave is out within the window; null if none up to max. */
  valueNeeded: number | null;
  /** Spreading the day's sends: into how many times, how far apart; null when spreading alone cannot do it. */
  spread: { times: number; minutesApart: number } | null;
  advice: string[];
}

export interface CapacityEstimate {
  program: string;
  people: number;
  zones: { zone: string; percent: number; people: number }[];
  date: string;
  graceMs: number;
  engine: { passMsPerJob: number; dispatchMsPerMessage: number };
  waves: Wave[];
  platforms: PlatformAdvice[];
}

export class CapacityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CapacityInputError';
  }
}

/** Reads "Europe/Berlin=60,America/New_York=40": each zone with its share of the people in percent. */
export function parseZoneShares(text: string): ZoneShare[] {
  const zones = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([^=\s]+)\s*=\s*(\d+(?:\.\d+)?)\s*%?$/.exec(part);
      if (!match) throw new CapacityInputError(`"${part}" is not ZONE=PERCENT, e.g. Europe/Berlin=60`);
      const zone = match[1]!;
      if (!timeZoneSchema.safeParse(zone).success)
        throw new CapacityInputError(`"${zone}" is not an IANA time zone`);
      return { zone, percent: Number(match[2]) };
    });
  if (zones.length === 0) throw new CapacityInputError('no zone given');
  return zones;
}

/** At most this many people: far above any one program, low enough that every figure stays exact. */
export const MAX_PEOPLE = 100_000_000;

/** Splits whole people by shares, largest remainders first, so the parts add up to the whole. */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (total * s) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

function checkInput(input: CapacityInput): void {
  if (!Number.isInteger(input.people) || input.people < 1 || input.people > MAX_PEOPLE)
    throw new CapacityInputError(
      `people must be a whole number from 1 to ${MAX_PEOPLE.toLocaleString('en')}`,
    );
  const zones = input.zones ?? [];
  if (zones.some((z) => !(z.percent > 0))) throw new CapacityInputError('every zone needs a share above 0 %');
  const total = zones.reduce((a, z) => a + z.percent, 0);
  if (zones.length > 0 && Math.abs(total - 100) > 1e-9)
    throw new CapacityInputError(`the zones' shares add up to ${total} %, not 100 %`);
  for (const z of zones)
    if (!timeZoneSchema.safeParse(z.zone).success)
      throw new CapacityInputError(`"${z.zone}" is not an IANA time zone`);
  if (new Set(zones.map((z) => z.zone)).size !== zones.length)
    throw new CapacityInputError('a zone is named twice');
  const times = input.spreadTimes ?? 1;
  if (!Number.isInteger(times) || times < 1 || times > 24)
    throw new CapacityInputError('the sends can be spread over 1 to 24 times');
  const minutes = input.spreadMinutes ?? 30;
  if (!Number.isInteger(minutes) || minutes < 1)
    throw new CapacityInputError('spread times lie a whole number of minutes apart, 1 or more');
  if (!spreadFitsTheDay(input))
    throw new CapacityInputError(
      `${times} times ${minutes} min apart run past midnight from ${input.program.nudges.time} and ${input.program.checkpointTime}`,
    );
  if (!DateTime.fromISO(input.date).isValid) throw new CapacityInputError(`"${input.date}" is not a date`);
  if (input.platforms.length === 0) throw new CapacityInputError('no platform to estimate');
}

/** Whether every spread nudge and checkpoint time falls outside quiet hours. */
function outsideQuietHours(input: CapacityInput): boolean {
  const { program } = input;
  const isQuietAt = (m: number) =>
    isQuiet(DateTime.fromObject({ hour: Math.floor(m / 60), minute: m % 60 }), program.quietHours);
  for (let k = 0; k < (input.spreadTimes ?? 1); k++) {
    const shift = k * (input.spreadMinutes ?? 30);
    for (const time of [program.nudges.time, program.checkpointTime])
      if (isQuietAt(minutesOf(time) + shift)) return false;
  }
  return true;
}

/** Whether the spread times all stay on the same day. */
function spreadFitsTheDay(input: CapacityInput): boolean {
  const latest = Math.max(minutesOf(input.program.nudges.time), minutesOf(input.program.checkpointTime));
  return latest + ((input.spreadTimes ?? 1) - 1) * (input.spreadMinutes ?? 30) < 24 * 60;
}

/** The zones with how many people each has. */
function zonePeople(input: CapacityInput): { zone: string; percent: number; people: number }[] {
  const shares = input.zones?.length ? input.zones : [{ zone: input.program.timezone, percent: 100 }];
  const people = apportion(
    input.people,
    shares.map((z) => z.percent),
  );
  return shares.map((z, i) => ({ zone: z.zone, percent: z.percent, people: people[i]! }));
}

/** The first nudge day (a nudge weekday that is a working day) on or after the date; else the first working day. */
function waveDay(program: CapacityProgram, date: string): DateTime {
  // Stryker disable next-line ObjectLiteral: equivalent; only the calendar date is read, the same in any zone
  const start = DateTime.fromISO(date, { zone: 'UTC' });
  const nudgeDays = program.nudges.weekdays.map(weekdayNumber);
  const working = program.workingDays.map(weekdayNumber);
  const wants = [(d: DateTime) => (nudgeDays as number[]).includes(d.weekday), () => true];
  for (const wanted of wants) {
    for (let i = 0; i < 7; i++) {
      const day = start.plus({ days: i });
      if (isWorkingDay(day, working) && wanted(day)) return day;
    }
  }
  return start;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const shiftTime = (hhmm: string, minutes: number) => {
  const total = minutesOf(hhmm) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

interface DueGroup {
  dueAt: number;
  sendBy: number;
  kind: 'nudge' | 'checkpoint';
  local: string;
  people: number;
}

/**
 * Until when a message due at an instant can go out: within the grace window, unless quiet hours start first and
 * last beyond it (then the dispatcher expires it rather than keep it overnight).
 */
function sendBy(dueAt: number, who: Availability, program: CapacityProgram): number {
  const grace = dueAt + program.catchUpGraceHours * HOUR;
  const local = DateTime.fromMillis(dueAt, { zone: who.timezone });
  let quiet = atLocalTime(local, program.quietHours.start, who.timezone).toMillis();
  if (quiet <= dueAt)
    quiet = atLocalTime(local.plus({ days: 1 }), program.quietHours.start, who.timezone).toMillis();
  return nextAllowedInstant(quiet, who) > grace ? Math.min(grace, quiet) : grace;
}

/** The instants of the day's sends, each with how many are due then. */
function dueGroups(
  input: CapacityInput,
  zones: { zone: string; people: number }[],
  day: DateTime,
): DueGroup[] {
  const { program } = input;
  const times = input.spreadTimes ?? 1;
  const step = input.spreadMinutes ?? 30;
  const groups: DueGroup[] = [];
  for (const { zone, people } of zones) {
    const who: Availability = {
      timezone: zone,
      workingDays: program.workingDays.map(weekdayNumber),
      quietHours: program.quietHours,
    };
    // Stryker disable next-line ObjectLiteral: equivalent; times are placed by atLocalTime in the zone, from the date
    const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone });
    const nudgeDay = program.nudges.weekdays.map(weekdayNumber).includes(local.weekday as Weekday);
    const parts = apportion(
      people,
      Array.from({ length: times }, () => 1),
    );
    parts.forEach((count, k) => {
      if (count === 0) return;
      const nudgeTime = shiftTime(program.nudges.time, k * step);
      const checkpointTime = shiftTime(program.checkpointTime, k * step);
      // As the scheduler does: past quiet hours, and a nudge never onto another date.
      const nudgeAt = nextAllowedInstant(atLocalTime(local, nudgeTime, zone).toMillis(), who);
      if (nudgeDay && DateTime.fromMillis(nudgeAt, { zone }).toISODate() === local.toISODate())
        groups.push({
          dueAt: nudgeAt,
          sendBy: sendBy(nudgeAt, who, program),
          kind: 'nudge',
          local: `${nudgeTime} ${zone}`,
          people: count,
        });
      // Surveys move to the next allowed moment (a program has at least one checkpoint day).
      const checkpointAt = nextAllowedInstant(atLocalTime(local, checkpointTime, zone).toMillis(), who);
      groups.push({
        dueAt: checkpointAt,
        sendBy: sendBy(checkpointAt, who, program),
        kind: 'checkpoint',
        local: `${checkpointTime} ${zone}`,
        people: count,
      });
    });
  }
  return groups;
}

function mergeWaves(groups: DueGroup[]): Omit<Wave, 'platforms'>[] {
  const byInstant = new Map<number, Omit<Wave, 'platforms'>>();
  for (const g of [...groups].sort((a, b) => a.dueAt - b.dueAt)) {
    const wave = byInstant.get(g.dueAt) ?? {
      dueAt: g.dueAt,
      // Zones at one offset share their local time, and with it the window.
      sendBy: g.sendBy,
      kinds: [],
      local: [],
      messages: 0,
    };
    byInstant.set(g.dueAt, wave);
    if (!wave.kinds.includes(g.kind)) wave.kinds.push(g.kind);
    wave.local.push(`${g.local} (${g.kind})`);
    wave.messages += g.people;
  }
  return [...byInstant.values()];
}

interface Pace {
  perSecond: number;
  burst: number;
}

/** Messages out within `ms` of the wave's dispatch start: the burst, then the pace, never faster than the engine. */
function sentWithin(ms: number, messages: number, burst: number, pace: Pace): number {
  if (ms < 0) return 0;
  const paced = burst + (ms / 1000) * pace.perSecond;
  const engine = ms / ENGINE_DISPATCH_MS_PER_MESSAGE;
  return Math.min(messages, Math.floor(Math.min(paced, engine)));
}

/** The day's waves one after the other on one platform at one pace. */
function runDay(waves: readonly Omit<Wave, 'platforms'>[], platform: CapacityPlatform, pace: Pace) {
  let freeAt = Number.NEGATIVE_INFINITY;
  let tokensAt = Number.NEGATIVE_INFINITY;
  return waves.map((wave): PlatformWave => {
    const start = Math.max(wave.dueAt, freeAt);
    const passMs = wave.messages * ENGINE_PASS_MS_PER_JOB;
    const dispatchAt = start + passMs;
    // The bucket refills while the platform is idle, up to the burst.
    const burst = Math.min(pace.burst, Math.floor(((dispatchAt - tokensAt) / 1000) * pace.perSecond));
    const paceMs = (Math.max(0, wave.messages - burst) / pace.perSecond) * 1000;
    const dispatchMs = wave.messages * ENGINE_DISPATCH_MS_PER_MESSAGE;
    const sendMs = Math.max(paceMs, dispatchMs);
    const doneAt = dispatchAt + sendMs;
    const deadline = wave.sendBy;
    const withinGrace = doneAt <= deadline;
    const expired = withinGrace
      ? 0
      : wave.messages - sentWithin(deadline - dispatchAt, wave.messages, burst, pace);
    // Once the window is over the rest expire unsent: the platform is free again (after the pass, which runs anyway).
    const endAt = Math.min(doneAt, Math.max(deadline, dispatchAt));
    freeAt = endAt;
    tokensAt = endAt;
    return {
      platform,
      waitedMs: start - wave.dueAt,
      passMs,
      paceMs,
      engineMs: passMs + dispatchMs,
      // Summed, not subtracted from the instant: exact for small waves.
      takesMs: start - wave.dueAt + passMs + sendMs,
      boundBy: paceMs > passMs + dispatchMs ? 'pace' : 'engine',
      withinGrace,
      expired,
    };
  });
}

/** The largest wave that is out within the grace window on an idle platform. */
function largestWithin(pace: Pace, graceMs: number): number {
  // Both bounds are linear in the wave's size n: n·pass + (n − burst)/pace ≤ grace, and n·(pass + dispatch) ≤ grace.
  const perMessagePaced = ENGINE_PASS_MS_PER_JOB + 1000 / pace.perSecond;
  const byPace = (graceMs + (pace.burst * 1000) / pace.perSecond) / perMessagePaced;
  const byEngine = graceMs / (ENGINE_PASS_MS_PER_JOB + ENGINE_DISPATCH_MS_PER_MESSAGE);
  return Math.max(0, Math.floor(Math.min(byPace, byEngine)));
}

/** The smallest setting at which the whole day is out within the window (settings only make the pace faster). */
function valueNeeded(waves: readonly Omit<Wave, 'platforms'>[], setting: PaceSetting): number | null {
  const fits = (value: number) => {
    const p = setting.paceAt(value);
    return runDay(waves, setting.platform, { perSecond: p.perWorkspacePerSecond, burst: p.burst }).every(
      (w) => w.withinGrace,
    );
  };
  if (!fits(setting.max)) return null;
  // Whole numbers: the lowest that fits lies in (low, high].
  let low = setting.value;
  let high = setting.max;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** "4 h 10 min", "3 min 27 s", "0.8 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} ms`;
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toLocaleString('en')} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return m === 0 ? `${s} s` : `${m} min ${s} s`;
  }
  const minutes = Math.round(ms / MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const count = (n: number) => n.toLocaleString('en');
const PLATFORM_NAMES: Record<CapacityPlatform, string> = { slack: 'Slack', teams: 'Teams' };

function advise(
  setting: PaceSetting,
  waves: Wave[],
  day: readonly Omit<Wave, 'platforms'>[],
  graceMs: number,
  input: CapacityInput,
): PlatformAdvice {
  const pace = setting.paceAt(setting.value);
  const mine = waves.map((w) => ({ wave: w, on: w.platforms.find((p) => p.platform === setting.platform)! }));
  const largest = largestWithin({ perSecond: pace.perWorkspacePerSecond, burst: pace.burst }, graceMs);
  const withinGrace = mine.every((m) => m.on.withinGrace);
  const expired = mine.reduce((a, m) => a + m.on.expired, 0);
  const needed = withinGrace ? setting.value : valueNeeded(day, setting);
  const name = PLATFORM_NAMES[setting.platform];
  const grace = formatDuration(graceMs);
  const advice: string[] = [];
  let spread: PlatformAdvice['spread'] = null;
  const biggest = Math.max(...waves.map((w) => w.messages));
  const slowest = mine.reduce((a, m) => (m.on.takesMs > a.on.takesMs ? m : a));
  if (withinGrace) {
    advice.push(
      `Every wave is out within the ${grace} grace window; the slowest is out ${formatDuration(slowest.on.takesMs)} after its time. Waves of up to ${count(largest)} messages fit at this pace.`,
    );
  } else {
    advice.push(
      `${count(expired)} messages a day would expire: not sent within the ${grace} grace window. ${
        biggest > largest
          ? `At this pace a wave fits the window only up to ${count(largest)} messages; the largest here has ${count(biggest)}.`
          : `Each wave alone would fit (up to ${count(largest)} messages at this pace), but they come too close together: a wave waits for the one before it.`
      }`,
    );
    const engineBound = mine.some((m) => m.on.boundBy === 'engine' && !m.on.withinGrace);
    const total = day.reduce((a, w) => a + w.messages, 0);
    spread = spreadThatFits(input, setting);
    if (spread) {
      advice.push(
        `Spread the sends: split the people into ${spread.times} programs whose nudge and checkpoint times lie ${spread.minutesApart} min apart (--spread-times ${spread.times} --spread-minutes ${spread.minutesApart} shows the day).`,
      );
    } else {
      advice.push(
        `Spreading the times alone cannot do it: ${count(total)} messages at this pace take ${formatDuration(
          (total / pace.perWorkspacePerSecond) * 1000,
        )}, against ${formatDuration(sendingMinutes(input.program.quietHours) * MINUTE)} of sending hours a day outside quiet hours.`,
      );
    }
    if ((input.zones?.length ?? 0) < 2)
      advice.push(
        'If the people live in several zones, give them with --zones: zones at other offsets send in waves of their own.',
      );
    // Not within the window at this value, so a value that fits is a higher one.
    if (needed !== null) {
      advice.push(
        setting.platform === 'slack'
          ? `Or raise ${setting.variable} from ${count(setting.value)} to ${count(needed)}, if Slack grants the workspace that pace (ask Slack first: over its cap every send draws a 429).`
          : `Or raise ${setting.variable} from ${count(setting.value)} to ${count(needed)} (at most ${setting.max}; Teams allows about 50 requests per second per app and tenant, replies to clicks included).`,
      );
    } else {
      advice.push(
        `No ${name} pace up to ${setting.variable}=${count(setting.max)} is enough${
          engineBound ? ': the engine itself needs more than the window for waves this large' : ''
        }; spread the sends, or split the cohort over nudge days (programs on other weekdays).`,
      );
    }
  }
  return {
    platform: setting.platform,
    variable: setting.variable,
    value: setting.value,
    perSecond: pace.perWorkspacePerSecond,
    burst: pace.burst,
    largestWaveWithinGrace: largest,
    withinGrace,
    expired,
    valueNeeded: needed,
    spread,
    advice,
  };
}

/** Spreads to try, the fewest times first: each shifts the people's nudge and checkpoint times. */
const SPREAD_TIMES = [2, 3, 4, 6, 8, 12];
const SPREAD_MINUTES = [15, 30, 45, 60, 90, 120, 180, 240];

/** The smallest spread of the sends at which the whole day fits on this platform, checked by estimating it. */
function spreadThatFits(input: CapacityInput, setting: PaceSetting): PlatformAdvice['spread'] {
  const pace = setting.paceAt(setting.value);
  const zones = zonePeople(input);
  const day = waveDay(input.program, input.date);
  for (const times of SPREAD_TIMES) {
    for (const minutes of SPREAD_MINUTES) {
      const spread = { ...input, spreadTimes: times, spreadMinutes: minutes };
      // Only times that all fall outside quiet hours: a nudge there would not go out that day at all.
      if (!spreadFitsTheDay(spread) || !outsideQuietHours(spread)) break;
      const waves = mergeWaves(dueGroups(spread, zones, day));
      const run = runDay(waves, setting.platform, {
        perSecond: pace.perWorkspacePerSecond,
        burst: pace.burst,
      });
      if (run.every((w) => w.withinGrace)) return { times, minutesApart: minutes };
    }
  }
  return null;
}

/** The estimate for one program: its day's waves on each platform, and what to change where they do not fit. */
export function estimateCapacity(input: CapacityInput): CapacityEstimate {
  checkInput(input);
  const zones = zonePeople(input);
  const day = waveDay(input.program, input.date);
  const graceMs = input.program.catchUpGraceHours * HOUR;
  const plain = mergeWaves(dueGroups(input, zones, day));
  const runs = input.platforms.map((setting) => {
    const pace = setting.paceAt(setting.value);
    return runDay(plain, setting.platform, { perSecond: pace.perWorkspacePerSecond, burst: pace.burst });
  });
  const waves: Wave[] = plain.map((wave, i) => ({ ...wave, platforms: runs.map((run) => run[i]!) }));
  return {
    program: input.program.name,
    people: input.people,
    zones,
    date: day.toISODate()!,
    graceMs,
    engine: { passMsPerJob: ENGINE_PASS_MS_PER_JOB, dispatchMsPerMessage: ENGINE_DISPATCH_MS_PER_MESSAGE },
    waves,
    platforms: input.platforms.map((setting) => advise(setting, waves, plain, graceMs, input)),
  };
}

const utcLabel = (ms: number) => `${DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat('HH:mm')} UTC`;

/** One platform's figure for a wave: how long it takes, what bounds it, and what of it expires. */
function waveCell(on: PlatformWave): string {
  const waited = on.waitedMs > 0 ? `, ${formatDuration(on.waitedMs)} of it waiting` : '';
  const expired = on.withinGrace ? 'within grace' : `${count(on.expired)} expire`;
  return `${formatDuration(on.takesMs)} (${on.boundBy}${waited}; ${expired})`;
}

/** The estimate as the command prints it. */
export function renderCapacityText(estimate: CapacityEstimate): string {
  const lines: string[] = [];
  const zones = estimate.zones.map((z) => `${z.zone} ${z.percent} % (${count(z.people)})`).join(', ');
  lines.push(
    `Program ${estimate.program}: ${count(estimate.people)} people in ${zones}.`,
    `The day: ${estimate.date}, a nudge day that is also a checkpoint day, everyone's experiment on the same dates (the worst day).`,
    `Catch-up grace window: ${formatDuration(estimate.graceMs)} (catchUpGraceHours); what is not sent within it expires.`,
    `Engine: ${estimate.engine.passMsPerJob} ms per due job in the scheduler pass, then ${estimate.engine.dispatchMsPerMessage} ms per message sent (README, Benchmarks).`,
  );
  for (const p of estimate.platforms) {
    const perMinute = Math.round(p.perSecond * 60 * 100) / 100;
    lines.push(
      `${PLATFORM_NAMES[p.platform]} pace: ${p.variable}=${count(p.value)} → a burst of ${p.burst}, then ${count(perMinute)} a minute (${count(Math.round(p.perSecond * 100) / 100)}/s).`,
    );
  }
  lines.push(
    '',
    'Waves (due instant, where, messages; per platform: from due time to last message, bound, expiry):',
  );
  estimate.waves.forEach((wave, i) => {
    lines.push(
      `${i + 1}. ${utcLabel(wave.dueAt)}  ${count(wave.messages)} messages  ${wave.local.join(', ')}`,
    );
    for (const on of wave.platforms)
      lines.push(`     ${PLATFORM_NAMES[on.platform].padEnd(6)} ${waveCell(on)}`);
  });
  for (const p of estimate.platforms) {
    lines.push('', `${PLATFORM_NAMES[p.platform]}: ${p.withinGrace ? 'fits' : 'does not fit'}.`);
    for (const advice of p.advice) lines.push(`  - ${advice}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What to change on one platform, in a few words for the README table. */
function shortAdvice(p: PlatformAdvice): string {
  if (p.withinGrace) return 'nothing';
  const options: string[] = [];
  if (p.spread) options.push(`spread over ${p.spread.times} times ≥ ${p.spread.minutesApart} min apart`);
  if (p.valueNeeded !== null) options.push(`${p.variable}=${count(p.valueNeeded)}`);
  if (options.length === 0)
    options.push(
      'split the cohort over nudge days (programs on other weekdays): no pace or spread within a day is enough',
    );
  return options.join(', or ');
}

export interface CapacityTableInput {
  program: CapacityProgram;
  platforms: readonly PaceSetting[];
  date: string;
  /** The people sizes of the rows, e.g. 1,000 to 1,000,000. */
  sizes: readonly number[];
  /** The zones of the "several zones" rows, with their shares. */
  zones: readonly ZoneShare[];
  /** The times of the "several times" rows, and how far apart. */
  spreadTimes: number;
  spreadMinutes: number;
}

/** The README's capacity table: each size, one zone or several, one time or several. */
export function renderCapacityTable(input: CapacityTableInput): string {
  const names = input.platforms.map((p) => PLATFORM_NAMES[p.platform]);
  const header = [
    'People',
    'Zones',
    'Times',
    'Largest wave',
    ...names.map((n) => `${n}: slowest wave`),
    ...names.map((n) => `${n}: what to change`),
  ];
  const rows = [header, header.map(() => '---')];
  for (const people of input.sizes) {
    for (const zones of [[{ zone: input.program.timezone, percent: 100 }], input.zones]) {
      for (const spreadTimes of [1, input.spreadTimes]) {
        const estimate = estimateCapacity({
          program: input.program,
          people,
          zones,
          platforms: input.platforms,
          date: input.date,
          spreadTimes,
          spreadMinutes: input.spreadMinutes,
        });
        const slowest = (platform: CapacityPlatform) =>
          estimate.waves
            .map((w) => w.platforms.find((p) => p.platform === platform)!)
            .reduce((a, b) => (b.takesMs > a.takesMs ? b : a));
        rows.push([
          count(people),
          String(zones.length),
          spreadTimes === 1 ? '1' : `${spreadTimes}, ${input.spreadMinutes} min apart`,
          count(Math.max(...estimate.waves.map((w) => w.messages))),
          ...input.platforms.map((p) => waveCell(slowest(p.platform))),
          ...estimate.platforms.map(shortAdvice),
        ]);
      }
    }
  }
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}
