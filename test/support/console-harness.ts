import type { Identity } from '../../src/core/participant.js';
import { ConsoleClient, freePort } from './console-client.js';
import { type LocalOidcIssuer, startLocalOidcIssuer } from './oidc-issuer.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

export const TEAM = 'T0001';
export const TENANT = '6b1d0c52-8b1a-4c5e-9a57-0d3f9d6c2a10';
export const ENTRA_APP = '3f0e2d4c-1b2a-4c3d-8e9f-a0b1c2d3e4f5';
export const ENTRA_ADMIN_OID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const who = (userId: string): Identity => ({ platform: 'slack', workspaceId: TEAM, userId });

/** The claims Sign in with Slack puts in an ID token for a person of the test workspace. */
export const slackUser = (userId: string, name: string) => ({
  sub: userId,
  name,
  'https://slack.com/user_id': userId,
  'https://slack.com/team_id': TEAM,
});

export interface ConsoleHarness {
  h: SlackHarness;
  slack: LocalOidcIssuer;
  entra: LocalOidcIssuer;
  base: string;
  /** An open alert on the pair UMENTOR → UMENTEE. */
  alertId: string;
  /** A client signed in with Slack as this person: its landing page and the form token on it. */
  signIn(
    userId: string,
    name: string,
  ): Promise<{ client: ConsoleClient; page: ConsoleResponse; csrf: string }>;
  close(): Promise<void>;
}

type ConsoleResponse = Awaited<ReturnType<ConsoleClient['follow']>>;

/**
 * The bot with its console on, Sign in with Slack and Entra ID pointed at local issuers, a curator (UCURATOR),
 * an admin (UADMIN, and an Entra admin), someone with no role (UNOBODY), and one pair with an open alert.
 */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const slack = await startLocalOidcIssuer();
  const entra = await startLocalOidcIssuer({ clientId: ENTRA_APP, path: `/${TENANT}/v2.0` });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const h = await startSlackHarness({
    start: '2026-03-02T08:00:00Z',
    users: ['UCURATOR', 'UADMIN', 'UMENTOR', 'UMENTEE', 'UNOBODY'].map((id) => ({ id, tz: 'Europe/Berlin' })),
    env: {
      PORT: String(port),
      CURATORS: 'UCURATOR',
      ADMINS: `UADMIN,teams:${ENTRA_ADMIN_OID}`,
      CONSOLE_ENABLED: 'true',
      CONSOLE_SESSION_SECRET: 'a console secret that is long enough to sign cookies',
      CONSOLE_PUBLIC_URL: base,
      CONSOLE_IDLE_MINUTES: '30',
      SLACK_CLIENT_ID: slack.clientId,
      SLACK_CLIENT_SECRET: slack.clientSecret,
      CONSOLE_SLACK_ISSUER: slack.issuer,
      ENTRA_CLIENT_ID: ENTRA_APP,
      ENTRA_CLIENT_SECRET: entra.clientSecret,
      ENTRA_TENANT_ID: TENANT,
      CONSOLE_ENTRA_ISSUER: entra.issuer,
    },
  });
  const pair = await h.app.mentoring.createPair('roster', who('UMENTOR'), who('UMENTEE'));
  const alertId = 'alr_console_test1';
  await h.app.store.mentoring.openAlert(
    {
      id: alertId,
      pairId: pair.id,
      score: 40,
      reasons: [
        { signal: 'charter_unfinished', points: 30, text: 'Charter not finished 10 days after pairing' },
      ],
    },
    h.clock.now(),
  );
  return {
    h,
    slack,
    entra,
    base,
    alertId,
    signIn: async (userId, name) => {
      slack.signInAs(slackUser(userId, name));
      const client = new ConsoleClient(base);
      const page = await client.follow('/console/sign-in/slack');
      return { client, page, csrf: ConsoleClient.csrfOf(page.text) };
    },
    close: async () => {
      await h.close();
      await slack.close();
      await entra.close();
    },
  };
}
