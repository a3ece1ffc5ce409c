import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, startBackOfficeServer } from './support.ts';

/**
 * The review loop (issue 11 §3): the owner's form shows what approval needs, the reviewer reads the whole record
 * beside the checks and returns it with a reason, the owner fixes it and resubmits, the reviewer approves.
 */
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const reviewer = 'thamdinh@sokhcn.dongnai.gov.vn';

function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}

const dialog = (page: Page) => page.getByRole('dialog').last();

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/app/sign-in`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('account-menu').waitFor();
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const step = journeySteps();

describe('review: what approval needs, the whole record, return and approval', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  // under the demo rambutan cooperative's GS1 company prefix
  const gtin = withCheckDigit(`8936014${String(Date.now()).slice(-5)}`);
  const name = `Chôm chôm sấy dẻo ${String(Date.now()).slice(-4)}`;
  const reason = 'Bổ sung tiêu chuẩn áp dụng (TCVN hoặc TCCS) trước khi duyệt';
  const title = new RegExp(`^${name} \\(GTIN 0?${gtin}\\)$`);

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

  step('the owner opens a product form and sees what approval needs, live', async () => {
    await signIn(page, server.baseUrl, owner);
    await page.goto(`${server.baseUrl}/app/products`);
    await page.getByRole('button', { name: 'Thêm sản phẩm' }).click();
    const summary = dialog(page).getByTestId('approval-needs');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toContain('TT02 mục 2: có ảnh sản phẩm');
    expect(await dialog(page).getByTestId('approval-mark-images').innerText()).toBe('Cần để được duyệt');
    expect(await dialog(page).getByTestId('approval-mark-brand').innerText()).toBe('Nên có khi thẩm định');
    await shot(page, 'review-01-empty-form-needs');

    await dialog(page).getByRole('textbox', { name: 'Mã GTIN', exact: true }).fill(gtin);
    await dialog(page).getByRole('textbox', { name: 'Tên sản phẩm', exact: true }).fill(name);
    await dialog(page).getByRole('textbox', { name: 'Nhãn hiệu', exact: true }).fill('Bình Lộc');
    const photo = await sharp({ create: { width: 480, height: 360, channels: 3, background: { r: 190, g: 30, b: 50 } } })
      .png()
      .toBuffer();
    await page.locator('input[type=file]').setInputFiles({ name: 'chom-chom-say.png', mimeType: 'image/png', buffer: photo });
    await dialog(page).getByRole('img').first().waitFor();
    // the image is given now; the applied standards are still missing
    await expect.poll(() => summary.innerText()).toContain('Còn thiếu 2 mục');
    await summary.scrollIntoViewIfNeeded();
    await shot(page, 'review-02-form-standards-missing');
    await dialog(page).getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name }).waitFor();
  });

  step('the owner submits: the pre-check of the standards is "Chưa đạt", not a warning', async () => {
    await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: 'Gửi thẩm định' }).click();
    const checks = dialog(page).getByTestId('pre-checks');
    await checks.waitFor();
    expect(await checks.innerText()).toMatch(/Chưa đạt: TT02 mục 10/);
    expect(await checks.innerText()).not.toMatch(/Cảnh báo: TT02 mục 10/);
    await shot(page, 'review-03-pre-checks');
    await dialog(page).getByRole('button', { name: 'Gửi thẩm định' }).click();
    await page.getByText('Đã gửi thẩm định').first().waitFor();
  });

  step('the reviewer reads the whole record with its image beside the checks and returns it with a reason', async () => {
    await signIn(page, server.baseUrl, reviewer);
    await page.goto(`${server.baseUrl}/app/review`);
    await page.getByRole('button', { name: title }).click();
    const record = page.getByTestId('review-record');
    await record.waitFor();
    const text = await record.innerText();
    expect(text).toContain(name);
    expect(text).toContain('Bình Lộc');
    expect(text).toContain(gtin);
    expect(text).toContain('chom-chom-say.png');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.getByTestId('record-thumbnail').first().locator('img').waitFor();
    expect(await page.getByRole('button', { name: 'Phê duyệt' }).isDisabled()).toBe(true);
    await shot(page, 'review-04-reviewer-whole-record');
    await page.getByTestId('record-thumbnail').first().click();
    await page.getByRole('dialog', { name: 'Ảnh sản phẩm' }).getByRole('img', { name: 'chom-chom-say.png' }).waitFor();
    await shot(page, 'review-05-image-larger');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Lý do' }).fill(reason);
    await page.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await page.getByText('Đã ghi nhận quyết định').first().waitFor();
    await page.getByRole('button', { name: title }).waitFor({ state: 'detached' });
  });

  step('the owner reads why, adds the standards (nothing missing now) and resubmits', async () => {
    await signIn(page, server.baseUrl, owner);
    await page.goto(`${server.baseUrl}/app/products`);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText(reason).waitFor();
    await shot(page, 'review-06-owner-sees-reason');
    await row.getByRole('button', { name: 'Sửa' }).click();
    await dialog(page).getByText(reason).waitFor();
    await dialog(page).getByRole('textbox', { name: 'Tiêu chuẩn áp dụng', exact: true }).fill('TCVN 10387:2014');
    await dialog(page).getByRole('textbox', { name: 'Hạn dùng (ngày)', exact: true }).fill('180');
    const summary = dialog(page).getByTestId('approval-needs');
    await expect.poll(() => summary.innerText()).toContain('Đã đủ các mục cần để được duyệt');
    await summary.scrollIntoViewIfNeeded();
    await shot(page, 'review-07-owner-fixed');
    await dialog(page).getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await dialog(page).getByTestId('pre-checks').waitFor();
    expect(await dialog(page).getByTestId('pre-checks').innerText()).not.toContain('Chưa đạt');
    await dialog(page).getByRole('button', { name: 'Gửi thẩm định' }).click();
    await page.getByText('Đã gửi thẩm định').first().waitFor();
  });

  step('the reviewer sees the history and approves', async () => {
    await signIn(page, server.baseUrl, reviewer);
    await page.goto(`${server.baseUrl}/app/review`);
    await page.getByRole('button', { name: title }).click();
    await page.getByTestId('review-record').getByText('TCVN 10387:2014').waitFor();
    await page.getByText(reason).first().waitFor();
    await shot(page, 'review-08-resubmitted');
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('button', { name: title }).waitFor({ state: 'detached' });
  });

  step('an edit of the published product shows the reviewer what changed', async () => {
    await signIn(page, server.baseUrl, owner);
    await page.goto(`${server.baseUrl}/app/products`);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Sửa' }).click();
    await dialog(page).getByRole('textbox', { name: 'Nhãn hiệu', exact: true }).fill('Bình Lộc Xanh');
    await dialog(page).getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await dialog(page).getByTestId('pre-checks').waitFor();
    await dialog(page).getByRole('button', { name: 'Gửi thẩm định' }).click();
    await page.getByText('Đã gửi thẩm định').first().waitFor();

    await signIn(page, server.baseUrl, reviewer);
    await page.goto(`${server.baseUrl}/app/review`);
    await page.getByRole('button', { name: title }).click();
    const changed = page.getByTestId('review-record').locator('[data-changed]');
    await changed.first().waitFor();
    expect(await changed.count()).toBe(1);
    expect(await changed.innerText()).toContain('Bản đang công bố: Bình Lộc');
    await shot(page, 'review-09-changes-highlighted');
  });
});
