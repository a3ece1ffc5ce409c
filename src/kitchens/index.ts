import type { FastifyInstance } from 'fastify';
import { kitchenPageRoutes } from './kitchens.page.ts';
import { kitchenRoutes } from './kitchens.routes.ts';
import './kitchens.policy.ts';

export {
  addDish,
  createKitchen,
  keepSample,
  publicKitchenPath,
  receiveDelivery,
} from './kitchens.service.ts';

/**
 * School kitchens (issue 16 §4, decision 060): the back office's API under `/api/kitchens` and the parents' page
 * at `/bep-an/:id`. The app mounts `routes` with the `/api` prefix and `pages` without.
 */
export const pages = kitchenPageRoutes;
export default async function routes(app: FastifyInstance) {
  await app.register(kitchenRoutes);
}
