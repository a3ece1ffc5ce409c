import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../src/test/needs.ts';
import { buildBackOffice, chromiumMissing, demoPassword, launchBrowser, newContext, type RunningServer, screenshot, signInAs, startServer } from './support.ts';

function withCheckDigit(digits: string): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return digits + ((10 - (sum % 10)) % 10);
}
const durianCarton = withCheckDigit('0893601600020');
// a fixed position in Long Khánh, given to the browser as the phone's location
const here = { latitude: 10.9362, longitude: 107.2437 };

/**
 * A TEST grid, not real boundaries (the shipped file is empty until the department brings official ones): cells of
 * 0.06° over the demo places, each given one of the sample units' codes, to show the base layer being drawn.
 */
function testGrid(): string {
  const codes = JSON.parse(fs.readFileSync('config/administrative-units.json', 'utf8')).units.map(
    (u: { code: string }) => u.code,
  ) as string[];
  const features = [];
  let k = 0;
  for (let lat = 10.78; lat < 11.08 && k < codes.length; lat += 0.06)
    for (let lng = 106.98; lng < 107.4 && k < codes.length; lng += 0.06) {
      const [w, s, e, n] = [lng, lat, lng + 0.06, lat + 0.06].map((v) => Number(v.toFixed(4)));
      features.push({
        type: 'Feature',
        properties: { code: codes[k++] },
        geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
      });
    }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'txng-grid-')), 'test-grid.geojson');
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

const signIn = (page: Page, baseUrl: string, email: string) => signInAs(page, baseUrl, email);

describe('maps: commune base layer, numbered journey, my location', needs('Chromium', chromiumMissing()), () => {
  let server: RunningServer;
  let grid = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    buildBackOffice();
    grid = testGrid();
    server = await startServer({ TXNG_COMMUNE_BOUNDARIES: grid });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    if (grid) fs.rmSync(path.dirname(grid), { recursive: true, force: true });
  });

  it('the consumer page on a phone numbers the places in journey order over the commune outlines', async () => {
    const context = await newContext(browser, 'phone');
    contexts.push(context);
    const page = await context.newPage();
    const url = `${server.baseUrl}/page/01/${durianCarton}/10/PH2606-D1/21/1`;
    await page.goto(url);
    const svg = page.locator('svg.map');
    await expect(svg.locator('g[aria-hidden] path').count()).resolves.toBe(1);
    const numbers = await svg.locator('circle + text').allTextContents();
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    expect(numbers.length).toBeGreaterThan(1);
    await expect(svg.locator('polyline').count()).resolves.toBe(1);
    // the legend and the journey list speak of the same numbers
    await expect(page.locator('ol.legend li').count()).resolves.toBe(numbers.length);
    const pins = await page.locator('ol.timeline .pin').allTextContents();
    expect(pins.length).toBeGreaterThan(0);
    for (const n of pins) expect(numbers).toContain(n);
    await screenshot(page, 'maps-01-consumer-phone');
    // the journey's steps go from 1 upwards: the first step is at place 1
    expect(pins[0]).toBe('1');
    await page.locator('#journey').screenshot({ path: 'test-results/screenshots/maps-01b-consumer-journey-map.png' });
    // size and server time of the page, for docs/benchmarks.md
    const html = await (await fetch(url)).text();
    const base = /<g aria-hidden="true">.*?<\/g>/.exec(html)?.[0] ?? '';
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await (await fetch(url)).text();
      times.push(performance.now() - t0);
    }
    console.log(
      `consumer page: ${html.length} bytes, map base layer ${base.length} bytes; median response ${times.sort((a, b) => a - b)[2].toFixed(1)} ms`,
    );
  });

  it('the location editor draws the communes, and "Vị trí của tôi" fills the point from the phone', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      geolocation: here,
      permissions: ['geolocation'],
    });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'chunhiem@htx-chomchom-binhloc.vn');
    await page.goto(`${server.baseUrl}/app/locations`);
    await page.getByRole('button', { name: 'Thêm địa điểm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.geo-map path.leaflet-interactive').first().waitFor();
    expect(await dialog.locator('.geo-map path.leaflet-interactive').count()).toBeGreaterThan(10);
    await dialog.getByRole('button', { name: 'Vị trí của tôi' }).click();
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Vĩ độ', exact: true }).inputValue())
      .toBe(String(here.latitude));
    await expect(dialog.getByRole('textbox', { name: 'Kinh độ', exact: true }).inputValue()).resolves.toBe(
      String(here.longitude),
    );
    await screenshot(page, 'maps-02-editor-my-location-phone');
    await dialog.locator('.geo-map').screenshot({ path: 'test-results/screenshots/maps-02b-editor-map-phone.png' });
  });

  it('a refused location is said plainly, and the point can still be clicked', async () => {
    const context = await newContext(browser, 'desktop');
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'chunhiem@htx-chomchom-binhloc.vn');
    await page.goto(`${server.baseUrl}/app/locations`);
    await page.getByRole('button', { name: 'Thêm địa điểm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.geo-map path.leaflet-interactive').first().waitFor();
    await dialog.getByRole('button', { name: 'Vị trí của tôi' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/không cho phép lấy vị trí/);
    // hovering a commune names it
    await dialog.locator('.geo-map path.leaflet-interactive').nth(12).hover();
    await page.locator('.leaflet-tooltip').first().waitFor();
    await screenshot(page, 'maps-03-editor-refused-desktop');
  });
});
