import { type DayCounts, type DbOrTx, dayCounts } from '../platform/index.ts';

// Scans per day (stamp_scan_days, decision 052): the plan's scan indicator and the report's key figure sum a row a
// day, and count only the scans written since the last roll-up from stamp_scans itself.

const scanDays = dayCounts({
  source: { table: 'stamp_scans', key: 'id', time: 'at' },
  days: { table: 'stamp_scan_days', count: 'scans' },
  mark: { table: 'stamp_rollup_marks', column: 'last_id', name: 'scan_days' },
  // a scan's id is taken when it is written and its time when its transaction began
  settleMinutes: 10,
});

/**
 * Adds the scans written since the last roll-up (and settled) to stamp_scan_days and moves the mark; returns how
 * many scans were rolled up (the first time, every scan so far: about a minute for ten million).
 */
export const rollUpScanDays = (db: DbOrTx): Promise<number> => scanDays.rollUp(db);

/**
 * Scans up to the end of `to` (total) and from the start of `from` (inPeriod), calendar days in Vietnam time,
 * counted once per `shared` (a report's plan indicator and key figure ask the same): the days rolled up, then the
 * scans past the mark. One statement reads both and the mark, so they are one snapshot; if
 * a roll-up moved the mark since it was read, the count is taken again with the new one (the mark must be a value
 * for the planner to walk the primary key from it).
 */
export function scanCounts(
  db: DbOrTx,
  from: string,
  to: string,
  shared?: Map<string, Promise<unknown>>,
): Promise<ScanCounts> {
  if (!shared) return scanDays.count(db, from, to);
  const key = `stamp-scans ${from} ${to}`;
  if (!shared.has(key)) shared.set(key, scanDays.count(db, from, to));
  return shared.get(key) as Promise<ScanCounts>;
}

export type ScanCounts = DayCounts;
