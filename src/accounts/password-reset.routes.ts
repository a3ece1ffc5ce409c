import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  passwordResetRequestInput,
  passwordResetRequestView,
  passwordSetInput,
  signedOutView,
} from './auth.schema.ts';
import { type ResetMail, requestPasswordReset, resetPassword } from './password-reset.service.ts';

const tags = ['accounts: sign-in'];
// each attempt costs the throttle's transaction; the throttle, not this, is what limits asking
const floodGuard = { max: 60, timeWindow: 60_000, hook: 'onRequest' } as const;

/**
 * Sends a reset mail. Without an SMTP server the mail is a file, and the log names it with the link, so whoever
 * runs a development or demo copy can follow it.
 */
export async function deliverResetMail(app: FastifyInstance, log: FastifyBaseLogger, mail: ResetMail) {
  const { link, ...message } = mail;
  const { file } = await app.sendMail(message);
  if (file)
    log.info({ mailFile: file, link }, 'password reset mail written to a file (no SMTP server configured)');
}

export async function passwordResetRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/auth/password-reset-requests',
    {
      config: { public: true, rateLimit: floodGuard },
      schema: {
        tags,
        summary:
          'Forgotten password: mails a one-hour reset link when the e-mail has an account; same answer for any e-mail',
        body: passwordResetRequestInput,
        response: { 202: passwordResetRequestView },
      },
    },
    async (request, reply) => {
      const mail = await requestPasswordReset(
        app.db,
        { email: request.body.email, ip: request.ip },
        app.config.baseUrl,
      );
      // not awaited: how long a mail server takes must not tell who has an account
      if (mail)
        deliverResetMail(app, request.log, mail).catch((err) =>
          request.log.error({ err }, 'the password reset mail could not be sent'),
        );
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { public: true, rateLimit: floodGuard },
      schema: {
        tags,
        summary: 'Set a new password with a reset link’s token (ends every session of the account)',
        body: passwordSetInput,
        response: { 200: signedOutView },
      },
    },
    async (request) => {
      const sessionsEnded = await resetPassword(app.db, {
        ...request.body,
        ip: request.ip,
        demo: app.config.demo,
      });
      return { sessionsEnded };
    },
  );
}
