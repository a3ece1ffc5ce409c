import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandling } from '../platform/index.ts';
import backoffice from './index.ts';

async function appWith(root: string): Promise<FastifyInstance> {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  registerProblemHandling(app);
  await app.register(backoffice, { root });
  await app.ready();
  return app;
}

const pageScript = `export const rows = [${'"a row of the table", '.repeat(200)}];\n`;

describe('back office at /app/', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-web-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><title>TXNG</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    // what the build writes beside a script (src/web/vite.config.ts): the same bytes, brotli and gzip
    fs.writeFileSync(path.join(root, 'assets', 'page-abc123.js'), pageScript);
    fs.writeFileSync(path.join(root, 'assets', 'page-abc123.js.br'), zlib.brotliCompressSync(pageScript));
    fs.writeFileSync(path.join(root, 'assets', 'page-abc123.js.gz'), zlib.gzipSync(pageScript));
    app = await appWith(root);
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at /app/ without caching it', async () => {
    const res = await app.inject({ url: '/app/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  });

  it('serves the app at /app too', async () => {
    const res = await app.inject({ url: '/app' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = await app.inject({ url: '/app/products/123?tab=lots' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('serves hashed assets as immutable, including those of a rebuild made while running', async () => {
    const asset = await app.inject({ url: '/app/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    fs.writeFileSync(path.join(root, 'assets', 'main-def456.js'), 'console.log(2)');
    const rebuilt = await app.inject({ url: '/app/assets/main-def456.js' });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body).toBe('console.log(2)');
  });

  it('sends the precompressed file to a browser that accepts it, cached for a year', async () => {
    const br = await app.inject({
      url: '/app/assets/page-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(pageScript.length / 10);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(pageScript);

    const gz = await app.inject({
      url: '/app/assets/page-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(pageScript);

    const plain = await app.inject({
      url: '/app/assets/page-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(pageScript);
  });

  it('sends a file the build did not compress as it is, to any browser', async () => {
    const res = await app.inject({
      url: '/app/assets/main-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('console.log(1)');
  });

  it('does not serve files outside the build', async () => {
    const res = await app.inject({ url: '/app/assets/..%2f..%2fetc%2fpasswd' });
    expect(res.statusCode).toBe(404);
  });

  it('answers a missing asset with a 404 problem, not the app', async () => {
    const res = await app.inject({ url: '/app/assets/gone-000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('says the app is not built when there is no build', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-web-empty-'));
    const bare = await appWith(empty);
    const res = await bare.inject({ url: '/app/', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(503);
    expect(res.json().title).toContain('npm run build:web');
    await bare.close();
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
