import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Sector } from '../platform/index.ts';
import type { QueueScope } from './review.policy.ts';
import { reviewDecisions, reviewItems } from './review.schema.ts';

export type NewReviewItem = typeof reviewItems.$inferInsert;

export async function insertItem(db: DbOrTx, values: NewReviewItem) {
  const [row] = await db.insert(reviewItems).values(values).returning();
  return row;
}

export async function findItem(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(reviewItems).where(eq(reviewItems.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findPendingItem(db: DbOrTx, entityType: string, entityId: string) {
  const [row] = await db
    .select()
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.entityType, entityType),
        eq(reviewItems.entityId, entityId),
        eq(reviewItems.status, 'pending'),
      ),
    );
  return row ?? null;
}

export async function closeItem(
  db: DbOrTx,
  id: string,
  values: { status: string; decidedBy: string; reason: string | null },
) {
  const [row] = await db
    .update(reviewItems)
    .set({ ...values, decidedAt: new Date() })
    .where(eq(reviewItems.id, id))
    .returning();
  return row;
}

export async function insertDecision(db: DbOrTx, values: typeof reviewDecisions.$inferInsert) {
  const [row] = await db.insert(reviewDecisions).values(values).returning();
  return row;
}

/** Every item ever opened for a thing (its submissions, one after another), for the history beside the latest. */
export async function itemIdsOfEntity(db: DbOrTx, entityType: string, entityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: reviewItems.id })
    .from(reviewItems)
    .where(and(eq(reviewItems.entityType, entityType), eq(reviewItems.entityId, entityId)));
  return rows.map((r) => r.id);
}

export function decisionsOfItems(db: DbOrTx, itemIds: string[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(reviewDecisions)
    .where(inArray(reviewDecisions.itemId, itemIds))
    .orderBy(asc(reviewDecisions.decidedAt));
}

function scopeCondition(scope: QueueScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'sector':
      return scope.sector ? eq(reviewItems.sector, scope.sector) : sql`false`;
    case 'communes':
      return scope.codes.length ? inArray(reviewItems.communeCode, scope.codes) : sql`false`;
    case 'organisations':
      return scope.ids.length ? inArray(reviewItems.organisationId, scope.ids) : sql`false`;
  }
}

export interface ItemFilter {
  entityType?: string;
  entityId?: string;
  status?: string;
  sector?: Sector;
  communeCode?: string;
  organisationId?: string;
}

/** The queue an actor may see: oldest pending first (first come, first served), decided items newest first. */
export async function listItems(
  db: DbOrTx,
  scope: QueueScope,
  f: ItemFilter,
  page: { limit: number; offset: number },
) {
  const conditions = [
    scopeCondition(scope),
    f.entityType ? eq(reviewItems.entityType, f.entityType) : undefined,
    f.entityId ? eq(reviewItems.entityId, f.entityId) : undefined,
    f.status ? eq(reviewItems.status, f.status) : undefined,
    f.sector ? eq(reviewItems.sector, f.sector) : undefined,
    f.communeCode ? eq(reviewItems.communeCode, f.communeCode) : undefined,
    f.organisationId ? eq(reviewItems.organisationId, f.organisationId) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const order =
    f.status === 'pending'
      ? [asc(reviewItems.submittedAt), asc(reviewItems.id)]
      : [desc(reviewItems.submittedAt), desc(reviewItems.id)];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(reviewItems)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(reviewItems).where(where),
  ]);
  return { rows, total: Number(total) };
}
