import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';

/**
 * Scans younger than this are left to the live half of the count: a scan's id is taken when it is written and its
 * time when its transaction began, so a slow transaction may still commit an id below the newest one for a moment.
 */
const settleMinutes = 10;

/** Scans rolled up at once past which the table's statistics are refreshed in the same transaction. */
const analyseAfter = 50_000;

/** The id of the last scan counted in dashboard_scan_months (0 before the first roll-up). */
export async function scanMark(db: DbOrTx): Promise<number> {
  const mark = (await db.execute(
    sql`SELECT coalesce(max(last_id), 0)::bigint AS id FROM dashboard_rollup_marks WHERE name = 'stamp_scans'`,
  )) as unknown as { rows: { id: string | number }[] };
  return Number(mark.rows[0].id);
}

/**
 * Whether dashboard_scan_communes holds the scans of dashboard_scan_months (filled once, then kept with it). Read in
 * the same snapshot as the mark and the roll-ups.
 */
export async function communesFilled(db: DbOrTx): Promise<boolean> {
  const mark = (await db.execute(
    sql`SELECT EXISTS (SELECT 1 FROM dashboard_rollup_marks WHERE name = 'dashboard_scan_communes') AS ok`,
  )) as unknown as { rows: { ok: boolean }[] };
  return mark.rows[0].ok;
}

/**
 * The first time (or after the mark is cleared): dashboard_scan_communes made anew from dashboard_scan_months and
 * each organisation's commune and sector as they stand. Called under the roll-up's lock, which the trigger on
 * organisations also takes, so no organisation moves meanwhile.
 */
async function fillCommunes(tx: DbOrTx, mark: number) {
  if (await communesFilled(tx)) return;
  await tx.execute(sql`DELETE FROM dashboard_scan_communes`);
  await tx.execute(
    sql`INSERT INTO dashboard_scan_communes (month, commune_code, sector, scans)
        SELECT m.month, coalesce(o.commune_code, ''), o.sector, sum(m.scans)
        FROM dashboard_scan_months m JOIN organisations o ON o.id = m.organisation_id GROUP BY 1, 2, 3`,
  );
  await tx.execute(
    sql`INSERT INTO dashboard_rollup_marks (name, last_id) VALUES ('dashboard_scan_communes', ${mark}::bigint)`,
  );
}

/**
 * Adds the scans written since the last roll-up (and settled) to dashboard_scan_months and dashboard_scan_communes
 * and moves the mark, in one transaction. Another reader rolling up at the same time wins; this one reads with the
 * mark as it is, which is still exact (the live half counts what is past the mark). Returns how many scans were
 * rolled up.
 */
export async function rollUpScans(db: DbOrTx): Promise<number> {
  return db.transaction(async (tx) => {
    // the same lock as the trigger on organisations (drizzle/0002_dashboard_scan_communes.sql): an organisation
    // changing commune or sector waits for this roll-up, then moves what it added too
    const lock = (await tx.execute(
      sql`SELECT pg_try_advisory_xact_lock(hashtext('dashboard_scan_months')) AS ok`,
    )) as unknown as { rows: { ok: boolean }[] };
    if (!lock.rows[0].ok) return 0;
    const from = await scanMark(tx);
    await fillCommunes(tx, from);
    // the mark as a value, not a subquery: the planner then walks the primary key from it instead of the table
    const range = (await tx.execute(
      sql`SELECT max(s.id)::bigint AS "upTo", count(*)::int AS n FROM stamp_scans s
          WHERE s.id > ${from}::bigint AND s.at < now() - make_interval(mins => ${settleMinutes})`,
    )) as unknown as { rows: { upTo: string | null; n: number }[] };
    const { upTo, n } = range.rows[0];
    if (upTo === null) return 0;
    // one pass over the new scans, added to both roll-ups; the communes' by each organisation's place as it stands
    await tx.execute(
      sql`WITH counted AS (
            SELECT date_trunc('month', (s.at AT TIME ZONE 'UTC') + interval '7 hours')::date AS month,
              pr.organisation_id, count(*) AS n
            FROM stamp_scans s JOIN products pr ON pr.gtin = s.gtin
            WHERE s.id > ${from}::bigint AND s.id <= ${upTo}::bigint GROUP BY 1, 2),
          by_organisation AS (
            INSERT INTO dashboard_scan_months (month, organisation_id, scans)
            SELECT month, organisation_id, n FROM counted
            ON CONFLICT (month, organisation_id) DO UPDATE SET scans = dashboard_scan_months.scans + excluded.scans)
          INSERT INTO dashboard_scan_communes (month, commune_code, sector, scans)
          SELECT c.month, coalesce(o.commune_code, ''), o.sector, sum(c.n)
          FROM counted c JOIN organisations o ON o.id = c.organisation_id GROUP BY 1, 2, 3
          ON CONFLICT (month, commune_code, sector)
            DO UPDATE SET scans = dashboard_scan_communes.scans + excluded.scans`,
    );
    // a large catch-up changes the table's size many times over: without fresh statistics the planner reads the
    // months as a few rows and sorts them on disk (0.47 s instead of 0.18 s for a province year)
    if (n >= analyseAfter) await tx.execute(sql`ANALYZE dashboard_scan_months, dashboard_scan_communes`);
    await tx.execute(
      sql`INSERT INTO dashboard_rollup_marks (name, last_id) VALUES ('stamp_scans', ${upTo}::bigint)
          ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id`,
    );
    return n;
  });
}
