import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defineMessages, Problem } from '../platform/index.ts';

defineMessages({
  'problem.backoffice-not-built': {
    vi: 'Ứng dụng quản trị chưa được build: chạy "npm run build:web"',
    en: 'The back office has not been built: run "npm run build:web"',
  },
});

/** The service worker reads the program's own answers (its pages, scripts and API) and nothing else. */
export const serviceWorkerPolicy = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

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
  // Installing the back office (decision 061): its manifest and icons, and the service worker, at /app/ so that its
  // scope is the whole back office. The worker and the manifest are never cached by HTTP (a new build's worker is
  // found at once); the worker's own policy lets it read the program's own origin and nothing else (a worker obeys
  // the policy it was served with, not the page's).
  await app.register(fastifyStatic, {
    root: path.join(root, 'icons'),
    prefix: '/app/icons/',
    index: false,
    decorateReply: false,
    maxAge: '1d',
  });
  const sendBuilt = (file: string, type: string) => async (_request: FastifyRequest, reply: FastifyReply) => {
    const body = await fs.promises.readFile(path.join(root, file)).catch(() => null);
    if (!body) throw new Problem(404, 'not-found');
    return reply.header('cache-control', 'no-cache').type(type).send(body);
  };
  app.get(
    '/app/manifest.webmanifest',
    { schema: { hide: true } },
    sendBuilt('manifest.webmanifest', 'application/manifest+json'),
  );
  app.get('/app/sw.js', { schema: { hide: true } }, async (request, reply) => {
    reply.header('content-security-policy', serviceWorkerPolicy);
    return sendBuilt('sw.js', 'text/javascript; charset=utf-8')(request, reply);
  });
  app.get('/app/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.get('/app/*', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
}
