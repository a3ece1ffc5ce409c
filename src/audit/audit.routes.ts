import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, defineMessages, pickLanguage, requireActor } from '../platform/index.ts';
import { canReadAudit } from './audit.policy.ts';
import { presentAuditEntry } from './audit.presenter.ts';
import { findAuditRows } from './audit.repo.ts';
import { readableOrganisations } from './audit.scope.ts';
import { verifyAuditChain } from './audit.verify.ts';
import { auditPage, auditQuery, chainVerdictView } from './audit-api.schema.ts';

const tags = ['audit'];

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/audit',
    {
      preValidation: allow(canReadAudit),
      schema: {
        tags,
        summary:
          'Search the audit log, newest first, in words: the department and inspectors read all of it, officers ' +
          'the entries about the organisations of their sector or communes, an owner those about their own',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const q = request.query;
      const readable = await readableOrganisations(app.db, requireActor(request));
      const lang = pickLanguage(request.headers['accept-language']);
      const { rows, total } = await findAuditRows(
        app.db,
        {
          entityType: q.entityType,
          entityId: q.entityId,
          actorId: q.actor,
          organisationId: q.organisationId,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          text: q.q,
          readable,
        },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return {
        items: rows.map((row) => presentAuditEntry(row, lang)),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      // recomputing the chain reads the whole log: public, but not to be hammered
      config: { public: true, rateLimit: { max: 6, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          'Public: recompute the hash chain of the audit log (sha256 of the previous hash and each row) and say ' +
          'whether any row was altered or removed',
        response: { 200: chainVerdictView },
      },
    },
    async () => verifyAuditChain(app.db),
  );
}

defineMessages({
  'audit.toBeforeFrom': { vi: 'phải sau thời điểm "from"', en: 'must not be before "from"' },
});
