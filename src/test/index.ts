// test: support for every module's tests (a fresh app and database per file). The program never imports it.

export type { TestApp } from './app.ts';
export { createTestApp, openTestDatabase } from './app.ts';
export {
  asStored,
  differences,
  isRecordTime,
  readEvent,
  readEvents,
  sameAsDigitalLink,
} from './epcis-readback.ts';
export type { Session } from './factories/accounts.ts';
export { makeSignedInUser, makeUser, signIn, testPassword } from './factories/accounts.ts';
export { epcisDocument, objectEvent } from './factories/epcis.ts';
export { gln, gtin, sscc, taxCode } from './factories/keys.ts';
export {
  adminActor,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  organisationBody,
} from './factories/registry.ts';
export { makeProducer, makeStampedProduct } from './factories/stamps.ts';
export { multipartBody } from './multipart.ts';
export {
  type NationalPortalSimulator,
  startNationalPortalSimulator,
} from './national-portal-simulator.ts';
export { type ReplicatedPair, replicationBinaries, startReplicatedPair } from './replication.ts';
export { changedTables, rowCounts } from './row-counts.ts';
export {
  databaseUrl,
  freePort,
  pgQuery,
  postgresAnswers,
  processesAdminUrl,
  startProcess,
  stopProcess,
  type TxngProcess,
  txngProcess,
} from './txng-process.ts';
export { engineOptions, loadVectors, manifest, pairs, readJson, readText, vectorsDir } from './vectors.ts';
