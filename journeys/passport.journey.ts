import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../src/test/needs.ts';
import {
  buildBackOffice,
  chromiumMissing,
  durianCarton,
  launchBrowser,
  newContext,
  type RunningServer,
  screenshot,
  signInAs,
  startServer,
} from './support.ts';

// A durian carton of lot PH2606-D1, with its e-label (src/demo/passport.ts).
const stamp = `/01/${durianCarton}/10/PH2606-D1/21/1`;

/** Keeps a copy where the session looks at them (the journeys' own folder is test-results/screenshots). */
async function shot(page: Page, name: string) {
  const file = await screenshot(page, name);
  const mine = '/tmp/shots/passport';
  fs.mkdirSync(mine, { recursive: true });
  fs.copyFileSync(file, path.join(mine, path.basename(file)));
}

describe('passport journey: from a stamp to the passport and the e-label, on a phone', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    buildBackOffice();
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, 'phone');
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the stamp’s linkset leads to the passport (gs1:dpp) and the e-label (gs1:epil)', async () => {
    const res = await fetch(`${server.baseUrl}${stamp}?linkType=linkset`);
    const set = (await res.json()) as { linkset: Record<string, { href: string; type?: string }[]>[] };
    const lot = set.linkset[1];
    const product = set.linkset[2];
    expect(lot['https://gs1.org/voc/dpp'][0].href).toBe(`${server.baseUrl}/dpp/01/${durianCarton}/10/PH2606-D1`);
    expect(product['https://gs1.org/voc/epil'][0].href).toBe(`${server.baseUrl}/epil/01/${durianCarton}`);
    const data = await fetch(`${server.baseUrl}/dpp/01/${durianCarton}/10/PH2606-D1`, {
      headers: { accept: 'application/ld+json' },
    });
    expect(data.headers.get('content-type')).toContain('application/ld+json');
    expect(((await data.json()) as { gtin: string }).gtin).toBe(durianCarton);
  });

  it('scans the stamp, opens the passport from the consumer page, in Vietnamese', async () => {
    const response = await page.goto(`${server.baseUrl}${stamp}`);
    expect(response?.status()).toBe(200);
    await page.locator('#passport-links a', { hasText: 'Hộ chiếu số' }).click();
    await page.waitForURL(/\/dpp\/01\//);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sầu riêng Ri6 thùng 10 kg');
    await expect(page.locator('#passport').textContent()).resolves.toContain('Phiên bản 2');
    await expect(page.locator('#responsible').textContent()).resolves.toContain('Xuân Lộc');
    await expect(page.locator('#origin').textContent()).resolves.toContain('vườn sầu riêng Xuân Lộc');
    await expect(page.locator('#trace').textContent()).resolves.toContain('PH2606-D1');
    await expect(page.locator('#history li').count()).resolves.toBe(2);
    await shot(page, 'passport-01-vi');
  });

  it('reads the passport in English and an earlier version', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('#passport strong').textContent()).resolves.toBe('Digital product passport');
    await shot(page, 'passport-02-en');
    await page.locator('#history a').first().click();
    await page.waitForURL(/version=1/);
    await expect(page.locator('#passport').textContent()).resolves.toContain('earlier version');
  });

  it('opens the e-label and prints it as the physical label’s text', async () => {
    await page.goto(`${server.baseUrl}/dpp/01/${durianCarton}/10/PH2606-D1?lang=vi`);
    await page.getByRole('link', { name: 'Nhãn điện tử' }).click();
    await page.waitForURL(/\/epil\/01\//);
    const label = page.locator('#label');
    await expect(label.textContent()).resolves.toContain('Rau, củ, quả tươi bao gói');
    await expect(label.textContent()).resolves.toContain('Hướng dẫn bảo quản');
    await expect(label.textContent()).resolves.toContain('10 kg');
    await expect(page.locator('#label .err').count()).resolves.toBe(0);
    await shot(page, 'passport-03-label-vi');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.top').isVisible()).resolves.toBe(false);
    await shot(page, 'passport-04-label-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('the department keeps the goods groups; a product’s e-label dialog names what its label lacks', async () => {
    const desk = await newContext(browser, 'desktop');
    const office = await desk.newPage();
    await signInAs(office, server.baseUrl, 'admin@sokhcn.dongnai.gov.vn');
    await office.goto(`${server.baseUrl}/app/goods-groups`);
    await office.getByText('Thực phẩm chế biến bao gói sẵn').waitFor();
    await shot(office, 'passport-05-goods-groups');
    await office.goto(`${server.baseUrl}/app/products`);
    const row = office.getByRole('row', { name: /Hộp quà hạt điều/ });
    await row.getByRole('button', { name: 'Nhãn điện tử' }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByText('Nhãn còn thiếu các mục sau').waitFor();
    await expect(dialog.textContent()).resolves.toContain('Thông tin, cảnh báo an toàn');
    await expect(dialog.textContent()).resolves.toContain('Số tự công bố / số tiếp nhận hồ sơ công bố');
    await shot(office, 'passport-06-label-dialog');
    await desk.close();
  });

  it('reads without JavaScript', async () => {
    const bare = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const plain = await bare.newPage();
    await plain.goto(`${server.baseUrl}/dpp/01/${durianCarton}?lang=vi`);
    await expect(plain.locator('h1').textContent()).resolves.toBe('Sầu riêng Ri6 thùng 10 kg');
    await expect(plain.locator('#warnings').isVisible()).resolves.toBe(true);
    await bare.close();
  });
});
