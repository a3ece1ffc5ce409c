import type { Actor, DbOrTx } from '../platform/index.ts';
import {
  getProductsByGtins,
  getPublishedLocationsByIds,
  getPublishedLotByKey,
  getPublishedOrganisationsByIds,
  getPublishedProductByGtin,
  type LocationView,
  type LotView,
  listLots,
  type OrganisationView,
  type ProductView,
  publicCatalogue,
} from '../registry/index.ts';

export interface MasterData {
  organisations: OrganisationView[];
  locations: LocationView[];
  products: ProductView[];
  lots: LotView[];
}

/** The registry's lists are read as the department; the package's scope is the `organisationIds` filter. */
const department: Actor = {
  kind: 'user',
  id: '00000000-0000-4000-8000-0000000e4907',
  name: 'Gói xuất dữ liệu',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

/** A row as the department approved it: itself when approved, else the approved version kept while an edit waits. */
async function approved<T extends { reviewStatus: string; publicVersionKept: boolean }>(
  rows: T[],
  published: (row: T) => Promise<T | null>,
): Promise<T[]> {
  const out: T[] = [];
  for (const row of rows) {
    if (row.reviewStatus === 'approved') out.push(row);
    else if (row.publicVersionKept) {
      const version = await published(row);
      if (version) out.push(version);
    }
  }
  return out;
}

/** The lots of these organisations (`null`: the whole province's, read in one pass). */
async function lotsOf(db: DbOrTx, organisationIds: string[] | null): Promise<LotView[]> {
  const all: LotView[] = [];
  for (const organisationId of organisationIds ?? [undefined])
    for (let page = 1; ; page++) {
      const query = { page, pageSize: 200, sort: 'createdAt', organisationId };
      const { items, total } = await listLots(db, query, department);
      all.push(...items);
      if (page * 200 >= total) break;
    }
  return approved(all, (lot) => getPublishedLotByKey(db, lot));
}

/**
 * The master data the department approved (the public version of each record), of the given organisations or of
 * the whole province (`null`): what the national portal is given with the events of a manual upload.
 */
export async function approvedMasterData(db: DbOrTx, organisationIds: string[] | null): Promise<MasterData> {
  const catalogue = await publicCatalogue(db);
  const ids = organisationIds ?? catalogue.organisations.map((o) => o.id);
  const organisations = await getPublishedOrganisationsByIds(db, ids);
  const inScope = new Set(organisations.map((o) => o.id));
  const locations = await getPublishedLocationsByIds(
    db,
    catalogue.places.filter((p) => inScope.has(p.organisationId)).map((p) => p.id),
  );
  const current = await getProductsByGtins(
    db,
    catalogue.products.filter((p) => inScope.has(p.organisationId)).map((p) => p.gtin),
  );
  const products = await approved(current, (p) => getPublishedProductByGtin(db, p.gtin));
  const lots = (await lotsOf(db, organisationIds && [...inScope])).filter((l) =>
    inScope.has(l.organisationId),
  );
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'vi');
  return {
    organisations: organisations.sort(byName),
    locations: locations.sort(byName),
    products: products.sort(byName),
    lots: lots.sort((a, b) => a.gtin.localeCompare(b.gtin) || a.lot.localeCompare(b.lot)),
  };
}
