import { and, eq, sql } from 'drizzle-orm';
import { lastAuditedChange } from '../audit/index.ts';
import { type Actor, conflict, type Db, type DbOrTx, forbidden, notFound } from '../platform/index.ts';
import { writeWithAudit } from './audited-write.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { Page } from './list-query.ts';
import { findLocation } from './location.repo.ts';
import { presentLot } from './lot.presenter.ts';
import * as repo from './lot.repo.ts';
import {
  type LotInput,
  type LotListQuery,
  type LotPatch,
  type LotStatus,
  type LotView,
  lotNumberPattern,
} from './lot.schema.ts';
import { findProduct } from './product.repo.ts';
import { notifyPublication } from './publication-listeners.ts';
import { publicVersion } from './published.ts';
import {
  canChangeLotStatus,
  canRead,
  canWrite,
  lotStatusExit,
  type RowScope,
  readScope,
} from './registry.policy.ts';
import { lots } from './registry.schema.ts';
import { reviewAfterEdit } from './review-after-edit.ts';
import { checkDateOrder, FieldErrors } from './validate.ts';

const lotScope = (row: repo.ScopedLotRow): RowScope => ({
  organisationId: row.organisationId,
  sector: row.productSector ?? row.ownerSector,
  communeCode: row.ownerCommune,
});

/** Checks dates, producing location and input lots against the lot's owner. */
async function checkLot(
  db: DbOrTx,
  actor: Actor,
  organisationId: string,
  input: LotPatch,
  current?: repo.LotRow,
) {
  const errors = new FieldErrors();
  checkDateOrder(
    errors,
    'expiryDate',
    input.productionDate ?? current?.productionDate,
    input.expiryDate ?? current?.expiryDate,
    'registry.expiryBeforeProduction',
  );
  if (input.locationId) {
    const location = await findLocation(db, input.locationId);
    if (!location || location.organisationId !== organisationId)
      errors.add('locationId', 'registry.unknownLocation');
  }
  // an input lot must be one the caller can see: naming another firm's lot as a source would put it in this
  // lot's history; another organisation's lot answers like a missing one
  for (const [i, id] of (input.inputLotIds ?? []).entries()) {
    const lot = id === current?.id ? null : await repo.findLot(db, id);
    if (!lot || !canRead(actor, lotScope(lot))) errors.add(`inputLotIds/${i}`, 'registry.unknownLot', { id });
  }
  errors.throwIfAny();
}

async function readableLot(db: DbOrTx, id: string, actor: Actor) {
  const row = await repo.findLot(db, id);
  if (!row || !canRead(actor, lotScope(row))) throw notFound('registry.lot-not-found');
  return row;
}

export async function createLot(db: Db, input: LotInput, actor: Actor): Promise<LotView> {
  const errors = new FieldErrors();
  if (!lotNumberPattern.test(input.lot)) errors.add('lot', 'registry.lotSyntax');
  errors.throwIfAny();
  return db.transaction(async (tx) => {
    const product = await findProduct(tx, input.productId);
    if (!product || !canWrite(actor, product)) {
      const productErrors = new FieldErrors();
      productErrors.add('productId', 'registry.unknownProduct');
      productErrors.throwIfAny();
    }
    await checkLot(tx, actor, product!.organisationId, input);
    const gtin = product!.gtin;
    if (await repo.findLotByKey(tx, gtin, input.lot))
      throw conflict('registry.lot-taken', { gtin, lot: input.lot });
    const row = await writeWithAudit(tx, {
      actor,
      entityType: 'lot',
      before: null,
      write: () =>
        repo.insertLot(tx, { ...input, gtin, organisationId: product!.organisationId }).catch((err) => {
          if (isUniqueViolation(err)) throw conflict('registry.lot-taken', { gtin, lot: input.lot });
          throw err;
        }),
    });
    return presentLot((await repo.findLot(tx, row.id))!);
  });
}

export async function updateLot(db: Db, id: string, patch: LotPatch, actor: Actor): Promise<LotView> {
  return db.transaction(async (tx) => {
    const before = await readableLot(tx, id, actor);
    if (!canWrite(actor, before)) throw forbidden();
    await checkLot(tx, actor, before.organisationId, patch, before);
    await writeWithAudit(tx, {
      actor,
      entityType: 'lot',
      before,
      write: () => repo.updateLot(tx, id, { ...patch, ...reviewAfterEdit(before, actor) }),
    });
    return presentLot((await repo.findLot(tx, id))!);
  });
}

/** Holding, recalling or destroying a lot; the note is kept in the audit log. */
export async function setLotStatus(
  db: Db,
  id: string,
  change: { status: LotStatus; note?: string },
  actor: Actor,
): Promise<LotView> {
  return db.transaction(async (tx) => {
    const before = await readableLot(tx, id, actor);
    if (!canChangeLotStatus(actor, lotScope(before))) throw forbidden();
    if (before.status !== change.status) {
      const exit = lotStatusExit(actor, before.status);
      if (exit === 'final') throw conflict('registry.lot-destroyed');
      if (exit === 'forbidden') throw forbidden('registry.lift-recall');
    }
    // a recall reaches the public at once and the people who hold the goods: it says why
    if (change.status === 'recalled' && before.status !== 'recalled' && !change.note) {
      const errors = new FieldErrors();
      errors.add('note', 'registry.recallReason');
      errors.throwIfAny();
    }
    await writeWithAudit(tx, {
      actor,
      entityType: 'lot',
      action: `status:${change.status}`,
      before,
      write: () => repo.updateLot(tx, id, { status: change.status }),
      logged: (row) => ({
        before: { status: before.status },
        after: { status: row.status, note: change.note ?? null },
      }),
    });
    if (before.status !== change.status)
      await notifyPublication(tx, {
        entity: 'lot',
        id,
        organisationId: before.organisationId,
        change: 'status',
        reason: change.note ?? null,
      });
    return withStatusChange(tx, presentLot((await repo.findLot(tx, id))!));
  });
}

export async function readLot(db: DbOrTx, id: string, actor: Actor): Promise<LotView> {
  return withStatusChange(db, presentLot(await readableLot(db, id, actor)));
}

/** One lot's page tells why it is on hold or recalled, from the audit row of its latest status change. */
async function withStatusChange(db: DbOrTx, lot: LotView): Promise<LotView> {
  const last = await lastAuditedChange(db, { entityType: 'lot', entityId: lot.id, actionPrefix: 'status:' });
  const after = (last?.after ?? {}) as { note?: string | null };
  return {
    ...lot,
    statusChange: last
      ? { note: after.note ?? null, at: last.at.toISOString(), byName: last.actorName }
      : null,
  };
}

export async function listLots(db: DbOrTx, query: LotListQuery, actor: Actor): Promise<Page<LotView>> {
  const { rows, total } = await repo.listLots(db, readScope(actor), query);
  return { items: rows.map(presentLot), page: query.page, pageSize: query.pageSize, total };
}

/** For other modules: no access check. */
export async function getLot(db: DbOrTx, id: string): Promise<LotView | null> {
  const row = await repo.findLot(db, id);
  return row ? presentLot(row) : null;
}

export async function getLotByKey(db: DbOrTx, key: { gtin: string; lot: string }): Promise<LotView | null> {
  if (!/^\d{8,14}$/.test(key.gtin)) return null;
  const row = await repo.findLotByKey(db, key.gtin.padStart(14, '0'), key.lot);
  return row ? presentLot(row) : null;
}

export async function getLotsByKeys(db: DbOrTx, keys: { gtin: string; lot: string }[]): Promise<LotView[]> {
  const valid = keys
    .filter((k) => /^\d{8,14}$/.test(k.gtin))
    .map((k) => ({ ...k, gtin: k.gtin.padStart(14, '0') }));
  return (await repo.findLotsByKeys(db, valid)).map(presentLot);
}

/** The version of a lot the public sees (published.ts); null when none is public. */
export async function getPublishedLotByKey(
  db: DbOrTx,
  key: { gtin: string; lot: string },
): Promise<LotView | null> {
  if (!/^\d{8,14}$/.test(key.gtin)) return null;
  // a recall (the lot's status) reaches the public at once, whatever edit waits for review
  const row = publicVersion(lots, await repo.findLotByKey(db, key.gtin.padStart(14, '0'), key.lot), [
    'status',
  ]);
  return row ? presentLot(row) : null;
}

/**
 * A lot's status as it is this instant, for callers that keep the rest of a published lot in a cache: a recall
 * must reach the next scan, not the next cache refresh. Null when no such lot is registered.
 */
export async function getLotStatusByKey(
  db: DbOrTx,
  key: { gtin: string; lot: string },
): Promise<LotStatus | null> {
  if (!/^\d{8,14}$/.test(key.gtin)) return null;
  const [row] = await db
    .select({ status: lots.status })
    .from(lots)
    .where(and(eq(lots.gtin, key.gtin.padStart(14, '0')), eq(lots.lot, key.lot)));
  return (row?.status as LotStatus | undefined) ?? null;
}

/**
 * Fills what a lot row does not say yet from the stage that made it (a harvest: its quantity, unit, date and place),
 * while it is a draft, so the lot passes the pre-checks it is later reviewed against. What the row already says is kept; nothing is
 * audited as a person's edit (the stage itself is).
 */
export async function completeLotFromStage(
  db: DbOrTx,
  organisationId: string,
  made: {
    gtin: string;
    lot: string;
    quantity: number;
    unit: string;
    productionDate: string;
    expiryDate?: string;
    locationId: string;
  },
) {
  await db
    .update(lots)
    .set({
      quantity: sql`COALESCE(${lots.quantity}, ${made.quantity})`,
      unit: sql`COALESCE(${lots.unit}, ${made.unit})`,
      productionDate: sql`COALESCE(${lots.productionDate}, ${made.productionDate}::date)`,
      expiryDate: sql`COALESCE(${lots.expiryDate}, ${made.expiryDate ?? null}::date)`,
      locationId: sql`COALESCE(${lots.locationId}, ${made.locationId}::uuid)`,
    })
    .where(
      and(
        eq(lots.gtin, made.gtin.padStart(14, '0')),
        eq(lots.lot, made.lot),
        eq(lots.organisationId, organisationId),
        // a reviewed lot changes only by its owner's edit
        eq(lots.reviewStatus, 'draft'),
      ),
    );
}
