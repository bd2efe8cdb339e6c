import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BOT_FRAMEWORK_SCOPE,
  decodeJwt,
  type LocalOpenIdIssuer,
  localBotAuthConfig,
  localCredentialsFactory,
  signWithStrayKey,
  startLocalOpenIdIssuer,
} from '../support/teams-auth.js';
import {
  type ConnectorSimulator,
  connectorFaults,
  type JsonObject,
  postActivity,
  startConnectorSimulator,
  TEST_BOT_APP_ID,
  teamsActivity,
} from './botframework.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const PERSONAL_ID = 'a:1Q7xZkFq3mVq-personal;messageid=1700000000000';
const CHANNEL_ID = '19:3f8a2b1c0d9e4f5a@thread.tacv2;messageid=1700000000001';

// ---------------------------------------------------------------------------
// A minimal bot: CloudAdapter behind node:http (test-only wiring)
// ---------------------------------------------------------------------------

interface TestBot {
  url: string;
  adapter: CloudAdapter;
  errors: unknown[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * CloudAdapter.process wants an express/restify-like pair: `req.body` already parsed and a
 * response with status()/header()/send()/end(). node:http gives neither, so adapt them.
 */
async function startTestBot(options: {
  authConfig?: Record<string, string>;
  credentialsFactory?: unknown;
  bot: ActivityHandler;
  /** When false, `req.body` is left undefined (to show what process() does then). */
  parseBody?: boolean;
}): Promise<TestBot> {
  const auth = new ConfigurationBotFrameworkAuthentication(
    options.authConfig ?? { MicrosoftAppId: '' },
    options.credentialsFactory as ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1],
  );
  const adapter = new CloudAdapter(auth);
  const errors: unknown[] = [];
  adapter.onTurnError = async (_context, error) => {
    errors.push(error);
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: Record<string, unknown> | undefined;
    if (options.parseBody !== false && raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = undefined;
      }
    }
    const headers: Record<string, string> = {};
    const response = {
      socket: res.socket,
      status(code: number) {
        res.statusCode = code;
      },
      header(name: string, value: unknown) {
        headers[name.toLowerCase()] = String(value);
      },
      send(payload: unknown) {
        const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
        if (!headers['content-type'])
          headers['content-type'] = typeof payload === 'string' ? 'text/plain' : 'application/json';
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        res.write(text);
      },
      end() {
        res.end();
      },
    };
    // Quiet the adapter's console.error on refused requests.
    const consoleError = console.error;
    console.error = () => {};
    try {
      await adapter.process(
        { method: req.method, headers: req.headers as Record<string, string>, body },
        response,
        (context) => options.bot.run(context),
      );
    } finally {
      console.error = consoleError;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adapter,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Echo bot: replies to messages, answers Action.Execute with a new card, saves conversation references. */
class EchoBot extends TeamsActivityHandler {
  references: Partial<ConversationReference>[] = [];
  submissions: unknown[] = [];
  sendFailures: unknown[] = [];

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      if (context.activity.value !== undefined && !context.activity.text) {
        this.submissions.push(context.activity.value);
        await context.sendActivity('Thanks, noted.');
      } else {
        try {
          await context.sendActivity(MessageFactory.text(`echo: ${context.activity.text}`));
        } catch (err) {
          this.sendFailures.push(err);
        }
      }
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      this.references.push(TurnContext.getConversationReference(context.activity));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `done: ${invokeValue.action.verb}` }],
      },
    };
  }
}

const user = { id: '29:1user-aad-abc', aadObjectId: 'aad-user-1', name: 'Ada Lovelace' };
const personal = (serviceUrl: string, extra: Partial<Parameters<typeof teamsActivity>[0]> = {}) =>
  teamsActivity({
    type: 'message',
    text: 'hello',
    from: user,
    conversation: { id: PERSONAL_ID, conversationType: 'personal', tenantId: TENANT },
    serviceUrl,
    localTimezone: 'Europe/Paris',
    ...extra,
  });

// ---------------------------------------------------------------------------
// The simulator on its own
// ---------------------------------------------------------------------------

describe('connector simulator (raw HTTP)', () => {
  let sim: ConnectorSimulator;
  beforeEach(async () => {
    sim = await startConnectorSimulator();
  });
  afterEach(async () => {
    await sim.close();
  });

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(path, sim.serviceUrl), {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as JsonObject) : undefined,
    };
  };
  const conv = (id: string) => `v3/conversations/${encodeURIComponent(id)}`;

  it('serves on 127.0.0.1 with a trailing-slash serviceUrl', () => {
    expect(sim.serviceUrl).toBe(`http://127.0.0.1:${sim.port}/`);
  });

  it('records sends and replies with decoded conversation ids and answers new activity ids', async () => {
    const sent = await call('POST', `${conv(CHANNEL_ID)}/activities`, { type: 'message', text: 'proactive' });
    const reply = await call('POST', `${conv(PERSONAL_ID)}/activities/1700000000000`, {
      type: 'message',
      text: 'reply',
    });
    expect(sent.status).toBe(201);
    expect(reply.status).toBe(201);
    expect(typeof sent.body?.id).toBe('string');
    expect(reply.body?.id).not.toBe(sent.body?.id);
    expect(sim.activities.map((a) => [a.kind, a.conversationId, a.replyToId, a.activity.text])).toEqual([
      ['send', CHANNEL_ID, undefined, 'proactive'],
      ['reply', PERSONAL_ID, '1700000000000', 'reply'],
    ]);
    expect(sim.activitiesTo(PERSONAL_ID)).toHaveLength(1);
    expect(sim.activities[0]?.id).toBe(sent.body?.id);
  });

  it('routes /activities/history before /activities/{id}', async () => {
    const res = await call('POST', `${conv(PERSONAL_ID)}/activities/history`, { activities: [] });
    expect(res.status).toBe(200);
    expect(sim.activities[0]).toMatchObject({ kind: 'history', conversationId: PERSONAL_ID });
    expect(sim.activities[0]?.replyToId).toBeUndefined();
  });

  it('records updates and deletes', async () => {
    const put = await call('PUT', `${conv(PERSONAL_ID)}/activities/17000`, {
      type: 'message',
      attachments: [],
    });
    expect(put).toMatchObject({ status: 200, body: { id: '17000' } });
    expect(sim.updates).toMatchObject([
      { conversationId: PERSONAL_ID, activityId: '17000', activity: { type: 'message' } },
    ]);
    expect((await call('DELETE', `${conv(PERSONAL_ID)}/activities/17000`)).status).toBe(200);
    expect(sim.deletes).toMatchObject([{ conversationId: PERSONAL_ID, activityId: '17000' }]);
  });

  it('creates conversations; a 1:1 with the same user gets the same id, with a first activity recorded', async () => {
    const params = {
      isGroup: false,
      bot: { id: `28:${TEST_BOT_APP_ID}` },
      members: [{ id: user.id }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
    };
    const first = await call('POST', 'v3/conversations', params);
    const again = await call('POST', 'v3/conversations', {
      ...params,
      activity: { type: 'message', text: 'hi' },
    });
    expect(first.status).toBe(201);
    expect(first.body?.id).toMatch(/^a:1/);
    expect(again.body?.id).toBe(first.body?.id);
    expect(again.body?.activityId).toEqual(expect.any(String));
    expect(first.body?.serviceUrl).toBe(sim.serviceUrl);
    expect(sim.conversationsCreated).toHaveLength(2);
    expect(sim.activitiesTo(first.body?.id as string).map((a) => a.activity.text)).toEqual(['hi']);
    // The created 1:1 has the user on its roster.
    expect((await call('GET', `${conv(first.body?.id as string)}/members`)).body).toEqual([{ id: user.id }]);
  });

  it('answers rosters, single members and paged members', async () => {
    const members = Array.from({ length: 120 }, (_, i) => ({
      id: `29:u${i}`,
      aadObjectId: `aad-${i}`,
      name: `U${i}`,
    }));
    sim.setMembers(CHANNEL_ID, members);
    expect((await call('GET', `${conv(CHANNEL_ID)}/members`)).body).toEqual(members);
    expect((await call('GET', `${conv(CHANNEL_ID)}/members/aad-3`)).body).toEqual(members[3]);
    expect((await call('GET', `${conv(CHANNEL_ID)}/members/29%3Anobody`)).status).toBe(404);
    // Teams serves 50 to 500 a page: a smaller page size is taken as 50, a larger one as 500.
    const page1 = await call('GET', `${conv(CHANNEL_ID)}/pagedmembers?pageSize=2`);
    expect(page1.body).toEqual({ members: members.slice(0, 50), continuationToken: '50' });
    const page3 = await call('GET', `${conv(CHANNEL_ID)}/pagedmembers?pageSize=50&continuationToken=100`);
    expect(page3.body).toEqual({ members: members.slice(100) });
    expect((await call('GET', `${conv(CHANNEL_ID)}/pagedmembers?pageSize=9000`)).body).toEqual({ members });
  });

  it("gives a 1:1 opened with a team member that member's full account", async () => {
    const member = {
      id: '29:listed',
      aadObjectId: 'aad-listed',
      name: 'Listed',
      email: 'listed@example.com',
    };
    sim.setMembers(CHANNEL_ID, [member]);
    const created = await call('POST', 'v3/conversations', {
      isGroup: false,
      bot: { id: '28:bot' },
      members: [{ id: member.id, name: '' }],
      tenantId: 'tenant',
    });
    expect((await call('GET', `${conv(created.body?.id as string)}/members/${member.id}`)).body).toEqual(
      member,
    );
  });

  it('answers 404 to unknown routes and 400 to bodies that are not JSON objects', async () => {
    expect((await call('GET', 'v3/somethingelse')).status).toBe(404);
    expect((await call('POST', `${conv(PERSONAL_ID)}/activities`, 'just a string')).status).toBe(400);
    const res = await fetch(new URL(`${conv(PERSONAL_ID)}/activities`, sim.serviceUrl), {
      method: 'POST',
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(sim.activities).toHaveLength(0);
  });

  it('serves injected faults: 403 MessageWritesBlocked, 429 with Retry-After, 412, 502, 504', async () => {
    sim.injectFault('send', connectorFaults.messageWritesBlocked());
    sim.injectFault('send', { status: 429, retryAfterSeconds: 3 });
    sim.injectFault('send', { status: 412 });
    sim.injectFault('send', { status: 502 });
    sim.injectFault('send', connectorFaults.gatewayTimeout());
    const path = `${conv(PERSONAL_ID)}/activities`;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await call('POST', path, { type: 'message', text: `m${i}` }));
    expect(answers.map((a) => a.status)).toEqual([403, 429, 412, 502, 504, 201]);
    expect(answers[0]?.body).toEqual({
      error: { code: 'MessageWritesBlocked', message: expect.any(String) },
    });
    expect(answers[1]?.headers.get('retry-after')).toBe('3');
    expect(answers[2]?.body).toMatchObject({ error: { code: 'PreconditionFailed' } });
    // Faulted sends are not delivered.
    expect(sim.activities.map((a) => a.activity.text)).toEqual(['m5']);
    expect(sim.stats).toMatchObject({ requests: 6, faults: 5 });
    expect(sim.requests.map((r) => r.status)).toEqual([403, 429, 412, 502, 504, 201]);
  });

  it('enforces per-conversation limits on sends when given: 429 with Retry-After beyond them', async () => {
    let t = 0;
    const limited = await startConnectorSimulator({
      now: () => t,
      conversationLimits: [
        { count: 2, ms: 1000 },
        { count: 3, ms: 5000 },
      ],
    });
    try {
      const send = async (id: string) => {
        const res = await fetch(new URL(`${conv(id)}/activities`, limited.serviceUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'hi' }),
        });
        await res.text();
        return [res.status, res.headers.get('retry-after')];
      };
      expect(await send(PERSONAL_ID)).toEqual([201, null]);
      expect(await send(PERSONAL_ID)).toEqual([201, null]);
      expect(await send(PERSONAL_ID)).toEqual([429, '1']);
      // Another conversation has limits of its own.
      expect(await send(CHANNEL_ID)).toEqual([201, null]);
      t = 999;
      expect(await send(PERSONAL_ID)).toEqual([429, '1']);
      t = 1000;
      expect(await send(PERSONAL_ID)).toEqual([201, null]);
      // Refused sends did not count: the 5-second window holds three accepted ones and waits for the first.
      t = 2500;
      expect(await send(PERSONAL_ID)).toEqual([429, '3']);
      t = 5000;
      expect(await send(PERSONAL_ID)).toEqual([201, null]);
      expect(limited.activitiesTo(PERSONAL_ID)).toHaveLength(4);
    } finally {
      await limited.close();
    }
  });

  it('a bare 403 defaults to MessageWritesBlocked; custom bodies are answered as given', async () => {
    sim.injectFault('send', { status: 403 });
    sim.injectFault('send', connectorFaults.botNotInConversation());
    const path = `${conv(PERSONAL_ID)}/activities`;
    expect((await call('POST', path, { type: 'message' })).body).toMatchObject({
      error: { code: 'MessageWritesBlocked' },
    });
    expect((await call('POST', path, { type: 'message' })).body).toMatchObject({
      error: { code: 'BotNotInConversationRoster' },
    });
  });

  it('targets faults by route, counts `times`, and `*` matches any route', async () => {
    sim.injectFault('update', { status: 502 }, 2);
    sim.injectFault('*', { status: 504 });
    const send = `${conv(PERSONAL_ID)}/activities`;
    const update = `${conv(PERSONAL_ID)}/activities/1`;
    expect((await call('PUT', update, { type: 'message' })).status).toBe(502);
    expect((await call('POST', send, { type: 'message' })).status).toBe(504);
    expect((await call('PUT', update, { type: 'message' })).status).toBe(502);
    expect((await call('PUT', update, { type: 'message' })).status).toBe(200);
    expect((await call('POST', 'v3/conversations', { members: [{ id: 'x' }] })).status).toBe(201);
    expect(sim.stats.byRoute).toMatchObject({ send: 1, update: 3, create: 1 });
  });

  it('a delay fault delivers at once and answers late', async () => {
    sim.injectFault('send', { type: 'delay', ms: 150 });
    const started = Date.now();
    const pending = call('POST', `${conv(PERSONAL_ID)}/activities`, { type: 'message', text: 'slow' });
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.activities).toHaveLength(1);
    expect((await pending).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('requireAuth refuses missing and rejected tokens with 401', async () => {
    const guarded = await startConnectorSimulator({ requireAuth: (token) => token === 'good' });
    try {
      const path = new URL(`${conv(PERSONAL_ID)}/activities`, guarded.serviceUrl);
      const post = (headers: Record<string, string>) =>
        fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{"type":"message"}',
        });
      expect((await post({})).status).toBe(401);
      expect((await post({ authorization: 'Bearer bad' })).status).toBe(401);
      expect((await post({ authorization: 'Basic good' })).status).toBe(401);
      expect((await post({ authorization: 'Bearer good' })).status).toBe(201);
      expect(guarded.stats.unauthorized).toBe(3);
      expect(guarded.activities).toHaveLength(1);
      expect(guarded.activities[0]?.authorization).toBe('Bearer good');
    } finally {
      await guarded.close();
    }
  });

  it('reset() forgets traffic, faults and stats', async () => {
    sim.injectFault('send', { status: 502 }, 5);
    await call('POST', `${conv(PERSONAL_ID)}/activities`, { type: 'message' });
    sim.reset();
    expect(sim.stats.requests).toBe(0);
    expect(sim.requests).toHaveLength(0);
    expect((await call('POST', `${conv(PERSONAL_ID)}/activities`, { type: 'message' })).status).toBe(201);
    expect(sim.activities).toHaveLength(1);
  });

  it('honours a serviceUrl path prefix like Teams regional urls', async () => {
    const regional = await startConnectorSimulator({ pathPrefix: '/amer/' });
    try {
      expect(regional.serviceUrl).toBe(`http://127.0.0.1:${regional.port}/amer/`);
      const res = await fetch(new URL(`${conv(PERSONAL_ID)}/activities`, regional.serviceUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message"}',
      });
      expect(res.status).toBe(201);
      expect(regional.requests[0]?.path).toBe(`/amer/${conv(PERSONAL_ID)}/activities`);
    } finally {
      await regional.close();
    }
  });
});

describe('teamsActivity()', () => {
  it('builds a personal message like Teams sends it', () => {
    const at = new Date('2024-03-05T08:30:00.000Z');
    const activity = teamsActivity({
      type: 'message',
      text: 'status',
      from: user,
      conversation: { id: PERSONAL_ID, conversationType: 'personal', tenantId: TENANT },
      serviceUrl: 'http://127.0.0.1:1/',
      localTimezone: 'America/Los_Angeles',
      timestamp: at,
    });
    expect(activity).toMatchObject({
      type: 'message',
      text: 'status',
      textFormat: 'plain',
      channelId: 'msteams',
      timestamp: '2024-03-05T08:30:00.000Z',
      localTimestamp: '2024-03-05T00:30:00.000-08:00',
      localTimezone: 'America/Los_Angeles',
      serviceUrl: 'http://127.0.0.1:1/',
      from: user,
      recipient: { id: `28:${TEST_BOT_APP_ID}`, name: 'coachloop' },
      conversation: { conversationType: 'personal', tenantId: TENANT, id: PERSONAL_ID },
      channelData: { tenant: { id: TENANT } },
      entities: [{ type: 'clientInfo', timezone: 'America/Los_Angeles', locale: 'en-US' }],
    });
    expect(activity.id).toMatch(/^\d{13,}$/);
    expect((activity.conversation as JsonObject).isGroup).toBeUndefined();
  });

  it('builds a channel conversationUpdate for a team install and an Action.Execute invoke', () => {
    const install = teamsActivity({
      type: 'conversationUpdate',
      from: user,
      conversation: { id: CHANNEL_ID, conversationType: 'channel', tenantId: TENANT },
      serviceUrl: 'http://127.0.0.1:1/',
      membersAdded: [{ id: `28:${TEST_BOT_APP_ID}` }],
      channelData: {
        tenant: { id: TENANT },
        team: { id: '19:team@thread.tacv2', name: 'Leads' },
        channel: { id: '19:chan@thread.tacv2', name: 'General' },
        eventType: 'teamMemberAdded',
      },
    });
    expect(install).toMatchObject({
      type: 'conversationUpdate',
      conversation: { isGroup: true, conversationType: 'channel' },
      channelData: {
        teamsTeamId: '19:team@thread.tacv2',
        teamsChannelId: '19:chan@thread.tacv2',
        eventType: 'teamMemberAdded',
      },
      membersAdded: [{ id: `28:${TEST_BOT_APP_ID}` }],
    });
    expect(install.text).toBeUndefined();
    const invoke = teamsActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'snooze', data: { days: 7 } }, trigger: 'manual' },
      from: user,
      conversation: { id: PERSONAL_ID, conversationType: 'personal', tenantId: TENANT },
      serviceUrl: 'http://127.0.0.1:1/',
      replyToId: '1700000000000',
    });
    expect(invoke).toMatchObject({ type: 'invoke', name: 'adaptiveCard/action', replyToId: '1700000000000' });
    expect(invoke.entities).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// botbuilder CloudAdapter against the simulator (auth disabled: empty MicrosoftAppId)
// ---------------------------------------------------------------------------

describe('CloudAdapter with the connector simulator (no auth)', () => {
  let sim: ConnectorSimulator;
  let bot: EchoBot;
  let server: TestBot;

  beforeAll(async () => {
    sim = await startConnectorSimulator();
    bot = new EchoBot();
    server = await startTestBot({ bot });
  });
  afterAll(async () => {
    await server.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    bot.sendFailures.length = 0;
    server.errors.length = 0;
  });

  it('answers 200 with an empty body and replies to the inbound activity id', async () => {
    const inbound = personal(sim.serviceUrl);
    const res = await postActivity(server.url, inbound);
    expect(res).toEqual({ status: 200, body: undefined });
    expect(sim.activities).toHaveLength(1);
    const [reply] = sim.activities;
    expect(reply).toMatchObject({ kind: 'reply', conversationId: PERSONAL_ID, replyToId: inbound.id });
    expect(reply?.activity).toMatchObject({
      type: 'message',
      text: 'echo: hello',
      replyToId: inbound.id,
      from: { id: `28:${TEST_BOT_APP_ID}` },
      recipient: { id: user.id },
      conversation: { id: PERSONAL_ID },
    });
    // Auth disabled: no token on the outbound call.
    expect(reply?.authorization).toBeUndefined();
  });

  it('answers an Action.Execute invoke with the invoke response as the HTTP body', async () => {
    const res = await postActivity(
      server.url,
      personal(sim.serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'snooze', data: { days: 7 } }, trigger: 'manual' },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'done: snooze' }] },
    });
    expect(sim.activities).toHaveLength(0);
  });

  it('answers 400 to an adaptiveCard/action invoke that is not Action.Execute, 501 to unhandled invokes', async () => {
    const notExecute = await postActivity(
      server.url,
      personal(sim.serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Submit' } },
      }),
    );
    expect(notExecute.status).toBe(400);
    expect(notExecute.body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'NotSupported' },
    });
    const unknown = await postActivity(
      server.url,
      personal(sim.serviceUrl, { type: 'invoke', name: 'something/else' }),
    );
    expect(unknown).toEqual({ status: 501, body: undefined });
  });

  it('delivers Action.Submit as a message with empty text and the merged data in value', async () => {
    bot.submissions.length = 0;
    await postActivity(
      server.url,
      personal(sim.serviceUrl, { text: '', value: { action: 'checkpoint', rating: '3' } }),
    );
    expect(bot.submissions).toEqual([{ action: 'checkpoint', rating: '3' }]);
    expect(sim.activities.map((a) => a.activity.text)).toEqual(['Thanks, noted.']);
  });

  it('process() needs a parsed body: 400 when req.body is not an object', async () => {
    const raw = await startTestBot({ bot, parseBody: false });
    try {
      const res = await postActivity(raw.url, personal(sim.serviceUrl));
      expect(res.status).toBe(400);
      expect(String(res.body)).toContain('req.body');
      expect(sim.activities).toHaveLength(0);
    } finally {
      await raw.close();
    }
  });

  it('proactive continueConversationAsync replies to a fresh random id; updateActivity PUTs', async () => {
    bot.references.length = 0;
    await postActivity(
      server.url,
      teamsActivity({
        type: 'conversationUpdate',
        from: user,
        conversation: { id: PERSONAL_ID, conversationType: 'personal', tenantId: TENANT },
        serviceUrl: sim.serviceUrl,
        membersAdded: [{ id: `28:${TEST_BOT_APP_ID}` }],
      }),
    );
    const reference = bot.references[0] as Partial<ConversationReference>;
    expect(reference).toMatchObject({
      serviceUrl: sim.serviceUrl,
      conversation: { id: PERSONAL_ID },
      user: { id: user.id },
    });

    let sentId = '';
    await server.adapter.continueConversationAsync('', reference, async (context) => {
      const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Nudge' }],
      });
      const sent = await context.sendActivity({ attachments: [card] });
      sentId = sent?.id ?? '';
      await context.updateActivity({ id: sentId, type: 'message', text: 'Nudge (answered)' });
    });
    expect(sim.activities).toHaveLength(1);
    const [proactive] = sim.activities;
    expect(proactive?.kind).toBe('reply');
    // The continuation activity gets a random uuid, so the "reply" targets an id the connector never issued.
    expect(proactive?.replyToId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(proactive?.activity.attachments).toEqual([
      expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' }),
    ]);
    expect(sentId).toBe(proactive?.id);
    expect(sim.updates).toMatchObject([
      { conversationId: PERSONAL_ID, activityId: sentId, activity: { text: 'Nudge (answered)' } },
    ]);
  });

  it('createConversationAsync POSTs /v3/conversations, then the logic runs in the new conversation (replies to the conversation id)', async () => {
    let conversationId = '';
    await server.adapter.createConversationAsync(
      '',
      'msteams',
      sim.serviceUrl,
      '',
      {
        isGroup: false,
        bot: { id: `28:${TEST_BOT_APP_ID}`, name: 'coachloop' },
        members: [{ id: user.id, name: user.name }],
        tenantId: TENANT,
        channelData: { tenant: { id: TENANT } },
      },
      async (context) => {
        conversationId = context.activity.conversation.id;
        await context.sendActivity('Welcome!');
      },
    );
    expect(sim.conversationsCreated).toHaveLength(1);
    expect(conversationId).toBe(sim.conversationsCreated[0]?.id);
    // The "create" event activity takes the new conversation id as its own id, so the first message
    // is POSTed as a reply to an activity whose id is the conversation id.
    expect(sim.activitiesTo(conversationId).map((a) => [a.kind, a.replyToId, a.activity.text])).toEqual([
      ['reply', conversationId, 'Welcome!'],
    ]);
  });

  it('the connector client retries 429 with Retry-After by itself', async () => {
    sim.injectFault('send', connectorFaults.throttled(1));
    const started = Date.now();
    await postActivity(server.url, personal(sim.serviceUrl));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sim.requests.map((r) => r.status)).toEqual([429, 201]);
    expect(sim.activities).toHaveLength(1);
    expect(bot.sendFailures).toHaveLength(0);
  });

  it('the connector client retries 5xx such as 502 by itself (exponential backoff, up to 3 times)', async () => {
    sim.injectFault('send', connectorFaults.badGateway());
    await postActivity(server.url, personal(sim.serviceUrl));
    expect(sim.requests.map((r) => r.status)).toEqual([502, 201]);
    expect(bot.sendFailures).toHaveLength(0);
  });

  it('the connector client does not retry 412, nor a 429 without Retry-After', async () => {
    sim.injectFault('send', connectorFaults.preconditionFailed());
    await postActivity(server.url, personal(sim.serviceUrl));
    sim.injectFault('send', { status: 429 });
    await postActivity(server.url, personal(sim.serviceUrl));
    expect(sim.requests.map((r) => r.status)).toEqual([412, 429]);
    expect(bot.sendFailures.map((e) => (e as { statusCode?: number }).statusCode)).toEqual([412, 429]);
  });

  it('a blocked user surfaces as an error with statusCode 403 and the MessageWritesBlocked code', async () => {
    sim.injectFault('send', connectorFaults.messageWritesBlocked());
    const res = await postActivity(server.url, personal(sim.serviceUrl));
    expect(res.status).toBe(200);
    expect(sim.requests.map((r) => r.status)).toEqual([403]);
    const err = bot.sendFailures[0] as {
      statusCode?: number;
      code?: string;
      details?: unknown;
      message?: string;
    };
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('MessageWritesBlocked');
    expect(err.details).toMatchObject({ error: { code: 'MessageWritesBlocked' } });
  });
});

// ---------------------------------------------------------------------------
// Authenticated mode: tokens from a local OpenID issuer
// ---------------------------------------------------------------------------

describe('CloudAdapter with MicrosoftAppId set and a local OpenID issuer', () => {
  const APP_ID = '6a0c3c59-6b4c-4f0e-9a3b-4c1f2d3e4f50';
  let issuer: LocalOpenIdIssuer;
  let other: LocalOpenIdIssuer;
  let sim: ConnectorSimulator;
  let server: TestBot;
  let bot: EchoBot;
  let credentials: ReturnType<typeof localCredentialsFactory>;

  beforeAll(async () => {
    issuer = await startLocalOpenIdIssuer();
    other = await startLocalOpenIdIssuer();
    // The connector only takes the bot's own token: issued locally for the Bot Framework scope.
    sim = await startConnectorSimulator({ requireAuth: issuer.verifier({ audience: BOT_FRAMEWORK_SCOPE }) });
    bot = new EchoBot();
    credentials = localCredentialsFactory(issuer, APP_ID);
    server = await startTestBot({
      bot,
      authConfig: localBotAuthConfig(issuer, { appId: APP_ID }),
      credentialsFactory: credentials,
    });
  });
  afterAll(async () => {
    await server.close();
    await sim.close();
    await issuer.close();
    await other.close();
  });
  beforeEach(() => {
    sim.reset();
    bot.sendFailures.length = 0;
  });

  const inbound = () => personal(sim.serviceUrl, { botAppId: APP_ID });

  it('accepts a locally signed channel token (200) and replies with the bot token', async () => {
    const token = await issuer.channelToken({ appId: APP_ID, serviceUrl: sim.serviceUrl });
    const res = await postActivity(server.url, inbound(), { token });
    expect(res.status).toBe(200);
    expect(sim.activities).toHaveLength(1);
    expect(sim.activities[0]?.activity.text).toBe('echo: hello');
    const outbound = decodeJwt((sim.activities[0]?.authorization ?? '').replace('Bearer ', ''));
    expect(outbound?.claims).toMatchObject({ aud: BOT_FRAMEWORK_SCOPE, appid: APP_ID, iss: issuer.issuer });
    expect(credentials.issued).toBeGreaterThan(0);
    expect(issuer.stats.metadataFetches).toBeGreaterThanOrEqual(1);
    expect(issuer.stats.jwksFetches).toBeGreaterThanOrEqual(1);
  });

  it('refuses a request without a token (401)', async () => {
    const res = await postActivity(server.url, inbound());
    expect(res.status).toBe(401);
    expect(sim.activities).toHaveLength(0);
  });

  it('refuses a token signed by another key (401)', async () => {
    // Another issuer's key, with that issuer's iss: refused before the signature is even checked.
    const fromOtherIssuer = await other.channelToken({ appId: APP_ID, serviceUrl: sim.serviceUrl });
    expect((await postActivity(server.url, inbound(), { token: fromOtherIssuer })).status).toBe(401);
    // Right iss, key id unknown to the JWKS.
    const strayKid = signWithStrayKey({ iss: issuer.issuer, aud: APP_ID, serviceurl: sim.serviceUrl });
    expect((await postActivity(server.url, inbound(), { token: strayKid })).status).toBe(401);
    // Another issuer's key id and signature, relabelled with our iss.
    const relabelled = await other.sign({ iss: issuer.issuer, aud: APP_ID, serviceurl: sim.serviceUrl });
    expect((await postActivity(server.url, inbound(), { token: relabelled })).status).toBe(401);
    expect(sim.activities).toHaveLength(0);
  });

  it('a forged token reusing the real key id fails with 500, not 401 (botbuilder rethrows the signature error)', async () => {
    const forged = signWithStrayKey(
      { iss: issuer.issuer, aud: APP_ID, serviceurl: sim.serviceUrl },
      { kid: issuer.kid },
    );
    const res = await postActivity(server.url, inbound(), { token: forged });
    expect(res.status).toBe(500);
    expect(String(res.body)).toContain('invalid signature');
    expect(sim.activities).toHaveLength(0);
  });

  it('refuses wrong aud, wrong serviceurl, an expired token and a non-Bearer scheme (401)', async () => {
    const wrongAud = await issuer.channelToken({ appId: 'someone-else', serviceUrl: sim.serviceUrl });
    const wrongServiceUrl = await issuer.channelToken({
      appId: APP_ID,
      serviceUrl: `${sim.serviceUrl}other/`,
    });
    const noTrailingSlash = await issuer.channelToken({
      appId: APP_ID,
      serviceUrl: sim.serviceUrl.replace(/\/$/, ''),
    });
    const expired = await issuer.channelToken({
      appId: APP_ID,
      serviceUrl: sim.serviceUrl,
      expiresInSeconds: -600,
    });
    for (const token of [wrongAud, wrongServiceUrl, noTrailingSlash, expired]) {
      expect((await postActivity(server.url, inbound(), { token })).status).toBe(401);
    }
    const good = await issuer.channelToken({ appId: APP_ID, serviceUrl: sim.serviceUrl });
    const basic = await postActivity(server.url, inbound(), { headers: { authorization: `Basic ${good}` } });
    expect(basic.status).toBe(401);
    expect(sim.activities).toHaveLength(0);
  });

  it('the key endorsements must include the channel id', async () => {
    const token = await issuer.channelToken({ appId: APP_ID, serviceUrl: sim.serviceUrl });
    const res = await postActivity(server.url, { ...inbound(), channelId: 'slack' }, { token });
    expect(res.status).toBe(401);
  });

  it('the connector simulator refuses an outbound call without the bot token', async () => {
    const res = await fetch(
      new URL(`v3/conversations/${encodeURIComponent(PERSONAL_ID)}/activities`, sim.serviceUrl),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message"}',
      },
    );
    expect(res.status).toBe(401);
    const channelToken = await issuer.channelToken({ appId: APP_ID, serviceUrl: sim.serviceUrl });
    const wrongAudience = await fetch(
      new URL(`v3/conversations/${encodeURIComponent(PERSONAL_ID)}/activities`, sim.serviceUrl),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${channelToken}` },
        body: '{"type":"message"}',
      },
    );
    expect(wrongAudience.status).toBe(401);
  });

  it('the minimal inbound configuration: MicrosoftAppId, BotOpenIdMetadata and ToBotFromChannelTokenIssuer', async () => {
    const minimal = await startTestBot({
      bot,
      authConfig: {
        MicrosoftAppId: APP_ID,
        BotOpenIdMetadata: issuer.metadataUrl,
        ToBotFromChannelTokenIssuer: issuer.issuer,
      },
      credentialsFactory: credentials,
    });
    try {
      const token = await issuer.channelToken({ appId: APP_ID, serviceUrl: sim.serviceUrl });
      expect((await postActivity(minimal.url, inbound(), { token })).status).toBe(200);
      expect((await postActivity(minimal.url, inbound())).status).toBe(401);
      expect(sim.activities).toHaveLength(1);
    } finally {
      await minimal.close();
    }
  });

  it('proactive messages carry the bot token too', async () => {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: sim.serviceUrl,
      conversation: {
        id: PERSONAL_ID,
        isGroup: false,
        conversationType: 'personal',
        name: '',
        tenantId: TENANT,
      },
      user: { id: user.id, name: user.name },
      bot: { id: `28:${APP_ID}`, name: 'coachloop' },
    };
    await server.adapter.continueConversationAsync(APP_ID, reference, async (context) => {
      await context.sendActivity('Time for your weekly check-in');
    });
    expect(sim.activities.map((a) => a.activity.text)).toEqual(['Time for your weekly check-in']);
    expect(sim.stats.unauthorized).toBe(0);
  });
});
