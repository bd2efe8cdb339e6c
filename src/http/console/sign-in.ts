import * as oidc from 'openid-client';
import { z } from 'zod';
import type { ConsoleProvider } from '../../app/console-access.js';
import type { Identity } from '../../core/participant.js';

/** One OpenID Connect provider the console signs people in with. */
export interface SignInProvider {
  id: ConsoleProvider;
  label: string;
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Entra: the only tenant whose people may sign in. */
  tenantId?: string;
}

/** What the browser carries between the redirect to the provider and the way back (in a signed cookie). */
export const pendingSignIn = z.object({
  provider: z.enum(['slack', 'entra']),
  state: z.string().min(16),
  nonce: z.string().min(16),
  verifier: z.string().min(43),
  startedAt: z.number(),
});
export type PendingSignIn = z.infer<typeof pendingSignIn>;

const slackClaims = z.object({
  'https://slack.com/user_id': z.string().min(1),
  'https://slack.com/team_id': z.string().min(1),
  name: z.string().optional(),
});
const entraClaims = z.object({ oid: z.string().min(1), tid: z.string().min(1), name: z.string().optional() });

export class SignInError extends Error {
  override name = 'SignInError';
}

/**
 * The authorization code flow with PKCE, state and nonce, through `openid-client`: discovery (cached per
 * provider), the authorization URL, and the code exchange, whose ID token the library checks (signature against
 * the issuer's JWKS, issuer, audience, expiry, nonce).
 */
export class SignIn {
  readonly #providers: Map<ConsoleProvider, SignInProvider>;
  readonly #configs = new Map<ConsoleProvider, Promise<oidc.Configuration>>();
  readonly #publicUrl: string;

  constructor(providers: readonly SignInProvider[], publicUrl: string) {
    this.#providers = new Map(providers.map((p) => [p.id, p]));
    this.#publicUrl = publicUrl.replace(/\/$/, '');
  }

  get providers(): SignInProvider[] {
    return [...this.#providers.values()];
  }

  redirectUri(provider: ConsoleProvider): string {
    return `${this.#publicUrl}/console/callback/${provider}`;
  }

  #config(id: ConsoleProvider): Promise<oidc.Configuration> {
    const provider = this.#providers.get(id);
    if (!provider) return Promise.reject(new SignInError(`sign-in with ${id} is not configured`));
    let config = this.#configs.get(id);
    if (!config) {
      // Plain http only for a local issuer in tests and development (the configuration refuses one in production).
      const local = provider.issuer.protocol === 'http:';
      config = oidc.discovery(provider.issuer, provider.clientId, provider.clientSecret, undefined, {
        execute: [
          // Check every ID token's signature against the issuer's JWKS too, not only TLS to the token endpoint.
          oidc.enableNonRepudiationChecks,
          ...(local ? [oidc.allowInsecureRequests] : []),
        ],
      });
      config.catch(() => this.#configs.delete(id));
      this.#configs.set(id, config);
    }
    return config;
  }

  /** Starts a sign-in: where to send the browser, and what to remember until it comes back. */
  async start(id: ConsoleProvider, now: number): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.#config(id);
    const pending: PendingSignIn = {
      provider: id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      startedAt: now,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(id),
      scope: 'openid profile email',
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /** Finishes a sign-in from the provider's redirect: the person's chat identity, or a SignInError. */
  async finish(pending: PendingSignIn, query: string): Promise<{ identity: Identity; name?: string }> {
    const config = await this.#config(pending.provider);
    const current = new URL(`${this.redirectUri(pending.provider)}${query}`);
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new SignInError(error instanceof Error ? error.message : 'the sign-in could not be checked');
    }
    if (!claims) throw new SignInError('no ID token');
    if (pending.provider === 'slack') {
      const parsed = slackClaims.safeParse(claims);
      if (!parsed.success) throw new SignInError('the ID token names no Slack user and team');
      const c = parsed.data;
      return {
        identity: {
          platform: 'slack',
          workspaceId: c['https://slack.com/team_id'],
          userId: c['https://slack.com/user_id'],
        },
        ...(c.name ? { name: c.name } : {}),
      };
    }
    const parsed = entraClaims.safeParse(claims);
    if (!parsed.success) throw new SignInError('the ID token names no Entra object id and tenant');
    const tenant = this.#providers.get('entra')?.tenantId;
    if (tenant && parsed.data.tid.toLowerCase() !== tenant.toLowerCase())
      throw new SignInError('the ID token is from another tenant');
    return {
      identity: { platform: 'teams', workspaceId: parsed.data.tid, userId: parsed.data.oid },
      ...(parsed.data.name ? { name: parsed.data.name } : {}),
    };
  }
}
