import { and, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { diaryEntries, withdrawalKinds } from './diary.schema.ts';

export type DiaryEntryRow = typeof diaryEntries.$inferSelect;

/** Serialises diary writes per location, so a harvest and a spraying entered at once are checked in order. */
export async function lockLocation(db: DbOrTx, locationId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`diary:${locationId}`}, 0))`);
}

/** Serialises submissions of one client-chosen entry id (decision 061), whichever organisation sends it. */
export async function lockEntryId(db: DbOrTx, id: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`diary-entry:${id}`}, 0))`);
}

/** The withdrawal entry of the location still running on `date` that ends last, if any. */
export async function findRunningWithdrawal(db: DbOrTx, locationId: string, date: string) {
  const until = sql<string>`(${diaryEntries.entryDate} + ${diaryEntries.withdrawalDays})`;
  const [row] = await db
    .select({
      id: diaryEntries.id,
      entryDate: diaryEntries.entryDate,
      inputName: diaryEntries.inputName,
      activeIngredient: diaryEntries.activeIngredient,
      withdrawalDays: diaryEntries.withdrawalDays,
      until: sql<string>`to_char(${until}, 'YYYY-MM-DD')`,
    })
    .from(diaryEntries)
    .where(
      and(
        eq(diaryEntries.locationId, locationId),
        inArray(diaryEntries.kind, [...withdrawalKinds]),
        lte(diaryEntries.entryDate, date),
        sql`${until} > ${date}::date`,
      ),
    )
    .orderBy(desc(until))
    .limit(1);
  return row ?? null;
}

export async function insertEntry(db: DbOrTx, row: typeof diaryEntries.$inferInsert): Promise<DiaryEntryRow> {
  const [inserted] = await db.insert(diaryEntries).values(row).returning();
  return inserted;
}

export async function findEntry(db: DbOrTx, id: string): Promise<DiaryEntryRow | null> {
  const [row] = await db.select().from(diaryEntries).where(eq(diaryEntries.id, id));
  return row ?? null;
}

export async function listEntries(
  db: DbOrTx,
  opts: { locationId: string; season?: string; page: number; pageSize: number },
) {
  const where = and(
    eq(diaryEntries.locationId, opts.locationId),
    opts.season ? eq(diaryEntries.season, opts.season) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(diaryEntries)
      .where(where)
      .orderBy(desc(diaryEntries.entryDate), desc(diaryEntries.createdAt), desc(diaryEntries.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ total: count() }).from(diaryEntries).where(where),
  ]);
  return { rows, total: Number(total) };
}
