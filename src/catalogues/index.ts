import type { FastifyInstance } from 'fastify';
import { catalogueRoutes } from './catalogues.routes.ts';
import './catalogues.messages.ts';

// What other modules may call.
export type { Membership } from './catalogues.compliance.ts';
export { complianceOf, listedProductsSql, listMembershipsOf } from './catalogues.compliance.ts';
export { createList, createVersion, decideVersion, submitVersion } from './catalogues.service.ts';

export default async function catalogues(app: FastifyInstance) {
  await app.register(catalogueRoutes);
}
