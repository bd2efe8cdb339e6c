import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOutcomeReport } from '../../src/app/reports/export.js';
import { ConsoleClient } from '../support/console-client.js';
import {
  type ConsoleHarness,
  ENTRA_ADMIN_OID,
  slackUser,
  startConsoleHarness,
  TENANT,
} from '../support/console-harness.js';
import type { LocalOidcIssuer } from '../support/oidc-issuer.js';
import type { SlackHarness } from '../support/slack-harness.js';

/*
 * The console over real HTTP on 127.0.0.1: Sign in with Slack and with Entra ID through local OpenID issuers,
 * forged and mismatched answers, sessions that go idle, form tokens, and the role asked on every request.
 */
describe('console sign-in and sessions', () => {
  let env: ConsoleHarness;
  let h: SlackHarness;
  let slack: LocalOidcIssuer;
  let entra: LocalOidcIssuer;
  let base: string;
  let alertId: string;

  beforeAll(async () => {
    env = await startConsoleHarness();
    ({ h, slack, entra, base, alertId } = env);
  });
  afterAll(async () => {
    await env?.close();
  });

  async function signIn(client: ConsoleClient, provider: 'slack' | 'entra' = 'slack') {
    return client.follow(`/console/sign-in/${provider}`);
  }

  /** A fresh browser that signs in with Slack as this person. */
  async function slackSignIn(userId: string, name: string) {
    slack.signInAs(slackUser(userId, name));
    const client = new ConsoleClient(base);
    return { client, page: await signIn(client) };
  }

  it('serves the sign-in page on the bot server, with a strict Content-Security-Policy', async () => {
    const client = new ConsoleClient(base);
    const res = await client.request('/console');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Sign in with Slack');
    expect(res.text).toContain('Sign in with Microsoft');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await client.request('/slack/events')).status).not.toBe(404);
  });

  it('signs a curator in with Slack (code flow with PKCE, state and nonce) into a signed, HttpOnly, Lax cookie', async () => {
    slack.signInAs(slackUser('UCURATOR', 'Cora Curator'));
    const client = new ConsoleClient(base);
    const start = await client.request('/console/sign-in/slack');
    expect(start.status).toBe(303);
    const authorize = new URL(start.location!);
    expect(authorize.origin + authorize.pathname).toBe(`${slack.issuer}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/console/callback/slack`);
    const cookie = start.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // the public URL here is http; with https it is Secure
    const page = await client.follow(start.location!);
    expect(page.url).toBe(`${base}/console/pairs`);
    expect(page.text).toContain('Pairs and alerts');
    expect(page.text).toContain('UMENTOR');
    expect(page.text).toContain('Charter not finished 10 days after pairing');
    const audit = await h.app.store.audit.since(0);
    expect(audit.some((e) => e.action === 'console.signed_in' && e.subject === 'slack:UCURATOR')).toBe(true);
  });

  it('signs an admin in with Entra ID (oid and tid) and shows pairs in aggregate, without the curators’ decisions', async () => {
    entra.signInAs({ sub: 'pairwise-sub', oid: ENTRA_ADMIN_OID, tid: TENANT, name: 'Erin Entra' });
    const client = new ConsoleClient(base);
    const page = await signIn(client, 'entra');
    expect(page.url).toBe(`${base}/console/pairs`);
    expect(page.text).toContain('Erin Entra (admin)');
    expect(page.text).toContain('Programs in aggregate');
    expect(page.text).not.toContain('UMENTOR');
    expect(page.text).not.toContain(`/console/alerts/${alertId}/`);
  });

  it('refuses Entra ID tokens from another tenant', async () => {
    entra.signInAs({ sub: 'x', oid: ENTRA_ADMIN_OID, tid: '00000000-0000-4000-8000-000000000000' });
    const page = await signIn(new ConsoleClient(base), 'entra');
    expect(page.status).toBe(401);
  });

  it('gives a polite 403 to someone who is neither admin nor curator, and records the refusal', async () => {
    const { client, page } = await slackSignIn('UNOBODY', 'Nils Nobody');
    expect(page.status).toBe(403);
    expect(page.text).toContain('for program admins and curators');
    expect(client.cookies.has('coachloop_console')).toBe(false);
    expect((await client.request('/console/pairs')).status).toBe(303);
    const audit = await h.app.store.audit.since(0);
    expect(audit.some((e) => e.action === 'console.refused' && e.subject === 'slack:UNOBODY')).toBe(true);
  });

  it.each([
    ['signed with a key the issuer does not publish', { strayKey: true }],
    ['with another nonce', { nonce: 'a-nonce-from-another-sign-in-000' }],
    ['with another state', { state: 'a-state-from-another-sign-in-0000' }],
    ['for another audience', { claims: { aud: 'someone-else' } }],
    ['from another issuer', { claims: { iss: 'https://evil.example' } }],
    ['expired', { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } }],
  ])('refuses an ID token %s', async (_, tamper) => {
    slack.signInAs(slackUser('UCURATOR', 'Cora Curator'));
    slack.tamperNext(tamper);
    const client = new ConsoleClient(base);
    const page = await signIn(client);
    expect(page.status).toBe(401);
    expect(page.text).toContain('could not be verified');
    expect(client.cookies.has('coachloop_console')).toBe(false);
  });

  it('refuses a callback this browser did not start, and a forged session cookie', async () => {
    const stranger = new ConsoleClient(base);
    const res = await stranger.request('/console/callback/slack?code=abc&state=def');
    expect(res.status).toBe(400);
    stranger.cookies.set('coachloop_console', encodeURIComponent(JSON.stringify({ platform: 'slack' })));
    expect((await stranger.request('/console/pairs')).status).toBe(303);
  });

  it('refuses a form without the session’s token or from another origin (CSRF)', async () => {
    const { client, page } = await slackSignIn('UCURATOR', 'Cora Curator');
    const csrf = ConsoleClient.csrfOf(page.text);
    const form = { days: '7' };
    expect((await client.request(`/console/alerts/${alertId}/snooze`, { form })).status).toBe(403);
    expect(
      (
        await client.request(`/console/alerts/${alertId}/snooze`, {
          form: { ...form, _csrf: 'x'.repeat(43) },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await client.request(`/console/alerts/${alertId}/snooze`, {
          form: { ...form, _csrf: csrf },
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(403);
    expect((await h.app.store.mentoring.getAlert(alertId))?.status).toBe('open');
  });

  it('ends a session after the idle timeout, and keeps it alive while it is used', async () => {
    const { client } = await slackSignIn('UCURATOR', 'Cora Curator');
    h.clock.advance(20 * 60_000);
    expect((await client.request('/console/pairs')).status).toBe(200);
    h.clock.advance(20 * 60_000);
    expect((await client.request('/console/pairs')).status).toBe(200);
    h.clock.advance(31 * 60_000);
    const res = await client.request('/console/pairs');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/console');
  });

  it('lets an admin who is no curator look at pairs, and the use case refuses their decision', async () => {
    slack.signInAs(slackUser('UADMIN', 'Ada Admin'));
    const client = new ConsoleClient(base);
    expect((await signIn(client)).status).toBe(200);
    // An admin who is not a curator may look, but a decision is refused by the use case itself.
    const csrf = ConsoleClient.csrfOf((await client.request('/console/pairs')).text);
    const res = await client.request(`/console/alerts/${alertId}/snooze`, {
      form: { days: '7', _csrf: csrf },
    });
    expect(res.status).toBe(403);
    expect((await h.app.store.mentoring.getAlert(alertId))?.status).toBe('open');
  });

  it('records one decision per alert: the curator snoozes it from the console, and a second decision is told who acted', async () => {
    const { client, page } = await slackSignIn('UCURATOR', 'Cora Curator');
    const csrf = ConsoleClient.csrfOf(page.text);
    const bad = await client.request(`/console/alerts/${alertId}/close`, {
      form: { reason: '', _csrf: csrf },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('aria-invalid="true"');
    const ok = await client.request(`/console/alerts/${alertId}/snooze`, {
      form: { days: '14', _csrf: csrf },
    });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('role="status"');
    const alert = await h.app.store.mentoring.getAlert(alertId);
    expect(alert?.status).toBe('snoozed');
    const again = await client.request(`/console/alerts/${alertId}/close`, {
      form: { reason: 'done', _csrf: csrf },
    });
    expect(again.status).toBe(422);
    const audit = await h.app.store.audit.since(0);
    expect(
      audit.filter((e) => e.action.startsWith('curator.') && e.detail?.alertId === alertId),
    ).toHaveLength(1);
  });

  it('shows the audit log to admins with filters, and refuses it to a curator with 403', async () => {
    const { client: curator } = await slackSignIn('UCURATOR', 'Cora Curator');
    const refused = await curator.request('/console/privacy');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Not available to you');
    expect((await curator.request('/console/pairs')).text).not.toContain('href="/console/privacy"');

    const { client: admin } = await slackSignIn('UADMIN', 'Ada Admin');
    const moved = await admin.request('/console/audit?action=console.');
    expect(moved.status).toBe(301);
    expect(moved.location).toBe('/console/privacy?action=console.');
    const all = await admin.request('/console/privacy');
    expect(all.status).toBe(200);
    expect(all.text).toContain('console.signed_in');
    const filtered = await admin.request('/console/privacy?action=console.refused');
    expect(filtered.text).toContain('slack:UNOBODY');
    expect(filtered.text).not.toContain('console.signed_in');
    const bad = await admin.request('/console/privacy?from=yesterday');
    expect(bad.text).toContain('The first day must look like 2026-03-01.');
  });

  it('gives admins the live outcome report as downloads, the same as `coachloop report`, each audited', async () => {
    const { client: admin } = await slackSignIn('UADMIN', 'Ada Admin');
    const page = await admin.request('/console/report');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="program-pilot">pilot</h2>');
    const csrf = ConsoleClient.csrfOf(page.text);
    const json = await admin.request('/console/report/pilot', { form: { format: 'json', _csrf: csrf } });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="pilot.json"');
    const { report } = await loadOutcomeReport(h.app.store, 'pilot', h.clock.now());
    expect(JSON.parse(json.text)).toEqual(JSON.parse(JSON.stringify(report)));
    const csv = await admin.request('/console/report/pilot', {
      form: { format: 'csv', layout: 'figures', _csrf: csrf },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const htmlReport = await admin.request('/console/report/pilot', {
      form: { format: 'html', _csrf: csrf },
    });
    expect(htmlReport.text).toContain('<meta name="generator" content="coachloop">');
    const exported = (await h.app.store.audit.since(0)).filter(
      (e) => e.action === 'report.exported' && e.detail?.via === 'console',
    );
    expect(exported.map((e) => e.detail?.format)).toEqual(['json', 'csv', 'html']);
    expect(
      (await admin.request('/console/report/nothing', { form: { format: 'json', _csrf: csrf } })).status,
    ).toBe(404);
    expect((await admin.request('/console/report/pilot', { form: { format: 'json' } })).status).toBe(403);

    const { client: curator, page: curatorPage } = await slackSignIn('UCURATOR', 'Cora Curator');
    expect((await curator.request('/console/report')).status).toBe(403);
    const refused = await curator.request('/console/report/pilot', {
      form: { format: 'json', _csrf: ConsoleClient.csrfOf(curatorPage.text) },
    });
    expect(refused.status).toBe(403);
  });
});
