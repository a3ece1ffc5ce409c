import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Sector } from '../platform/index.ts';

/** Which organisations are counted: a sector and/or a set of communes (null: no limit of that kind). */
export interface OrganisationFilter {
  sector: Sector | null;
  communes: string[] | null;
}

/** A period of whole months in Vietnam time: `start` and `end` as instants, `fromDay`/`endDay` as local days. */
export interface MonthPeriod {
  fromDay: string;
  endDay: string;
  start: string;
  end: string;
}

/** A count per commune (null: an organisation without one) and, for figures of the period, per month. */
export interface CountRow {
  code: string | null;
  month: string | null;
  n: number;
}

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const counted = (db: DbOrTx, query: SQL) =>
  rows<{ code: string | null; month: string | null; n: string | number }>(db, query).then((r) =>
    r.map((x) => ({ code: x.code, month: x.month, n: Number(x.n) })),
  );

function organisationsIn(f: OrganisationFilter): SQL {
  const where: SQL[] = [sql`true`];
  if (f.sector) where.push(sql`sector = ${f.sector}`);
  if (f.communes)
    where.push(
      f.communes.length
        ? sql`commune_code IN (${sql.join(
            f.communes.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  return sql`o AS (SELECT id, commune_code, review_status, created_at FROM organisations
                   WHERE ${sql.join(where, sql` AND `)})`;
}

/** The local (UTC+7, no daylight saving) month of an instant, as `YYYY-MM`. */
const localMonth = (column: SQL) =>
  sql`to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM')`;

/** Organisations registered by the end of the period, and those approved (approval as it stands today). */
export function organisationCounts(db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) {
  return rows<{ code: string | null; registered: number; approved: number }>(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT commune_code AS code, count(*)::int AS registered,
          (count(*) FILTER (WHERE review_status = 'approved'))::int AS approved
        FROM o WHERE created_at < ${p.end}::timestamptz GROUP BY 1`,
  );
}

/**
 * Products in one pass, for two figures: registered (and approved) by the end of the period, per commune, and those
 * registered in each month of the period and approved since. A row per commune and month of registration (`month`
 * null: registered before the period); the month is grouped as a date and written as text once a group.
 */
export function productFigures(db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) {
  return rows<{ code: string | null; month: string | null; registered: number; approved: number }>(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT code, to_char(month, 'YYYY-MM') AS month, registered, approved FROM (
          SELECT o.commune_code AS code,
            CASE WHEN pr.created_at >= ${p.start}::timestamptz
              THEN date_trunc('month', (pr.created_at AT TIME ZONE 'UTC') + interval '7 hours') END AS month,
            count(*)::int AS registered, (count(*) FILTER (WHERE pr.review_status = 'approved'))::int AS approved
          FROM products pr JOIN o ON o.id = pr.organisation_id
          WHERE pr.created_at < ${p.end}::timestamptz GROUP BY 1, 2) grouped`,
  );
}

export const lotCounts = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) =>
  counted(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT o.commune_code AS code, NULL AS month, count(*) AS n
        FROM lots l JOIN o ON o.id = l.organisation_id
        WHERE l.created_at < ${p.end}::timestamptz GROUP BY 1`,
  );

/** Stamps issued (every serial of every range given out) by the end of the period. */
export const stampsIssued = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) =>
  counted(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT o.commune_code AS code, NULL AS month, sum(r.last_serial - r.first_serial + 1) AS n
        FROM stamp_ranges r JOIN o ON o.id = r.organisation_id
        WHERE r.created_at < ${p.end}::timestamptz GROUP BY 1`,
  );

/** Stamps activated (bound to a lot) in the period, by month: the serials of each 'activate' change. */
export const stampsActivated = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) =>
  counted(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT o.commune_code AS code, ${localMonth(sql`c.at`)} AS month,
          sum(c.last_serial - c.first_serial + 1) AS n
        FROM stamp_changes c JOIN stamp_ranges r ON r.id = c.range_id JOIN o ON o.id = r.organisation_id
        WHERE c.action = 'activate' AND c.at >= ${p.start}::timestamptz AND c.at < ${p.end}::timestamptz
        GROUP BY 1, 2`,
  );

/**
 * Scans in the period, by month: the months rolled up to `mark` (dashboard_scan_months) and the scans after it. The
 * caller reads the mark and this in one snapshot (repeatable read), so a roll-up committing meanwhile counts nothing
 * twice; the mark is a value so the planner walks the primary key from it.
 */
export const scans = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod, mark: number) =>
  counted(
    db,
    // grouped by the month's date, then written as text: to_char once a group, not once a roll-up row (-35 %)
    sql`WITH ${organisationsIn(f)}
        SELECT code, to_char(month, 'YYYY-MM') AS month, n FROM (
          SELECT o.commune_code AS code, m.month, sum(m.scans) AS n
          FROM dashboard_scan_months m JOIN o ON o.id = m.organisation_id
          WHERE m.month >= ${p.fromDay}::date AND m.month < ${p.endDay}::date GROUP BY 1, 2) rolled
        UNION ALL
        SELECT o.commune_code, ${localMonth(sql`s.at`)}, count(*)
        FROM stamp_scans s JOIN products pr ON pr.gtin = s.gtin JOIN o ON o.id = pr.organisation_id
        WHERE s.id > ${mark}::bigint AND s.at >= ${p.start}::timestamptz AND s.at < ${p.end}::timestamptz
        GROUP BY 1, 2`,
  );

/**
 * The same scans as `scans`, the rolled-up part read from dashboard_scan_communes (a row per month, commune and
 * sector, decision 063) instead of every organisation's months; the scans past `mark` are counted live as there.
 * Only once that roll-up is filled (`communesFilled`, read in the same snapshot).
 */
export function scansByCommune(db: DbOrTx, f: OrganisationFilter, p: MonthPeriod, mark: number) {
  const where: SQL[] = [sql`m.month >= ${p.fromDay}::date`, sql`m.month < ${p.endDay}::date`];
  if (f.sector) where.push(sql`m.sector = ${f.sector}`);
  if (f.communes)
    where.push(
      f.communes.length
        ? sql`m.commune_code IN (${sql.join(
            f.communes.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  return counted(
    db,
    // '' is the roll-up's key for an organisation without a commune; the figures call it null, as `scans` does
    sql`WITH ${organisationsIn(f)}
        SELECT nullif(m.commune_code, '') AS code, to_char(m.month, 'YYYY-MM') AS month, sum(m.scans) AS n
        FROM dashboard_scan_communes m WHERE ${sql.join(where, sql` AND `)} GROUP BY 1, 2
        UNION ALL
        SELECT o.commune_code, ${localMonth(sql`s.at`)}, count(*)
        FROM stamp_scans s JOIN products pr ON pr.gtin = s.gtin JOIN o ON o.id = pr.organisation_id
        WHERE s.id > ${mark}::bigint AND s.at >= ${p.start}::timestamptz AND s.at < ${p.end}::timestamptz
        GROUP BY 1, 2`,
  );
}

/** Inspection visits made in the period, by the month of the visit. */
export const inspections = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) =>
  counted(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT o.commune_code AS code, to_char(v.visited_on, 'YYYY-MM') AS month, count(*) AS n
        FROM inspection_visits v JOIN o ON o.id = v.organisation_id
        WHERE v.visited_on >= ${p.fromDay}::date AND v.visited_on < ${p.endDay}::date GROUP BY 1, 2`,
  );

/** Violations: the findings recorded at visits made in the period. */
export const violations = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) =>
  counted(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT o.commune_code AS code, to_char(v.visited_on, 'YYYY-MM') AS month, count(*) AS n
        FROM inspection_findings fi JOIN inspection_visits v ON v.id = fi.visit_id
          JOIN o ON o.id = fi.organisation_id
        WHERE v.visited_on >= ${p.fromDay}::date AND v.visited_on < ${p.endDay}::date GROUP BY 1, 2`,
  );

/** Consumer reports sent in the period about a registered product (its organisation places it). */
export const consumerReports = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) =>
  counted(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT o.commune_code AS code, ${localMonth(sql`r.created_at`)} AS month, count(*) AS n
        FROM consumer_reports r JOIN products pr ON pr.gtin = r.gtin JOIN o ON o.id = pr.organisation_id
        WHERE r.created_at >= ${p.start}::timestamptz AND r.created_at < ${p.end}::timestamptz GROUP BY 1, 2`,
  );

/** Organisations registered in each month of the period and approved since. */
export const organisationsApprovedByMonth = (db: DbOrTx, f: OrganisationFilter, p: MonthPeriod) =>
  counted(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT commune_code AS code, ${localMonth(sql`created_at`)} AS month, count(*) AS n FROM o
        WHERE review_status = 'approved' AND created_at >= ${p.start}::timestamptz
          AND created_at < ${p.end}::timestamptz GROUP BY 1, 2`,
  );

/** Where each commune's organisations are: the mean of their locations' coordinates. */
export const communePositions = (db: DbOrTx, f: OrganisationFilter) =>
  rows<{ code: string; latitude: number; longitude: number }>(
    db,
    sql`WITH ${organisationsIn(f)}
        SELECT o.commune_code AS code, avg(l.latitude)::float8 AS latitude, avg(l.longitude)::float8 AS longitude
        FROM locations l JOIN o ON o.id = l.organisation_id
        WHERE o.commune_code IS NOT NULL AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL GROUP BY 1`,
  );
