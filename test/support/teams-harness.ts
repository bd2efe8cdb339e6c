import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { Identity } from '../../src/core/participant.js';
import type { ProgramSettingsInput } from '../../src/core/program.js';
import { silentLogger } from '../../src/logger.js';
import { type Coachloop, type CoachloopOptions, startCoachloop } from '../../src/main.js';
import {
  type ChannelAccount,
  type ConnectorSimulator,
  type JsonObject,
  type PostActivityResult,
  postActivity,
  startConnectorSimulator,
  TEST_BOT_APP_ID,
  type TeamsActivityInput,
  teamsActivity,
} from '../simulators/botframework.js';
import { type AddUserInput, type SlackSimulator, startSlackSimulator } from '../simulators/slack-api.js';
import { validateAdaptiveCard } from './adaptive-cards.js';
import { SIGNING_SECRET, tickUntil, waitFor } from './slack-harness.js';
import { SlackInbound } from './slack-requests.js';
import { BOT_FRAMEWORK_SCOPE, type LocalOpenIdIssuer, localCredentialsFactory } from './teams-auth.js';
import { harnessDatabase } from './test-store.js';

export { waitFor };

export const TENANT = '7c1f3a52-4b8e-4d2a-9f61-2e5d8c0b1a93';
export const AUTH_APP_ID = '6a0c3c59-6b4c-4f0e-9a3b-4c1f2d3e4f50';
export const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export type Card = JsonObject & {
  type: 'AdaptiveCard';
  version: string;
  body: JsonObject[];
  actions?: JsonObject[];
};

/** A person in Teams: their Teams id, Entra object id and their 1:1 chat with the bot. */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  /** The 1:1 conversation with the bot. */
  conversationId: string;
  /** The IANA zone their Teams client reports. */
  timezone?: string;
  /** The language of their Teams client (teamsUser: en-GB; the connector simulator's own default is en-US). */
  locale?: string;
  email?: string;
}

export interface TeamsChannelPlace {
  teamId: string;
  channelId: string;
  name: string;
}

/** A message the bot put in a conversation, as it looks now (card updates applied). */
export interface BotMessage {
  id: string;
  conversationId: string;
  text: string | undefined;
  card: Card | undefined;
  /** How many times the bot updated it. */
  updates: number;
  /** For a reply: the Teams id of the person whose activity it answers. */
  answers?: string;
}

export interface ClickResult {
  status: number;
  /** The invoke response: `{ statusCode, type, value }`. */
  body: { statusCode?: number; type?: string; value?: unknown } | undefined;
  /** The card the answer puts in place of the clicked one, if any. */
  card: Card | undefined;
  /** The short message shown instead, if any. */
  notice: string | undefined;
}

export interface TeamsHarnessOptions {
  start: string;
  programs?: ProgramSettingsInput[];
  env?: Record<string, string>;
  coachloop?: Partial<CoachloopOptions>;
  /** Authenticated mode: tokens from this local issuer, MicrosoftAppId set. */
  auth?: { issuer: LocalOpenIdIssuer };
  /** Also run the Slack simulator and serve Slack from the same bot. */
  slack?: { users?: AddUserInput[] };
  /** The connector's team rosters, by team id. */
  members?: Record<string, ChannelAccount[]>;
  /** Limits the connector enforces per conversation on sends (429 beyond them); none when not given. */
  conversationLimits?: readonly { count: number; ms: number }[];
}

export interface TeamsHarness {
  sim: ConnectorSimulator;
  app: Coachloop;
  clock: ManualClock;
  dir: string;
  /** The variables that point the bot at its database (DATABASE_PATH or DATABASE_URL), e.g. for a command run beside it. */
  databaseEnv: Readonly<Record<string, string>>;
  slackSim: SlackSimulator | null;
  slack: SlackInbound | null;
  botAppId: string;
  identity(user: TeamsUser): Identity;
  /** The bot installed in the person's personal scope (conversationUpdate with the bot among membersAdded). */
  install(user: TeamsUser): Promise<PostActivityResult>;
  say(user: TeamsUser, text: string, extra?: Partial<TeamsActivityInput>): Promise<PostActivityResult>;
  /** A personal-scope activity from this person, to adjust before posting it. */
  activityFrom(
    user: TeamsUser,
    input: Partial<TeamsActivityInput> & Pick<TeamsActivityInput, 'type'>,
  ): JsonObject;
  /** POSTs an activity as it is (with a valid token in authenticated mode), then sends what got queued. */
  post(activity: JsonObject, options?: { token?: string | null }): Promise<PostActivityResult>;
  /** Clicks an Action.Execute button (by verb or title) on a message's card, with input values. */
  click(
    user: TeamsUser,
    message: Pick<BotMessage, 'id' | 'conversationId' | 'card'>,
    button: string,
    inputs?: Record<string, string>,
    options?: { channel?: TeamsChannelPlace },
  ): Promise<ClickResult>;
  /** Sends an invoke with this exact data, as a forged or replayed click would. */
  execute(
    user: TeamsUser,
    conversationId: string,
    data: JsonObject,
    options?: { replyToId?: string; channel?: TeamsChannelPlace; id?: string },
  ): Promise<ClickResult>;
  installInChannel(place: TeamsChannelPlace, by: TeamsUser): Promise<PostActivityResult>;
  /** Words to the bot in a channel, mentioning it (and anyone in `mentions`). */
  sayInChannel(
    place: TeamsChannelPlace,
    user: TeamsUser,
    text: string,
    mentions?: JsonObject[],
  ): Promise<PostActivityResult>;
  /** Messages the bot put in a conversation, oldest first, as they look now. */
  messages(conversationId: string): BotMessage[];
  /** The last message in the conversation with a card matching the text, waiting for it to arrive. */
  waitForCard(conversationId: string, contains: string): Promise<BotMessage & { card: Card }>;
  waitForText(conversationId: string, contains: string): Promise<BotMessage>;
  /** Sends what is queued now. */
  settle(): Promise<void>;
  /** Advance the simulated clock in steps, running a tick after each (idle steps skipped: see tickUntil). */
  runUntil(until: string | number, stepMs?: number): Promise<void>;
  /** Every card the bot sent, updated or answered so far that fails the Adaptive Cards 1.5 check. */
  cardProblems(): string[];
  close(): Promise<void>;
}

let counter = 0;
/** A Teams user with a fresh 1:1 conversation. */
export function teamsUser(name: string, timezone?: string): TeamsUser {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  const hex = createHash('sha256').update(`${name}:${n}`).digest('hex');
  return {
    id: `29:1${name.replace(/\W/g, '')}-${n}`,
    aadObjectId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    name,
    conversationId: `a:1personal-${name.replace(/\W/g, '')}-${n}`,
    ...(timezone ? { timezone } : {}),
    // The test people read British English unless a test says otherwise.
    locale: 'en-GB',
  };
}

export function channelPlace(name: string): TeamsChannelPlace {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  return { teamId: `19:team${n}@thread.tacv2`, channelId: `19:${name.toLowerCase()}${n}@thread.tacv2`, name };
}

/** A team roster entry for the connector simulator. */
export function member(user: TeamsUser): ChannelAccount {
  return {
    id: user.id,
    aadObjectId: user.aadObjectId,
    name: user.name,
    ...(user.email ? { email: user.email } : {}),
  };
}

export function cardOf(activity: JsonObject): Card | undefined {
  const attachments = activity.attachments as { contentType?: string; content?: Card }[] | undefined;
  return attachments?.find((a) => a.contentType === CARD_TYPE)?.content;
}

/** Every Action.Execute in a card: `{ verb, title, data }`. */
export function actionsOf(card: Card | undefined): { verb: string; title: string; data: JsonObject }[] {
  const found: { verb: string; title: string; data: JsonObject }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonObject;
    if (obj.type === 'Action.Execute')
      found.push({ verb: String(obj.verb), title: String(obj.title), data: (obj.data ?? {}) as JsonObject });
    for (const value of Object.values(obj)) visit(value);
  };
  visit(card);
  return found;
}

/** Ids of the inputs in a card, in order. */
export function inputIds(card: Card | undefined): string[] {
  return ((card?.body ?? []) as JsonObject[])
    .filter((e) => String(e.type).startsWith('Input.'))
    .map((e) => String(e.id));
}

/** All the text a card shows, for assertions. */
export function cardText(card: Card | undefined): string {
  const parts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const obj = node as JsonObject;
    if (obj.type === 'TextBlock' && typeof obj.text === 'string') parts.push(obj.text);
    for (const value of Object.values(obj)) visit(value);
  };
  visit(card?.body);
  return parts.join('\n');
}

/** The inline error right under a field of a form card, if any. */
export function fieldError(card: Card | undefined, fieldId: string): string | undefined {
  const body = (card?.body ?? []) as JsonObject[];
  const at = body.findIndex((e) => e.id === fieldId);
  const next = at >= 0 ? body[at + 1] : undefined;
  return next?.type === 'TextBlock' && String(next.color).toLowerCase() === 'attention'
    ? String(next.text)
    : undefined;
}

/** The real bot (CloudAdapter on /api/messages, store, scheduler, dispatcher) against the local connector simulator. */
export async function startTeamsHarness(options: TeamsHarnessOptions): Promise<TeamsHarness> {
  const issuer = options.auth?.issuer;
  const botAppId = issuer ? AUTH_APP_ID : TEST_BOT_APP_ID;
  const sim = await startConnectorSimulator({
    ...(issuer ? { requireAuth: issuer.verifier({ audience: BOT_FRAMEWORK_SCOPE }) } : {}),
    ...(options.members ? { members: options.members } : {}),
    ...(options.conversationLimits ? { conversationLimits: options.conversationLimits } : {}),
  });
  const slackSim = options.slack ? await startSlackSimulator() : null;
  for (const user of options.slack?.users ?? []) slackSim?.addUser(user);
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-teams-'));
  mkdirSync(join(dir, 'programs'));
  for (const program of options.programs ?? [{ name: 'pilot', timezone: 'Europe/Berlin' }]) {
    writeFileSync(join(dir, 'programs', `${program.name}.yaml`), stringify(program));
  }
  const database = harnessDatabase(dir);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    ...database.env,
    PROGRAMS_DIR: join(dir, 'programs'),
    LOG_LEVEL: 'silent',
    TEAMS_ENABLED: 'true',
    TEAMS_TIMEOUT_MS: '2000',
    ...(issuer
      ? {
          MicrosoftAppId: AUTH_APP_ID,
          MicrosoftAppPassword: 'local-test-secret',
          TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
          TEAMS_TOKEN_ISSUER: issuer.issuer,
        }
      : {}),
    ...(slackSim
      ? {
          SLACK_BOT_TOKEN: slackSim.token,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slackSim.apiUrl,
        }
      : {}),
    ...(options.env ?? {}),
  });
  const clock = new ManualClock(options.start);
  const app = await startCoachloop(config, {
    clock,
    cron: false,
    logger: silentLogger,
    ...(slackSim ? { slackBotIds: { botId: slackSim.botId, botUserId: slackSim.botUserId } } : {}),
    ...(issuer ? { teamsCredentialsFactory: localCredentialsFactory(issuer, AUTH_APP_ID) as never } : {}),
    ...(options.coachloop ?? {}),
  });

  const answered: { where: string; card: Card }[] = [];
  /** Who sent each activity posted here, so a reply can be told apart by whom it answers. */
  const postedBy = new Map<string, string>();
  const post = async (activity: JsonObject, token?: string | null): Promise<PostActivityResult> => {
    const from = (activity.from as { id?: string } | undefined)?.id;
    if (typeof activity.id === 'string' && from) postedBy.set(activity.id, from);
    const bearer =
      token === undefined && issuer
        ? await issuer.channelToken({ appId: AUTH_APP_ID, serviceUrl: sim.serviceUrl })
        : token;
    return postActivity(app.url, activity, bearer ? { token: bearer } : {});
  };
  const personal = (user: TeamsUser) => ({
    from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
    conversation: { id: user.conversationId, conversationType: 'personal' as const, tenantId: TENANT },
    serviceUrl: sim.serviceUrl,
    botAppId,
    ...(user.timezone ? { localTimezone: user.timezone } : {}),
    ...(user.locale ? { locale: user.locale } : {}),
  });
  const inChannel = (place: TeamsChannelPlace, thread = `${Date.now()}`) => ({
    conversation: {
      id: `${place.channelId};messageid=${thread}`,
      conversationType: 'channel' as const,
      tenantId: TENANT,
    },
    channelData: {
      tenant: { id: TENANT },
      team: { id: place.teamId, name: 'Leads' },
      channel: { id: place.channelId, name: place.name },
    },
  });
  /** Whether the connector simulator holds the message a Teams outbox row was marked sent with. */
  const received = (providerRef: string): boolean => {
    const cut = providerRef.lastIndexOf('/');
    const conversationId = providerRef.slice(0, cut);
    const activityId = providerRef.slice(cut + 1);
    return (
      sim.activities.some(
        (a) => a.conversationId === conversationId && (activityId === '' || a.id === activityId),
      ) || sim.conversationsCreated.some((c) => c.id === conversationId && c.activityId !== undefined)
    );
  };
  const sentToTeams = async () =>
    (await app.store.outbox.list({ status: 'sent' })).filter(
      (row) => row.platform === 'teams' && row.providerRef !== null,
    );
  /**
   * Sends what is queued now, and waits until it is there: drains until no row is due or being sent (a drain
   * already under way when a row was queued may end without it, and settle then shares that drain), then until
   * the simulator holds every message the outbox marked sent to Teams meanwhile.
   */
  const settle = async () => {
    const before = new Set((await sentToTeams()).map((row) => row.id));
    for (let round = 1; ; round += 1) {
      await app.dispatcher.drain();
      const { sending, pending } = await app.store.outbox.counts();
      const next = await app.store.outbox.nextAttemptAt();
      if (sending === 0 && (next === null || next > clock.now())) break;
      if (round === 20)
        throw new Error(
          `the outbox does not drain: ${pending} pending (next at ${next}), ${sending} sending`,
        );
    }
    const sent = (await sentToTeams()).filter((row) => !before.has(row.id));
    await waitFor(() => sent.every((row) => received(row.providerRef!)));
  };

  const execute: TeamsHarness['execute'] = async (user, conversationId, data, extra = {}) => {
    const base = personal(user);
    const activity = teamsActivity({
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: String(data.a), data }, trigger: 'manual' },
      ...(extra.channel ? inChannel(extra.channel) : {}),
      ...(extra.replyToId ? { replyToId: extra.replyToId } : {}),
      ...(extra.id ? { id: extra.id } : {}),
    });
    (activity.conversation as JsonObject).id = conversationId;
    const res = await post(activity);
    await settle();
    const body = res.body as ClickResult['body'];
    const card = body?.type === CARD_TYPE ? (body.value as Card) : undefined;
    if (card) answered.push({ where: `invoke answer to ${String(data.a)}`, card });
    return {
      status: res.status,
      body,
      card,
      notice: body?.type === 'application/vnd.microsoft.activity.message' ? String(body.value) : undefined,
    };
  };

  const messages = (conversationId: string): BotMessage[] => {
    const out = new Map<string, BotMessage>();
    for (const recorded of sim.activities) {
      if (recorded.conversationId !== conversationId || recorded.kind === 'history') continue;
      out.set(recorded.id, {
        id: recorded.id,
        conversationId,
        text: typeof recorded.activity.text === 'string' ? recorded.activity.text : undefined,
        card: cardOf(recorded.activity),
        updates: 0,
        ...(recorded.replyToId && postedBy.has(recorded.replyToId)
          ? { answers: postedBy.get(recorded.replyToId)! }
          : {}),
      });
    }
    for (const update of sim.updates) {
      const existing = out.get(update.activityId);
      if (!existing || update.conversationId !== conversationId) continue;
      existing.card = cardOf(update.activity) ?? existing.card;
      existing.text = typeof update.activity.text === 'string' ? update.activity.text : existing.text;
      existing.updates += 1;
    }
    return [...out.values()];
  };

  const harness: TeamsHarness = {
    sim,
    app,
    clock,
    dir,
    databaseEnv: database.env,
    slackSim,
    slack: slackSim
      ? new SlackInbound({
          url: `${app.url}/slack/events`,
          signingSecret: SIGNING_SECRET,
          responseUrlBase: slackSim.responseUrlBase,
          teamId: slackSim.teamId,
        })
      : null,
    botAppId,
    identity: (user) => ({ platform: 'teams', workspaceId: TENANT, userId: user.aadObjectId }),
    async install(user) {
      const res = await post(
        teamsActivity({
          ...personal(user),
          type: 'conversationUpdate',
          membersAdded: [{ id: `28:${botAppId}` }],
        }),
      );
      await settle();
      return res;
    },
    activityFrom: (user, input) => teamsActivity({ ...personal(user), ...input }),
    async post(activity, extra = {}) {
      const res = await post(activity, extra.token);
      await settle();
      return res;
    },
    async say(user, text, extra = {}) {
      const res = await post(teamsActivity({ ...personal(user), type: 'message', text, ...extra }));
      await settle();
      return res;
    },
    async click(user, message, button, inputs = {}, extra = {}) {
      // "form.<name>" names a form's submit button (the one whose verb is "submit").
      const verb = button.startsWith('form.') ? 'submit' : button;
      const action = actionsOf(message.card).find((a) => a.verb === verb || a.title === button);
      if (!action)
        throw new Error(
          `no button "${button}" on the card: ${actionsOf(message.card)
            .map((a) => `${a.verb}/${a.title}`)
            .join(', ')}`,
        );
      return execute(
        user,
        message.conversationId,
        { ...action.data, ...inputs },
        { replyToId: message.id, ...(extra.channel ? { channel: extra.channel } : {}) },
      );
    },
    execute,
    async installInChannel(place, by) {
      const res = await post(
        teamsActivity({
          type: 'conversationUpdate',
          from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
          serviceUrl: sim.serviceUrl,
          botAppId,
          membersAdded: [{ id: `28:${botAppId}` }],
          ...inChannel(place),
          conversation: { id: place.channelId, conversationType: 'channel', tenantId: TENANT },
        }),
      );
      await settle();
      return res;
    },
    async sayInChannel(place, user, text, mentions = []) {
      const res = await post(
        teamsActivity({
          type: 'message',
          text: `<at>coachloop</at> ${text}`,
          from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
          serviceUrl: sim.serviceUrl,
          botAppId,
          entities: [
            {
              type: 'mention',
              mentioned: { id: `28:${botAppId}`, name: 'coachloop' },
              text: '<at>coachloop</at>',
            },
            ...mentions,
          ],
          ...inChannel(place),
        }),
      );
      await settle();
      return res;
    },
    messages,
    async waitForCard(conversationId, contains) {
      return waitFor(() => {
        const found = [...messages(conversationId)]
          .reverse()
          .find((m) => m.card && cardText(m.card).includes(contains));
        return found?.card ? (found as BotMessage & { card: Card }) : null;
      }, 3000);
    },
    async waitForText(conversationId, contains) {
      return waitFor(
        () => [...messages(conversationId)].reverse().find((m) => (m.text ?? '').includes(contains)) ?? null,
        3000,
      );
    },
    settle,
    async runUntil(until, stepMs = 15 * 60_000) {
      await tickUntil(app, clock, typeof until === 'number' ? until : new Date(until).getTime(), stepMs);
    },
    cardProblems() {
      const problems: string[] = [];
      const check = (where: string, card: Card | undefined) => {
        if (!card) return;
        for (const problem of validateAdaptiveCard(card)) problems.push(`${where}: ${problem}`);
      };
      for (const recorded of sim.activities)
        check(`${recorded.kind} ${recorded.id} in ${recorded.conversationId}`, cardOf(recorded.activity));
      for (const update of sim.updates) check(`update of ${update.activityId}`, cardOf(update.activity));
      for (const answer of answered) check(answer.where, answer.card);
      return problems;
    },
    async close() {
      await app.close();
      await sim.close();
      await slackSim?.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
