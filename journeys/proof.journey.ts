import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { needs } from '../src/test/needs.ts';
import {
  chromiumMissing,
  demoPassword,
  durianCarton,
  journeySteps,
  launchBrowser,
  newContext,
  type RunningServer,
  screenshot,
  startServer,
} from './support.ts';

const step = journeySteps();

describe('proof journey: a consumer follows "data unchanged since approval" to a verified proof', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, 'phone');
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  step('before any checkpoint the stamp page claims nothing', async () => {
    const res = await fetch(`${server.baseUrl}/page/01/${durianCarton}/10/PH2606-D1/21/7`, {
      headers: { accept: 'text/html' },
    });
    expect(await res.text()).not.toContain('id="unchanged"');
  });

  step('the department’s administrator signs a checkpoint', async () => {
    const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@sokhcn.dongnai.gov.vn', password: demoPassword }),
    });
    expect(signIn.status).toBe(200);
    const cookie = String(signIn.headers.get('set-cookie')).split(';')[0];
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const made = await fetch(`${server.baseUrl}/api/proofs/checkpoints`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(made.status).toBe(201);
  });

  step('a consumer opens the stamp page and sees the data unchanged since approval', async () => {
    // the resolver keeps a product's facts a few seconds: the line may come on the next load
    await expect
      .poll(
        async () => {
          await page.goto(`${server.baseUrl}/01/${durianCarton}/10/PH2606-D1/21/8`);
          return page.locator('#unchanged').count();
        },
        { timeout: 30_000, intervals: [1000, 3000, 5000] },
      )
      .toBe(1);
    await expect(page.locator('#unchanged').textContent()).resolves.toMatch(
      /Dữ liệu không thay đổi từ khi được duyệt ngày \d{1,2} tháng \d{1,2} năm \d{4}/,
    );
    await page.locator('#unchanged').scrollIntoViewIfNeeded();
    await screenshot(page, 'proof-01-stamp-page');
    await page.screenshot({ path: '/tmp/shots/proofs/proof-01-stamp-page.png', fullPage: false });
  });

  step('follows the proof link and sees it verified, step by step, with the files to keep', async () => {
    await page.locator('#unchanged a').click();
    await page.waitForURL(/\/kiem-chung\/ban-ghi\/\d+/);
    await expect(page.locator('#proof-verdict strong').textContent()).resolves.toBe(
      'Đã kiểm chứng: dữ liệu không bị sửa',
    );
    await expect(page.locator('#proof-steps li').count()).resolves.toBe(3);
    await expect(page.locator('#proof-steps').textContent()).resolves.not.toContain('✘');
    await expect(page.getByRole('link', { name: 'Tải tệp bằng chứng (JSON)' }).count()).resolves.toBe(1);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'proof-02-verified');
    await page.screenshot({ path: '/tmp/shots/proofs/proof-02-verified.png', fullPage: true });
  });

  step('the proof file is the one the page checked, and the checkpoints page lists it', async () => {
    const href = await page.getByRole('link', { name: 'Tải tệp bằng chứng (JSON)' }).getAttribute('href');
    const proof = await (await fetch(`${server.baseUrl}${href}`)).json();
    expect(proof).toMatchObject({ type: 'txng-proof', record: { action: 'approve', entityType: 'product' } });
    await page.getByRole('link', { name: 'Điểm mốc đã ký của nhật ký' }).click();
    await page.waitForURL(/\/kiem-chung/);
    await expect(page.locator('#checkpoints li').count()).resolves.toBe(1);
    await screenshot(page, 'proof-03-checkpoints');
    await page.screenshot({ path: '/tmp/shots/proofs/proof-03-checkpoints.png', fullPage: true });
  });
});
