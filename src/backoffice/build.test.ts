import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandling } from '../platform/index.ts';
import { firstLoad } from './bundle-size.ts';
import backoffice from './index.ts';

// The real back office, built once into a scratch folder (a few seconds), served as the program serves it.
describe('the built back office', () => {
  let out: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-web-build-'));
    await promisify(execFile)(
      process.execPath,
      [
        path.resolve('node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'src/web/vite.config.ts',
        '--outDir',
        out,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { env: { ...process.env, NODE_ENV: 'production' } },
    );
    app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
    registerProblemHandling(app);
    await app.register(backoffice, { root: out });
    await app.ready();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('puts the first script on the wire in at most 250 kB, brotli or gzip, and its pages in chunks of their own', async () => {
    const { scripts } = firstLoad(out);
    expect(scripts.length).toBeGreaterThan(0);
    const wire = async (encoding: string) => {
      let bytes = 0;
      for (const script of scripts) {
        const res = await app.inject({ url: `/app/${script}`, headers: { 'accept-encoding': encoding } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        bytes += res.rawPayload.length;
      }
      return bytes;
    };
    const [br, gzip, raw] = [await wire('br'), await wire('gzip'), await wire('identity')];
    expect(br).toBeLessThanOrEqual(250_000);
    expect(gzip).toBeLessThanOrEqual(250_000);
    expect(br).toBeLessThan(raw / 3);

    // Leaflet and the date pickers come with the pages that use them, not with the first script
    const assets = fs.readdirSync(path.join(out, 'assets'));
    const text = (files: string[]) => files.map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n');
    const chunk = (page: string) => assets.filter((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));
    for (const page of ['LocationsPage', 'ProductsPage', 'StampsPage', 'ReviewPage', 'OrganisationPage']) {
      expect(chunk(page), page).toHaveLength(1);
    }
    // each sits in chunks of its own (the date picker's component name as its code writes it, not a file name) that the first load does not fetch (the map's come with GeoMap, lazily)
    for (const library of ['leaflet-container', '`DateInput`']) {
      const holders = assets.filter((f) => f.endsWith('.js') && text([`assets/${f}`]).includes(library));
      expect(holders.length, library).toBeGreaterThan(0);
      expect(
        holders.filter((f) => scripts.includes(`assets/${f}`)),
        library,
      ).toEqual([]);
    }
    expect(text(scripts)).not.toContain('leaflet-container');
  });

  it('sends every script and stylesheet of the build precompressed', async () => {
    const assets = fs.readdirSync(path.join(out, 'assets'));
    const big = assets.filter(
      (f) => /\.(js|css)$/.test(f) && fs.statSync(path.join(out, 'assets', f)).size >= 1024,
    );
    expect(big.length).toBeGreaterThan(10);
    for (const f of big) {
      expect(assets).toContain(`${f}.br`);
      expect(assets).toContain(`${f}.gz`);
    }
    const css = big.find((f) => f.endsWith('.css'))!;
    const res = await app.inject({ url: `/app/assets/${css}`, headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/text\/css/);

    const index = await app.inject({ url: '/app/', headers: { 'accept-encoding': 'br' } });
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toContain('<div id="root">');
  });
});
