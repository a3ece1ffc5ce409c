import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from './db.ts';

// Monthly partitions of epcis_events (by record_time) and stamp_scans (by at), months in Vietnam time (decision 054,
// drizzle/0001_partitions.sql). The SQL functions of that migration do the work; this is how the program calls them:
// when it opens the database, once a day in the server, and from `txng partitions`.

/** The partitioned tables and the column each is partitioned by. */
export const partitionedTables = {
  epcis_events: 'record_time',
  stamp_scans: 'at',
  sensor_readings: 'at',
} as const;
export type PartitionedTable = keyof typeof partitionedTables;

/** How many months past this one are made ahead. */
export const monthsAhead = 3;

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Makes this month's partitions and `ahead` more of both tables, and moves rows out of the default partitions into
 * their month. Idempotent; several processes at once wait on one advisory lock. Returns how many it made.
 */
export async function maintainPartitions(db: DbOrTx, ahead = monthsAhead): Promise<number> {
  const [r] = await rows<{ made: number }>(db, sql`SELECT txng_partition_maintenance(${ahead}::int) AS made`);
  return Number(r.made);
}

export interface PartitionInfo {
  table: PartitionedTable;
  /** The partition's own table, e.g. epcis_events_p2026_12; `<table>_default` for the default one. */
  name: string;
  /** `YYYY-MM` (Vietnam time), null for the default partition. */
  month: string | null;
  /** The planner's estimate (pg_class.reltuples, after ANALYZE / autovacuum), -1 when never counted. */
  estimatedRows: number;
  /** pg_total_relation_size: the table, its indexes and TOAST. */
  bytes: number;
}

/** The partitions attached now, oldest month first, the default partition last. */
export async function listPartitions(db: DbOrTx): Promise<PartitionInfo[]> {
  const found = await rows<{ table: string; name: string; rows: string; bytes: string }>(
    db,
    sql`SELECT p.relname AS "table", c.relname AS name, c.reltuples::bigint AS rows,
          pg_total_relation_size(c.oid) AS bytes
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname IN ('epcis_events', 'stamp_scans', 'sensor_readings') AND p.relnamespace = 'public'::regnamespace
        ORDER BY p.relname, c.relname`,
  );
  return found
    .map((r) => ({
      table: r.table as PartitionedTable,
      name: r.name,
      month: monthOf(r.name),
      estimatedRows: Number(r.rows),
      bytes: Number(r.bytes),
    }))
    .sort((a, b) => a.table.localeCompare(b.table) || (a.month ?? '9999').localeCompare(b.month ?? '9999'));
}

function monthOf(name: string): string | null {
  const m = /_p(\d{4})_(\d{2})$/.exec(name);
  return m ? `${m[1]}-${m[2]}` : null;
}

/**
 * Detaches every month partition of both tables before `month` (`YYYY-MM`): each stays a table of its own, outside
 * what queries see, to be dumped (`pg_dump -t <name>`) and dropped. Their events' ids, links and keys stay where they
 * are: the eventIDs stay taken, so capturing an archived event again is still a no-op. Returns the detached names.
 */
export async function detachPartitionsBefore(db: Db, month: string): Promise<string[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`Not a month (YYYY-MM): ${month}`);
  const old = (await listPartitions(db)).filter((p) => p.month !== null && p.month < month);
  const detached: string[] = [];
  for (const p of old) {
    // one partition a transaction: a long detach list never holds every lock at once
    await db.execute(sql.raw(`ALTER TABLE ${p.table} DETACH PARTITION "${p.name.replace(/"/g, '')}"`));
    detached.push(p.name);
  }
  return detached;
}

/** Runs the maintenance now and then every `everyMs` (a day); returns the stop function. Failures are reported. */
export function startPartitionMaintenance(
  db: Db,
  warn: (message: string) => void,
  everyMs = 24 * 60 * 60_000,
): () => void {
  const run = () =>
    maintainPartitions(db).catch((err) => warn(`Partition maintenance failed: ${(err as Error).message}`));
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
