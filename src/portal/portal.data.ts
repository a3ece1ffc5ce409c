import { listMembershipsOf } from '../catalogues/index.ts';
import { type Db, localToday } from '../platform/index.ts';
import {
  getPublishedOrganisation,
  type PublicCatalogue,
  type PublicLot,
  type PublicOrganisation,
  type PublicProduct,
  publicCatalogue,
  searchPublicLots,
} from '../registry/index.ts';
import { cached } from '../resolver/index.ts';

/** Text for matching: lower case, Vietnamese marks dropped (đ → d), so “sau rieng” finds “Sầu riêng”. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ProductCard extends PublicProduct {
  producer: PublicOrganisation;
  ocop: number | null;
  specialty: boolean;
  lists: string[];
}

export interface LotCard extends PublicLot {
  product: PublicProduct;
  producer: PublicOrganisation;
}

export interface PortalData {
  catalogue: PublicCatalogue;
  organisationById: Map<string, PublicOrganisation>;
  productById: Map<string, PublicProduct>;
}

/**
 * The province's public catalogue, through the resolver's short-lived cache (TXNG_RESOLVER_CACHE_SECONDS): every
 * portal page reads it, and an approval or withdrawal reaches the portal within those seconds (the inspections'
 * withdrawals clear the cache at once).
 */
export async function loadPortalData(db: Db): Promise<PortalData> {
  const catalogue = await cached('portal:catalogue', () => publicCatalogue(db));
  return {
    catalogue,
    organisationById: new Map(catalogue.organisations.map((o) => [o.id, o])),
    productById: new Map(catalogue.products.map((p) => [p.id, p])),
  };
}

/** The products with their producer, OCOP stars in force and the priority lists in force that name them. */
export async function productCards(
  db: Db,
  data: PortalData,
  products: PublicProduct[],
): Promise<ProductCard[]> {
  const memberships = await listMembershipsOf(
    db,
    products.map((p) => p.id),
    null,
  );
  const today = localToday();
  return products.flatMap((p) => {
    const producer = data.organisationById.get(p.organisationId);
    if (!producer) return [];
    const lists = (memberships.get(p.id) ?? []).filter((m) => m.kind === 'priority');
    const ocopInForce = p.ocopStars && p.ocopValidUntil && p.ocopValidUntil >= today ? p.ocopStars : null;
    return [
      {
        ...p,
        producer,
        ocop: ocopInForce,
        specialty: lists.some((m) => m.category === 'specialty'),
        lists: lists.filter((m) => m.category === 'ocop' || m.category === 'specialty').map((m) => m.title),
      },
    ];
  });
}

/** OCOP products (stars in force or named by an OCOP list) and specialties, more stars first. */
export async function showcase(db: Db, data: PortalData): Promise<ProductCard[]> {
  const cards = await productCards(db, data, data.catalogue.products);
  return cards
    .filter((c) => c.ocop || c.specialty || c.lists.length)
    .sort((a, b) => (b.ocop ?? 0) - (a.ocop ?? 0) || a.name.localeCompare(b.name, 'vi'));
}

export type SearchKind = 'products' | 'producers' | 'lots';

export interface SearchResult {
  products: PublicProduct[];
  producers: PublicOrganisation[];
  lots: LotCard[];
}

/** Products (name, brand, group, GTIN), producers (name, commune) and lots (number, GTIN) matching the words. */
export async function searchPortal(db: Db, data: PortalData, q: string): Promise<SearchResult> {
  const needle = fold(q);
  if (!needle) return { products: [], producers: [], lots: [] };
  const digits = q.replace(/[\s-]/g, '');
  const isNumber = /^\d{4,14}$/.test(digits);
  const has = (...texts: (string | null | undefined)[]) => texts.some((t) => t && fold(t).includes(needle));
  const products = data.catalogue.products
    .filter(
      (p) =>
        has(p.name, p.brand, p.productGroup, data.organisationById.get(p.organisationId)?.name) ||
        (isNumber && p.gtin.includes(digits.replace(/^0+/, ''))),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const producers = data.catalogue.organisations
    .filter((o) => has(o.name, o.communeName))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  // lots by their number or GTIN, and the lots of the products found by name (a few products' worth)
  const named = products.length <= 10 ? products.map((p) => searchPublicLots(db, p.gtin, 20)) : [];
  const found = (await Promise.all([searchPublicLots(db, isNumber ? digits : q.trim()), ...named])).flat();
  const seen = new Set<string>();
  const lots = found.flatMap((l) => {
    const product = data.productById.get(l.productId);
    const producer = data.organisationById.get(l.organisationId);
    if (!product || !producer || seen.has(l.id)) return [];
    seen.add(l.id);
    return [{ ...l, product, producer }];
  });
  return { products, producers, lots };
}

/** What a producer page shows: its public version and its certificates in force, nothing about a person. */
export async function producerDetails(db: Db, id: string) {
  const published = await getPublishedOrganisation(db, id);
  if (!published) return null;
  const today = localToday();
  return {
    certificates: published.certificates
      .filter((c) => !c.validTo || c.validTo >= today)
      .map((c) => ({ kind: c.kind, number: c.number, issuer: c.issuer, validTo: c.validTo })),
  };
}
