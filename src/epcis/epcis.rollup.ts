import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';

// The products events named, by month and by year (epcis_gtin_months, epcis_gtin_years; decision 052). Capture
// writes its events' rows in its own statement (epcis.repo.ts insertEvents); what was stored before the tables
// existed is added here once.

/** Identifiers are stored as canonical Digital Links: a GTIN is the 14 digits after this prefix. */
export const gtinPrefix = 'https://id.gs1.org/01/';

export type RollupUnit = 'month' | 'year';
const tables = { month: 'epcis_gtin_months', year: 'epcis_gtin_years' } as const;
const columns = { month: ['event_month', 'record_month'], year: ['event_year', 'record_year'] } as const;

/** The first day of an instant's month or year in Vietnam time (UTC+7 all year), as a date. */
export const localStart = (unit: RollupUnit, column: SQL) =>
  sql`date_trunc(${unit}, (${column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/**
 * The roll-up's rows for the events and identifiers `from` names (aliases `e` for the event, `i` for the
 * identifier), in key order so that two captures at once take the rows' locks in the same order.
 */
export const gtinPeriodsOf = (unit: RollupUnit, from: SQL) => sql`
  INSERT INTO ${sql.raw(tables[unit])} (gtin, ${sql.raw(columns[unit].join(', '))})
  SELECT DISTINCT substr(i.id, ${gtinPrefix.length + 1}, 14), ${localStart(unit, sql`e.event_time`)},
    ${localStart(unit, sql`e.record_time`)}
  FROM ${from}
  WHERE NOT e.is_error_declaration AND i.id LIKE ${`${gtinPrefix}%`}
  ORDER BY 2, 3, 1
  ON CONFLICT DO NOTHING`;

/**
 * The first months of the products `from` names (aliases as above): for each GTIN the least, over its events, of the
 * later of the event's month and its record month, merged with what epcis_gtin_first holds by keeping the earlier
 * (decision 066). Only products whose stored month is later (or missing) are written, so a capture naming products
 * already known takes no row lock here; in key order, as the months.
 */
export const gtinFirstOf = (from: SQL) => sql`
  INSERT INTO epcis_gtin_first AS f (gtin, first_month)
  SELECT x.gtin, min(x.month) FROM (
    SELECT substr(i.id, ${gtinPrefix.length + 1}, 14) AS gtin,
      greatest(${localStart('month', sql`e.event_time`)}, ${localStart('month', sql`e.record_time`)}) AS month
    FROM ${from}
    WHERE NOT e.is_error_declaration AND i.id LIKE ${`${gtinPrefix}%`}) x
  GROUP BY x.gtin
  HAVING NOT EXISTS (SELECT 1 FROM epcis_gtin_first g WHERE g.gtin = x.gtin AND g.first_month <= min(x.month))
  ORDER BY x.gtin
  ON CONFLICT (gtin) DO UPDATE SET first_month = least(f.first_month, excluded.first_month)`;

const name = 'gtin_periods';
const firstName = 'gtin_first';

/**
 * True when epcis_gtin_months and epcis_gtin_years hold every stored event. The first call on a database whose
 * events predate the tables fills them from the events in one transaction (a minute for millions of events) and
 * marks them filled; a caller that meets another filling meanwhile gets false and counts from the events
 * themselves. Captures during the fill write their own rows, so nothing is missed: what the fill's snapshot lacks
 * was committed by a capture that wrote it.
 */
export async function gtinPeriodsReady(db: DbOrTx): Promise<boolean> {
  if (await filled(db)) return true;
  return db.transaction(async (tx) => {
    const lock = (await tx.execute(
      sql`SELECT pg_try_advisory_xact_lock(hashtext('epcis_gtin_periods')) AS ok`,
    )) as unknown as { rows: { ok: boolean }[] };
    if (!lock.rows[0]!.ok) return false;
    if (await filled(tx)) return true;
    for (const unit of ['month', 'year'] as const)
      await tx.execute(gtinPeriodsOf(unit, sql`epcis_event_ids i JOIN epcis_events e ON e.id = i.event_pk`));
    await tx.execute(sql`INSERT INTO epcis_rollups (name) VALUES (${name}) ON CONFLICT DO NOTHING`);
    await tx.execute(sql`ANALYZE epcis_gtin_months, epcis_gtin_years`);
    return true;
  });
}

/**
 * True when epcis_gtin_first holds every stored event's product (decision 066). The first call after the table
 * appeared fills it from epcis_gtin_months (once those are filled), a row per product, under its own advisory lock;
 * a caller that meets the fill gets false and reads the whole years and months as before. Captures during the fill
 * write their own rows and both keep the earlier month, so the order of the two does not matter.
 */
export async function gtinFirstReady(db: DbOrTx): Promise<boolean> {
  if (await filled(db, firstName)) return true;
  if (!(await gtinPeriodsReady(db))) return false;
  return db.transaction(async (tx) => {
    const lock = (await tx.execute(
      sql`SELECT pg_try_advisory_xact_lock(hashtext('epcis_gtin_first')) AS ok`,
    )) as unknown as { rows: { ok: boolean }[] };
    if (!lock.rows[0]!.ok) return false;
    if (await filled(tx, firstName)) return true;
    await tx.execute(sql`
      INSERT INTO epcis_gtin_first AS f (gtin, first_month)
      SELECT gtin, min(greatest(event_month, record_month)) FROM epcis_gtin_months GROUP BY gtin ORDER BY gtin
      ON CONFLICT (gtin) DO UPDATE SET first_month = least(f.first_month, excluded.first_month)`);
    await tx.execute(sql`INSERT INTO epcis_rollups (name) VALUES (${firstName}) ON CONFLICT DO NOTHING`);
    await tx.execute(sql`ANALYZE epcis_gtin_first`);
    return true;
  });
}

async function filled(db: DbOrTx, which = name): Promise<boolean> {
  const found = (await db.execute(sql`SELECT 1 FROM epcis_rollups WHERE name = ${which}`)) as unknown as {
    rows: unknown[];
  };
  return found.rows.length > 0;
}
