import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newContext, type RunningServer, screenshot, startServer } from './support.ts';

/** A valid Vietnamese tax code: nine random digits and their check digit (weights 31…3, 10 − sum mod 11). */
function randomTaxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (;;) {
    const body = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('');
    const check = 10 - (weights.reduce((sum, w, i) => sum + w * Number(body[i]), 0) % 11);
    if (check < 10) return body + check;
  }
}

/** GS1 mod-10 check digit of the digits before it. */
function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}

/** Picks an option of a Mantine Select by its label, typing first into a searchable one. */
async function choose(page: Page, label: string, option: string | RegExp, search?: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (search) await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('account-menu').waitFor();
}

const run = hasChromium() ? describe : describe.skip;

run('back office: from registration to the consumer page', () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const producer = {
    name: `HTX Rau sạch Xuân Lộc ${Date.now() % 100000}`,
    taxCode: randomTaxCode(),
    email: `hoptacxa${Date.now() % 100000}@example.vn`,
    password: 'mat-khau-du-dai-2026',
  };

  beforeAll(async () => {
    // While working on the app, TXNG_JOURNEY_URL points at a server already running with the demo data.
    const running = process.env.TXNG_JOURNEY_URL;
    if (running) server = { baseUrl: running, stop: async () => {} };
    else {
      // The program serves the built app; build it as `npm start` would.
      const vite = path.resolve('node_modules/vite/bin/vite.js');
      execFileSync(process.execPath, [vite, 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'error'], {
        stdio: 'inherit',
      });
      server = await startServer();
    }
    browser = await launchBrowser();
    desktop = await newContext(browser, 'desktop');
    page = await desktop.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a producer registers its cooperative and owner account', async () => {
    await page.goto(`${server.baseUrl}/app/register`);
    await page.getByLabel('Tên tổ chức, cơ sở').fill(producer.name);
    await page.getByLabel('Mã số thuế').fill(producer.taxCode);
    await choose(page, 'Loại hình', 'Hợp tác xã');
    await choose(page, 'Xã, phường', /^Xã Xuân Lộc/, 'Xuân Lộc');
    await page.getByLabel('Địa chỉ (số nhà, đường, ấp)').fill('Ấp Bảo Định');
    await page.getByLabel('Người đại diện').fill('Nguyễn Văn An');
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await page.getByLabel('Email', { exact: true }).fill(producer.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(producer.password);
    await screenshot(page, 'backoffice-01-register');
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await page.getByText('Đã gửi đăng ký').waitFor();
    await screenshot(page, 'backoffice-02-registered');
  });
});
