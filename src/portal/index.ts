import portalRoutes from './portal.routes.ts';

/** The page of an address nothing answers, for the resolver's one-segment addresses (the app wires the two). */
/** One page in the portal's frame and style sheet, for other public faces (a school kitchen's page for parents). */
export { type PortalPage, sendNotFoundPage, sendPortalPage } from './portal.send.ts';

/** The province's public traceability portal at `/` (issue 13 §4). */
export default portalRoutes;
