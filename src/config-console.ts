import { z } from 'zod';
import { booleanText, type ConfigCheck, GUID, optionalText } from './config-fields.js';

/** A list of people as `<platform>:<user id>`, comma-separated (a bare id means Slack): `CURATORS`, `ADMINS`. */
export const peopleList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const urlText = optionalText.refine(
  (v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)),
  'must be an http(s) URL',
);

/** The web console's variables: on/off, its session secret and public URL, and the two sign-in providers. */
export const consoleConfigShape = {
  CONSOLE_ENABLED: booleanText,
  /** Signs the console's cookies; 32 characters or more. */
  CONSOLE_SESSION_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'must be at least 32 characters (e.g. `openssl rand -base64 48`)',
  ),
  /** Where people reach the console (the redirect URIs are built from it), e.g. https://coachloop.example.com. */
  CONSOLE_PUBLIC_URL: urlText,
  /** Minutes without a request after which a console session ends. */
  CONSOLE_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  ADMINS: peopleList,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  ENTRA_CLIENT_ID: optionalText.refine(
    (v) => v === undefined || GUID.test(v),
    "must be a GUID, the app registration's Application (client) ID",
  ),
  ENTRA_CLIENT_SECRET: optionalText,
  ENTRA_TENANT_ID: optionalText.refine(
    (v) => v === undefined || GUID.test(v),
    'must be a GUID, your Microsoft Entra tenant id',
  ),
  /** Tests and local development only: another OpenID issuer in place of https://slack.com. */
  CONSOLE_SLACK_ISSUER: urlText,
  /** Tests and local development only: another OpenID issuer in place of Entra's. */
  CONSOLE_ENTRA_ISSUER: urlText,
};

type ConsoleEnv = { [K in keyof typeof consoleConfigShape]: z.output<(typeof consoleConfigShape)[K]> };

const issue = (ctx: z.RefinementCtx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message });

export const checkConsoleConfig: ConfigCheck<ConsoleEnv> = (env, ctx) => {
  const pairs = [
    ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET'],
    ['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET'],
    ['ENTRA_CLIENT_ID', 'ENTRA_TENANT_ID'],
  ] as const;
  for (const [a, b] of pairs) {
    if (env[a] && !env[b]) issue(ctx, b, `is required with ${a}`);
    if (env[b] && !env[a]) issue(ctx, a, `is required with ${b}`);
  }
  for (const name of ['CONSOLE_SLACK_ISSUER', 'CONSOLE_ENTRA_ISSUER'] as const) {
    if (env[name] && env.NODE_ENV === 'production')
      issue(ctx, name, 'is for tests and local development only; remove it in production');
  }
  if (!env.CONSOLE_ENABLED) return;
  if (!env.CONSOLE_SESSION_SECRET)
    issue(ctx, 'CONSOLE_SESSION_SECRET', 'is required when CONSOLE_ENABLED is true (32 characters or more)');
  if (!env.CONSOLE_PUBLIC_URL)
    issue(
      ctx,
      'CONSOLE_PUBLIC_URL',
      'is required when CONSOLE_ENABLED is true (the URL people reach the console at)',
    );
  else if (env.NODE_ENV === 'production' && !env.CONSOLE_PUBLIC_URL.startsWith('https:'))
    issue(
      ctx,
      'CONSOLE_PUBLIC_URL',
      'must be an https URL in production (the session cookie is only sent over TLS)',
    );
  if (!env.SLACK_CLIENT_ID && !env.ENTRA_CLIENT_ID)
    issue(
      ctx,
      'CONSOLE_ENABLED',
      'needs a sign-in: SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, or ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET and ENTRA_TENANT_ID',
    );
};

export function consoleConfigured(config: Pick<ConsoleEnv, 'CONSOLE_ENABLED'>): boolean {
  return config.CONSOLE_ENABLED === true;
}
