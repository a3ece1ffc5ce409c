import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Versioned publication (issue 11 §1): what the public sees of a registry row. An approved row is its own public
 * version. When its organisation edits it, the row goes back to draft for review and the approved version is kept
 * whole in `publishedRow`, so stamps already on the market keep answering with it; approval makes the edited row
 * public and drops the kept one; only the department's withdrawal drops it otherwise.
 */
export interface Versioned {
  reviewStatus: string;
  publishedRow: unknown;
}

/** The row as it is now, to keep as the public version: everything but the kept version itself. */
export function snapshotOf(row: Versioned): Record<string, unknown> {
  const { publishedRow: _kept, ...rest } = row as unknown as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest));
}

/**
 * What a row's edit keeps public: when an approved row is edited by its organisation (not the department, whose
 * edits keep the status), it goes back to draft and its approved version is kept. Spread into the update's values.
 */
export function keepPublished(before: Versioned, sendsBackToDraft: boolean) {
  if (!sendsBackToDraft || before.reviewStatus !== 'approved') return {};
  return { reviewStatus: 'draft' as const, publishedRow: snapshotOf(before) };
}

/**
 * The version of a row the public sees: the row when approved; else the approved version kept while an edit
 * waits (its timestamps revived as the table's types, its `live` columns as they are now); else null.
 */
export function publicVersion<Row extends Versioned>(
  table: PgTable,
  row: Row | null | undefined,
  /** Columns that are life, not reviewed data, and show as they are now (a lot's recall status). */
  live: readonly string[] = [],
): Row | null {
  if (!row) return null;
  if (row.reviewStatus === 'approved') return row;
  if (!row.publishedRow || typeof row.publishedRow !== 'object') return null;
  const kept = row.publishedRow as Record<string, unknown>;
  // the table's columns as kept (what a join adds, e.g. the product's name on a lot, stays current)
  const version: Record<string, unknown> = { ...(row as unknown as Record<string, unknown>) };
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!(key in kept) || live.includes(key)) continue;
    const value = kept[key];
    version[key] = column.dataType === 'date' && typeof value === 'string' ? new Date(value) : value;
  }
  return { ...version, reviewStatus: 'approved', publishedRow: null } as unknown as Row;
}
