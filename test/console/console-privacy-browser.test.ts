import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleBrowser, hasChromium, startConsoleBrowser } from '../support/console-browser.js';
import { type ConsoleHarness, who } from '../support/console-harness.js';

/*
 * The Report and Privacy pages in a real browser (Debian's headless Chromium through playwright-core): an admin
 * reads the live report and erases a person by email through the confirmation step; a curator is refused the
 * Privacy page. No Content-Security-Policy violation on the way. `CONSOLE_SCREENSHOTS=1` renews the README's
 * screenshots in docs/.
 */
describe.skipIf(!hasChromium)('console Report and Privacy in a browser', () => {
  let env: ConsoleHarness;
  let SHOTS: string;
  let web: ConsoleBrowser;
  const signIn = (...args: Parameters<ConsoleBrowser['signIn']>) => web.signIn(...args);

  beforeAll(async () => {
    web = await startConsoleBrowser();
    ({ env, shots: SHOTS } = web);
  }, 60_000);
  afterAll(() => web?.close());

  type BrowserGlobals = { getComputedStyle(el: unknown): { getPropertyValue(name: string): string } };
  const styled = (page: Page, selector: string, property: string) =>
    page
      .locator(selector)
      .first()
      .evaluate(
        // Runs in the page, where the DOM is: the project compiles without DOM types, so it is named through globalThis.
        (el, p) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).getPropertyValue(p),
        property,
      );

  it('shows an admin the live report in the console, styled by its own sheet without a CSP violation', async () => {
    const { context, page, blocked } = await signIn('UADMIN', 'Ada Admin');
    await page.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('link', { name: 'Open the pilot report' }).click();
    await page.getByRole('heading', { name: /^Report: / }).waitFor();
    expect(await page.locator('.report section#funnel').count()).toBe(1);
    // The report's styles apply inside it (a tile grid), and the console's page around it keeps its own.
    expect(await styled(page, '.report .tiles', 'display')).toBe('grid');
    expect(await styled(page, 'body', 'background-color')).toBe('rgb(255, 255, 255)');
    expect(await page.getByRole('button', { name: 'Download JSON' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /pseudonymous row/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/console-report.png`, fullPage: false });
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('lets an admin erase a person by email after seeing who and what, and records it', async () => {
    const mentee = (await env.h.app.store.participants.findByIdentity(who('UMENTEE')))!;
    await env.h.app.store.participants.update(mentee.id, { email: 'mina.mentee@example.org' });
    const { context, page, blocked } = await signIn('UADMIN', 'Ada Admin');
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Erase a person' }).waitFor();
    await page.getByLabel('Email').fill('mina.mentee@example.org');
    await page.getByRole('button', { name: 'Show who would be erased' }).click();
    await page.getByRole('heading', { name: 'Confirm the erasure' }).waitFor();
    expect(await page.getByText(mentee.id).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'What is deleted' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/console-erase-confirm.png`, fullPage: true });
    expect((await env.h.app.store.participants.get(mentee.id))?.email).toBe('mina.mentee@example.org');

    await page.getByRole('button', { name: 'Erase this person' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toContain(`Erased one person: ${mentee.id}`);
    expect((await env.h.app.store.participants.get(mentee.id))?.email).toBeNull();
    expect(await page.getByRole('cell', { name: 'person.erased' }).count()).toBe(1);
    await page.getByLabel('Action starts with').fill('person.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=person\./);
    expect(await page.getByRole('cell', { name: 'person.erased' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'console.signed_in' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/console-privacy.png`, fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('refuses a curator the Privacy page', async () => {
    const { context, page } = await signIn('UCURATOR', 'Cora Curator', { width: 390, height: 844 });
    expect(await page.getByRole('link', { name: 'Privacy' }).count()).toBe(0);
    const refused = await page.goto(`${env.base}/console/privacy`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole('heading', { name: 'Not available to you' }).count()).toBe(1);
    await context.close();
  }, 60_000);
});
