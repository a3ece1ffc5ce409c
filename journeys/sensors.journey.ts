import fs from 'node:fs';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, startBackOfficeServer } from './support.ts';

/**
 * Sensors and alerts (issue 16 §3): the rambutan cooperative sets a cold-chain threshold on a product, registers a
 * logger for one of its lots (the key is shown once), the logger uploads its backlog in which the cold room warmed
 * for an hour; the owner sees the alert in the back office and the excursion on the lot's chart; the department
 * publishes it and a shopper's phone shows it on the lot's page in words.
 */
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const reviewer = 'thamdinh@sokhcn.dongnai.gov.vn';
const shots = process.env.TXNG_SHOTS_DIR ?? '/tmp/shots/sensors';
const step = journeySteps();

async function apiAs(request: APIRequestContext, baseUrl: string, email: string) {
  const signIn = await request.post(`${baseUrl}/api/auth/sign-in`, { data: { email, password: demoPassword } });
  expect(signIn.status()).toBe(200);
  const me = await (await request.get(`${baseUrl}/api/auth/me`)).json();
  const send = async (method: 'POST' | 'DELETE', path: string, data?: unknown) => {
    const res = await request.fetch(`${baseUrl}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };
  const get = async (path: string) => (await request.get(`${baseUrl}${path}`)).json();
  return { me, send, get };
}

const shot = async (page: Page, name: string) => {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

describe('an excursion alert', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  let lot: { id: string; gtin: string; lot: string; productId: string };
  let excursionId = '';

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    desktop = await newContext(browser, 'desktop');
    page = await desktop.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('the cooperative sets a threshold, registers a logger and the logger uploads its backlog', async () => {
    const coop = await apiAs(desktop.request, server.baseUrl, owner);
    const lots = (await coop.get('/api/lots?pageSize=50')).items as (typeof lot & { organisationId: string })[];
    lot = lots.find((l) => coop.me.organisationIds.includes(l.organisationId))!;
    expect(lot).toBeTruthy();
    await coop.send('POST', '/api/sensors/thresholds', {
      target: 'product',
      productId: lot.productId,
      kind: 'temperature',
      min: 2,
      max: 8,
      durationMinutes: 30,
    });
    const device = await coop.send('POST', '/api/sensors/devices', { name: 'Logger kho lạnh số 1', lotId: lot.id });
    // a reading every 10 minutes for the last six hours; the cold room warmed to 13.4 °C for an hour
    const start = Date.now() - 6 * 3600_000;
    const readings = Array.from({ length: 36 }, (_, i) => {
      const warm = i >= 12 && i < 18;
      return {
        at: new Date(start + i * 600_000).toISOString(),
        kind: 'temperature',
        value: warm ? 9 + (i - 12) * 0.9 : 4 + Math.sin(i / 3),
      };
    });
    // a logger holds no session: its key is all it sends
    const res = await fetch(`${server.baseUrl}/api/sensors/devices/${device.id}/readings/batch`, {
      method: 'POST',
      body: JSON.stringify({ readings }),
      headers: { 'content-type': 'application/json', 'x-device-key': device.key },
    });
    const answer = await res.json();
    expect(res.status, JSON.stringify(answer)).toBe(201);
    expect(answer.excursionsOpened).toBe(1);
  });

  step('the owner sees the alert in the back office, in words', async () => {
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(owner);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();
    await page.getByRole('link', { name: 'Cảm biến, cảnh báo' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Nhiệt độ cao hơn mức cho phép (tối đa 8 °C)' });
    await row.first().waitFor();
    // textContent: the badge's words as written (innerText gives them upper-cased, as shown)
    await expect(row.first().textContent()).resolves.toContain('Đã trở lại ngưỡng');
    await shot(page, '1-alerts');
    await page.getByRole('tab', { name: 'Thiết bị đo' }).click();
    await page.getByRole('row').filter({ hasText: 'Logger kho lạnh số 1' }).waitFor();
    // a second device through the form: its key shown once, then revoked
    await page.getByRole('button', { name: 'Thêm thiết bị đo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Tên thiết bị' }).fill('Nhiệt kế xe lạnh 51C-123.45');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    const key = page.getByTestId('device-key');
    await key.waitFor();
    await expect(key.textContent()).resolves.toMatch(/^txngd_/);
    await shot(page, '2-devices');
    const added = page.getByRole('row').filter({ hasText: 'Nhiệt kế xe lạnh 51C-123.45' });
    await added.getByRole('button', { name: 'Thu hồi' }).click();
    await added.getByText('Đã thu hồi').waitFor();
  });

  step('the lot’s page shows the readings’ chart with the excursion', async () => {
    await page.goto(`${server.baseUrl}/app/lots/${lot.id}`);
    const sensors = page.getByTestId('lot-sensors');
    await sensors.getByRole('img').first().waitFor();
    await expect(sensors.innerText()).resolves.toContain('cao nhất 13,5 °C');
    await sensors.scrollIntoViewIfNeeded();
    await shot(page, '3-lot-chart');
    await sensors.screenshot({ path: `${shots}/3b-lot-chart-only.png` });
  });

  step('the department publishes it, and a phone shows it on the lot’s page', async () => {
    const reviewerContext = await newContext(browser, 'desktop');
    const dost = await apiAs(reviewerContext.request, server.baseUrl, reviewer);
    const alerts = await dost.get('/api/sensors/alerts');
    excursionId = alerts.items.find((a: { excursion: { lotId: string } }) => a.excursion.lotId === lot.id).excursion.id;
    await dost.send('POST', `/api/sensors/excursions/${excursionId}/publish`, {});
    await reviewerContext.close();
    const phone = await newContext(browser, 'phone');
    const p = await phone.newPage();
    // what the page shows is kept for the resolver cache's seconds
    await new Promise((r) => setTimeout(r, 11_000));
    await p.goto(`${server.baseUrl}/01/${lot.gtin}/10/${encodeURIComponent(lot.lot)}`);
    await p.locator('#excursions').waitFor();
    await expect(p.locator('#excursions').innerText()).resolves.toContain('Nhiệt độ cao hơn mức cho phép');
    await shot(p, '4-consumer-page');
    await phone.close();
  });
});
