import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { pageLanguage } from '../public/index.ts';
import { dashboardClosedHtml, dashboardPageHtml } from './dashboard.page.ts';
import { hubDashboard } from './dashboard.service.ts';
import { searchQuery } from './hub.api.ts';
import { hubCss } from './hub.layout.ts';
import { mayRunHub } from './hub.policy.ts';
import { resolveRoutes } from './resolve.routes.ts';
import { searchPageHtml } from './search.page.ts';
import { searchHub } from './search.service.ts';

/** The dashboard's address: a server-rendered page for the hub's administrators. */
export const dashboardPath = '/bang-dieu-khien';

/** The hub's public face: national search at `/`, any province's Digital Link, and the administrators' dashboard. */
export async function hubPages(app: FastifyInstance) {
  // public pages, limited per address as the province's resolver is (TXNG_RESOLVER_RATE_LIMIT a minute)
  await app.register(rateLimit, { max: app.config.resolverRateLimit, timeWindow: '1 minute' });
  app.get('/hub.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=31536000, immutable').send(hubCss),
  );
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    // a hand-edited address (page=abc) gets the first page rather than an error
    const parsed = searchQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : searchQuery.parse({});
    const result = await searchHub(app.db, query);
    return reply.type('text/html').send(searchPageHtml(query, result, lang, request.url));
  });
  app.get(dashboardPath, { schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const actor = request.actor;
    if (!actor || !mayRunHub(actor))
      return reply
        .status(actor ? 403 : 401)
        .type('text/html')
        .send(dashboardClosedHtml(lang, request.url, Boolean(actor)));
    return reply
      .type('text/html')
      .header('cache-control', 'no-store')
      .send(dashboardPageHtml(await hubDashboard(app.db), lang, request.url));
  });
  await app.register(resolveRoutes);
}
