import type { FastifyInstance } from 'fastify';
import { deliveriesRoutes } from './deliveries.routes.ts';
import './hub.messages.ts';
import { nodesRoutes } from './nodes.routes.ts';
import { searchRoutes } from './search.routes.ts';

export { leavingNodeKeysAlone } from './actor-resolver.ts';
export { runHubCommand } from './hub.cli.ts';
export { dashboardPath, hubPages } from './hub.pages.ts';

/**
 * Hub mode (`TXNG_MODE=hub`, issue 14 §3, decision 053): province nodes deliver their approved records here; the
 * hub answers national search and resolves any province's stamp. Its JSON API under `/api/hub`.
 */
export default async function hubApi(app: FastifyInstance) {
  await app.register(deliveriesRoutes);
  await app.register(nodesRoutes);
  await app.register(searchRoutes);
}
