import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `name.br` (brotli 11) and `name.gz` (gzip 9) beside every script, stylesheet and other text asset of the
 * build: the server sends them as they are (src/backoffice, @fastify/static `preCompressed`), compressed once at
 * the highest levels rather than on each request. Files under 1 kB, and those that would not shrink, stay plain.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'txng:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => /\.(?:js|mjs|css|svg|json|txt|wasm)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const data = await fs.readFile(file);
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzip(data, { level: 9 }),
          ]);
          if (br.length < data.length) await fs.writeFile(`${file}.br`, br);
          if (gz.length < data.length) await fs.writeFile(`${file}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * The back office's first script (early.ts) is an entry of its own, put at the top of index.html as an async module:
 * it runs as soon as it arrives, while the app's scripts are still on their way, and asks for what the first page
 * needs. The app imports from it too, so the app's entry waits for it: the same module, run once.
 */
function earlyScript(): Plugin {
  return {
    name: 'txng:early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === path.join(root, 'early.ts'),
        );
        if (!chunk) throw new Error('early.ts: no chunk in the build');
        const src = `/app/${chunk.fileName}`;
        // the dashboard's chunks that index.html does not load already: early.ts preloads them when it opens there
        const chunks = new Map(
          Object.values(bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c]] : [])),
        );
        const dashboard = [...chunks.values()].find((c) =>
          c.facadeModuleId?.endsWith('/pages/dashboard/DashboardPage.tsx'),
        );
        if (!dashboard) throw new Error('DashboardPage.tsx: no chunk in the build');
        const needs = new Set<string>();
        const walk = (file: string) => {
          if (needs.has(file) || html.includes(`/app/${file}"`)) return;
          needs.add(file);
          for (const next of chunks.get(file)?.imports ?? []) walk(next);
        };
        walk(dashboard.fileName);
        needs.delete(chunk.fileName);
        return {
          // the app's entry lists it as a module to preload: the script tag does that already
          html: html
            .split('\n')
            .filter((line) => !(line.includes('rel="modulepreload"') && line.includes(`href="${src}"`)))
            .join('\n'),
          tags: [
            {
              tag: 'script',
              attrs: {
                type: 'module',
                async: true,
                // asked before the stylesheet and the app's scripts, which would otherwise take every connection
                fetchpriority: 'high',
                src,
                'data-dashboard': [...needs].map((f) => `/app/${f}`).join(' '),
              },
              injectTo: 'head-prepend',
            },
          ],
        };
      },
    },
  };
}

/**
 * The service worker (offline/service-worker.js, decision 061) written as `sw.js` beside index.html, with the
 * files the offline pages need: the shell (index.html, its scripts and styles) and the diary's and stage forms'
 * chunks with everything they import. Its version is a digest of that list, so a new build replaces the old cache.
 */
function serviceWorker(): Plugin {
  return {
    name: 'txng:service-worker',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const needs = new Set<string>();
      const walk = (file: string) => {
        if (needs.has(file)) return;
        needs.add(file);
        const chunk = byName.get(file);
        for (const css of chunk?.viteMetadata?.importedCss ?? []) needs.add(css);
        for (const next of chunk?.imports ?? []) walk(next);
      };
      const offlinePages = ['/pages/diary/DiaryPage.tsx', '/pages/stages/StagesPage.tsx'];
      for (const chunk of chunks)
        if (chunk.isEntry || offlinePages.some((p) => chunk.facadeModuleId?.endsWith(p)))
          walk(chunk.fileName);
      const files = ['/app/', ...[...needs].sort().map((f) => `/app/${f}`)];
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = (await fs.readFile(path.join(root, 'offline/service-worker.js'), 'utf8'))
        .replace("'__TXNG_VERSION__'", JSON.stringify(version))
        .replace('__TXNG_PRECACHE__', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// The back office is served by the program itself under /app/ (src/backoffice), so it builds with that base.
// Each page is a chunk of its own (src/web/router.tsx): the first script stays small without a size warning to
// silence.
export default defineConfig({
  root,
  base: '/app/',
  plugins: [react(), precompress(), earlyScript(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: { input: { index: path.join(root, 'index.html'), early: path.join(root, 'early.ts') } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
