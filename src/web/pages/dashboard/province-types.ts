/** What GET /api/dashboard answers (src/dashboard/dashboard.schema.ts). */
export interface CommuneFigures {
  code: string;
  name: string;
  organisations: number;
  products: number;
  lots: number;
  stampsIssued: number;
  stampsActivated: number;
  scans: number;
  inspections: number;
  violations: number;
  consumerReports: number;
  latitude: number | null;
  longitude: number | null;
}

export interface MonthFigures {
  month: string;
  organisationsApproved: number;
  productsApproved: number;
  stampsActivated: number;
  scans: number;
  inspections: number;
  violations: number;
  consumerReports: number;
}

export interface DashboardView {
  filters: { sector: string | null; commune: string | null; from: string; to: string };
  scope: {
    kind: 'all' | 'sector' | 'communes';
    sector: string | null;
    communes: { code: string; name: string }[];
  };
  figures: {
    organisations: { registered: number; approved: number };
    products: { registered: number; approved: number };
    lots: number;
    stamps: { issued: number; activated: number; scanned: number };
    inspections: number;
    violations: number;
    consumerReports: number;
    synced: { available: false };
  };
  months: MonthFigures[];
  communes: CommuneFigures[];
  map: { kind: 'outlines' | 'points'; outlined: string[] };
}
