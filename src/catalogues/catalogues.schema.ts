import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Sector } from '../platform/index.ts';

/** Kinds of a sector's list: products that must be traced, or products the province favours. */
export const listKinds = ['mandatory', 'priority'] as const;
/** What a priority list is about (a mandatory list has none). */
export const priorityCategories = [
  'key',
  'specialty',
  'ocop',
  'geographical_indication',
  'export',
  'high_risk',
] as const;
/** A version's life: drafted, proposed for review, approved (frozen, in force from its dates) or returned. */
export const versionStates = ['draft', 'submitted', 'approved', 'returned'] as const;
export const matchKinds = ['product_group', 'gtin', 'name'] as const;

/** A sector department's list; its content lives in versions. */
export const catalogueLists = pgTable(
  'catalogue_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sector: text('sector').$type<Sector>().notNull(),
    kind: text('kind').notNull(),
    category: text('category'),
    title: text('title').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalogue_lists_sector_idx').on(t.sector)],
);

/** One issued (or proposed) version of a list, with its decision. Approved versions are never changed. */
export const catalogueVersions = pgTable(
  'catalogue_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => catalogueLists.id),
    number: text('number').notNull().default('1'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    signer: text('signer'),
    fileId: uuid('file_id'),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    state: text('state').notNull().default('draft'),
    reviewNote: text('review_note'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalogue_versions_list_idx').on(t.listId),
    uniqueIndex('catalogue_versions_number_uq').on(t.listId, t.number),
    index('catalogue_versions_approved_idx').on(t.listId, t.effectiveFrom).where(sql`state = 'approved'`),
  ],
);

/** A line of a version: products it names, by group, GTIN or a name pattern. */
export const catalogueItems = pgTable(
  'catalogue_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => catalogueVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    match: text('match').notNull(),
    value: text('value').notNull(),
    note: text('note'),
  },
  (t) => [index('catalogue_items_version_idx').on(t.versionId)],
);
