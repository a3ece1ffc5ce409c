import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { type DbOrTx, sideBySide } from '../platform/index.ts';
import { type ShipmentState, shipments } from './chain.schema.ts';

export type ShipmentRow = typeof shipments.$inferSelect;

export async function insertShipment(db: DbOrTx, row: typeof shipments.$inferInsert): Promise<ShipmentRow> {
  const [inserted] = await db.insert(shipments).values(row).returning();
  return inserted;
}

export async function findShipment(db: DbOrTx, id: string): Promise<ShipmentRow | null> {
  const [row] = await db.select().from(shipments).where(eq(shipments.id, id));
  return row ?? null;
}

/** Locks the shipment for a decision, so two confirmations cannot both pass the state check. */
export async function findShipmentForUpdate(db: DbOrTx, id: string): Promise<ShipmentRow | null> {
  const [row] = await db.select().from(shipments).where(eq(shipments.id, id)).for('update');
  return row ?? null;
}

export async function updateShipment(db: DbOrTx, id: string, values: Partial<typeof shipments.$inferInsert>) {
  const [row] = await db.update(shipments).set(values).where(eq(shipments.id, id)).returning();
  return row;
}

export async function listShipments(
  db: DbOrTx,
  opts: {
    side: 'incoming' | 'outgoing';
    organisationIds: string[];
    state?: ShipmentState;
    page: number;
    pageSize: number;
  },
) {
  const party = opts.side === 'incoming' ? shipments.receiverOrganisationId : shipments.senderOrganisationId;
  const where = and(
    inArray(party, opts.organisationIds),
    opts.state ? eq(shipments.state, opts.state) : undefined,
  );
  const [rows, [{ total }]] = await sideBySide(db, [
    () =>
      db
        .select()
        .from(shipments)
        .where(where)
        .orderBy(desc(shipments.shippedAt), desc(shipments.id))
        .limit(opts.pageSize)
        .offset((opts.page - 1) * opts.pageSize),
    () => db.select({ total: count() }).from(shipments).where(where),
  ]);
  return { rows, total: Number(total) };
}
