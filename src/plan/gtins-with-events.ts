import { type SQL, sql } from 'drizzle-orm';
import { gtinFirstReady, gtinPeriodsReady } from '../epcis/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { once, type Period, type Shared } from './formula.ts';
import { periodBounds, previousPeriod } from './period.ts';

/** GTINs (comma-joined: one parameter whatever the count, where a list of parameters stops at 65,535). */
export interface GtinsWithEvents {
  /** named by an event in the period, recorded before its end */
  inPeriod: string;
  /** named by an event in the period of the same length just before, recorded before that period's end */
  before: string;
  /** named by an event by the end of the period, recorded before it */
  toEnd: string;
}

const gtinPrefix = 'https://id.gs1.org/01/';
type WindowName = keyof GtinsWithEvents;
/** Events of `[from, to)` (no start: from the beginning) recorded before `to`. */
interface Window {
  name: WindowName;
  from: Date | null;
  to: Date;
}

const vnHours = 7 * 3_600_000;
/** The start of the Vietnam-time month that holds `at` (or the next one, `up`), as an instant and a local date. */
function monthEdge(at: Date, up: boolean): { at: Date; day: string } {
  const local = new Date(at.getTime() + vnHours);
  let y = local.getUTCFullYear();
  let m = local.getUTCMonth();
  const floor = Date.UTC(y, m, 1) - vnHours;
  if (up && floor < at.getTime()) m += 1;
  if (m === 12) {
    y += 1;
    m = 0;
  }
  return { at: new Date(Date.UTC(y, m, 1) - vnHours), day: `${y}-${String(m + 1).padStart(2, '0')}-01` };
}

const iso = (d: Date) => d.toISOString();
/** A window's raw edge, read from the events: event time in [from, to), record time in [recFrom, recTo). */
const rawPart = (from: Date | null, to: Date, recTo: Date, recFrom?: Date) =>
  sql`(${from ? sql`e.event_time >= ${iso(from)}::timestamptz AND ` : sql``}e.event_time < ${iso(to)}::timestamptz${
    recFrom ? sql` AND e.record_time >= ${iso(recFrom)}::timestamptz` : sql``
  } AND e.record_time < ${iso(recTo)}::timestamptz)`;

/** A window's whole months or years in a roll-up: event month (or year) in [from, to), recorded in [recFrom, recTo). */
interface Range {
  from: string | null;
  to: string;
  recFrom?: string;
  recTo: string;
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * A window as whole years read from epcis_gtin_years, whole months from epcis_gtin_months and, where its ends fall
 * inside a month, the events of those partial months read from the events themselves (through their time indexes):
 * the same GTINs as counting every event, from a row per product and year or month. Vietnam time, as the roll-ups.
 */
function windowParts(w: Window): { years: Range[]; months: Range[]; raw: SQL[] } {
  const first = w.from ? monthEdge(w.from, true) : null;
  const last = monthEdge(w.to, false);
  // shorter than the whole months inside it: all of it from the events
  if (first && first.at >= last.at) return { years: [], months: [], raw: [rawPart(w.from, w.to, w.to)] };
  const raw: SQL[] = [];
  if (w.from && first && w.from < first.at) raw.push(rawPart(w.from, first.at, w.to));
  if (last.at < w.to) {
    // whole months' events recorded in the partial month at the end, and the partial month's own events
    raw.push(rawPart(first?.at ?? null, last.at, w.to, last.at));
    raw.push(rawPart(last.at, w.to, w.to));
  }
  const F = first?.day ?? null;
  const L = last.day;
  const Y1 = F === null ? null : F.slice(5) === '01-01' ? F : `${yearOf(F) + 1}-01-01`;
  const Y2 = `${yearOf(L)}-01-01`;
  if (Y1 !== null && Y1 >= Y2) return { years: [], months: [{ from: F, to: L, recTo: L }], raw };
  const months: Range[] = [];
  if (F !== null && F < Y1!) months.push({ from: F, to: Y1!, recTo: L });
  if (Y2 < L) {
    // the months after the last whole year, and the whole years' events recorded in them
    months.push({ from: Y2, to: L, recTo: L });
    months.push({ from: Y1, to: Y2, recFrom: Y2, recTo: L });
  }
  return { years: [{ from: Y1, to: Y2, recTo: Y2 }], months, raw };
}

/**
 * The window "by the end" (no start) from the products' first months (epcis_gtin_first, decision 066): whole months
 * are `first_month` before the last month edge, a row per product whatever the years of history; the partial month
 * at its end from the events, as above.
 */
function toEndParts(w: Window): { firstBefore: string; raw: SQL[] } {
  const last = monthEdge(w.to, false);
  const raw: SQL[] = [];
  if (last.at < w.to) {
    raw.push(rawPart(null, last.at, w.to, last.at));
    raw.push(rawPart(last.at, w.to, w.to));
  }
  return { firstBefore: last.day, raw };
}

type Conditions = { name: WindowName; conditions: SQL[] }[];

/** The rows of `from` meeting any window's conditions in one pass, each flagged with the windows it belongs to. */
function flaggedPart(gtin: SQL, from: SQL, where: SQL, windows: Conditions): SQL | null {
  const all = windows.flatMap((w) => w.conditions);
  if (!all.length) return null;
  const flag = (name: WindowName) => {
    const conditions = windows.find((x) => x.name === name)?.conditions ?? [];
    return conditions.length ? sql`(${sql.join(conditions, sql` OR `)})` : sql`false`;
  };
  return sql`SELECT ${gtin} AS gtin, ${flag('inPeriod')} AS in_period, ${flag('before')} AS before,
      ${flag('toEnd')} AS to_end
    FROM ${from} WHERE ${where} AND (${sql.join(all, sql` OR `)})`;
}

/** A roll-up's rows of every window's ranges. */
function rollupPart(unit: 'month' | 'year', windows: { name: WindowName; ranges: Range[] }[]): SQL | null {
  const [event, record] = (
    unit === 'month' ? ['event_month', 'record_month'] : ['event_year', 'record_year']
  ).map((c) => sql.raw(c));
  const inRange = (r: Range) =>
    sql`(${r.from ? sql`${event} >= ${r.from}::date AND ` : sql``}${event} < ${r.to}::date${
      r.recFrom ? sql` AND ${record} >= ${r.recFrom}::date` : sql``
    } AND ${record} < ${r.recTo}::date)`;
  return flaggedPart(
    sql`gtin`,
    sql.raw(unit === 'month' ? 'epcis_gtin_months' : 'epcis_gtin_years'),
    sql`true`,
    windows.map((w) => ({ name: w.name, conditions: w.ranges.map(inRange) })),
  );
}

/** The events of every window's raw edges, in one pass over the events and their identifiers. */
const rawEdges = (windows: Conditions) =>
  flaggedPart(
    sql`substr(i.id, ${gtinPrefix.length + 1}, 14)`,
    sql`epcis_events e JOIN epcis_event_ids i ON i.event_pk = e.id`,
    sql`NOT e.is_error_declaration AND i.id LIKE ${`${gtinPrefix}%`}`,
    windows,
  );

/** The same from the events alone, as before the roll-up existed (while it is being filled for the first time). */
function fromEventsAlone(start: string, end: string, before: { start: string }): SQL {
  return sql`SELECT substr(i.id, ${gtinPrefix.length + 1}, 14) AS gtin,
      bool_or(e.event_time >= ${start}::timestamptz) AS in_period,
      bool_or(e.event_time >= ${before.start}::timestamptz AND e.event_time < ${start}::timestamptz
        AND e.record_time < ${start}::timestamptz) AS before, true AS to_end
    FROM epcis_event_ids i JOIN epcis_events e ON e.id = i.event_pk
    WHERE i.id LIKE ${`${gtinPrefix}%`} AND NOT e.is_error_declaration
      AND e.record_time < ${end}::timestamptz AND e.event_time < ${end}::timestamptz
    GROUP BY 1`;
}

/**
 * The statement giving each GTIN that events (not error declarations) named in any of the three windows the formulas
 * ask about, flagged by window: from the products-by-year and -by-month roll-ups (decision 052) with the partial
 * months at the windows' ends read from the events, or from the events alone while the roll-ups are first filled.
 */
async function gtinWindows(db: DbOrTx, period: Period): Promise<SQL> {
  const { start, end } = periodBounds(period);
  const before = periodBounds(previousPeriod(period));
  if (!(await gtinPeriodsReady(db))) return fromEventsAlone(start, end, before);
  const windows: Window[] = [
    { name: 'inPeriod', from: new Date(start), to: new Date(end) },
    { name: 'before', from: new Date(before.start), to: new Date(start) },
    { name: 'toEnd', from: null, to: new Date(end) },
  ];
  // "by the end" from the products' first months once that table is filled; until then from the years and months
  const first = (await gtinFirstReady(db)) ? toEndParts(windows[2]!) : null;
  const parts = (first ? windows.slice(0, 2) : windows).map((w) => ({ name: w.name, ...windowParts(w) }));
  const ranges = (unit: 'years' | 'months') => parts.map((p) => ({ name: p.name, ranges: p[unit] }));
  const raws: Conditions = parts.map((p) => ({ name: p.name, conditions: p.raw }));
  if (first) raws.push({ name: 'toEnd', conditions: first.raw });
  const all = [
    rollupPart('year', ranges('years')),
    rollupPart('month', ranges('months')),
    rawEdges(raws),
  ].filter((x): x is SQL => x !== null);
  const grouped = sql`SELECT gtin, bool_or(in_period) AS in_period, bool_or(before) AS before,
      bool_or(to_end) AS to_end
    FROM (${sql.join(all, sql` UNION ALL `)}) x GROUP BY gtin`;
  if (!first) return grouped;
  // a row per product from the first months, the other windows' flags joined to it (by hash: the planner knows
  // the first months' size, where it guesses a grouped union's); a full join, so that a product only the raw edges
  // name is kept too
  return sql`SELECT coalesce(f.gtin, w.gtin) AS gtin, coalesce(w.in_period, false) AS in_period,
      coalesce(w.before, false) AS before,
      (coalesce(f.first_month < ${first.firstBefore}::date, false) OR coalesce(w.to_end, false)) AS to_end
    FROM epcis_gtin_first f FULL JOIN (${grouped}) w ON w.gtin = f.gtin
    WHERE f.first_month < ${first.firstBefore}::date OR w.gtin IS NOT NULL`;
}

/** The GTINs named in each window, comma-joined (what the formulas' products are matched against). */
export async function gtinsWithEvents(db: DbOrTx, period: Period): Promise<GtinsWithEvents> {
  const found = (
    (await db.execute(await gtinWindows(db, period))) as unknown as {
      rows: { gtin: string; in_period: boolean; before: boolean; to_end: boolean }[];
    }
  ).rows;
  const join = (keep: (r: (typeof found)[number]) => boolean) =>
    found
      .filter(keep)
      .map((r) => r.gtin)
      .join(',');
  return { inPeriod: join((r) => r.in_period), before: join((r) => r.before), toEnd: join((r) => r.to_end) };
}

/** A product whose GTIN events named in one of the windows, with what the formulas ask of it. */
export interface NamedProduct {
  id: string;
  approved: boolean;
  /** registered before the period's start, before its end */
  beforeStart: boolean;
  beforeEnd: boolean;
  inPeriod: boolean;
  before: boolean;
  toEnd: boolean;
}

/**
 * The products events named in the three windows, once per evaluation, in one statement: the formulas count them
 * here rather than each sending the province's GTINs back to the database (a 100,000-item list is planned and
 * hashed anew by every statement that names it). `approved` is the formulas' test of an approved product (alias p).
 */
export function productsNamed(
  db: DbOrTx,
  period: Period,
  approved: SQL,
  shared?: Shared,
): Promise<NamedProduct[]> {
  const { start, end } = periodBounds(period);
  return once(shared, `products-named ${start} ${end}`, async () => {
    const { rows } = (await db.execute(
      sql`SELECT p.id, ${approved} AS approved, p.created_at < ${start}::timestamptz AS "beforeStart",
          p.created_at < ${end}::timestamptz AS "beforeEnd", g.in_period AS "inPeriod", g.before, g.to_end AS "toEnd"
        FROM (${await gtinWindows(db, period)}) g JOIN products p ON p.gtin = g.gtin`,
    )) as unknown as { rows: NamedProduct[] };
    return rows;
  });
}
