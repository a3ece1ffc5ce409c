import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One mandatory label item of a goods group: a key (known ones read a product field, others the label's text). */
export interface GoodsGroupItem {
  key: string;
  vi: string;
  en: string;
}

/**
 * The goods groups of the labelling rules (Decree 43/2017 as amended, Circular 18/2022/TT-BKHCN, Decree 37/2026
 * Chapter IV) and the items each must carry on its label: data the department's admin keeps (decision 058).
 */
export const goodsGroups = pgTable('goods_groups', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  legalBasis: text('legal_basis').notNull().default(''),
  items: jsonb('items').$type<GoodsGroupItem[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A product's electronic label: its goods group and the texts of the items no product field holds (ingredients,
 * warnings, instructions …). The working copy its organisation edits; the public reads the approved passport
 * version (passport_versions), which copies it at the product's approval.
 */
export const productLabels = pgTable(
  'product_labels',
  {
    productId: uuid('product_id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    goodsGroup: text('goods_group')
      .notNull()
      .references(() => goodsGroups.code),
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [index('product_labels_organisation_idx').on(t.organisationId)],
);

/** Each approved version of a product's passport, kept: the product and its label as the department approved them. */
export const passportVersions = pgTable(
  'passport_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id').notNull(),
    gtin: text('gtin').notNull(),
    version: integer('version').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
    content: jsonb('content').notNull(),
  },
  (t) => [
    uniqueIndex('passport_versions_product_version_uq').on(t.productId, t.version),
    index('passport_versions_gtin_idx').on(t.gtin, t.version),
  ],
);

export type GoodsGroupRow = typeof goodsGroups.$inferSelect;
export type ProductLabelRow = typeof productLabels.$inferSelect;
export type PassportVersionRow = typeof passportVersions.$inferSelect;
