import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import {
  ErrorCode,
  type Logger,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
} from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  datePicker,
  numberInput,
  plainInput,
  SlackInbound,
  signSlackRequest,
  staticSelect,
} from '../support/slack-requests.js';
import { type SlackSimulator, startSlackSimulator } from './slack-api.js';

const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

function client(sim: SlackSimulator, extra: ConstructorParameters<typeof WebClient>[1] = {}): WebClient {
  return new WebClient(sim.token, {
    slackApiUrl: sim.apiUrl,
    retryConfig: { retries: 0 },
    logger: quiet,
    ...extra,
  });
}

async function platformError(p: Promise<unknown>): Promise<WebAPIPlatformError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(WebAPIPlatformError);
    return err as WebAPIPlatformError;
  }
  throw new Error('expected a platform error');
}

describe('Slack Web API simulator with the real WebClient', () => {
  let sim: SlackSimulator;
  let web: WebClient;

  beforeEach(async () => {
    sim = await startSlackSimulator();
    sim.addUser({ id: 'U1', name: 'ada', email: 'ada@example.com', tz: 'Europe/Paris' });
    sim.addUser({ id: 'U2', name: 'grace' });
    web = client(sim);
  });

  afterEach(async () => {
    await sim.close();
  });

  it('answers auth.test with the bot identity', async () => {
    const res = await web.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' });
    expect(sim.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    expect(sim.callsTo('auth.test')).toHaveLength(1);
    expect(sim.calls[0]?.status).toBe(200);
  });

  it('posts messages with metadata and returns them newest first from conversations.history', async () => {
    const open = await web.conversations.open({ users: 'U1' });
    expect(open.channel?.id).toBe('DU1');
    const blocks = [{ type: 'section', block_id: 'b1', text: { type: 'mrkdwn', text: '*Nudge* one' } }];
    const first = await web.chat.postMessage({
      channel: 'DU1',
      text: 'Nudge one',
      blocks,
      metadata: { event_type: 'coachloop_nudge', event_payload: { outbox_key: 'k-1' } },
    });
    const second = await web.chat.postMessage({ channel: 'DU1', text: 'Nudge two' });
    expect(first.ok).toBe(true);
    expect(first.channel).toBe('DU1');
    expect(first.message?.text).toBe('Nudge one');
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));

    const call = sim.callsTo('chat.postMessage')[0];
    expect(call?.args.blocks).toEqual(blocks);
    expect(call?.args.metadata).toEqual({
      event_type: 'coachloop_nudge',
      event_payload: { outbox_key: 'k-1' },
    });

    const withMeta = await web.conversations.history({
      channel: 'DU1',
      include_all_metadata: true,
      limit: 10,
    });
    expect(withMeta.messages?.map((m) => m.text)).toEqual(['Nudge two', 'Nudge one']);
    expect(withMeta.messages?.[1]?.metadata).toEqual({
      event_type: 'coachloop_nudge',
      event_payload: { outbox_key: 'k-1' },
    });
    expect(withMeta.messages?.[1]).toMatchObject({
      type: 'message',
      user: 'UBOT',
      bot_id: 'BBOT',
      ts: first.ts,
    });
    expect(withMeta.has_more).toBe(false);

    const withoutMeta = await web.conversations.history({ channel: 'DU1' });
    expect(withoutMeta.messages?.[1]?.metadata).toBeUndefined();

    const recent = await web.conversations.history({ channel: 'DU1', oldest: first.ts });
    expect(recent.messages?.map((m) => m.text)).toEqual(['Nudge two']);

    // A user id as channel goes to the bot's DM with that user.
    const viaUser = await web.chat.postMessage({ channel: 'U2', text: 'hi' });
    expect(viaUser.channel).toBe('DU2');
    expect(sim.messages('DU1')).toHaveLength(2);
    expect(sim.messages()).toHaveLength(3);

    expect((await platformError(web.chat.postMessage({ channel: 'DU1', text: '' }))).data.error).toBe(
      'no_text',
    );
    expect((await platformError(web.chat.postMessage({ channel: 'nope', text: 'x' }))).data.error).toBe(
      'channel_not_found',
    );
    expect((await platformError(web.conversations.open({ users: 'U404' }))).data.error).toBe(
      'user_not_found',
    );
  });

  it('updates a stored message with chat.update', async () => {
    const posted = await web.chat.postMessage({ channel: 'C100', text: 'Pending' });
    const ts = posted.ts as string;
    const updated = await web.chat.update({
      channel: 'C100',
      ts,
      text: 'Done',
      blocks: [{ type: 'section', text: { type: 'plain_text', text: 'Done ✅' } }],
    });
    expect(updated).toMatchObject({ ok: true, channel: 'C100', ts, text: 'Done' });
    const [stored] = sim.messages('C100');
    expect(stored?.text).toBe('Done');
    expect(stored?.blocks).toEqual([{ type: 'section', text: { type: 'plain_text', text: 'Done ✅' } }]);
    const err = await platformError(web.chat.update({ channel: 'C100', ts: '1.000001', text: 'x' }));
    expect(err.data.error).toBe('message_not_found');
  });

  it('answers users.info and users.lookupByEmail', async () => {
    const info = await web.users.info({ user: 'U1' });
    expect(info.user).toMatchObject({
      id: 'U1',
      team_id: 'T0001',
      name: 'ada',
      tz: 'Europe/Paris',
      is_bot: false,
      deleted: false,
      profile: { email: 'ada@example.com' },
    });
    expect([3600, 7200]).toContain(info.user?.tz_offset);
    const grace = await web.users.info({ user: 'U2' });
    expect(grace.user?.tz).toBe('America/New_York');
    const byEmail = await web.users.lookupByEmail({ email: 'ADA@example.com' });
    expect(byEmail.user?.id).toBe('U1');
    expect((await platformError(web.users.info({ user: 'U404' }))).data.error).toBe('user_not_found');
    expect((await platformError(web.users.lookupByEmail({ email: 'x@y.z' }))).data.error).toBe(
      'users_not_found',
    );
  });

  it('rejects a wrong token with invalid_auth and an unknown method with unknown_method', async () => {
    const bad = new WebClient('xoxb-wrong', {
      slackApiUrl: sim.apiUrl,
      retryConfig: { retries: 0 },
      logger: quiet,
    });
    const err = await platformError(bad.auth.test());
    expect(err.data.error).toBe('invalid_auth');
    expect(sim.calls.at(-1)?.status).toBe(200);
    expect((await platformError(web.apiCall('nope.nothing'))).data.error).toBe('unknown_method');
  });

  it('accepts JSON bodies and form bodies with a charset', async () => {
    const json = await fetch(`${sim.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C1', text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C1' });
    const form = await fetch(`${sim.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sim.token}`,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      },
      body: new URLSearchParams({ channel: 'C1', text: 'form' }).toString(),
    });
    expect(await form.json()).toMatchObject({ ok: true });
    expect(sim.messages('C1').map((m) => m.text)).toEqual(['json', 'form']);
    expect(sim.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([{ type: 'divider' }]);
  });

  it('surfaces an injected 429 as a rate-limit error with retryAfter', async () => {
    const strict = client(sim, { rejectRateLimitedCalls: true });
    sim.injectFault('chat.postMessage', { type: 'ratelimit', retryAfterSeconds: 7 });
    const err = await strict.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebAPIRateLimitedError);
    expect((err as WebAPIRateLimitedError).code).toBe(ErrorCode.RateLimitedError);
    expect((err as WebAPIRateLimitedError).retryAfter).toBe(7);
    expect(sim.callsTo('chat.postMessage')[0]?.status).toBe(429);
    expect(sim.messages()).toHaveLength(0);
    // The fault was consumed: the next call succeeds.
    expect((await strict.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
    expect(sim.stats.faults).toBe(1);
  });

  it('surfaces an injected HTTP 500 and injected platform errors', async () => {
    sim.injectFault('users.info', { type: 'http', status: 500 });
    const err = await web.users.info({ user: 'U1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebAPIHTTPError);
    expect((err as WebAPIHTTPError).statusCode).toBe(500);

    sim.injectFault('*', { type: 'error', error: 'fatal_error' }, 2);
    expect((await platformError(web.auth.test())).data.error).toBe('fatal_error');
    expect((await platformError(web.users.info({ user: 'U1' }))).data.error).toBe('fatal_error');
    expect((await web.users.info({ user: 'U1' })).ok).toBe(true);
  });

  it('delays answers and hangs until the client gives up', async () => {
    sim.injectFault('chat.postMessage', { type: 'delay', ms: 150 });
    const started = Date.now();
    await web.chat.postMessage({ channel: 'C1', text: 'slow' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    // An ambiguous send: the message lands, the answer never comes.
    sim.injectFault('chat.postMessage', { type: 'hang', apply: true });
    const impatient = client(sim, { timeout: 200 });
    await expect(impatient.chat.postMessage({ channel: 'C1', text: 'lost answer' })).rejects.toThrow();
    expect(sim.messages('C1').map((m) => m.text)).toEqual(['slow', 'lost answer']);
    expect(sim.callsTo('chat.postMessage').at(-1)?.status).toBe(0);

    // A hung request without effect; close() must not wait for it.
    sim.injectFault('auth.test', { type: 'hang' });
    const pending = web.auth.test().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await sim.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('injects seeded random faults reproducibly', async () => {
    const outcomes = async (): Promise<string[]> => {
      sim.reset();
      sim.injectRandomFaults({
        probability: 0.5,
        kinds: [{ type: 'error', error: 'internal_error' }],
        seed: 42,
        methods: ['users.info'],
      });
      const out: string[] = [];
      for (let i = 0; i < 12; i++) {
        out.push(
          await web.users.info({ user: 'U1' }).then(
            () => 'ok',
            (e: WebAPIPlatformError) => e.data.error,
          ),
        );
      }
      await web.auth.test(); // not in `methods`: never faulted
      return out;
    };
    const a = await outcomes();
    const b = await outcomes();
    expect(a).toEqual(b);
    expect(a).toContain('ok');
    expect(a).toContain('internal_error');
    expect(sim.stats.faults).toBe(a.filter((x) => x !== 'ok').length);
    sim.clearFaults();
    expect((await web.users.info({ user: 'U1' })).ok).toBe(true);
  });

  it('rejects messages that break Block Kit limits with invalid_blocks', async () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    const button = (i: number, text = `B${i}`) => ({
      type: 'button' as const,
      action_id: `a${i}`,
      text: { type: 'plain_text' as const, text },
    });
    const cases: unknown[][] = [
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      [section('x'.repeat(3001))],
      [{ type: 'actions', elements: [button(1, 'y'.repeat(76))] }],
      [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(i)) }],
      [{ type: 'actions', block_id: 'b'.repeat(256), elements: [button(1)] }],
      [{ type: 'actions', elements: [{ ...button(1), action_id: 'a'.repeat(256) }] }],
    ];
    for (const blocks of cases) {
      const err = await platformError(
        web.chat.postMessage({ channel: 'C1', text: 'fallback', blocks: blocks as never }),
      );
      expect(err.data.error).toBe('invalid_blocks');
      expect(err.data.response_metadata?.messages?.length).toBeGreaterThan(0);
    }
    expect(sim.messages()).toHaveLength(0);
    const ok = await web.chat.postMessage({
      channel: 'C1',
      text: 'fallback',
      blocks: [
        ...Array.from({ length: 49 }, () => ({ type: 'divider' })),
        { type: 'actions', elements: Array.from({ length: 25 }, (_, i) => button(i, 'z'.repeat(75))) },
      ],
    });
    expect(ok.ok).toBe(true);
  });

  it('stores views and enforces modal limits', async () => {
    const modal = {
      type: 'modal' as const,
      callback_id: 'checkin',
      title: { type: 'plain_text' as const, text: 'Weekly check-in' },
      submit: { type: 'plain_text' as const, text: 'Save' },
      private_metadata: JSON.stringify({ program: 'p1' }),
      blocks: [
        {
          type: 'input',
          block_id: 'goal',
          label: { type: 'plain_text' as const, text: 'Goal' },
          element: { type: 'plain_text_input' as const, action_id: 'value' },
        },
      ],
    };
    const opened = await web.views.open({ trigger_id: '123.456.abc', view: modal });
    const id = opened.view?.id as string;
    expect(id).toMatch(/^V/);
    expect(opened.view).toMatchObject({
      callback_id: 'checkin',
      state: { values: {} },
      private_metadata: modal.private_metadata,
    });
    expect(sim.views.get(id)?.callback_id).toBe('checkin');

    const updated = await web.views.update({
      view_id: id,
      hash: opened.view?.hash,
      view: { ...modal, callback_id: 'checkin2' },
    });
    expect(updated.view?.id).toBe(id);
    expect(sim.views.get(id)?.callback_id).toBe('checkin2');
    expect(
      (await platformError(web.views.update({ view_id: id, hash: 'stale', view: modal }))).data.error,
    ).toBe('hash_conflict');

    const tooLong = { ...modal, title: { type: 'plain_text' as const, text: 'x'.repeat(25) } };
    expect((await platformError(web.views.open({ trigger_id: 't', view: tooLong }))).data.error).toBe(
      'invalid_arguments',
    );
    const bigMeta = { ...modal, private_metadata: 'm'.repeat(3001) };
    expect((await platformError(web.views.push({ trigger_id: 't', view: bigMeta }))).data.error).toBe(
      'invalid_arguments',
    );

    await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [{ type: 'divider' }] } });
    const again = await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    expect(sim.homeOf('U1')?.id).toBe(again.view?.id);
    expect(sim.homeOf('U1')?.blocks).toEqual([]);
    const tooMany = {
      type: 'home' as const,
      blocks: Array.from({ length: 101 }, () => ({ type: 'divider' as const })),
    };
    expect((await platformError(web.views.publish({ user_id: 'U1', view: tooMany }))).data.error).toBe(
      'invalid_arguments',
    );
  });

  it('answers usergroups, ephemerals and apps.connections.open', async () => {
    sim.addUsergroup('S1', ['U1', 'U2']);
    expect((await web.usergroups.users.list({ usergroup: 'S1' })).users).toEqual(['U1', 'U2']);
    const eph = await web.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(eph.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(sim.ephemerals('C1')).toMatchObject([{ user: 'U1', text: 'only you' }]);
    expect(sim.messages()).toHaveLength(0);
    sim.setSocketModeUrl('ws://127.0.0.1:1/');
    const app = new WebClient('xapp-test-token', {
      slackApiUrl: sim.apiUrl,
      retryConfig: { retries: 0 },
      logger: quiet,
    });
    expect((await app.apps.connections.open()).url).toBe('ws://127.0.0.1:1/');
  });
});

describe('rate-limit enforcement', () => {
  it('enforces per-channel and workspace sliding windows on chat.postMessage', async () => {
    let clock = 1_700_000_000_000;
    const sim = await startSlackSimulator({
      rateLimits: { perChannelPerSecond: 1, workspacePerMinute: 3 },
      now: () => clock,
    });
    try {
      const web = client(sim, { rejectRateLimitedCalls: true });
      await web.chat.postMessage({ channel: 'C1', text: '1' });
      const err = await web.chat.postMessage({ channel: 'C1', text: '2' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WebAPIRateLimitedError);
      expect((err as WebAPIRateLimitedError).retryAfter).toBe(1);
      const rejected = sim.callsTo('chat.postMessage')[1];
      expect(rejected?.status).toBe(429);
      expect(rejected?.response).toEqual({ ok: false, error: 'ratelimited' });

      await web.chat.postMessage({ channel: 'C2', text: 'other channel' });
      clock += 1000;
      await web.chat.postMessage({ channel: 'C1', text: 'after a second' });
      // Workspace window: 3 accepted in the last minute.
      const ws = await web.chat.postMessage({ channel: 'C3', text: 'over' }).catch((e: unknown) => e);
      expect(ws).toBeInstanceOf(WebAPIRateLimitedError);
      expect((ws as WebAPIRateLimitedError).retryAfter).toBe(59);
      expect(sim.stats).toEqual({ accepted: 3, rateLimited: 2, faults: 0 });
      clock += 59_000;
      expect((await web.chat.postMessage({ channel: 'C3', text: 'later' })).ok).toBe(true);
      expect(sim.messages().map((m) => m.text)).toEqual(['1', 'other channel', 'after a second', 'later']);
    } finally {
      await sim.close();
    }
  });

  it('lets the default WebClient wait out a real Retry-After', async () => {
    const sim = await startSlackSimulator({ rateLimits: { perChannelPerSecond: 1 } });
    try {
      const web = client(sim, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
      const started = Date.now();
      await web.chat.postMessage({ channel: 'C1', text: 'a' });
      await web.chat.postMessage({ channel: 'C1', text: 'b' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(sim.stats).toMatchObject({ accepted: 2, rateLimited: 1 });
    } finally {
      await sim.close();
    }
  });
});

describe('signed inbound requests', () => {
  it('signs like Slack: v0 HMAC-SHA256 over "v0:<ts>:<body>"', () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fweather&text=94070';
    const ts = 1531420618;
    const expected = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
    expect(signSlackRequest(secret, body, ts)).toBe(expected);
    expect(signSlackRequest(secret, body, ts + 1)).not.toBe(expected);
  });

  describe('against a Bolt app wired to the simulator', () => {
    const signingSecret = 'test-signing-secret';
    let sim: SlackSimulator;
    let app: App;
    let inbound: SlackInbound;
    const seen: Record<string, unknown[]> = { retryNums: [], submissions: [], actions: [] };

    beforeEach(async () => {
      seen.retryNums = [];
      seen.submissions = [];
      seen.actions = [];
      sim = await startSlackSimulator();
      sim.addUser({ id: 'U1', name: 'ada' });
      app = new App({
        token: sim.token,
        signingSecret,
        logLevel: LogLevel.ERROR,
        clientOptions: { slackApiUrl: sim.apiUrl, retryConfig: { retries: 0 } },
      });
      app.command('/coach', async ({ ack, command, client: c }) => {
        await ack();
        await c.chat.postMessage({ channel: command.user_id, text: `echo: ${command.text}` });
      });
      app.action('done', async ({ ack, body }) => {
        await ack();
        seen.actions?.push(body);
      });
      app.view('checkin', async ({ ack, view }) => {
        const goal = view.state.values.goal?.value?.value;
        if (!goal) {
          await ack({ response_action: 'errors', errors: { goal: 'Required' } });
          return;
        }
        await ack();
        seen.submissions?.push(view.state.values);
      });
      app.event('app_home_opened', async ({ event, context, client: c }) => {
        seen.retryNums?.push(context.retryNum);
        await c.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'divider' }] } });
      });
      const server = (await app.start(0)) as { address(): AddressInfo | string | null };
      const port = (server.address() as AddressInfo).port;
      inbound = new SlackInbound({
        url: `http://127.0.0.1:${port}/slack/events`,
        signingSecret,
        responseUrlBase: sim.responseUrlBase,
      });
    });

    afterEach(async () => {
      await app.stop();
      await sim.close();
    });

    it('delivers commands, actions, view submissions and events', async () => {
      const res = await inbound.command('/coach', 'hello', 'U1');
      expect(res.status).toBe(200);
      await expect.poll(() => sim.messages('DU1').map((m) => m.text)).toEqual(['echo: hello']);
      expect(sim.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);

      const ts = sim.messages('DU1')[0]?.ts as string;
      const act = await inbound.blockAction(
        'U1',
        { action_id: 'done', value: 'x' },
        { channelId: 'DU1', messageTs: ts },
      );
      expect(act.status).toBe(200);
      expect(seen.actions?.[0]).toMatchObject({
        type: 'block_actions',
        user: { id: 'U1' },
        message: { ts },
        actions: [{ value: 'x' }],
      });

      const bad = await inbound.viewSubmission('U1', {
        callback_id: 'checkin',
        state: { values: { goal: { value: plainInput(null) } } },
      });
      expect(bad.json()).toEqual({ response_action: 'errors', errors: { goal: 'Required' } });
      const values = {
        goal: { value: plainInput('Delegate more') },
        when: { value: datePicker('2025-01-31') },
        level: { value: staticSelect('high') },
        hours: { value: numberInput(3) },
      };
      const good = await inbound.viewSubmission('U1', { callback_id: 'checkin', state: { values } });
      expect(good.status).toBe(200);
      expect(seen.submissions).toEqual([values]);

      const ev = await inbound.event(
        { type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home' },
        { eventId: 'Ev1', retryNum: 1, retryReason: 'http_timeout' },
      );
      expect(ev.status).toBe(200);
      await expect.poll(() => sim.homeOf('U1')?.blocks).toEqual([{ type: 'divider' }]);
      expect(seen.retryNums).toEqual([1]);
    });

    it('is rejected by Bolt when the signature is bad or stale, or the content type has a charset', async () => {
      const badSig = await inbound.command('/coach', 'x', 'U1', {}, { sign: { signature: 'v0=deadbeef' } });
      expect(badSig.status).toBe(401);
      const stale = await inbound.command(
        '/coach',
        'x',
        'U1',
        {},
        { sign: { timestamp: Math.floor(Date.now() / 1000) - 600 } },
      );
      expect(stale.status).toBe(401);
      const charset = await inbound.raw('command=%2Fcoach&text=x&user_id=U1', {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      });
      expect(charset.status).toBe(400);
      expect(sim.messages()).toHaveLength(0);
    });
  });
});
