import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, launchBrowser, newContext, type RunningServer, screenshot, startBackOfficeServer } from './support.ts';

/**
 * What a newcomer meets who sends a form empty or with too much in it: every message at once, beside its field,
 * in the field's own words; a number above the limit stays as typed and the field says the limit.
 */
describe('back office: form messages written for people', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    page = await (await newContext(browser, 'desktop')).newPage();
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('chunhiem@htx-chomchom-binhloc.vn');
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('TxngDemo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Every message shown under a field of the open dialog, in order. */
  const fieldMessages = (dialog: ReturnType<Page['getByRole']>) =>
    dialog.locator('.mantine-InputWrapper-error').allInnerTexts();

  const machineText = /\/body|uuid|field\.|\d{4}-\d\d-\d\dT|expected|Invalid/i;

  it('an empty product form asks for the GTIN and the name at once, and marks them with *', async () => {
    await page.goto(`${server.baseUrl}/app/products`);
    await page.getByRole('button', { name: 'Thêm sản phẩm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Vui lòng nhập tên sản phẩm').waitFor();
    expect(await fieldMessages(dialog)).toEqual(['Vui lòng nhập mã GTIN', 'Vui lòng nhập tên sản phẩm']);
    // Save sits at the foot of a long dialog: the first field to fix is brought into view and focused
    const gtinBox = dialog.getByRole('textbox', { name: 'Mã GTIN', exact: true });
    expect(await gtinBox.evaluate((el) => el === document.activeElement)).toBe(true);
    // the required fields carry Mantine's asterisk
    for (const name of ['Mã GTIN', 'Tên sản phẩm'])
      expect(await dialog.getByRole('textbox', { name, exact: true }).getAttribute('required')).not.toBeNull();
    await screenshot(page, 'form-messages-product-empty');

    // wrong values: all the server's messages at once, each beside its field, none of them machine text
    await dialog.getByRole('textbox', { name: 'Mã GTIN', exact: true }).fill('12345');
    await dialog.getByRole('textbox', { name: 'Tên sản phẩm', exact: true }).fill('A');
    const net = dialog.getByRole('textbox', { name: 'Định lượng', exact: true });
    await net.fill('-3');
    await net.blur();
    expect(await net.inputValue()).toBe('-3');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Định lượng phải lớn hơn 0').waitFor();
    const messages = await fieldMessages(dialog);
    expect(messages).toEqual([
      'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số, chữ số cuối là số kiểm tra đúng',
      'Tên sản phẩm phải có ít nhất 2 ký tự',
      'Định lượng phải lớn hơn 0',
    ]);
    expect(await dialog.getByTestId('problem').innerText()).not.toMatch(machineText);
    await screenshot(page, 'form-messages-product-wrong');
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
  });

  it('a stamp request over the limit keeps the number typed and says the limit', async () => {
    await page.goto(`${server.baseUrl}/app/stamps`);
    await page.getByRole('button', { name: 'Đề nghị cấp tem' }).first().click();
    const dialog = page.getByRole('dialog');
    const quantity = dialog.getByRole('textbox', { name: 'Số lượng tem', exact: true });
    await quantity.fill('5000000');
    await quantity.blur();
    expect(await quantity.inputValue()).toBe('5.000.000');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Tối đa 1.000.000 tem mỗi yêu cầu').waitFor();
    expect(await fieldMessages(dialog)).toEqual(['Vui lòng chọn sản phẩm', 'Tối đa 1.000.000 tem mỗi yêu cầu']);
    expect(await quantity.inputValue()).toBe('5.000.000');
    await screenshot(page, 'form-messages-stamp-over-limit');
  });

  it('a date is typed and shown day first, as written in Vietnam', async () => {
    await page.goto(`${server.baseUrl}/app/lots`);
    await page.getByRole('button', { name: 'Thêm lô hàng' }).click();
    const dialog = page.getByRole('dialog');
    const produced = dialog.getByRole('textbox', { name: 'Ngày sản xuất' });
    await produced.fill('05/12/2026');
    await dialog.getByRole('textbox', { name: 'Số lô', exact: true }).click();
    expect(await produced.inputValue()).toBe('05/12/2026');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Vui lòng chọn sản phẩm').waitFor();
    expect(await fieldMessages(dialog)).toEqual(['Vui lòng chọn sản phẩm', 'Vui lòng nhập số lô']);
    expect(await produced.inputValue()).toBe('05/12/2026');
    await screenshot(page, 'form-messages-lot-empty');
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
  });

  it('an import with Vietnamese headers lists every error of a row by its row and Vietnamese column', async () => {
    await page.goto(`${server.baseUrl}/app/import`);
    const csv = '\uFEFFMã GTIN,Tên sản phẩm,Định lượng\n12345,A,-2\n';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tệp Excel hoặc CSV' }).click();
    await (await chooser).setFiles({ name: 'san-pham.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const table = page.getByRole('table').first();
    await table.getByText('Tên sản phẩm phải có ít nhất 2 ký tự').waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^2 Mã GTIN Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số/),
      '2 Tên sản phẩm Tên sản phẩm phải có ít nhất 2 ký tự',
      '2 Định lượng Định lượng phải lớn hơn 0',
    ]);
    // the preview's columns are headed by their Vietnamese names, not the technical keys
    expect(await page.getByRole('columnheader', { name: 'Định lượng' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('columnheader', { name: 'net_quantity' }).count()).toBe(0);
    await screenshot(page, 'form-messages-import-errors');
  });
});
