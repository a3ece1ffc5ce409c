import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { it } from 'vitest';
import { backOfficeBuilt, buildBackOfficeNow } from './build.ts';

/** Where journeys keep their screenshots (test artefacts, not committed). */
export const shotsDir = path.resolve('test-results/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real program (`bin/txng.js start`) on a free port with the demo province on a fresh embedded
 * database, exactly as the README's quick start does, and waits for /healthz.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-journey-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['bin/txng.js', 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TXNG_DATA_DIR: dataDir, TXNG_BASE_URL: baseUrl, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('server did not become healthy in 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

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

/** A phone-sized context (consumer pages) or a desktop one (back office). */
export async function newContext(browser: Browser, kind: 'phone' | 'desktop', locale = 'vi-VN'): Promise<BrowserContext> {
  return kind === 'phone'
    ? browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale })
    : browser.newContext({ viewport: { width: 1366, height: 900 }, locale });
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
