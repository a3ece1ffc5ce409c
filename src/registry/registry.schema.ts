import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Sector } from '../platform/index.ts';

/**
 * Master data of the province (docs/requirements.md §2 A.1–3, B.5). Every row carries the review status of the
 * department's workflow; nothing unapproved reaches the public page or the national portal.
 */
const reviewColumns = {
  reviewStatus: text('review_status').notNull().default('draft'),
  reviewNote: text('review_note'),
  /**
   * The version the public sees while an edit of an approved row waits for review (the row itself holds the edit):
   * the whole row as it was approved. Null when the row itself is the public version, or nothing is public.
   */
  publishedRow: jsonb('published_row'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** 10 digits, or 10 digits + '-' + 3 for a dependent branch; null for a row noted from a capture. */
    taxCode: text('tax_code'),
    type: text('type').notNull(),
    sector: text('sector').$type<Sector>().notNull(),
    communeCode: text('commune_code'),
    streetAddress: text('street_address'),
    representative: text('representative'),
    phone: text('phone'),
    email: text('email'),
    gs1CompanyPrefixes: text('gs1_company_prefixes').array().notNull().default([]),
    glns: text('glns').array().notNull().default([]),
    ...reviewColumns,
  },
  (t) => [
    uniqueIndex('organisations_tax_code_uq').on(t.taxCode),
    index('organisations_sector_idx').on(t.sector),
    index('organisations_commune_idx').on(t.communeCode),
    // who holds a GLN (a trace's parties, a capture's owners): `glns && …` without reading every organisation
    index('organisations_glns_idx').using('gin', t.glns),
  ],
);

export const organisationCertificates = pgTable(
  'organisation_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    fileUrl: text('file_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_certificates_org_idx').on(t.organisationId)],
);

export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    gln: text('gln'),
    /** Used when the location has no GLN: `LOC-` + 10 characters, unique in the province. */
    internalCode: text('internal_code').notNull(),
    /** GS1 location AI the GLN is shown with: 414 physical location, 416 production location, 417 party. */
    locationAi: text('location_ai').notNull().default('414'),
    /** Null for a location first named by a captured event, until its owner describes it. */
    type: text('type'),
    growingAreaCode: text('growing_area_code'),
    communeCode: text('commune_code'),
    streetAddress: text('street_address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** GeoJSON Polygon or MultiPolygon of a growing area or farm. */
    polygon: jsonb('polygon'),
    areaHectares: numeric('area_hectares', { mode: 'number' }),
    ...reviewColumns,
  },
  (t) => [
    uniqueIndex('locations_gln_uq').on(t.gln),
    uniqueIndex('locations_internal_code_uq').on(t.internalCode),
    index('locations_org_idx').on(t.organisationId),
    index('locations_commune_idx').on(t.communeCode),
  ],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Always GTIN-14 (shorter GTINs are padded with zeros on the left). */
    gtin: text('gtin').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    images: text('images').array().notNull().default([]),
    brand: text('brand'),
    modelCode: text('model_code'),
    productGroup: text('product_group'),
    sector: text('sector').$type<Sector>(),
    /** Trade unit as sold (thùng, hộp, kg …). */
    unit: text('unit'),
    netQuantity: numeric('net_quantity', { mode: 'number' }),
    netQuantityUnit: text('net_quantity_unit'),
    shelfLifeDays: integer('shelf_life_days'),
    appliedStandards: text('applied_standards').array().notNull().default([]),
    conformityDeclaration: text('conformity_declaration'),
    riskTier: text('risk_tier'),
    ocopStars: integer('ocop_stars'),
    ocopDecision: text('ocop_decision'),
    ocopDecisionDate: date('ocop_decision_date', { mode: 'string' }),
    ocopValidUntil: date('ocop_valid_until', { mode: 'string' }),
    geographicalIndication: text('geographical_indication'),
    certificationMark: text('certification_mark'),
    ...reviewColumns,
  },
  (t) => [
    uniqueIndex('products_gtin_uq').on(t.gtin),
    index('products_org_idx').on(t.organisationId),
    index('products_sector_idx').on(t.sector),
  ],
);

export const lots = pgTable(
  'lots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    gtin: text('gtin').notNull(),
    lot: text('lot').notNull(),
    productionDate: date('production_date', { mode: 'string' }),
    expiryDate: date('expiry_date', { mode: 'string' }),
    quantity: numeric('quantity', { mode: 'number' }),
    unit: text('unit'),
    locationId: uuid('location_id').references(() => locations.id),
    inputLotIds: uuid('input_lot_ids').array().notNull().default([]),
    status: text('status').notNull().default('active'),
    ...reviewColumns,
  },
  (t) => [
    uniqueIndex('lots_key_uq').on(t.gtin, t.lot),
    index('lots_org_idx').on(t.organisationId),
    index('lots_product_idx').on(t.productId),
  ],
);

/**
 * Traceability systems an organisation uses (docs/requirements.md §2 A.4): which software or provider, which
 * standards it conforms to, and whether it is connected to the provincial and national portals — the plans count
 * these.
 */
export const traceabilitySystems = pgTable(
  'traceability_systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    provider: text('provider'),
    standards: text('standards').array().notNull().default([]),
    conformity: text('conformity').notNull().default('declared'),
    connectedToProvince: boolean('connected_to_province').notNull().default(false),
    connectedToNational: boolean('connected_to_national').notNull().default(false),
    /** software, stamps_service, paper, other (traceability-system.schema.ts). */
    kind: text('kind').notNull().default('software'),
    /** Which of the four principles (TCVN 12850:2019, Circular 02/2024) the owner declares the system meets. */
    principles: text('principles').array().notNull().default([]),
    /** Which of the ten data items of Circular 02/2024 the system carries. */
    dataItems: text('data_items').array().notNull().default([]),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default([]),
    /** How it is connected to the provincial system, as declared: none, manual_upload, api_key, epcis_capture. */
    connection: text('connection').notNull().default('none'),
    inUseSince: date('in_use_since'),
    declaredOn: date('declared_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('traceability_systems_org_idx').on(t.organisationId)],
);
