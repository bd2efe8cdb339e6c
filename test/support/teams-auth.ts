/**
 * Local token signing for Teams authenticated-mode tests.
 *
 * `startLocalOpenIdIssuer()` generates an RSA key pair and serves, on 127.0.0.1 (ephemeral port),
 * an OpenID metadata document and its JWKS — the two documents botbuilder fetches to check the
 * bearer token on every inbound activity. `sign()` makes RS256 tokens with that key.
 *
 * Point botbuilder at it with `localBotAuthConfig()` (inbound: the channel's token) and
 * `localCredentialsFactory()` (outbound: the bot's own token on calls to the connector, which a
 * connector simulator can check with `issuer.verifier()`). Nothing here reaches the internet.
 *
 * What botbuilder 4.23.3 checks on an inbound channel token (ParameterizedBotFrameworkAuthentication):
 * - `Authorization: Bearer <jwt>` (exactly two words, scheme `Bearer`); missing → 401;
 * - `iss` equals `ToBotFromChannelTokenIssuer` (checked before the signature; another issuer → 401);
 * - header `kid` names a key in the JWKS behind `ToBotFromChannelOpenIdMetadataUrl` (unknown kid → 401);
 * - RS256/RS384/RS512 signature, `exp` (5 minutes clock tolerance), `nbf`;
 * - when the key carries `endorsements`, the activity's `channelId` must be one of them;
 * - `aud` equals `MicrosoftAppId`;
 * - `serviceurl` equals `activity.serviceUrl` exactly (same string, trailing slash included).
 * The token must not carry `ver` together with an `appid`/`azp` different from `aud`: botbuilder
 * then takes it for a skill token and validates it differently.
 *
 * Configuration: `MicrosoftAppId` (non-empty), `BotOpenIdMetadata` or
 * `ToBotFromChannelOpenIdMetadataUrl`, and `ToBotFromChannelTokenIssuer` are enough for inbound
 * checks. But setting any one of the `ToChannelFrom*` / `ToBotFrom*` / `OAuthUrl` / `CallerId`
 * keys (BotOpenIdMetadata counts) makes botbuilder drop all its public-cloud defaults, including
 * the login URL and scope it needs for outbound tokens; `localBotAuthConfig()` therefore sets all.
 *
 * Node built-ins only (node:crypto signs and verifies).
 */
import {
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign as rsaSign,
  verify as rsaVerify,
} from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Audience botbuilder asks for when it calls the connector (`ToChannelFromBotOAuthScope`). */
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export type JwtClaims = Record<string, unknown>;

export interface SignOptions {
  /** Lifetime added to `iat` for `exp` when `claims.exp` is not given. Default 3600. Negative: already expired. */
  expiresInSeconds?: number;
  /** Header `kid`. Default: this key's id. */
  kid?: string;
  /** RS256 (default), RS384 or RS512. */
  alg?: 'RS256' | 'RS384' | 'RS512';
}

export interface VerifyExpectations {
  audience?: string;
  /** Default: the issuer's own `issuer`. */
  issuer?: string;
}

export interface LocalOpenIdIssuer {
  /** `http://127.0.0.1:PORT/v1/.well-known/openidconfiguration` — the OpenID metadata document. */
  metadataUrl: string;
  /** `http://127.0.0.1:PORT/v1/.well-known/keys` — the JWKS (named by `jwks_uri` in the metadata). */
  jwksUri: string;
  /** The `iss` of every token signed here (and the metadata's `issuer`). */
  issuer: string;
  /** Key id published in the JWKS and put in each token's header. */
  kid: string;
  port: number;
  /** Signs `claims` (RS256). Adds `iss`, `iat`, `nbf` and `exp` unless given. */
  sign(claims: JwtClaims, options?: SignOptions): Promise<string>;
  /** The token the Bot Connector puts on an inbound activity: `{ aud: appId, serviceurl }`. */
  channelToken(input: { appId: string; serviceUrl: string; expiresInSeconds?: number }): Promise<string>;
  /** The token a bot gets for its calls to the connector: `{ aud: scope, appid, azp, ver, tid }`. */
  botToken(input: { appId: string; audience?: string; tenantId?: string }): Promise<string>;
  /** Checks signature, algorithm, `iss`, `exp`/`nbf` and optionally `aud`. Returns the claims or throws. */
  verify(token: string, expect?: VerifyExpectations): JwtClaims;
  /** A boolean verifier for a connector simulator's `requireAuth`. */
  verifier(expect?: VerifyExpectations): (token: string) => boolean;
  /** How often the metadata document and the JWKS were fetched. */
  stats: { metadataFetches: number; jwksFetches: number };
  close(): Promise<void>;
}

export interface LocalOpenIdIssuerOptions {
  /** Default `http://127.0.0.1:PORT/`. */
  issuer?: string;
  /** Default a random id. */
  kid?: string;
  /** JWKS `endorsements` of the key (channel ids it may sign for). Default `['msteams']`; `[]` for none. */
  endorsements?: string[];
}

// ---------------------------------------------------------------------------
// JWT (compact JWS) with node:crypto
// ---------------------------------------------------------------------------

const HASH_FOR_ALG = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' } as const;

function b64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Signs a compact JWT with an RSA private key. */
export function signJwt(privateKey: KeyObject, header: JwtClaims, claims: JwtClaims): string {
  const alg = (header.alg ?? 'RS256') as keyof typeof HASH_FOR_ALG;
  const hash = HASH_FOR_ALG[alg];
  if (!hash) throw new Error(`Unsupported alg ${String(alg)}`);
  const signingInput = `${b64url(JSON.stringify({ typ: 'JWT', ...header, alg }))}.${b64url(JSON.stringify(claims))}`;
  const signature = rsaSign(hash, Buffer.from(signingInput), privateKey);
  return `${signingInput}.${b64url(signature)}`;
}

/** Decodes a compact JWT without checking it. Returns undefined when it is not one. */
export function decodeJwt(token: string): { header: JwtClaims; claims: JwtClaims } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as unknown;
    if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object') return undefined;
    return { header: header as JwtClaims, claims: claims as JwtClaims };
  } catch {
    return undefined;
  }
}

function verifyJwt(
  token: string,
  publicKey: KeyObject,
  kid: string,
  expect: Required<Pick<VerifyExpectations, 'issuer'>> & VerifyExpectations,
): JwtClaims {
  const decoded = decodeJwt(token);
  if (!decoded) throw new Error('not a JWT');
  const { header, claims } = decoded;
  const alg = header.alg as keyof typeof HASH_FOR_ALG;
  const hash = HASH_FOR_ALG[alg];
  if (!hash) throw new Error(`algorithm ${String(header.alg)} not allowed`);
  if (header.kid !== kid) throw new Error(`unknown key id ${String(header.kid)}`);
  const [h, p, s] = token.split('.') as [string, string, string];
  if (!rsaVerify(hash, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url')))
    throw new Error('bad signature');
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp < now - 300) throw new Error('expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 300) throw new Error('not yet valid');
  if (claims.iss !== expect.issuer) throw new Error(`issuer ${String(claims.iss)} not accepted`);
  if (expect.audience !== undefined && claims.aud !== expect.audience)
    throw new Error(`audience ${String(claims.aud)} not accepted`);
  return claims;
}

/**
 * Signs `claims` with a fresh key that no issuer publishes — a forged token.
 * With `kid` set to a real issuer's kid, it imitates a token whose signature does not match.
 */
export function signWithStrayKey(claims: JwtClaims, options: { kid?: string } = {}): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    privateKey,
    { kid: options.kid ?? `stray-${randomUUID()}` },
    { iat: now, nbf: now, exp: now + 3600, ...claims },
  );
}

// ---------------------------------------------------------------------------
// Issuer
// ---------------------------------------------------------------------------

export async function startLocalOpenIdIssuer(
  options: LocalOpenIdIssuerOptions = {},
): Promise<LocalOpenIdIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = options.kid ?? `local-${randomUUID()}`;
  const endorsements = options.endorsements ?? ['msteams'];
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; n: string; e: string };
  const stats = { metadataFetches: 0, jwksFetches: 0 };

  let metadataUrl = '';
  let jwksUri = '';
  let issuer = '';

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (req.method !== 'GET') return send(405, { error: 'method not allowed' });
    if (path === '/v1/.well-known/openidconfiguration' || path === '/.well-known/openid-configuration') {
      stats.metadataFetches++;
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer.replace(/\/$/, '')}/authorize`,
        jwks_uri: jwksUri,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (path === '/v1/.well-known/keys') {
      stats.jwksFetches++;
      const key: Record<string, unknown> = {
        kty: jwk.kty,
        use: 'sig',
        alg: 'RS256',
        kid,
        n: jwk.n,
        e: jwk.e,
      };
      if (endorsements.length > 0) key.endorsements = endorsements;
      return send(200, { keys: [key] });
    }
    return send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  metadataUrl = `${base}/v1/.well-known/openidconfiguration`;
  jwksUri = `${base}/v1/.well-known/keys`;
  issuer = options.issuer ?? `${base}/`;

  const sign = async (claims: JwtClaims, signOptions: SignOptions = {}): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const full: JwtClaims = {
      iss: issuer,
      iat: now,
      nbf: now,
      exp: now + (signOptions.expiresInSeconds ?? 3600),
      ...claims,
    };
    // An already-expired token needs iat/nbf in the past too, or jsonwebtoken complains about nbf first.
    if ((signOptions.expiresInSeconds ?? 0) < 0 && claims.iat === undefined) {
      full.iat = (full.exp as number) - 3600;
      full.nbf = full.iat;
    }
    return signJwt(privateKey, { kid: signOptions.kid ?? kid, alg: signOptions.alg ?? 'RS256' }, full);
  };

  const verify = (token: string, expect: VerifyExpectations = {}): JwtClaims =>
    verifyJwt(token, publicKey, kid, { ...expect, issuer: expect.issuer ?? issuer });

  return {
    metadataUrl,
    jwksUri,
    issuer,
    kid,
    port,
    sign,
    channelToken: ({ appId, serviceUrl, expiresInSeconds }) =>
      sign(
        { aud: appId, serviceurl: serviceUrl },
        expiresInSeconds === undefined ? {} : { expiresInSeconds },
      ),
    botToken: ({ appId, audience, tenantId }) =>
      sign({
        aud: audience ?? BOT_FRAMEWORK_SCOPE,
        appid: appId,
        azp: appId,
        ver: '1.0',
        tid: tenantId ?? 'botframework.com',
      }),
    verify,
    verifier:
      (expect = {}) =>
      (token: string) => {
        try {
          verify(token, expect);
          return true;
        } catch {
          return false;
        }
      },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------
// botbuilder wiring
// ---------------------------------------------------------------------------

/**
 * Options for botbuilder's `ConfigurationBotFrameworkAuthentication` that make it accept tokens
 * from `issuer` (and only those) for the bot `appId`.
 *
 * Setting any of the `ToChannelFrom*` / `ToBotFrom*` / `OAuthUrl` / `CallerId` keys switches
 * botbuilder from its built-in public-cloud constants to "every parameter is intentional", so all
 * of them are given here; the Emulator/skill metadata URL also points at the local issuer so that
 * no code path reaches the internet.
 */
export function localBotAuthConfig(
  issuer: Pick<LocalOpenIdIssuer, 'metadataUrl' | 'issuer'>,
  input: { appId: string; appPassword?: string; tenantId?: string },
): Record<string, string> {
  return {
    MicrosoftAppId: input.appId,
    MicrosoftAppPassword: input.appPassword ?? 'local-test-secret',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: input.tenantId ?? '',
    // Inbound (channel → bot) token validation.
    ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
    ToBotFromChannelTokenIssuer: issuer.issuer,
    ToBotFromEmulatorOpenIdMetadataUrl: issuer.metadataUrl,
    // Outbound (bot → connector): audience of the bot's token, and where MSAL would get it.
    // A custom credentials factory (localCredentialsFactory) replaces the MSAL call in tests.
    ToChannelFromBotOAuthScope: BOT_FRAMEWORK_SCOPE,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    OAuthUrl: BOT_FRAMEWORK_SCOPE,
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: 'true',
  };
}

/** Minimal structural view of botframework-connector's ServiceClientCredentialsFactory. */
export interface LocalCredentialsFactory {
  isValidAppId(appId: string): Promise<boolean>;
  isAuthenticationDisabled(): Promise<boolean>;
  createCredentials(
    appId: string,
    audience: string | undefined,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<{
    signRequest<T extends { headers: { set(name: string, value: string): void } }>(request: T): Promise<T>;
  }>;
  /** Tokens handed out so far (one per outbound request). */
  issued: number;
}

/**
 * A ServiceClientCredentialsFactory for botbuilder's second constructor argument
 * (`new ConfigurationBotFrameworkAuthentication(config, factory)`): outbound calls carry a token
 * signed by the local issuer instead of one from Microsoft Entra ID (MSAL only accepts https
 * authorities on the internet, so it cannot be pointed at 127.0.0.1).
 */
export function localCredentialsFactory(
  issuer: Pick<LocalOpenIdIssuer, 'botToken'>,
  appId: string,
): LocalCredentialsFactory {
  const factory: LocalCredentialsFactory = {
    issued: 0,
    isValidAppId: async (candidate) => candidate === appId,
    isAuthenticationDisabled: async () => appId === '',
    createCredentials: async (requestedAppId, audience) => {
      if (requestedAppId !== appId) throw new Error('Invalid appId.');
      return {
        async signRequest(request) {
          factory.issued++;
          const token = await issuer.botToken({ appId, audience: audience ?? BOT_FRAMEWORK_SCOPE });
          request.headers.set('authorization', `Bearer ${token}`);
          return request;
        },
      };
    },
  };
  return factory;
}
