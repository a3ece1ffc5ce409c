import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { receiveDelivery } from './deliveries.service.ts';
import { deliveryBody, deliveryResult } from './hub.api.ts';
import { authenticateNode } from './nodes.service.ts';

/** A thousand EPCIS events with their identifiers run to a few megabytes; the program's default is 1 MB. */
const deliveryBodyLimit = 32 * 1024 * 1024;

/**
 * `POST /api/hub/deliveries`: a province node hands over a batch (the contract in src/sync/receiver.ts). The node
 * is found by its own key before the body is read, so a caller without one learns nothing about the input.
 */
export async function deliveriesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/hub/deliveries',
    {
      bodyLimit: deliveryBodyLimit,
      // not an account's key: the node's own, checked here (the program's actor resolver leaves it alone)
      config: { public: true },
      preParsing: async (request) => {
        request.hubNodeId = (await authenticateNode(app.db, request.headers.authorization)).id;
      },
      schema: {
        tags: ['hub'],
        summary: 'Deliver records and events from a province node (hub mode)',
        security: [{ nodeKey: [] }],
        body: deliveryBody,
        response: { 200: deliveryResult },
      },
    },
    async (request) => ({ results: await receiveDelivery(app.db, request.hubNodeId!, request.body.items) }),
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The province node a delivery comes from (hub mode). */
    hubNodeId?: string;
  }
}
