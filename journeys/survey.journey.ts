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
 * Surveys (issue 13 §2): the Long Khánh commune officer, on a 390-pixel phone, opens the demo survey, picks the
 * durian farm of Hàng Gòn (the one organisation of her wards not yet answered), is told which required question
 * she left out, answers every question, saves and sees it counted; she reopens the saved answers; the admin, at
 * a desk, reads the result per commune.
 */
const officer = 'longkhanh@ubnd.dongnai.gov.vn';
const admin = 'admin@sokhcn.dongnai.gov.vn';
const surveyTitle = 'Khảo sát hiện trạng áp dụng truy xuất nguồn gốc năm 2026';
const farm = 'Hộ kinh doanh Vườn sầu riêng Sáu Hậu';

const step = journeySteps();

describe('a survey filled on a phone', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let desk: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    phone = await newContext(browser, 'phone');
    desk = await newContext(browser, 'desktop');
    page = await phone.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const question = (n: number) => page.locator('[data-question]').nth(n);

  step('the commune officer opens the survey from the menu on her phone', async () => {
    await signInAs(page, server.baseUrl, officer);
    await page.getByRole('button', { name: 'Mở/đóng menu' }).click();
    await page.getByRole('link', { name: 'Khảo sát' }).click();
    await page.getByRole('heading', { name: 'Khảo sát hiện trạng và nhu cầu' }).waitFor();
    await screenshot(page, 'survey-phone-list');
    await page.getByRole('link', { name: surveyTitle }).click();
    await page.getByRole('heading', { name: surveyTitle }).waitFor();
    // her scope: the three organisations of the Long Khánh wards (the school kitchen's caterer among them), one answered by the demo
    await page.getByText('Kết quả — 1 / 3 tổ chức').waitFor();
    await screenshot(page, 'survey-phone-results-scope');
    await page.getByRole('link', { name: 'Điền phiếu' }).first().click();
    await page.getByTestId('done-count').getByText('Đã trả lời 1 / 3 tổ chức').waitFor();
  });

  step('she picks the durian farm; the page fits the phone and its controls are large', async () => {
    await page.getByLabel('Tổ chức được khảo sát', { exact: true }).first().click();
    await page.getByRole('option', { name: `${farm} — chưa trả lời` }).click();
    await question(4).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const save = await page.getByRole('button', { name: 'Lưu câu trả lời' }).boundingBox();
    expect(save!.height).toBeGreaterThanOrEqual(44);
    expect(save!.width).toBeGreaterThan(300);
    await screenshot(page, 'survey-phone-fill-empty');
    // yes/no is a full-width pair of large segments
    const yesNo = await question(0).locator('.mantine-SegmentedControl-root').boundingBox();
    expect(yesNo!.height).toBeGreaterThanOrEqual(44);
  });

  step('saving with a required question left out names that question, and stores nothing', async () => {
    await question(0).getByText('Có', { exact: true }).click();
    await page.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await question(1).getByText('câu «Cơ sở đang ghi chép, lưu thông tin sản xuất bằng cách nào?» cần được trả lời').waitFor();
    await question(3).getByText('câu «Sản lượng năm gần nhất» cần được trả lời').waitFor();
    await screenshot(page, 'survey-phone-fill-missing');
    await expect(page.getByTestId('done-count').innerText()).resolves.toBe('Đã trả lời 1 / 3 tổ chức');
  });

  step('she answers every question, saves, and sees the farm counted', async () => {
    await question(1).getByLabel('Sổ giấy').check();
    await question(2).getByLabel('Tập huấn').check();
    await question(2).getByLabel('Tem truy xuất').check();
    await question(3).getByRole('textbox').fill('85,5');
    await question(4).getByRole('textbox').fill('Cần hướng dẫn ghi nhật ký trên điện thoại.');
    await page.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await page.getByTestId('saved-note').getByText(`Đã lưu câu trả lời của ${farm}`).waitFor();
    await page.getByTestId('done-count').getByText('Đã trả lời 2 / 3 tổ chức').waitFor();
    await screenshot(page, 'survey-phone-fill-saved');
  });

  step('the saved answers reopen for her to change', async () => {
    await page.reload();
    await page.getByLabel('Tổ chức được khảo sát', { exact: true }).first().click();
    await page.getByRole('option', { name: `${farm} — đã trả lời` }).click();
    await page.getByTestId('saved-note').waitFor();
    await expect(question(1).getByLabel('Sổ giấy').isChecked()).resolves.toBe(true);
    await expect(question(2).getByLabel('Tem truy xuất').isChecked()).resolves.toBe(true);
    await expect(question(3).getByRole('textbox').inputValue()).resolves.toMatch(/^85[,.]5$/);
    await screenshot(page, 'survey-phone-fill-reopened');
  });

  step('the admin reads the result per commune', async () => {
    const adminPage = await desk.newPage();
    await signInAs(adminPage, server.baseUrl, admin);
    await adminPage.getByRole('link', { name: 'Khảo sát' }).click();
    await adminPage.getByRole('link', { name: surveyTitle }).click();
    await adminPage.getByRole('heading', { name: surveyTitle }).waitFor();
    await adminPage.getByText(/^Kết quả — 4 \/ \d+ tổ chức$/).waitFor();
    const table = adminPage.getByRole('table').filter({ hasText: 'Phường Hàng Gòn' });
    const row = table.getByRole('row').filter({ hasText: 'Phường Hàng Gòn' });
    // Hàng Gòn: one organisation reached, the farm, which answered yes
    await expect(row.innerText()).resolves.toMatch(/Phường Hàng Gòn\s+1\s+1\s+Có: 1 · Không: 0/);
    await screenshot(adminPage, 'survey-admin-results');
    await adminPage.getByText('Theo lĩnh vực').click();
    // every demo organisation reached is of agriculture: 7 reached, 4 answered (3 by the demo, the farm now)
    await adminPage.getByRole('row', { name: /^Nông nghiệp và Môi trường 7 4 / }).waitFor();
    await screenshot(adminPage, 'survey-admin-by-sector');
    await adminPage.close();
  });

  step('the admin reads the 2026 training courses and the pilot, and drafts a survey', async () => {
    const adminPage = await desk.newPage();
    await signInAs(adminPage, server.baseUrl, admin);
    await adminPage.getByRole('link', { name: 'Tập huấn' }).click();
    await adminPage.getByText('2 lớp, 51 lượt người tham dự, 7 tổ chức').waitFor();
    await screenshot(adminPage, 'training-list');
    await adminPage.getByRole('button', { name: 'Thêm lớp tập huấn' }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Thêm người' }).click();
    // a material uploaded as a file, kept by the files module as the department's own
    await dialog.getByRole('button', { name: 'Thêm tài liệu' }).click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'bai-giang-txng.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    await dialog.getByRole('button', { name: 'bai-giang-txng.pdf' }).waitFor();
    await expect(dialog.getByRole('textbox', { name: 'Tên tài liệu' }).inputValue()).resolves.toBe('bai-giang-txng.pdf');
    await screenshot(adminPage, 'training-form');
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Huỷ' }).click();
    await adminPage.getByRole('link', { name: 'Hỗ trợ' }).click();
    await adminPage.getByText('Thí điểm · 5 tổ chức', { exact: false }).waitFor();
    await screenshot(adminPage, 'support-list');
    await adminPage.getByRole('link', { name: 'Khảo sát' }).click();
    await adminPage.getByRole('button', { name: 'Tạo phiếu khảo sát' }).click();
    await adminPage.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await adminPage.getByRole('textbox', { name: 'Nội dung câu hỏi' }).fill('Cơ sở đang dùng loại tem nào?');
    const choices = adminPage.getByRole('combobox', { name: 'Các lựa chọn' });
    for (const choice of ['Tem giấy có mã QR', 'Tem điện tử', 'Chưa dùng tem']) {
      await choices.fill(choice);
      await choices.press('Enter');
    }
    await adminPage.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await adminPage.getByText('Đã lưu phiếu khảo sát').waitFor();
    await screenshot(adminPage, 'survey-designer');
    await adminPage.close();
  });
});
