import net from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import {
  buildBackOffice,
  chromiumMissing,
  journeySteps,
  launchBrowser,
  newContext,
  type RunningServer,
  screenshot,
  signInAs,
  startServer,
} from './support.ts';

/**
 * The province's outbox screen (issue 14 §3): the demo province is configured to deliver to a hub that does not
 * answer, so after one try every approved record is parked with the reason in words; the department's
 * administrator opens "Đồng bộ dữ liệu", sees the counts and the oldest undelivered record, retries one row and
 * parks another; an organisation's owner has no such page.
 */
const admin = 'admin@sokhcn.dongnai.gov.vn';
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const step = journeySteps();

/** A port nothing listens on: the hub that is down. */
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the outbox screen', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    buildBackOffice();
    server = await startServer({
      TXNG_HUB_URL: `http://127.0.0.1:${await deadPort()}`,
      TXNG_HUB_KEY: 'the-province-key-at-a-hub-that-is-down',
      TXNG_SYNC_MAX_ATTEMPTS: '1',
    });
    browser = await launchBrowser();
    desk = await newContext(browser, 'desktop');
    page = await desk.newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('the admin opens the page from the menu: counts by state, the oldest record, reasons in words', async () => {
    await signInAs(page, server.baseUrl, admin);
    await page.getByRole('link', { name: 'Đồng bộ dữ liệu', exact: true }).click();
    await page.getByRole('heading', { name: 'Đồng bộ dữ liệu' }).waitFor();
    const hub = page.getByRole('region', { name: 'Trung tâm dữ liệu (hub TXNG)' });
    await hub.waitFor();
    await expect.poll(() => hub.innerText(), { timeout: 30_000 }).toMatch(/Bản ghi chờ lâu nhất: Cơ sở /);
    await page.getByRole('combobox', { name: 'Tình trạng' }).click();
    await page.getByRole('option', { name: 'Đã dừng gửi' }).click();
    await page.getByText('Không kết nối được tới trung tâm dữ liệu.').first().waitFor();
    const body = await page.locator('main').innerText();
    expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ|undefined|null|NaN/);
    await screenshot(page, 'sync-outbox');
  });

  step('retry puts a parked row back in the queue; the audit log has it', async () => {
    await page.getByRole('button', { name: /^Gửi lại: / }).first().click();
    await page.getByText('Đã đưa bản ghi vào hàng chờ gửi lại').waitFor();
  });

  step('"Gửi toàn bộ dữ liệu đã duyệt" asks first, then says in words what each receiver will get', async () => {
    await page.getByRole('button', { name: 'Gửi toàn bộ dữ liệu đã duyệt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi toàn bộ dữ liệu đã duyệt' });
    await dialog.getByText('Bản ghi nơi nhận đã có sẽ không gửi lại.', { exact: false }).waitFor();
    await screenshot(page, 'sync-queue-all-confirm');
    await dialog.getByRole('button', { name: 'Đồng ý gửi' }).click();
    // the demo province queued everything as it was seeded: the hub has it all already
    await dialog.getByText('Không có gì mới cần gửi').waitFor();
    const said = await dialog.innerText();
    expect(said).toMatch(/Trung tâm dữ liệu \(hub TXNG\): đã có đủ, không cần gửi thêm/);
    expect(said).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|undefined|null|NaN|organisation|event/);
    await screenshot(page, 'sync-queue-all-done');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  });

  step("an organisation's owner has no outbox in the menu, and the address says no access", async () => {
    const other = await newContext(browser, 'desktop');
    const ownerPage = await other.newPage();
    await signInAs(ownerPage, server.baseUrl, owner);
    expect(await ownerPage.getByRole('link', { name: 'Đồng bộ dữ liệu' }).count()).toBe(0);
    await ownerPage.goto(`${server.baseUrl}/app/sync`);
    await expect.poll(() => ownerPage.locator('main').innerText()).not.toMatch(/Trung tâm dữ liệu/);
    await other.close();
  });
});
