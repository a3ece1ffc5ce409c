import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, isTransaction } from './db.ts';

/**
 * Rows of a growing table counted by calendar day (Vietnam time) over any span, at the cost of a span's days rather
 * than of the rows kept (decisions 052 and 066): a roll-up table holds a count per day of the rows up to a mark (the
 * highest key rolled up), and a count adds the days and the rows past the mark, read live. Rolled up lazily, by
 * whoever counts first; rows younger than `settleMinutes` are left to the live half, since a row's key is taken when
 * it is written and its time when its transaction began, so a transaction still open may commit a key below the
 * newest one for a moment.
 */
export interface DayCountsSpec {
  /** The growing table, its increasing key, its time column, and which of its rows count (all if absent). */
  source: { table: string; key: string; time: string; where?: string };
  /** The roll-up table: a `day` date primary key and a count column. */
  days: { table: string; count: string };
  /** Where the mark is kept: a table of (`name` text primary key, a bigint column), and this roll-up's name. */
  mark: { table: string; column: string; name: string };
  settleMinutes: number;
}

export interface DayCounts {
  /** Rows by the end of `to`. */
  total: number;
  /** Of those, from the start of `from`. */
  inPeriod: number;
}

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export function dayCounts(spec: DayCountsSpec) {
  const { source, days, mark } = spec;
  const src = sql.raw(source.table);
  const key = sql.raw(source.key);
  const time = sql.raw(source.time);
  const counted = sql.raw(source.where ? `AND ${source.where}` : '');
  const dayTable = sql.raw(days.table);
  const dayCount = sql.raw(days.count);
  const markTable = sql.raw(mark.table);
  const markColumn = sql.raw(mark.column);
  const markNow = sql`(SELECT coalesce(max(${markColumn}), 0) FROM ${markTable} WHERE name = ${mark.name})::bigint`;
  const markOf = (db: DbOrTx) =>
    rows<{ mark: string | number }>(db, sql`SELECT ${markNow} AS mark`).then((r) => Number(r[0]!.mark));

  /**
   * Adds the rows written since the last roll-up (and settled) to the days and moves the mark, in one transaction;
   * another caller rolling up at the same time wins and this one rolls up nothing. Returns how many rows it passed
   * (those `where` leaves out too).
   */
  async function rollUp(db: DbOrTx): Promise<number> {
    return db.transaction(async (tx) => {
      const [lock] = await rows<{ ok: boolean }>(
        tx,
        sql`SELECT pg_try_advisory_xact_lock(hashtext(${days.table})) AS ok`,
      );
      if (!lock!.ok) return 0;
      const from = await markOf(tx);
      // the mark as a value, not a subquery: the planner then walks the key's index from it
      const [range] = await rows<{ upTo: string | null; n: number }>(
        tx,
        sql`SELECT max(${key})::bigint AS "upTo", count(*)::int AS n FROM ${src}
            WHERE ${key} > ${from}::bigint AND ${time} < now() - make_interval(mins => ${spec.settleMinutes})`,
      );
      if (range!.upTo === null) return 0;
      await tx.execute(
        sql`INSERT INTO ${dayTable} (day, ${dayCount})
            SELECT ((${time} AT TIME ZONE 'UTC') + interval '7 hours')::date, count(*) FROM ${src}
            WHERE ${key} > ${from}::bigint AND ${key} <= ${range!.upTo}::bigint ${counted}
            GROUP BY 1
            ON CONFLICT (day) DO UPDATE SET ${dayCount} = ${dayTable}.${dayCount} + excluded.${dayCount}`,
      );
      await tx.execute(
        sql`INSERT INTO ${markTable} (name, ${markColumn}) VALUES (${mark.name}, ${range!.upTo}::bigint)
            ON CONFLICT (name) DO UPDATE SET ${markColumn} = excluded.${markColumn}`,
      );
      return range!.n;
    });
  }

  /**
   * The rows up to the end of `to` and from the start of `from`, calendar days in Vietnam time: the days rolled up,
   * then the rows past the mark, in one statement that also reads the mark (one snapshot); if a roll-up moved the
   * mark meanwhile, counted again with the new one (the mark must be a value for the planner to walk the key).
   * Inside a caller's transaction (a report being issued) nothing is rolled up first: the roll-up commits on its own,
   * and inside it would become a savepoint whose advisory lock and rows wait for, and fall with, the caller's
   * transaction (the figures are the same either way; the roll-up only makes the next count cheaper).
   */
  async function count(db: DbOrTx, from: string, to: string): Promise<DayCounts> {
    if (!isTransaction(db)) await rollUp(db);
    const start = sql`(${from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
    const end = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
    let known = await markOf(db);
    for (;;) {
      const [r] = await rows<{ mark: string; total: string; in_period: string }>(
        db,
        sql`SELECT ${markNow} AS mark, d.total + t.total AS total, d.in_period + t.in_period AS in_period
          FROM (SELECT coalesce(sum(${dayCount}), 0) AS total,
                  coalesce(sum(${dayCount}) FILTER (WHERE day >= ${from}::date), 0) AS in_period
                FROM ${dayTable} WHERE day <= ${to}::date) d,
            (SELECT count(*) AS total, count(*) FILTER (WHERE ${time} >= ${start}) AS in_period
                FROM ${src} WHERE ${key} > ${known}::bigint AND ${time} < ${end} ${counted}) t`,
      );
      if (Number(r!.mark) === known) return { total: Number(r!.total), inPeriod: Number(r!.in_period) };
      known = Number(r!.mark);
    }
  }

  return { rollUp, count };
}
