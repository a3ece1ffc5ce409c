import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { likePattern, orderBy } from './list-query.ts';
import type { ProductListQuery } from './product.schema.ts';
import type { ReadScope } from './registry.policy.ts';
import { organisations, products } from './registry.schema.ts';
import { scopeCondition } from './scope-sql.ts';

export type ProductRow = typeof products.$inferSelect;
export type ProductValues = typeof products.$inferInsert;
export type ScopedProductRow = ProductRow & { ownerSector: string; ownerCommune: string | null };

const scopedColumns = {
  product: products,
  ownerSector: organisations.sector,
  ownerCommune: organisations.communeCode,
};
const flatten = (r: { product: ProductRow; ownerSector: string; ownerCommune: string | null }) => ({
  ...r.product,
  ownerSector: r.ownerSector,
  ownerCommune: r.ownerCommune,
});

export async function insertProduct(db: DbOrTx, values: ProductValues): Promise<ProductRow> {
  const [row] = await db.insert(products).values(values).returning();
  return row;
}

export async function updateProduct(
  db: DbOrTx,
  id: string,
  values: Partial<ProductValues>,
): Promise<ProductRow> {
  const [row] = await db
    .update(products)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(products.id, id))
    .returning();
  return row;
}

async function selectScoped(db: DbOrTx, where: SQL): Promise<ScopedProductRow[]> {
  const rows = await db
    .select(scopedColumns)
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .where(where);
  return rows.map(flatten);
}

export async function findProduct(db: DbOrTx, id: string): Promise<ScopedProductRow | null> {
  return (await selectScoped(db, eq(products.id, id)))[0] ?? null;
}

export async function findProductByGtin(db: DbOrTx, gtin: string): Promise<ScopedProductRow | null> {
  return (await selectScoped(db, eq(products.gtin, gtin)))[0] ?? null;
}

export async function findProductsByGtins(db: DbOrTx, gtins: string[]): Promise<ProductRow[]> {
  if (!gtins.length) return [];
  return db.select().from(products).where(inArray(products.gtin, gtins));
}

export async function listProducts(
  db: DbOrTx,
  scope: ReadScope,
  query: ProductListQuery,
): Promise<{ rows: ScopedProductRow[]; total: number }> {
  const where = and(
    scopeCondition(scope, {
      organisationId: products.organisationId,
      sector: sql`coalesce(${products.sector}, ${organisations.sector})`,
      communeCode: organisations.communeCode,
    }),
    query.reviewStatus ? eq(products.reviewStatus, query.reviewStatus) : undefined,
    query.organisationId ? eq(products.organisationId, query.organisationId) : undefined,
    query.sector ? eq(products.sector, query.sector) : undefined,
    query.ocop === 'true'
      ? isNotNull(products.ocopStars)
      : query.ocop === 'false'
        ? isNull(products.ocopStars)
        : undefined,
    query.q
      ? or(
          ilike(products.name, likePattern(query.q)),
          ilike(products.gtin, likePattern(query.q)),
          ilike(products.brand, likePattern(query.q)),
        )
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .where(where);
  const rows = await db
    .select(scopedColumns)
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .where(where)
    .orderBy(
      ...orderBy(
        query.sort,
        { name: products.name, createdAt: products.createdAt, gtin: products.gtin },
        asc(products.id),
      ),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows: rows.map(flatten), total };
}
