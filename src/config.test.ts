import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('shutdown and dispatch lease settings', () => {
  const base = { DATABASE_PATH: ':memory:' };

  it('defaults to a 20 s shutdown and a 30 s dispatch lease', () => {
    expect(loadConfig(base)).toMatchObject({ SHUTDOWN_TIMEOUT_MS: 20_000, DISPATCH_LEASE_MS: 30_000 });
  });

  it('refuses a shutdown timeout no longer than the slowest send may take, naming the send timeouts', () => {
    expect(() => loadConfig({ ...base, SHUTDOWN_TIMEOUT_MS: '10000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SHUTDOWN_TIMEOUT_MS: '10000' })).toThrow(
      /SHUTDOWN_TIMEOUT_MS: must be longer than the slowest send may take \(SLACK_TIMEOUT_MS and TEAMS_TIMEOUT_MS, here 10000 ms\)/,
    );
    expect(
      loadConfig({
        ...base,
        SHUTDOWN_TIMEOUT_MS: '3000',
        SLACK_TIMEOUT_MS: '2000',
        TEAMS_TIMEOUT_MS: '2000',
      }),
    ).toMatchObject({ SHUTDOWN_TIMEOUT_MS: 3000 });
  });

  it('refuses a dispatch lease whose two thirds do not outlast the slowest send', () => {
    expect(() => loadConfig({ ...base, DISPATCH_LEASE_MS: '15000' })).toThrow(
      /DISPATCH_LEASE_MS: must be more than one and a half times the slowest send \(SLACK_TIMEOUT_MS and TEAMS_TIMEOUT_MS, here 10000 ms\)/,
    );
    expect(
      loadConfig({ ...base, DISPATCH_LEASE_MS: '3000', SLACK_TIMEOUT_MS: '1500', TEAMS_TIMEOUT_MS: '1500' }),
    ).toMatchObject({ DISPATCH_LEASE_MS: 3000 });
  });

  it('keeps both within bounds and whole milliseconds', () => {
    expect(() => loadConfig({ ...base, SHUTDOWN_TIMEOUT_MS: '900000' })).toThrow(
      /SHUTDOWN_TIMEOUT_MS: must be at most 600000/,
    );
    expect(() => loadConfig({ ...base, DISPATCH_LEASE_MS: '500' })).toThrow(
      /DISPATCH_LEASE_MS: must be at least 3000/,
    );
    expect(() => loadConfig({ ...base, DISPATCH_LEASE_MS: '1.5e4x' })).toThrow(/DISPATCH_LEASE_MS/);
  });
});
