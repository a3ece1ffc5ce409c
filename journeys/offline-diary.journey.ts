import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import {
  chromiumMissing,
  demoPassword,
  journeySteps,
  launchBrowser,
  newContext,
  type RunningServer,
  signInAs,
  startBackOfficeServer,
} from './support.ts';

/**
 * The diary where there is no signal (issue 16 §5, decision 061), on a phone: the farmer signs in online, the
 * network goes (for the page and its service worker alike), two diary entries are written, one with a photo from
 * the camera, and wait on the phone; a reload without network opens the app from the phone with the two still
 * waiting. Meanwhile the office records a spraying, so a harvest written offline is refused when the network
 * returns: the two entries are sent once each (the API holds exactly one row of each), the harvest is shown in
 * words, fixed (a day before the spraying) and recorded.
 */
const owner = 'chunhiem@htx-chomchom-binhloc.vn';
const staff = 'nhanvien@htx-chomchom-binhloc.vn';
const plotName = 'Vùng trồng chôm chôm Bình Lộc';
const wateringNote = 'Tưới gốc buổi sáng, ghi khi mất sóng';
const manureName = 'Phân chuồng hoai (ghi khi mất sóng)';
const sprayName = 'Ridomil Gold 68WG';
const secondPlot = `Vườn chôm chôm số 2 (${Date.now().toString(36)})`;
const productName = 'Chôm chôm Long Khánh tươi';
const stageLot = `OFF${Date.now().toString(36).toUpperCase().slice(-6)}`;
const shots = process.env.TXNG_SHOTS_DIR ?? '/tmp/shots/offline-diary';

const step = journeySteps();

async function shot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function apiAs(request: APIRequestContext, baseUrl: string, email: string) {
  const signIn = await request.post(`${baseUrl}/api/auth/sign-in`, { data: { email, password: demoPassword } });
  expect(signIn.status()).toBe(200);
  const me = await (await request.get(`${baseUrl}/api/auth/me`)).json();
  return {
    post: async (url: string, data: unknown) => {
      const res = await request.post(`${baseUrl}${url}`, { data, headers: { 'x-csrf-token': me.csrfToken } });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    },
    get: async (url: string) => (await request.get(`${baseUrl}${url}`)).json(),
  };
}

/** Today and yesterday in Vietnam, as the API and as the form write them. */
const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const typed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('the diary where there is no signal', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let office: BrowserContext;
  let page: Page;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let plotId = '';
  let before: { id: string }[] = [];
  const season = String(new Date().getFullYear());
  const violations: string[] = [];

  const diary = async () =>
    (await api.get(`/api/diary?locationId=${plotId}&season=${season}&pageSize=100`)).items as {
      id: string;
      kind: string;
      note: string | null;
      inputName: string | null;
      entryDate: string;
      photos: unknown[];
    }[];

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    phone = await newContext(browser, 'phone');
    office = await newContext(browser, 'desktop');
    page = await phone.newPage();
    // the back office's policy still holds with the worker and the manifest: any violation is collected
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    api = await apiAs(office.request, server.baseUrl, staff);
    const places = await api.get('/api/locations?pageSize=100');
    plotId = places.items.find((l: { name: string }) => l.name === plotName).id;
    before = await diary();
    // a second plot of the cooperative, for a harvest stage recorded offline (the first is under a withdrawal
    // interval by then)
    const owners = await apiAs((await newContext(browser, 'desktop')).request, server.baseUrl, owner);
    await owners.post('/api/locations', {
      organisationId: places.items.find((l: { name: string }) => l.name === plotName).organisationId,
      name: secondPlot,
      type: 'growing_area',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const waiting = () => page.getByTestId('waiting');

  step('signs in online on a phone; the back office is installable and its service worker takes over', async () => {
    await signInAs(page, server.baseUrl, owner);
    await page.goto(`${server.baseUrl}/app/diary`);
    // the manifest and its icons, as the browser reads them to offer "add to home screen"
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      const body = await (await fetch(link.href)).json();
      const icons = await Promise.all(
        body.icons.map(async (i: { src: string }) => (await fetch(i.src)).status),
      );
      return { ...body, iconStatus: icons };
    });
    expect(manifest).toMatchObject({ lang: 'vi', scope: '/app/', display: 'standalone', start_url: '/app/diary' });
    expect(manifest.name).toContain('Nhật ký sản xuất');
    expect(manifest.iconStatus.every((s: number) => s === 200)).toBe(true);
    // the worker is installed after the page has loaded, and takes this page over
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.baseUrl}/app/`);
    // the worker's claim is an event: waited for in the page, not polled on animation frames (which a loaded
    // machine's headless browser may hold back)
    const controlled = await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      return navigator.serviceWorker.controller !== null;
    });
    expect(controlled).toBe(true);
    // the plot, once (the page remembers it)
    await page.getByRole('combobox', { name: 'Vùng trồng / chuồng trại' }).click();
    await page.getByRole('option', { name: plotName }).click();
    await page.getByText('Nhật ký đã ghi').waitFor();
    // opened again online through the worker: the shell and what the forms read are kept on the phone
    await page.reload();
    await page.getByText('Nhật ký đã ghi').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, '01-online');
  });

  step('the network goes: the page says so, and the service worker cannot reach the server either', async () => {
    await phone.setOffline(true);
    await expect.poll(() => page.getByTestId('offline').isVisible()).toBe(true);
    await expect(page.getByTestId('offline').textContent()).resolves.toContain('Không có mạng');
    // an answer the phone never kept: the worker says there is no network (it is cut off too)
    const probe = await page.evaluate(async () => {
      const res = await fetch('/api/auth/me?probe=1');
      return { status: res.status, body: await res.json() };
    });
    expect(probe.status).toBe(503);
    expect(probe.body.type).toBe('/problems/offline');
  });

  step('records two entries offline, one with a photo from the camera; both wait on the phone', async () => {
    await page.getByRole('button', { name: 'Chăm sóc' }).click();
    await page.getByRole('textbox', { name: 'Ghi chú' }).fill(wateringNote);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => waiting().textContent()).toContain('1 mục đang chờ gửi');

    await page.getByRole('button', { name: 'Phân bón' }).click();
    await page.getByRole('textbox', { name: 'Tên phân bón' }).fill(manureName);
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#5a3' } })
      .jpeg()
      .toBuffer();
    await page.locator('input[type="file"]').setInputFiles({ name: 'phan.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('diary-photo').waitFor();
    await shot(page, '02-form-with-photo-offline');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => waiting().textContent()).toContain('2 mục đang chờ gửi');
    await expect.poll(() => page.getByTestId('waiting-entry').count()).toBe(2);
    await expect(page.getByTestId('waiting-entry').nth(1).textContent()).resolves.toContain('1 ảnh');
    await shot(page, '03-two-waiting');
  });

  step('reloads without network: the app opens from the phone, the two entries still waiting', async () => {
    await page.reload();
    await page.getByTestId('offline').waitFor();
    await expect.poll(() => waiting().textContent()).toContain('2 mục đang chờ gửi');
    await expect.poll(() => page.getByTestId('waiting-entry').count()).toBe(2);
    // what the server had is there too, kept from the last visit online
    await page.getByText('Nhật ký đã ghi').waitFor();
    await shot(page, '04-reloaded-offline');
  });

  step('a harvest written offline while the office records a spraying on the same plot', async () => {
    await page.getByRole('button', { name: 'Thu hoạch' }).click();
    await page.getByRole('textbox', { name: 'Số lượng' }).fill('120');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => waiting().textContent()).toContain('3 mục đang chờ gửi');
    await api.post('/api/diary', {
      locationId: plotId,
      season,
      entryDate: vnDay(),
      kind: 'pesticide',
      inputName: sprayName,
      activeIngredient: 'Metalaxyl-M, Mancozeb',
      dose: '25 g/8 L nước',
      withdrawalDays: 7,
    });
  });

  step('back online: the two entries are sent once each, the harvest is refused and said in words', async () => {
    await phone.setOffline(false);
    await expect.poll(() => page.getByTestId('synced').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect(page.getByTestId('synced').textContent()).resolves.toContain('Đã gửi xong 2 mục');
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    const words = (await conflict.textContent()) ?? '';
    expect(words).toContain('Thu hoạch');
    expect(words).toContain('Chưa được thu hoạch');
    expect(words).toContain(sprayName);
    expect(words).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await shot(page, '05-synced-and-conflict');

    const after = await diary();
    const fresh = after.filter((e) => !before.some((b) => b.id === e.id) && e.inputName !== sprayName);
    expect(fresh).toHaveLength(2);
    expect(fresh.filter((e) => e.note === wateringNote)).toHaveLength(1);
    const manure = fresh.filter((e) => e.inputName === manureName);
    expect(manure).toHaveLength(1);
    expect(manure[0].photos).toHaveLength(1);
    // another round of sending (a reload online) sends nothing again
    await page.reload();
    await page.getByTestId('conflict').waitFor();
    await page.waitForLoadState('networkidle');
    expect((await diary()).length).toBe(after.length);
  });

  step('the farmer fixes the harvest (the day before the spraying) and it is recorded', async () => {
    await page.getByTestId('conflict').getByRole('button', { name: 'Sửa' }).click();
    const date = page.getByRole('dialog').getByRole('textbox', { name: 'Ngày' });
    await date.fill(typed(vnDay(-1)));
    await date.press('Tab');
    await shot(page, '06-fixing');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByTestId('conflict').count(), { timeout: 15_000 }).toBe(0);
    const harvests = (await diary()).filter((e) => !before.some((b) => b.id === e.id) && e.kind === 'harvest');
    expect(harvests).toHaveLength(1);
    expect(harvests[0].entryDate).toBe(vnDay(-1));
    await shot(page, '07-fixed');
  });

  step('a stage form offline too, on a page never opened before: a harvest recorded without network, sent once', async () => {
    // the stage page was never opened: the worker kept it (precached) and what its lists read (asked when the app
    // started with someone signed in)
    await phone.setOffline(true);
    await page.goto(`${server.baseUrl}/app/stages`);
    await page.getByTestId('offline').waitFor();
    await page.getByRole('combobox', { name: 'Địa điểm thực hiện' }).click();
    await page.getByRole('option', { name: secondPlot }).click();
    await page.getByRole('combobox', { name: 'Sản phẩm' }).first().click();
    await page.getByRole('option', { name: new RegExp(productName) }).first().click();
    await page.getByRole('textbox', { name: 'Số lô thu hoạch' }).fill(stageLot);
    await page.getByRole('textbox', { name: 'Số lượng' }).first().fill('300');
    await page.getByRole('button', { name: 'Lưu công đoạn' }).click();
    await expect.poll(() => waiting().textContent()).toContain('1 mục đang chờ gửi');
    await expect(page.getByTestId('waiting-entry').first().textContent()).resolves.toContain(stageLot);
    await shot(page, '08-stage-waiting-offline');

    await phone.setOffline(false);
    await expect.poll(() => page.getByTestId('synced').isVisible(), { timeout: 20_000 }).toBe(true);
    await shot(page, '09-stage-synced');
    // recorded once: the lot holds 300 kg, not twice that
    const stock = await (await phone.request.get(`${server.baseUrl}/api/stock?q=${stageLot}`)).json();
    expect(stock.items).toHaveLength(1);
    expect(stock.items[0].available).toEqual([{ quantity: 300, unit: 'KGM' }]);
    expect(violations).toEqual([]);
  });
});
