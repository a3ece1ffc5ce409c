import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../platform/auth.ts';
import { Problem } from '../platform/problem.ts';
import { meView, passwordChangeInput, signedOutView, signInInput } from './auth.schema.ts';
import * as auth from './auth.service.ts';
import { personOnly, signedIn } from './gate.ts';
import { describeActor, setSessionCookie } from './me.ts';
import { actorOfUser, requestSession } from './resolve-actor.ts';

const tags = ['accounts: sign-in'];

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/auth/sign-in',
    {
      config: {
        public: true,
        // per address and account: a guessing run against one account meets the lock-out, against many the limit
        rateLimit: {
          max: 10,
          timeWindow: 60_000,
          hook: 'preValidation',
          keyGenerator: (req: FastifyRequest) =>
            `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie and returns the CSRF token',
        body: signInInput,
        response: { 200: meView },
      },
    },
    async (request, reply) => {
      const signed = await auth.signIn(app.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, signed.token);
      return describeActor(app.db, request, actorOfUser(signed.user), signed);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      preValidation: personOnly,
      schema: { tags, summary: 'End this session', response: { 200: signedOutView } },
    },
    async (request, reply) => {
      const session = requestSession(request);
      if (!session) throw new Problem(400, 'accounts.no-session');
      await auth.signOut(app.db, session.id);
      setSessionCookie(reply, null);
      return { sessionsEnded: 1 };
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      preValidation: personOnly,
      schema: {
        tags,
        summary: 'End every session of the signed-in person',
        response: { 200: signedOutView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const sessionsEnded = await auth.signOutEverywhere(app.db, actor.id);
      setSessionCookie(reply, null);
      return { sessionsEnded };
    },
  );

  app.get(
    '/auth/me',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'The caller, its scope, permissions and CSRF token',
        response: { 200: meView },
      },
    },
    async (request) => describeActor(app.db, request, requireActor(request)),
  );

  app.post(
    '/auth/password',
    {
      preValidation: personOnly,
      schema: {
        tags,
        summary: 'Change one’s own password (ends every other session)',
        body: passwordChangeInput,
        response: { 200: signedOutView },
      },
    },
    async (request) => {
      const sessionsEnded = await auth.changePassword(app.db, requireActor(request), {
        ...request.body,
        sessionId: requestSession(request)?.id ?? null,
      });
      return { sessionsEnded };
    },
  );
}
