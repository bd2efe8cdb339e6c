import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DemoConsole, runDemo } from '../../demo/pilot.js';
import { loadConfig } from '../../src/config.js';
import { startCoachloop } from '../../src/main.js';
import { ConsoleClient } from '../support/console-client.js';
import { startConsoleHarness } from '../support/console-harness.js';

/*
 * `npm run demo -- --console`: after the simulated pilot the console keeps running on its data, and a link signs
 * the newcomer in as the demo admin, once. A server started as `serve` starts it has no such link.
 */
describe('npm run demo -- --console', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coachloop-demo-console-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the console on the pilot’s data, signed in once as the demo admin through a one-time link', async () => {
    const seen: { console?: DemoConsole; pages: Record<string, { status: number; text: string }> } = {
      pages: {},
    };
    await runDemo({
      weeks: 1,
      reportDir: join(dir, 'reports'),
      out: { write: () => true },
      console: {
        hold: async (demo) => {
          seen.console = demo;
          const client = new ConsoleClient(new URL(demo.url).origin);
          const signIn = await client.request(demo.signInUrl);
          seen.pages.signIn = { status: signIn.status, text: signIn.location ?? '' };
          seen.pages.report = await client.follow('/console/report/pilot');
          seen.pages.pairs = await client.request('/console/pairs');
          seen.pages.again = await new ConsoleClient(new URL(demo.url).origin).request(demo.signInUrl);
          seen.pages.stranger = await new ConsoleClient(new URL(demo.url).origin).request('/console/pairs');
        },
      },
    });
    expect(seen.console?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/console$/);
    expect(seen.console?.signInUrl).toMatch(/\/console\/one-time-sign-in\/[\w-]{43}$/);
    expect(seen.pages.signIn).toEqual({ status: 303, text: '/console/report' });
    expect(seen.pages.report!.status).toBe(200);
    expect(seen.pages.report!.text).toContain('Dana Admin (admin)');
    expect(seen.pages.report!.text).toContain('<section id="funnel">');
    expect(seen.pages.pairs!.status).toBe(200);
    expect(seen.pages.pairs!.text).toContain('Programs in aggregate');
    expect(seen.pages.again!.status).toBe(410);
    expect(seen.pages.stranger!.status).toBe(303);
  }, 120_000);

  it('has no one-time link on a server started as `serve` starts it, and refuses one outside development', async () => {
    const env = await startConsoleHarness();
    try {
      const client = new ConsoleClient(env.base);
      // No such route: like any page without a session, it sends the browser to the sign-in page.
      const res = await client.request(`/console/one-time-sign-in/${'a'.repeat(43)}`);
      expect(res.status).toBe(303);
      expect(res.location).toBe('/console');
      expect(client.cookies.has('coachloop_console')).toBe(false);
    } finally {
      await env.close();
    }
    const config = loadConfig({
      NODE_ENV: 'production',
      PROGRAMS_DIR: dir,
      DATABASE_PATH: join(dir, 'x.db'),
    });
    await expect(
      startCoachloop(config, {
        consoleOneTimeSignIn: {
          token: 'b'.repeat(43),
          identity: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
          name: 'x',
        },
      }),
    ).rejects.toThrow(/local development only/);
  });
});
