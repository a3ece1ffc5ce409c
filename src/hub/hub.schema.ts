import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A hub's tables (issue 14 §3, `TXNG_MODE=hub`): the province nodes that deliver to it, the latest version of each
 * record they sent, their events, and a log of deliveries for the dashboard. A province's own tables stay empty.
 */
export const hubNodes = pgTable('hub_nodes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** The province's code in the national list of administrative units (`75` for Đồng Nai). */
  provinceCode: text('province_code').notNull().unique(),
  /** The province resolver's public base (its TXNG_BASE_URL), without a trailing slash. */
  baseUrl: text('base_url').notNull(),
  keyPrefix: text('key_prefix').notNull(),
  /** SHA-256 of the whole key, as the accounts module keeps API keys: the table holds nothing that signs. */
  keyHash: text('key_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastDeliveryAt: timestamp('last_delivery_at', { withTimezone: true }),
});

/** The latest applied version of each master-data record a node sent (organisations, locations, products, lots, stamps). */
export const hubRecords = pgTable(
  'hub_records',
  {
    nodeId: uuid('node_id')
      .notNull()
      .references(() => hubNodes.id),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
    withdrawn: boolean('withdrawn').notNull().default(false),
    withdrawalReason: text('withdrawal_reason'),
    /** What the province approved, as its API presents it; kept on a withdrawal without a payload. */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    /** The province's organisation the record belongs to. */
    organisationId: text('organisation_id'),
    name: text('name'),
    gtin: text('gtin'),
    lot: text('lot'),
    taxCode: text('tax_code'),
    /** Name, GTIN, lot and tax code folded (lower case, no Vietnamese marks) for national search. */
    searchText: text('search_text').notNull().default(''),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.nodeId, t.kind, t.recordId] }),
    index('hub_records_gtin_idx').on(t.gtin, t.kind),
    index('hub_records_kind_idx').on(t.kind, t.withdrawn),
  ],
);

/** EPCIS 2.0 events as the provinces captured them, by eventID; a retracted one is marked withdrawn. */
export const hubEvents = pgTable(
  'hub_events',
  {
    nodeId: uuid('node_id')
      .notNull()
      .references(() => hubNodes.id),
    eventId: text('event_id').notNull(),
    version: integer('version').notNull(),
    withdrawn: boolean('withdrawn').notNull().default(false),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    eventTime: timestamp('event_time', { withTimezone: true }),
    /** The products and lots the event names, `gtin` and `gtin/lot`, for the served copy's journey. */
    goods: text('goods').array().notNull().default([]),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.nodeId, t.eventId] }),
    index('hub_events_goods_idx').using('gin', t.goods),
  ],
);

/** One row per delivery a node made: what it held, what was applied, what was refused and why. */
export const hubDeliveries = pgTable(
  'hub_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => hubNodes.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    items: integer('items').notNull(),
    applied: integer('applied').notNull(),
    /** Confirmed again without being applied: a key seen before, or an older version after a newer one. */
    unchanged: integer('unchanged').notNull(),
    rejected: integer('rejected').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    /** Seconds from the oldest event's record time in the province to its arrival here; null without events. */
    lagSeconds: real('lag_seconds'),
    /** The first refusals, `{ key, vi, en }`, for the dashboard. */
    rejections: jsonb('rejections').$type<{ key: string; vi: string; en: string }[]>().notNull().default([]),
  },
  (t) => [index('hub_deliveries_node_idx').on(t.nodeId, t.receivedAt)],
);

export type HubNodeRow = typeof hubNodes.$inferSelect;
export type HubRecordRow = typeof hubRecords.$inferSelect;
export type HubEventRow = typeof hubEvents.$inferSelect;
