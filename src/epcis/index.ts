import type { FastifyInstance } from 'fastify';
import queriesRoutes from './epcis.queries.routes.ts';
import epcisRoutes, { type EpcisRoutesOptions } from './epcis.routes.ts';
import { epcisSchemaValidator } from './epcis.validator.ts';

export { type ClassBalance, classBalances, classesGainedBy } from './epcis.balance.ts';
export { type EventCounts, eventCounts, rollUpEventDays } from './epcis.event-days.ts';
export { masterDataNames } from './epcis.masterdata.ts';
export { parseEventQuery } from './epcis.query.ts';
export { gtinFirstReady, gtinPeriodsReady } from './epcis.rollup.ts';
export {
  type CaptureSeal,
  captureRoot,
  type EventLeafFields,
  eventLeaf,
  eventLeafFields,
  type SealedEventRow,
  sealOrder,
  storedEventsById,
  storedEventsOfCapture,
} from './epcis.seal.ts';
export {
  type CaptureRule,
  captureEpcisDocument,
  findEventsByIds,
  getEventsByPk,
  queryEvents,
  registerCaptureRule,
} from './epcis.service.ts';
export type { StoredEvent, StoredEventId } from './epcis.types.ts';

/** The GS1 EPCIS 2.0 REST binding, mounted at /epcis. The JSON Schema is compiled as the plugin starts. */
export default async function routes(app: FastifyInstance, opts: EpcisRoutesOptions = {}) {
  epcisSchemaValidator();
  await app.register(epcisRoutes, {
    readableOrganisationsFor: opts.readableOrganisationsFor,
    linkValuesFor: opts.linkValuesFor,
  });
  await app.register(queriesRoutes, { linkValuesFor: opts.linkValuesFor });
}
