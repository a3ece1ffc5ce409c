import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import type { DbOrTx, Tx } from '../platform/index.ts';
import { readCanonicalKey } from './canonical-key.ts';
import { glnUnderCompanyPrefix, gtinUnderCompanyPrefix } from './company-prefix.ts';
import { inTransaction } from './in-transaction.ts';
import { newInternalLocationCode } from './location.service.ts';
import { lotNumberPattern } from './lot.schema.ts';
import { findOrganisation } from './organisation.repo.ts';
import { locations, lots, products as productTable } from './registry.schema.ts';

/**
 * Creates, as drafts, the products (by GTIN), lots (GTIN + lot) and locations (by GLN) that a captured event
 * names and the registry does not know yet, so the owner finds them in its queue to complete. Existing rows are
 * never touched. Only what the capturing organisation can own is created: products and locations whose GTIN or
 * GLN falls under one of its GS1 company prefixes, and lots of its own products; otherwise a capture could
 * squat on another firm's identifiers. Runs inside the capture transaction; concurrent captures naming the
 * same key do not fail.
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
  const prefixes = organisation.gs1CompanyPrefixes;

  const gtins = new Set<string>();
  const lotKeys = new Map<string, { gtin: string; lot: string }>();
  const glns = new Set<string>();
  for (const id of new Set(ids)) {
    const key = readCanonicalKey(id);
    if (key?.kind === 'trade-item') {
      if (gtinUnderCompanyPrefix(key.gtin, prefixes)) gtins.add(key.gtin);
      if (key.lot && lotNumberPattern.test(key.lot))
        lotKeys.set(`${key.gtin} ${key.lot}`, { gtin: key.gtin, lot: key.lot });
    } else if (key?.kind === 'location' && glnUnderCompanyPrefix(key.gln, prefixes)) {
      glns.add(key.gln);
    }
  }

  for (const gtin of gtins) {
    const [inserted] = await tx
      .insert(productTable)
      .values({ organisationId, gtin, name: `GTIN ${gtin}`, sector: organisation.sector })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      created.products++;
      await audit(tx, 'product', inserted.id, organisationId, inserted);
    }
  }

  // read after inserting, so a product a concurrent capture created a moment ago counts too
  const products = await ownProducts(tx, organisation.id, [
    ...new Set([...lotKeys.values()].map((k) => k.gtin)),
  ]);

  for (const { gtin, lot } of lotKeys.values()) {
    const productId = products.get(gtin);
    if (!productId) continue;
    const [inserted] = await tx
      .insert(lots)
      .values({ organisationId, productId, gtin, lot })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      created.lots++;
      await audit(tx, 'lot', inserted.id, organisationId, inserted);
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

/** The capturing organisation's own products among these GTINs, by GTIN. */
async function ownProducts(tx: Tx, organisationId: string, gtins: string[]) {
  const own = new Map<string, string>();
  if (!gtins.length) return own;
  const rows = await tx
    .select({ id: productTable.id, gtin: productTable.gtin })
    .from(productTable)
    .where(and(eq(productTable.organisationId, organisationId), inArray(productTable.gtin, gtins)));
  for (const row of rows) own.set(row.gtin, row.id);
  return own;
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
