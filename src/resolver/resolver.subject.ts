import type { Db } from '../platform/index.ts';
import {
  getLotByKey,
  getLotStatusByKey,
  getPublishedLotByKey,
  getPublishedOrganisation,
  getPublishedProductByGtin,
} from '../registry/index.ts';
import { type StampCheck, verifyStamp } from '../stamps/index.ts';
import { cached, cachedLive, readsFrom } from './resolver.cache.ts';
import type { ResolverRequest } from './resolver.dl.ts';

type Product = NonNullable<Awaited<ReturnType<typeof getPublishedProductByGtin>>>;
type Lot = NonNullable<Awaited<ReturnType<typeof getPublishedLotByKey>>>;
type Organisation = NonNullable<Awaited<ReturnType<typeof getPublishedOrganisation>>>;

/** What a Digital Link names, from published data only: approved rows, or the approved version kept while an edit waits. */
export interface Subject {
  product: Product;
  organisation: Organisation | null;
  /** The lot named by the URI, or for a stamp the lot it was activated to. */
  lot: Lot | null;
  stamp: StampCheck | null;
  /**
   * Set when the lot or serial asked about is not one the province registered, under a product it did: the
   * resolver walks up to the product's links, and the item's or lot's own page says plainly that it is unknown.
   */
  unknown?: 'lot' | 'serial';
}

/**
 * The published lot through the cache, its status as live state (resolver.cache.ts): held only while this
 * process hears the announcements, so a recall reaches the very next scan in every process.
 */
async function publishedLot(db: Db, read: Db, gtin: string, lot: string): Promise<Lot | null> {
  const [published, status] = await Promise.all([
    cached(`lot:${gtin}:${lot}`, async () => getPublishedLotByKey(readsFrom(db, read), { gtin, lot })),
    cachedLive(`lotstatus:${gtin}:${lot}`, () => getLotStatusByKey(db, { gtin, lot })),
  ]);
  if (published) return status ? { ...published, status } : published;
  // a recall is a warning, not reviewed data: it reaches the stamps of a lot not yet approved too, with nothing
  // of the lot but its code (which the stamp carries anyway)
  if (status !== 'recalled') return null;
  const draft = await getLotByKey(db, { gtin, lot });
  return (
    draft && {
      ...draft,
      productionDate: null,
      expiryDate: null,
      quantity: null,
      unit: null,
      locationId: null,
      inputLotIds: [],
    }
  );
}

/**
 * Published master data comes through the short-lived cache (resolver.cache.ts), loaded from `read` (a replica)
 * when `readsFrom` allows; the stamp and the lot's status are live state, always from `db` (the primary): from
 * memory while the process hears changes announced, else read fresh.
 * Null when the resolver knows nothing to publish for the URI: an unknown or unpublished product or lot, an
 * unknown serial, or an anti-counterfeit stamp without its secret (indistinguishable from an unknown serial).
 */
export async function findSubject(db: Db, request: ResolverRequest, read: Db = db): Promise<Subject | null> {
  const gtin = request.gtin;
  if (!gtin) return null;
  const [product, stamp] = await Promise.all([
    cached(`product:${gtin}`, async () => getPublishedProductByGtin(readsFrom(db, read), gtin)),
    request.serial === null
      ? null
      : verifyStamp(
          db,
          {
            gtin,
            serial: request.serial,
            lot: request.lot,
            secret: request.dl.otherParams.s ?? null,
          },
          cachedLive,
        ),
  ]);
  if (!product || stamp?.status === 'unknown') return null;
  const lotKey = stamp ? stamp.lot : request.lot;
  const [lot, organisation] = await Promise.all([
    lotKey ? publishedLot(db, read, gtin, lotKey) : null,
    cached(`organisation:${product.organisationId}`, async () =>
      getPublishedOrganisation(readsFrom(db, read), product.organisationId),
    ),
  ]);
  if (!stamp && request.lot !== null && !lot) return null;
  return { product, organisation, lot, stamp };
}

/**
 * The published product above a lot or serial the resolver does not know (GS1 resolvers walk up to the next level
 * that has links), with its lot when that one is known; null when the product is unknown too.
 */
export async function findKnownAncestor(
  db: Db,
  request: ResolverRequest,
  read: Db = db,
): Promise<Subject | null> {
  const gtin = request.gtin;
  if (!gtin || (request.serial === null && request.lot === null)) return null;
  const product = await cached(`product:${gtin}`, async () =>
    getPublishedProductByGtin(readsFrom(db, read), gtin),
  );
  if (!product) return null;
  const [lot, organisation] = await Promise.all([
    request.serial !== null && request.lot ? publishedLot(db, read, gtin, request.lot) : null,
    cached(`organisation:${product.organisationId}`, async () =>
      getPublishedOrganisation(readsFrom(db, read), product.organisationId),
    ),
  ]);
  return { product, organisation, lot, stamp: null, unknown: request.serial !== null ? 'serial' : 'lot' };
}
