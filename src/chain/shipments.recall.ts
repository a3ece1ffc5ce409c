import { or, sql } from 'drizzle-orm';
import type { Actor, DbOrTx } from '../platform/index.ts';
import { getOrganisationsByIds, readableOrganisationIds } from '../registry/index.ts';
import { type RecallLotKey, type RecallShipment, registerRecallCoverage } from '../trace/index.ts';
import { shipments } from './chain.schema.ts';

/** Shipments that name one of these lots among their items (GTIN and lot, as the sender recorded them). */
async function findShipmentsOfLots(db: DbOrTx, lots: RecallLotKey[]) {
  return db
    .select()
    .from(shipments)
    .where(
      or(
        ...lots.map(
          (l) => sql`${shipments.items} @> ${JSON.stringify([{ gtin: l.gtin, lot: l.lot }])}::jsonb`,
        ),
      ),
    )
    .orderBy(shipments.shippedAt);
}

/**
 * The shipments a recall covers: one line per shipment and affected lot it carried. Only shipments whose sender
 * or receiver the actor may read, the rule of the shipment pages: an organisation sees what it sent and received,
 * never the shipments between two others.
 */
export async function shipmentsOfLots(
  db: DbOrTx,
  lots: RecallLotKey[],
  actor: Actor | null,
): Promise<RecallShipment[]> {
  const readable = actor ? await readableOrganisationIds(db, actor) : null;
  const mayRead = (id: string | null) => readable === null || (id !== null && readable.includes(id));
  const rows = (await findShipmentsOfLots(db, lots)).filter(
    (r) => mayRead(r.senderOrganisationId) || mayRead(r.receiverOrganisationId),
  );
  if (!rows.length) return [];
  const ids = [
    ...new Set(rows.flatMap((r) => [r.senderOrganisationId, r.receiverOrganisationId ?? []].flat())),
  ];
  const names = new Map((await getOrganisationsByIds(db, ids)).map((o) => [o.id, o.name]));
  return rows.flatMap((row) =>
    lots.flatMap((lot) =>
      row.items
        .filter((item) => item.gtin === lot.gtin && item.lot === lot.lot)
        .map((item) => ({
          shipmentId: row.id,
          shippingEventId: row.shippingEventId,
          lotId: lot.id,
          gtin: lot.gtin,
          lot: lot.lot,
          sender: names.get(row.senderOrganisationId) ?? null,
          receiver: row.receiverOrganisationId
            ? (names.get(row.receiverOrganisationId) ?? null)
            : row.receiverName,
          shippedAt: row.shippedAt.toISOString(),
          quantity: item.quantity,
          unit: item.unit,
          state: row.state,
        })),
    ),
  );
}

registerRecallCoverage('chain', async (db, lots, actor) => ({
  shipments: await shipmentsOfLots(db, lots, actor),
}));
