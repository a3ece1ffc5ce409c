import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, startServer } from './support.ts';

/**
 * The province's public portal (issue 13 §4) on a phone, with no script needed: a visitor opens `/`, searches for a
 * demo product, opens it and then its producer (no person's name or phone on the page), checks a code typed from
 * under a barcode, reads a guidance document, and switches to English; the home page at desktop width too.
 */
const step = journeySteps();
const producer = 'Hợp tác xã Chôm chôm Bình Lộc';
const product = 'Chôm chôm Long Khánh tươi';

describe('the public portal', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // a server already running the demo province (TXNG_JOURNEY_URL), or the real program started here
    const running = process.env.TXNG_JOURNEY_URL;
    server = running ? { baseUrl: running, stop: async () => {} } : await startServer();
    browser = await launchBrowser();
    // the pages are read without JavaScript: the phone runs none
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      javaScriptEnabled: false,
    });
    page = await phone.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('1. the home page: search, check a code, showcase, news, map, how to join', async () => {
    const res = await page.goto(`${server.baseUrl}/`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Biết rõ nguồn gốc nông sản, thực phẩm của tỉnh' }).waitFor();
    for (const name of ['Kiểm tra mã trên sản phẩm', 'Sản phẩm OCOP và đặc sản', 'Tin tức mới', 'Văn bản hướng dẫn', 'Bản đồ vùng trồng và cơ sở sản xuất', 'Tham gia hệ thống truy xuất nguồn gốc'])
      await page.getByRole('heading', { name }).waitFor();
    // nothing wider than the phone
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-1-home-phone');
  });

  step('2. a search without accents finds the product; it opens, then its producer', async () => {
    await page.locator('#q-home').fill('chom chom');
    await page.getByRole('button', { name: 'Tìm', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Kết quả cho “chom chom”' }).waitFor();
    await screenshot(page, 'portal-2-search-phone');
    await page.getByRole('link', { name: new RegExp(product) }).first().click();
    await page.getByRole('heading', { name: product, level: 1 }).waitFor();
    await screenshot(page, 'portal-3-product-phone');
    await page.getByRole('link', { name: new RegExp(producer) }).first().click();
    await page.getByRole('heading', { name: producer, level: 1 }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Phường Bình Lộc');
    expect(text).toContain(product);
    // the cooperative's representative and phone are not public
    expect(text).not.toContain('Nguyễn Văn Lực');
    expect(text).not.toContain('0251 3780 123');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|undefined|null/);
    await screenshot(page, 'portal-4-producer-phone');
  });

  step('3. a number typed from under a barcode that the province does not know is said so in words', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel('Mã số hoặc đường dẫn').fill('8934567890120');
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText('Mã này chưa có trong hệ thống của tỉnh').waitFor();
    await screenshot(page, 'portal-5-unknown-code-phone');
  });

  step('4. a guidance document, then the producer page in English through the switch', async () => {
    await page.goto(`${server.baseUrl}/huong-dan`);
    await page.getByRole('link', { name: 'Cách đọc tem truy xuất nguồn gốc' }).click();
    await page.getByRole('heading', { name: 'Cách đọc tem truy xuất nguồn gốc', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'mau-ma-qr-tem-truy-xuat.png' }).waitFor();
    await screenshot(page, 'portal-6-guidance-phone');
    await page.goto(`${server.baseUrl}/tim-kiem?q=${encodeURIComponent('Bình Lộc')}&tab=producers`);
    await page.getByRole('link', { name: new RegExp(producer) }).first().click();
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Certificates in force' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'Tiếng Việt' }).waitFor();
    await screenshot(page, 'portal-7-producer-english-phone');
  });

  step('5. the home page at desktop width', async () => {
    const desktop = await newContext(browser, 'desktop');
    const wide = await desktop.newPage();
    await wide.goto(`${server.baseUrl}/`);
    await wide.getByRole('heading', { name: 'Sản phẩm OCOP và đặc sản' }).waitFor();
    await screenshot(wide, 'portal-8-home-desktop');
    await desktop.close();
  });
});
