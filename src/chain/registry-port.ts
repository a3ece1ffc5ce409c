// The registry services the chain, diary and import modules call, gathered in one place.

export { lotInput } from '../registry/lot.schema.ts';
export { listLots } from '../registry/lot.service.ts';
export { productInput } from '../registry/product.schema.ts';
export { listProducts } from '../registry/product.service.ts';
export {
  createLot,
  createProduct,
  getLocation,
  getOrganisation,
  getOrganisationsByIds,
  getProductByGtin,
  isOwnedBy,
  type LocationView,
  listLocationsOfOrganisation,
  mayReadOrganisationData,
  ownersOfIdentifiers,
  readableOrganisationIds,
} from '../registry/registry.service.ts';
export { normaliseTaxCode } from '../registry/tax-code.ts';
