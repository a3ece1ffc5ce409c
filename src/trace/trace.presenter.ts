import type { StoredEvent } from '../epcis/index.ts';
import type { LocationView, LotView, OrganisationView, ProductView } from '../registry/index.ts';
import { glnOf, itemKey } from './trace.ids.ts';
import type { TraceEvent, TraceItem, TraceResult } from './trace.schema.ts';
import type { Reached } from './trace.walk.ts';

export function presentEvent(event: StoredEvent): TraceEvent {
  const links = (kind: string) =>
    event.links.filter((l) => l.kind === kind).map((l) => ({ type: l.type, value: l.value }));
  const ilmd = event.document.ilmd;
  return {
    eventId: event.eventId,
    eventType: event.eventType,
    eventTime: event.eventTime.toISOString(),
    eventTimeZoneOffset: event.eventTimeZoneOffset,
    recordTime: event.recordTime.toISOString(),
    action: event.action,
    bizStep: event.bizStep,
    disposition: event.disposition,
    readPoint: event.readPoint,
    bizLocation: event.bizLocation,
    capturedBy: event.organisationId,
    ids: event.ids.map((i) => ({ id: i.id, role: i.role, quantity: i.quantity, uom: i.uom })),
    sources: links('source'),
    destinations: links('destination'),
    bizTransactions: links('bizTransaction'),
    ilmd: ilmd && typeof ilmd === 'object' ? (ilmd as Record<string, unknown>) : null,
  };
}

/**
 * Whether a registry row has a name of its own: a product or place the registry created from a capture keeps the
 * placeholder `GTIN …` / `GLN …` until its owner names it, and master data may name it better meanwhile.
 */
export const hasOwnName = (row: { name: string; gtin?: string | null; gln?: string | null } | undefined) =>
  Boolean(row && row.name !== `GTIN ${row.gtin}` && row.name !== `GLN ${row.gln}`);

export function presentItem(
  reached: Reached,
  products: Map<string, ProductView>,
  lots: Map<string, LotView>,
  namedProduct: (gtin: string, lot: string | null) => string | undefined = () => undefined,
): TraceItem {
  const key = itemKey(reached.id);
  const lot = key.gtin && key.lot ? lots.get(`${key.gtin} ${key.lot}`) : undefined;
  return {
    id: reached.id,
    ...key,
    // the registry's product name; else what master data calls the lot's class or the product's
    productName:
      (key.gtin && productName(products.get(key.gtin), () => namedProduct(key.gtin!, key.lot ?? null))) ||
      null,
    lotStatus: lot?.status ?? null,
    depth: reached.depth,
    via: reached.via,
  };
}

export function presentLocation(
  id: string,
  known: LocationView | undefined,
  masterDataName?: string,
): TraceResult['locations'][number] {
  return {
    id,
    gln: glnOf(id),
    locationId: known?.id ?? null,
    organisationId: known?.organisationId ?? null,
    name: (hasOwnName(known) ? known?.name : masterDataName) ?? known?.name ?? null,
    type: known?.type ?? null,
    growingAreaCode: known?.growingAreaCode ?? null,
    address: known ? [known.streetAddress, known.communeName].filter(Boolean).join(', ') || null : null,
    latitude: known?.latitude ?? null,
    longitude: known?.longitude ?? null,
  };
}

export function presentParty(
  id: string,
  known: OrganisationView | undefined,
  masterDataName?: string,
): TraceResult['parties'][number] {
  return {
    id,
    gln: glnOf(id),
    organisationId: known?.id ?? null,
    name: known?.name ?? masterDataName ?? null,
  };
}

function productName(product: ProductView | undefined, fromMasterData: () => string | undefined) {
  return (hasOwnName(product) ? product?.name : fromMasterData()) ?? product?.name;
}
