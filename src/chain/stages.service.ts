import { recordAudit } from '../audit/audit.service.ts';
import { captureEpcisDocument } from '../epcis/epcis.service.ts';
import type { Actor } from '../platform/auth.ts';
import type { Db } from '../platform/db.ts';
import { badRequest, type FieldError } from '../platform/problem.ts';
import { epcisDocument } from './epcis-document.ts';
import { checkCalendarDates, checkLotQuantities, checkLotQuantity, checkNotFuture } from './lot-checks.ts';
import { locationUri, ownLocation, resolveCounterpart, selfParty } from './parties.ts';
import { openShipment } from './shipments.service.ts';
import { buildStageEvent, type PartyRef } from './stage-events.ts';
import type { StageForm } from './stages.schema.ts';
import './chain.messages.ts';

export interface RecordedStage {
  stage: string;
  eventId: string;
  eventType: string;
  captureId: string;
  shipmentId: string | null;
}

/** Field checks the zod schema cannot make: GS1 keys, dates in order, parties and locations that exist. */
function checkForm(form: StageForm): FieldError[] {
  const errors = checkCalendarDates({
    '/body/eventTime': form.eventTime,
    '/body/harvestStartDate': 'harvestStartDate' in form ? form.harvestStartDate : undefined,
    '/body/harvestEndDate': 'harvestEndDate' in form ? form.harvestEndDate : undefined,
    '/body/productionDate': 'productionDate' in form ? form.productionDate : undefined,
    '/body/expiryDate': 'expiryDate' in form ? form.expiryDate : undefined,
  });
  if (errors.length) return errors;
  errors.push(...checkNotFuture(form.eventTime, '/body/eventTime'));
  switch (form.stage) {
    case 'harvest':
      errors.push(...checkLotQuantity(form.output, '/body/output'));
      if (form.harvestStartDate && form.harvestEndDate && form.harvestEndDate < form.harvestStartDate)
        errors.push({ field: '/body/harvestEndDate', code: 'chain.endBeforeStart' });
      if (form.expiryDate && form.expiryDate <= (form.harvestEndDate ?? form.eventTime.slice(0, 10)))
        errors.push({ field: '/body/expiryDate', code: 'chain.expiryNotAfterProduction' });
      break;
    case 'pack':
      if (form.sscc && !/^\d{18}$/.test(form.sscc))
        errors.push({ field: '/body/sscc', code: 'chain.invalidSscc' });
      if (!form.sscc && !form.outputs?.length)
        errors.push({ field: '/body/outputs', code: 'chain.packNeedsOutput' });
      errors.push(
        ...checkLotQuantities(form.inputs, '/body/inputs'),
        ...checkLotQuantities(form.outputs, '/body/outputs'),
      );
      break;
    case 'preprocess':
    case 'process':
      errors.push(
        ...checkLotQuantities(form.inputs, '/body/inputs'),
        ...checkLotQuantities(form.outputs, '/body/outputs'),
      );
      if (form.productionDate && form.expiryDate && form.expiryDate <= form.productionDate)
        errors.push({ field: '/body/expiryDate', code: 'chain.expiryNotAfterProduction' });
      break;
    default:
      errors.push(...checkLotQuantities(form.items, '/body/items'));
  }
  return errors;
}

/**
 * Records one stage: builds the EPCIS event and captures it through the epcis service. A shipment to an
 * organisation on the platform also lands in the receiver's inbox, in the same transaction.
 */
export async function recordStage(db: Db, actor: Actor, organisationId: string, form: StageForm) {
  const errors = checkForm(form);
  const { location, errors: locationErrors } = await ownLocation(
    db,
    form.locationId,
    organisationId,
    '/body/locationId',
  );
  errors.push(...locationErrors);
  let counterpart: PartyRef | null = null;
  if (form.stage === 'ship' || form.stage === 'receive') {
    const field = form.stage === 'ship' ? '/body/to' : '/body/from';
    const resolved = await resolveCounterpart(
      db,
      form.stage === 'ship' ? form.to : form.from,
      field,
      organisationId,
    );
    errors.push(...resolved.errors);
    counterpart = resolved.party;
  }
  if (errors.length || !location) throw badRequest(errors);

  const self = await selfParty(db, organisationId);
  const where = locationUri(location);
  const event = buildStageEvent(form, {
    self: { ...self, location: where },
    location: where,
    growingAreaCode: location.growingAreaCode,
    counterpart,
  });
  return db.transaction(async (tx) => {
    const { captureId, eventIds } = await captureEpcisDocument(tx as unknown as Db, epcisDocument([event]), {
      organisationId,
    });
    let shipmentId: string | null = null;
    if (form.stage === 'ship' && counterpart?.organisationId) {
      const eventId = eventIds[0] ?? event.eventID;
      shipmentId = await openShipment(tx, {
        form,
        eventId,
        sender: { ...self, location: where },
        receiver: counterpart,
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'record',
      entityType: 'stage',
      entityId: eventIds[0] ?? event.eventID,
      organisationId,
      after: { stage: form.stage, eventId: event.eventID, shipmentId },
    });
    return {
      stage: form.stage,
      eventId: eventIds[0] ?? event.eventID,
      eventType: event.type,
      captureId,
      shipmentId,
    } satisfies RecordedStage;
  });
}
