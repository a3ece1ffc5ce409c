import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** One capture request (EPCIS 2.0 capture job): its state and, when it failed, its errors. */
export const epcisCaptureJobs = pgTable(
  'epcis_capture_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id'),
    state: text('state').notNull(), // 'running' | 'success' | 'failed'
    eventCount: integer('event_count').notNull().default(0),
    errors: jsonb('errors'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  // /metrics counts the jobs of each state at every scrape: from this index alone, not the rows
  (t) => [index('epcis_capture_jobs_state_idx').on(t.state)],
);

/**
 * Every captured event, append-only. `document` is the event as captured (JSON-LD, with the capture document's
 * @context folded in), so it can be returned with the same meaning. An errorDeclaration arrives as a new row
 * that repeats the event's eventID with `isErrorDeclaration` set; the original row is never touched.
 *
 * Partitioned by month of `record_time` (Vietnam time; drizzle/0001_partitions.sql, decision 054): the key is
 * (id, record_time), and an eventID's uniqueness, which no index of a partitioned table can hold across months, is
 * kept by epcis_event_keys, which a trigger fills on every insert (a row whose key is taken is skipped, as
 * ON CONFLICT DO NOTHING would).
 */
export const epcisEvents = pgTable(
  'epcis_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    eventId: text('event_id').notNull(),
    isErrorDeclaration: boolean('is_error_declaration').notNull().default(false),
    eventType: text('event_type').notNull(),
    eventTime: timestamp('event_time', { withTimezone: true }).notNull(),
    eventTimeZoneOffset: text('event_time_zone_offset').notNull(),
    recordTime: timestamp('record_time', { withTimezone: true }).notNull().defaultNow(),
    action: text('action'),
    bizStep: text('biz_step'),
    disposition: text('disposition'),
    readPoint: text('read_point'),
    bizLocation: text('biz_location'),
    organisationId: uuid('organisation_id'),
    captureId: uuid('capture_id').notNull(),
    /** The CBV event hash of what the event says (plus its declaration): the same eventID must say the same. */
    contentHash: text('content_hash').notNull(),
    document: jsonb('document').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.recordTime] }),
    index('epcis_events_event_id_idx').on(t.eventId),
    index('epcis_events_event_time_idx').on(t.eventTime),
    index('epcis_events_record_time_idx').on(t.recordTime),
    index('epcis_events_biz_step_idx').on(t.bizStep),
    index('epcis_events_biz_location_idx').on(t.bizLocation),
    index('epcis_events_organisation_idx').on(t.organisationId),
  ],
);

/**
 * The key of every event, in one table that is not partitioned (decision 054): its unique indexes hold what the
 * events' own cannot across months, one original per eventID and one error declaration per eventID and declaring
 * organisation (the department's own under a zero id), so nobody's declaration can take the place of the owner's.
 * The ids and links of an event reference it here. Filled by the trigger on epcis_events, never written directly.
 */
export const epcisEventKeys = pgTable(
  'epcis_event_keys',
  {
    eventPk: bigint('event_pk', { mode: 'number' }).primaryKey(),
    eventId: text('event_id').notNull(),
    isErrorDeclaration: boolean('is_error_declaration').notNull(),
    organisationId: uuid('organisation_id'),
    recordTime: timestamp('record_time', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('epcis_event_keys_event_id_uq').on(t.eventId).where(sql`NOT ${t.isErrorDeclaration}`),
    uniqueIndex('epcis_event_keys_declaration_uq')
      .on(t.eventId, sql`COALESCE(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.isErrorDeclaration}`),
  ],
);

/**
 * The identifiers an event names, in canonical GS1 Digital Link form, one row each: what trace and the
 * MATCH_* queries walk. role: 'epc' (epcList / quantityList), 'parent', 'child', 'input', 'output'.
 * `isClass` is true for class-level ids (quantity lists: a GTIN or GTIN+lot), false for instances.
 */
export const epcisEventIds = pgTable(
  'epcis_event_ids',
  {
    eventPk: bigint('event_pk', { mode: 'number' })
      .notNull()
      .references(() => epcisEventKeys.eventPk),
    id: text('id').notNull(),
    role: text('role').notNull(),
    isClass: boolean('is_class').notNull(),
    quantity: numeric('quantity'),
    uom: text('uom'),
  },
  (t) => [index('epcis_event_ids_id_idx').on(t.id, t.role), index('epcis_event_ids_event_idx').on(t.eventPk)],
);

/**
 * Sources, destinations and business transactions of an event (one step back, one step forward; invoices,
 * delivery notes). kind: 'source' | 'destination' | 'bizTransaction'; type is the CBV type URI or short name.
 */
export const epcisEventLinks = pgTable(
  'epcis_event_links',
  {
    eventPk: bigint('event_pk', { mode: 'number' })
      .notNull()
      .references(() => epcisEventKeys.eventPk),
    kind: text('kind').notNull(),
    type: text('type'),
    value: text('value').notNull(),
  },
  (t) => [
    index('epcis_event_links_value_idx').on(t.value, t.kind),
    index('epcis_event_links_event_idx').on(t.eventPk),
  ],
);

/**
 * Master data (EPCIS vocabulary elements): what a capture says about a location, a product or a party, from an
 * EPCISDocument's header or an EPCISMasterDataDocument. One row per element and organisation: the latest
 * description an organisation sent replaces its earlier one.
 */
export const epcisMasterData = pgTable(
  'epcis_master_data',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    vocabularyType: text('vocabulary_type').notNull(),
    elementId: text('element_id').notNull(),
    attributes: jsonb('attributes').notNull(),
    children: jsonb('children').notNull(),
    organisationId: uuid('organisation_id'),
    captureId: uuid('capture_id').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('epcis_master_data_uq').on(
      t.vocabularyType,
      t.elementId,
      sql`COALESCE(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('epcis_master_data_element_idx').on(t.elementId),
  ],
);

/**
 * Named queries (EPCIS 2.0 REST binding, `/queries`): a SimpleEventQuery saved under a name by one organisation.
 * `query` is the body's query object as sent, read again with parseEventQuery whenever the query runs.
 */
export const epcisNamedQueries = pgTable(
  'epcis_named_queries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('epcis_named_queries_name_uq').on(t.organisationId, t.name)],
);

/**
 * Webhook subscriptions to a named query, with their delivery state (decision 011). `cursorPk` is the event key up
 * to which every event is settled (committed long enough ago) and was sent if it matched; the events above it that
 * were sent are listed in epcis_subscription_sent. `attempts` counts failures in a row; past the configured number
 * the subscription is parked.
 */
export const epcisSubscriptions = pgTable(
  'epcis_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    queryId: uuid('query_id')
      .notNull()
      .references(() => epcisNamedQueries.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    dest: text('dest').notNull(),
    /** The subscriber's secret for the GS1-Signature HMAC; never answered back. */
    signatureToken: text('signature_token'),
    stream: boolean('stream').notNull().default(false),
    schedule: jsonb('schedule'),
    reportIfEmpty: boolean('report_if_empty').notNull().default(false),
    initialRecordTime: timestamp('initial_record_time', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').notNull().default('active'), // 'active' | 'parked'
    cursorPk: bigint('cursor_pk', { mode: 'number' }).notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker holds the subscription until then (two processes on one PostgreSQL never send the same batch). */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('epcis_subscriptions_query_idx').on(t.queryId),
    index('epcis_subscriptions_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Events above a subscription's cursor that it was sent: not sent again while the cursor catches up. */
export const epcisSubscriptionSent = pgTable(
  'epcis_subscription_sent',
  {
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => epcisSubscriptions.id, { onDelete: 'cascade' }),
    eventPk: bigint('event_pk', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.eventPk] })],
);

/**
 * Which products (GTINs) events named, by the month of the event and the month it was recorded (both Vietnam
 * time), error declarations left out: what the plan's "products with connected data" formulas ask, in a row per
 * product and month instead of a row per event (decision 052). Written by capture in the capture's statement;
 * events stored before the table existed are added once (epcis.rollup.ts, marked in `epcis_rollups`).
 */
export const epcisGtinMonths = pgTable(
  'epcis_gtin_months',
  {
    gtin: text('gtin').notNull(),
    eventMonth: date('event_month', { mode: 'string' }).notNull(),
    recordMonth: date('record_month', { mode: 'string' }).notNull(),
  },
  (t) => [
    // a period's months are a range of the key; the events of earlier months recorded in it, of the other index
    primaryKey({ columns: [t.eventMonth, t.recordMonth, t.gtin] }),
    index('epcis_gtin_months_record_idx').on(t.recordMonth, t.eventMonth, t.gtin),
  ],
);

/**
 * The same by year (1 January, Vietnam time): a year's report reads a row per product and year instead of twelve
 * (decision 052); kept like epcis_gtin_months.
 */
export const epcisGtinYears = pgTable(
  'epcis_gtin_years',
  {
    gtin: text('gtin').notNull(),
    eventYear: date('event_year', { mode: 'string' }).notNull(),
    recordYear: date('record_year', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventYear, t.recordYear, t.gtin] })],
);

/** The roll-ups filled from the events stored before them, and when. */
export const epcisRollups = pgTable('epcis_rollups', {
  name: text('name').primaryKey(),
  filledAt: timestamp('filled_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Events recorded per day (Vietnam time of `record_time`), error declarations left out: the report's running total
 * of events "by the end of the period" sums a row a day instead of counting a decade of events (decision 066).
 * Rolled up lazily by whoever counts (epcis.event-days.ts), as the stamps' scans by day: the events up to
 * `epcis_rollup_marks.last_pk` (read from `epcis_event_keys`) are in here, later ones are counted live.
 */
export const epcisEventDays = pgTable('epcis_event_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  events: bigint('events', { mode: 'number' }).notNull(),
});

/** How far each lazy roll-up of the events has read (the last event key counted). */
export const epcisRollupMarks = pgTable('epcis_rollup_marks', {
  name: text('name').primaryKey(),
  lastPk: bigint('last_pk', { mode: 'number' }).notNull(),
});

/**
 * The first month (Vietnam time) by which each product (GTIN) had been named by an event recorded by then: the
 * least, over its events (error declarations left out), of the later of the event's month and its record month.
 * "Named by the end of the period" is then `first_month < end` over a row per product, whatever the years of
 * history (decision 066). Written by capture beside epcis_gtin_months; filled once from that table.
 */
export const epcisGtinFirst = pgTable('epcis_gtin_first', {
  gtin: text('gtin').primaryKey(),
  firstMonth: date('first_month', { mode: 'string' }).notNull(),
});
