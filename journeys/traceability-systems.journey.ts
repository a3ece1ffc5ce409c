import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, signInAs, startBackOfficeServer } from './support.ts';

/**
 * The registry of traceability systems in use (capability 4, issue 12): the rambutan cooperative's owner records the
 * system it uses with its self-declaration against TCVN 12850:2019 and Circular 02/2024; the commune officer of
 * Long Khánh and the department read the counts by sector and commune and export them.
 */
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const communeOfficer = 'longkhanh@ubnd.dongnai.gov.vn';
const reviewer = 'thamdinh@sokhcn.dongnai.gov.vn';
const systemName = `Sổ điện tử HTX ${String(Date.now()).slice(-5)}`;

const step = journeySteps();

const signIn = (page: Page, baseUrl: string, email: string) => signInAs(page, baseUrl, email);

/** No ids, JSON pointers or ISO times in what people read. */
async function plainWords(page: Page) {
  const body = await page.locator('main').innerText();
  expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ|\/body\//);
}

describe('traceability systems in the back office', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;

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

  step('the cooperative has none yet: the page says so, and the menu leads there', async () => {
    await signIn(page, server.baseUrl, owner);
    await page.getByRole('link', { name: 'Hệ thống truy xuất' }).click();
    await page.getByRole('heading', { name: 'Hệ thống truy xuất' }).waitFor();
    await page.getByText('Chưa có hệ thống truy xuất nguồn gốc nào được ghi nhận').waitFor();
    await screenshot(page, 'tsystems-1-empty');
  });

  step('the owner records its system: a provider, principles and data items ticked, a date', async () => {
    await page.getByRole('button', { name: 'Ghi nhận hệ thống' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // the name is required: the field is marked, in words, not a bare code
    await expect
      .poll(() => dialog.getByRole('textbox', { name: /Tên hệ thống/ }).getAttribute('aria-invalid'))
      .toBe('true');
    await dialog.getByRole('textbox', { name: /Tên hệ thống/ }).fill(systemName);
    await dialog.getByRole('textbox', { name: 'Tên nhà cung cấp' }).fill('Công ty Phần mềm Nông nghiệp (giả định)');
    await dialog.getByRole('checkbox', { name: 'Truy xuất một bước trước – một bước sau' }).check();
    await dialog.getByRole('checkbox', { name: 'Minh bạch' }).check();
    await dialog.getByRole('checkbox', { name: '1. Tên sản phẩm' }).check();
    await dialog.getByRole('checkbox', { name: '7. Mã truy vết' }).check();
    await dialog.getByRole('textbox', { name: 'Ngày tự công bố' }).fill('01/12/2026');
    await screenshot(page, 'tsystems-2-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: new RegExp(systemName) });
    await row.waitFor();
    await row.getByText('Đáp ứng một phần').waitFor();
    await row.getByText('Nguyên tắc 2/4 · thông tin 2/10').waitFor();
    await row.getByText('01/12/2026').waitFor();
    await plainWords(page);
    await screenshot(page, 'tsystems-3-list-owner');
  });

  step('the commune officer reads the counts of their communes only', async () => {
    const officer = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const p = await officer.newPage();
    await signIn(p, server.baseUrl, communeOfficer);
    await p.goto(`${server.baseUrl}/app/traceability-systems`);
    await p.getByRole('tab', { name: 'Thống kê theo lĩnh vực và xã, phường' }).click();
    const table = p.getByRole('table', { name: 'Thống kê theo lĩnh vực và xã, phường' });
    await table.getByText('Tổng cộng').waitFor();
    const api = await (await officer.request.get(`${server.baseUrl}/api/traceability-systems/counts`)).json();
    // the rambutan cooperative sits in Bình Lộc: it and its new system are counted, and only Long Khánh's wards are
    expect(api.rows.length).toBeGreaterThan(0);
    for (const r of api.rows) expect(r.communeName).toMatch(/^Phường (Long Khánh|Bình Lộc|Bảo Vinh|Xuân Lập|Hàng Gòn)$/);
    expect(api.totals.withSystem).toBeGreaterThan(0);
    await plainWords(p);
    await screenshot(p, 'tsystems-4-counts-commune');
    await officer.close();
  });

  step('the department sees every organisation, declared and observed connection, and exports the counts', async () => {
    const department = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const p = await department.newPage();
    await signIn(p, server.baseUrl, reviewer);
    await p.goto(`${server.baseUrl}/app/traceability-systems`);
    await p.getByRole('row', { name: /Phần mềm quản lý vùng trồng và TXNG/ }).first().waitFor();
    await p.getByRole('row', { name: new RegExp(systemName) }).waitFor();
    await expect.poll(() => p.getByText(/Hệ thống ghi nhận:/).count()).toBeGreaterThan(1);
    await plainWords(p);
    await screenshot(p, 'tsystems-5-list-department');
    await p.getByRole('tab', { name: 'Thống kê theo lĩnh vực và xã, phường' }).click();
    await p.getByText('Tổng cộng').waitFor();
    await screenshot(p, 'tsystems-6-counts-department');
    const download = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Xuất Excel' }).click();
    const file = await (await download).path();
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect(path.basename((await download).suggestedFilename())).toBe('he-thong-truy-xuat.xlsx');
    await department.close();
  });
});
