import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, startBackOfficeServer } from './support.ts';

/**
 * Catalogues (issue 12 §1): the agriculture department's officer issues a version of a mandatory list (durian by
 * name), and the compliance view of the version in force names, organisation by organisation, what each lacks.
 */
const officer = 'nongnghiep@snnmt.dongnai.gov.vn';
const title = `Danh mục sầu riêng bắt buộc truy xuất ${String(Date.now()).slice(-5)}`;

const step = journeySteps();

describe('catalogues in the back office', needs('Chromium', chromiumMissing()), () => {
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

  step('the sector officer issues a list version (drafted, submitted, approved)', async () => {
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(officer);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();
    // the officer's own session issues it through the API (the page's editor: journeys/enforcement.journey.ts)
    const issued = await page.evaluate(async (listTitle) => {
      const me = await (await fetch('/api/auth/me')).json();
      const send = async (method: string, url: string, body?: object) => {
        const res = await fetch(url, {
          method,
          headers: body
            ? { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }
            : { 'x-csrf-token': me.csrfToken },
          body: body ? JSON.stringify(body) : undefined,
        });
        if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
        return res.json();
      };
      const list = await send('POST', '/api/catalogues/lists', {
        sector: 'agriculture',
        kind: 'mandatory',
        title: listTitle,
      });
      const version = await send('POST', `/api/catalogues/lists/${list.id}/versions`, {
        decisionNumber: '3001/QĐ-UBND',
        decisionDate: '2026-12-01',
        signer: 'Phó Chủ tịch UBND tỉnh',
        effectiveFrom: '2026-12-01',
        items: [{ match: 'name', value: 'Sầu riêng' }],
      });
      await send('POST', `/api/catalogues/versions/${version.id}/submit`);
      return send('POST', `/api/catalogues/versions/${version.id}/decision`, { decision: 'approve' });
    }, title);
    expect(issued.state).toBe('approved');
  });

  step('the compliance view names each gap with the organisation, and exports it', async () => {
    await page.getByRole('link', { name: 'Danh mục truy xuất' }).click();
    await page.getByRole('heading', { name: 'Danh mục truy xuất' }).waitFor();
    await page.getByLabel('Danh mục', { exact: true }).first().click();
    await page.getByRole('option', { name: new RegExp(title) }).click();
    await page.getByText('Đang có hiệu lực').waitFor();
    const table = page.getByRole('table', { name: 'Mức độ đáp ứng truy xuất' });
    await table.waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
    const text = await table.innerText();
    expect(text).toContain('Sầu riêng Ri6');
    expect(text).toMatch(/chưa (có hệ thống truy xuất|dùng tem)|không có sự kiện trong 90 ngày|dữ liệu chưa được duyệt/);
    const body = await page.locator('main').innerText();
    expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ|\/body\//);
    await screenshot(page, 'catalogues-1-compliance');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    const file = await download.path();
    expect(fs.statSync(file!).size).toBeGreaterThan(1000);
  });
});
