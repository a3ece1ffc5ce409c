import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { communeBoundaries, communeBoundariesSchema } from './commune-boundaries.ts';

export async function communeBoundaryRoutes(app: FastifyInstance) {
  // without the zod type provider: the answer is sent as text serialised once, which it would not type
  app.get(
    '/commune-boundaries',
    {
      config: { public: true },
      schema: {
        tags: ['registry: administrative units'],
        summary:
          "The province's commune boundaries as GeoJSON (the maps' base layer offline), as configured by the department",
        response: { 200: communeBoundariesSchema, 304: z.null().describe('Not modified (If-None-Match)') },
      },
    },
    async (request, reply) => {
      const { json, etag } = communeBoundaries();
      reply.header('cache-control', 'public, max-age=3600').header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      // serialised once at start: the outlines are the largest answer the API gives and never change
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
}
