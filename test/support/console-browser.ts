import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type ConsoleHarness, slackUser, startConsoleHarness } from './console-harness.js';

/** Debian's Chromium: the console's browser tests are skipped where it is not installed. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface ConsoleBrowser {
  env: ConsoleHarness;
  browser: Browser;
  /**
   * Where screenshots go: docs/ (the README's) with `CONSOLE_SCREENSHOTS=1
   * npx vitest run test/console`, otherwise a temporary folder removed at the end.
   */
  shots: string;
  /** A fresh browser context signed in with Slack as this person; CSP violations are collected in `blocked`. */
  signIn(
    userId: string,
    name: string,
    viewport?: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page; blocked: string[] }>;
  close(): Promise<void>;
}

/** The console on the harness's bot, and headless Chromium (through playwright-core) to use it. */
export async function startConsoleBrowser(): Promise<ConsoleBrowser> {
  const shots = process.env.CONSOLE_SCREENSHOTS
    ? resolve(import.meta.dirname, '../../docs')
    : mkdtempSync(join(tmpdir(), 'coachloop-console-'));
  const env = await startConsoleHarness();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    env,
    browser,
    shots,
    async signIn(userId, name, viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      env.slack.signInAs(slackUser(userId, name));
      await page.goto(`${env.base}/console`);
      await page.getByRole('link', { name: 'Sign in with Slack' }).click();
      await page.getByRole('heading', { name: 'Pairs and alerts' }).waitFor();
      return { context, page, blocked };
    },
    async close() {
      await browser.close();
      await env.close();
      if (!process.env.CONSOLE_SCREENSHOTS) rmSync(shots, { recursive: true, force: true });
    },
  };
}
