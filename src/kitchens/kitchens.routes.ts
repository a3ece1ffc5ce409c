import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, requireActor } from '../platform/index.ts';
import {
  dishInput,
  dishView,
  kitchenInput,
  kitchenView,
  menuQuery,
  menuView,
  overviewQuery,
  overviewView,
  receiptsQuery,
  receiptView,
  receiveInput,
  sampleInput,
  samplesQuery,
  sampleView,
} from './kitchens.api.ts';
import { mayCreateKitchen, mayReadOverview, mayUseKitchens } from './kitchens.policy.ts';
import * as kitchens from './kitchens.service.ts';

const tags = ['kitchens'];
const idParams = z.object({ id: z.uuid() });
const sampleParams = z.object({ id: z.uuid(), sampleId: z.uuid() });

/** The back office's school kitchens (issue 16 §4): receiving by stamp, the daily menu, kept samples. */
export async function kitchenRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const use = { preValidation: allow(mayUseKitchens) };
  app.get(
    '/kitchens',
    {
      ...use,
      schema: { tags, summary: 'The kitchens the reader may see', response: { 200: z.array(kitchenView) } },
    },
    async (request) => kitchens.listKitchens(app.db, requireActor(request)),
  );
  app.post(
    '/kitchens',
    {
      preValidation: allow(mayCreateKitchen),
      schema: {
        tags,
        summary: 'Register a school kitchen at a location of type school_kitchen',
        body: kitchenInput,
        response: { 201: kitchenView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await kitchens.createKitchen(app.db, requireActor(request), request.body)),
  );
  app.get(
    '/kitchens/overview',
    {
      preValidation: allow(mayReadOverview),
      schema: {
        tags,
        summary: 'Which kitchens and suppliers are traced: deliveries by stamp or not, days with a menu',
        querystring: overviewQuery,
        response: { 200: overviewView },
      },
    },
    async (request) => kitchens.overview(app.db, requireActor(request), request.query),
  );
  app.get(
    '/kitchens/:id',
    { ...use, schema: { tags, summary: 'One kitchen', params: idParams, response: { 200: kitchenView } } },
    async (request) => kitchens.getKitchen(app.db, requireActor(request), request.params.id),
  );
  app.get(
    '/kitchens/:id/receipts',
    {
      ...use,
      schema: {
        tags,
        summary: 'Lots the kitchen received, with supplier and origin (30 days when no dates)',
        params: idParams,
        querystring: receiptsQuery,
        response: { 200: z.array(receiptView) },
      },
    },
    async (request) => kitchens.listReceipts(app.db, requireActor(request), request.params.id, request.query),
  );
  app.post(
    '/kitchens/:id/receipts',
    {
      ...use,
      schema: {
        tags,
        summary: "Receive a delivery by the supplier's stamp (link or code) or a shipment's reference",
        params: idParams,
        body: receiveInput,
        response: { 201: z.array(receiptView) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await kitchens.receiveDelivery(app.db, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/kitchens/:id/menu',
    {
      ...use,
      schema: {
        tags,
        summary: "A day's menu (today when no date): dishes with the lots they were made from",
        params: idParams,
        querystring: menuQuery,
        response: { 200: menuView },
      },
    },
    async (request) => kitchens.getMenu(app.db, requireActor(request), request.params.id, request.query.date),
  );
  app.post(
    '/kitchens/:id/dishes',
    {
      ...use,
      schema: {
        tags,
        summary: 'Add a dish to a day’s menu, made from received lots (a transformation event)',
        params: idParams,
        body: dishInput,
        response: { 201: dishView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await kitchens.addDish(app.db, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/kitchens/:id/samples',
    {
      ...use,
      schema: {
        tags,
        summary: 'Kept samples of the last 7 days, or (due=true) those to discard now',
        params: idParams,
        querystring: samplesQuery,
        response: { 200: z.array(sampleView) },
      },
    },
    async (request) => kitchens.listSamples(app.db, requireActor(request), request.params.id, request.query),
  );
  app.post(
    '/kitchens/:id/samples',
    {
      ...use,
      schema: {
        tags,
        summary: 'Keep a sample of a dish (lưu mẫu), at least 24 hours',
        params: idParams,
        body: sampleInput,
        response: { 201: sampleView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await kitchens.keepSample(app.db, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/kitchens/:id/samples/:sampleId/discard',
    {
      ...use,
      schema: {
        tags,
        summary: 'Record that a sample was discarded, once its keeping time is over',
        params: sampleParams,
        response: { 200: sampleView },
      },
    },
    async (request) =>
      kitchens.discardSample(app.db, requireActor(request), request.params.id, request.params.sampleId),
  );
}
