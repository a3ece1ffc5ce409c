import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import {
  chromiumMissing,
  journeySteps,
  launchBrowser,
  newContext,
  type RunningServer,
  screenshot,
  signInAs,
  startBackOfficeServer,
} from './support.ts';

/**
 * The province's plan in the back office (issue 13 §1): the department's administrator opens the Đồng Nai 2026–2030
 * plan, adds an indicator computed by a formula chosen in words and sets its yearly targets, enters a hand value with
 * its source, and marks a task done; a commune officer reads the plan without a button to change it; an
 * organisation's owner cannot open the page.
 */
const admin = 'admin@sokhcn.dongnai.gov.vn';
const commune = 'longkhanh@ubnd.dongnai.gov.vn';
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const code = `T${String(Date.now()).slice(-4)}`;
const step = journeySteps();

async function plainWords(page: Page) {
  const body = await page.locator('main').innerText();
  expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ|\/body\/|undefined|null|NaN/);
}

describe('the plan as configuration', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    desk = await newContext(browser, 'desktop');
    page = await desk.newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('the admin opens the plan from the menu: its title, period, indicators with yearly targets', async () => {
    await signInAs(page, server.baseUrl, admin);
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByText('Giai đoạn 2026 – 2030').waitFor();
    await expect(page.getByText(/thành phố Đồng Nai giai đoạn 2026 - 2030/).first().isVisible()).resolves.toBe(true);
    await page.getByRole('columnheader', { name: 'Mục tiêu 2030' }).waitFor();
    await page.getByRole('cell', { name: /^Tỷ lệ sản phẩm thuộc danh mục bắt buộc/ }).waitFor();
    await plainWords(page);
    await screenshot(page, 'plan-1-indicators');
  });

  step('adds an indicator computed by a formula chosen in words, then its targets for each year', async () => {
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Mã chỉ tiêu' }).fill(code);
    await dialog
      .getByRole('textbox', { name: 'Tên chỉ tiêu' })
      .fill('Tỷ lệ tổ chức dùng mã số mã vạch áp dụng hệ thống truy xuất phù hợp');
    await dialog.getByRole('combobox', { name: 'Cách tính' }).click();
    await page.getByRole('option', { name: /sử dụng mã số mã vạch áp dụng hệ thống/ }).click();
    await dialog.getByText(/TCVN 12850:2019/).waitFor();
    await screenshot(page, 'plan-2-indicator-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(code) });
    await row.getByRole('button', { name: /Thao tác/ }).click();
    await page.getByRole('menuitem', { name: 'Đặt mục tiêu theo năm' }).click();
    const targets = page.getByRole('dialog');
    await targets.getByRole('textbox', { name: 'Mục tiêu năm 2026' }).fill('30');
    await targets.getByRole('textbox', { name: 'Mục tiêu năm 2030' }).fill('70');
    await targets.getByRole('button', { name: 'Lưu' }).click();
    await targets.waitFor({ state: 'detached' });
    await row.getByRole('cell', { name: '≥ 70 %' }).waitFor();
    await row.getByText(/Đạt|Chưa đạt|Chưa có số liệu/).first().waitFor();
  });

  step('enters a hand value with its source; the table shows it beside its target', async () => {
    const row = page.getByRole('row', { name: /II\.2\.a/ });
    await row.getByRole('button', { name: /Thao tác/ }).click();
    await page.getByRole('menuitem', { name: 'Nhập số liệu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // nothing typed: the form says what is missing, in words, before sending
    await dialog.getByText('Vui lòng nhập nguồn số liệu').waitFor();
    await dialog.getByRole('textbox', { name: 'Giá trị' }).fill('85');
    await dialog.getByRole('textbox', { name: 'Nguồn số liệu' }).fill('Báo cáo tập huấn năm 2026 của Sở KH&CN');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('85 %').waitFor();
    await row.getByText('Chưa đạt').waitFor();
    await plainWords(page);
    await screenshot(page, 'plan-3-values');
  });

  step('the tasks tab: an overdue task, its state changed in the row', async () => {
    await page.getByRole('tab', { name: 'Nhiệm vụ' }).click();
    const report = page.getByRole('row', { name: /Tổng hợp tình hình thực hiện/ });
    await report.getByText('Quá hạn').waitFor();
    await report.getByRole('combobox', { name: /Tình trạng của nhiệm vụ/ }).click();
    // the last row's list opens at the very foot of the page, where Chromium keeps moving it as it scrolls it into
    // view (the click then waits for it to stand still until the step's time runs out): the option is clicked where
    // it is
    await page.getByRole('option', { name: 'Hoàn thành' }).dispatchEvent('click');
    await expect
      .poll(async () => report.getByText('Quá hạn').count(), { timeout: 10_000 })
      .toBe(0);
    await plainWords(page);
    await screenshot(page, 'plan-4-tasks');
  });

  step('a commune officer reads the plan without a button to change it', async () => {
    const other = await desk.browser()!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const p = await other.newPage();
    await signInAs(p, server.baseUrl, commune);
    await p.goto(`${server.baseUrl}/app/plan`);
    await p.getByText('Giai đoạn 2026 – 2030').waitFor();
    await p.getByText(/Bạn chỉ được xem kế hoạch/).waitFor();
    expect(await p.getByRole('button', { name: 'Thêm chỉ tiêu' }).count()).toBe(0);
    await screenshot(p, 'plan-5-commune');
    await other.close();
  });

  step("an organisation's owner has no Kế hoạch in the menu and cannot open the page", async () => {
    const other = await desk.browser()!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const p = await other.newPage();
    await signInAs(p, server.baseUrl, owner);
    expect(await p.getByRole('link', { name: 'Kế hoạch', exact: true }).count()).toBe(0);
    await p.goto(`${server.baseUrl}/app/plan`);
    await p.getByText(/không có quyền|Không có quyền/).first().waitFor();
    expect(await p.getByText('Giai đoạn 2026 – 2030').count()).toBe(0);
    await other.close();
  });
});
