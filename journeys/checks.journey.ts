import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, signInAs, startBackOfficeServer } from './support.ts';

/**
 * The automatic checks (issue 12 §3): a phone scans a durian carton's stamp with a serial never issued; the
 * department admin opens "Kiểm tra tự động" from the menu, sees the six checks with the schedule, runs the cloned
 * stamps check with "Chạy ngay", reads what it found in the row and the notice, and follows the notice to the fraud
 * cases, where the check's case is listed. The page reads on a phone too. An organisation owner has no menu entry
 * and meets the no-access page at its address.
 */
const admin = 'admin@sokhcn.dongnai.gov.vn';
const adminName = 'Quản trị hệ thống Sở KH&CN';
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const cloneStamps = 'Tem bị sao chép (quét bất thường)';

function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}
// the demo packing house's durian cartons (src/demo/stamps.ts): 1,000 serials issued, so this one never was
const durianCarton = withCheckDigit('0893601600020');
const unknownSerial = 500_000 + (Date.now() % 100_000);

const step = journeySteps();

const signIn = (page: Page, baseUrl: string, email: string) => signInAs(page, baseUrl, email);

/** No ids, machine names, JSON pointers or ISO times on the page. */
async function plainWords(page: Page) {
  const body = await page.locator('main').innerText();
  expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ|\/body\/|clone_stamps|mass_balance/);
}

describe('the automatic checks in the back office', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    // its answers are staged with page.route, which does not see what the back office's service worker fetches
    desktop = await newContext(browser, 'desktop', 'vi-VN', 'block');
    page = await desktop.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('a phone scans a durian carton stamp whose serial was never issued', async () => {
    const phone = await newContext(browser, 'phone');
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}/01/${durianCarton}/21/${unknownSerial}`);
    await consumer.waitForLoadState();
    await phone.close();
  });

  step('the department admin opens the checks from the menu: six checks, each explained, and the schedule', async () => {
    await signIn(page, server.baseUrl, admin);
    await page.getByRole('link', { name: 'Kiểm tra tự động' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra tự động' }).waitFor();
    await page.getByText('Các kiểm tra tự chạy theo lịch').waitFor();
    const rows = page.locator('main tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    for (const title of [
      cloneStamps,
      'Xuất nhiều hơn nhập (cân đối khối lượng)',
      'Thời gian không hợp lý',
      'Chứng nhận, OCOP hết hạn vẫn hiển thị',
      'Tem được quét ở tỉnh khác, xa nơi phân phối',
    ])
      await rows.filter({ hasText: title }).waitFor();
    await rows.filter({ hasText: /Sản phẩm bắt buộc truy xuất không có sự kiện trong \d+ ngày/ }).waitFor();
    const row = rows.filter({ hasText: cloneStamps });
    await expect(row.innerText()).resolves.toContain('số sê-ri chưa từng cấp');
    await screenshot(page, 'checks-1-list');
    await plainWords(page);
  });

  step('"Chạy ngay" runs the cloned stamps check: the notice counts the findings, the row shows the run', async () => {
    const row = page.locator('main tbody tr').filter({ hasText: cloneStamps });
    await row.getByRole('button', { name: /^Chạy ngay/ }).click();
    const notice = page.getByRole('alert').filter({ hasText: `Đã chạy xong: ${cloneStamps}` });
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toMatch(/Phát hiện \d+ trường hợp, đã đưa vào vụ việc/);
    await row.getByText(`chạy tay bởi ${adminName}`).waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(text).toMatch(/\d+ trường hợp phát hiện, trong đó \d+ trường hợp mới/);
    expect(text).toMatch(/Thời gian chạy: (dưới 1 giây|\d+ giây)/);
    await row.getByText('Xem các trường hợp đầu tiên').click();
    await row.getByText(/mang số sê-ri chưa từng được cấp/).waitFor();
    await screenshot(page, 'checks-2-ran');
    expect(await row.locator('details').getAttribute('open')).not.toBeNull();
    await plainWords(page);
    await notice.getByRole('link', { name: 'Xem vụ việc' }).click();
  });

  step('the notice leads to the fraud cases raised by the automatic checks, where this one is listed', async () => {
    await page.waitForURL(`${server.baseUrl}/app/cases?source=check`);
    await page.getByRole('heading', { name: 'Vụ việc nghi gian lận' }).waitFor();
    // the list comes filtered to the checks' cases, and says so in its source filter
    await expect(page.getByRole('combobox', { name: 'Nguồn' }).inputValue()).resolves.toBe('Kiểm tra tự động');
    await page.getByRole('row').filter({ hasText: 'Kiểm tra tự động: tem bị sao chép' }).first().waitFor();
    await screenshot(page, 'checks-3-cases');
  });

  // A check held by another process and a run that failed cannot be staged against one embedded database from a
  // browser: the page is given the answers the API gives then (the 409 problem, a run with its error).
  step('a check running elsewhere is told in the server’s words; a failed run says so in words', async () => {
    const busy = 'Kiểm tra này đang chạy ở một tiến trình khác, vui lòng thử lại sau ít phút';
    await page.route('**/api/checks/mass_balance/runs', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/problems/checks.busy', title: busy, status: 409 }),
      }),
    );
    await page.route('**/api/checks', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const timeline = body.items.find((i: { name: string }) => i.name === 'timeline');
      timeline.lastRun = {
        id: crypto.randomUUID(),
        check: 'timeline',
        trigger: 'schedule',
        requestedByName: null,
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        finishedAt: new Date(Date.now() - 3_590_000).toISOString(),
        durationMs: 10_000,
        findings: null,
        signalsCreated: null,
        sample: [],
        error: 'canceling statement due to statement timeout',
      };
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${server.baseUrl}/app/checks`);
    const rows = page.locator('main tbody tr');
    const mass = rows.filter({ hasText: 'Xuất nhiều hơn nhập' });
    await mass.getByRole('button', { name: /^Chạy ngay/ }).click();
    await mass.getByRole('alert').filter({ hasText: busy }).waitFor();
    const failed = rows.filter({ hasText: 'Thời gian không hợp lý' });
    await failed.getByText('Lỗi: kiểm tra không chạy xong').waitFor();
    await expect(failed.innerText()).resolves.toMatch(/theo lịch[\s\S]*Thời gian chạy: 10 giây/);
    await screenshot(page, 'checks-5-busy-and-failed');
    await page.unrouteAll();
  });

  step('on a phone the checks read as cards, nothing wider than the screen', async () => {
    const phone = await newContext(browser, 'phone');
    const small = await phone.newPage();
    await signIn(small, server.baseUrl, admin);
    await small.goto(`${server.baseUrl}/app/checks`);
    const cards = small.locator('main li[data-check]');
    await expect.poll(() => cards.count()).toBe(6);
    await cards.filter({ hasText: cloneStamps }).getByText(`chạy tay bởi ${adminName}`).waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(small, 'checks-4-phone');
    await plainWords(small);
    await phone.close();
  });

  step('an organisation owner has no checks in the menu, and the address shows the no-access page', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, owner);
    await expect(page.getByRole('link', { name: 'Kiểm tra tự động' }).count()).resolves.toBe(0);
    await page.goto(`${server.baseUrl}/app/checks`);
    await page.getByText('Bạn không có quyền mở trang này').waitFor();
    expect(await page.locator('main').getByRole('button', { name: /Chạy ngay/ }).count()).toBe(0);
    await screenshot(page, 'checks-6-owner-no-access');
    expect((await page.request.get(`${server.baseUrl}/api/checks`)).status()).toBe(403);
  });
});
