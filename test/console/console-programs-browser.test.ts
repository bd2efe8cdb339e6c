import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleBrowser, hasChromium, startConsoleBrowser } from '../support/console-browser.js';
import type { ConsoleHarness } from '../support/console-harness.js';

/*
 * The Programs and Roster pages in a real browser (Debian's headless Chromium through playwright-core): an admin
 * signs in through the local issuer, uploads a roster with an error and then a good one, applies it, applies an
 * edit of a program file; a curator is refused the Programs page. The screenshots are the README's (see SHOTS).
 */
describe.skipIf(!hasChromium)('console Programs and Roster in a browser', () => {
  let env: ConsoleHarness;
  let SHOTS: string;
  let web: ConsoleBrowser;
  const signIn = (...args: Parameters<ConsoleBrowser['signIn']>) => web.signIn(...args);

  beforeAll(async () => {
    web = await startConsoleBrowser();
    ({ env, shots: SHOTS } = web);
    for (const name of ['lena', 'omar', 'mia'])
      env.h.sim.addUser({ id: `U${name.toUpperCase()}`, email: `${name}@example.com`, tz: 'Europe/Berlin' });
  }, 60_000);
  afterAll(() => web?.close());

  const uploadRoster = async (page: Page, csv: string) => {
    await page.getByLabel('Program').selectOption('pilot');
    await page
      .getByLabel('Roster file (CSV)')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
  };

  it('uploads a roster with an error, then a good one, and applies it', async () => {
    const { context, page, blocked } = await signIn('UADMIN', 'Ada Admin', { width: 390, height: 844 });
    await page.getByRole('link', { name: 'Roster' }).click();
    await page.getByRole('heading', { name: 'Upload a roster' }).waitFor();

    await uploadRoster(page, 'email,role\nlena@example.com,leader\nomar@example,leader\n');
    const problems = page.getByRole('alert');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('line 3: email is not an email address');

    await uploadRoster(
      page,
      'email,role,mentor_email\nlena@example.com,leader,\nomar@example.com,mentee,mia@example.com\nmia@example.com,mentor,\n',
    );
    await page.getByRole('heading', { name: 'Dry run: the roster can be applied' }).waitFor();
    expect(await page.getByText('Added: 3').count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'omar@example.com' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/console-roster-phone.png`, fullPage: true });

    await page.getByRole('button', { name: 'Apply to pilot' }).click();
    await page.getByRole('heading', { name: 'The roster is applied' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('3 new, 0 updated, 1 new pairs');
    const pilot = (await env.h.app.store.programs.getByName('pilot'))!;
    const people = await env.h.app.store.participants.inProgram(pilot.id);
    expect(people.map((p) => p.userId)).toEqual(expect.arrayContaining(['ULENA', 'UOMAR', 'UMIA']));
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('applies an edit of a program file, after a check that points at the line', async () => {
    const { context, page, blocked } = await signIn('UADMIN', 'Ada Admin');
    await page.getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('link', { name: 'pilot' }).click();
    await page.getByRole('heading', { name: 'Program pilot' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/console-programs.png`, fullPage: false });

    const file = page.getByLabel('Program file');
    await file.fill('name: pilot\ntimezone: Europe/Lisbon\nlengthWeeks: two\n');
    await page.getByRole('button', { name: 'Check' }).click();
    const problems = page.getByRole('alert');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/lengthWeeks \(line 3\)/);

    await page.getByLabel('Program file').fill('name: pilot\ntimezone: Europe/Lisbon\nlengthWeeks: 14\n');
    await page.getByRole('button', { name: 'Apply' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toContain('program pilot is now version 2');
    const pilot = (await env.h.app.store.programs.getByName('pilot'))!;
    expect(pilot.settings).toMatchObject({ timezone: 'Europe/Lisbon', lengthWeeks: 14 });

    await page.getByLabel("The leader's time zone").fill('America/Chicago');
    await page.getByLabel('Start date').fill('2026-03-09');
    await page.getByLabel('Days to show').fill('21');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: /a leader in America\/Chicago starting 2026-03-09/ }).waitFor();
    expect(blocked).toEqual([]);
    await context.close();
  }, 60_000);

  it('refuses a curator the Programs page', async () => {
    const { context, page } = await signIn('UCURATOR', 'Cora Curator');
    expect(await page.getByRole('link', { name: 'Programs' }).count()).toBe(0);
    const refused = await page.goto(`${env.base}/console/programs`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole('heading', { name: 'Not available to you' }).count()).toBe(1);
    await context.close();
  }, 60_000);
});
