import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, sectors, signedIn } from '../platform/index.ts';
import {
  complianceQuery,
  complianceView,
  decisionInput,
  listInput,
  listView,
  membershipView,
  versionInput,
  versionView,
} from './catalogues.api.ts';
import { complianceOf, listMembershipsOf } from './catalogues.compliance.ts';
import { complianceXlsx } from './catalogues.export.ts';
import * as service from './catalogues.service.ts';

const tags = ['catalogues'];
const idParams = z.object({ id: z.uuid() });

export async function catalogueRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/catalogues/lists',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          "Sector departments' lists (mandatory and priority) with their versions and the one in force",
        querystring: z.object({ sector: z.enum(sectors).optional() }),
        response: { 200: z.object({ items: z.array(listView) }) },
      },
    },
    async (request) => ({
      items: await service.listLists(app.db, requireActor(request), request.query.sector),
    }),
  );

  app.post(
    '/catalogues/lists',
    {
      preValidation: signedIn,
      schema: { tags, summary: 'Create a list of a sector', body: listInput, response: { 201: listView } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createList(app.db, request.body, requireActor(request))),
  );

  app.get(
    '/catalogues/lists/:id',
    {
      preValidation: signedIn,
      schema: { tags, summary: 'One list with its versions', params: idParams, response: { 200: listView } },
    },
    async (request) => service.getList(app.db, request.params.id, requireActor(request)),
  );

  app.post(
    '/catalogues/lists/:id/versions',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          'Draft a new version of a list: a copy of its latest version unless the body gives the fields',
        params: idParams,
        body: versionInput,
        response: { 201: versionView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createVersion(app.db, request.params.id, request.body, requireActor(request))),
  );

  app.get(
    '/catalogues/versions/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'One version with its decision and items',
        params: idParams,
        response: { 200: versionView },
      },
    },
    async (request) => service.getVersion(app.db, request.params.id, requireActor(request)),
  );

  app.put(
    '/catalogues/versions/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Edit a draft or returned version (items, when given, replace the old ones)',
        params: idParams,
        body: versionInput,
        response: { 200: versionView },
      },
    },
    async (request) => service.updateVersion(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.post(
    '/catalogues/versions/:id/submit',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Propose a version for review',
        params: idParams,
        response: { 200: versionView },
      },
    },
    async (request) => service.submitVersion(app.db, request.params.id, requireActor(request)),
  );

  app.post(
    '/catalogues/versions/:id/decision',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Approve (issue) or return a submitted version',
        params: idParams,
        body: decisionInput,
        response: { 200: versionView },
      },
    },
    async (request) => service.decideVersion(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.get(
    '/catalogues/versions/:id/compliance',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          'Who the version names and what each lacks (traceability, approved data, stamps, recent events)',
        params: idParams,
        querystring: complianceQuery,
        response: { 200: complianceView },
      },
    },
    async (request) => complianceOf(app.db, request.params.id, request.query, requireActor(request)),
  );

  app.get(
    '/catalogues/versions/:id/compliance.xlsx',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'The compliance view as an Excel workbook',
        params: idParams,
        querystring: complianceQuery,
      },
    },
    async (request, reply) => {
      const view = await complianceOf(app.db, request.params.id, request.query, requireActor(request));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="tuan-thu-danh-muc.xlsx"')
        .send(await complianceXlsx(view));
    },
  );

  app.get(
    '/catalogues/memberships/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: "A product's list memberships: the lists in force today that name it",
        params: idParams,
        response: { 200: z.object({ items: z.array(membershipView) }) },
      },
    },
    async (request) => {
      const memberships = await listMembershipsOf(app.db, [request.params.id], requireActor(request));
      return { items: (memberships.get(request.params.id) ?? []) as z.infer<typeof membershipView>[] };
    },
  );
}
