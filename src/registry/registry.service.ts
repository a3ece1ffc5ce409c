// What other modules may call. A module never reads the registry's tables: it calls these.
export { administrativeUnits, findAdministrativeUnit } from './admin-units.ts';
export { noteIdentifiersFromCapture } from './capture-identifiers.ts';
export { isForeign, isOwnedBy, type Owners, ownersOfIdentifiers } from './identifier-owners.ts';
export type { ReviewStatus } from './list-query.ts';
export type { LocationView } from './location.schema.ts';
export {
  createLocation,
  getLocation,
  getLocationByGln,
  getLocationsByGlns,
  getLocationsByIds,
  listLocationsOfOrganisation,
} from './location.service.ts';
export type { LotStatus, LotView } from './lot.schema.ts';
export { createLot, getLot, getLotByKey, getLotsByKeys, setLotStatus } from './lot.service.ts';
export type { OrganisationView } from './organisation.schema.ts';
export {
  addCertificate,
  createOrganisation,
  getOrganisation,
  getOrganisationsByGlns,
  getOrganisationsByIds,
  hasOrganisations,
  updateOrganisation,
} from './organisation.service.ts';
export { partyIdsOfOrganisations } from './party-ids.ts';
export type { ProductView } from './product.schema.ts';
export {
  createProduct,
  getProduct,
  getProductByGtin,
  getProductsByGtins,
  updateProduct,
} from './product.service.ts';
export { mayReadOrganisationData, readableOrganisationIds } from './readable-organisations.ts';
export { canMoveReviewStatus, type ReviewedEntity, setReviewStatus } from './review-status.ts';
export {
  addTraceabilitySystem,
  listTraceabilitySystems,
  summariseTraceabilitySystems,
} from './traceability-system.service.ts';
