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

/**
 * The same scans summed by month, commune and sector (decision 063): what the dashboard's filters ask, so a
 * province year is read from a few thousand rows instead of every organisation's. Kept equal to
 * dashboard_scan_months grouped by each organisation's commune and sector as they stand: the roll-up adds to both
 * in one statement, and a trigger on organisations (drizzle/0002_dashboard_scan_communes.sql) moves an
 * organisation's scans when its commune or sector changes and takes them out when it is deleted. `commune_code` is
 * '' for an organisation without a commune. Filled from dashboard_scan_months on first use (mark
 * 'dashboard_scan_communes' in dashboard_rollup_marks); until then the dashboard reads the organisations' months.
 */
export const dashboardScanCommunes = pgTable(
  'dashboard_scan_communes',
  {
    month: date('month', { mode: 'string' }).notNull(),
    communeCode: text('commune_code').notNull(),
    sector: text('sector').notNull(),
    scans: bigint('scans', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.communeCode, t.sector] })],
);

/** How far each roll-up has read its source table (the last id counted). */
export const dashboardRollupMarks = pgTable('dashboard_rollup_marks', {
  name: text('name').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
});
