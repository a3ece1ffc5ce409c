import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { likePattern, orderBy } from './list-query.ts';
import type { LotListQuery } from './lot.schema.ts';
import type { ReadScope } from './registry.policy.ts';
import { lots, organisations, products } from './registry.schema.ts';
import { scopeCondition } from './scope-sql.ts';

export type LotRow = typeof lots.$inferSelect;
export type LotValues = typeof lots.$inferInsert;
export type ScopedLotRow = LotRow & {
  productName: string;
  productSector: string | null;
  ownerSector: string;
  ownerCommune: string | null;
};

const scopedColumns = {
  lot: lots,
  productName: products.name,
  productSector: products.sector,
  ownerSector: organisations.sector,
  ownerCommune: organisations.communeCode,
};
type Joined = {
  lot: LotRow;
  productName: string;
  productSector: string | null;
  ownerSector: string;
  ownerCommune: string | null;
};
const flatten = ({ lot, ...rest }: Joined): ScopedLotRow => ({ ...lot, ...rest });

function joined(db: DbOrTx) {
  return db
    .select(scopedColumns)
    .from(lots)
    .innerJoin(products, eq(products.id, lots.productId))
    .innerJoin(organisations, eq(organisations.id, lots.organisationId));
}

export async function insertLot(db: DbOrTx, values: LotValues): Promise<LotRow> {
  const [row] = await db.insert(lots).values(values).returning();
  return row;
}

export async function updateLot(db: DbOrTx, id: string, values: Partial<LotValues>): Promise<LotRow> {
  const [row] = await db
    .update(lots)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(lots.id, id))
    .returning();
  return row;
}

export async function findLot(db: DbOrTx, id: string): Promise<ScopedLotRow | null> {
  const [row] = await joined(db).where(eq(lots.id, id));
  return row ? flatten(row) : null;
}

export async function findLotByKey(db: DbOrTx, gtin: string, lot: string): Promise<ScopedLotRow | null> {
  const [row] = await joined(db).where(and(eq(lots.gtin, gtin), eq(lots.lot, lot)));
  return row ? flatten(row) : null;
}

export async function findLotsByKeys(
  db: DbOrTx,
  keys: { gtin: string; lot: string }[],
): Promise<ScopedLotRow[]> {
  if (!keys.length) return [];
  // Two array conditions plan far better than an OR of pairs; the exact pairs are picked afterwards.
  const wanted = new Set(keys.map((k) => `${k.gtin} ${k.lot}`));
  const gtins = [...new Set(keys.map((k) => k.gtin))];
  const lotNumbers = [...new Set(keys.map((k) => k.lot))];
  const rows = await joined(db).where(and(inArray(lots.gtin, gtins), inArray(lots.lot, lotNumbers)));
  return rows.map(flatten).filter((row) => wanted.has(`${row.gtin} ${row.lot}`));
}

export async function listLots(
  db: DbOrTx,
  scope: ReadScope,
  query: LotListQuery,
): Promise<{ rows: ScopedLotRow[]; total: number }> {
  const where: SQL | undefined = and(
    scopeCondition(scope, {
      organisationId: lots.organisationId,
      sector: sql`coalesce(${products.sector}, ${organisations.sector})`,
      communeCode: organisations.communeCode,
    }),
    query.reviewStatus ? eq(lots.reviewStatus, query.reviewStatus) : undefined,
    query.organisationId ? eq(lots.organisationId, query.organisationId) : undefined,
    query.productId ? eq(lots.productId, query.productId) : undefined,
    query.gtin ? eq(lots.gtin, query.gtin.padStart(14, '0')) : undefined,
    query.status ? eq(lots.status, query.status) : undefined,
    query.q
      ? or(ilike(lots.lot, likePattern(query.q)), ilike(products.name, likePattern(query.q)))
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(lots)
    .innerJoin(products, eq(products.id, lots.productId))
    .innerJoin(organisations, eq(organisations.id, lots.organisationId))
    .where(where);
  const rows = await joined(db)
    .where(where)
    .orderBy(
      ...orderBy(
        query.sort,
        {
          lot: lots.lot,
          createdAt: lots.createdAt,
          productionDate: lots.productionDate,
          expiryDate: lots.expiryDate,
        },
        asc(lots.id),
      ),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows: rows.map(flatten), total };
}
