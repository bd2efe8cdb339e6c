import type { ConversationReference } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_CONNECTOR_SCOPE, createTeamsAdapter } from '../../src/channels/teams/adapter.js';
import { ConnectorAttempts } from '../../src/channels/teams/transport.js';
import { silentLogger } from '../../src/logger.js';
import { type ConnectorSimulator, startConnectorSimulator } from '../simulators/botframework.js';
import {
  decodeJwt,
  type LocalOpenIdIssuer,
  localCredentialsFactory,
  startLocalOpenIdIssuer,
} from '../support/teams-auth.js';

const APP_ID = '3f1d2c4b-5a6e-4f70-8b9c-0d1e2f3a4b5c';

/** Counts the connector clients botbuilder asks for (each one gets its credentials made once). */
function countingCredentials(issuer: LocalOpenIdIssuer) {
  const inner = localCredentialsFactory(issuer, APP_ID);
  const made: string[] = [];
  return {
    made,
    /** Counts the tokens it signs requests with. */
    inner,
    factory: {
      ...inner,
      isValidAppId: inner.isValidAppId,
      isAuthenticationDisabled: inner.isAuthenticationDisabled,
      createCredentials: (appId: string, audience: string | undefined, login: string, validate: boolean) => {
        made.push(audience ?? '');
        return inner.createCredentials(appId, audience, login, validate);
      },
    },
  };
}

describe('Teams adapter: connector clients are reused across sends', () => {
  let issuer: LocalOpenIdIssuer;
  let sim: ConnectorSimulator;
  let second: ConnectorSimulator;

  beforeAll(async () => {
    issuer = await startLocalOpenIdIssuer();
    const requireAuth = issuer.verifier({ audience: BOT_CONNECTOR_SCOPE });
    sim = await startConnectorSimulator({ requireAuth });
    second = await startConnectorSimulator({ requireAuth });
  });
  afterAll(async () => {
    await sim.close();
    await second.close();
    await issuer.close();
  });
  beforeEach(() => {
    sim.reset();
    second.reset();
  });

  const reference = (serviceUrl: string, conversationId: string): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '' },
    bot: { id: `28:${APP_ID}`, name: 'coachloop' },
    user: { id: `29:${conversationId}`, name: '' },
  });

  /** The real Teams adapter, getting its bot tokens from `credentials`. */
  const adapterWith = (credentials: ReturnType<typeof countingCredentials>) =>
    createTeamsAdapter({
      auth: { appId: APP_ID, appType: 'MultiTenant' },
      timeoutMs: 5_000,
      attempts: new ConnectorAttempts(),
      credentialsFactory: credentials.factory as never,
      logger: silentLogger,
    });

  it('makes one client per connector URL, and every request still carries a fresh bot token', async () => {
    const credentials = countingCredentials(issuer);
    const adapter = adapterWith(credentials);
    const send = (serviceUrl: string, conversationId: string, text: string) =>
      adapter.continueConversationAsync(APP_ID, reference(serviceUrl, conversationId), async (context) => {
        await context.sendActivity(text);
      });

    for (let i = 0; i < 3; i += 1) await send(sim.serviceUrl, `a:one-${i}`, `first ${i}`);
    await send(second.serviceUrl, 'a:two-0', 'second 0');
    await send(sim.serviceUrl, 'a:one-3', 'first 3');

    expect(sim.activities.map((a) => a.activity.text)).toEqual(['first 0', 'first 1', 'first 2', 'first 3']);
    expect(second.activities.map((a) => a.activity.text)).toEqual(['second 0']);
    // Credentials made once per client, not once per send: a connector client per URL and the bot's one user
    // token client (botbuilder makes one for every turn, proactive ones included).
    expect(credentials.made).toEqual([BOT_CONNECTOR_SCOPE, BOT_CONNECTOR_SCOPE, BOT_CONNECTOR_SCOPE]);
    // Each request signed for the connector, by this bot.
    for (const recorded of [...sim.activities, ...second.activities]) {
      const token = decodeJwt((recorded.authorization ?? '').replace('Bearer ', ''));
      expect(token?.claims).toMatchObject({ aud: BOT_CONNECTOR_SCOPE, appid: APP_ID });
    }
    expect(credentials.inner.issued).toBe(5);
  });

  it('makes the client again after its credentials could not be made', async () => {
    const credentials = countingCredentials(issuer);
    let refuse = true;
    const factory = {
      ...credentials.factory,
      createCredentials: (appId: string, audience: string | undefined, login: string, validate: boolean) => {
        if (refuse) {
          refuse = false;
          credentials.made.push('refused');
          return Promise.reject(new Error('no credentials'));
        }
        return credentials.factory.createCredentials(appId, audience, login, validate);
      },
    };
    const adapter = createTeamsAdapter({
      auth: { appId: APP_ID, appType: 'MultiTenant' },
      timeoutMs: 5_000,
      attempts: new ConnectorAttempts(),
      credentialsFactory: factory as never,
      logger: silentLogger,
    });
    const send = (text: string) =>
      adapter.continueConversationAsync(APP_ID, reference(sim.serviceUrl, 'a:retry'), async (context) => {
        await context.sendActivity(text);
      });

    await expect(send('lost')).rejects.toThrow('no credentials');
    await send('delivered');
    await send('delivered again');
    expect(sim.activities.map((a) => a.activity.text)).toEqual(['delivered', 'delivered again']);
    expect(credentials.made).toEqual(['refused', BOT_CONNECTOR_SCOPE, BOT_CONNECTOR_SCOPE]);
  });

  it('sends to a stored reference as a proactive turn with sendActivity does: same route, fields and token', async () => {
    const credentials = countingCredentials(issuer);
    const adapter = adapterWith(credentials);
    const to = { ...reference(sim.serviceUrl, 'a:same'), locale: 'de-DE' };
    const activity = { type: 'message', text: 'Hallo', textFormat: 'markdown' };
    await adapter.continueConversationAsync(APP_ID, to, async (context) => {
      await context.sendActivity({ ...activity });
    });
    const id = await adapter.sendToReference(APP_ID, to, { ...activity });

    const [viaTurn, direct] = sim.activities;
    expect(direct?.id).toBe(id);
    expect(direct?.kind).toBe(viaTurn?.kind);
    expect(direct?.conversationId).toBe('a:same');
    // Each a reply to a fresh continuation id, as botbuilder makes one per proactive turn.
    expect(direct?.replyToId).toMatch(/^[0-9a-f-]{36}$/);
    expect(direct?.replyToId).not.toBe(viaTurn?.replyToId);
    const fields = (recorded: typeof direct) => {
      const { replyToId: _reply, ...rest } = recorded?.activity ?? {};
      return rest;
    };
    expect(fields(direct)).toEqual(fields(viaTurn));
    expect(fields(direct)).toMatchObject({
      text: 'Hallo',
      locale: 'de-DE',
      from: { id: `28:${APP_ID}` },
      recipient: { id: '29:a:same' },
      conversation: { id: 'a:same' },
    });
    const token = decodeJwt((direct?.authorization ?? '').replace('Bearer ', ''));
    expect(token?.claims).toMatchObject({ aud: BOT_CONNECTOR_SCOPE, appid: APP_ID });
  });
});
