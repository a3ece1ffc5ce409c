import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../platform/index.ts';
import { idParams } from './organisation.schema.ts';
import {
  traceabilitySystemInput,
  traceabilitySystemSummary,
  traceabilitySystemView,
} from './traceability-system.schema.ts';
import * as service from './traceability-system.service.ts';

const tags = ['registry: traceability systems'];

export async function traceabilitySystemRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/organisations/:id/traceability-systems',
    {
      schema: {
        tags,
        summary: 'Declare a traceability system (software, provider) the organisation uses',
        params: idParams,
        body: traceabilitySystemInput,
        response: { 201: traceabilitySystemView },
      },
    },
    async (request, reply) => {
      const created = await service.addTraceabilitySystem(
        app.db,
        request.params.id,
        request.body,
        requireActor(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/organisations/:id/traceability-systems/:systemId',
    {
      schema: {
        tags,
        summary: 'Remove a traceability system from the organisation',
        params: idParams.extend({ systemId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.removeTraceabilitySystem(
        app.db,
        request.params.id,
        request.params.systemId,
        requireActor(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/traceability-systems/summary',
    {
      schema: {
        tags,
        summary:
          'How many organisations use a traceability system, and how many are connected to the portals',
        response: { 200: traceabilitySystemSummary },
      },
    },
    async (request) => service.summariseTraceabilitySystems(app.db, requireActor(request)),
  );
}
