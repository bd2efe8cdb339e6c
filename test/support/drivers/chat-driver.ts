/**
 * What a person does and sees in chat, without the platform: the seam the shared scenario suite is written
 * against. A driver starts the real bot on a fresh database against a platform simulator and turns each step
 * (a command, typed text, a click, a form submission) into the requests that platform really sends; what the
 * person sees comes back as plain text, button labels and form fields, never as Block Kit or Adaptive Cards.
 */
import { DateTime } from 'luxon';
import { PSEUDO_LOCALE } from '../../../src/core/catalog/index.js';
import { isPseudo, unpseudo } from '../../../src/core/catalog/pseudo.js';
import { type ManualClock, systemTimer } from '../../../src/core/clock.js';
import type { Identity, Platform } from '../../../src/core/participant.js';
import type { ProgramSettingsInput } from '../../../src/core/program.js';
import type { Coachloop } from '../../../src/main.js';
import { FakeTimer } from '../foundation.js';

/** `teams-submit` is Teams as older clients speak it: buttons arrive as Action.Submit messages. */
export type DriverName = 'slack' | 'teams' | 'teams-submit';

export type PersonRole = 'leader' | 'mentor' | 'mentee' | 'curator';

export interface PersonSpec {
  /** Full name as the platform shows it, e.g. "Ana Leader"; also the handle scenarios use. */
  name: string;
  /**
   * Default `leader`. Curators are configured as curators, and the curator channel is where their alerts go;
   * mentor and mentee are labels only: pairs are formed the way a roster forms them (see `pairUp`).
   */
  role?: PersonRole;
  /** The IANA zone the person's client reports. Default Europe/Berlin. */
  timezone?: string;
  /** The language the person's client reports (Slack's profile, Teams' activities). Default en-GB. */
  locale?: string;
}

export interface ChatPerson {
  readonly name: string;
  readonly role: PersonRole;
  readonly timezone: string;
  readonly locale: string;
  readonly email: string;
  /** How the app knows this person: for reading stored state through the store. */
  readonly identity: Identity;
}

export interface ChatSetup {
  /** Where the simulated clock starts, an ISO instant. */
  start: string;
  /** Default: one program, `pilot`, on Europe/Berlin time. */
  programs?: ProgramSettingsInput[];
  people?: PersonSpec[];
}

/** A message as the person sees it at the moment it was read (later updates do not change this copy). */
export interface SeenMessage {
  /** The platform's id of the message. */
  readonly id: string;
  /** Everything the message shows, as plain text (markup removed, dates as `shownDate` reads them). */
  readonly text: string;
  /** Button labels, in order. */
  readonly buttons: readonly string[];
  /** How many times the bot had updated the message when it was read. */
  readonly version: number;
  /** This version's platform payload (opaque to scenarios): clicking this copy clicks exactly these buttons. */
  readonly raw: unknown;
}

export interface FormField {
  id: string;
  label: string;
  /** What the field holds now (prefilled or typed), if anything. */
  value: string | undefined;
  /** The inline error under the field, if any. */
  error: string | undefined;
}

/** The form the person has open: a Slack modal, or a Teams card with inputs. */
export interface OpenForm {
  title: string;
  /** Text shown with the form besides field labels (an intro, a summary), plain. */
  text: string;
  submitLabel: string;
  fields: FormField[];
  /** Inline errors by field id; an error that belongs to no field is under `form`. */
  errors: Record<string, string>;
  /** The platform's payload (a Slack view, a Teams card), opaque to scenarios. */
  raw?: unknown;
}

export interface PersonView {
  /** The person's direct messages with the bot, oldest first, as they look now. */
  messages: SeenMessage[];
  /**
   * Private notices, oldest first: Slack ephemerals and `/coach` answers; in Teams the short answer to a click
   * (the invoke's message answer, or the bot's reply to an Action.Submit click).
   */
  notices: string[];
  form: OpenForm | null;
}

/** What changed for the person because of one step. */
export interface Outcome {
  /** New notices, new or changed messages and the form if it opened or changed, as one plain text. */
  text: string;
  notices: string[];
  /** Messages that appeared or changed (in their chat with the bot or in the curator channel). */
  messages: SeenMessage[];
  /** The open form after the step. */
  form: OpenForm | null;
}

/** Command words; people in it become mentions (`<@U…>` on Slack, `<at>…</at>` in Teams). */
export type Words = string | readonly (string | ChatPerson)[];

/** Form values by field id: text as typed, a choice's value, a date as YYYY-MM-DD, a person for a people picker. */
export type FormValues = Record<string, string | ChatPerson>;

export interface ClickOptions {
  /**
   * The message to click on; default the latest one the person sees with that button. A message read earlier
   * keeps that version: clicking it clicks the button as it was then (a stale button). A message from someone
   * else's chat is clicked from the person's own chat, as a forged or replayed payload would be.
   */
  message?: SeenMessage;
  /** Where the message is: the person's chat with the bot (default) or the curator channel. */
  in?: 'dm' | 'curators';
}

/**
 * One running bot and the people around it. Every step (open, command, say, click, replay, storm, submit)
 * happens `STEP_MS` after the previous one on the simulated clock, and returns once the bot has answered and
 * delivered what it queued for now.
 */
export interface ChatSession {
  readonly driver: DriverName;
  /** The running bot: its store and use cases, for reading stored state. */
  readonly app: Coachloop;
  readonly clock: ManualClock;
  person(name: string): ChatPerson;
  /** Someone new on the platform (not yet talking to the bot). Curators must be given at start. */
  addPerson(spec: PersonSpec): Promise<ChatPerson>;
  /** The person opens the bot for the first time (Slack: the app's Home; Teams: installs the app). */
  open(person: ChatPerson): Promise<Outcome>;
  /** `/coach <words>` on Slack; the same words typed to the bot in Teams. */
  command(person: ChatPerson, words: Words): Promise<Outcome>;
  /** Text typed in the person's direct chat with the bot. */
  say(person: ChatPerson, text: string): Promise<Outcome>;
  /** Clicks the button with this label. */
  click(person: ChatPerson, label: string | RegExp, options?: ClickOptions): Promise<Outcome>;
  /** The very same click delivered twice (a retried delivery, a replayed payload). */
  replay(person: ChatPerson, label: string | RegExp, options?: ClickOptions): Promise<Outcome>;
  /** `count` separate clicks of the button at once (a person hammering it, several devices). */
  clickStorm(
    person: ChatPerson,
    label: string | RegExp,
    count: number,
    options?: ClickOptions,
  ): Promise<void>;
  /** Fills the open form (fields not given keep what they hold) and submits it. */
  submitForm(person: ChatPerson, values?: FormValues): Promise<Outcome>;
  view(person: ChatPerson): PersonView;
  /** The curator channel as `reader` sees it (default: dates in UTC), oldest first. */
  curatorChannel(reader?: ChatPerson): SeenMessage[];
  /** Moves the simulated clock to `until`, running a tick (scheduler pass and delivery) every step (default 60 min). */
  runUntil(until: string, stepMinutes?: number): Promise<void>;
  /** Sends what is queued and waits until the bot has finished with every request. */
  settle(): Promise<void>;
  /** Calls the bot has made to the platform so far (Web API calls and response URLs; connector requests). */
  platformCalls(): number;
  /** Buttons this client could click only with a payload the message does not carry (see teams-submit). */
  clientGaps(): string[];
  close(): Promise<void>;
}

export interface ChatDriver {
  readonly name: DriverName;
  readonly platform: Platform;
  start(setup: ChatSetup): Promise<ChatSession>;
}

/** Simulated time between two steps of a person: nobody acts twice in the same millisecond. */
export const STEP_MS = 1000;

export const DEFAULT_PROGRAMS: ProgramSettingsInput[] = [{ name: 'pilot', timezone: 'Europe/Berlin' }];
export const DEFAULT_ZONE = 'Europe/Berlin';
export const DEFAULT_CLIENT_LOCALE = 'en-GB';

const pacing = new FakeTimer();

/**
 * Pacing (a few sends per second per Teams conversation, Slack's pace per minute) waits on the monotonic
 * timer. In the scenarios it runs on simulated time: a wait moves the timer on at once instead of sleeping,
 * so the order and spacing of sends stay what they would be and cost no wall time. The pacing itself is
 * tested with a fake timer beside the senders.
 */
export function paceOnSimulatedTime(): void {
  Object.assign(systemTimer, { now: () => pacing.now(), sleep: (ms: number) => pacing.sleep(ms) });
}

/**
 * How a date the platform formats for each reader (Slack's `<!date…>`, Teams' `{{DATE()}}` and `{{TIME()}}`)
 * reads in the scenarios: in the reader's zone, date `yyyy-LL-dd`, time `HH:mm`.
 */
export function shownDate(instant: number, zone: string, part: 'date' | 'time'): string {
  return DateTime.fromMillis(instant, { zone }).toFormat(part === 'date' ? 'yyyy-LL-dd' : 'HH:mm');
}

/** Visible text without the platforms' markup: bold, italics, code marks. */
export function plainText(text: string): string {
  return text
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/(^|[^\w_])_([^_\n]+)_(?=[^\w_]|$)/g, '$1$2')
    .replace(/`/g, '')
    .trim();
}

/** In the pseudo-locale a label is matched as the English it stands for. */
export function matchesLabel(label: string, wanted: string | RegExp): boolean {
  const read = process.env.SCENARIO_LOCALE === PSEUDO_LOCALE && isPseudo(label) ? unpseudo(label) : label;
  return typeof wanted === 'string' ? read.trim() === wanted : wanted.test(read);
}

/** An email address for a person: first name at example.com. */
export function emailOf(name: string): string {
  return `${name.split(' ')[0]!.toLowerCase().replace(/\W/g, '')}@example.com`;
}

export function describeLabel(wanted: string | RegExp): string {
  return typeof wanted === 'string' ? `"${wanted}"` : String(wanted);
}

/**
 * What changed between two reads of what a person sees: the part of every driver's step that is not about the
 * platform. Messages are compared by id and version; the form by content.
 */
export function outcomeBetween(
  before: { messages: SeenMessage[]; notices: number; form: OpenForm | null },
  after: { messages: SeenMessage[]; notices: string[]; form: OpenForm | null },
): Outcome {
  const earlier = new Map(before.messages.map((m) => [m.id, m]));
  const messages = after.messages.filter((m) => {
    const was = earlier.get(m.id);
    return (
      !was || was.version !== m.version || was.text !== m.text || was.buttons.join() !== m.buttons.join()
    );
  });
  const notices = after.notices.slice(before.notices);
  const formChanged = JSON.stringify(after.form) !== JSON.stringify(before.form);
  // A notice that is also a chat message (a reply to an Action.Submit click) is said once.
  const parts = [...notices, ...messages.map((m) => m.text).filter((text) => !notices.includes(text))];
  if (after.form && formChanged) {
    parts.push(after.form.title, after.form.text, ...Object.values(after.form.errors));
  }
  return {
    text: parts.filter(Boolean).join('\n'),
    notices,
    messages,
    form: after.form,
  };
}
