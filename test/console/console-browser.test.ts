import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleBrowser, hasChromium, startConsoleBrowser } from '../support/console-browser.js';
import type { ConsoleHarness } from '../support/console-harness.js';

/*
 * The console in a real browser: Debian's headless Chromium, driven by playwright-core. It signs in through the
 * local issuer, decides an alert, and is refused a page its role does not allow. The screenshots it takes are
 * the README's (see SHOTS).
 */
describe.skipIf(!hasChromium)('console in a browser', () => {
  let env: ConsoleHarness;
  let SHOTS: string;
  let web: ConsoleBrowser;

  beforeAll(async () => {
    web = await startConsoleBrowser();
    ({ env, shots: SHOTS } = web);
  }, 60_000);
  afterAll(() => web?.close());

  it('signs a curator in with Slack, snoozes an alert, and is refused the admins’ audit log', async () => {
    const { context, page, blocked } = await web.signIn('UCURATOR', 'Cora Curator', {
      width: 390,
      height: 844,
    });
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
    const { context, page } = await web.signIn('UADMIN', 'Ada Admin');
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await page.getByText('curator.snooze').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/console-audit.png`, fullPage: true });
    await context.close();
  }, 60_000);
});
