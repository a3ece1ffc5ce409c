import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { KitchenScope } from './kitchens.policy.ts';
import {
  kitchenDishes,
  kitchenDishIngredients,
  kitchenReceipts,
  kitchenSamples,
  kitchens,
} from './kitchens.schema.ts';

export type KitchenRow = typeof kitchens.$inferSelect;
export type ReceiptRow = typeof kitchenReceipts.$inferSelect;
export type DishRow = typeof kitchenDishes.$inferSelect;
export type SampleRow = typeof kitchenSamples.$inferSelect;
export type IngredientRow = typeof kitchenDishIngredients.$inferSelect;

export async function findKitchen(db: DbOrTx, id: string): Promise<KitchenRow | null> {
  const [row] = await db.select().from(kitchens).where(eq(kitchens.id, id));
  return row ?? null;
}

export async function findKitchenByLocation(db: DbOrTx, locationId: string): Promise<KitchenRow | null> {
  const [row] = await db.select().from(kitchens).where(eq(kitchens.locationId, locationId));
  return row ?? null;
}

export async function insertKitchen(db: DbOrTx, row: typeof kitchens.$inferInsert): Promise<KitchenRow> {
  const [inserted] = await db.insert(kitchens).values(row).returning();
  return inserted;
}

export async function listKitchens(db: DbOrTx, scope: KitchenScope): Promise<KitchenRow[]> {
  const where =
    scope.kind === 'all'
      ? undefined
      : scope.kind === 'organisations'
        ? scope.ids.length
          ? inArray(kitchens.organisationId, scope.ids)
          : sql`false`
        : scope.codes.length
          ? inArray(kitchens.communeCode, scope.codes)
          : sql`false`;
  return db.select().from(kitchens).where(where).orderBy(asc(kitchens.name));
}

export async function insertReceipts(db: DbOrTx, rows: (typeof kitchenReceipts.$inferInsert)[]) {
  return db.insert(kitchenReceipts).values(rows).returning();
}

export async function findStampReceipt(
  db: DbOrTx,
  kitchenId: string,
  stamp: string,
): Promise<ReceiptRow | null> {
  const [row] = await db
    .select()
    .from(kitchenReceipts)
    .where(and(eq(kitchenReceipts.kitchenId, kitchenId), eq(kitchenReceipts.stamp, stamp)));
  return row ?? null;
}

export async function listReceipts(
  db: DbOrTx,
  kitchenId: string,
  range: { from?: Date; to?: Date } = {},
): Promise<ReceiptRow[]> {
  return db
    .select()
    .from(kitchenReceipts)
    .where(
      and(
        eq(kitchenReceipts.kitchenId, kitchenId),
        range.from ? gte(kitchenReceipts.receivedAt, range.from) : undefined,
        range.to ? lt(kitchenReceipts.receivedAt, range.to) : undefined,
      ),
    )
    .orderBy(desc(kitchenReceipts.receivedAt));
}

export async function findReceipts(db: DbOrTx, ids: string[]): Promise<ReceiptRow[]> {
  if (!ids.length) return [];
  return db.select().from(kitchenReceipts).where(inArray(kitchenReceipts.id, ids));
}

export async function insertDish(
  db: DbOrTx,
  dish: typeof kitchenDishes.$inferInsert,
  ingredients: Omit<IngredientRow, 'dishId'>[],
): Promise<DishRow> {
  const [row] = await db.insert(kitchenDishes).values(dish).returning();
  await db.insert(kitchenDishIngredients).values(ingredients.map((i) => ({ ...i, dishId: row.id })));
  return row;
}

export async function findDish(db: DbOrTx, id: string): Promise<DishRow | null> {
  const [row] = await db.select().from(kitchenDishes).where(eq(kitchenDishes.id, id));
  return row ?? null;
}

export async function dishesOfDay(db: DbOrTx, kitchenId: string, date: string): Promise<DishRow[]> {
  return db
    .select()
    .from(kitchenDishes)
    .where(and(eq(kitchenDishes.kitchenId, kitchenId), eq(kitchenDishes.servedOn, date)))
    .orderBy(asc(kitchenDishes.createdAt));
}

export async function ingredientsOf(db: DbOrTx, dishIds: string[]): Promise<IngredientRow[]> {
  if (!dishIds.length) return [];
  return db.select().from(kitchenDishIngredients).where(inArray(kitchenDishIngredients.dishId, dishIds));
}

export async function samplesOfDishes(db: DbOrTx, dishIds: string[]): Promise<SampleRow[]> {
  if (!dishIds.length) return [];
  return db.select().from(kitchenSamples).where(inArray(kitchenSamples.dishId, dishIds));
}

export async function insertSample(db: DbOrTx, row: typeof kitchenSamples.$inferInsert): Promise<SampleRow> {
  const [inserted] = await db.insert(kitchenSamples).values(row).returning();
  return inserted;
}

export async function findSampleForUpdate(db: DbOrTx, id: string): Promise<SampleRow | null> {
  const [row] = await db.select().from(kitchenSamples).where(eq(kitchenSamples.id, id)).for('update');
  return row ?? null;
}

export async function markDiscarded(db: DbOrTx, id: string, at: Date): Promise<SampleRow> {
  const [row] = await db
    .update(kitchenSamples)
    .set({ discardedAt: at })
    .where(eq(kitchenSamples.id, id))
    .returning();
  return row;
}

/** The kitchen's samples: those still kept (or, with `dueBy`, those whose keeping time is over), newest first. */
export async function listSamples(
  db: DbOrTx,
  kitchenId: string,
  opts: { dueBy?: Date; since?: Date },
): Promise<(SampleRow & { dish: DishRow })[]> {
  const rows = await db
    .select({ sample: kitchenSamples, dish: kitchenDishes })
    .from(kitchenSamples)
    .innerJoin(kitchenDishes, eq(kitchenDishes.id, kitchenSamples.dishId))
    .where(
      and(
        eq(kitchenSamples.kitchenId, kitchenId),
        opts.dueBy
          ? and(isNull(kitchenSamples.discardedAt), lte(kitchenSamples.discardBy, opts.dueBy))
          : undefined,
        opts.since ? gte(kitchenSamples.takenAt, opts.since) : undefined,
      ),
    )
    .orderBy(desc(kitchenSamples.takenAt))
    .limit(200);
  return rows.map((r) => ({ ...r.sample, dish: r.dish }));
}

/** The days of the recent past the kitchen recorded a menu for, newest first. */
export async function menuDays(db: DbOrTx, kitchenId: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ day: kitchenDishes.servedOn })
    .from(kitchenDishes)
    .where(
      and(
        eq(kitchenDishes.kitchenId, kitchenId),
        gte(kitchenDishes.servedOn, from),
        lte(kitchenDishes.servedOn, to),
      ),
    )
    .orderBy(desc(kitchenDishes.servedOn));
  return rows.map((r) => r.day);
}

/** Per kitchen: deliveries by method and their suppliers, days with a menu and dishes, over a period. */
export async function overviewCounts(db: DbOrTx, kitchenIds: string[], from: string, to: string) {
  if (!kitchenIds.length) return { receipts: [], menus: [] };
  const fromTime = new Date(`${from}T00:00:00+07:00`);
  const toTime = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
  const receipts = await db
    .select({
      kitchenId: kitchenReceipts.kitchenId,
      method: kitchenReceipts.method,
      supplierOrganisationId: kitchenReceipts.supplierOrganisationId,
      supplierName: kitchenReceipts.supplierName,
      count: sql<number>`count(*)::int`,
    })
    .from(kitchenReceipts)
    .where(
      and(
        inArray(kitchenReceipts.kitchenId, kitchenIds),
        gte(kitchenReceipts.receivedAt, fromTime),
        lt(kitchenReceipts.receivedAt, toTime),
      ),
    )
    .groupBy(
      kitchenReceipts.kitchenId,
      kitchenReceipts.method,
      kitchenReceipts.supplierOrganisationId,
      kitchenReceipts.supplierName,
    );
  const menus = await db
    .select({
      kitchenId: kitchenDishes.kitchenId,
      days: sql<number>`count(distinct ${kitchenDishes.servedOn})::int`,
      dishes: sql<number>`count(*)::int`,
    })
    .from(kitchenDishes)
    .where(
      and(
        inArray(kitchenDishes.kitchenId, kitchenIds),
        gte(kitchenDishes.servedOn, from),
        lte(kitchenDishes.servedOn, to),
      ),
    )
    .groupBy(kitchenDishes.kitchenId);
  return { receipts, menus };
}
