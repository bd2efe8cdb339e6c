import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, teamsConfigured } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import {
  decodeJwt,
  type LocalOpenIdIssuer,
  signWithStrayKey,
  startLocalOpenIdIssuer,
} from '../support/teams-auth.js';
import {
  AUTH_APP_ID,
  cardText,
  startTeamsHarness,
  type TeamsHarness,
  teamsUser,
} from '../support/teams-harness.js';

describe('Teams authenticated mode (MicrosoftAppId set, tokens from a local OpenID issuer)', () => {
  let issuer: LocalOpenIdIssuer;
  let other: LocalOpenIdIssuer;
  let h: TeamsHarness;

  beforeAll(async () => {
    issuer = await startLocalOpenIdIssuer();
    other = await startLocalOpenIdIssuer();
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z', auth: { issuer } });
  });
  afterAll(async () => {
    await h.close();
    await issuer.close();
    await other.close();
  });
  afterEach(() => {
    expect(h.cardProblems()).toEqual([]);
  });

  it('refuses activities without a valid channel token with 401 and acts on none of them', async () => {
    const ada = teamsUser('Ada Lovelace', 'Europe/Berlin');
    const install = () =>
      h.activityFrom(ada, { type: 'conversationUpdate', membersAdded: [{ id: `28:${AUTH_APP_ID}` }] });
    expect((await h.post(install(), { token: null })).status).toBe(401);
    const fromOtherIssuer = await other.channelToken({ appId: AUTH_APP_ID, serviceUrl: h.sim.serviceUrl });
    expect((await h.post(install(), { token: fromOtherIssuer })).status).toBe(401);
    const wrongAudience = await issuer.channelToken({ appId: 'another-bot', serviceUrl: h.sim.serviceUrl });
    expect((await h.post(install(), { token: wrongAudience })).status).toBe(401);
    const expired = await issuer.channelToken({
      appId: AUTH_APP_ID,
      serviceUrl: h.sim.serviceUrl,
      expiresInSeconds: -600,
    });
    expect((await h.post(install(), { token: expired })).status).toBe(401);
    const stray = signWithStrayKey({ iss: issuer.issuer, aud: AUTH_APP_ID, serviceurl: h.sim.serviceUrl });
    expect((await h.post(install(), { token: stray })).status).toBe(401);
    // Our key id, someone else's signature: botbuilder's own handler answers 500 here; coachloop says 401.
    const forged = signWithStrayKey(
      { iss: issuer.issuer, aud: AUTH_APP_ID, serviceurl: h.sim.serviceUrl },
      { kid: issuer.kid },
    );
    expect((await h.post(install(), { token: forged })).status).toBe(401);
    expect(await h.app.store.participants.findByIdentity(h.identity(ada))).toBeNull();
    expect(h.sim.activities).toHaveLength(0);
  });

  it('accepts a signed activity (200); replies and proactive cards carry the bot token the connector checks', async () => {
    const ada = teamsUser('Ada Lovelace', 'Europe/Berlin');
    expect((await h.install(ada)).status).toBe(200);
    const consent = await h.waitForCard(ada.conversationId, 'Before anything starts');
    expect((await h.click(ada, consent, 'consent.accept')).status).toBe(200);
    expect((await h.app.store.participants.findByIdentity(h.identity(ada)))?.consent).toBe('accepted');
    expect(h.sim.stats.unauthorized).toBe(0);
    const outbound = h.sim.activitiesTo(ada.conversationId);
    expect(outbound.length).toBeGreaterThanOrEqual(2);
    for (const call of outbound) {
      expect(decodeJwt((call.authorization ?? '').replace('Bearer ', ''))?.claims).toMatchObject({
        appid: AUTH_APP_ID,
        iss: issuer.issuer,
      });
    }
    expect(cardText(h.messages(ada.conversationId).find((m) => m.id === consent.id)?.card)).toContain(
      'you are in',
    );
  });
});

describe('Teams HTTP edge and start-up configuration', () => {
  let h: TeamsHarness;
  const logs: string[] = [];
  beforeEach(async () => {
    logs.length = 0;
    const logger = createLogger('warn', { write: (line: string) => logs.push(line) });
    h = await startTeamsHarness({ start: '2026-03-02T08:00:00Z', coachloop: { logger } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers malformed or foreign requests with 4xx and never crashes', async () => {
    const url = `${h.app.url}/api/messages`;
    const send = (init: RequestInit) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, ...init });
    expect((await send({ body: '{"type": "message", ' })).status).toBe(400);
    expect((await send({ body: '[1,2,3]' })).status).toBe(400);
    expect((await send({ body: JSON.stringify({ type: 'message', text: 'no envelope' }) })).status).toBe(400);
    expect((await send({ body: 'x'.repeat(600 * 1024) })).status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
    // A well-formed activity from another channel is accepted and ignored.
    const ada = teamsUser('Ada Lovelace');
    expect(
      (await h.post({ ...h.activityFrom(ada, { type: 'message', text: 'hi' }), channelId: 'slack' })).status,
    ).toBe(200);
    // An invoke with a forged, unknown action: 200 with a notice, nothing done.
    await h.install(ada);
    const forged = await h.execute(ada, ada.conversationId, { a: 'admin.grant', r: 'everything' });
    expect(forged.notice).toBe('That button is not valid any more.');
    // The server still answers.
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
    expect(h.cardProblems()).toEqual([]);
  });

  it('warns loudly in local development mode', () => {
    expect(logs.join('\n')).toContain('TEAMS LOCAL DEVELOPMENT MODE');
  });

  it('configuration: an empty app id is refused in production, credentials are checked together', () => {
    const base = { NODE_ENV: 'production', DATABASE_PATH: ':memory:' };
    expect(() => loadConfig({ ...base, TEAMS_ENABLED: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TEAMS_ENABLED: 'true' })).toThrow(
      /MicrosoftAppId: is required in production/,
    );
    const appId = '6a0c3c59-6b4c-4f0e-9a3b-4c1f2d3e4f50';
    const tenant = '7c1f3a52-4b8e-4d2a-9f61-2e5d8c0b1a93';
    expect(teamsConfigured(loadConfig({ ...base, MicrosoftAppId: appId, MicrosoftAppPassword: 's' }))).toBe(
      true,
    );
    expect(teamsConfigured(loadConfig({ ...base }))).toBe(false);
    expect(
      teamsConfigured(
        loadConfig({ ...base, MicrosoftAppId: appId, MicrosoftAppPassword: 's', TEAMS_ENABLED: 'false' }),
      ),
    ).toBe(false);
    expect(() => loadConfig({ ...base, MicrosoftAppId: appId })).toThrow(
      /MicrosoftAppPassword: is required with MicrosoftAppId/,
    );
    expect(() =>
      loadConfig({
        ...base,
        MicrosoftAppId: appId,
        MicrosoftAppPassword: 's',
        MicrosoftAppType: 'SingleTenant',
      }),
    ).toThrow(/MicrosoftAppTenantId: is required when MicrosoftAppType is SingleTenant/);
    expect(
      loadConfig({
        ...base,
        MicrosoftAppId: appId,
        MicrosoftAppType: 'userassignedmsi',
        MicrosoftAppTenantId: tenant,
      }).MicrosoftAppType,
    ).toBe('UserAssignedMSI');
    expect(() => loadConfig({ ...base, MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 's' })).toThrow(
      /MicrosoftAppId: must be a GUID/,
    );
    expect(() => loadConfig({ ...base, MicrosoftAppPassword: 's' })).toThrow(
      /MicrosoftAppId: is required when MicrosoftAppPassword is set/,
    );
    expect(() =>
      loadConfig({
        ...base,
        MicrosoftAppId: appId,
        MicrosoftAppPassword: 's',
        TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:1/meta',
      }),
    ).toThrow(/TEAMS_OPENID_METADATA_URL: is for tests and local development only/);
    expect(() => loadConfig({ ...base, TEAMS_CURATOR_CHANNEL: 'general' })).toThrow(
      /TEAMS_CURATOR_CHANNEL: must be a Teams channel id/,
    );
    // Every problem in one message.
    try {
      loadConfig({ ...base, TEAMS_ENABLED: 'maybe', MicrosoftAppType: 'Other' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(2);
    }
  });
});
