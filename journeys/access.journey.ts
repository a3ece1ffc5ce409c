import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Role } from '../src/web/api/session.ts';
import { mayOpen, mayOpenPath, pageAccess } from '../src/web/layout/access.ts';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, journeySteps, launchBrowser, newContext, type RunningServer, screenshot, startBackOfficeServer } from './support.ts';

const accounts: Record<Exclude<Role, 'api_client'>, string> = {
  dost_admin: 'admin@sokhcn.dongnai.gov.vn',
  dost_reviewer: 'thamdinh@sokhcn.dongnai.gov.vn',
  sector_officer: 'nongnghiep@snnmt.dongnai.gov.vn',
  commune_officer: 'longkhanh@ubnd.dongnai.gov.vn',
  inspector: 'thanhtra@sokhcn.dongnai.gov.vn',
  org_owner: 'chunhiem@htx-chomchom-binhloc.vn',
  org_staff: 'nhanvien@htx-chomchom-binhloc.vn',
};

/**
 * The request each page cannot do without, where the API decides by role at the door: a role the menu shows the
 * page to gets 200, any other 403. Pages whose lists answer every role (each its own rows) are checked by the
 * permission the page needs instead (below).
 */
const doorOf: Record<string, string> = {
  '/': '/api/auth/me',
  '/organisations': '/api/organisations',
  '/locations': '/api/locations',
  '/products': '/api/products',
  '/lots': '/api/lots',
  '/stages': '/api/stock',
  '/users': '/api/users',
  '/api-keys': '/api/api-keys',
  '/audit': '/api/audit',
  '/checks': '/api/checks',
  '/inspection-plans': '/api/inspection-plans',
  '/news': '/api/news',
};

async function apiSignIn(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  expect(res.status).toBe(200);
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  return { cookie, me: (await res.json()) as { role: Role; permissions: string[] } };
}

const step = journeySteps();

describe('back office: what each role may open, and the audit log in words', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signInAs(role: keyof typeof accounts) {
    await context?.close();
    context = await newContext(browser, 'desktop');
    page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(accounts[role]);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();
  }

  const menu = () =>
    page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/^\/app/, '') || '/'));

  step('every demo role: each menu entry is a page the API lets that role open, and each page left out is refused', async () => {
    for (const [role, email] of Object.entries(accounts) as [keyof typeof accounts, string][]) {
      const { cookie, me } = await apiSignIn(server.baseUrl, email);
      expect(me.role).toBe(role);
      for (const entry of pageAccess) {
        const shown = mayOpen(entry, role);
        const door = doorOf[entry.to];
        if (door) {
          const res = await fetch(`${server.baseUrl}${door}`, { headers: { cookie } });
          expect({ role, page: entry.to, status: res.status }).toEqual({
            role,
            page: entry.to,
            status: shown ? 200 : 403,
          });
        }
      }
      // the review queue is for those who decide; the audit log for those the API grants a reading of it
      const decides = me.permissions.some((p) => p.startsWith('decide:'));
      expect({ role, review: mayOpenPath('/review', role) }).toEqual({ role, review: decides });
      const readsAudit = me.permissions.some((p) => p.startsWith('read:audit:'));
      expect({ role, audit: mayOpenPath('/audit', role) }).toEqual({ role, audit: readsAudit });
    }
  });

  step('a reviewer searches the audit log by a lot code and opens a difference in words', async () => {
    await signInAs('dost_reviewer');
    await page.goto(`${server.baseUrl}/app/audit`);
    await page.getByRole('textbox', { name: 'Tìm theo mã lô hoặc tên sản phẩm' }).fill('CC2606-01');
    const created = page.getByRole('row').filter({ hasText: /tạo lô CC2606-01/ });
    await created.waitFor();
    const rows = page.getByRole('row').filter({ hasText: /lô CC2606-01/ });
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'access-01-audit-search');
    await page.getByRole('row').filter({ hasText: /duyệt lô CC2606-01/ }).getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Trạng thái thẩm định').waitFor();
    await expect.poll(() => dialog.innerText()).toMatch(/Chờ thẩm định[\s\S]*Đã duyệt/);
    await screenshot(page, 'access-02-audit-difference-approve');
    await page.keyboard.press('Escape');
    await created.getByRole('button').click();
    await dialog.getByText('Ngày sản xuất').waitFor();
    const text = await page.getByRole('dialog').innerText();
    expect(text).toMatch(/Ngày sản xuất\s+\(trống\)\s+\d{2}\/\d{2}\/\d{4}/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}T|[{}]/);
    await screenshot(page, 'access-03-audit-difference-create');
  });

  step('an inspector and a commune officer see the menus of their roles, the audit log among them', async () => {
    for (const role of ['inspector', 'commune_officer'] as const) {
      await signInAs(role);
      const shown = await menu();
      expect(shown).toEqual(pageAccess.filter((p) => mayOpen(p, role)).map((p) => p.to));
      expect(shown).toContain('/audit');
      await page.goto(`${server.baseUrl}/app/audit`);
      await page.getByRole('row').nth(1).waitFor();
      await screenshot(page, `access-04-menu-${role}`);
    }
  });

  step('a staff member who opens the users page by its address is told so, with the way back and no buttons', async () => {
    await signInAs('org_staff');
    expect(await menu()).not.toContain('/users');
    await page.goto(`${server.baseUrl}/app/users`);
    await page.getByText('Bạn không có quyền mở trang này').waitFor();
    const main = page.locator('main');
    expect(await main.getByRole('button').count()).toBe(0);
    await main.getByRole('link', { name: 'Về trang tổng quan' }).waitFor();
    expect(await main.innerText()).not.toMatch(/403|forbidden/i);
    await screenshot(page, 'access-05-no-access');
    await main.getByRole('link', { name: 'Về trang tổng quan' }).click();
    await page.waitForURL(`${server.baseUrl}/app/`);
  });
});
