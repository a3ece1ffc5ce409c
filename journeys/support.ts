import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { it } from 'vitest';
import { backOfficeBuilt, buildBackOfficeNow } from './build.ts';
import { type RunningServer, startServer } from './server.ts';

export { type RunningServer, startServer } from './server.ts';

/** Where journeys keep their screenshots (test artefacts, not committed). */
export const shotsDir = path.resolve('test-results/screenshots');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * A phone-sized context (consumer pages) or a desktop one (back office). The back office installs a service worker
 * (decision 061); a journey that answers the page's requests itself (`page.route`) blocks it, since requests the
 * worker makes are not seen by Playwright's routes.
 */
export async function newContext(
  browser: Browser,
  kind: 'phone' | 'desktop',
  locale = 'vi-VN',
  serviceWorkers: 'allow' | 'block' = 'allow',
): Promise<BrowserContext> {
  return kind === 'phone'
    ? browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale, serviceWorkers })
    : browser.newContext({ viewport: { width: 1366, height: 900 }, locale, serviceWorkers });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Builds the back office the program serves, as `npm start` does. Vitest sets NODE_ENV=test, which would give Vite
 * React's development build (twice the size, other code paths): the journeys drive what ships. The journeys' global
 * setup (./build.ts) builds it once per run, before the first journey; then this has nothing left to do.
 */
export function buildBackOffice() {
  if (process.env[backOfficeBuilt] !== '1') buildBackOfficeNow();
}

/**
 * The program with its back office built, for a journey through the back office: or, while working on the app,
 * the server TXNG_JOURNEY_URL points at (already running with the demo data).
 */
export async function startBackOfficeServer(): Promise<RunningServer> {
  const running = process.env.TXNG_JOURNEY_URL;
  if (running) return { baseUrl: running, stop: async () => {} };
  buildBackOffice();
  return startServer();
}

/** The password of every demo account (docs/demo-accounts.md). */
export const demoPassword = 'TxngDemo@2026';

/** Signs in through the sign-in page and waits for the shell (its account menu). */
export async function signInAs(page: Page, baseUrl: string, email: string, password = demoPassword) {
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('account-menu').waitFor();
}

/**
 * A journey's steps: each a test, run in order; once one fails the later ones skip, saying so (they would only
 * fail for the same reason). One per journey file.
 */
export function journeySteps() {
  let broken = false;
  return (name: string, body: () => Promise<void>) =>
    it(name, async (ctx) => {
      if (broken) ctx.skip('an earlier step of the journey failed');
      try {
        await body();
      } catch (error) {
        broken = true;
        throw error;
      }
    });
}

/** Why the journeys cannot run here, or null when Chromium is installed. */
export const chromiumMissing = () =>
  fs.existsSync(chromiumPath) ? null : `not found at ${chromiumPath}; install it or set CHROMIUM_PATH`;

/** GS1 mod-10 check digit of the digits before it, appended. */
export function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}

/** The demo packing house's durian cartons (GTIN): serials 1–500 activated to lot PH2606-D1 (src/demo/stamps.ts). */
export const durianCarton = withCheckDigit('0893601600020');
