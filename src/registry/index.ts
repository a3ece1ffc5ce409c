import type { FastifyInstance } from 'fastify';
import { requireActor } from '../platform/auth.ts';
import { administrativeUnitRoutes } from './admin-units.routes.ts';
import { administrativeUnits } from './admin-units.ts';
import { locationRoutes } from './location.routes.ts';
import { lotRoutes } from './lot.routes.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { productRoutes } from './product.routes.ts';
import { traceabilitySystemRoutes } from './traceability-system.routes.ts';
import './registry.messages.ts';

/**
 * Registry of organisations, locations, products, lots and the traceability systems organisations use, with the
 * province's administrative units (docs/requirements.md §2 A, B.5).
 */
export default async function routes(app: FastifyInstance) {
  // A broken units file must stop the program at start, not surface as errors on the first form.
  administrativeUnits();
  await app.register(administrativeUnitRoutes);
  await app.register(async (authenticated) => {
    // Before validation, so an anonymous caller hears 401 rather than what is wrong with its input.
    authenticated.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    await authenticated.register(organisationRoutes);
    await authenticated.register(locationRoutes);
    await authenticated.register(productRoutes);
    await authenticated.register(lotRoutes);
    await authenticated.register(traceabilitySystemRoutes);
  });
}
