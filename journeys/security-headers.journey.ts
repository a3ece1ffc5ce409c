import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { chromiumMissing, demoPassword, launchBrowser, newContext, type RunningServer, screenshot, startBackOfficeServer } from './support.ts';

/**
 * The Content-Security-Policy in a real browser: the back office, the consumer page (with its one inline script
 * run) and the API documentation load and work with no violation reported, and the policy does block what it
 * should.
 */

/** GS1 mod-10 check digit of the digits before it. */
function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}
// serials 1–500 of the demo packing house's durian cartons are activated (src/demo/stamps.ts)
const durianCarton = withCheckDigit('0893601600020');

describe('security headers in Chromium', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  /** Every violation the page reports, from the DOM event and from the console, whichever comes. */
  async function watch(p: Page) {
    await p.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await p.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`,
        ),
      );
    });
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  }

  beforeAll(async () => {
    server = await startBackOfficeServer();
    browser = await launchBrowser();
    context = await newContext(browser, 'desktop');
    await context.grantPermissions(['geolocation'], { origin: server.baseUrl });
    await context.setGeolocation({ latitude: 10.95, longitude: 106.82 });
    page = await context.newPage();
    await watch(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('the consumer page runs its inline script and nothing else', async () => {
    await page.goto(`${server.baseUrl}/01/${durianCarton}/10/PH2606-D1/21/7`);
    await page.locator('#verdict strong').waitFor();
    // the inline script un-hides the button and shares the location when asked
    const share = page.locator('button[data-scan]');
    await share.waitFor({ state: 'visible' });
    await screenshot(page, 'csp-01-consumer');
    await share.click();
    await page.locator('#share span').waitFor();
    expect(await page.locator('#share span').textContent()).toBeTruthy();
    // a script the server did not write is refused
    const injected = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      return (window as unknown as { injected?: boolean }).injected ?? false;
    });
    expect(injected).toBe(false);
    // the report comes twice (event and console), each on its own time: let both arrive before the next page
    await page.waitForTimeout(500);
    const reported = violations.splice(0);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((v) => /script-src/.test(v))).toBe(true);
  });

  it('the back office signs in and shows its pages, the map among them, with no violation', async () => {
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('admin@sokhcn.dongnai.gov.vn');
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('account-menu').waitFor();
    for (const route of ['/', '/products', '/locations', '/stamps', '/review', '/users', '/audit']) {
      await page.goto(`${server.baseUrl}/app${route}`);
      await page.getByTestId('account-menu').waitFor();
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${server.baseUrl}/app/locations`);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'csp-02-backoffice-locations');
    expect(violations.splice(0)).toEqual([]);
  });

  it('the API documentation renders with no violation', async () => {
    await page.goto(`${server.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    await screenshot(page, 'csp-03-api-docs');
    expect(violations.splice(0)).toEqual([]);
  });

  it('no page of the program can be framed', async () => {
    await page.setContent(`<iframe src="${server.baseUrl}/app/"></iframe>`);
    await page.waitForTimeout(500);
    const frame = page.frames().find((f) => f.url().includes('/app/'));
    const framed = frame ? await frame.locator('#root').count().catch(() => 0) : 0;
    expect(framed).toBe(0);
  });
});
