import { and, eq, ilike, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { likePattern } from './list-query.ts';
import { communeName } from './organisation.presenter.ts';
import { publicVersion } from './published.ts';
import { locations, lots, organisations, products } from './registry.schema.ts';

/**
 * What the province's public portal may show of the registry (issue 13 §4): the public version of each row
 * (published.ts) and only under an organisation that has one; nothing about a person (no representative, phone,
 * e-mail or tax code: a household's tax code is its owner's).
 */
export interface PublicOrganisation {
  id: string;
  name: string;
  type: string;
  sector: string;
  communeCode: string | null;
  communeName: string | null;
}

export interface PublicProduct {
  id: string;
  organisationId: string;
  gtin: string;
  name: string;
  description: string | null;
  images: string[];
  brand: string | null;
  productGroup: string | null;
  netQuantity: number | null;
  netQuantityUnit: string | null;
  appliedStandards: string[];
  ocopStars: number | null;
  ocopValidUntil: string | null;
  geographicalIndication: string | null;
  certificationMark: string | null;
}

export interface PublicPlace {
  id: string;
  organisationId: string;
  name: string;
  type: string | null;
  growingAreaCode: string | null;
  communeName: string | null;
  latitude: number | null;
  longitude: number | null;
  polygon: unknown;
  areaHectares: number | null;
}

export interface PublicLot {
  id: string;
  organisationId: string;
  productId: string;
  gtin: string;
  lot: string;
  productionDate: string | null;
  expiryDate: string | null;
  status: string;
}

export interface PublicCatalogue {
  organisations: PublicOrganisation[];
  products: PublicProduct[];
  places: PublicPlace[];
}

const isPublic = <T extends { reviewStatus: unknown; publishedRow: unknown }>(table: T) =>
  or(eq(table.reviewStatus as never, 'approved'), isNotNull(table.publishedRow as never));

/** Every public organisation, product and place of the province, each as its public version. */
export async function publicCatalogue(db: DbOrTx): Promise<PublicCatalogue> {
  const [orgRows, productRows, placeRows] = await Promise.all([
    db.select().from(organisations).where(isPublic(organisations)),
    db.select().from(products).where(isPublic(products)),
    db.select().from(locations).where(isPublic(locations)),
  ]);
  const orgs = orgRows.flatMap((row) => {
    const o = publicVersion(organisations, row);
    return o
      ? [
          {
            id: o.id,
            name: o.name,
            type: o.type,
            sector: o.sector,
            communeCode: o.communeCode,
            communeName: communeName(o.communeCode),
          },
        ]
      : [];
  });
  const known = new Set(orgs.map((o) => o.id));
  const productList = productRows.flatMap((row) => {
    const p = publicVersion(products, row);
    if (!p || !known.has(p.organisationId)) return [];
    return [
      {
        id: p.id,
        organisationId: p.organisationId,
        gtin: p.gtin,
        name: p.name,
        description: p.description,
        images: p.images,
        brand: p.brand,
        productGroup: p.productGroup,
        netQuantity: p.netQuantity,
        netQuantityUnit: p.netQuantityUnit,
        appliedStandards: p.appliedStandards,
        ocopStars: p.ocopStars && p.ocopDecision && p.ocopValidUntil ? p.ocopStars : null,
        ocopValidUntil: p.ocopStars && p.ocopDecision ? p.ocopValidUntil : null,
        geographicalIndication: p.geographicalIndication,
        certificationMark: p.certificationMark,
      },
    ];
  });
  const places = placeRows.flatMap((row) => {
    const l = publicVersion(locations, row);
    if (!l || !known.has(l.organisationId)) return [];
    return [
      {
        id: l.id,
        organisationId: l.organisationId,
        name: l.name,
        type: l.type,
        growingAreaCode: l.growingAreaCode,
        communeName: communeName(l.communeCode),
        latitude: l.latitude,
        longitude: l.longitude,
        polygon: l.polygon ?? null,
        areaHectares: l.areaHectares,
      },
    ];
  });
  return { organisations: orgs, products: productList, places };
}

/**
 * Public lots whose number contains `q`, or of the product with GTIN `q` (padded to 14), newest first, at most
 * `limit`; the caller keeps those whose product and organisation are public.
 */
export async function searchPublicLots(db: DbOrTx, q: string, limit = 200): Promise<PublicLot[]> {
  const text = q.trim();
  if (!text) return [];
  const byGtin = /^\d{8,14}$/.test(text) ? eq(lots.gtin, text.padStart(14, '0')) : undefined;
  const rows = await db
    .select()
    .from(lots)
    .where(
      and(
        isPublic(lots),
        or(
          ilike(lots.lot, likePattern(text)),
          sql`${lots.publishedRow}->>'lot' ILIKE ${likePattern(text)}`,
          byGtin,
        ),
      ),
    )
    .orderBy(sql`${lots.createdAt} DESC`)
    .limit(limit);
  return rows.flatMap((row) => {
    const l = publicVersion(lots, row, ['status']);
    return l
      ? [
          {
            id: l.id,
            organisationId: l.organisationId,
            productId: l.productId,
            gtin: l.gtin,
            lot: l.lot,
            productionDate: l.productionDate,
            expiryDate: l.expiryDate,
            status: l.status,
          },
        ]
      : [];
  });
}
