import type { Config } from '../../config.js';
import type { SignInProvider } from './sign-in.js';

/** Sign in with Slack's issuer; its discovery document lives at /.well-known/openid-configuration. */
export const SLACK_ISSUER = 'https://slack.com';
/** A Microsoft Entra tenant's v2.0 issuer. */
export const entraIssuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

/** The sign-in providers the configuration turns on (issuers overridable for tests and development only). */
export function consoleProviders(config: Config): SignInProvider[] {
  const providers: SignInProvider[] = [];
  if (config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET)
    providers.push({
      id: 'slack',
      label: 'Sign in with Slack',
      issuer: new URL(config.CONSOLE_SLACK_ISSUER ?? SLACK_ISSUER),
      clientId: config.SLACK_CLIENT_ID,
      clientSecret: config.SLACK_CLIENT_SECRET,
    });
  if (config.ENTRA_CLIENT_ID && config.ENTRA_CLIENT_SECRET && config.ENTRA_TENANT_ID)
    providers.push({
      id: 'entra',
      label: 'Sign in with Microsoft',
      issuer: new URL(config.CONSOLE_ENTRA_ISSUER ?? entraIssuer(config.ENTRA_TENANT_ID)),
      clientId: config.ENTRA_CLIENT_ID,
      clientSecret: config.ENTRA_CLIENT_SECRET,
      tenantId: config.ENTRA_TENANT_ID,
    });
  return providers;
}
