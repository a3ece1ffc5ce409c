import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, requireActor } from '../platform/index.ts';
import { canManageApiKeys } from './accounts.policy.ts';
import {
  apiKeyInput,
  apiKeyListQuery,
  apiKeyPage,
  apiKeyView,
  createdApiKeyView,
} from './api-keys.schema.ts';
import * as service from './api-keys.service.ts';
import { idParams } from './users.schema.ts';

const tags = ['accounts: API keys'];
const managers = allow(canManageApiKeys);

export async function apiKeyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api-keys',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'List the API keys that act for the caller’s organisation (the admin: all keys)',
        querystring: apiKeyListQuery,
        response: { 200: apiKeyPage },
      },
    },
    async (request) => service.listApiKeysFor(app.db, request.query, requireActor(request)),
  );

  app.post(
    '/api-keys',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Issue an API key (role api_client); the key is in this answer only',
        body: apiKeyInput,
        response: { 201: createdApiKeyView },
      },
    },
    async (request, reply) => {
      const created = await service.issueApiKey(app.db, request.body, requireActor(request));
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Revoke an API key (at once, for good)',
        params: idParams,
        response: { 200: apiKeyView },
      },
    },
    async (request) => service.revokeApiKeyFor(app.db, request.params.id, requireActor(request)),
  );
}
