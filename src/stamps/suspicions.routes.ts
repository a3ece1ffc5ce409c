import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../platform/index.ts';
import { suspicionListQuery, suspicionListResponse } from './stamps.schema.ts';
import { listSuspicions } from './suspicions.service.ts';

/** Read-only for now: the enforcement work will turn suspicions into cases. */
export default async function suspicionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/stamps/suspicions',
    {
      schema: {
        tags: ['stamps'],
        summary: 'Suspected copied or forged stamps (strong scan evidence), newest first',
        description:
          'The department (dost_admin, dost_reviewer, inspector) sees all, with the scan places; an organisation ' +
          'sees those on its own stamps, without coordinates; other roles get 403.',
        querystring: suspicionListQuery,
        response: { 200: suspicionListResponse },
      },
    },
    async (request) => listSuspicions(app.db, requireActor(request), request.query),
  );
}
