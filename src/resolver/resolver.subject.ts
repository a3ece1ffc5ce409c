import type { Db } from '../platform/db.ts';
import { getLotByKey } from '../registry/lot.service.ts';
import { getOrganisation } from '../registry/organisation.service.ts';
import { getProductByGtin } from '../registry/product.service.ts';
import { type StampCheck, verifyStamp } from '../stamps/stamps.verify.ts';
import type { ResolverRequest } from './resolver.dl.ts';

type Product = NonNullable<Awaited<ReturnType<typeof getProductByGtin>>>;
type Lot = NonNullable<Awaited<ReturnType<typeof getLotByKey>>>;
type Organisation = NonNullable<Awaited<ReturnType<typeof getOrganisation>>>;

/** What a Digital Link names, from published (approved) data only. */
export interface Subject {
  product: Product;
  organisation: Organisation | null;
  /** The lot named by the URI, or for a stamp the lot it was activated to. */
  lot: Lot | null;
  stamp: StampCheck | null;
}

const approved = <T extends { reviewStatus: string }>(row: T | null) =>
  row?.reviewStatus === 'approved' ? row : null;

/**
 * Null when the resolver knows nothing to publish for the URI: an unknown or unpublished product or lot, an
 * unknown serial, or an anti-counterfeit stamp without its secret (indistinguishable from an unknown serial).
 */
export async function findSubject(db: Db, request: ResolverRequest): Promise<Subject | null> {
  if (!request.gtin) return null;
  const product = approved(await getProductByGtin(db, request.gtin));
  if (!product) return null;
  let stamp: StampCheck | null = null;
  let lotKey = request.lot;
  if (request.serial !== null) {
    stamp = await verifyStamp(db, {
      gtin: request.gtin,
      serial: request.serial,
      lot: request.lot,
      secret: request.dl.otherParams.s ?? null,
    });
    if (stamp.status === 'unknown') return null;
    lotKey = stamp.lot ?? null;
  }
  const lot = lotKey ? approved(await getLotByKey(db, { gtin: request.gtin, lot: lotKey })) : null;
  if (request.serial === null && request.lot !== null && !lot) return null;
  const organisation = approved(await getOrganisation(db, product.organisationId));
  return { product, organisation, lot, stamp };
}
