import { monthDays } from '../inspections/place-filter.ts';

/** The dashboard's filters a list can take from its address, and its period in whole months (`YYYY-MM`). */
export interface FigureFilters {
  sector: string | null;
  commune: string | null;
  period: { from: string; to: string };
}

export type Figure =
  | 'organisations'
  | 'products'
  | 'lots'
  | 'stamps'
  | 'inspections'
  | 'violations'
  | 'consumerReports';

const withQuery = (path: string, q: Record<string, string | null>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(q)) if (value) search.set(name, value);
  return search.size ? `${path}?${search}` : path;
};

/**
 * The list behind each figure, opened with the dashboard's sector and commune where that list's API filters by
 * them (organisations: both; products: the sector; inspection visits: both and the period's days; consumer reports
 * and violations: both, as the cases they raised, every finding being a case's signal). Lots and stamps are listed
 * whole: their lists take neither. A sector officer's own sector stands for "every sector".
 */
export function figureLinks(filters: FigureFilters, ownSector: string | null = null): Record<Figure, string> {
  const sector = filters.sector ?? ownSector;
  return {
    organisations: withQuery('/organisations', { sector, communeCode: filters.commune }),
    products: withQuery('/products', { sector }),
    lots: '/lots',
    stamps: withQuery('/stamps', { tab: 'ranges' }),
    inspections: withQuery('/inspections', {
      sector,
      communeCode: filters.commune,
      ...monthDays(filters.period.from, filters.period.to),
    }),
    violations: withQuery('/cases', { source: 'inspection', sector, communeCode: filters.commune }),
    consumerReports: withQuery('/cases', { source: 'consumer_report', sector, communeCode: filters.commune }),
  };
}
