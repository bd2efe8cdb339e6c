import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, slackUser, startConsoleHarness } from '../support/console-harness.js';

/*
 * The console in a real browser: Debian's headless Chromium, driven by playwright-core. It signs in through the
 * local issuer, decides an alert, and is refused a page its role does not allow. The screenshots it takes are
 * the README's (see SHOTS).
 */
const CHROMIUM = '/usr/bin/chromium';
/** `CONSOLE_SCREENSHOTS=1 npx vitest run test/console` renews the README's screenshots in docs/; otherwise they go to a temporary folder. */
const SHOTS = process.env.CONSOLE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs')
  : mkdtempSync(join(tmpdir(), 'coachloop-console-'));

describe.skipIf(!existsSync(CHROMIUM))('console in a browser', () => {
  let env: ConsoleHarness;
  let browser: Browser;

  beforeAll(async () => {
    env = await startConsoleHarness();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await env?.close();
    if (!process.env.CONSOLE_SCREENSHOTS) rmSync(SHOTS, { recursive: true, force: true });
  });

  it('signs a curator in with Slack, snoozes an alert, and is refused the admins’ audit log', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    env.slack.signInAs(slackUser('UCURATOR', 'Cora Curator'));
    await page.goto(`${env.base}/console`);
    await page.getByRole('link', { name: 'Sign in with Slack' }).click();
    await page.getByRole('heading', { name: 'Pairs and alerts' }).waitFor();
    expect(page.url()).toBe(`${env.base}/console/pairs`);
    await page.screenshot({ path: `${SHOTS}/console-pairs-phone.png`, fullPage: true });

    const snooze = page.locator(`form[action="/console/alerts/${env.alertId}/snooze"]`);
    await snooze.getByLabel('For how long?').selectOption({ index: 2 });
    await snooze.getByRole('button').click();
    await expect
      .poll(async () => (await env.h.app.store.mentoring.getAlert(env.alertId))?.status)
      .toBe('snoozed');
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/No new alert for this pair until/);
    expect(await page.getByRole('heading', { name: 'Open alerts (0)' }).count()).toBe(1);

    const refused = await page.goto(`${env.base}/console/privacy`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole('heading', { name: 'Not available to you' }).count()).toBe(1);
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows an admin the audit log on a laptop screen, with the curator’s decision in it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    env.slack.signInAs(slackUser('UADMIN', 'Ada Admin'));
    await page.goto(`${env.base}/console`);
    await page.getByRole('link', { name: 'Sign in with Slack' }).click();
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await page.getByText('curator.snooze').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/console-audit.png`, fullPage: true });
    await context.close();
  }, 60_000);
});
