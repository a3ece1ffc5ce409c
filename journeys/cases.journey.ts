import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, signInAs, startBackOfficeServer } from './support.ts';

/**
 * Fraud cases (issue 12 §3): a consumer reports a durian carton's stamp from the consumer page; an inspector finds
 * the report in the queue, opens its case, assigns it, handles it (the link to record an inspection is there), closes
 * it with an outcome, and records that the reporter was told by phone. The organisation has no way to the cases.
 */
const inspector = 'thanhtra@sokhcn.dongnai.gov.vn';
const owner = 'chunhiem@htx-chomchom-binhloc.vn';

function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}
// the demo packing house's durian cartons, serials 1–500 activated (src/demo/stamps.ts)
const durianCarton = withCheckDigit('0893601600020');
const serial = 40 + (Date.now() % 400);
const message = `Tem trên thùng sầu riêng có dấu bóc ra dán lại (${serial})`;

const step = journeySteps();

const signIn = (page: Page, baseUrl: string, email: string) => signInAs(page, baseUrl, email);

async function plainWords(page: Page) {
  const body = await page.locator('main').innerText();
  expect(body).not.toMatch(/urn:|[0-9a-f]{8}-[0-9a-f]{4}-|T\d\d:\d\d:\d\dZ|\/body\//);
}

describe('fraud cases in the back office', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let desktop: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    phone = await newContext(browser, 'phone');
    desktop = await newContext(browser, 'desktop');
    page = await desktop.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('a consumer reports the stamp from the consumer page, leaving a phone number', async () => {
    const consumer = await phone.newPage();
    await consumer.goto(`${server.baseUrl}/01/${durianCarton}/21/${serial}`);
    await consumer.locator('#message').fill(message);
    await consumer.locator('#phone').fill('0912 345 678');
    await consumer.getByRole('checkbox').check();
    await consumer.locator('form button[type=submit]').last().click();
    await consumer.waitForLoadState();
    await expect(consumer.locator('[role=status]').textContent()).resolves.toContain('Cảm ơn');
    await consumer.close();
  });

  step('the inspector finds it in the report queue, in a case', async () => {
    await signIn(page, server.baseUrl, inspector);
    await page.getByRole('link', { name: 'Vụ việc, phản ánh' }).click();
    await page.getByRole('heading', { name: 'Vụ việc nghi gian lận' }).waitFor();
    await screenshot(page, 'cases-1-list');
    await page.getByRole('tab', { name: 'Phản ánh của người tiêu dùng' }).click();
    const row = page.getByRole('row').filter({ hasText: message });
    await row.waitFor();
    // the inspector calls back: the number is shown whole
    await expect(row.innerText()).resolves.toContain('0912 345 678');
    await screenshot(page, 'cases-2-report-queue');
    await plainWords(page);
    await row.getByRole('link', { name: /^HS-/ }).click();
  });

  step('the case page shows the signal in words and the report; the inspector assigns and starts it', async () => {
    await page.getByText('Chờ phân loại').first().waitFor();
    await page.getByText(message).first().waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Người tiêu dùng phản ánh về tem số');
    await screenshot(page, 'cases-3-case-triage');
    await plainWords(page);
    await page.getByRole('button', { name: 'Giao xử lý' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Giao cho' }).click();
    await page.getByRole('option', { name: /Phạm Văn Kiểm/ }).click();
    await dialog.getByRole('button', { name: 'Giao xử lý' }).click();
    await page.getByText('Người xử lý: Phạm Văn Kiểm').waitFor();
    await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await page.getByText('Đang xử lý').first().waitFor();
    await expect(page.getByRole('link', { name: 'Ghi nhận kiểm tra' }).getAttribute('href')).resolves.toContain(
      '/inspections?caseId=',
    );
  });

  step('closing asks for the outcome; a short text is refused in words, then the case closes', async () => {
    await page.getByRole('button', { name: 'Kết thúc vụ việc' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Kết luận' }).click();
    await page.getByRole('option', { name: 'Xác định có gian lận' }).click();
    await dialog.getByRole('textbox', { name: 'Nội dung kết luận' }).fill('ok');
    await dialog.getByRole('button', { name: 'Kết thúc vụ việc' }).click();
    await dialog.getByRole('alert').waitFor();
    await screenshot(page, 'cases-4-close-refused');
    await dialog
      .getByRole('textbox', { name: 'Nội dung kết luận' })
      .fill('Tem bị sao chép; đã tạm đình chỉ dải tem và nhắc nhở cơ sở đóng gói');
    await dialog.getByRole('button', { name: 'Kết thúc vụ việc' }).click();
    await page.getByText('Cần báo kết quả cho người phản ánh').waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('qua số điện thoại 0912 345 678');
    await screenshot(page, 'cases-5-closed-to-tell');
    await page.getByRole('button', { name: 'Đã báo' }).click();
    await page.getByText('Đã báo người phản ánh').waitFor();
    await screenshot(page, 'cases-6-told');
    await plainWords(page);
  });

  step('the organisation has no cases in its menu, and the address is not for it', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, owner);
    await expect(page.getByRole('link', { name: 'Vụ việc, phản ánh' }).count()).resolves.toBe(0);
    const res = await page.request.get(`${server.baseUrl}/api/cases`);
    expect(res.status()).toBe(403);
  });
});
