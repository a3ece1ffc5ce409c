import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { buildBackOffice, chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, startServer } from './support.ts';

/** Where to look for inputs: the open dialog if there is one. */
const scope = async (page: Page) => {
  const dialogs = page.getByRole('dialog');
  return (await dialogs.count()) ? dialogs.last() : page;
};

async function fill(page: Page, name: string, value: string) {
  await (await scope(page)).getByRole('textbox', { name, exact: true }).first().fill(value);
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/app/sign-in`);
  await fill(page, 'Email', email);
  await fill(page, 'Mật khẩu', password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const admin = 'admin@sokhcn.dongnai.gov.vn';
const staff = 'nhanvien@htx-chomchom-binhloc.vn';
const inspector = 'thanhtra@sokhcn.dongnai.gov.vn';

/** The reset link of the newest mail to this address in the outbox (no SMTP server: mails are .eml files). */
function linkMailedTo(outbox: string, email: string): string | null {
  const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).sort().reverse() : [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(outbox, file), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    if (!text.includes(`To: ${email}`)) continue;
    const link = /https?:\/\/\S+\/app\/reset-password\?token=[\w-]+/.exec(text);
    if (link) return link[0];
  }
  return null;
}

const step = journeySteps();

describe('back office: passwords and sessions', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-journey-mail-'));
  const resetPassword = 'Chom-chom-Binh-Loc-mua-moi';
  const changedPassword = 'Vuon-chom-chom-xanh-2027';
  const temporary = 'Tam-thoi-doi-ngay-2026';

  beforeAll(async () => {
    buildBackOffice();
    server = await startServer({ TXNG_MAIL_DIR: outbox });
    browser = await launchBrowser();
    desktop = await newContext(browser, 'desktop');
    page = await desktop.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  step('a staff member who forgot the password asks for a link, with an answer that names no account', async () => {
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    // The page is its own chunk: type only once it is there, not into the sign-in form it replaces.
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
    await fill(page, 'Email', staff);
    await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    await page.getByTestId('reset-mail-sent').waitFor();
    await shot(page, 'account-01-forgot-sent');
  });

  step('the mail’s link sets a new password, and the sign-in page says so', async () => {
    let link: string | null = null;
    for (let i = 0; i < 50 && !link; i++) {
      link = linkMailedTo(outbox, staff);
      if (!link) await page.waitForTimeout(100);
    }
    expect(link).not.toBeNull();
    await page.goto(link!);
    await fill(page, 'Mật khẩu mới', resetPassword);
    await fill(page, 'Nhập lại mật khẩu mới', resetPassword);
    await shot(page, 'account-02-reset-form');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByTestId('password-reset-done').waitFor();
    await shot(page, 'account-03-reset-done');
    await fill(page, 'Email', staff);
    await fill(page, 'Mật khẩu', resetPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();
  });

  step('the same link does not work twice', async () => {
    const link = linkMailedTo(outbox, staff)!;
    const again = await browser.newContext();
    const other = await again.newPage();
    await other.goto(link);
    await fill(other, 'Mật khẩu mới', `${resetPassword}-2`);
    await fill(other, 'Nhập lại mật khẩu mới', `${resetPassword}-2`);
    await other.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await expect
      .poll(async () => (await other.getByTestId('problem').count()) > 0, { timeout: 10_000 })
      .toBe(true);
    expect(await other.getByTestId('problem').innerText()).toContain('không còn dùng được');
    await screenshot(other, 'account-04-link-used');
    await again.close();
  });

  step('the person changes the password from the account menu; a wrong current one is named', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
    await fill(page, 'Mật khẩu hiện tại', 'khong-phai-mat-khau');
    await fill(page, 'Mật khẩu mới', changedPassword);
    await fill(page, 'Nhập lại mật khẩu mới', changedPassword);
    await page.getByRole('dialog').getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('mật khẩu hiện tại không đúng').first().waitFor();
    await shot(page, 'account-05-change-wrong-current');
    await fill(page, 'Mật khẩu hiện tại', resetPassword);
    await page.getByRole('dialog').getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu').first().waitFor();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  step('a session that ends while a page is open leads to sign-in, with a note, and back', async () => {
    await page.goto(`${server.baseUrl}/app/lots`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // the session ends on the server side (as an expiry would): the browser still shows the page
    await desktop.clearCookies({ name: 'txng_session' });
    await page.getByRole('link', { name: 'Sản phẩm' }).click();
    await page.getByTestId('session-expired').waitFor();
    expect(await page.getByTestId('session-expired').innerText()).toBe(
      'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại',
    );
    await shot(page, 'account-06-session-expired');
    await fill(page, 'Email', staff);
    await fill(page, 'Mật khẩu', changedPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/app\/products/);
    await page.getByTestId('account-menu').waitFor();
  });

  step('the department sets a temporary password; the person must choose their own before anything else', async () => {
    await desktop.clearCookies();
    await signIn(page, server.baseUrl, admin, demoPassword);
    await page.getByTestId('account-menu').waitFor();
    await page.goto(`${server.baseUrl}/app/users`);
    const row = page.getByRole('row').filter({ hasText: inspector });
    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page.getByRole('dialog').getByText('Mật khẩu tạm thời', { exact: true }).click();
    await fill(page, 'Mật khẩu tạm thời', temporary);
    await shot(page, 'account-07-admin-temporary');
    await page.getByRole('dialog').getByRole('button', { name: 'Đặt mật khẩu tạm thời' }).click();
    await page.getByText('Đã đặt mật khẩu tạm thời').first().waitFor();

    await desktop.clearCookies();
    await signIn(page, server.baseUrl, inspector, temporary);
    await page.getByRole('heading', { name: 'Đặt mật khẩu của bạn' }).waitFor();
    await shot(page, 'account-08-temporary-must-change');
    await fill(page, 'Mật khẩu hiện tại', temporary);
    await fill(page, 'Mật khẩu mới', changedPassword);
    await fill(page, 'Nhập lại mật khẩu mới', changedPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByTestId('account-menu').waitFor();
  });
});
