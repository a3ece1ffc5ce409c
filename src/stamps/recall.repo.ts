import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { execute } from './stamps.repo.ts';
import { stampChanges, stampRanges } from './stamps.schema.ts';

/** The ranges with serials ever bound to one of these lots (an 'activate' row naming the lot). */
export async function findRangesBoundToLots(db: DbOrTx, lots: { gtin: string; lot: string }[]) {
  if (!lots.length) return [];
  const bound = db
    .selectDistinct({ rangeId: stampChanges.rangeId })
    .from(stampChanges)
    .where(
      and(
        eq(stampChanges.action, 'activate'),
        or(...lots.map((l) => and(eq(stampChanges.gtin, l.gtin), eq(stampChanges.lot, l.lot)))),
      ),
    );
  return db.select().from(stampRanges).where(inArray(stampRanges.id, bound));
}

export async function findChangesOfRanges(db: DbOrTx, rangeIds: string[]) {
  if (!rangeIds.length) return [];
  return db
    .select()
    .from(stampChanges)
    .where(inArray(stampChanges.rangeId, rangeIds))
    .orderBy(stampChanges.id);
}

/** How many stamps of a run were scanned at least once, and how many scans were counted. */
export async function countScans(db: DbOrTx, gtin: string, first: number, last: number) {
  const { rows } = await execute(
    db,
    sql`SELECT count(DISTINCT serial)::int AS scanned, count(*)::int AS scans FROM stamp_scans
        WHERE gtin = ${gtin} AND serial BETWEEN ${first} AND ${last}`,
  );
  return { scanned: Number(rows[0]?.scanned ?? 0), scans: Number(rows[0]?.scans ?? 0) };
}
