import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { Finding } from './contract.ts';

export interface CheckContext {
  /** The run's clock (tests move it). */
  now: Date;
}

/** One automatic check: set-based SQL over the whole province, returning one finding per subject at fault. */
export interface Check {
  /** Stable name, used in routes (`/api/checks/{name}/runs`) and as the signal source `check:{name}`. */
  name: string;
  /** What it looks for, in plain Vietnamese, for the admin page. */
  title: string;
  run(db: DbOrTx, ctx: CheckContext): Promise<Finding[]>;
}

export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** dd/mm/yyyy in Vietnam time, for summaries people read. */
export function viDate(value: Date | string): string {
  const d =
    typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value) : value;
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
}
