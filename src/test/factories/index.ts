/**
 * The test factories: builders of registry rows, accounts, stamped products and EPCIS documents, and GS1 key and
 * tax code generators. Everything is made through the modules' own services, as the department would make it.
 * Reading the conformance material in test/vectors/ is `src/test/vectors.ts`.
 */
export { makeSignedInUser, makeUser, type Session, signIn, testPassword } from './accounts.ts';
export { epcisDocument, objectEvent } from './epcis.ts';
export { gln, gtin, sscc, taxCode } from './keys.ts';
export {
  adminActor,
  approve,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  organisationBody,
} from './registry.ts';
export { makeProducer, makeStampedProduct } from './stamps.ts';
