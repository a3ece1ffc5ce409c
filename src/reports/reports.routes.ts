import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, requireActor } from '../platform/index.ts';
import {
  reportCreateInput,
  reportHeaderInput,
  reportList,
  reportListQuery,
  reportView,
} from './reports.api.ts';
import { reportPdf } from './reports.pdf.ts';
import { mayReadReports, mayWriteReports } from './reports.policy.ts';
import {
  agencyOf,
  createReport,
  deleteReport,
  issueReport,
  listReports,
  readReport,
  updateReport,
} from './reports.service.ts';
import { reportXlsx } from './reports.xlsx.ts';

const tags = ['reports'];
const idParams = z.object({ id: z.uuid() });
const writers = allow(mayWriteReports);
const readers = allow(mayReadReports);

/** A file name people recognise: "bao-cao-2026-01-01-2026-12-31.xlsx". */
const fileName = (r: { periodFrom: string; periodTo: string }, ext: string) =>
  `bao-cao-${r.periodFrom}-${r.periodTo}.${ext}`;

/** Periodic reports: the admin creates, edits drafts and issues; department staff and officers read. */
export async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const agency = () => agencyOf(app.config.provinceName);
  r.get(
    '/periodic-reports',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'Reports, latest period first',
        querystring: reportListQuery,
        response: { 200: reportList },
      },
    },
    async (request) => listReports(app.db, requireActor(request), request.query),
  );
  r.post(
    '/periodic-reports',
    {
      preValidation: writers,
      schema: {
        tags,
        summary:
          'Create a draft: annual (year), half-yearly (year, half 1 or 2) or for a period (periodFrom–periodTo)',
        body: reportCreateInput,
        response: { 201: reportView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createReport(app.db, requireActor(request), request.body, agency())),
  );
  r.get(
    '/periodic-reports/:id',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'One report: a draft computed now from the data, an issued report as frozen when issued',
        params: idParams,
        response: { 200: reportView },
      },
    },
    async (request) => readReport(app.db, requireActor(request), request.params.id, agency()),
  );
  r.put(
    '/periodic-reports/:id',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: "Change a draft's title, number, recipients, signer and notes (409 once issued)",
        params: idParams,
        body: reportHeaderInput,
        response: { 200: reportView },
      },
    },
    async (request) => updateReport(app.db, requireActor(request), request.params.id, request.body, agency()),
  );
  r.delete(
    '/periodic-reports/:id',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'Throw a draft away (409 once issued: issued reports are kept)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await deleteReport(app.db, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    '/periodic-reports/:id/issue',
    {
      preValidation: writers,
      schema: {
        tags,
        summary:
          'Issue a draft: its figures are frozen as they are now (needs a number and a signer; 409 if issued)',
        params: idParams,
        response: { 200: reportView },
      },
    },
    async (request) => issueReport(app.db, requireActor(request), request.params.id, agency()),
  );
  r.get(
    '/periodic-reports/:id/export.xlsx',
    {
      preValidation: readers,
      schema: { tags, summary: 'The report as an Excel workbook', params: idParams },
    },
    async (request, reply) => {
      const report = await readReport(app.db, requireActor(request), request.params.id, agency());
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName(report, 'xlsx')}"`)
        .send(await reportXlsx(report));
    },
  );
  r.get(
    '/periodic-reports/:id/export.pdf',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'The report as a PDF administrative document (a draft marked DỰ THẢO)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const report = await readReport(app.db, requireActor(request), request.params.id, agency());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(report, 'pdf')}"`)
        .send(await reportPdf(report));
    },
  );
}
