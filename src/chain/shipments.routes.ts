import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../platform/index.ts';
import {
  disputeShipmentInput,
  receiveShipmentInput,
  shipmentListQuery,
  shipmentListResponse,
  shipmentResponse,
} from './shipments.schema.ts';
import { disputeShipment, getShipment, listShipments, receiveShipment } from './shipments.service.ts';

const tags = ['shipments'];
const params = z.object({ id: z.string().uuid() });

export async function shipmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const side of ['incoming', 'outgoing'] as const) {
    r.get(
      `/shipments/${side}`,
      {
        schema: {
          tags,
          summary:
            side === 'incoming'
              ? 'Shipments sent to my organisation, to confirm or dispute'
              : 'Shipments my organisation sent, with their state',
          querystring: shipmentListQuery,
          response: { 200: shipmentListResponse },
        },
      },
      async (request) => listShipments(app.db, requireActor(request), side, request.query),
    );
  }
  r.get(
    '/shipments/:id',
    {
      schema: {
        tags,
        summary: 'One shipment (its sender and receiver only)',
        params,
        response: { 200: shipmentResponse },
      },
    },
    async (request) => getShipment(app.db, requireActor(request), request.params.id),
  );
  r.post(
    '/shipments/:id/receive',
    {
      schema: {
        tags,
        summary: 'Confirm receipt: records the receiving event with the sender as source',
        params,
        body: receiveShipmentInput,
        response: { 200: shipmentResponse },
      },
    },
    async (request) => receiveShipment(app.db, requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/shipments/:id/dispute',
    {
      schema: {
        tags,
        summary: 'Dispute a shipment, with the reason',
        params,
        body: disputeShipmentInput,
        response: { 200: shipmentResponse },
      },
    },
    async (request) => disputeShipment(app.db, requireActor(request), request.params.id, request.body.reason),
  );
}
