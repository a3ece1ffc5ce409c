import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, notFound, requireActor } from '../platform/index.ts';
import { renderCarrierPng, renderCarrierSvg } from './stamps.carriers.ts';
import {
  activateStamps,
  deactivateStamps,
  getStampRange,
  listStampRanges,
  revokeStamps,
} from './stamps.lifecycle.ts';
import { canHandleStamps } from './stamps.policy.ts';
import { presentRange, presentRequest } from './stamps.presenter.ts';
import { printStamps } from './stamps.print.ts';
import {
  stampActivationBody,
  stampCarrierQuery,
  stampPrintBody,
  stampRangeResponse,
  stampReasonBody,
  stampRequestBody,
  stampRequestResponse,
} from './stamps.schema.ts';
import { getStampRequest, listStampRequests, requestStamps } from './stamps.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['stamps'];

export default async function stampRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = () => app.config.baseUrl;

  app.post(
    '/stamps/requests',
    {
      schema: {
        tags,
        body: stampRequestBody,
        response: { 201: stampRequestResponse.extend({ reviewItemId: z.string() }) },
      },
    },
    async (request, reply) => {
      const {
        request: row,
        range,
        reviewItemId,
      } = await requestStamps(app.db, requireActor(request), request.body);
      return reply.status(201).send({ ...presentRequest(row, range), reviewItemId });
    },
  );

  app.get(
    '/stamps/requests',
    { schema: { tags, response: { 200: z.object({ items: z.array(stampRequestResponse) }) } } },
    async (request) => {
      const rows = await listStampRequests(app.db, requireActor(request));
      return { items: rows.map((r) => presentRequest(r.request, r.range)) };
    },
  );

  app.get(
    '/stamps/requests/:id',
    { schema: { tags, params: idParams, response: { 200: stampRequestResponse } } },
    async (request) => {
      const { request: row, range } = await getStampRequest(app.db, requireActor(request), request.params.id);
      return presentRequest(row, range);
    },
  );

  app.get(
    '/stamps/ranges',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                requestId: z.string(),
                organisationId: z.string(),
                gtin: z.string(),
                kind: z.string(),
                firstSerial: z.number(),
                lastSerial: z.number(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await listStampRanges(app.db, requireActor(request));
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  );

  app.get(
    '/stamps/ranges/:id',
    { schema: { tags, params: idParams, response: { 200: stampRangeResponse } } },
    async (request) => {
      const { range, changes } = await getStampRange(app.db, requireActor(request), request.params.id);
      return presentRange(range, changes, base());
    },
  );

  const change = (
    path: string,
    body: typeof stampActivationBody | typeof stampReasonBody,
    fn: typeof activateStamps | typeof deactivateStamps,
  ) =>
    app.post(
      `/stamps/ranges/:id/${path}`,
      { schema: { tags, params: idParams, body, response: { 200: stampRangeResponse } } },
      async (request) => {
        const { range, changes } = await fn(
          app.db,
          requireActor(request),
          request.params.id,
          request.body as any,
        );
        return presentRange(range, changes, base());
      },
    );
  change('activate', stampActivationBody, activateStamps);
  change('deactivate', stampReasonBody, deactivateStamps);
  change('revoke', stampReasonBody, revokeStamps);

  app.post(
    '/stamps/ranges/:id/print',
    {
      schema: {
        tags,
        params: idParams,
        body: stampPrintBody,
        description:
          'A PDF print sheet (every print is recorded in the range history). For anti-counterfeit stamps this creates their secrets: print once, then only as a reprint.',
      },
    },
    async (request, reply) => {
      const pdf = await printStamps(app.db, requireActor(request), request.params.id, request.body, base());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="stamps-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/stamps/ranges/:id/codes/:serial',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), serial: z.coerce.number().int().min(1) }),
        querystring: stampCarrierQuery,
        description:
          'One traceability stamp as QR or DataMatrix (the Digital Link), GS1 DataMatrix or GS1-128 (the element string) or EAN-13 (SVG or PNG).',
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { range } = await getStampRange(app.db, actor, request.params.id);
      if (!canHandleStamps(actor, range.organisationId)) throw forbidden();
      const serial = request.params.serial;
      // anti-counterfeit codes exist only on their print sheet
      if (serial < range.firstSerial || serial > range.lastSerial || range.kind !== 'traceability')
        throw notFound('stamps.range-not-found');
      const stamp = { gtin: range.gtin, serial, lot: request.query.lot ?? null };
      if (request.query.type === 'png')
        return reply.type('image/png').send(await renderCarrierPng(request.query.format, base(), stamp));
      return reply.type('image/svg+xml').send(renderCarrierSvg(request.query.format, base(), stamp));
    },
  );
}
