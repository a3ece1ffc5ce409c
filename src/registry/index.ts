import type { FastifyInstance } from 'fastify';
import { requireActor } from '../platform/index.ts';
import { administrativeUnitRoutes } from './admin-units.routes.ts';
import { administrativeUnits } from './admin-units.ts';
import { communeBoundaryRoutes } from './commune-boundaries.routes.ts';
import { communeBoundaries } from './commune-boundaries.ts';
import { locationRoutes } from './location.routes.ts';
import { lotRoutes } from './lot.routes.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { productRoutes } from './product.routes.ts';
import { traceabilitySystemRoutes } from './traceability-system.routes.ts';
import './registry.messages.ts';
import './audit-subjects.ts';

// What other modules may call. A module never reads the registry's tables: it calls these.
export { administrativeUnits, configureAdministrativeUnits, findAdministrativeUnit } from './admin-units.ts';
export { noteIdentifiersFromCapture } from './capture-identifiers.ts';
export type { Bbox, CommuneBoundary } from './commune-boundaries.ts';
export { communeBoundariesNear, configureCommuneBoundaries } from './commune-boundaries.ts';
export { isForeign, isOwnedBy, ownersOfIdentifiers } from './identifier-owners.ts';
export type { ReviewStatus } from './list-query.ts';
export type { LocationInput, LocationView } from './location.schema.ts';
export {
  createLocation,
  getLocation,
  getLocationByGln,
  getLocationsByGlns,
  getLocationsByIds,
  getPublishedLocation,
  getPublishedLocationsByIds,
  listLocations,
  listLocationsOfOrganisation,
} from './location.service.ts';
export type { LotView } from './lot.schema.ts';
export { lotInput } from './lot.schema.ts';
export {
  completeLotFromStage,
  createLot,
  getLot,
  getLotByKey,
  getLotStatusByKey,
  getLotsByKeys,
  getPublishedLotByKey,
  listLots,
  setLotStatus,
} from './lot.service.ts';
export type { OrganisationInput, OrganisationView } from './organisation.schema.ts';
export { organisationInput, organisationView } from './organisation.schema.ts';
export {
  addCertificate,
  createOrganisation,
  getOrganisation,
  getOrganisationsByGlns,
  getOrganisationsByIds,
  getPublishedOrganisation,
  getPublishedOrganisationsByIds,
  hasOrganisations,
  updateOrganisation,
} from './organisation.service.ts';
export { organisationsOfUnits } from './organisations-of-units.ts';
export { partyIdsOfOrganisations } from './party-ids.ts';
export type { ProductInput, ProductView } from './product.schema.ts';
export { productInput } from './product.schema.ts';
export {
  createProduct,
  getProduct,
  getProductByGtin,
  getProductsByGtins,
  getPublishedProductByGtin,
  listProducts,
} from './product.service.ts';
export type {
  PublicCatalogue,
  PublicLot,
  PublicOrganisation,
  PublicPlace,
  PublicProduct,
} from './public-catalogue.ts';
export { publicCatalogue, searchPublicLots } from './public-catalogue.ts';
export type { PublicationChange, PublicationListener } from './publication-listeners.ts';
export { connectPublicationListener } from './publication-listeners.ts';
export { listPublishedRecordIds } from './published-ids.ts';
export { getPublishedRecord } from './published-record.ts';
export { mayReadOrganisationData, readableOrganisationIds } from './readable-organisations.ts';
export { canRegisterOrganisation } from './registry.policy.ts';
export type { ReviewedEntity } from './review-status.ts';
export { setReviewStatus, withdrawPublication } from './review-status.ts';
export { normaliseTaxCode, taxCodeCheckDigit } from './tax-code.ts';
export { circularDataItems, traceabilityPrinciples } from './traceability-system.schema.ts';
export {
  addTraceabilitySystem,
  connectEvidenceFiles,
  traceabilityInPlace,
} from './traceability-system.service.ts';

/**
 * Registry of organisations, locations, products, lots and the traceability systems organisations use, with the
 * province's administrative units (docs/requirements.md §2 A, B.5).
 */
export default async function routes(app: FastifyInstance) {
  // A broken units file must stop the program at start, not surface as errors on the first form.
  administrativeUnits();
  communeBoundaries();
  await app.register(administrativeUnitRoutes);
  await app.register(communeBoundaryRoutes);
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
