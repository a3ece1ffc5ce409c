import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import {
  chromiumMissing,
  durianCarton,
  journeySteps,
  launchBrowser,
  newContext,
  type RunningServer,
  screenshot,
  signInAs,
  startBackOfficeServer,
} from './support.ts';

// The demo kitchen received the durian cartons 101 and 102 (src/demo/kitchens.ts).
const cook = 'bepan@suatanbinhloc.vn';
const healthOfficer = 'attp@syt.dongnai.gov.vn';
const dishName = 'Chè sầu riêng';

const step = journeySteps();

describe("a school kitchen's day: deliveries by stamp, the menu, samples, the parents' page", needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let kitchenId: string;

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    context = await newContext(browser, 'desktop');
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const stamp = (serial: number) => `${server.baseUrl}/01/${durianCarton}/10/PH2606-D1/21/${serial}`;

  step('the cook receives two deliveries by pasting their stamps; a mistyped code is named in words', async () => {
    await signInAs(page, server.baseUrl, cook);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bếp ăn trường học' }).click();
    await page.getByRole('heading', { name: 'Bếp ăn trường học' }).waitFor();
    const kitchens = await page.request.get(`${server.baseUrl}/api/kitchens`);
    kitchenId = (await kitchens.json())[0].id;

    const code = page.getByTestId('kitchen-code');
    await code.fill('tem-khong-doc-duoc');
    await page.getByRole('button', { name: 'Nhận hàng', exact: true }).click();
    await page.getByText(/không đọc được mã/i).first().waitFor();
    await screenshot(page, 'kitchen-01-bad-code');

    for (const serial of [201, 202]) {
      await code.fill(stamp(serial));
      await page.getByRole('button', { name: 'Nhận hàng', exact: true }).click();
      await page.getByTestId('kitchen-received').getByText('Đã nhận 1 lô hàng').waitFor();
      await expect.poll(() => code.inputValue()).toBe('');
    }
    const rows = page.getByTestId('kitchen-receipts').getByRole('row').filter({ hasText: 'PH2606-D1' });
    // two from the demo's days, two now
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    expect(await rows.first().innerText()).toMatch(/Công ty TNHH Sơ chế Đóng gói Nông sản Xuân Lộc[\s\S]*Quét tem/i);
    await screenshot(page, 'kitchen-02-received');
  });

  step("builds today's menu from the received lots and keeps a sample of the dish", async () => {
    await page.getByRole('tab', { name: 'Thực đơn' }).click();
    await page.getByTestId('dish-name').fill(dishName);
    const durian = page.getByRole('checkbox', { name: /PH2606-D1/ });
    await durian.first().check();
    await durian.nth(1).check();
    await page.getByTestId('add-dish').click();
    const dish = page.getByTestId('dish').filter({ hasText: dishName });
    await dish.waitFor();
    expect(await dish.innerText()).toMatch(/PH2606-D1/);
    await dish.getByRole('button', { name: 'Lưu mẫu' }).click();
    await dish.getByText(/Đã lưu mẫu, hủy sau/).waitFor();
    await screenshot(page, 'kitchen-03-menu');
  });

  step('the samples page lists those kept long enough, and one is recorded as discarded', async () => {
    await page.getByRole('tab', { name: 'Lưu mẫu' }).click();
    const due = page.getByTestId('samples-due').getByRole('row');
    await due.nth(1).waitFor();
    const before = await due.count();
    await screenshot(page, 'kitchen-04-samples-due');
    await due.nth(1).getByRole('button', { name: 'Đã hủy mẫu' }).click();
    await expect.poll(() => due.count()).toBe(before - 1);
  });

  step("a parent opens the school's page on a phone: today's menu and where each ingredient came from", async () => {
    const phone = await newContext(browser, 'phone');
    const parent = await phone.newPage();
    const response = await parent.goto(`${server.baseUrl}/bep-an/${kitchenId}`);
    expect(response?.status()).toBe(200);
    await parent.getByRole('heading', { name: /Thực đơn — Trường Tiểu học Bình Lộc/ }).waitFor();
    const text = await parent.locator('main').innerText();
    expect(text).toContain(dishName);
    expect(text).toContain('Công ty TNHH Sơ chế Đóng gói Nông sản Xuân Lộc');
    expect(text).toMatch(/Nguồn gốc: .+Đồng Nai/);
    expect(text).not.toContain('Bếp trưởng');
    expect(await parent.locator('script').count()).toBe(0);
    // nothing wider than the phone
    expect(await parent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(parent, 'kitchen-05-parents-phone');
    await parent.getByRole('link', { name: /Hôm qua|\d\d\/\d\d\/\d{4}/ }).first().click();
    await parent.waitForURL(/ngay=/);
    await screenshot(parent, 'kitchen-06-parents-earlier-day');
    await parent.goto(`${server.baseUrl}/bep-an/${kitchenId}`);
    await parent.getByRole('link', { name: /Xem truy xuất/ }).first().click();
    await parent.waitForURL(/\/01\//);
    await screenshot(parent, 'kitchen-07-ingredient-trace');
    await phone.close();
  });

  step('the health sector officer sees the kitchen and its suppliers, with deliveries by stamp', async () => {
    await context.close();
    context = await newContext(browser, 'desktop');
    page = await context.newPage();
    await signInAs(page, server.baseUrl, healthOfficer);
    await page.goto(`${server.baseUrl}/app/kitchens`);
    const row = page.getByTestId('overview-kitchens').getByRole('row').filter({ hasText: 'Trường Tiểu học Bình Lộc' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Phường Bình Lộc/);
    await page.getByTestId('overview-suppliers').getByRole('row').filter({ hasText: 'Xuân Lộc' }).waitFor();
    await screenshot(page, 'kitchen-08-health-overview');
  });
});
