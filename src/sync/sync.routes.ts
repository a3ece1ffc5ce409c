import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, pickLanguage, requireActor } from '../platform/index.ts';
import { queueEverything } from './backfill.ts';
import * as service from './outbox.service.ts';
import { outboxPage, outboxQuery, outboxRowView, outboxSummary, queuedAll } from './sync.api.ts';
import { mayManageSync } from './sync.policy.ts';

const tags = ['sync'];
const idParams = z.object({ id: z.coerce.number().int().min(1) });
const managers = allow(mayManageSync);

/** The province's outbox screen (issue 14 §3): the department's admin only. */
export async function syncRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const lang = (request: { headers: Record<string, unknown> }) =>
    pickLanguage(request.headers['accept-language'] as string | undefined);

  app.get(
    '/sync/outbox/summary',
    {
      preValidation: managers,
      schema: {
        tags,
        summary:
          'What waits to leave the province, per receiver: counts by state and the oldest undelivered record',
        response: { 200: outboxSummary },
      },
    },
    async (request) =>
      service.outboxSummary(app.db, requireActor(request), lang(request), app.config.sync.maxAttempts),
  );

  app.get(
    '/sync/outbox',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'The outbox, newest first, by state, receiver and kind of record',
        querystring: outboxQuery,
        response: { 200: outboxPage },
      },
    },
    async (request) => service.listOutbox(app.db, requireActor(request), lang(request), request.query),
  );

  app.post(
    '/sync/outbox/:id/retry',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Send a parked or held record again from the first try (audited)',
        params: idParams,
        response: { 200: outboxRowView },
      },
    },
    async (request) => service.retryRow(app.db, requireActor(request), request.params.id, lang(request)),
  );

  app.post(
    '/sync/outbox/:id/park',
    {
      preValidation: managers,
      schema: {
        tags,
        summary: 'Stop sending a waiting or held record until it is retried by hand (audited)',
        params: idParams,
        response: { 200: outboxRowView },
      },
    },
    async (request) => service.parkRow(app.db, requireActor(request), request.params.id, lang(request)),
  );

  app.post(
    '/sync/outbox/queue-all',
    {
      preValidation: managers,
      schema: {
        tags,
        summary:
          'Queue for each receiver every approved record and captured event it has nothing of yet (approved before it was configured); audited',
        response: { 200: queuedAll },
      },
    },
    async (request) => queueEverything(app.db, requireActor(request)),
  );
}
