/** The dashboard's filters a list can take from its address (the period is the dashboard's own). */
export interface FigureFilters {
  sector: string | null;
  commune: string | null;
}

export type Figure = 'organisations' | 'products' | 'lots' | 'stamps' | 'inspections' | 'consumerReports';

const withQuery = (path: string, q: Record<string, string | null>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(q)) if (value) search.set(name, value);
  return search.size ? `${path}?${search}` : path;
};

/**
 * The list behind each figure, opened with the dashboard's sector and commune where that list's API filters by
 * them (organisations: both; products: the sector; consumer reports: both). Lots, stamps and inspections are
 * listed whole: their lists take neither. A sector officer's own sector stands for "every sector".
 */
export function figureLinks(filters: FigureFilters, ownSector: string | null = null): Record<Figure, string> {
  const sector = filters.sector ?? ownSector;
  return {
    organisations: withQuery('/organisations', { sector, communeCode: filters.commune }),
    products: withQuery('/products', { sector }),
    lots: '/lots',
    stamps: withQuery('/stamps', { tab: 'ranges' }),
    inspections: '/inspections',
    consumerReports: withQuery('/cases', { source: 'consumer_report', sector, communeCode: filters.commune }),
  };
}
