import type { RecallLotKey, RecallShipment } from './recall.coverage.ts';
import type { TraceEvent, TraceResult } from './trace.schema.ts';

/** A CBV business step, short (`shipping`) or as a URI (`…/BizStep-shipping`), reduced to its short name. */
const stepOf = (event: TraceEvent) => (event.bizStep ?? '').replace(/^.*(BizStep-|bizstep:|\/)/, '');

const owningParty = (links: TraceEvent['sources']) =>
  links.find((l) => l.type === 'owning_party' || l.type?.endsWith('owning_party'))?.value ??
  links.find((l) => l.type === 'possessing_party' || l.type?.endsWith('possessing_party'))?.value ??
  null;

/**
 * Shipments that exist only as EPCIS shipping events, captured by another system or through the EPCIS API
 * rather than the stage form: one line per shipping event and affected lot, as far as the walk let the caller
 * see (the walk keeps to the events the caller may read). A shipment the stage form opened is already listed
 * from its own record and is skipped here, by its shipping event. "received" when a receiving event of the lot
 * at the same party follows; "sent" until then.
 */
export function shipmentsFromEvents(
  walks: (TraceResult | null)[],
  lots: RecallLotKey[],
  known: ReadonlySet<string>,
): RecallShipment[] {
  const events = new Map<string, TraceEvent>();
  const names = new Map<string, string | null>();
  for (const walk of walks) {
    for (const event of walk?.events ?? []) events.set(event.eventId, event);
    for (const party of walk?.parties ?? []) names.set(party.id, party.name);
  }
  const all = [...events.values()];
  const nameOf = (party: string | null) => (party ? (names.get(party) ?? party) : null);
  const lines: RecallShipment[] = [];
  for (const event of all) {
    if (stepOf(event) !== 'shipping' || known.has(event.eventId)) continue;
    const to = owningParty(event.destinations);
    for (const lot of lots) {
      const carried = event.ids.filter((i) => i.id === lot.id && i.quantity !== null);
      if (!carried.length) continue;
      const received = all.some(
        (other) =>
          stepOf(other) === 'receiving' &&
          other.eventTime >= event.eventTime &&
          other.ids.some((i) => i.id === lot.id) &&
          (to === null || owningParty(other.destinations) === to),
      );
      lines.push({
        shipmentId: null,
        shippingEventId: event.eventId,
        lotId: lot.id,
        gtin: lot.gtin,
        lot: lot.lot,
        sender: nameOf(owningParty(event.sources)),
        receiver: nameOf(to),
        shippedAt: event.eventTime,
        quantity: carried.reduce((sum, i) => sum + (i.quantity ?? 0), 0),
        unit: carried[0].uom ?? '',
        state: received ? 'received' : 'sent',
      });
    }
  }
  return lines;
}
