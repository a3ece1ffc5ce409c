import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, registerProblemHandling, registerSecurityHeaders } from '../platform/index.ts';
import backoffice from './index.ts';

/**
 * Installing the back office (decision 061): the manifest, its icons and the service worker are served under /app/
 * as files, never as the app's HTML; the worker and manifest are never cached by HTTP, and the worker carries a
 * policy of its own that lets it read the program's origin and nothing else.
 */
describe('the back office as an installable app', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-web-offline-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.mkdirSync(path.join(root, 'icons'));
    fs.writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><title>TXNG</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(root, 'sw.js'), "self.addEventListener('fetch', () => {});\n");
    fs.writeFileSync(
      path.join(root, 'manifest.webmanifest'),
      JSON.stringify({ name: 'TXNG', scope: '/app/' }),
    );
    fs.writeFileSync(path.join(root, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
    app.decorate('config', loadConfig({ TXNG_BASE_URL: 'https://txng.example.vn' } as NodeJS.ProcessEnv));
    registerProblemHandling(app);
    registerSecurityHeaders(app, { scripts: [], styles: [] });
    await app.register(backoffice, { root });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves the service worker as a script under /app/, never cached, with a policy of its own', async () => {
    const res = await app.inject({ url: '/app/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; connect-src 'self'; frame-ancestors 'none'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain("addEventListener('fetch'");
  });

  it('serves the manifest with its type, never cached, and the icons as files', async () => {
    const manifest = await app.inject({ url: '/app/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toContain('application/manifest+json');
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(manifest.json()).toMatchObject({ scope: '/app/' });
    const icon = await app.inject({ url: '/app/icons/icon-192.png' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
    // an icon that is not there is a 404, not the app's HTML
    const missing = await app.inject({ url: '/app/icons/nope.png' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toContain('text/html');
  });

  it('a build without a worker answers 404 for it, not the app', async () => {
    fs.rmSync(path.join(root, 'sw.js'));
    const res = await app.inject({ url: '/app/sw.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).not.toContain('text/html');
  });
});
