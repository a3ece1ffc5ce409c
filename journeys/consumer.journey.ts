import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, launchBrowser, newContext, type RunningServer, screenshot, startServer } from './support.ts';

/** GS1 mod-10 check digit of the digits before it. */
function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}

// The demo packing house's durian cartons: serials 1–500 are activated to lot PH2606-D1 (src/demo/stamps.ts).
const durianCarton = withCheckDigit('0893601600020');

describe('consumer journey: scan a stamp on a phone', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
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

  it('opens the stamp URL and sees the verdict, the product, the journey and the map', async () => {
    const response = await page.goto(`${server.baseUrl}/01/${durianCarton}/10/PH2606-D1/21/1`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toContain(`/page/01/${durianCarton}/10/PH2606-D1/21/1`);
    await expect(page.locator('#verdict strong').textContent()).resolves.toBe('Sản phẩm chính hãng');
    await expect(page.locator('#journey li').count()).resolves.toBeGreaterThan(3);
    await expect(page.locator('svg.map circle').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'consumer-01-verdict-vi');
  });

  it('a second scan from the same phone tells when the code was first scanned, and counts once', async () => {
    await page.reload();
    await expect(page.locator('#verdict').textContent()).resolves.toMatch(/quét 1 lần, lần đầu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  });

  it('switches to English', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('#verdict strong').textContent()).resolves.toBe('Genuine product');
    await expect(page.locator('#journey h2').first().textContent()).resolves.toBe('Product journey');
    await screenshot(page, 'consumer-02-english');
  });

  it('submits a report with consent', async () => {
    await page.locator('#message').fill('The seal of the carton looked opened and glued again.');
    await page.locator('#phone').fill('0912 345 678');
    await page.getByRole('checkbox').check();
    await screenshot(page, 'consumer-03-report-form');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForLoadState();
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('Thank you');
    await screenshot(page, 'consumer-04-report-sent');
  });

  it('an unknown serial says so plainly, and a stamp not yet activated says that', async () => {
    const unknown = await page.goto(`${server.baseUrl}/01/${durianCarton}/21/999999`);
    expect(unknown?.status()).toBe(404);
    await expect(page.locator('#verdict strong').textContent()).resolves.toBe('Mã không có trong hệ thống');
    await screenshot(page, 'consumer-05-unknown');
    const inactive = await page.goto(`${server.baseUrl}/01/${durianCarton}/21/900`);
    expect(inactive?.status()).toBe(200);
    await expect(page.locator('#verdict strong').textContent()).resolves.toBe('Tem chưa được kích hoạt');
  });

  it('a malformed code is a 400 page for people', async () => {
    const bad = await page.goto(`${server.baseUrl}/01/${durianCarton.slice(0, 13)}${(Number(durianCarton[13]) + 1) % 10}`);
    expect(bad?.status()).toBe(400);
    await expect(page.locator('.verdict strong').textContent()).resolves.toBe('Mã không hợp lệ');
    await screenshot(page, 'consumer-06-malformed');
  });
});
