import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, startBackOfficeServer } from './support.ts';

/**
 * Trace and recall in the back office (issue 11 §5): the rambutan cooperative's owner harvests a lot, ships part
 * of it to the packing house and binds stamps to it (through the API, as the stage forms and stamp pages do), then
 * opens the lot's page, reads its chain and its recall sheet, recalls it with a reason, and a shopper scanning one
 * of its stamps on a phone sees the recall at once.
 */
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const reviewer = 'thamdinh@sokhcn.dongnai.gov.vn';
const rambutan = '08936014000120';
const packer = 'Công ty TNHH Sơ chế Đóng gói Nông sản Xuân Lộc';

const step = journeySteps();

/** An API session: signs in, then sends the CSRF token on every change, as the back office does. */
async function apiAs(request: APIRequestContext, baseUrl: string, email: string) {
  const signIn = await request.post(`${baseUrl}/api/auth/sign-in`, { data: { email, password: demoPassword } });
  expect(signIn.status()).toBe(200);
  const me = await (await request.get(`${baseUrl}/api/auth/me`)).json();
  const send = async (method: 'POST' | 'PUT', path: string, data: unknown) => {
    const res = await request.fetch(`${baseUrl}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };
  const get = async (path: string) => (await request.get(`${baseUrl}${path}`)).json();
  return { me, send, get };
}

describe('recall from the lot page', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const lot = `CC${String(Date.now()).slice(-7)}`;
  let stampPath = '';
  let lotPage = '';

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

  step('the cooperative harvests a lot, ships part of it and binds stamps to it', async () => {
    const coop = await apiAs(desktop.request, server.baseUrl, owner);
    const organisationId = coop.me.organisationIds[0];
    const area = (await coop.get('/api/locations?pageSize=100')).items.find(
      (l: { organisationId: string; type: string }) => l.organisationId === organisationId,
    );
    const eventTime = (hoursAgo: number) =>
      new Date(Date.now() - hoursAgo * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await coop.send('POST', '/api/stages', {
      stage: 'harvest',
      eventTime: eventTime(5),
      locationId: area.id,
      output: { gtin: rambutan, lot, quantity: 800, unit: 'KGM' },
      harvestStartDate: eventTime(5).slice(0, 10),
      harvestEndDate: eventTime(5).slice(0, 10),
    });
    const receiver = (await coop.get(`/api/organisations/directory?q=${encodeURIComponent('Xuân Lộc')}`)).items[0];
    await coop.send('POST', '/api/stages', {
      stage: 'ship',
      eventTime: eventTime(3),
      locationId: area.id,
      items: [{ gtin: rambutan, lot, quantity: 300, unit: 'KGM' }],
      to: { organisationId: receiver.id },
      documents: { invoice: `HD-${lot}` },
    });
    const request = await coop.send('POST', '/api/stamps/requests', {
      organisationId,
      gtin: rambutan,
      quantity: 100,
      kind: 'traceability',
    });
    const department = await browser.newContext();
    const review = await apiAs(department.request, server.baseUrl, reviewer);
    await review.send('POST', `/api/review/items/${request.reviewItemId}/decision`, { decision: 'approve' });
    await department.close();
    const { range } = await coop.get(`/api/stamps/requests/${request.id}`);
    await coop.send('POST', `/api/stamps/ranges/${range.id}/activate`, {
      lot,
      firstSerial: range.firstSerial,
      lastSerial: range.firstSerial + 49,
    });
    stampPath = `/01/${rambutan}/10/${lot}/21/${range.firstSerial + 7}`;
  });

  step("the owner opens the lot's page: its facts, its chain both ways and its recall sheet", async () => {
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(owner);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();
    // a link that names the lot (as the stage form's message does) opens the lot's own page
    await page.goto(`${server.baseUrl}/app/lots?q=${lot}`);
    await page.getByRole('heading', { name: new RegExp(`Số lô ${lot}`) }).waitFor();
    lotPage = page.url();
    await expect.poll(() => page.getByText('800 kg').count()).toBeGreaterThan(0);
    // the chain: harvested at the cooperative's growing area, shipped to the packing house (names, not ids)
    await page.getByText('Thu hoạch', { exact: true }).first().waitFor();
    await page.getByText('Xuất hàng', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByText(packer).count()).toBeGreaterThan(0);
    // the recall sheet: the 50 stamps bound to the lot and the shipment that carried 300 kg
    const stamps = page.getByRole('table', { name: 'Tem gắn với lô' });
    await stamps.getByText('Truy xuất').waitFor();
    await expect.poll(() => stamps.getByRole('cell', { name: '50', exact: true }).count()).toBe(2);
    const shipments = page.getByRole('table', { name: 'Các chuyến hàng đã chở lô' });
    await shipments.getByText(packer).waitFor();
    await shipments.getByText('300 kg').waitFor();
    await shipments.getByText('Chờ xác nhận').waitFor();
    const body = await page.locator('main').innerText();
    expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ/);
    await screenshot(page, 'recall-1-lot-page');
  });

  step('recalling asks for a reason in a confirmation dialog, then the page says why', async () => {
    await page.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Thu hồi lô ${lot}` });
    await dialog.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await dialog.getByText('Cần ghi lý do').waitFor();
    await dialog.getByRole('textbox', { name: /Lý do/ }).fill('Phát hiện dư lượng thuốc bảo vệ thực vật vượt ngưỡng');
    await screenshot(page, 'recall-2-confirm');
    await dialog.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Lô đang bị thu hồi').waitFor();
    await page.getByText(/Lý do: Phát hiện dư lượng/).waitFor();
    // the owner may not lift its own recall: no button for it, and no second recall
    expect(await page.getByRole('button', { name: 'Gỡ thu hồi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Thu hồi', exact: true }).count()).toBe(0);
    await screenshot(page, 'recall-3-recalled');
  });

  step('the department reviewer sees no recall action; an inspector may lift the recall', async () => {
    for (const [email, lift] of [
      [reviewer, 0],
      ['thanhtra@sokhcn.dongnai.gov.vn', 1],
    ] as const) {
      const context = await newContext(browser, 'desktop');
      const other = await context.newPage();
      await other.goto(`${server.baseUrl}/app/sign-in`);
      await other.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
      await other.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(demoPassword);
      await other.getByRole('button', { name: 'Đăng nhập' }).click();
      await other.getByTestId('account-menu').waitFor();
      await other.goto(lotPage);
      await other.getByText('Lô đang bị thu hồi').waitFor();
      expect(await other.getByRole('button', { name: 'Thu hồi', exact: true }).count()).toBe(0);
      expect(await other.getByRole('button', { name: 'Gỡ thu hồi' }).count()).toBe(lift);
      await context.close();
    }
  });

  step("a shopper scanning one of the lot's stamps sees the recall on a phone at once", async () => {
    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}${stampPath}`);
    await consumer.getByText('Lô hàng đang bị thu hồi').first().waitFor();
    await screenshot(consumer, 'recall-4-consumer-phone');
    await phone.close();
  });
});
