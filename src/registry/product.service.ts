import { type Actor, conflict, type Db, type DbOrTx, forbidden, notFound } from '../platform/index.ts';
import { writeWithAudit } from './audited-write.ts';
import { isUniqueViolation } from './db-errors.ts';
import { gtinBelongsTo } from './key-ownership.ts';
import type { Page } from './list-query.ts';
import { findOrganisation, type OrganisationRow } from './organisation.repo.ts';
import { presentProduct } from './product.presenter.ts';
import * as repo from './product.repo.ts';
import type { ProductInput, ProductListQuery, ProductPatch, ProductView } from './product.schema.ts';
import { publicVersion } from './published.ts';
import { canRead, canWrite, type RowScope, readScope } from './registry.policy.ts';
import { products } from './registry.schema.ts';
import { reviewAfterEdit } from './review-after-edit.ts';
import { checkGtin, FieldErrors } from './validate.ts';

export const productScope = (row: repo.ScopedProductRow): RowScope => ({
  organisationId: row.organisationId,
  sector: row.sector ?? row.ownerSector,
  communeCode: row.ownerCommune,
});

const addMonths = (isoDate: string, months: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Checks what zod cannot: check digits, company prefix, OCOP validity. Returns the GTIN as GTIN-14. */
function checkProduct(
  input: ProductPatch & { gtin?: string },
  owner: OrganisationRow,
  current?: repo.ProductRow,
): string | undefined {
  const errors = new FieldErrors();
  let gtin: string | undefined;
  if (input.gtin !== undefined) {
    gtin = checkGtin(errors, 'gtin', input.gtin) ?? undefined;
    const prefixes = owner.gs1CompanyPrefixes;
    if (gtin && !gtinBelongsTo(gtin, prefixes)) {
      errors.add('gtin', prefixes.length ? 'registry.gtinPrefix' : 'registry.gtinNoPrefix');
    }
  }
  const ocop = {
    stars: input.ocopStars ?? current?.ocopStars,
    decision: input.ocopDecision ?? current?.ocopDecision,
    decisionDate: input.ocopDecisionDate ?? current?.ocopDecisionDate,
    validUntil: input.ocopValidUntil ?? current?.ocopValidUntil,
  };
  const anyOcop = ocop.stars != null || ocop.decision != null || ocop.validUntil != null;
  if (anyOcop && (ocop.stars == null || ocop.decision == null || ocop.validUntil == null)) {
    errors.add('ocopStars', 'registry.ocopIncomplete');
  } else if (ocop.decisionDate && ocop.validUntil) {
    if (ocop.validUntil <= ocop.decisionDate || ocop.validUntil > addMonths(ocop.decisionDate, 36)) {
      errors.add('ocopValidUntil', 'registry.ocopValidity');
    }
  }
  errors.throwIfAny();
  return gtin;
}

async function guardGtin(db: DbOrTx, gtin: string) {
  if (await repo.findProductByGtin(db, gtin)) throw conflict('registry.gtin-taken', { gtin });
}

async function readableProduct(db: DbOrTx, id: string, actor: Actor) {
  const row = await repo.findProduct(db, id);
  if (!row || !canRead(actor, productScope(row))) throw notFound('registry.product-not-found');
  return row;
}

export async function createProduct(db: Db, input: ProductInput, actor: Actor): Promise<ProductView> {
  return db.transaction(async (tx) => {
    const owner = await findOrganisation(tx, input.organisationId);
    if (!owner || !canWrite(actor, { organisationId: owner.id })) {
      const errors = new FieldErrors();
      errors.add('organisationId', 'registry.unknownOrganisation');
      errors.throwIfAny();
    }
    const gtin = checkProduct(input, owner!)!;
    await guardGtin(tx, gtin);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'product',
      before: null,
      write: () =>
        repo.insertProduct(tx, { ...input, gtin, sector: input.sector ?? owner!.sector }).catch((err) => {
          if (isUniqueViolation(err)) throw conflict('registry.gtin-taken', { gtin });
          throw err;
        }),
    });
    return presentProduct(row);
  });
}

export async function updateProduct(
  db: Db,
  id: string,
  patch: ProductPatch,
  actor: Actor,
): Promise<ProductView> {
  return db.transaction(async (tx) => {
    const before = await readableProduct(tx, id, actor);
    if (!canWrite(actor, before)) throw forbidden();
    checkProduct(patch, (await findOrganisation(tx, before.organisationId))!, before);
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'product',
      before,
      write: () => repo.updateProduct(tx, id, { ...patch, ...reviewAfterEdit(before, actor) }),
    });
    return presentProduct(row);
  });
}

export async function readProduct(db: DbOrTx, id: string, actor: Actor): Promise<ProductView> {
  return presentProduct(await readableProduct(db, id, actor));
}

export async function listProducts(
  db: DbOrTx,
  query: ProductListQuery,
  actor: Actor,
): Promise<Page<ProductView>> {
  const { rows, total } = await repo.listProducts(db, readScope(actor), query);
  return { items: rows.map(presentProduct), page: query.page, pageSize: query.pageSize, total };
}

/** For other modules: no access check. Any GTIN length is accepted and padded to GTIN-14. */
export async function getProduct(db: DbOrTx, id: string): Promise<ProductView | null> {
  const row = await repo.findProduct(db, id);
  return row ? presentProduct(row) : null;
}

export async function getProductByGtin(db: DbOrTx, gtin: string): Promise<ProductView | null> {
  if (!/^\d{8,14}$/.test(gtin)) return null;
  const row = await repo.findProductByGtin(db, gtin.padStart(14, '0'));
  return row ? presentProduct(row) : null;
}

export async function getProductsByGtins(db: DbOrTx, gtins: string[]): Promise<ProductView[]> {
  const padded = [...new Set(gtins.filter((g) => /^\d{8,14}$/.test(g)).map((g) => g.padStart(14, '0')))];
  return (await repo.findProductsByGtins(db, padded)).map(presentProduct);
}

/** The version of a product the public sees (published.ts), by GTIN; null when none is public. */
export async function getPublishedProductByGtin(db: DbOrTx, gtin: string): Promise<ProductView | null> {
  if (!/^\d{8,14}$/.test(gtin)) return null;
  const row = publicVersion(products, await repo.findProductByGtin(db, gtin.padStart(14, '0')));
  return row ? presentProduct(row) : null;
}
