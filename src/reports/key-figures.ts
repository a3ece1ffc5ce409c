import { type SQL, sql } from 'drizzle-orm';
import { eventCounts } from '../epcis/index.ts';
import { type DbOrTx, sideBySide } from '../platform/index.ts';
import { scanCounts } from '../stamps/index.ts';

/**
 * The province's key figures for a report: for each, what there was by the end of the period (cumulative) and what
 * the period itself added. Set-based counts over the owning modules' tables, like the automatic checks, so a
 * province of ten million scans is counted in one pass per table.
 */
export interface KeyFigure {
  key: string;
  label: { vi: string; en: string };
  /** As of the end of the period. */
  total: number;
  /** Within the period. */
  inPeriod: number;
}

interface Bounds {
  start: SQL;
  end: SQL;
}

/** Calendar days in Vietnam time: [from 00:00, to + 1 day 00:00) at UTC+7. */
export const periodBounds = (from: string, to: string): Bounds => ({
  start: sql`(${from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
  end: sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
});

async function one(db: DbOrTx, query: SQL): Promise<{ total: number; in_period: number }> {
  const result = (await db.execute(query)) as unknown as { rows: { total: unknown; in_period: unknown }[] };
  const row = result.rows[0];
  return { total: Number(row?.total ?? 0), in_period: Number(row?.in_period ?? 0) };
}

/** count(*) of the rows whose time column is before the end, and of those on or after the start. */
const counted = (table: string, column: string, { start, end }: Bounds, where?: SQL) => sql`
  SELECT count(*) AS total, count(*) FILTER (WHERE ${sql.raw(column)} >= ${start}) AS in_period
  FROM ${sql.raw(table)} WHERE ${sql.raw(column)} < ${end}${where ? sql` AND ${where}` : sql``}`;

/** The sum of serial runs (stamps) before the end, and of those on or after the start. */
const serials = (table: string, column: string, { start, end }: Bounds, where?: SQL) => sql`
  SELECT coalesce(sum(last_serial - first_serial + 1), 0) AS total,
    coalesce(sum(last_serial - first_serial + 1) FILTER (WHERE ${sql.raw(column)} >= ${start}), 0) AS in_period
  FROM ${sql.raw(table)} WHERE ${sql.raw(column)} < ${end}${where ? sql` AND ${where}` : sql``}`;

const figures: {
  key: string;
  label: { vi: string; en: string };
  query?: (b: Bounds, from: string, to: string) => SQL;
  /** Counted by the owning module instead of a query (from a roll-up kept there). */
  count?: (
    db: DbOrTx,
    from: string,
    to: string,
    shared?: Map<string, Promise<unknown>>,
  ) => Promise<{ total: number; in_period: number }>;
}[] = [
  {
    key: 'organisations',
    label: { vi: 'Tổ chức, cơ sở đăng ký', en: 'Organisations registered' },
    query: (b) => counted('organisations', 'created_at', b),
  },
  {
    key: 'products',
    label: { vi: 'Sản phẩm', en: 'Products' },
    query: (b) => counted('products', 'created_at', b),
  },
  {
    key: 'lots',
    label: { vi: 'Lô hàng', en: 'Lots' },
    query: (b) => counted('lots', 'created_at', b),
  },
  {
    key: 'stampsIssued',
    label: { vi: 'Tem truy xuất đã cấp', en: 'Stamps issued' },
    query: (b) => serials('stamp_ranges', 'created_at', b),
  },
  {
    key: 'stampsActivated',
    label: { vi: 'Tem đã kích hoạt', en: 'Stamps activated' },
    query: (b) => serials('stamp_changes', 'at', b, sql`action = 'activate'`),
  },
  {
    key: 'scans',
    label: { vi: 'Lượt quét tem', en: 'Stamp scans' },
    // ten million scans: summed from the stamps' roll-up by day, and those since (decision 052)
    count: (db, from, to, shared) =>
      scanCounts(db, from, to, shared).then((c) => ({ total: c.total, in_period: c.inPeriod })),
  },
  {
    key: 'events',
    label: { vi: 'Sự kiện truy xuất (EPCIS) đã ghi nhận', en: 'Traceability events recorded' },
    // a decade of events: summed from the events' roll-up by day, and those since (decision 066)
    count: (db, from, to) =>
      eventCounts(db, from, to).then((c) => ({ total: c.total, in_period: c.inPeriod })),
  },
  {
    key: 'approvals',
    label: { vi: 'Hồ sơ dữ liệu được Sở duyệt', en: 'Data records approved' },
    query: (b) => counted('review_decisions', 'decided_at', b, sql`decision = 'approve'`),
  },
  {
    key: 'inspections',
    label: { vi: 'Lượt kiểm tra', en: 'Inspection visits' },
    query: (_b, from, to) => sql`
      SELECT count(*) AS total, count(*) FILTER (WHERE visited_on >= ${from}::date) AS in_period
      FROM inspection_visits WHERE visited_on <= ${to}::date`,
  },
  {
    key: 'violations',
    label: { vi: 'Vi phạm phát hiện qua kiểm tra', en: 'Violations found by inspections' },
    query: (_b, from, to) => sql`
      SELECT count(*) AS total, count(*) FILTER (WHERE v.visited_on >= ${from}::date) AS in_period
      FROM inspection_findings f JOIN inspection_visits v ON v.id = f.visit_id WHERE v.visited_on <= ${to}::date`,
  },
  {
    key: 'sanctions',
    label: { vi: 'Quyết định xử phạt vi phạm hành chính', en: 'Fine decisions' },
    query: (_b, from, to) => sql`
      SELECT count(*) AS total, count(*) FILTER (WHERE decided_on >= ${from}::date) AS in_period
      FROM inspection_sanctions WHERE decided_on <= ${to}::date`,
  },
  {
    key: 'consumerReports',
    label: { vi: 'Phản ánh của người tiêu dùng', en: 'Consumer reports' },
    query: (b) => counted('consumer_reports', 'created_at', b),
  },
];

export const keyFigureKeys = figures.map((f) => f.key);

/** Every key figure for the period [from, to], counted side by side (one query a table). */
export async function keyFigures(
  db: DbOrTx,
  from: string,
  to: string,
  only?: string[],
  /** what the report's plan indicators counted already (the scans), to be counted once */
  shared?: Map<string, Promise<unknown>>,
): Promise<KeyFigure[]> {
  const bounds = periodBounds(from, to);
  const chosen = only ? figures.filter((f) => only.includes(f.key)) : figures;
  const counts = await sideBySide(
    db,
    chosen.map((f) => () => (f.count ? f.count(db, from, to, shared) : one(db, f.query!(bounds, from, to)))),
  );
  return chosen.map((f, i) => ({
    key: f.key,
    label: f.label,
    total: counts[i]!.total,
    inPeriod: counts[i]!.in_period,
  }));
}
