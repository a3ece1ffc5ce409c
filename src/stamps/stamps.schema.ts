import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { z } from 'zod';

/** PGlite hands bytea back as Uint8Array, node-postgres as Buffer: always a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * An organisation's request for stamps of one product. status: 'submitted' → 'approved' (a serial range is
 * allocated in the same transaction) | 'refused' (with a reason).
 */
export const stampRequests = pgTable(
  'stamp_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    gtin: text('gtin').notNull(), // GTIN-14
    quantity: integer('quantity').notNull(),
    /** What the reviewer approved when it is less than asked (with a reason); null: as many as asked. */
    approvedQuantity: integer('approved_quantity'),
    kind: text('kind').notNull(), // 'traceability' | 'anti_counterfeit'
    status: text('status').notNull().default('submitted'),
    note: text('note'),
    reason: text('reason'),
    requestedBy: text('requested_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stamp_requests_org_idx').on(t.organisationId, t.createdAt)],
);

/** The next free serial per GTIN: one row, advanced with `INSERT … ON CONFLICT DO UPDATE … RETURNING`. */
export const stampSerialCounters = pgTable('stamp_serial_counters', {
  gtin: text('gtin').primaryKey(),
  nextSerial: bigint('next_serial', { mode: 'number' }).notNull(),
});

/** A contiguous serial range [firstSerial, lastSerial] of one GTIN, allocated to one approved request. */
export const stampRanges = pgTable(
  'stamp_ranges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => stampRequests.id),
    organisationId: uuid('organisation_id').notNull(),
    gtin: text('gtin').notNull(),
    kind: text('kind').notNull(),
    firstSerial: bigint('first_serial', { mode: 'number' }).notNull(),
    lastSerial: bigint('last_serial', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stamp_ranges_gtin_idx').on(t.gtin, t.firstSerial),
    index('stamp_ranges_org_idx').on(t.organisationId),
  ],
);

/**
 * What happened to a run of serials, append-only: 'activate' (bound to `lot`), 'deactivate', 'revoke' (final),
 * 'print' and 'reprint' (who printed which run, and when; they change no state). The state of one stamp is the
 * latest state-changing row whose run covers it: exceptions are rows over sub-runs, so a million stamps never
 * need a million rows.
 */
export const stampChanges = pgTable(
  'stamp_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    rangeId: uuid('range_id')
      .notNull()
      .references(() => stampRanges.id),
    gtin: text('gtin').notNull(),
    firstSerial: bigint('first_serial', { mode: 'number' }).notNull(),
    lastSerial: bigint('last_serial', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    lot: text('lot'),
    reason: text('reason'),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name'),
    eventId: text('event_id'), // the EPCIS event that records it
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stamp_changes_gtin_idx').on(t.gtin, t.firstSerial),
    index('stamp_changes_range_idx').on(t.rangeId),
  ],
);

/**
 * The verification secret of an anti-counterfeit stamp, only as HMAC-SHA-256 (hex). Set when the stamp is
 * printed and replaced on a reprint, so a stolen database or an old print run proves nothing.
 */
export const stampSecrets = pgTable(
  'stamp_secrets',
  {
    gtin: text('gtin').notNull(),
    serial: bigint('serial', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    printedAt: timestamp('printed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.gtin, t.serial] })],
);

/**
 * Every counted scan of a stamp URL (docs/resolver.md, "Suspicious scans"). The network is a salted hash of the
 * client's IPv4 /24 or IPv6 /48, never the address; views over the rate limits are not stored at all.
 * Partitioned by month of `at` (Vietnam time), like epcis_events (decision 054).
 */
export const stampScans = pgTable(
  'stamp_scans',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    gtin: text('gtin').notNull(),
    serial: bigint('serial', { mode: 'number' }).notNull(),
    network: text('network').notNull(),
    latitude: text('latitude'),
    longitude: text('longitude'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // partitioned by month of `at` (drizzle/0001_partitions.sql, decision 054): the key carries the partition key
    primaryKey({ columns: [t.id, t.at] }),
    index('stamp_scans_stamp_idx').on(t.gtin, t.serial, t.at),
    // the per-address cap counts one network's scans across every stamp
    index('stamp_scans_network_idx').on(t.network, t.at),
    // counts of a period (reports, the plan's scan indicator): scans are appended in time order, so a block range
    // index finds a year's scans among a decade's for a few pages, and costs next to nothing on the scan's write
    index('stamp_scans_at_brin').using('brin', t.at),
  ],
);

export const suspicionKinds = [
  'impossible_travel',
  'revoked',
  'lot_mismatch',
  'unknown_serial',
  'secret_mismatch',
] as const;
export type SuspicionKind = (typeof suspicionKinds)[number];

/**
 * Strong evidence that a stamp is copied or forged, kept for the department (the enforcement work turns these
 * into cases). One open row per stamp and kind, updated on each firing; `serial` is null for evidence about a
 * GTIN's serials as a whole (serials that were never issued).
 */
export const stampSuspicions = pgTable(
  'stamp_suspicions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(), // the owner of the stamps
    gtin: text('gtin').notNull(),
    serial: bigint('serial', { mode: 'number' }),
    kind: text('kind').$type<SuspicionKind>().notNull(),
    state: text('state').notNull().default('open'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    count: integer('count').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stamp_suspicions_open_idx')
      .on(t.gtin, sql`coalesce(${t.serial}, 0)`, t.kind)
      .where(sql`state = 'open'`),
    index('stamp_suspicions_org_idx').on(t.organisationId, t.lastSeenAt),
    index('stamp_suspicions_seen_idx').on(t.lastSeenAt),
  ],
);

/** A consumer's report about a product or a suspected fake, kept for the department. */
export const consumerReports = pgTable(
  'consumer_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uri: text('uri').notNull(), // the Digital Link the person scanned
    gtin: text('gtin'),
    serial: text('serial'),
    message: text('message').notNull(),
    phone: text('phone'),
    photo: bytea('photo'), // ≤ 5 MB
    photoType: text('photo_type'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    /** new (in no case) | in_case | closed (its case closed) */
    status: text('status').notNull().default('new'),
    /** The fraud case the report's signal is in (issue 12 §3), when its stamp or product is known. */
    caseId: uuid('case_id'),
    /** When the reporter was told the case's outcome (by phone: the case page shows what to say). */
    toldAt: timestamp('told_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consumer_reports_created_idx').on(t.createdAt),
    index('consumer_reports_case_idx').on(t.caseId),
  ],
);

export const stampKinds = ['traceability', 'anti_counterfeit'] as const;
export type StampKind = (typeof stampKinds)[number];

export const maxStampsPerRequest = 1_000_000;
export const maxStampsPerPrint = 20_000;

export const stampRequestBody = z.strictObject({
  organisationId: z.uuid(),
  gtin: z.string().min(1).max(14),
  quantity: z.number().int().min(1).max(maxStampsPerRequest),
  kind: z.enum(stampKinds),
  note: z.string().max(2000).optional(),
});

/** A run of a range: the whole range when nothing is given, `first…last`, or a list of serials. */
export const stampRunBody = z.strictObject({
  firstSerial: z.number().int().min(1).optional(),
  lastSerial: z.number().int().min(1).optional(),
  serials: z.array(z.number().int().min(1)).min(1).max(100_000).optional(),
});

export const stampActivationBody = stampRunBody.extend({ lot: z.string().min(1).max(20) });
export const stampReasonBody = stampRunBody.extend({ reason: z.string().max(2000).optional() });

export const stampPrintBody = z.strictObject({
  firstSerial: z.number().int().min(1).optional(),
  lastSerial: z.number().int().min(1).optional(),
  layout: z.enum(['a4', 'roll']).default('a4'),
  /** qr and datamatrix hold the Digital Link URI (phone cameras); gs1-datamatrix the element string (GS1 scanners). */
  carrier: z.enum(['qr', 'datamatrix', 'gs1-datamatrix']).default('qr'),
  reprint: z.boolean().default(false),
});

export const stampCarrierQuery = z.strictObject({
  format: z.enum(['qr', 'datamatrix', 'gs1-datamatrix', 'gs1-128', 'ean-13']).default('qr'),
  type: z.enum(['png', 'svg']).default('svg'),
  lot: z.string().min(1).max(20).optional(),
});

export const stampRequestResponse = z.object({
  id: z.string(),
  organisationId: z.string(),
  gtin: z.string(),
  quantity: z.number().int(),
  /** Approved with fewer stamps than asked (the reason says why); null: as many as asked. */
  approvedQuantity: z.number().int().nullable(),
  kind: z.enum(stampKinds),
  status: z.string(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  range: z.object({ id: z.string(), firstSerial: z.number(), lastSerial: z.number() }).nullable(),
});

export const stampSegmentResponse = z.object({
  firstSerial: z.number(),
  lastSerial: z.number(),
  state: z.enum(['allocated', 'active', 'deactivated', 'revoked']),
  lot: z.string().nullable(),
  since: z.string().nullable(),
});

export const stampRangeResponse = z.object({
  id: z.string(),
  requestId: z.string(),
  organisationId: z.string(),
  gtin: z.string(),
  kind: z.enum(stampKinds),
  firstSerial: z.number(),
  lastSerial: z.number(),
  count: z.number(),
  counts: z.object({
    allocated: z.number(),
    active: z.number(),
    deactivated: z.number(),
    revoked: z.number(),
  }),
  segments: z.array(stampSegmentResponse),
  history: z.array(
    z.object({
      action: z.string(),
      firstSerial: z.number(),
      lastSerial: z.number(),
      lot: z.string().nullable(),
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
      eventId: z.string().nullable(),
      at: z.string(),
    }),
  ),
  sampleUri: z.string(),
  createdAt: z.string(),
});

export const suspicionListQuery = z.object({
  gtin: z.string().min(1).max(14).optional(),
  kind: z.enum(suspicionKinds).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const suspicionResponse = z.object({
  id: z.string(),
  organisationId: z.string(),
  gtin: z.string(),
  serial: z.number().nullable(),
  kind: z.enum(suspicionKinds),
  state: z.string(),
  count: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});

export const suspicionListResponse = z.object({
  items: z.array(suspicionResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/**
 * Counted scans per day (Vietnam time), so a period's scans are summed from a row a day instead of counted from ten
 * million rows (decision 052). Rolled up lazily by whoever counts (scans.rollup.ts): the scans up to
 * `stamp_rollup_marks.last_id` are in here, later ones are counted from `stamp_scans` itself.
 */
export const stampScanDays = pgTable('stamp_scan_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  scans: bigint('scans', { mode: 'number' }).notNull(),
});

/** How far each roll-up of the stamps' tables has read (the last id counted). */
export const stampRollupMarks = pgTable('stamp_rollup_marks', {
  name: text('name').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
});
