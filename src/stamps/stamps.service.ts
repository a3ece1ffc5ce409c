import type { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { type Actor, badRequest, type Db, type DbOrTx, forbidden, notFound } from '../platform/index.ts';
import { getOrganisation } from '../registry/index.ts';
import { submitForReview } from '../review/index.ts';
import './stamps.messages.ts';
import { canRequestStamps, visibleOrganisations } from './stamps.policy.ts';
import { findProduct, normaliseGtin } from './stamps.ports.ts';
import * as repo from './stamps.repo.ts';
import type { stampRequestBody } from './stamps.schema.ts';

/**
 * An organisation asks the department for stamps of one of its products; the request goes to the review
 * queue (`stamp_request`), where approval allocates the serial range (stamps.review.ts).
 */
export async function requestStamps(db: Db, actor: Actor, input: z.infer<typeof stampRequestBody>) {
  if (!canRequestStamps(actor, input.organisationId)) throw forbidden();
  const gtin = normaliseGtin(input.gtin);
  if (!gtin) throw badRequest([{ field: '/gtin', code: 'stamps.gtinInvalid' }]);
  const product = await findProduct(db, gtin);
  if (!product) throw badRequest([{ field: '/gtin', code: 'stamps.productUnknown' }]);
  if (product.organisationId !== input.organisationId)
    throw badRequest([{ field: '/gtin', code: 'stamps.productNotOwned' }]);
  const organisation = await getOrganisation(db, input.organisationId);
  return db.transaction(async (tx) => {
    const row = await repo.insertRequest(tx, {
      organisationId: input.organisationId,
      gtin,
      quantity: input.quantity,
      kind: input.kind,
      note: input.note ?? null,
      requestedBy: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: 'submit',
      entityType: 'stamp_request',
      entityId: row.id,
      organisationId: row.organisationId,
      after: row,
    });
    const item = await submitForReview(tx, {
      entityType: 'stamp_request',
      entityId: row.id,
      organisationId: row.organisationId,
      sector: organisation?.sector ?? null,
      communeCode: organisation?.communeCode ?? null,
      // the queue's title is read by people: 150.000, not 150000
      title: `${input.quantity.toLocaleString('vi-VN')} tem ${input.kind === 'anti_counterfeit' ? 'chống giả' : 'truy xuất'} — ${product.name} (GTIN ${gtin})`,
      actor,
      note: input.note ?? null,
    });
    return { request: row, range: null, reviewItemId: item.id };
  });
}

/** Reserves the request's serials on the GTIN's counter and records the range. */
export async function allocateStampRange(tx: DbOrTx, request: repo.StampRequestRow) {
  const { firstSerial, lastSerial } = await repo.reserveSerials(
    tx,
    request.gtin,
    request.approvedQuantity ?? request.quantity,
  );
  return repo.insertRange(tx, {
    requestId: request.id,
    organisationId: request.organisationId,
    gtin: request.gtin,
    kind: request.kind,
    firstSerial,
    lastSerial,
  });
}

export async function listStampRequests(db: Db, actor: Actor) {
  const rows = await repo.listRequests(db, visibleOrganisations(actor));
  const ranges = await repo.listRanges(db, visibleOrganisations(actor));
  const byRequest = new Map(ranges.map((r) => [r.requestId, r]));
  return rows.map((row) => ({ request: row, range: byRequest.get(row.id) ?? null }));
}

export async function getStampRequest(db: Db, actor: Actor, id: string) {
  const row = await repo.findRequest(db, id);
  const visible = visibleOrganisations(actor);
  if (!row || (visible && !visible.includes(row.organisationId))) throw notFound('stamps.request-not-found');
  const ranges = await repo.listRanges(db, [row.organisationId]);
  return { request: row, range: ranges.find((r) => r.requestId === id) ?? null };
}
