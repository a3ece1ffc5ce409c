import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Stamp scans counted by month and by the organisation whose product was scanned, so a province's ten million
 * scans are summed from a few hundred thousand rows. Filled by the dashboard as it reads (dashboard.rollup.ts):
 * the scans up to `dashboard_rollup_marks.last_id` are in here, later ones are counted from `stamp_scans` itself.
 */
export const dashboardScanMonths = pgTable(
  'dashboard_scan_months',
  {
    month: date('month', { mode: 'string' }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    scans: integer('scans').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.organisationId] }),
    index('dashboard_scan_months_org_idx').on(t.organisationId),
  ],
);

/** How far each roll-up has read its source table (the last id counted). */
export const dashboardRollupMarks = pgTable('dashboard_rollup_marks', {
  name: text('name').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
});
