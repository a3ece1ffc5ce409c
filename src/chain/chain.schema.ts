import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** `outside`: sent to a party that is not on the platform; nobody confirms it, the sender's record is the whole of it. */
export const shipmentStates = ['pending', 'received', 'disputed', 'outside'] as const;
export type ShipmentState = (typeof shipmentStates)[number];

export interface ShipmentItem {
  /** canonical GS1 Digital Link of the lot (class) */
  id: string;
  gtin: string;
  lot: string;
  quantity: number;
  unit: string;
}

export interface ShipmentLink {
  type: string;
  value: string;
}

/**
 * A shipment recorded by the sender. To an organisation on the platform it waits in the receiver's inbox: one step
 * forward (the sender's shipping event) meets one step back (the receiver's receiving event). To a party outside the
 * platform (a wholesaler, a shop, an exporter's buyer) it is kept for the sender's "Hàng đã gửi" list and the recall
 * sheet, with the receiver's name as the sender gave it, and stays `outside`.
 */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    senderOrganisationId: uuid('sender_organisation_id').notNull(),
    receiverOrganisationId: uuid('receiver_organisation_id'),
    /** the outside receiver's name as the sender gave it (null for an organisation on the platform) */
    receiverName: text('receiver_name'),
    state: text('state').notNull().default('pending'),
    shippingEventId: text('shipping_event_id').notNull(),
    receivingEventId: text('receiving_event_id'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull(),
    items: jsonb('items').$type<ShipmentItem[]>().notNull(),
    sources: jsonb('sources').$type<ShipmentLink[]>().notNull(),
    destinations: jsonb('destinations').$type<ShipmentLink[]>().notNull(),
    bizTransactions: jsonb('biz_transactions').$type<ShipmentLink[]>().notNull(),
    disputeReason: text('dispute_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('shipments_shipping_event_uq').on(t.shippingEventId),
    index('shipments_receiver_idx').on(t.receiverOrganisationId, t.state, t.shippedAt),
    index('shipments_sender_idx').on(t.senderOrganisationId, t.shippedAt),
  ],
);

/**
 * A stage form sent with its own id (written offline on a phone, decision 061): the id, whose organisation sent
 * it, a digest of what it said, and what was recorded, so a repeat answers the same stage and never a second one.
 */
export const stageSubmissions = pgTable('stage_submissions', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id').notNull(),
  /** sha256 of the form as parsed, keys sorted, without its id and organisation */
  contentDigest: text('content_digest').notNull(),
  result: jsonb('result')
    .$type<{
      stage: string;
      eventId: string;
      eventType: string;
      captureId: string;
      shipmentId: string | null;
    }>()
    .notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
