/**
 * Local Slack Web API simulator for tests.
 *
 * A real HTTP server on 127.0.0.1 (ephemeral port) that answers `POST /api/<method>`
 * the way Slack does: HTTP 200 with `{ ok: false, error }` for platform errors,
 * HTTP 429 with `Retry-After` for rate limits. Point `@slack/web-api` or Bolt at
 * `sim.apiUrl` through the `slackApiUrl` client option.
 *
 * Self-contained: node built-ins only.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface SlackSimulatorOptions {
  /** Bot token every call must carry (`Authorization: Bearer …`). Default `xoxb-test-token`. */
  token?: string;
  /** App-level token accepted by `apps.connections.open` (Socket Mode). Default `xapp-test-token`. */
  appToken?: string;
  /** Default `T0001`. */
  teamId?: string;
  /** Default `coachloop-test`. */
  teamDomain?: string;
  /** Default `UBOT`. */
  botUserId?: string;
  /** Default `BBOT`. */
  botId?: string;
  /** Default `A0SIM`. */
  appId?: string;
  /**
   * When set, the limits are enforced on `chat.postMessage` (sliding windows over accepted calls).
   * `perChannelPerSecond` defaults to 1 when `rateLimits` is given; `workspacePerMinute` is unlimited unless given.
   */
  rateLimits?: { perChannelPerSecond?: number; workspacePerMinute?: number };
  /** When true, a `trigger_id` can be exchanged only once (`exchanged_trigger_id`), like Slack. Default false. */
  strictTriggers?: boolean;
  /** Clock in milliseconds (rate-limit windows, `ts`, `at`). Default `Date.now`. */
  now?: () => number;
}

export interface RecordedCall {
  method: string;
  /** Decoded body; `blocks`, `view`, `metadata`, `attachments` parsed from JSON strings. */
  args: Record<string, unknown>;
  /** Clock time (ms) when the call arrived. */
  at: number;
  /** HTTP status answered (0 while pending, or for a `hang` fault). */
  status: number;
  /** The JSON body answered (undefined while pending / hung). */
  response?: Record<string, unknown>;
  /** The fault applied to this call, if any. */
  fault?: Fault;
}

export type Fault =
  /** HTTP 429 + `Retry-After`, body `{ ok:false, error:'ratelimited' }`. */
  | { type: 'ratelimit'; retryAfterSeconds: number }
  /** Plain HTTP error status (e.g. 500, 502, 503). */
  | { type: 'http'; status: number; body?: string }
  /** HTTP 200 with `{ ok:false, error }`. */
  | { type: 'error'; error: string }
  /** The call takes effect immediately; only the answer is delayed by `ms`. */
  | { type: 'delay'; ms: number }
  /**
   * Never answer (the socket is destroyed on `close()`). By default the call has no effect;
   * with `apply: true` it takes effect before hanging (an "ambiguous send").
   */
  | { type: 'hang'; apply?: boolean };

export interface SimUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  /** The language of the person's Slack client (BCP 47), returned when a method is asked `include_locale`. */
  locale: string;
  email?: string;
  isBot: boolean;
  deleted: boolean;
}

export interface AddUserInput {
  id: string;
  name?: string;
  realName?: string;
  tz?: string;
  /** Default en-GB: the test people read British English unless a test says otherwise (Slack's own default is en-US). */
  locale?: string;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
}

export interface UserRegistry {
  addUser(u: AddUserInput): SimUser;
  get(id: string): SimUser | undefined;
  all(): SimUser[];
  remove(id: string): boolean;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[] | undefined;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | undefined;
  user: string;
  thread_ts?: string;
  /** Number of chat.update calls applied. */
  edits: number;
}

export interface StoredEphemeral {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  blocks: unknown[] | undefined;
  thread_ts?: string;
}

export interface StoredView {
  id: string;
  team_id: string;
  type: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, unknown> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  /** Set for Home views (views.publish). */
  user_id?: string;
  /** The trigger that opened / pushed it. */
  trigger_id?: string;
  [key: string]: unknown;
}

export interface ResponseUrlPost {
  path: string;
  body: unknown;
  at: number;
}

export interface SlackSimulatorStats {
  /** chat.postMessage calls answered ok:true. */
  accepted: number;
  /** 429s produced by rate-limit enforcement (not by injected faults). */
  rateLimited: number;
  /** Injected faults applied (queued or random). */
  faults: number;
}

export type MethodHandler = (args: Record<string, unknown>, call: RecordedCall) => Record<string, unknown>;

export interface SlackSimulator {
  /** `http://127.0.0.1:PORT/api/` — use as `slackApiUrl`. */
  apiUrl: string;
  /** `http://127.0.0.1:PORT/hooks/` — any POST below it is recorded in `responseUrlPosts` (use for response_url). */
  responseUrlBase: string;
  port: number;
  token: string;
  teamId: string;
  botUserId: string;
  botId: string;
  close(): Promise<void>;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  users: UserRegistry;
  /** Same as `users.addUser`. */
  addUser(u: AddUserInput): SimUser;
  addUsergroup(id: string, userIds: string[]): void;
  /** Stored messages (oldest first), optionally for one channel. Reflects chat.update / chat.delete. */
  messages(channel?: string): StoredMessage[];
  /** Ephemeral messages posted with chat.postEphemeral. */
  ephemerals(channel?: string): StoredEphemeral[];
  /** Views by id (views.open / push / update / publish). */
  views: Map<string, StoredView>;
  /** The last Home view published for a user. */
  homeOf(userId: string): StoredView | undefined;
  /** POSTs received on `responseUrlBase`. */
  responseUrlPosts: ResponseUrlPost[];
  /** Queue a fault for the next `times` calls to `method` (`'*'` = any method). */
  injectFault(method: string, fault: Fault, times?: number): void;
  injectRandomFaults(opts: { probability: number; kinds: Fault[]; seed?: number; methods?: string[] }): void;
  clearFaults(): void;
  /** Override or add a method. The handler's return value is the JSON body (HTTP 200). */
  setHandler(method: string, handler: MethodHandler | undefined): void;
  setSocketModeUrl(url: string): void;
  stats: SlackSimulatorStats;
  /** Clears calls, messages, ephemerals, views, faults, rate windows, stats, response_url posts. Keeps users/usergroups. */
  reset(): void;
}

// ---------------------------------------------------------------------------
// Block Kit validation
// ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkTextObject(
  where: string,
  v: unknown,
  max: number,
  errs: string[],
  opts: { plainOnly?: boolean; min?: number } = {},
): void {
  if (!isObj(v)) {
    errs.push(`${where}: must be a text object`);
    return;
  }
  if (v.type !== 'plain_text' && v.type !== 'mrkdwn')
    errs.push(`${where}: text type must be plain_text or mrkdwn`);
  if (opts.plainOnly && v.type !== 'plain_text') errs.push(`${where}: must be plain_text`);
  if (typeof v.text !== 'string') {
    errs.push(`${where}: text must be a string`);
    return;
  }
  const min = opts.min ?? 1;
  if (v.text.length < min) errs.push(`${where}: must be at least ${min} characters`);
  if (v.text.length > max) errs.push(`${where}: must be at most ${max} characters (got ${v.text.length})`);
}

function checkOptions(where: string, options: unknown, max: number, errs: string[]): void {
  if (!Array.isArray(options)) {
    errs.push(`${where}.options: must be an array`);
    return;
  }
  if (options.length > max) errs.push(`${where}.options: at most ${max} options (got ${options.length})`);
  options.forEach((o, i) => {
    if (!isObj(o)) {
      errs.push(`${where}.options[${i}]: must be an object`);
      return;
    }
    checkTextObject(`${where}.options[${i}].text`, o.text, 75, errs);
    if (typeof o.value !== 'string') errs.push(`${where}.options[${i}].value: must be a string`);
    else if (o.value.length > 150) errs.push(`${where}.options[${i}].value: at most 150 characters`);
  });
}

function checkElement(where: string, el: unknown, actionIds: Set<string>, errs: string[]): void {
  if (!isObj(el) || typeof el.type !== 'string') {
    errs.push(`${where}: element must be an object with a type`);
    return;
  }
  if (el.action_id !== undefined) {
    if (typeof el.action_id !== 'string') errs.push(`${where}.action_id: must be a string`);
    else {
      if (el.action_id.length > 255) errs.push(`${where}.action_id: at most 255 characters`);
      if (actionIds.has(el.action_id))
        errs.push(`${where}.action_id: duplicate action_id "${el.action_id}" in block`);
      actionIds.add(el.action_id);
    }
  }
  switch (el.type) {
    case 'button':
      checkTextObject(`${where}.text`, el.text, 75, errs, { plainOnly: true });
      if (el.value !== undefined && (typeof el.value !== 'string' || el.value.length > 2000))
        errs.push(`${where}.value: must be a string of at most 2000 characters`);
      if (typeof el.url === 'string' && el.url.length > 3000)
        errs.push(`${where}.url: at most 3000 characters`);
      break;
    case 'static_select':
    case 'multi_static_select':
      if (el.options !== undefined) checkOptions(where, el.options, 100, errs);
      else if (!Array.isArray(el.option_groups)) errs.push(`${where}: options or option_groups required`);
      else if (el.option_groups.length > 100) errs.push(`${where}.option_groups: at most 100`);
      break;
    case 'overflow':
      checkOptions(where, el.options, 5, errs);
      if (Array.isArray(el.options) && el.options.length < 2)
        errs.push(`${where}.options: at least 2 options`);
      break;
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(where, el.options, 10, errs);
      break;
    case 'image':
      if (typeof el.alt_text !== 'string') errs.push(`${where}.alt_text: required`);
      break;
    default:
      break;
  }
  if (el.placeholder !== undefined)
    checkTextObject(`${where}.placeholder`, el.placeholder, 150, errs, { plainOnly: true });
}

/** Validates Block Kit hard limits. Returns human-readable problems (empty when valid). */
export function validateBlocks(blocks: unknown, maxBlocks: number): string[] {
  const errs: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks: must be an array'];
  if (blocks.length > maxBlocks) errs.push(`blocks: at most ${maxBlocks} blocks (got ${blocks.length})`);
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const where = `blocks[${i}]`;
    if (!isObj(b) || typeof b.type !== 'string') {
      errs.push(`${where}: must be an object with a type`);
      return;
    }
    if (b.block_id !== undefined) {
      if (typeof b.block_id !== 'string') errs.push(`${where}.block_id: must be a string`);
      else {
        if (b.block_id.length > 255) errs.push(`${where}.block_id: at most 255 characters`);
        if (blockIds.has(b.block_id)) errs.push(`${where}.block_id: duplicate block_id "${b.block_id}"`);
        blockIds.add(b.block_id);
      }
    }
    const actionIds = new Set<string>();
    switch (b.type) {
      case 'section':
        if (b.text === undefined && b.fields === undefined) errs.push(`${where}: text or fields required`);
        if (b.text !== undefined) checkTextObject(`${where}.text`, b.text, 3000, errs);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields)) errs.push(`${where}.fields: must be an array`);
          else {
            if (b.fields.length > 10) errs.push(`${where}.fields: at most 10 fields`);
            b.fields.forEach((f, j) => {
              checkTextObject(`${where}.fields[${j}]`, f, 2000, errs);
            });
          }
        }
        if (b.accessory !== undefined) checkElement(`${where}.accessory`, b.accessory, actionIds, errs);
        break;
      case 'header':
        checkTextObject(`${where}.text`, b.text, 150, errs, { plainOnly: true });
        break;
      case 'actions':
        if (!Array.isArray(b.elements) || b.elements.length === 0)
          errs.push(`${where}.elements: at least 1 element`);
        else {
          if (b.elements.length > 25)
            errs.push(`${where}.elements: at most 25 elements (got ${b.elements.length})`);
          b.elements.forEach((el, j) => {
            checkElement(`${where}.elements[${j}]`, el, actionIds, errs);
          });
        }
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0)
          errs.push(`${where}.elements: at least 1 element`);
        else if (b.elements.length > 10) errs.push(`${where}.elements: at most 10 elements`);
        break;
      case 'input':
        checkTextObject(`${where}.label`, b.label, 2000, errs, { plainOnly: true });
        if (b.hint !== undefined) checkTextObject(`${where}.hint`, b.hint, 2000, errs, { plainOnly: true });
        checkElement(`${where}.element`, b.element, actionIds, errs);
        break;
      case 'image':
        if (typeof b.alt_text !== 'string') errs.push(`${where}.alt_text: required`);
        break;
      default:
        break;
    }
  });
  return errs;
}

function validateView(view: unknown, kind: 'modal' | 'home' | 'any'): string[] {
  if (!isObj(view)) return ['view: must be a JSON object'];
  const errs: string[] = [];
  const type = view.type;
  if (type !== 'modal' && type !== 'home') errs.push('view.type: must be modal or home');
  else if (kind !== 'any' && type !== kind) errs.push(`view.type: must be ${kind}`);
  if (type === 'modal') {
    checkTextObject('view.title', view.title, 24, errs, { plainOnly: true });
  } else if (view.title !== undefined) {
    checkTextObject('view.title', view.title, 24, errs, { plainOnly: true });
  }
  if (view.submit !== undefined) checkTextObject('view.submit', view.submit, 24, errs, { plainOnly: true });
  if (view.close !== undefined) checkTextObject('view.close', view.close, 24, errs, { plainOnly: true });
  if (view.private_metadata !== undefined) {
    if (typeof view.private_metadata !== 'string') errs.push('view.private_metadata: must be a string');
    else if (view.private_metadata.length > 3000)
      errs.push(`view.private_metadata: at most 3000 characters (got ${view.private_metadata.length})`);
  }
  if (
    view.callback_id !== undefined &&
    (typeof view.callback_id !== 'string' || view.callback_id.length > 255)
  )
    errs.push('view.callback_id: must be a string of at most 255 characters');
  if (
    view.external_id !== undefined &&
    (typeof view.external_id !== 'string' || view.external_id.length > 255)
  )
    errs.push('view.external_id: must be a string of at most 255 characters');
  errs.push(...validateBlocks(view.blocks ?? [], 100).map((e) => `view.${e}`));
  if (
    type === 'modal' &&
    view.submit === undefined &&
    Array.isArray(view.blocks) &&
    view.blocks.some((b) => isObj(b) && b.type === 'input')
  ) {
    errs.push('view.submit: required when the view contains input blocks');
  }
  return errs;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const JSON_FIELDS = ['blocks', 'view', 'metadata', 'attachments'] as const;

function truthy(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function tsToMicros(ts: string): number {
  const [s, f = '0'] = ts.split('.');
  return Number(s) * 1_000_000 + Number(f.padEnd(6, '0').slice(0, 6));
}

function microsToTs(us: number): string {
  const s = Math.floor(us / 1_000_000);
  const f = us % 1_000_000;
  return `${s}.${String(f).padStart(6, '0')}`;
}

function tzOffsetSeconds(tz: string, atMs: number): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      timeZoneName: 'longOffset',
    }).formatToParts(new Date(atMs));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
    if (!m) return 0;
    const sign = m[1] === '-' ? -1 : 1;
    return sign * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60);
  } catch {
    return 0;
  }
}

function tzLabel(tz: string, atMs: number): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' }).formatToParts(
      new Date(atMs),
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
  } catch {
    return tz;
  }
}

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class SlackCallError extends Error {
  constructor(
    readonly error: string,
    readonly messages: string[] = [],
  ) {
    super(error);
  }
}

function fail(error: string, messages: string[] = []): never {
  throw new SlackCallError(error, messages);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(
  raw: string,
  contentType: string,
  query: URLSearchParams,
): Record<string, unknown> | 'invalid_form_data' | 'invalid_json' {
  const args: Record<string, unknown> = {};
  for (const [k, v] of query) args[k] = v;
  const ct = contentType.toLowerCase();
  if (ct.startsWith('application/json')) {
    if (raw.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return 'invalid_json';
      }
      if (!isObj(parsed)) return 'invalid_json';
      Object.assign(args, parsed);
    }
  } else if (ct === '' || ct.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(raw)) args[k] = v;
  } else {
    return 'invalid_form_data';
  }
  for (const f of JSON_FIELDS) {
    const v = args[f];
    if (typeof v === 'string' && v !== '') {
      try {
        args[f] = JSON.parse(v);
      } catch {
        /* keep the raw string; handlers report the format error */
      }
    }
  }
  return args;
}

// ---------------------------------------------------------------------------
// Simulator
// ---------------------------------------------------------------------------

export async function startSlackSimulator(options: SlackSimulatorOptions = {}): Promise<SlackSimulator> {
  const token = options.token ?? 'xoxb-test-token';
  const appToken = options.appToken ?? 'xapp-test-token';
  const teamId = options.teamId ?? 'T0001';
  const teamDomain = options.teamDomain ?? 'coachloop-test';
  const botUserId = options.botUserId ?? 'UBOT';
  const botId = options.botId ?? 'BBOT';
  const appId = options.appId ?? 'A0SIM';
  const now = options.now ?? Date.now;
  const perChannelPerSecond = options.rateLimits
    ? (options.rateLimits.perChannelPerSecond ?? 1)
    : Number.POSITIVE_INFINITY;
  const workspacePerMinute = options.rateLimits?.workspacePerMinute ?? Number.POSITIVE_INFINITY;

  const calls: RecordedCall[] = [];
  const userMap = new Map<string, SimUser>();
  const usergroups = new Map<string, string[]>();
  let stored: StoredMessage[] = [];
  let ephemeralStore: StoredEphemeral[] = [];
  const views = new Map<string, StoredView>();
  const homeByUser = new Map<string, string>();
  const responseUrlPosts: ResponseUrlPost[] = [];
  const queuedFaults = new Map<string, Fault[]>();
  let randomFaults:
    | { probability: number; kinds: Fault[]; rand: () => number; methods?: Set<string> }
    | undefined;
  const handlers = new Map<string, MethodHandler>();
  const usedTriggers = new Set<string>();
  const channelWindows = new Map<string, number[]>();
  let workspaceWindow: number[] = [];
  const stats: SlackSimulatorStats = { accepted: 0, rateLimited: 0, faults: 0 };
  const pendingTimers = new Set<NodeJS.Timeout>();
  let socketModeUrl: string | undefined;
  let lastTsMicros = 0;
  let viewCounter = 0;
  let closed = false;

  const nextTs = (): string => {
    const candidate = Math.floor(now() * 1000);
    lastTsMicros = Math.max(lastTsMicros + 100, candidate);
    return microsToTs(lastTsMicros);
  };

  const users: UserRegistry = {
    addUser(u) {
      const name = u.name ?? u.id.toLowerCase();
      const user: SimUser = {
        id: u.id,
        name,
        real_name: u.realName ?? name,
        tz: u.tz ?? 'America/New_York',
        locale: u.locale ?? 'en-GB',
        email: u.email,
        isBot: u.isBot ?? false,
        deleted: u.deleted ?? false,
      };
      userMap.set(u.id, user);
      return user;
    },
    get: (id) => userMap.get(id),
    all: () => [...userMap.values()],
    remove: (id) => userMap.delete(id),
  };

  // A zone's label and offset at one instant, worked out once per call rather than once per user (Intl is slow).
  const zoneFacts = new Map<string, { label: string; offset: number }>();
  const zoneAt = (tz: string, at: number) => {
    const key = `${tz}|${at}`;
    let facts = zoneFacts.get(key);
    if (!facts) {
      if (zoneFacts.size > 1000) zoneFacts.clear();
      facts = { label: tzLabel(tz, at), offset: tzOffsetSeconds(tz, at) };
      zoneFacts.set(key, facts);
    }
    return facts;
  };
  const userShape = (u: SimUser, includeLocale = false): Obj => {
    const at = now();
    const zone = zoneAt(u.tz, at);
    return {
      ...(includeLocale ? { locale: u.locale } : {}),
      id: u.id,
      team_id: teamId,
      name: u.name,
      deleted: u.deleted,
      real_name: u.real_name,
      tz: u.tz,
      tz_label: zone.label,
      tz_offset: zone.offset,
      is_admin: false,
      is_owner: false,
      is_bot: u.isBot,
      is_app_user: false,
      updated: Math.floor(at / 1000),
      profile: {
        real_name: u.real_name,
        display_name: u.name,
        email: u.email,
        team: teamId,
      },
    };
  };

  /** Resolves a channel argument; user ids map to the bot's DM with that user. */
  const resolveChannel = (raw: unknown): string => {
    const channel = str(raw);
    if (!channel) fail('channel_not_found');
    if (/^[CDG]/.test(channel)) return channel;
    if (/^[UW]/.test(channel) && userMap.has(channel)) return `D${channel}`;
    return fail('channel_not_found');
  };

  const parseMetadata = (raw: unknown): StoredMessage['metadata'] => {
    if (raw === undefined || raw === '') return undefined;
    if (!isObj(raw) || typeof raw.event_type !== 'string' || !isObj(raw.event_payload))
      fail('invalid_metadata_format');
    return { event_type: raw.event_type, event_payload: raw.event_payload };
  };

  const parseBlocks = (raw: unknown, max: number): unknown[] | undefined => {
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw === 'string') fail('invalid_blocks_format');
    const errs = validateBlocks(raw, max);
    if (errs.length > 0)
      fail(
        'invalid_blocks',
        errs.map((e) => `[ERROR] ${e}`),
      );
    return raw as unknown[];
  };

  const messageShape = (m: StoredMessage, includeMetadata = true): Obj => {
    const out: Obj = {
      type: 'message',
      subtype: 'bot_message',
      ts: m.ts,
      text: m.text,
      user: m.user,
      bot_id: botId,
      app_id: appId,
      team: teamId,
    };
    if (m.blocks !== undefined) out.blocks = m.blocks;
    if (m.thread_ts !== undefined) out.thread_ts = m.thread_ts;
    if (m.edits > 0) out.edited = { user: botUserId, ts: m.ts };
    if (includeMetadata && m.metadata !== undefined) out.metadata = m.metadata;
    return out;
  };

  const checkRateLimit = (channel: string): number | undefined => {
    const t = now();
    const win = (channelWindows.get(channel) ?? []).filter((x) => x > t - 1000);
    channelWindows.set(channel, win);
    workspaceWindow = workspaceWindow.filter((x) => x > t - 60_000);
    let waitMs = 0;
    if (win.length >= perChannelPerSecond)
      waitMs = Math.max(waitMs, (win[win.length - perChannelPerSecond] ?? t) + 1000 - t);
    if (workspaceWindow.length >= workspacePerMinute)
      waitMs = Math.max(
        waitMs,
        (workspaceWindow[workspaceWindow.length - workspacePerMinute] ?? t) + 60_000 - t,
      );
    if (win.length >= perChannelPerSecond || workspaceWindow.length >= workspacePerMinute) {
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    return undefined;
  };

  const useTrigger = (raw: unknown): string => {
    const trigger = str(raw);
    if (!trigger) fail('invalid_arguments', ['[ERROR] missing required field: trigger_id']);
    if (options.strictTriggers) {
      if (usedTriggers.has(trigger)) fail('exchanged_trigger_id');
      usedTriggers.add(trigger);
    }
    return trigger;
  };

  const viewHash = (v: Obj): string =>
    `${Math.floor(now() / 1000)}.${createHash('sha1').update(JSON.stringify(v)).update(String(viewCounter)).digest('hex').slice(0, 8)}`;

  const buildView = (input: Obj, base: Partial<StoredView>): StoredView => {
    const id = base.id ?? `V${String(++viewCounter).padStart(8, '0')}`;
    const v: StoredView = {
      ...input,
      id,
      team_id: teamId,
      type: String(input.type),
      blocks: Array.isArray(input.blocks) ? input.blocks : [],
      private_metadata: str(input.private_metadata) ?? '',
      callback_id: str(input.callback_id) ?? '',
      external_id: str(input.external_id) ?? '',
      state: { values: {} },
      hash: '',
      clear_on_close: truthy(input.clear_on_close),
      notify_on_close: truthy(input.notify_on_close),
      root_view_id: base.root_view_id ?? id,
      previous_view_id: base.previous_view_id ?? null,
      app_id: appId,
      app_installed_team_id: teamId,
      bot_id: botId,
    };
    if (base.user_id !== undefined) v.user_id = base.user_id;
    if (base.trigger_id !== undefined) v.trigger_id = base.trigger_id;
    v.hash = viewHash(v);
    if (v.external_id !== '') {
      for (const other of views.values()) {
        if (other.id !== id && other.external_id === v.external_id) fail('duplicate_external_id');
      }
    }
    views.set(id, v);
    return v;
  };

  const publicView = (v: StoredView): Obj => {
    const { user_id: _u, trigger_id: _t, ...rest } = v;
    return rest;
  };

  const requireView = (raw: unknown, kind: 'modal' | 'home' | 'any'): Obj => {
    if (raw === undefined || raw === '') fail('invalid_arguments', ['[ERROR] missing required field: view']);
    if (typeof raw === 'string') fail('invalid_arguments', ['[ERROR] view: invalid JSON']);
    const errs = validateView(raw, kind);
    if (errs.length > 0)
      fail(
        'invalid_arguments',
        errs.map((e) => `[ERROR] ${e}`),
      );
    return raw as Obj;
  };

  // --- method handlers -------------------------------------------------------

  const builtins: Record<string, (args: Obj) => Obj> = {
    'api.test': (args) => ({ ok: true, args }),
    'auth.test': () => ({
      ok: true,
      url: `https://${teamDomain}.slack.com/`,
      team: teamDomain,
      user: 'coachloop',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),
    'apps.connections.open': () => {
      if (!socketModeUrl) fail('socket_mode_url_not_set');
      return { ok: true, url: socketModeUrl };
    },
    'conversations.open': (args) => {
      const list = (str(args.users) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length === 0) {
        const ch = str(args.channel);
        if (ch) return { ok: true, channel: { id: ch } };
        fail('users_list_not_supplied');
      }
      for (const u of list) {
        const user = userMap.get(u);
        if (!user) fail('user_not_found');
        if (user.deleted) fail('user_disabled');
      }
      const id =
        list.length === 1
          ? `D${list[0]}`
          : `G${createHash('sha1').update(list.sort().join(',')).digest('hex').slice(0, 10).toUpperCase()}`;
      const exists = stored.some((m) => m.channel === id);
      return { ok: true, no_op: exists, already_open: exists, channel: { id } };
    },
    'chat.postMessage': (args) => {
      const channel = resolveChannel(args.channel);
      const blocks = parseBlocks(args.blocks, 50);
      const text = str(args.text) ?? '';
      if (text === '' && (blocks === undefined || blocks.length === 0)) fail('no_text');
      if (text.length > 40_000) fail('msg_too_long');
      const metadata = parseMetadata(args.metadata);
      const threadTs = str(args.thread_ts);
      if (threadTs !== undefined && !stored.some((m) => m.channel === channel && m.ts === threadTs))
        fail('thread_not_found');
      const m: StoredMessage = { channel, ts: nextTs(), text, blocks, metadata, user: botUserId, edits: 0 };
      if (threadTs !== undefined) m.thread_ts = threadTs;
      stored.push(m);
      return { ok: true, channel, ts: m.ts, message: messageShape(m) };
    },
    'chat.update': (args) => {
      const channel = resolveChannel(args.channel);
      const ts = str(args.ts);
      if (!ts) fail('message_not_found');
      const m = stored.find((x) => x.channel === channel && x.ts === ts);
      if (!m) fail('message_not_found');
      const blocks = parseBlocks(args.blocks, 50);
      const text = str(args.text);
      if ((text === undefined || text === '') && blocks === undefined) fail('no_text');
      if (text !== undefined && text.length > 40_000) fail('msg_too_long');
      const metadata = parseMetadata(args.metadata);
      if (text !== undefined) m.text = text;
      if (blocks !== undefined) m.blocks = blocks;
      if (metadata !== undefined) m.metadata = metadata;
      m.edits += 1;
      return { ok: true, channel, ts: m.ts, text: m.text, message: messageShape(m) };
    },
    'chat.delete': (args) => {
      const channel = resolveChannel(args.channel);
      const ts = str(args.ts);
      const idx = stored.findIndex((x) => x.channel === channel && x.ts === ts);
      if (idx < 0) fail('message_not_found');
      stored.splice(idx, 1);
      return { ok: true, channel, ts };
    },
    'chat.postEphemeral': (args) => {
      const channel = resolveChannel(args.channel);
      const user = str(args.user);
      if (!user || !userMap.has(user)) fail('user_not_in_channel');
      const blocks = parseBlocks(args.blocks, 50);
      const text = str(args.text) ?? '';
      if (text === '' && (blocks === undefined || blocks.length === 0)) fail('no_text');
      const e: StoredEphemeral = { channel, user, message_ts: nextTs(), text, blocks };
      const threadTs = str(args.thread_ts);
      if (threadTs !== undefined) e.thread_ts = threadTs;
      ephemeralStore.push(e);
      return { ok: true, message_ts: e.message_ts };
    },
    'conversations.history': (args) => {
      const channel = resolveChannel(args.channel);
      const limit = Math.max(1, Math.min(1000, Number(str(args.limit) ?? 100) || 100));
      const inclusive = truthy(args.inclusive);
      const oldest = str(args.oldest);
      const latest = str(args.latest);
      const includeMeta = truthy(args.include_all_metadata);
      const matching = stored
        .filter((m) => m.channel === channel && (m.thread_ts === undefined || m.thread_ts === m.ts))
        .filter((m) => {
          const t = tsToMicros(m.ts);
          if (oldest !== undefined && (inclusive ? t < tsToMicros(oldest) : t <= tsToMicros(oldest)))
            return false;
          if (latest !== undefined && (inclusive ? t > tsToMicros(latest) : t >= tsToMicros(latest)))
            return false;
          return true;
        })
        .reverse();
      const page = matching.slice(0, limit);
      return {
        ok: true,
        messages: page.map((m) => {
          const shape = messageShape(m, includeMeta);
          const replies = stored.filter(
            (r) => r.channel === channel && r.thread_ts === m.ts && r.ts !== m.ts,
          );
          if (replies.length > 0) {
            shape.thread_ts = m.ts;
            shape.reply_count = replies.length;
          }
          return shape;
        }),
        has_more: matching.length > page.length,
        pin_count: 0,
        response_metadata: { next_cursor: '' },
      };
    },
    'conversations.replies': (args) => {
      const channel = resolveChannel(args.channel);
      const ts = str(args.ts);
      const parent = stored.find((m) => m.channel === channel && m.ts === ts);
      if (!parent) fail('thread_not_found');
      const includeMeta = truthy(args.include_all_metadata);
      const replies = stored.filter((m) => m.channel === channel && m.thread_ts === ts && m.ts !== ts);
      return {
        ok: true,
        messages: [parent, ...replies].map((m) => messageShape(m, includeMeta)),
        has_more: false,
        response_metadata: { next_cursor: '' },
      };
    },
    'users.info': (args) => {
      const u = userMap.get(str(args.user) ?? '');
      if (!u) fail('user_not_found');
      return { ok: true, user: userShape(u, str(args.include_locale) === 'true') };
    },
    'users.lookupByEmail': (args) => {
      const email = (str(args.email) ?? '').toLowerCase();
      const u = [...userMap.values()].find((x) => x.email !== undefined && x.email.toLowerCase() === email);
      if (!u) fail('users_not_found');
      return { ok: true, user: userShape(u) };
    },
    'users.list': (args) => {
      // Pages like Slack: `limit` (at most 1000) and an opaque `cursor`; without a limit, everyone at once.
      const all = [...userMap.values()];
      const limit = Number(str(args.limit) ?? all.length) || all.length;
      if (limit > 1000 && str(args.limit) !== undefined) fail('invalid_limit');
      const withLocale = str(args.include_locale) === 'true';
      const cursor = str(args.cursor);
      const start = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('user:', '')) : 0;
      if (!Number.isInteger(start) || start < 0) fail('invalid_cursor');
      const end = Math.min(all.length, start + limit);
      return {
        ok: true,
        members: all.slice(start, end).map((u) => userShape(u, withLocale)),
        cache_ts: Math.floor(now() / 1000),
        response_metadata: {
          next_cursor: end < all.length ? Buffer.from(`user:${end}`).toString('base64') : '',
        },
      };
    },
    'usergroups.users.list': (args) => {
      const members = usergroups.get(str(args.usergroup) ?? '');
      if (!members) fail('no_such_subteam');
      return { ok: true, users: [...members] };
    },
    'views.open': (args) => {
      const trigger = useTrigger(args.trigger_id);
      const input = requireView(args.view, 'modal');
      const v = buildView(input, { trigger_id: trigger });
      return { ok: true, view: publicView(v) };
    },
    'views.push': (args) => {
      const trigger = useTrigger(args.trigger_id);
      const input = requireView(args.view, 'modal');
      const v = buildView(input, { trigger_id: trigger });
      return { ok: true, view: publicView(v) };
    },
    'views.update': (args) => {
      const viewId = str(args.view_id);
      const externalId = str(args.external_id);
      if (!viewId && !externalId) fail('invalid_arguments', ['[ERROR] view_id or external_id required']);
      const existing = viewId
        ? views.get(viewId)
        : [...views.values()].find((v) => v.external_id === externalId);
      if (!existing) fail('not_found');
      const hash = str(args.hash);
      if (hash !== undefined && hash !== '' && hash !== existing.hash) fail('hash_conflict');
      const input = requireView(args.view, 'any');
      const v = buildView(input, {
        id: existing.id,
        root_view_id: existing.root_view_id,
        previous_view_id: existing.previous_view_id,
        user_id: existing.user_id,
        trigger_id: existing.trigger_id,
      });
      return { ok: true, view: publicView(v) };
    },
    'views.publish': (args) => {
      const userId = str(args.user_id);
      if (!userId || !userMap.has(userId)) fail('user_not_found');
      const input = requireView(args.view, 'home');
      const existingId = homeByUser.get(userId);
      const existing = existingId ? views.get(existingId) : undefined;
      const hash = str(args.hash);
      if (existing && hash !== undefined && hash !== '' && hash !== existing.hash) fail('hash_conflict');
      const v = buildView(input, { id: existing?.id, user_id: userId });
      homeByUser.set(userId, v.id);
      return { ok: true, view: publicView(v) };
    },
  };

  // --- fault selection ------------------------------------------------------

  const takeFault = (method: string): Fault | undefined => {
    for (const key of [method, '*']) {
      const q = queuedFaults.get(key);
      if (q && q.length > 0) {
        const f = q.shift();
        if (q.length === 0) queuedFaults.delete(key);
        return f;
      }
    }
    if (
      randomFaults &&
      randomFaults.kinds.length > 0 &&
      (!randomFaults.methods || randomFaults.methods.has(method))
    ) {
      if (randomFaults.rand() < randomFaults.probability) {
        const idx = Math.floor(randomFaults.rand() * randomFaults.kinds.length);
        return randomFaults.kinds[Math.min(idx, randomFaults.kinds.length - 1)];
      }
    }
    return undefined;
  };

  // --- request handling -----------------------------------------------------

  type Reply = { status: number; body: Obj | string; headers?: Record<string, string> };

  const send = (res: ServerResponse, call: RecordedCall | undefined, reply: Reply): void => {
    if (res.destroyed || res.writableEnded) return;
    const isJson = typeof reply.body !== 'string';
    const payload = isJson ? JSON.stringify(reply.body) : (reply.body as string);
    res.writeHead(reply.status, {
      'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      ...reply.headers,
    });
    res.end(payload);
    if (call) {
      call.status = reply.status;
      if (isJson) call.response = reply.body as Obj;
    }
  };

  const execute = (method: string, args: Obj, call: RecordedCall, authHeader: string | undefined): Reply => {
    const bearer = authHeader?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? str(args.token);
    if (!bearer) return { status: 200, body: { ok: false, error: 'not_authed' } };
    const expected = method === 'apps.connections.open' ? appToken : token;
    if (bearer !== expected) return { status: 200, body: { ok: false, error: 'invalid_auth' } };

    const custom = handlers.get(method);
    const builtin = builtins[method];
    if (!custom && !builtin) return { status: 200, body: { ok: false, error: 'unknown_method' } };

    let channelForLimit: string | undefined;
    if (method === 'chat.postMessage' && !custom) {
      try {
        channelForLimit = resolveChannel(args.channel);
      } catch {
        channelForLimit = undefined;
      }
      if (channelForLimit !== undefined) {
        const retryAfter = checkRateLimit(channelForLimit);
        if (retryAfter !== undefined) {
          stats.rateLimited += 1;
          return {
            status: 429,
            body: { ok: false, error: 'ratelimited' },
            headers: { 'retry-after': String(retryAfter) },
          };
        }
      }
    }

    try {
      const body = custom ? custom(args, call) : (builtin as (a: Obj) => Obj)(args);
      if (method === 'chat.postMessage' && !custom && body.ok === true && channelForLimit !== undefined) {
        const t = now();
        const win = channelWindows.get(channelForLimit) ?? [];
        win.push(t);
        channelWindows.set(channelForLimit, win);
        workspaceWindow.push(t);
        stats.accepted += 1;
      }
      return { status: 200, body };
    } catch (err) {
      if (err instanceof SlackCallError) {
        const body: Obj = { ok: false, error: err.error };
        if (err.messages.length > 0) body.response_metadata = { messages: err.messages };
        return { status: 200, body };
      }
      throw err;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);

    if (url.pathname.startsWith('/hooks/') && req.method === 'POST') {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        /* keep text */
      }
      responseUrlPosts.push({ path: url.pathname.slice('/hooks/'.length), body, at: now() });
      send(res, undefined, { status: 200, body: 'ok' });
      return;
    }

    const match = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (!match || (req.method !== 'POST' && req.method !== 'GET')) {
      send(res, undefined, { status: 404, body: 'Not Found' });
      return;
    }
    const method = match[1] as string;
    const parsed = parseArgs(
      req.method === 'GET' ? '' : raw,
      req.headers['content-type'] ?? '',
      url.searchParams,
    );
    const args: Obj = typeof parsed === 'string' ? {} : parsed;
    const call: RecordedCall = { method, args, at: now(), status: 0 };
    calls.push(call);

    const fault = takeFault(method);
    if (fault) {
      call.fault = fault;
      stats.faults += 1;
      switch (fault.type) {
        case 'ratelimit':
          send(res, call, {
            status: 429,
            body: { ok: false, error: 'ratelimited' },
            headers: { 'retry-after': String(Math.max(0, Math.ceil(fault.retryAfterSeconds))) },
          });
          return;
        case 'http':
          send(res, call, { status: fault.status, body: fault.body ?? `HTTP ${fault.status}` });
          return;
        case 'error':
          send(res, call, { status: 200, body: { ok: false, error: fault.error } });
          return;
        case 'hang':
          if (fault.apply && typeof parsed !== 'string')
            execute(method, args, call, req.headers.authorization);
          return;
        case 'delay':
          break;
      }
    }

    const reply: Reply =
      typeof parsed === 'string'
        ? { status: 200, body: { ok: false, error: parsed } }
        : execute(method, args, call, req.headers.authorization);

    if (fault?.type === 'delay') {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        send(res, call, reply);
      }, fault.ms);
      pendingTimers.add(timer);
      return;
    }
    send(res, call, reply);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, undefined, {
        status: 500,
        body: `simulator error: ${err instanceof Error ? err.stack : String(err)}`,
      });
    });
  });
  // Above Node fetch's own 2 s cut-off, so clients keep their connections (as they do with Slack).
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const sim: SlackSimulator = {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrlBase: `http://127.0.0.1:${port}/hooks/`,
    port,
    token,
    teamId,
    botUserId,
    botId,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    users,
    addUser: (u) => users.addUser(u),
    addUsergroup: (id, userIds) => {
      usergroups.set(id, [...userIds]);
    },
    messages: (channel) => stored.filter((m) => channel === undefined || m.channel === channel),
    ephemerals: (channel) => ephemeralStore.filter((m) => channel === undefined || m.channel === channel),
    views,
    homeOf: (userId) => {
      const id = homeByUser.get(userId);
      return id ? views.get(id) : undefined;
    },
    responseUrlPosts,
    injectFault: (method, fault, times = 1) => {
      const q = queuedFaults.get(method) ?? [];
      for (let i = 0; i < times; i++) q.push(fault);
      queuedFaults.set(method, q);
    },
    injectRandomFaults: (opts) => {
      randomFaults = {
        probability: opts.probability,
        kinds: [...opts.kinds],
        rand: prng(opts.seed ?? 1),
        methods: opts.methods ? new Set(opts.methods) : undefined,
      };
    },
    clearFaults: () => {
      queuedFaults.clear();
      randomFaults = undefined;
    },
    setHandler: (method, handler) => {
      if (handler) handlers.set(method, handler);
      else handlers.delete(method);
    },
    setSocketModeUrl: (url) => {
      socketModeUrl = url;
    },
    stats,
    reset: () => {
      calls.length = 0;
      stored = [];
      ephemeralStore = [];
      views.clear();
      homeByUser.clear();
      responseUrlPosts.length = 0;
      queuedFaults.clear();
      randomFaults = undefined;
      usedTriggers.clear();
      channelWindows.clear();
      workspaceWindow = [];
      stats.accepted = 0;
      stats.rateLimited = 0;
      stats.faults = 0;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const t of pendingTimers) clearTimeout(t);
      pendingTimers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    },
  };
  return sim;
}
