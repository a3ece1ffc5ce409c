import {
  date,
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

/** How a delivery came in: its supplier's stamp (or a lot's code), or the supplier's shipment on the platform. */
export const receiptMethods = ['stamp', 'shipment'] as const;
export type ReceiptMethod = (typeof receiptMethods)[number];

/** The meals of a school day (bữa sáng, bữa trưa, bữa xế, bữa tối). */
export const meals = ['breakfast', 'lunch', 'snack', 'dinner'] as const;
export type Meal = (typeof meals)[number];

/**
 * A school kitchen (bếp ăn tập thể): one location of type `school_kitchen` of an organisation (the school or its
 * caterer). The commune is kept from the location so officers' lists need no join into the registry.
 */
export const kitchens = pgTable(
  'kitchens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    locationId: uuid('location_id').notNull(),
    name: text('name').notNull(),
    communeCode: text('commune_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kitchens_location_uq').on(t.locationId),
    index('kitchens_organisation_idx').on(t.organisationId),
  ],
);

/** A delivery the kitchen received: one lot, the receiving event captured for it, and who supplied it. */
export const kitchenReceipts = pgTable(
  'kitchen_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kitchenId: uuid('kitchen_id')
      .notNull()
      .references(() => kitchens.id),
    method: text('method').$type<ReceiptMethod>().notNull(),
    /** what was scanned or typed, as given (a stamp's URL, an element string, a shipment's reference) */
    code: text('code').notNull(),
    gtin: text('gtin').notNull(),
    lot: text('lot').notNull(),
    /** the stamp received by (GTIN-14 and serial), so one stamp is received once per kitchen */
    stamp: text('stamp'),
    quantity: doublePrecision('quantity').notNull(),
    unit: text('unit').notNull(),
    supplierOrganisationId: uuid('supplier_organisation_id'),
    supplierName: text('supplier_name').notNull(),
    /** the receiving event (EPCIS eventID) */
    eventId: text('event_id').notNull(),
    shipmentId: uuid('shipment_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('kitchen_receipts_kitchen_idx').on(t.kitchenId, t.receivedAt),
    uniqueIndex('kitchen_receipts_stamp_uq').on(t.kitchenId, t.stamp),
  ],
);

/** A dish of a day's menu: made from received lots by one transformation event; its output is the dish's batch. */
export const kitchenDishes = pgTable(
  'kitchen_dishes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kitchenId: uuid('kitchen_id')
      .notNull()
      .references(() => kitchens.id),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    meal: text('meal').$type<Meal>().notNull(),
    name: text('name').notNull(),
    portions: integer('portions'),
    /** the transformation event (EPCIS eventID) and the dish's batch as an EPC class */
    eventId: text('event_id').notNull(),
    batchId: text('batch_id').notNull(),
    cookedAt: timestamp('cooked_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kitchen_dishes_day_idx').on(t.kitchenId, t.servedOn)],
);

/** The received lots a dish was made from, with the quantity used when the cook gave one. */
export const kitchenDishIngredients = pgTable(
  'kitchen_dish_ingredients',
  {
    dishId: uuid('dish_id')
      .notNull()
      .references(() => kitchenDishes.id),
    receiptId: uuid('receipt_id')
      .notNull()
      .references(() => kitchenReceipts.id),
    quantity: doublePrecision('quantity'),
    unit: text('unit'),
  },
  (t) => [primaryKey({ columns: [t.dishId, t.receiptId] })],
);

/** A kept sample of a dish (lưu mẫu): when it was taken, when it may be thrown away, and when it was. */
export const kitchenSamples = pgTable(
  'kitchen_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kitchenId: uuid('kitchen_id')
      .notNull()
      .references(() => kitchens.id),
    dishId: uuid('dish_id')
      .notNull()
      .references(() => kitchenDishes.id),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    discardBy: timestamp('discard_by', { withTimezone: true }).notNull(),
    discardedAt: timestamp('discarded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kitchen_samples_dish_uq').on(t.dishId),
    index('kitchen_samples_kitchen_idx').on(t.kitchenId, t.discardBy),
  ],
);
