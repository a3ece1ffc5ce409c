import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../platform/index.ts';
import { pageSchema } from './list-query.ts';
import { idParams } from './organisation.schema.ts';
import { traceabilitySystemsWorkbook } from './traceability-system.export.ts';
import {
  traceabilitySystemCounts,
  traceabilitySystemInput,
  traceabilitySystemListItem,
  traceabilitySystemListQuery,
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

  app.put(
    '/organisations/:id/traceability-systems/:systemId',
    {
      schema: {
        tags,
        summary:
          'Replace what is recorded of a traceability system (owner, admin, commune officer of its commune)',
        params: idParams.extend({ systemId: z.uuid() }),
        body: traceabilitySystemInput,
        response: { 200: traceabilitySystemView },
      },
    },
    async (request) =>
      service.changeTraceabilitySystem(
        app.db,
        request.params.id,
        request.params.systemId,
        request.body,
        requireActor(request),
      ),
  );

  app.get(
    '/traceability-systems',
    {
      schema: {
        tags,
        summary: 'Traceability systems of the organisations the reader may see, filtered, a page at a time',
        querystring: traceabilitySystemListQuery,
        response: { 200: pageSchema(traceabilitySystemListItem) },
      },
    },
    async (request) => service.pageTraceabilitySystems(app.db, request.query, requireActor(request)),
  );

  app.get(
    '/traceability-systems/counts',
    {
      schema: {
        tags,
        summary: 'Organisations with a system, conformant and connected, by sector and commune, with totals',
        response: { 200: traceabilitySystemCounts },
      },
    },
    async (request) => service.countTraceabilitySystems(app.db, requireActor(request)),
  );

  app.get(
    '/traceability-systems/counts.xlsx',
    {
      schema: {
        tags,
        summary: 'The counts by sector and commune as an Excel workbook',
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const counts = await service.countTraceabilitySystems(app.db, requireActor(request));
      const body = await traceabilitySystemsWorkbook(counts);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="he-thong-truy-xuat.xlsx"')
        .send(body);
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
