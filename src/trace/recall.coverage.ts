import type { Actor, DbOrTx } from '../platform/index.ts';

/** A lot the recall covers, by its GS1 key (the GTIN as 14 digits). */
export interface RecallLotKey {
  /** The lot's canonical Digital Link, as the report's `lots` name it. */
  id: string;
  gtin: string;
  lot: string;
}

/** The stamps of one range bound to one affected lot: which serials, and how far they got. */
export interface RecallStamps {
  lotId: string;
  gtin: string;
  lot: string;
  kind: string;
  organisationName: string | null;
  /** Runs of serials bound to the lot, in order. */
  runs: { firstSerial: number; lastSerial: number }[];
  /** Stamps bound to the lot (issued on its goods), then by their state now. */
  issued: number;
  active: number;
  deactivated: number;
  revoked: number;
  /** Stamps among them scanned at least once, and the scans counted. */
  scanned: number;
  scans: number;
}

/**
 * A shipment that carried an affected lot, as the sender recorded it: a shipment of the stage form (with its id),
 * or a shipping event captured otherwise (shipmentId null).
 */
export interface RecallShipment {
  shipmentId: string | null;
  shippingEventId: string;
  lotId: string;
  gtin: string;
  lot: string;
  sender: string | null;
  receiver: string | null;
  shippedAt: string;
  quantity: number;
  unit: string;
  state: string;
}

export interface RecallCoverage {
  stamps: RecallStamps[];
  shipments: RecallShipment[];
}

/**
 * Stamps and shipments live in modules above trace, so they register what they know of a recall here (the arrow
 * turned round, as the permission registry does). Each source answers only what the actor may read; a null
 * actor is an internal caller.
 */
export type RecallCoverageSource = (
  db: DbOrTx,
  lots: RecallLotKey[],
  actor: Actor | null,
) => Promise<Partial<RecallCoverage>>;

const sources = new Map<string, RecallCoverageSource>();

export function registerRecallCoverage(module: string, source: RecallCoverageSource): void {
  sources.set(module, source);
}

export async function recallCoverage(
  db: DbOrTx,
  lots: RecallLotKey[],
  actor: Actor | null,
): Promise<RecallCoverage> {
  const coverage: RecallCoverage = { stamps: [], shipments: [] };
  if (!lots.length) return coverage;
  for (const source of sources.values()) {
    const found = await source(db, lots, actor);
    coverage.stamps.push(...(found.stamps ?? []));
    coverage.shipments.push(...(found.shipments ?? []));
  }
  const order = new Map(lots.map((l, i) => [l.id, i]));
  coverage.stamps.sort(
    (a, b) => order.get(a.lotId)! - order.get(b.lotId)! || a.runs[0].firstSerial - b.runs[0].firstSerial,
  );
  coverage.shipments.sort(shipmentOrder(lots));
  return coverage;
}

/** Shipments in the order of the report's lots, then oldest first. */
export function shipmentOrder(lots: RecallLotKey[]) {
  const order = new Map(lots.map((l, i) => [l.id, i]));
  return (a: RecallShipment, b: RecallShipment) =>
    order.get(a.lotId)! - order.get(b.lotId)! || a.shippedAt.localeCompare(b.shippedAt);
}
