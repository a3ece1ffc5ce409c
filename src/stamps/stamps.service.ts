import type { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../platform/auth.ts';
import type { Db, DbOrTx } from '../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/problem.ts';
import './stamps.messages.ts';
import { canDecideStampRequest, canRequestStamps, visibleOrganisations } from './stamps.policy.ts';
import { findProduct, normaliseGtin } from './stamps.ports.ts';
import * as repo from './stamps.repo.ts';
import type { stampDecisionBody, stampRequestBody } from './stamps.schema.ts';

/** An organisation asks the department for stamps of one of its products. */
export async function requestStamps(db: Db, actor: Actor, input: z.infer<typeof stampRequestBody>) {
  if (!canRequestStamps(actor, input.organisationId)) throw forbidden();
  const gtin = normaliseGtin(input.gtin);
  if (!gtin) throw badRequest([{ field: '/gtin', code: 'stamps.gtinInvalid' }]);
  const product = await findProduct(db, gtin);
  if (!product) throw badRequest([{ field: '/gtin', code: 'stamps.productUnknown' }]);
  if (product.organisationId !== input.organisationId)
    throw badRequest([{ field: '/gtin', code: 'stamps.productNotOwned' }]);
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
    return { request: row, range: null };
  });
}

/**
 * The department approves (allocating the serial range in the same transaction) or refuses with a reason.
 * Only a submitted request can be decided, once.
 */
export async function decideStampRequest(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof stampDecisionBody>,
) {
  if (!canDecideStampRequest(actor)) throw forbidden();
  const reason = input.reason?.trim() || null;
  if (input.decision === 'refuse' && !reason)
    throw badRequest([{ field: '/reason', code: 'stamps.reasonRequired' }]);
  return db.transaction(async (tx) => {
    const decided = await repo.decideRequest(tx, id, {
      status: input.decision === 'approve' ? 'approved' : 'refused',
      reason,
      decidedBy: actor.id,
    });
    if (!decided) {
      if (await repo.findRequest(tx, id)) throw conflict('stamps.already-decided');
      throw notFound('stamps.request-not-found');
    }
    const range = decided.status === 'approved' ? await allocateStampRange(tx, decided) : null;
    await recordAudit(tx, {
      actor,
      action: input.decision === 'approve' ? 'approve' : 'reject',
      entityType: 'stamp_request',
      entityId: id,
      organisationId: decided.organisationId,
      after: { status: decided.status, reason, range },
    });
    return { request: decided, range };
  });
}

/** Reserves the request's serials on the GTIN's counter and records the range. */
export async function allocateStampRange(tx: DbOrTx, request: repo.StampRequestRow) {
  const { firstSerial, lastSerial } = await repo.reserveSerials(tx, request.gtin, request.quantity);
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
