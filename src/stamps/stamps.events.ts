import crypto from 'node:crypto';
import { TXNG_NAMESPACE } from '../platform/index.ts';
import { canonicalStampId } from './stamps.uri.ts';

/** Past this many stamps an event names the run as a quantity of the lot class instead of listing each EPC. */
const maxListedEpcs = 1000;

const shapes = {
  activate: { action: 'ADD', bizStep: 'commissioning', disposition: 'active' },
  deactivate: { action: 'OBSERVE', bizStep: 'holding', disposition: 'inactive' },
  revoke: { action: 'DELETE', bizStep: 'decommissioning', disposition: 'inactive' },
  print: { action: 'OBSERVE', bizStep: 'encoding', disposition: 'encoded' },
  reprint: { action: 'OBSERVE', bizStep: 'encoding', disposition: 'encoded' },
} as const;

export type StampAction = keyof typeof shapes;

/**
 * One EPCIS 2.0 ObjectEvent for a run of stamps. Activation carries the lot in ILMD (CBV `cbvmda:lotNumber`);
 * the serial run itself is kept in a TXNG extension so large runs need no million-entry epcList.
 */
export function stampEventDocument(input: {
  action: StampAction;
  gtin: string;
  firstSerial: number;
  lastSerial: number;
  lot: string | null;
  reason: string | null;
  at: Date;
}): { eventId: string; document: Record<string, unknown> } {
  const shape = shapes[input.action];
  const count = input.lastSerial - input.firstSerial + 1;
  const eventId = `urn:uuid:${crypto.randomUUID()}`;
  const event: Record<string, unknown> = {
    type: 'ObjectEvent',
    eventID: eventId,
    eventTime: input.at.toISOString(),
    eventTimeZoneOffset: '+07:00',
    action: shape.action,
    bizStep: shape.bizStep,
    disposition: shape.disposition,
    'txng:serialRange': `${input.firstSerial}-${input.lastSerial}`,
  };
  if (count <= maxListedEpcs) {
    event.epcList = Array.from({ length: count }, (_, i) =>
      canonicalStampId(input.gtin, input.firstSerial + i),
    );
  } else {
    const lot = input.lot ? `/10/${encodeURIComponent(input.lot)}` : '';
    event.quantityList = [{ epcClass: `https://id.gs1.org/01/${input.gtin}${lot}`, quantity: count }];
  }
  if (input.action === 'activate' && input.lot) event.ilmd = { 'cbvmda:lotNumber': input.lot };
  if (input.reason) event['txng:reason'] = input.reason;
  return {
    eventId,
    document: {
      '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { txng: TXNG_NAMESPACE }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: input.at.toISOString(),
      epcisBody: { eventList: [event] },
    },
  };
}
