import { z } from 'zod';
import { sectors } from '../platform/index.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The filters: whole months, since the charts are monthly and the scans are summed by month. */
export const dashboardQuery = z.object({
  sector: z.enum(sectors).optional(),
  commune: z.string().trim().min(1).max(20).optional(),
  from: month.optional(),
  to: month.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const count = z.number().int();

const communeFigures = z.object({
  code: z.string(),
  name: z.string(),
  organisations: count,
  products: count,
  lots: count,
  stampsIssued: count,
  stampsActivated: count,
  scans: count,
  inspections: count,
  violations: count,
  consumerReports: count,
  /** The mean position of the commune's organisations' locations, where any has one. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type CommuneFigures = z.infer<typeof communeFigures>;

const monthFigures = z.object({
  month: z.string(),
  organisationsApproved: count,
  productsApproved: count,
  stampsActivated: count,
  scans: count,
  inspections: count,
  violations: count,
  consumerReports: count,
});
export type MonthFigures = z.infer<typeof monthFigures>;

export const dashboardView = z.object({
  filters: z.object({
    sector: z.enum(sectors).nullable(),
    commune: z.string().nullable(),
    from: z.string(),
    to: z.string(),
  }),
  /** The reader's own limit: `all`, a sector, or communes (with their names, for the filter bar). */
  scope: z.object({
    kind: z.enum(['all', 'sector', 'communes']),
    sector: z.enum(sectors).nullable(),
    communes: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  figures: z.object({
    organisations: z.object({ registered: count, approved: count }),
    products: z.object({ registered: count, approved: count }),
    lots: count,
    stamps: z.object({ issued: count, activated: count, scanned: count }),
    inspections: count,
    violations: count,
    consumerReports: count,
    /** Data synced to the national portal: not built yet, so not available — never a number made up. */
    synced: z.object({ available: z.literal(false) }),
  }),
  months: z.array(monthFigures),
  communes: z.array(communeFigures),
  /** `outlines`: the department installed commune boundaries (GET /api/commune-boundaries); `points` otherwise. */
  map: z.object({ kind: z.enum(['outlines', 'points']), outlined: z.array(z.string()) }),
});
export type DashboardView = z.infer<typeof dashboardView>;
