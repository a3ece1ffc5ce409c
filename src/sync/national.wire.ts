import { eventGtins } from './national.check.ts';
import { publicImageUrl } from './public-url.ts';
import type { SyncItem } from './receiver.ts';

/**
 * What the national portal is sent for each item, in the model docs/sync-national.md assumes (the portal's interface
 * is not public: a published one changes this file and the simulator, nothing else). Every record is addressed by
 * the province's own id under its collection, so a withdrawal whose payload is gone still names it; the portal
 * checks the natural keys in the body (tax code and GLN, GTIN, lot number).
 */
export interface PortalRequest {
  method: 'PUT' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
}

type Payload = Record<string, unknown>;

const collections = {
  organisation: 'organizations',
  location: 'facilities',
  product: 'products',
  lot: 'production-orders',
  event: 'events',
} as const;

export type PortalKind = keyof typeof collections;
export const portalKinds = Object.keys(collections) as PortalKind[];

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
const num = (value: unknown) => (typeof value === 'number' ? value : null);
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const address = (p: Payload) =>
  [str(p.streetAddress), str(p.communeName)].filter((part) => part !== null).join(', ') || null;

export const recordPath = (kind: PortalKind, recordId: string) =>
  `/api/v1/${collections[kind]}/${encodeURIComponent(recordId)}`;

export const chainPath = (gtin: string) => `/api/v1/chains/${gtin}`;

export interface WireContext {
  /** The province's public base URL: images this program serves are fetched by the portal from there. */
  baseUrl: string;
  /** "Đồng Nai, Việt Nam": where the province's products come from. */
  origin: string;
}

/** The organisation profile, activated against its tax code and GLN. */
function organisationBody(p: Payload) {
  const glns = strings(p.glns);
  return {
    taxCode: str(p.taxCode),
    gln: glns[0] ?? null,
    glns,
    name: str(p.name),
    type: str(p.type),
    address: address(p),
    communeCode: str(p.communeCode),
    representative: str(p.representative),
  };
}

function productBody(p: Payload, ctx: WireContext) {
  return {
    organizationId: str(p.organisationId),
    gtin: str(p.gtin),
    name: str(p.name),
    group: str(p.productGroup) ?? str(p.sector),
    unit: str(p.unit) ?? str(p.netQuantityUnit),
    origin: ctx.origin,
    description: str(p.description),
    images: strings(p.images).map((raw) => {
      const image = publicImageUrl(raw, ctx.baseUrl);
      return image.ok ? image.url : raw;
    }),
    netQuantity: num(p.netQuantity),
    netQuantityUnit: str(p.netQuantityUnit),
    brand: str(p.brand),
    modelCode: str(p.modelCode),
    shelfLifeDays: num(p.shelfLifeDays),
    standards: strings(p.appliedStandards),
  };
}

function facilityBody(p: Payload) {
  return {
    organizationId: str(p.organisationId),
    gln: str(p.gln),
    name: str(p.name),
    type: str(p.type),
    address: address(p),
    latitude: num(p.latitude),
    longitude: num(p.longitude),
  };
}

/** A lot is a production order of its product. */
function productionOrderBody(p: Payload) {
  return {
    organizationId: str(p.organisationId),
    gtin: str(p.gtin),
    lotNumber: str(p.lot),
    productionDate: str(p.productionDate),
    expiryDate: str(p.expiryDate),
    quantity: num(p.quantity),
    unit: str(p.unit),
    status: str(p.status),
    traceCode: str(p.digitalLink),
  };
}

/** An event, filed in the chain of each product it names, with the EPCIS 2.0 event as approved. */
function eventBody(p: Payload, item: SyncItem) {
  const place = (key: 'readPoint' | 'bizLocation') => str((p[key] as Payload | undefined)?.id);
  return {
    organizationId: item.organisationId,
    // the event's id in the province: as captured, or the event hash given to an event captured without one
    eventId: item.recordId,
    eventType: str(p.type),
    eventTime: str(p.eventTime),
    bizStep: str(p.bizStep),
    location: place('readPoint') ?? place('bizLocation'),
    chains: eventGtins(p),
    epcis: p,
  };
}

/** The one request that hands the item over (a chain is made sure of before its events: see the receiver). */
export function portalRequest(item: SyncItem, ctx: WireContext): PortalRequest {
  const kind = item.kind as PortalKind;
  const path = recordPath(kind, item.recordId);
  if (item.action === 'withdraw') {
    const reason = item.reason ?? 'Sở rút lại phê duyệt';
    return { method: 'DELETE', path: `${path}?reason=${encodeURIComponent(reason)}` };
  }
  const p = item.payload ?? {};
  const body =
    kind === 'organisation'
      ? organisationBody(p)
      : kind === 'product'
        ? productBody(p, ctx)
        : kind === 'location'
          ? facilityBody(p)
          : kind === 'lot'
            ? productionOrderBody(p)
            : eventBody(p, item);
  return { method: 'PUT', path, body: { sourceId: item.recordId, version: item.version, ...body } };
}
