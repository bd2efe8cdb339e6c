import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, paceSettings } from './config.js';

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

describe('the send paces a configuration sets', () => {
  it('reads the configured paces and keeps them as the senders do', () => {
    const { slack, teams } = paceSettings(
      loadConfig({ SLACK_MESSAGES_PER_MINUTE: '3000', TEAMS_MESSAGES_PER_SECOND: '30' }),
    );
    expect([slack.value, slack.max, teams.value, teams.max]).toEqual([3000, 10_000, 30, 30]);
    // 300 a minute: a burst of 10 and 3 in reserve, so 287 a minute after the burst.
    expect(slack.paceAt(300)).toEqual({ perWorkspacePerSecond: 287 / 60, burst: 10 });
    expect(slack.paceAt(3000)).toEqual({ perWorkspacePerSecond: 2950 / 60, burst: 20 });
    // 30 a second: the burst plus one second's refill stays under Teams' ~50 per second.
    expect(teams.paceAt(30)).toEqual({ perWorkspacePerSecond: 30, burst: 15 });
    expect(teams.paceAt(10)).toEqual({ perWorkspacePerSecond: 10, burst: 10 });
    expect(paceSettings(loadConfig({})).slack.value).toBe(300);
  });
});
