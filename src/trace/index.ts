import type { FastifyInstance } from 'fastify';
import { requireActor } from '../platform/index.ts';
import './trace.messages.ts';
import { traceRoutes } from './trace.routes.ts';

export type {
  RecallCoverageSource,
  RecallLotKey,
  RecallShipment,
  RecallStamps,
} from './recall.coverage.ts';
export { registerRecallCoverage } from './recall.coverage.ts';
export { traceFrom } from './trace.service.ts';

/** Trace and recall (docs/requirements.md §2 B.8). */
export default async function routes(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    requireActor(request);
  });
  await app.register(traceRoutes);
}
