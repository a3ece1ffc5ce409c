import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchPage, searchQuery } from './hub.api.ts';
import { searchHub } from './search.service.ts';

/** `GET /api/hub/search`: national search as JSON, open to anyone, as the public page is. */
export async function searchRoutes(fastify: FastifyInstance) {
  // open to anyone: limited per address as the public pages are
  await fastify.register(rateLimit, { max: fastify.config.resolverRateLimit, timeWindow: '1 minute' });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/hub/search',
    {
      config: { public: true },
      schema: {
        tags: ['hub'],
        summary: 'National search over the products, producers and lots the provinces sent',
        querystring: searchQuery,
        response: { 200: searchPage },
      },
    },
    async (request) => searchHub(app.db, request.query),
  );
}
