import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';

// Events recorded per day (epcis_event_days, decision 066): the report's key figure "events recorded" sums a row a
// day for its running total and counts live only the events written since the last roll-up. Read from the events'
// keys (epcis_event_keys: one unpartitioned row per event, with its record time and declaration flag), so walking
// past the mark is one index range, not one per monthly partition of the events.

/**
 * Events younger than this are left to the live half of the count: an event's key is numbered when it is written
 * and its record time is its transaction's start, so a capture still open may commit a key below the newest one.
 */
const settleMinutes = 10;
const name = 'event_days';

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const markOf = (db: DbOrTx) =>
  rows<{ pk: string | number }>(
    db,
    sql`SELECT coalesce(max(last_pk), 0)::bigint AS pk FROM epcis_rollup_marks WHERE name = ${name}`,
  ).then((r) => Number(r[0]!.pk));

/**
 * Adds the events written since the last roll-up (and settled) to epcis_event_days and moves the mark, in one
 * transaction; another caller rolling up at the same time wins and this one rolls up nothing. Returns how many
 * events (declarations too) it passed.
 */
export async function rollUpEventDays(db: DbOrTx): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(hashtext('epcis_event_days')) AS ok`,
    );
    if (!lock!.ok) return 0;
    const from = await markOf(tx);
    // the mark as a value, not a subquery: the planner then walks the key's index from it
    const [range] = await rows<{ upTo: string | null; n: number }>(
      tx,
      sql`SELECT max(k.event_pk)::bigint AS "upTo", count(*)::int AS n FROM epcis_event_keys k
          WHERE k.event_pk > ${from}::bigint AND k.record_time < now() - make_interval(mins => ${settleMinutes})`,
    );
    if (range!.upTo === null) return 0;
    await tx.execute(
      sql`INSERT INTO epcis_event_days (day, events)
          SELECT ((k.record_time AT TIME ZONE 'UTC') + interval '7 hours')::date, count(*)
          FROM epcis_event_keys k
          WHERE k.event_pk > ${from}::bigint AND k.event_pk <= ${range!.upTo}::bigint AND NOT k.is_error_declaration
          GROUP BY 1
          ON CONFLICT (day) DO UPDATE SET events = epcis_event_days.events + excluded.events`,
    );
    await tx.execute(
      sql`INSERT INTO epcis_rollup_marks (name, last_pk) VALUES (${name}, ${range!.upTo}::bigint)
          ON CONFLICT (name) DO UPDATE SET last_pk = excluded.last_pk`,
    );
    return range!.n;
  });
}

export interface EventCounts {
  /** recorded by the end of `to` */
  total: number;
  /** of those, recorded from the start of `from` */
  inPeriod: number;
}

/**
 * Events (not error declarations) recorded up to the end of `to` and from the start of `from`, calendar days in
 * Vietnam time: the days rolled up, then the events past the mark, in one statement that also reads the mark (one
 * snapshot); if a roll-up moved the mark meanwhile, counted again with the new one.
 */
export async function eventCounts(db: DbOrTx, from: string, to: string): Promise<EventCounts> {
  await rollUpEventDays(db);
  const start = sql`(${from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  const end = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  let mark = await markOf(db);
  for (;;) {
    const [r] = await rows<{ mark: string; total: string; in_period: string }>(
      db,
      sql`SELECT (SELECT coalesce(max(last_pk), 0) FROM epcis_rollup_marks WHERE name = ${name})::bigint AS mark,
          d.total + t.total AS total, d.in_period + t.in_period AS in_period
        FROM (SELECT coalesce(sum(events), 0) AS total,
                coalesce(sum(events) FILTER (WHERE day >= ${from}::date), 0) AS in_period
              FROM epcis_event_days WHERE day <= ${to}::date) d,
          (SELECT count(*) AS total, count(*) FILTER (WHERE record_time >= ${start}) AS in_period
              FROM epcis_event_keys
              WHERE event_pk > ${mark}::bigint AND record_time < ${end} AND NOT is_error_declaration) t`,
    );
    if (Number(r!.mark) === mark) return { total: Number(r!.total), inPeriod: Number(r!.in_period) };
    mark = Number(r!.mark);
  }
}
