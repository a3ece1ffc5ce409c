import { captureEpcisDocument } from '../epcis/index.ts';
import { hasValidCheckDigit } from '../gs1/index.ts';
import type { Db, DbOrTx } from '../platform/index.ts';
import { getLotByKey, getProductByGtin } from '../registry/index.ts';

/**
 * Everything stamps needs from other modules (gs1, registry, epcis), in one file: their services are called
 * here and nowhere else in the module.
 */

/** A GTIN-8/12/13/14 with a correct check digit, as GTIN-14; null otherwise. */
export function normaliseGtin(value: string): string | null {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(value)) return null;
  return hasValidCheckDigit(value) ? value.padStart(14, '0') : null;
}

export interface ProductRef {
  organisationId: string;
  name: string;
  approved: boolean;
}

export async function findProduct(db: DbOrTx, gtin: string): Promise<ProductRef | null> {
  const product = await getProductByGtin(db, gtin);
  return product
    ? {
        organisationId: product.organisationId,
        name: product.name,
        approved: product.reviewStatus === 'approved',
      }
    : null;
}

export interface LotRef {
  productionDate: string | null; // YYYY-MM-DD
  expiryDate: string | null;
}

export async function findLot(db: DbOrTx, gtin: string, lot: string): Promise<LotRef | null> {
  const found = await getLotByKey(db, { gtin, lot });
  return found ? { productionDate: found.productionDate, expiryDate: found.expiryDate } : null;
}

/** Captures the event inside the caller's transaction (a savepoint), so the change and its event land together. */
export async function captureEvent(
  tx: DbOrTx,
  document: Record<string, unknown>,
  organisationId: string,
): Promise<void> {
  await captureEpcisDocument(tx as Db, document, { organisationId });
}
