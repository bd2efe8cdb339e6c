import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const SECRET = 'a console secret that is long enough to sign cookies';
const GOOD = {
  CONSOLE_ENABLED: 'true',
  CONSOLE_SESSION_SECRET: SECRET,
  CONSOLE_PUBLIC_URL: 'https://coachloop.example.com',
  SLACK_CLIENT_ID: '2141029472.691202649728',
  SLACK_CLIENT_SECRET: 'e1b9e11dfcd19c1982d5de12921e17e8c',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('console configuration (the same start-up check as every variable)', () => {
  it('accepts a console with Sign in with Slack, and reads ADMINS like CURATORS', () => {
    const config = loadConfig({ ...GOOD, ADMINS: ' U1, teams:abc ,' });
    expect(config.CONSOLE_ENABLED).toBe(true);
    expect(config.ADMINS).toEqual(['U1', 'teams:abc']);
    expect(config.CONSOLE_IDLE_MINUTES).toBe(30);
  });

  it('lists every missing or bad console value at once', () => {
    expect(problems({ CONSOLE_ENABLED: 'true', CONSOLE_SESSION_SECRET: 'short' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CONSOLE_SESSION_SECRET: must be at least 32 characters/),
        expect.stringMatching(/^CONSOLE_PUBLIC_URL: is required/),
        expect.stringMatching(/^CONSOLE_ENABLED: needs a sign-in/),
      ]),
    );
  });

  it('wants Entra ID complete (client id, secret and tenant, as GUIDs) and Slack in pairs', () => {
    const found = problems({ ...GOOD, ENTRA_CLIENT_ID: 'not-a-guid', SLACK_CLIENT_SECRET: '' });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ENTRA_CLIENT_ID: must be a GUID/),
        expect.stringMatching(/^SLACK_CLIENT_SECRET: is required with SLACK_CLIENT_ID/),
      ]),
    );
    expect(problems({ ...GOOD, ENTRA_CLIENT_ID: '3f0e2d4c-1b2a-4c3d-8e9f-a0b1c2d3e4f5' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ENTRA_CLIENT_SECRET: is required/),
        expect.stringMatching(/^ENTRA_TENANT_ID: is required/),
      ]),
    );
  });

  it('refuses a plain-http public URL and the test-only issuers in production', () => {
    const found = problems({
      ...GOOD,
      NODE_ENV: 'production',
      CONSOLE_PUBLIC_URL: 'http://coachloop.example.com',
      CONSOLE_SLACK_ISSUER: 'http://127.0.0.1:9999',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CONSOLE_PUBLIC_URL: must be an https URL in production/),
        expect.stringMatching(/^CONSOLE_SLACK_ISSUER: is for tests and local development only/),
      ]),
    );
  });
});
