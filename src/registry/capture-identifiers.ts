import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx, Tx } from '../platform/db.ts';
import { readCanonicalKey } from './canonical-key.ts';
import { inTransaction } from './in-transaction.ts';
import { newInternalLocationCode } from './location.service.ts';
import { lotNumberPattern } from './lot.schema.ts';
import { findOrganisation } from './organisation.repo.ts';
import { locations, lots, products } from './registry.schema.ts';

/**
 * Creates, as drafts, the products (by GTIN), lots (GTIN + lot) and locations (by GLN) that a captured event
 * names and the registry does not know yet, so the owner finds them in its queue to complete. Existing rows are
 * never touched. A new product or location belongs to the capturing organisation; a new lot belongs to its
 * product's owner. Runs inside the capture transaction; concurrent captures naming the same key do not fail.
 */
export function noteIdentifiersFromCapture(
  db: DbOrTx,
  ids: string[],
  organisationId: string | null,
): Promise<{ products: number; lots: number; locations: number }> {
  return inTransaction(db, (tx) => noteIdentifiers(tx, ids, organisationId));
}

async function noteIdentifiers(tx: Tx, ids: string[], organisationId: string | null) {
  const created = { products: 0, lots: 0, locations: 0 };
  if (!organisationId || !ids.length) return created;
  const organisation = await findOrganisation(tx, organisationId);
  if (!organisation) return created;

  const gtins = new Set<string>();
  const lotKeys = new Map<string, { gtin: string; lot: string }>();
  const glns = new Set<string>();
  for (const id of new Set(ids)) {
    const key = readCanonicalKey(id);
    if (key?.kind === 'trade-item') {
      gtins.add(key.gtin);
      if (key.lot && lotNumberPattern.test(key.lot))
        lotKeys.set(`${key.gtin} ${key.lot}`, { gtin: key.gtin, lot: key.lot });
    } else if (key?.kind === 'location') {
      glns.add(key.gln);
    }
  }

  const productIds = new Map<string, { id: string; organisationId: string }>();
  for (const gtin of gtins) {
    const [inserted] = await tx
      .insert(products)
      .values({ organisationId, gtin, name: `GTIN ${gtin}`, sector: organisation.sector })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      created.products++;
      await audit(tx, 'product', inserted.id, organisationId, inserted);
      productIds.set(gtin, inserted);
    } else {
      const [existing] = await tx
        .select({ id: products.id, organisationId: products.organisationId })
        .from(products)
        .where(eq(products.gtin, gtin));
      productIds.set(gtin, existing);
    }
  }

  for (const { gtin, lot } of lotKeys.values()) {
    const product = productIds.get(gtin)!;
    const [inserted] = await tx
      .insert(lots)
      .values({ organisationId: product.organisationId, productId: product.id, gtin, lot })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      created.lots++;
      await audit(tx, 'lot', inserted.id, product.organisationId, inserted);
    }
  }

  for (const gln of glns) {
    const [inserted] = await tx
      .insert(locations)
      .values({ organisationId, gln, name: `GLN ${gln}`, internalCode: newInternalLocationCode() })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      created.locations++;
      await audit(tx, 'location', inserted.id, organisationId, inserted);
    }
  }
  return created;
}

function audit(tx: DbOrTx, entityType: string, entityId: string, organisationId: string, after: unknown) {
  return recordAudit(tx, {
    actor: null,
    action: 'note-from-capture',
    entityType,
    entityId,
    organisationId,
    after,
  });
}
