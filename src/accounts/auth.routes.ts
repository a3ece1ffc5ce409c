import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem, personOnly, requireActor, signedIn } from '../platform/index.ts';
import { meView, passwordChangeInput, signedOutView, signInInput } from './auth.schema.ts';
import * as auth from './auth.service.ts';
import { describeActor, deviceCookie, setDeviceCookie, setSessionCookie } from './me.ts';
import { actorOfUser, requestSession } from './resolve-actor.ts';

const tags = ['accounts: sign-in'];

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/auth/sign-in',
    {
      config: {
        public: true,
        // Guessing is slowed by the throttle in the database (per e-mail, per known browser, per address). This
        // limit only keeps one process from being flooded with requests, each of which would cost a hash.
        rateLimit: { max: 60, timeWindow: 60_000, hook: 'onRequest' },
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
        deviceToken: request.cookies[deviceCookie],
      });
      setSessionCookie(reply, signed.token);
      setDeviceCookie(reply, signed.deviceToken);
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
      // the current password is checked here too: a borrowed session must not become a password oracle
      config: { rateLimit: { max: 10, timeWindow: 15 * 60_000 } },
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
        demo: app.config.demo,
      });
      return { sessionsEnded };
    },
  );
}
