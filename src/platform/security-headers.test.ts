import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeStampedProduct, type TestApp } from '../test/index.ts';
import { tileSource } from './security-headers.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t);
});
afterAll(() => t?.close());

const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'user-agent': 'Phone' };

/** `script-src 'self' 'sha256-…'` → { 'script-src': ["'self'", "'sha256-…'"] } */
function directives(header: string | string[] | number | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

const hashOf = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

describe('security headers', () => {
  it("every HTML answer carries a CSP with frame-ancestors 'none'", async () => {
    const pages = [
      { url: f.stampPath(f.activeSerial), expected: 200, prefix: '/page' },
      { url: '/01/not-a-gtin', expected: 400, prefix: '/page' },
      { url: '/api/docs', expected: 200, prefix: '' },
    ];
    for (const { url, expected, prefix } of pages) {
      const res = await t.app.inject({ url: `${prefix}${url}`, headers: browser });
      expect([url, res.statusCode]).toEqual([url, expected]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'self'"]);
      expect(csp['form-action']).toEqual(["'self'"]);
      expect(csp['script-src']).not.toContain("'unsafe-inline'");
      expect(csp['script-src']).not.toContain("'unsafe-eval'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    }
  });

  it('the back office and the API documentation may style inline, never script inline', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-web-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><title>TXNG</title><div id="root"></div>',
    );
    const built = await createTestApp({}, { backofficeRoot: root });
    try {
      for (const url of ['/app/', '/app/products']) {
        const res = await built.app.inject({ url });
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        const csp = directives(res.headers['content-security-policy']);
        expect([url, csp['style-src']]).toEqual([url, ["'self'", "'unsafe-inline'"]]);
        expect(csp['script-src']).not.toContain("'unsafe-inline'");
      }
    } finally {
      await built.close();
      fs.rmSync(root, { recursive: true });
    }
    for (const url of ['/api/docs', '/api/docs/']) {
      const res = await t.app.inject({ url });
      expect([url, res.headers['content-type']]).toEqual([url, expect.stringMatching(/^text\/html/)]);
      const csp = directives(res.headers['content-security-policy']);
      expect([url, csp['style-src']]).toEqual([url, ["'self'", "'unsafe-inline'"]]);
      expect(csp['script-src']).toEqual(["'self'"].concat(csp['script-src'].slice(1)));
      expect(csp['script-src']).not.toContain("'unsafe-inline'");
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
    }
  });

  it("the consumer page's inline script is allowed by the CSP hash", async () => {
    // a network that has not scanned this stamp yet: only a counted scan offers to share its place (the script)
    const phone = { ...browser, 'x-forwarded-for': '198.51.100.23' };
    const res = await t.app.inject({ url: `/page${f.stampPath(f.activeSerial)}`, headers: phone });
    const scripts = [...res.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const styles = [...res.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(res.body).not.toMatch(/ on[a-z]+=/i);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'", hashOf(scripts[0])]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    // the page's own style sheet by its hash; no inline styles beyond it
    expect(csp['style-src']).toEqual(["'self'", hashOf(styles[0])]);
    // the same script on the English page: the words come from data attributes, the hash does not change
    const en = await t.app.inject({
      url: `/page${f.stampPath(f.activeSerial)}?lang=en`,
      headers: { ...browser, 'x-forwarded-for': '192.0.2.45' },
    });
    expect([...en.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])).toEqual(scripts);
  });

  it('no HSTS and no upgrade of requests when the program is served over plain http', async () => {
    const plain = await createTestApp({ baseUrl: 'http://txng.lan:3000' });
    try {
      const res = await plain.app.inject({ url: '/page/01/not-a-gtin', headers: browser });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(directives(res.headers['content-security-policy'])).not.toHaveProperty(
        'upgrade-insecure-requests',
      );
    } finally {
      await plain.close();
    }
    const res = await t.app.inject({ url: '/page/01/not-a-gtin', headers: browser });
    expect(directives(res.headers['content-security-policy'])).toHaveProperty('upgrade-insecure-requests');
  });

  it('no CORS header on /api answers', async () => {
    const origin = { origin: 'https://elsewhere.example' };
    const answers = [
      await t.app.inject({ url: '/api/auth/me', headers: origin }),
      await t.app.inject({ url: '/api/openapi.json', headers: origin }),
      await t.app.inject({ url: '/api/reports', headers: { ...origin, ...t.as({ role: 'dost_admin' }) } }),
      await t.app.inject({
        method: 'OPTIONS',
        url: '/api/auth/sign-in',
        headers: { ...origin, 'access-control-request-method': 'POST' },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: origin,
        payload: { email: 'a@b.vn', password: 'x' },
      }),
      // the EPCIS binding is called by programs with a key, not by other sites' pages (docs/api.md)
      await t.app.inject({ url: '/epcis/events', headers: origin }),
    ];
    for (const res of answers) {
      const cors = Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));
      expect([res.raw.req.url, cors]).toEqual([res.raw.req.url, []]);
    }
    // the resolver keeps the CORS the GS1 resolver standard asks for
    const resolved = await t.app.inject({ url: f.stampPath(f.activeSerial), headers: origin });
    expect(resolved.headers['access-control-allow-origin']).toBe('*');
  });

  it('an answer that is not a page carries the short set: no sniffing, no framing, a policy that runs nothing', async () => {
    const answers = [
      await t.app.inject({ url: '/api/auth/me' }),
      await t.app.inject({ url: '/healthz' }),
      await t.app.inject({ url: f.stampPath(f.activeSerial) }), // the resolver's 307
      await t.app.inject({ url: '/api/no-such-route' }), // a 404 problem
      await t.app.inject({ url: `/files/${crypto.randomUUID()}` }),
    ];
    for (const res of answers) {
      const url = res.raw.req.url;
      expect([url, res.headers['content-type']]).not.toEqual([url, expect.stringMatching(/^text\/html/)]);
      expect([url, res.headers['content-security-policy']]).toEqual([
        url,
        "default-src 'none'; frame-ancestors 'none'",
      ]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
      expect(res.headers).not.toHaveProperty('cross-origin-opener-policy');
    }
  });

  it('public files may be shown by other sites; everything else only by this one', async () => {
    const file = await t.app.inject({ url: `/files/${crypto.randomUUID()}` });
    expect(file.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const api = await t.app.inject({ url: '/api/auth/me' });
    expect(api.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('a tile server template becomes an image source', () => {
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('http://tiles.lan:8080/{z}/{x}/{y}.png')).toBe('http://tiles.lan:8080');
    expect(tileSource(null)).toBeNull();
  });
});
