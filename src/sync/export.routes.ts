import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, badRequest, forbidden, requireActor } from '../platform/index.ts';
import { buildExportPackage } from './export.package.ts';
import './export.messages.ts';
import { exportScope, mayExportPackage } from './export.policy.ts';

const exportQuery = z.object({
  from: z.iso.date().optional().describe('first day of the events, YYYY-MM-DD, Vietnam time'),
  to: z.iso.date().optional().describe('last day of the events (included)'),
});

/** "txng-du-lieu-2026-01-01-2026-12-31.zip", or without the ends not given. */
export const packageFileName = (from?: string | null, to?: string | null) =>
  `txng-du-lieu${from ? `-${from}` : ''}${to ? `-${to}` : ''}.zip`;

/** The package for a manual upload to the national portal (issue 14 §2). */
export async function exportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/sync/export',
    {
      preValidation: allow(mayExportPackage),
      schema: {
        tags: ['sync'],
        summary:
          'A zip for manual upload to the national portal: the events of the period as one EPCIS 2.0 JSON-LD document, the approved organisations, locations, products and lots as CSV and XLSX (the department: the province; an organisation: its own)',
        querystring: exportQuery,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      if (from && to && to < from) throw badRequest([{ field: '/querystring/to', code: 'sync.periodOrder' }]);
      const organisationIds = exportScope(requireActor(request));
      if (organisationIds === undefined) throw forbidden();
      const { content } = await buildExportPackage(app.db, {
        organisationIds,
        period: { from: from ?? null, to: to ?? null },
        baseUrl: app.config.baseUrl,
        provinceName: app.config.provinceName,
      });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${packageFileName(from, to)}"`)
        .send(content);
    },
  );
}
