/**
 * CPU time of processes from /proc (Linux only), for benches that say what the server and PostgreSQL spent per
 * unit of work beside the wall clock: a busy machine stretches the clock, not the CPU a piece of work costs.
 */
import fs from 'node:fs';

/** Process CPU time (user + system, ms); 0 when the process is gone or /proc is not there. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

interface Queryable {
  query(text: string): Promise<{ rows: { pid: number }[] }>;
}

/**
 * The CPU ms of each backend of the current database, by pid: the asking one too, since a bench's pool may ask on the
 * connection that does the work (its own query costs a fraction of a millisecond).
 */
export async function backendsCpu(db: Queryable): Promise<Map<number, number>> {
  const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
}

/** CPU ms the backends spent between two readings (a backend new since the first counts from zero). */
export function backendsCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
