import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../platform/index.ts';
import {
  certificateInput,
  certificateView,
  directoryPage,
  directoryQuery,
  idParams,
  organisationDetailView,
  organisationInput,
  organisationListQuery,
  organisationPage,
  organisationPatch,
  organisationView,
} from './organisation.schema.ts';
import * as service from './organisation.service.ts';

const tags = ['registry: organisations'];

export async function organisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'List the organisations the caller may see',
        querystring: organisationListQuery,
        response: { 200: organisationPage },
      },
    },
    async (request) => service.listOrganisations(app.db, request.query, requireActor(request)),
  );

  app.get(
    '/organisations/directory',
    {
      schema: {
        tags,
        summary:
          'The directory of organisations on the platform (approved), by name, tax code or GLN: any signed-in user ' +
          'finds a partner to ship to or receive from',
        querystring: directoryQuery,
        response: { 200: directoryPage },
      },
    },
    async (request) => {
      requireActor(request);
      return service.listOrganisationDirectory(app.db, request.query);
    },
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Register an organisation (department admin, or a commune officer in their communes)',
        body: organisationInput,
        response: { 201: organisationView },
      },
    },
    async (request, reply) => {
      const created = await service.createOrganisation(app.db, request.body, requireActor(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation with its certificates',
        params: idParams,
        response: { 200: organisationDetailView },
      },
    },
    async (request) => service.readOrganisation(app.db, request.params.id, requireActor(request)),
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation profile',
        params: idParams,
        body: organisationPatch,
        response: { 200: organisationView },
      },
    },
    async (request) =>
      service.updateOrganisation(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.post(
    '/organisations/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Add a certificate (food safety, VietGAP, organic …)',
        params: idParams,
        body: certificateInput,
        response: { 201: certificateView },
      },
    },
    async (request, reply) => {
      const created = await service.addCertificate(
        app.db,
        request.params.id,
        request.body,
        requireActor(request),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/organisations/:id/certificates/:certificateId',
    {
      schema: {
        tags,
        summary: 'Remove a certificate',
        params: idParams.extend({ certificateId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.removeCertificate(
        app.db,
        request.params.id,
        request.params.certificateId,
        requireActor(request),
      );
      return reply.status(204).send(null);
    },
  );
}
