import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { defineMessages, Problem } from '../platform/index.ts';

defineMessages({
  'problem.backoffice-not-built': {
    vi: 'Ứng dụng quản trị chưa được build: chạy "npm run build:web"',
    en: 'The back office has not been built: run "npm run build:web"',
  },
});

const defaultRoot = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface BackofficeOptions {
  /** Folder of the built single-page app (`vite build` output). */
  root?: string;
}

/**
 * Serves the back-office single-page app at /app/. index.html is never cached, so a new build is picked up at
 * once; any path under /app/ other than an asset is a client-side route and gets index.html.
 */
export default async function backoffice(app: FastifyInstance, opts: BackofficeOptions) {
  const root = opts.root ?? defaultRoot;
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) {
    const notBuilt = async () => {
      throw new Problem(503, 'backoffice-not-built');
    };
    app.get('/app/', { schema: { hide: true } }, notBuilt);
    app.get('/app/*', { schema: { hide: true } }, notBuilt);
    return;
  }
  // Read on each request, so a rebuild while the server runs is served at once.
  const sendIndex = async (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await fs.promises.readFile(indexFile));
  // Only hashed build output lives under assets/: cached for a year, and looked up per request so a rebuild
  // while the server runs is served at once. A missing asset is a 404, never the app's HTML. The build writes
  // .br and .gz beside each script and stylesheet (src/web/vite.config.ts): sent as they are to a browser that
  // accepts them, with Content-Encoding and Vary: accept-encoding; the plain file to any other.
  await app.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/app/assets/',
    index: false,
    // Other modules may serve files too; only one plugin may own reply.sendFile.
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    preCompressed: true,
  });
  app.get('/app/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get('/app/*', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
}
