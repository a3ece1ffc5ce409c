import { sql } from 'drizzle-orm';
import type { Db } from '../platform/index.ts';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Rows in every table of the application's schema, read in one statement. Compared before and after a refused
 * request, it shows that nothing was half-stored: a 4xx leaves every count as it was.
 */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (
    (await db.execute(
      sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )) as unknown as { rows: { name: string }[] }
  ).rows.map((r) => r.name);
  const union = tables
    .map((name) => `SELECT '${name}' AS name, count(*)::int AS n FROM ${quoteIdent(name)}`)
    .join(' UNION ALL ');
  const counted = ((await db.execute(sql.raw(union))) as unknown as { rows: { name: string; n: number }[] })
    .rows;
  return Object.fromEntries(counted.map((r) => [r.name, Number(r.n)]));
}

/** The tables whose counts differ between two snapshots, with both counts. */
export function changedTables(before: Record<string, number>, after: Record<string, number>) {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => ({ table: name, before: before[name], after: after[name] }));
}
