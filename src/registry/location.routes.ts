import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../platform/index.ts';
import {
  locationInput,
  locationListQuery,
  locationPage,
  locationPatch,
  locationView,
} from './location.schema.ts';
import * as service from './location.service.ts';
import { idParams } from './organisation.schema.ts';

const tags = ['registry: locations'];

export async function locationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/locations',
    {
      schema: {
        tags,
        summary: 'List locations (mã truy vết địa điểm) the caller may see',
        querystring: locationListQuery,
        response: { 200: locationPage },
      },
    },
    async (request) => service.listLocations(app.db, request.query, requireActor(request)),
  );

  app.post(
    '/locations',
    {
      schema: {
        tags,
        summary: 'Declare a location: farm, growing area, packing house, warehouse, shop …',
        body: locationInput,
        response: { 201: locationView },
      },
    },
    async (request, reply) => {
      const created = await service.createLocation(app.db, request.body, requireActor(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/locations/:id',
    {
      schema: { tags, summary: 'One location', params: idParams, response: { 200: locationView } },
    },
    async (request) => service.readLocation(app.db, request.params.id, requireActor(request)),
  );

  app.patch(
    '/locations/:id',
    {
      schema: {
        tags,
        summary: 'Change a location',
        params: idParams,
        body: locationPatch,
        response: { 200: locationView },
      },
    },
    async (request) => service.updateLocation(app.db, request.params.id, request.body, requireActor(request)),
  );
}
