import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { likePattern, orderBy } from './list-query.ts';
import type { LocationListQuery } from './location.schema.ts';
import type { ReadScope } from './registry.policy.ts';
import { locations, organisations } from './registry.schema.ts';
import { scopeCondition } from './scope-sql.ts';

export type LocationRow = typeof locations.$inferSelect;
export type LocationValues = typeof locations.$inferInsert;
/** A location with what its read rules need from its organisation. */
export type ScopedLocationRow = LocationRow & { ownerSector: string; ownerCommune: string | null };

const scopedColumns = {
  location: locations,
  ownerSector: organisations.sector,
  ownerCommune: organisations.communeCode,
};
const flatten = (r: { location: LocationRow; ownerSector: string; ownerCommune: string | null }) => ({
  ...r.location,
  ownerSector: r.ownerSector,
  ownerCommune: r.ownerCommune,
});
const effectiveCommune = sql`coalesce(${locations.communeCode}, ${organisations.communeCode})`;

export async function insertLocation(db: DbOrTx, values: LocationValues): Promise<LocationRow> {
  const [row] = await db.insert(locations).values(values).returning();
  return row;
}

export async function updateLocation(db: DbOrTx, id: string, values: Partial<LocationValues>) {
  const [row] = await db
    .update(locations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(locations.id, id))
    .returning();
  return row;
}

async function selectScoped(db: DbOrTx, where: SQL | undefined): Promise<ScopedLocationRow[]> {
  const rows = await db
    .select(scopedColumns)
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(where);
  return rows.map(flatten);
}

export async function findLocation(db: DbOrTx, id: string): Promise<ScopedLocationRow | null> {
  return (await selectScoped(db, eq(locations.id, id)))[0] ?? null;
}

export async function findLocationByGln(db: DbOrTx, gln: string): Promise<LocationRow | null> {
  const [row] = await db.select().from(locations).where(eq(locations.gln, gln));
  return row ?? null;
}

export async function findLocationsByGlns(db: DbOrTx, glns: string[]): Promise<LocationRow[]> {
  if (!glns.length) return [];
  return db.select().from(locations).where(inArray(locations.gln, glns));
}

export async function findLocationsByIds(db: DbOrTx, ids: string[]): Promise<LocationRow[]> {
  if (!ids.length) return [];
  return db.select().from(locations).where(inArray(locations.id, ids));
}

/** GLNs of the approved locations of these organisations: one query, whatever the number of organisations. */
export async function findApprovedLocationGlns(db: DbOrTx, organisationIds: string[]): Promise<string[]> {
  if (!organisationIds.length) return [];
  const rows = await db
    .select({ gln: locations.gln })
    .from(locations)
    .where(
      and(
        inArray(locations.organisationId, organisationIds),
        eq(locations.reviewStatus, 'approved'),
        sql`${locations.gln} IS NOT NULL`,
      ),
    );
  return rows.map((r) => r.gln!);
}

export async function listLocations(
  db: DbOrTx,
  scope: ReadScope,
  query: LocationListQuery,
): Promise<{ rows: ScopedLocationRow[]; total: number }> {
  const where = and(
    scopeCondition(scope, {
      organisationId: locations.organisationId,
      sector: organisations.sector,
      communeCode: effectiveCommune,
    }),
    query.reviewStatus ? eq(locations.reviewStatus, query.reviewStatus) : undefined,
    query.organisationId ? eq(locations.organisationId, query.organisationId) : undefined,
    query.type ? eq(locations.type, query.type) : undefined,
    query.communeCode ? eq(locations.communeCode, query.communeCode) : undefined,
    query.q
      ? or(
          ilike(locations.name, likePattern(query.q)),
          ilike(locations.gln, likePattern(query.q)),
          ilike(locations.growingAreaCode, likePattern(query.q)),
        )
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(where);
  const rows = await db
    .select(scopedColumns)
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(where)
    .orderBy(
      ...orderBy(
        query.sort,
        { name: locations.name, createdAt: locations.createdAt, gln: locations.gln },
        asc(locations.id),
      ),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows: rows.map(flatten), total };
}
