import type { FastifyInstance } from 'fastify';
import { shipmentRoutes } from './shipments.routes.ts';
import { stageRoutes } from './stages.routes.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(stageRoutes);
  await app.register(shipmentRoutes);
}
