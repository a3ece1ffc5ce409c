import { and, arrayOverlaps, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { type HubNodeRow, type HubRecordRow, hubEvents, hubNodes, hubRecords } from './hub.schema.ts';

export interface CodeAsked {
  gtin: string;
  lot: string | null;
  serial: string | null;
}

/** What the hub holds of one code: the province that sent it and its copies of the stamp, lot and product. */
export interface HubCopy {
  node: HubNodeRow;
  product: HubRecordRow | null;
  lot: HubRecordRow | null;
  stamp: HubRecordRow | null;
  producer: HubRecordRow | null;
  events: { eventTime: Date | null; payload: Record<string, unknown> }[];
  /** The newest arrival among the records shown: the copy is as of then. */
  asOf: Date;
}

const ofKind = (kind: string, gtin: string) => and(eq(hubRecords.kind, kind), eq(hubRecords.gtin, gtin));

/** The newest row first, one published before one withdrawn: a GTIN moved between provinces goes to the live one. */
const best = [asc(hubRecords.withdrawn), desc(hubRecords.receivedAt)];

/**
 * Finds the province that owns a code, most precise record first (the stamp, the lot, the product), and the copy
 * the hub holds of it. Null when no province sent anything for this GTIN.
 */
export async function findHubCopy(db: DbOrTx, code: CodeAsked): Promise<HubCopy | null> {
  const [stamp] = code.serial
    ? await db
        .select()
        .from(hubRecords)
        .where(and(ofKind('stamp', code.gtin), sql`${hubRecords.payload}->>'serial' = ${code.serial}`))
        .orderBy(...best)
        .limit(1)
    : [];
  const lotNumber = code.lot ?? stamp?.lot ?? null;
  const [lot] = lotNumber
    ? await db
        .select()
        .from(hubRecords)
        .where(and(ofKind('lot', code.gtin), eq(hubRecords.lot, lotNumber), ownedBy(stamp)))
        .orderBy(...best)
        .limit(1)
    : [];
  const [product] = await db
    .select()
    .from(hubRecords)
    .where(and(ofKind('product', code.gtin), ownedBy(stamp ?? lot)))
    .orderBy(...best)
    .limit(1);
  const owner = stamp ?? lot ?? product;
  if (!owner) return null;
  const [node] = await db.select().from(hubNodes).where(eq(hubNodes.id, owner.nodeId));
  const organisationId = product?.organisationId ?? lot?.organisationId ?? null;
  const [producer] = organisationId
    ? await db
        .select()
        .from(hubRecords)
        .where(
          and(
            eq(hubRecords.nodeId, node.id),
            eq(hubRecords.kind, 'organisation'),
            eq(hubRecords.recordId, organisationId),
            eq(hubRecords.withdrawn, false),
          ),
        )
    : [];
  const goods = lotNumber ? `${code.gtin}/${lotNumber}` : code.gtin;
  const events = await db
    .select({ eventTime: hubEvents.eventTime, payload: hubEvents.payload })
    .from(hubEvents)
    .where(
      and(
        eq(hubEvents.nodeId, node.id),
        eq(hubEvents.withdrawn, false),
        arrayOverlaps(hubEvents.goods, [goods]),
      ),
    )
    .orderBy(asc(hubEvents.eventTime))
    .limit(50);
  const shown = [stamp, lot, product, producer].filter((r): r is HubRecordRow => Boolean(r));
  return {
    node,
    product: product ?? null,
    lot: lot ?? null,
    stamp: stamp ?? null,
    producer: producer ?? null,
    events: events.filter((e): e is typeof e & { payload: Record<string, unknown> } => e.payload !== null),
    asOf: new Date(Math.max(...shown.map((r) => r.receivedAt.getTime()))),
  };
}

/** The lot and product of a stamp are looked up in the stamp's own province only. */
const ownedBy = (record: HubRecordRow | undefined) =>
  record ? eq(hubRecords.nodeId, record.nodeId) : undefined;
