import type { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import { captureEpcisDocument } from '../epcis/index.ts';
import {
  type Actor,
  badRequest,
  conflict,
  type Db,
  type DbOrTx,
  forbidden,
  notFound,
  requireOrganisation,
  type Tx,
} from '../platform/index.ts';
import { getOrganisationsByIds, mayReadOrganisationData } from '../registry/index.ts';
import type { ShipmentState } from './chain.schema.ts';
import { epcisDocument, gtin14, lotClassId } from './epcis-document.ts';
import { checkCalendarDates, checkNotFuture } from './lot-checks.ts';
import { locationUri, ownLocation } from './parties.ts';
import * as repo from './shipments.repo.ts';
import type { ShipmentResponse } from './shipments.schema.ts';
import { bizTransactionLinks, buildReceivingEvent, type PartyRef, partyLinks } from './stage-events.ts';
import type { shipForm } from './stages.schema.ts';

/**
 * Records a shipment inside the capture transaction: to an organisation on the platform it opens the receiver's
 * inbox entry; to an outside party it is kept, `outside`, for the sender's list and the recall sheet.
 */
export async function openShipment(
  tx: Tx,
  opts: { form: z.infer<typeof shipForm>; eventId: string; sender: PartyRef; receiver: PartyRef },
) {
  const onPlatform = Boolean(opts.receiver.organisationId);
  const row = await repo.insertShipment(tx, {
    senderOrganisationId: opts.sender.organisationId!,
    receiverOrganisationId: opts.receiver.organisationId ?? null,
    receiverName: onPlatform ? null : opts.receiver.name,
    state: onPlatform ? 'pending' : 'outside',
    shippingEventId: opts.eventId,
    shippedAt: new Date(opts.form.eventTime),
    items: opts.form.items.map((i) => ({
      id: lotClassId(i.gtin, i.lot),
      gtin: gtin14(i.gtin),
      lot: i.lot,
      quantity: i.quantity,
      unit: i.unit,
    })),
    sources: partyLinks(opts.sender),
    destinations: partyLinks(opts.receiver),
    bizTransactions: bizTransactionLinks(opts.form.documents),
  });
  return row.id;
}

export async function listShipments(
  db: DbOrTx,
  actor: Actor,
  side: 'incoming' | 'outgoing',
  query: { organisationId?: string; state?: ShipmentState; page: number; pageSize: number },
) {
  if (query.organisationId) requireOrganisation(actor, query.organisationId);
  const organisationIds = query.organisationId ? [query.organisationId] : actor.organisationIds;
  const { rows, total } = organisationIds.length
    ? await repo.listShipments(db, { side, organisationIds, ...query })
    : { rows: [], total: 0 };
  return { items: await present(db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** Only the sender and the receiver see a shipment, and the officers who supervise either. */
export async function getShipment(db: DbOrTx, actor: Actor, id: string): Promise<ShipmentResponse> {
  const row = await repo.findShipment(db, id);
  if (!row || !(await mayRead(db, actor, row))) throw notFound();
  return (await present(db, [row]))[0];
}

/** Its sender and receiver, and the officers who may read either party's data (the registry's rule). */
const mayRead = async (db: DbOrTx, actor: Actor, row: repo.ShipmentRow) =>
  (await mayReadOrganisationData(db, actor, row.senderOrganisationId)) ||
  (row.receiverOrganisationId !== null &&
    (await mayReadOrganisationData(db, actor, row.receiverOrganisationId)));

/** Locks a pending shipment for its receiver's decision; anyone else is refused. */
/** The receiving organisation of a shipment that passed `pendingForReceiver` (only those on the platform do). */
const receiverOf = (row: repo.ShipmentRow) => row.receiverOrganisationId as string;

async function pendingForReceiver(tx: Tx, actor: Actor, id: string) {
  const row = await repo.findShipmentForUpdate(tx, id);
  if (!row || !(await mayRead(tx, actor, row))) throw notFound();
  if (!row.receiverOrganisationId || !actor.organisationIds.includes(row.receiverOrganisationId))
    throw forbidden('chain-not-receiver');
  if (row.state !== 'pending') throw conflict('chain-shipment-decided', { state: row.state });
  return row;
}

/** The receiver confirms: a receiving event naming the sender as source, captured for the receiver. */
export async function receiveShipment(
  db: Db,
  actor: Actor,
  id: string,
  input: { locationId?: string; eventTime?: string },
): Promise<ShipmentResponse> {
  const row = await db.transaction(async (tx) => {
    const shipment = await pendingForReceiver(tx, actor, id);
    const dateErrors = checkCalendarDates({ '/body/eventTime': input.eventTime });
    if (dateErrors.length) throw badRequest(dateErrors);
    const eventTime = input.eventTime ? new Date(input.eventTime) : new Date();
    const errors = checkNotFuture(eventTime, '/body/eventTime');
    if (eventTime < shipment.shippedAt)
      errors.push({ field: '/body/eventTime', code: 'chain.receivedBeforeShipped' });
    let location = shipment.destinations.find((d) => d.type === 'location')?.value ?? null;
    if (input.locationId) {
      const found = await ownLocation(tx, input.locationId, receiverOf(shipment), '/body/locationId');
      errors.push(...found.errors);
      if (found.location) location = locationUri(found.location);
    }
    if (errors.length) throw badRequest(errors);
    const event = buildReceivingEvent({
      ...shipment,
      eventTime,
      location,
      shipmentEventId: shipment.shippingEventId,
    });
    const { eventIds } = await captureEpcisDocument(tx as unknown as Db, epcisDocument([event]), {
      organisationId: receiverOf(shipment),
    });
    const updated = await repo.updateShipment(tx, id, {
      state: 'received',
      receivingEventId: eventIds[0] ?? event.eventID,
      decidedAt: new Date(),
      decidedBy: actor.id,
    });
    await audit(tx, actor, updated, 'receive');
    return updated;
  });
  return (await present(db, [row]))[0];
}

/** The receiver disputes (wrong goods, quantity, quality): the sender sees the state and the reason. */
export async function disputeShipment(
  db: Db,
  actor: Actor,
  id: string,
  reason: string,
): Promise<ShipmentResponse> {
  const row = await db.transaction(async (tx) => {
    await pendingForReceiver(tx, actor, id);
    const updated = await repo.updateShipment(tx, id, {
      state: 'disputed',
      disputeReason: reason,
      decidedAt: new Date(),
      decidedBy: actor.id,
    });
    await audit(tx, actor, updated, 'dispute');
    return updated;
  });
  return (await present(db, [row]))[0];
}

const audit = (tx: Tx, actor: Actor, row: repo.ShipmentRow, action: string) =>
  recordAudit(tx, {
    actor,
    action,
    entityType: 'shipment',
    entityId: row.id,
    organisationId: receiverOf(row),
    after: { state: row.state, receivingEventId: row.receivingEventId, disputeReason: row.disputeReason },
  });

async function present(db: DbOrTx, rows: repo.ShipmentRow[]): Promise<ShipmentResponse[]> {
  const ids = rows.flatMap((r) => [
    r.senderOrganisationId,
    ...(r.receiverOrganisationId ? [r.receiverOrganisationId] : []),
  ]);
  const names = new Map((ids.length ? await getOrganisationsByIds(db, ids) : []).map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    state: r.state as ShipmentState,
    sender: { organisationId: r.senderOrganisationId, name: names.get(r.senderOrganisationId) ?? null },
    receiver: r.receiverOrganisationId
      ? { organisationId: r.receiverOrganisationId, name: names.get(r.receiverOrganisationId) ?? null }
      : { organisationId: null, name: r.receiverName },
    shippedAt: r.shippedAt.toISOString(),
    shippingEventId: r.shippingEventId,
    receivingEventId: r.receivingEventId,
    items: r.items,
    sources: r.sources,
    destinations: r.destinations,
    bizTransactions: r.bizTransactions,
    disputeReason: r.disputeReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}
