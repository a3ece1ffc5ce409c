import crypto from 'node:crypto';
import { buildDigitalLink } from '../gs1/index.ts';
/** Namespace of TXNG's own EPCIS extension fields (`txng:stage`, `txng:diaryEntry`, `txng:parties`). */
import { TXNG_NAMESPACE } from '../platform/index.ts';
import type { LotQuantity } from './stages.schema.ts';

export { TXNG_NAMESPACE };
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
/** Vietnam keeps one time zone all year. */
export const VIETNAM_OFFSET = '+07:00';

/** Vietnam local date-time of an instant as `YYYY-MM-DDTHH:mm:ss.sss` (cut it to the date or the minute). */
export const vietnamLocal = (instant: Date | number | string) =>
  new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 23);

export type EpcisEvent = Record<string, unknown> & { type: string; eventID: string };

export function epcisDocument(events: EpcisEvent[]) {
  return {
    '@context': [EPCIS_CONTEXT, { txng: TXNG_NAMESPACE }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList: events },
  };
}

export const newEventId = () => `urn:uuid:${crypto.randomUUID()}`;

export const gtin14 = (gtin: string) => gtin.trim().padStart(14, '0');

/** A lot as an EPC class in canonical GS1 Digital Link form (`https://id.gs1.org/01/…/10/…`). */
export const lotClassId = (gtin: string, lot: string) =>
  buildDigitalLink([
    { ai: '01', value: gtin14(gtin) },
    { ai: '10', value: lot },
  ]);

export const quantityElement = (q: LotQuantity) => ({
  epcClass: lotClassId(q.gtin, q.lot),
  quantity: q.quantity,
  uom: q.unit,
});

/** Event time as UTC ISO text; the local offset is carried by eventTimeZoneOffset. */
export const eventHeader = (type: string, eventTime: string | Date) => ({
  type,
  eventID: newEventId(),
  eventTime: new Date(eventTime).toISOString(),
  eventTimeZoneOffset: VIETNAM_OFFSET,
});

/** A business document number as a URI (EPCIS wants one): `urn:txng:bt:{type}:{number}`. */
export const bizTransactionUri = (type: string, number: string) =>
  `urn:txng:bt:${type}:${encodeURIComponent(number)}`;
