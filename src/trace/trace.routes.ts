import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../platform/index.ts';
import { recallCsv, recallXlsx } from './recall.export.ts';
import { recallReport } from './recall.service.ts';
import { recallQuery, traceQuery, traceResult } from './trace.schema.ts';
import { traceFrom } from './trace.service.ts';

const tags = ['trace'];

export async function traceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/trace',
    {
      schema: {
        tags,
        summary:
          'Trace a lot, item or logistic unit backward (to farm and inputs) and forward (to every customer)',
        description:
          'id: a GS1 Digital Link (any domain), EPC URN, element string, or an eventID to start from everything that ' +
          'event names. asOf answers as the data stood then. ' +
          'An organisation sees the events it captured and those naming it as source or destination.',
        querystring: traceQuery,
        response: { 200: traceResult },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, direction, asOf } = request.query;
      return traceFrom(app.db, { id, direction, asOf: asOf ? new Date(asOf) : null, actor });
    },
  );

  app.get(
    '/trace/recall',
    {
      schema: {
        tags,
        summary:
          'Recall impact report of a lot: affected lots, parties, places, times and documents (FSMA 204 style), ' +
          'with the stamps bound to those lots and the shipments that carried them',
        description:
          'stamps and shipments list only what the caller may read: the stamps of its own organisations (or those ' +
          'it supervises), the shipments it sent or received — those of the stage form (state pending, received, disputed, ' +
          'outside) and shipping events captured otherwise (shipmentId null; state sent, or received once a receiving ' +
          'event of the lot at the same party follows). format=csv gives one sheet, chosen by sheet=' +
          'events|stamps|shipments; format=xlsx gives all three as worksheets.',
        querystring: recallQuery,
        response: { 200: z.unknown() },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, format, sheet, asOf } = request.query;
      const report = await recallReport(app.db, { id, asOf: asOf ? new Date(asOf) : null, actor });
      const name = `thu-hoi-${report.generatedAt.slice(0, 10)}`;
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${sheet === 'events' ? name : `${name}-${sheet}`}.csv"`,
          )
          .send(recallCsv(report, sheet));
      }
      if (format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await recallXlsx(report));
      }
      return report;
    },
  );
}
