import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { apiKeys } from './accounts.schema.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: DbOrTx, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row;
}

export async function findApiKeyBySecretHash(db: DbOrTx, secretHash: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash));
  return row ?? null;
}

export async function findApiKey(db: DbOrTx, id: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row ?? null;
}

/** Keys acting for any of the organisations (all keys when `organisationIds` is undefined). */
export async function listApiKeys(
  db: DbOrTx,
  f: { organisationIds?: string[]; includeRevoked: boolean },
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [];
  if (f.organisationIds) {
    conditions.push(sql`${apiKeys.organisationIds} && ${sql.param(f.organisationIds)}::uuid[]`);
  }
  if (!f.includeRevoked) conditions.push(isNull(apiKeys.revokedAt));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(apiKeys)
      .where(where)
      .orderBy(desc(apiKeys.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(apiKeys).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function revokeApiKey(db: DbOrTx, id: string, by: string) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date(), revokedBy: by })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  return row ?? null;
}

export async function touchApiKey(db: DbOrTx, id: string) {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, id));
}
