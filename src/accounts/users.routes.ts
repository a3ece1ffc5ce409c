import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, requireActor } from '../platform/index.ts';
import { canManageUsers } from './accounts.policy.ts';
import { idParams, userInput, userListQuery, userPage, userPatch, userView } from './users.schema.ts';
import * as service from './users.service.ts';

const tags = ['accounts: users'];
const managers = allow(canManageUsers);

export async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/users',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'List accounts (the department admin: all; an organisation owner: their organisation’s)',
        querystring: userListQuery,
        response: { 200: userPage },
      },
    },
    async (request) => service.listUserAccounts(app.db, request.query, requireActor(request)),
  );

  app.post(
    '/users',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Create an account with a first password (an owner creates staff of their own organisation)',
        body: userInput,
        response: { 201: userView },
      },
    },
    async (request, reply) => {
      const created = await service.createUser(app.db, request.body, requireActor(request), {
        demo: app.config.demo,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/users/:id',
    {
      preValidation: managers,
      schema: { tags, summary: 'One account', params: idParams, response: { 200: userView } },
    },
    async (request) => service.readUserAccount(app.db, request.params.id, requireActor(request)),
  );

  app.patch(
    '/users/:id',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Change an account: name, role and scope, disable/enable, reset password, lift a lock-out',
        params: idParams,
        body: userPatch,
        response: { 200: userView },
      },
    },
    async (request) =>
      service.updateUserAccount(app.db, request.params.id, request.body, requireActor(request), {
        demo: app.config.demo,
      }),
  );
}
