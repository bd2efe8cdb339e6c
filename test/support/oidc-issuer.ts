/**
 * A local OpenID Connect provider for the console's sign-in tests, on 127.0.0.1: discovery, JWKS, an authorize
 * endpoint that signs in whoever the test names (no login screen) and a token endpoint that checks the client
 * secret, the redirect URI and the PKCE verifier before it hands out an RS256 ID token carrying the nonce.
 * `tamper` lets a test forge what comes back (another key, another nonce, another state, other claims).
 * Keys and signing come from the Teams token helpers (teams-auth.ts). Nothing here reaches the internet.
 */
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type JwtClaims, signJwt, signWithStrayKey } from './teams-auth.js';

export interface OidcTamper {
  /** Replaces the state the authorize endpoint sends back. */
  state?: string;
  /** Replaces the nonce in the ID token. */
  nonce?: string;
  /** Signs the ID token with a key the JWKS does not publish. */
  strayKey?: boolean;
  /** Claims merged over the ID token's own. */
  claims?: JwtClaims;
}

export interface LocalOidcIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claims of the person who signs in next (e.g. Slack's user and team claims). */
  signInAs(claims: JwtClaims): void;
  /** Forge the next sign-in's answer; cleared after one use. */
  tamperNext(tamper: OidcTamper): void;
  stats: { authorizations: number; tokens: number; refusedTokens: number };
  close(): Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startLocalOidcIssuer(
  options: { clientId?: string; clientSecret?: string; path?: string } = {},
): Promise<LocalOidcIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `console-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const clientId = options.clientId ?? 'console-client';
  const clientSecret = options.clientSecret ?? randomBytes(18).toString('base64url');
  const codes = new Map<
    string,
    { redirectUri: string; challenge: string; nonce: string; claims: JwtClaims; tamper: OidcTamper }
  >();
  let person: JwtClaims = { sub: 'nobody' };
  let tamper: OidcTamper = {};
  let issuer = '';
  const stats = { authorizations: 0, tokens: 0, refusedTokens: 0 };
  const path = options.path ?? '';

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const route = url.pathname.slice(path.length);
    if (route === '/.well-known/openid-configuration')
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/keys`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'profile', 'email'],
      });
    if (route === '/keys')
      return send(200, { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid, n: jwk.n, e: jwk.e }] });
    if (route === '/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri');
      if (
        q.get('client_id') !== clientId ||
        !redirectUri ||
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge') ||
        !q.get('nonce') ||
        !q.get('state') ||
        !q.get('scope')?.split(' ').includes('openid')
      )
        return send(400, { error: 'invalid_request' });
      stats.authorizations++;
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        redirectUri,
        challenge: q.get('code_challenge')!,
        nonce: q.get('nonce')!,
        claims: person,
        tamper,
      });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', tamper.state ?? q.get('state')!);
      tamper = {};
      res.writeHead(303, { location: back.href });
      return res.end();
    }
    if (route === '/token' && req.method === 'POST') {
      void readForm(req).then((form) => {
        const basic = (req.headers.authorization ?? '').replace(/^Basic /, '');
        const [id, secret] = Buffer.from(basic, 'base64')
          .toString()
          .split(':')
          .map((s) => decodeURIComponent(s));
        const client = basic
          ? { id, secret }
          : { id: form.get('client_id'), secret: form.get('client_secret') };
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          client.id !== clientId ||
          client.secret !== clientSecret ||
          !grant ||
          grant.redirectUri !== form.get('redirect_uri') ||
          grant.challenge !== challenge
        ) {
          stats.refusedTokens++;
          return send(400, { error: 'invalid_grant' });
        }
        stats.tokens++;
        const now = Math.floor(Date.now() / 1000);
        const claims: JwtClaims = {
          iss: issuer,
          aud: clientId,
          iat: now,
          exp: now + 300,
          nonce: grant.tamper.nonce ?? grant.nonce,
          ...grant.claims,
          ...grant.tamper.claims,
        };
        const idToken = grant.tamper.strayKey
          ? signWithStrayKey(claims, { kid })
          : signJwt(privateKey, { kid }, claims);
        send(200, {
          access_token: randomBytes(16).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        });
      });
      return;
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (claims) => {
      person = claims;
    },
    tamperNext: (next) => {
      tamper = next;
    },
    stats,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
