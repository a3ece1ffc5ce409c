import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** What a reading measures; values are kept in one unit each (°C, % relative humidity). */
export const readingKinds = ['temperature', 'humidity'] as const;
export type ReadingKind = (typeof readingKinds)[number];
/** Where a reading came from: a captured EPCIS event, the device endpoint, the MQTT broker. */
export const readingSources = ['epcis', 'device', 'mqtt'] as const;
export type ReadingSource = (typeof readingSources)[number];

/**
 * A sensor or data logger an organisation registered. It writes with a key of its own (`txngd_<prefix>_<secret>`),
 * hashed as API keys are; a revoked device writes nothing. What it watches (a lot, a location, a shipment) is the
 * default of its readings.
 */
export const sensorDevices = pgTable(
  'sensor_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    lotId: uuid('lot_id'),
    locationId: uuid('location_id'),
    shipmentId: uuid('shipment_id'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    uniqueIndex('sensor_devices_key_hash_uq').on(t.keyHash),
    index('sensor_devices_org_idx').on(t.organisationId),
  ],
);

/**
 * Every reading, from any source, partitioned by month of `at` (the reading's own time) in Vietnam time
 * (drizzle/0002_sensor_partitions.sql, decisions 054 and 059). Append-only.
 */
export const sensorReadings = pgTable(
  'sensor_readings',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    source: text('source').$type<ReadingSource>().notNull(),
    deviceId: uuid('device_id'),
    eventId: text('event_id'),
    kind: text('kind').$type<ReadingKind>().notNull(),
    value: doublePrecision('value').notNull(),
    lotId: uuid('lot_id'),
    locationId: uuid('location_id'),
    shipmentId: uuid('shipment_id'),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.at] }),
    index('sensor_readings_lot_idx').on(t.lotId, t.at).where(sql`lot_id IS NOT NULL`),
    index('sensor_readings_device_idx').on(t.deviceId, t.at).where(sql`device_id IS NOT NULL`),
    index('sensor_readings_location_idx').on(t.locationId, t.at).where(sql`location_id IS NOT NULL`),
  ],
);

/** Threshold targets: a product (every lot of it), a location (a cold room), a shipment. */
export const thresholdTargets = ['product', 'location', 'shipment'] as const;
export type ThresholdTarget = (typeof thresholdTargets)[number];

/** A range a kind of reading must stay in for a target, and how long out of it is an excursion. */
export const sensorThresholds = pgTable(
  'sensor_thresholds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    target: text('target').$type<ThresholdTarget>().notNull(),
    productId: uuid('product_id'),
    locationId: uuid('location_id'),
    shipmentId: uuid('shipment_id'),
    kind: text('kind').$type<ReadingKind>().notNull(),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    /** Seconds out of range before it counts (0: at once). */
    durationSeconds: integer('duration_seconds').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sensor_thresholds_org_idx').on(t.organisationId, t.kind)],
);

/**
 * A time out of a threshold's range on one series (a device, or an EPCIS lot or place). `pending` while it has not
 * lasted the threshold's duration (dropped if it ends sooner), `open` once it has (the alert goes out), `closed`
 * when a reading is back in range.
 */
export const sensorExcursions = pgTable(
  'sensor_excursions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    thresholdId: uuid('threshold_id')
      .notNull()
      .references(() => sensorThresholds.id),
    series: text('series').notNull(),
    state: text('state').notNull(),
    kind: text('kind').$type<ReadingKind>().notNull(),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    durationSeconds: integer('duration_seconds').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastOutAt: timestamp('last_out_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    worstValue: doublePrecision('worst_value').notNull(),
    worstAt: timestamp('worst_at', { withTimezone: true }).notNull(),
    deviceId: uuid('device_id'),
    lotId: uuid('lot_id'),
    productId: uuid('product_id'),
    locationId: uuid('location_id'),
    shipmentId: uuid('shipment_id'),
    /** When the department put it on the consumer page (null: not shown there). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one running (pending or open) excursion per threshold and series
    uniqueIndex('sensor_excursions_running_uq').on(t.thresholdId, t.series).where(sql`state <> 'closed'`),
    index('sensor_excursions_org_idx').on(t.organisationId, t.startedAt),
    index('sensor_excursions_lot_idx').on(t.lotId),
  ],
);

/** Who is told of an excursion: its organisation, and the sector department whose mandatory list names the product. */
export const sensorAlerts = pgTable(
  'sensor_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    excursionId: uuid('excursion_id')
      .notNull()
      .references(() => sensorExcursions.id),
    audience: text('audience').$type<'organisation' | 'sector'>().notNull(),
    organisationId: uuid('organisation_id').notNull(),
    sector: text('sector'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    /** When the mail went out (null: not yet, or nobody to write to). */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sensor_alerts_uq').on(t.excursionId, t.audience),
    index('sensor_alerts_org_idx').on(t.organisationId, t.createdAt),
    index('sensor_alerts_sector_idx').on(t.sector, t.createdAt),
  ],
);
