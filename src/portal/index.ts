import portalRoutes from './portal.routes.ts';

/** The province's public traceability portal at `/` (issue 13 §4). */
export default portalRoutes;
