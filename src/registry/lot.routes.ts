import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../platform/index.ts';
import { lotInput, lotListQuery, lotPage, lotPatch, lotStatusInput, lotView } from './lot.schema.ts';
import * as service from './lot.service.ts';
import { idParams } from './organisation.schema.ts';

const tags = ['registry: lots'];

export async function lotRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/lots',
    {
      schema: {
        tags,
        summary: 'List lots the caller may see',
        querystring: lotListQuery,
        response: { 200: lotPage },
      },
    },
    async (request) => service.listLots(app.db, request.query, requireActor(request)),
  );

  app.post(
    '/lots',
    {
      schema: {
        tags,
        summary: 'Declare a lot (GTIN + AI 10) of a product',
        body: lotInput,
        response: { 201: lotView },
      },
    },
    async (request, reply) => {
      const created = await service.createLot(app.db, request.body, requireActor(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/lots/:id',
    { schema: { tags, summary: 'One lot', params: idParams, response: { 200: lotView } } },
    async (request) => service.readLot(app.db, request.params.id, requireActor(request)),
  );

  app.patch(
    '/lots/:id',
    {
      schema: { tags, summary: 'Change a lot', params: idParams, body: lotPatch, response: { 200: lotView } },
    },
    async (request) => service.updateLot(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.put(
    '/lots/:id/status',
    {
      schema: {
        tags,
        summary: 'Put a lot on hold, recall it, destroy it or make it active again',
        params: idParams,
        body: lotStatusInput,
        response: { 200: lotView },
      },
    },
    async (request) => service.setLotStatus(app.db, request.params.id, request.body, requireActor(request)),
  );
}
