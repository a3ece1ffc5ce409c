import { sectors } from '../../api/types.ts';
import { addressFilters } from '../../components/address-filters.ts';

/** The province's visits asked for by place and days (from a dashboard figure): what GET /api/inspections/visits takes. */
export interface PlaceFilter {
  sector?: string;
  communeCode?: string;
  from?: string;
  to?: string;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

/** The filter given in the page's address (`?communeCode=…&sector=…&from=YYYY-MM-DD&to=…`); null when none is. */
export function placeFilterFromAddress(search?: string): PlaceFilter | null {
  const found = addressFilters({ sector: sectors, communeCode: null, from: null, to: null }, search);
  const filter: PlaceFilter = {};
  if (found.sector) filter.sector = found.sector;
  if (found.communeCode) filter.communeCode = found.communeCode;
  if (found.from && day.test(found.from)) filter.from = found.from;
  if (found.to && day.test(found.to)) filter.to = found.to;
  return Object.keys(filter).length ? filter : null;
}

/** The days of whole months `YYYY-MM` … `YYYY-MM`: the first of the first, the last of the last. */
export function monthDays(from: string, to: string): { from: string; to: string } {
  const [year, month] = to.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: `${from}-01`, to: last };
}
