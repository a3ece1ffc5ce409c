import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { captureEpcisDocument } from '../epcis/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type DbOrTx,
  type FieldError,
  Problem,
  type Tx,
} from '../platform/index.ts';
import {
  completeLotFromStage,
  getLocation,
  isOwnedBy,
  type LocationView,
  ownersOfIdentifiers,
} from '../registry/index.ts';
import { stageSubmissions } from './chain.schema.ts';
import { type EpcisEvent, epcisDocument, vietnamLocal } from './epcis-document.ts';
import { checkHarvestRules } from './harvest-rules.ts';
import { checkCalendarDates, checkLotQuantities, checkLotQuantity, checkNotFuture } from './lot-checks.ts';
import { locationUri, resolveCounterpart, selfParty } from './parties.ts';
import { openShipment } from './shipments.service.ts';
import { buildStageEvent, type PartyRef } from './stage-events.ts';
import type { StageForm } from './stages.schema.ts';
import { checkStock, type StockLedger, unitNames } from './stock.ts';
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

/** The registry look-ups a stage form needs; an import memoises them across its rows. */
export interface StageLookups {
  self(): Promise<PartyRef>;
  location(id: string): Promise<LocationView | null>;
}

export const registryLookups = (db: DbOrTx, organisationId: string): StageLookups => ({
  self: () => selfParty(db, organisationId),
  location: (id) => getLocation(db, id),
});

export interface PreparedStage {
  form: StageForm;
  event: EpcisEvent;
  locationId: string;
  self: PartyRef;
  counterpart: PartyRef | null;
}

/** Checks a stage form and builds its EPCIS event, without writing anything; throws 400 naming the fields. */
export async function prepareStage(
  db: DbOrTx,
  organisationId: string,
  form: StageForm,
  lookups: StageLookups = registryLookups(db, organisationId),
): Promise<PreparedStage> {
  const errors = checkForm(form);
  const location = await lookups.location(form.locationId);
  if (!location || location.organisationId !== organisationId)
    errors.push({
      field: '/body/locationId',
      code: 'chain.unknownLocation',
      params: { id: form.locationId },
    });
  let counterpart: PartyRef | null = null;
  if (form.stage === 'ship' || form.stage === 'receive') {
    const field = form.stage === 'ship' ? '/body/to' : '/body/from';
    const input = form.stage === 'ship' ? form.to : form.from;
    const resolved = await resolveCounterpart(db, input, field, organisationId);
    errors.push(...resolved.errors);
    counterpart = resolved.party;
  }
  errors.push(...(await foreignOutputs(db, organisationId, form)));
  if (errors.length || !location) throw badRequest(errors);
  const where = locationUri(location);
  const self = { ...(await lookups.self()), location: where };
  const event = buildStageEvent(form, {
    self,
    location: where,
    growingAreaCode: location.growingAreaCode,
    counterpart,
  });
  return { form, event, locationId: location.id, self, counterpart };
}

/** What a form makes: the harvest's lot, the outputs of processing and packing. */
function outputsOf(form: StageForm): { field: string; gtin: string }[] {
  if (form.stage === 'harvest') return [{ field: '/body/output/gtin', gtin: form.output.gtin }];
  if (form.stage === 'pack' || form.stage === 'preprocess' || form.stage === 'process')
    return (form.outputs ?? []).map((o, i) => ({ field: `/body/outputs/${i}/gtin`, gtin: o.gtin }));
  return [];
}

/**
 * A harvest, processing or packing makes goods under the acting organisation's own GTINs (its company prefixes
 * or its registered products): otherwise a farm could "harvest" a packing house's lot and appear on its stamps.
 */
async function foreignOutputs(db: DbOrTx, organisationId: string, form: StageForm): Promise<FieldError[]> {
  const outputs = outputsOf(form).filter((o) => /^\d{8,14}$/.test(o.gtin));
  if (!outputs.length) return [];
  const idOf = (gtin: string) => `https://id.gs1.org/01/${gtin.padStart(14, '0')}`;
  const owners = await ownersOfIdentifiers(
    db,
    outputs.map((o) => idOf(o.gtin)),
  );
  return outputs
    .filter((o) => !isOwnedBy(owners, idOf(o.gtin), organisationId))
    .map((o) => ({ field: o.field, code: 'chain.outputNotOwn', params: { value: o.gtin } }));
}

/**
 * Rules that depend on other records at write time, registered by the modules that keep those records (the
 * diary: no harvest inside a withdrawal interval).
 */
export async function checkStageAllowed(tx: Tx, stage: PreparedStage, ledger?: StockLedger) {
  const organisationId = stage.self.organisationId;
  // mass balance: never more of a lot than the organisation holds (with what this batch made or used before)
  const errors = organisationId ? await checkStock(tx, organisationId, stage.form, ledger) : [];
  if (errors.length) throw badRequest(errors);
  ledger?.book(stage.form);
  if (stage.form.stage !== 'harvest') return;
  await checkHarvestRules(
    tx,
    stage.locationId,
    vietnamLocal(stage.form.eventTime).slice(0, 10),
    '/body/eventTime',
  );
}

/**
 * Captures prepared stages as one EPCIS document through the epcis service, and records every shipment (the
 * receiver's inbox entry when it is on the platform, the sender's own record when it is not). Capture errors name `/epcisBody/eventList/{index}`.
 */
export async function persistStages(tx: Tx, organisationId: string, stages: PreparedStage[]) {
  const { captureId, eventIds } = await captureEpcisDocument(
    tx as unknown as Db,
    epcisDocument(stages.map((s) => s.event)),
    { organisationId },
  );
  const shipmentIds: (string | null)[] = [];
  for (const [i, stage] of stages.entries()) {
    const { form, counterpart } = stage;
    // the harvest's lot (noted in the registry by the capture) takes its quantity, unit, date and place
    if (form.stage === 'harvest')
      await completeLotFromStage(tx, organisationId, {
        ...form.output,
        unit: unitNames[form.output.unit]?.vi ?? form.output.unit,
        productionDate: form.harvestEndDate ?? vietnamLocal(form.eventTime).slice(0, 10),
        expiryDate: form.expiryDate,
        locationId: stage.locationId,
      });
    shipmentIds.push(
      form.stage === 'ship' && counterpart
        ? await openShipment(tx, { form, eventId: eventIds[i], sender: stage.self, receiver: counterpart })
        : null,
    );
  }
  return { captureId, eventIds, shipmentIds };
}

/** The form's content as compared between two submissions of one id: keys sorted, its id and organisation left out. */
export function stageDigest(form: StageForm): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  const { id: _id, organisationId: _org, ...content } = form;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(sorted(content)))
    .digest('hex');
}

type Submission = typeof stageSubmissions.$inferSelect;

async function findSubmission(db: DbOrTx, id: string): Promise<Submission | null> {
  const [row] = await db.select().from(stageSubmissions).where(eq(stageSubmissions.id, id));
  return row ?? null;
}

/** The same organisation sending the same form again gets what was recorded; anything else is a conflict that tells nothing. */
function repeatOf(row: Submission, organisationId: string, form: StageForm): RecordedStage {
  if (row.organisationId === organisationId && row.contentDigest === stageDigest(form)) return row.result;
  throw new Problem(409, 'stage-id-taken', { errors: [{ field: '/body/id', code: 'chain.stageIdTaken' }] });
}

/**
 * Records one stage: builds the EPCIS event and captures it through the epcis service. A shipment to an
 * organisation on the platform also lands in the receiver's inbox, in the same transaction. A form sent with its
 * own id (decision 061) is recorded once: a repeat of the same content answers the recorded stage
 * (`created: false`), other content or another organisation's id is a 409.
 */
export async function recordStageOnce(
  db: Db,
  actor: Actor,
  organisationId: string,
  form: StageForm,
): Promise<{ recorded: RecordedStage; created: boolean }> {
  // a repeat is answered before today's checks: what was recorded stays recorded, whatever changed since
  const earlier = form.id ? await findSubmission(db, form.id) : null;
  if (earlier) return { recorded: repeatOf(earlier, organisationId, form), created: false };
  const stage = await prepareStage(db, organisationId, form);
  return db.transaction(async (tx) => {
    if (form.id) {
      // two submissions of one id at once: the second waits here and finds the first's row
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`stage-submission:${form.id}`}, 0))`,
      );
      const stored = await findSubmission(tx, form.id);
      if (stored) return { recorded: repeatOf(stored, organisationId, form), created: false };
    }
    await checkStageAllowed(tx, stage);
    const { captureId, eventIds, shipmentIds } = await persistStages(tx, organisationId, [stage]);
    const recorded: RecordedStage = {
      stage: form.stage,
      eventId: eventIds[0],
      eventType: stage.event.type,
      captureId,
      shipmentId: shipmentIds[0],
    };
    if (form.id)
      await tx.insert(stageSubmissions).values({
        id: form.id,
        organisationId,
        contentDigest: stageDigest(form),
        result: recorded,
      });
    await recordAudit(tx, {
      actor,
      action: 'record',
      entityType: 'stage',
      entityId: recorded.eventId,
      organisationId,
      // `lot` names the entry in the log: "ghi nhận công đoạn thu hoạch, lô CC2606-01"
      after: { ...recorded, lot: stageLabel(form) },
    });
    return { recorded, created: true };
  });
}

/** Records one stage (see recordStageOnce) and answers it, new or repeated. */
export async function recordStage(db: Db, actor: Actor, organisationId: string, form: StageForm) {
  return (await recordStageOnce(db, actor, organisationId, form)).recorded;
}

const stageWords: Record<StageForm['stage'], string> = {
  harvest: 'thu hoạch',
  preprocess: 'sơ chế',
  process: 'chế biến',
  pack: 'đóng gói',
  store: 'lưu kho',
  ship: 'xuất hàng',
  receive: 'nhận hàng',
  sell: 'bán lẻ',
};

/** The stage and the lots it touched, as the audit log names the entry. */
export function stageLabel(form: StageForm): string {
  const lines = Object.values(form).flatMap((value) =>
    Array.isArray(value) ? value : value && typeof value === 'object' && 'lot' in value ? [value] : [],
  );
  const lots = [
    ...new Set(lines.map((line) => (line as { lot?: unknown }).lot).filter((l) => typeof l === 'string')),
  ];
  return lots.length ? `${stageWords[form.stage]}, lô ${lots.join(', ')}` : stageWords[form.stage];
}
