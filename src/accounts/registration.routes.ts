import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { openSession } from './auth.service.ts';
import { describeActor, setSessionCookie } from './me.ts';
import { registrationInput, registrationView } from './registration.schema.ts';
import { registerProducer } from './registration.service.ts';
import { actorOfUser } from './resolve-actor.ts';

export async function registrationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/registrations',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: 60 * 60_000 } },
      schema: {
        tags: ['accounts: registration'],
        summary:
          'A producer registers itself: owner account + organisation profile as a draft; signs the owner in. ' +
          'Then submit the organisation with POST /api/review/submissions.',
        body: registrationInput,
        response: { 201: registrationView },
      },
    },
    async (request, reply) => {
      const { owner, organisation } = await registerProducer(app.db, request.body, { demo: app.config.demo });
      const session = await openSession(app.db, owner, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, session.token);
      const me = await describeActor(app.db, request, actorOfUser(owner), session);
      return reply.status(201).send({ me, organisation });
    },
  );
}
