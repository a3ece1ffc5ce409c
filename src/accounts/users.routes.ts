import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, defineMessages, Problem, requireActor } from '../platform/index.ts';
import { canManageUsers, canResetPasswords } from './accounts.policy.ts';
import { deliverResetMail } from './password-reset.routes.ts';
import { resetPasswordByAdmin } from './password-reset.service.ts';
import {
  idParams,
  passwordResetInput,
  passwordResetView,
  userInput,
  userListQuery,
  userPage,
  userPatch,
  userView,
} from './users.schema.ts';
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
        summary: 'Change an account: name, role and scope, disable/enable, lift a sign-in delay',
        params: idParams,
        body: userPatch,
        response: { 200: userView },
      },
    },
    async (request) =>
      service.updateUserAccount(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.post(
    '/users/:id/password-reset',
    {
      preValidation: allow(canResetPasswords),
      schema: {
        tags,
        summary:
          'The department resets a password: a reset link by mail, or a temporary password to change at next sign-in',
        params: idParams,
        body: passwordResetInput,
        response: { 200: passwordResetView },
      },
    },
    async (request) => {
      const { sessionsEnded, mail } = await resetPasswordByAdmin(
        app.db,
        request.params.id,
        request.body,
        requireActor(request),
        { demo: app.config.demo, baseUrl: app.config.baseUrl },
      );
      // sent after the transaction: a mail must not announce a link that was rolled back
      if (mail)
        await deliverResetMail(app, request.log, mail).catch((err) => {
          request.log.error({ err }, 'the password reset mail could not be sent');
          throw new Problem(502, 'accounts.mail-failed');
        });
      return { method: request.body.method, sessionsEnded };
    },
  );
}

defineMessages({
  'problem.accounts.mail-failed': {
    vi: 'Máy chủ thư không nhận thư đặt lại mật khẩu; hãy thử lại sau hoặc đặt mật khẩu tạm thời',
    en: 'The mail server did not take the reset mail; try again later or set a temporary password',
  },
});
