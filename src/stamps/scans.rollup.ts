import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';

// Scans per day (stamp_scan_days, decision 052): the plan's scan indicator and the report's key figure sum a row a
// day, and count only the scans written since the last roll-up from stamp_scans itself.

/**
 * Scans younger than this are left to the live half of the count: a scan's id is taken when it is written and its
 * time when its transaction began, so a slow transaction may still commit an id below the newest one for a moment.
 */
const settleMinutes = 10;
const name = 'scan_days';

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const markOf = (db: DbOrTx) =>
  rows<{ id: string | number }>(
    db,
    sql`SELECT coalesce(max(last_id), 0)::bigint AS id FROM stamp_rollup_marks WHERE name = ${name}`,
  ).then((r) => Number(r[0]!.id));

/**
 * Adds the scans written since the last roll-up (and settled) to stamp_scan_days and moves the mark, in one
 * transaction; another caller rolling up at the same time wins and this one rolls up nothing. Returns how many
 * scans were rolled up (the first time, every scan so far: about a minute for ten million).
 */
export async function rollUpScanDays(db: DbOrTx): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(hashtext('stamp_scan_days')) AS ok`,
    );
    if (!lock!.ok) return 0;
    const from = await markOf(tx);
    // the mark as a value, not a subquery: the planner then walks the primary key from it instead of the table
    const [range] = await rows<{ upTo: string | null; n: number }>(
      tx,
      sql`SELECT max(s.id)::bigint AS "upTo", count(*)::int AS n FROM stamp_scans s
          WHERE s.id > ${from}::bigint AND s.at < now() - make_interval(mins => ${settleMinutes})`,
    );
    if (range!.upTo === null) return 0;
    await tx.execute(
      sql`INSERT INTO stamp_scan_days (day, scans)
          SELECT ((s.at AT TIME ZONE 'UTC') + interval '7 hours')::date, count(*)
          FROM stamp_scans s WHERE s.id > ${from}::bigint AND s.id <= ${range!.upTo}::bigint GROUP BY 1
          ON CONFLICT (day) DO UPDATE SET scans = stamp_scan_days.scans + excluded.scans`,
    );
    await tx.execute(
      sql`INSERT INTO stamp_rollup_marks (name, last_id) VALUES (${name}, ${range!.upTo}::bigint)
          ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id`,
    );
    return range!.n;
  });
}

/**
 * Scans up to the end of `to` (total) and from the start of `from` (inPeriod), calendar days in Vietnam time,
 * counted once per `shared` (a report's plan indicator and key figure ask the same): the days rolled up, then the
 * scans past the mark. One statement reads both and the mark, so they are one snapshot; if
 * a roll-up moved the mark since it was read, the count is taken again with the new one (the mark must be a value
 * for the planner to walk the primary key from it).
 */
export function scanCounts(
  db: DbOrTx,
  from: string,
  to: string,
  shared?: Map<string, Promise<unknown>>,
): Promise<ScanCounts> {
  if (!shared) return countScans(db, from, to);
  const key = `stamp-scans ${from} ${to}`;
  if (!shared.has(key)) shared.set(key, countScans(db, from, to));
  return shared.get(key) as Promise<ScanCounts>;
}

export interface ScanCounts {
  total: number;
  inPeriod: number;
}

async function countScans(db: DbOrTx, from: string, to: string): Promise<ScanCounts> {
  await rollUpScanDays(db);
  const start = sql`(${from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  const end = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  let mark = await markOf(db);
  for (;;) {
    const [r] = await rows<{ mark: string; total: string; in_period: string }>(
      db,
      sql`SELECT (SELECT coalesce(max(last_id), 0) FROM stamp_rollup_marks WHERE name = ${name})::bigint AS mark,
          d.total + t.total AS total, d.in_period + t.in_period AS in_period
        FROM (SELECT coalesce(sum(scans), 0) AS total,
                coalesce(sum(scans) FILTER (WHERE day >= ${from}::date), 0) AS in_period
              FROM stamp_scan_days WHERE day <= ${to}::date) d,
          (SELECT count(*) AS total, count(*) FILTER (WHERE at >= ${start}) AS in_period
              FROM stamp_scans WHERE id > ${mark}::bigint AND at < ${end}) t`,
    );
    if (Number(r!.mark) === mark) return { total: Number(r!.total), inPeriod: Number(r!.in_period) };
    mark = Number(r!.mark);
  }
}
