import crypto from 'node:crypto';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import {
  checkStageAllowed,
  epcisDocument,
  eventHeader,
  gtin14,
  listShipments,
  locationUri,
  persistStages,
  prepareStage,
  receiveShipment,
  type ShipmentResponse,
  VIETNAM_OFFSET,
} from '../chain/index.ts';
import { captureEpcisDocument } from '../epcis/index.ts';
import { buildDigitalLink, parseGs1 } from '../gs1/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type DbOrTx,
  type FieldError,
  forbidden,
  isStaff,
  isUuid,
  localToday,
  notFound,
  Problem,
  requireOrganisation,
  type Tx,
} from '../platform/index.ts';
import {
  administrativeUnits,
  findAdministrativeUnit,
  getLocation,
  getLocationsByIds,
  getLotByKey,
  getLotsByKeys,
  getOrganisation,
  getOrganisationsByIds,
  getProductsByGtins,
} from '../registry/index.ts';
import { verifyStamp } from '../stamps/index.ts';
import type {
  DishView,
  dishInput,
  KitchenView,
  kitchenInput,
  OverviewView,
  ReceiptView,
  receiveInput,
  SampleView,
  sampleInput,
} from './kitchens.api.ts';
import { inScope, kitchenScope } from './kitchens.policy.ts';
import * as repo from './kitchens.repo.ts';
import './kitchens.messages.ts';

const DAY = 86_400_000;
/** Vietnamese rules keep a sample of each dish for at least 24 hours (lưu mẫu thức ăn). */
export const SAMPLE_HOURS = 24;

/** The public page of a kitchen, for parents. */
export const publicKitchenPath = (id: string) => `/bep-an/${id}`;

// ---------- kitchens

export async function createKitchen(
  db: Db,
  actor: Actor,
  input: z.infer<typeof kitchenInput>,
): Promise<KitchenView> {
  const organisationId = input.organisationId ?? soleOrganisation(actor);
  requireOrganisation(actor, organisationId);
  const row = await db
    .transaction(async (tx) => {
      const location = await getLocation(tx, input.locationId);
      const errors: FieldError[] = [];
      if (!location || location.organisationId !== organisationId)
        errors.push({ field: '/body/locationId', code: 'kitchens.unknownLocation' });
      else if (location.type !== 'school_kitchen')
        errors.push({ field: '/body/locationId', code: 'kitchens.notSchoolKitchen' });
      else if (await repo.findKitchenByLocation(tx, location.id))
        errors.push({ field: '/body/locationId', code: 'kitchens.locationTaken' });
      if (errors.length || !location) throw badRequest(errors);
      const kitchen = await repo.insertKitchen(tx, {
        organisationId,
        locationId: location.id,
        name: input.name ?? location.name,
        communeCode: location.communeCode,
      });
      await recordAudit(tx, {
        actor,
        action: 'create',
        entityType: 'kitchen',
        entityId: kitchen.id,
        organisationId,
        after: { name: kitchen.name, locationId: kitchen.locationId, lot: kitchen.name },
      });
      return kitchen;
    })
    .catch((e) => {
      // the same location registered twice at once: the second meets the unique index
      if (isUniqueViolation(e))
        throw badRequest([{ field: '/body/locationId', code: 'kitchens.locationTaken' }]);
      throw e;
    });
  return (await presentKitchens(db, [row]))[0];
}

function soleOrganisation(actor: Actor): string {
  if (actor.organisationIds.length === 1) return actor.organisationIds[0];
  throw badRequest([{ field: '/body/organisationId', code: 'field.required' }]);
}

export async function listKitchens(db: DbOrTx, actor: Actor): Promise<KitchenView[]> {
  return presentKitchens(db, await repo.listKitchens(db, kitchenScope(actor)));
}

export async function getKitchen(db: DbOrTx, actor: Actor, id: string): Promise<KitchenView> {
  return (await presentKitchens(db, [await readable(db, actor, id)]))[0];
}

/** A kitchen the actor may read; 404 for any other, so one organisation learns nothing of another's kitchens. */
async function readable(db: DbOrTx, actor: Actor, id: string): Promise<repo.KitchenRow> {
  const kitchen = isUuid(id) ? await repo.findKitchen(db, id) : null;
  if (!kitchen || !inScope(kitchenScope(actor), kitchen)) throw notFound();
  return kitchen;
}

/** A kitchen the actor records for: only the school's or caterer's own people and keys. */
async function writable(db: DbOrTx, actor: Actor, id: string): Promise<repo.KitchenRow> {
  if (isStaff(actor)) {
    await readable(db, actor, id);
    throw new Problem(403, 'kitchens-staff-cannot-record');
  }
  const kitchen = await readable(db, actor, id);
  if (!actor.organisationIds.includes(kitchen.organisationId)) throw forbidden();
  return kitchen;
}

async function presentKitchens(db: DbOrTx, rows: repo.KitchenRow[]): Promise<KitchenView[]> {
  const ids = [...new Set(rows.map((r) => r.organisationId))];
  const names = new Map((ids.length ? await getOrganisationsByIds(db, ids) : []).map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: names.get(r.organisationId) ?? null,
    locationId: r.locationId,
    name: r.name,
    communeCode: r.communeCode,
    communeName: r.communeCode ? (findAdministrativeUnit(r.communeCode)?.name ?? null) : null,
    publicUrl: publicKitchenPath(r.id),
    createdAt: r.createdAt.toISOString(),
  }));
}

// ---------- receiving

/** What a scanned or pasted code names: a lot (by a stamp or a lot's code) or a shipment. */
type Scanned =
  | { kind: 'shipment'; shipmentId: string }
  | { kind: 'lot'; gtin: string; lot: string; supplierOrganisationId: string; stamp: string | null };

const codeField = '/body/code';
const codeError = (code: string, params?: Record<string, unknown>) =>
  badRequest([{ field: codeField, code, params }]);

/** Reads the code: a shipment's id, a stamp's Digital Link (any domain) or element string, or a lot's. */
async function readCode(db: Db, code: string): Promise<Scanned> {
  const text = code.trim();
  if (isUuid(text)) return { kind: 'shipment', shipmentId: text.toLowerCase() };
  let ais: { ai: string; value: string }[];
  try {
    ais = parseGs1(text);
  } catch {
    throw codeError('kitchens.codeUnreadable');
  }
  const value = (ai: string) => ais.find((a) => a.ai === ai)?.value ?? null;
  const gtin = value('01');
  if (!gtin) throw codeError('kitchens.codeUnreadable');
  const serial = value('21');
  const printedLot = value('10');
  if (serial) {
    let secret: string | null = null;
    try {
      secret = /^https?:\/\//i.test(text) ? new URL(text).searchParams.get('s') : null;
    } catch {
      secret = null;
    }
    const stamp = await verifyStamp(db, { gtin: gtin14(gtin), serial, lot: printedLot, secret });
    if (stamp.status === 'unknown') throw codeError('kitchens.stampUnknown');
    if (stamp.status !== 'active' || !stamp.lot || !stamp.organisationId)
      throw codeError('kitchens.stampNotActive');
    if (stamp.lotMismatch) throw codeError('kitchens.stampLotMismatch');
    return {
      kind: 'lot',
      gtin: gtin14(gtin),
      lot: stamp.lot,
      supplierOrganisationId: stamp.organisationId,
      stamp: `${gtin14(gtin)}/${stamp.serial}`,
    };
  }
  if (!printedLot) throw codeError('kitchens.codeNeedsLot');
  const lot = await getLotByKey(db, { gtin: gtin14(gtin), lot: printedLot });
  if (!lot) throw codeError('kitchens.unknownLot');
  return {
    kind: 'lot',
    gtin: gtin14(gtin),
    lot: lot.lot,
    supplierOrganisationId: lot.organisationId,
    stamp: null,
  };
}

/** A pending shipment to the organisation that carries the lot: its sender is the one step back. */
async function pendingShipmentOf(tx: Tx, actor: Actor, organisationId: string, gtin: string, lot: string) {
  const { items } = await listShipments(tx, actor, 'incoming', {
    organisationId,
    state: 'pending',
    page: 1,
    pageSize: 200,
  });
  return items.find((s) => s.items.some((i) => i.gtin === gtin && i.lot === lot)) ?? null;
}

/**
 * Receives a delivery by its code (decision 060): a shipment sent to the kitchen's organisation is confirmed
 * through the chain module (its receiving event names the sender as source); a stamp of a lot such a shipment
 * carries confirms that shipment; any other stamp records a receiving stage naming the stamp's organisation as
 * source. One transaction: the event and the receipts, or nothing.
 */
export async function receiveDelivery(
  db: Db,
  actor: Actor,
  kitchenId: string,
  input: z.infer<typeof receiveInput>,
): Promise<ReceiptView[]> {
  const kitchen = await writable(db, actor, kitchenId);
  const eventTime = input.eventTime ? new Date(input.eventTime) : new Date();
  if (eventTime.getTime() > Date.now() + 60_000)
    throw badRequest([{ field: '/body/eventTime', code: 'kitchens.future' }]);
  if (input.unit && input.quantity === undefined)
    throw badRequest([{ field: '/body/quantity', code: 'kitchens.unitWithoutQuantity' }]);
  const scanned = await readCode(db, input.code);
  if (scanned.kind === 'lot' && scanned.supplierOrganisationId === kitchen.organisationId)
    throw codeError('kitchens.ownGoods');
  if (scanned.kind === 'lot' && scanned.stamp) {
    const earlier = await repo.findStampReceipt(db, kitchen.id, scanned.stamp);
    if (earlier) throw codeError('kitchens.stampReceived', { receivedAt: localTime(earlier.receivedAt) });
  }
  const rows = await db
    .transaction(async (tx) => {
      const shipment =
        scanned.kind === 'shipment'
          ? scanned.shipmentId
          : (await pendingShipmentOf(tx, actor, kitchen.organisationId, scanned.gtin, scanned.lot))?.id;
      let inserts: typeof import('./kitchens.schema.ts').kitchenReceipts.$inferInsert[];
      if (shipment) {
        const received = await confirmShipment(tx, actor, shipment, kitchen, eventTime);
        const items =
          scanned.kind === 'lot'
            ? received.items.filter((i) => i.gtin === scanned.gtin && i.lot === scanned.lot)
            : received.items;
        inserts = items.map((item, i) => ({
          kitchenId: kitchen.id,
          method: scanned.kind === 'lot' ? ('stamp' as const) : ('shipment' as const),
          code: input.code,
          gtin: item.gtin,
          lot: item.lot,
          stamp: scanned.kind === 'lot' && i === 0 ? scanned.stamp : null,
          quantity: item.quantity,
          unit: item.unit,
          supplierOrganisationId: received.sender.organisationId,
          supplierName: received.sender.name ?? '',
          eventId: received.receivingEventId ?? '',
          shipmentId: received.id,
          receivedAt: eventTime,
        }));
      } else {
        const lot = scanned as Extract<Scanned, { kind: 'lot' }>;
        const supplier = await getOrganisation(tx, lot.supplierOrganisationId);
        const quantity = input.quantity ?? 1;
        const unit = input.unit ?? 'H87';
        const stage = await prepareStage(tx, kitchen.organisationId, {
          stage: 'receive',
          eventTime: eventTime.toISOString(),
          locationId: kitchen.locationId,
          items: [{ gtin: lot.gtin, lot: lot.lot, quantity, unit }],
          from: { organisationId: lot.supplierOrganisationId },
        });
        await checkStageAllowed(tx, stage);
        const { eventIds } = await persistStages(tx, kitchen.organisationId, [stage]);
        inserts = [
          {
            kitchenId: kitchen.id,
            method: 'stamp',
            code: input.code,
            gtin: lot.gtin,
            lot: lot.lot,
            stamp: lot.stamp,
            quantity,
            unit,
            supplierOrganisationId: lot.supplierOrganisationId,
            supplierName: supplier?.name ?? '',
            eventId: eventIds[0],
            shipmentId: null,
            receivedAt: eventTime,
          },
        ];
      }
      const saved = await repo.insertReceipts(tx, inserts);
      for (const r of saved)
        await recordAudit(tx, {
          actor,
          action: 'receive',
          entityType: 'kitchen_receipt',
          entityId: r.id,
          organisationId: kitchen.organisationId,
          after: { kitchenId: kitchen.id, method: r.method, gtin: r.gtin, lot: r.lot, eventId: r.eventId },
        });
      return saved;
    })
    .catch((e) => {
      // the same stamp scanned twice at once: the second meets the unique index
      if (isUniqueViolation(e))
        throw codeError('kitchens.stampReceived', { receivedAt: localTime(new Date()) });
      throw e;
    });
  return presentReceipts(db, rows);
}

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
};

/** Confirms a shipment for the kitchen through the chain module, its refusals said about the code field. */
async function confirmShipment(
  tx: Tx,
  actor: Actor,
  shipmentId: string,
  kitchen: repo.KitchenRow,
  eventTime: Date,
): Promise<ShipmentResponse> {
  try {
    return await receiveShipment(tx as unknown as Db, actor, shipmentId, {
      locationId: kitchen.locationId,
      eventTime: eventTime.toISOString(),
    });
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    if (e.status === 404 || e.code === 'chain-not-receiver') throw codeError('kitchens.unknownShipment');
    if (e.code === 'chain-shipment-decided') throw codeError('kitchens.shipmentDecided');
    throw e;
  }
}

export async function listReceipts(
  db: DbOrTx,
  actor: Actor,
  kitchenId: string,
  query: { from?: string; to?: string },
): Promise<ReceiptView[]> {
  const kitchen = await readable(db, actor, kitchenId);
  const rows = await repo.listReceipts(db, kitchen.id, {
    from: query.from ? new Date(`${query.from}T00:00:00${VIETNAM_OFFSET}`) : new Date(Date.now() - 30 * DAY),
    to: query.to ? new Date(new Date(`${query.to}T00:00:00${VIETNAM_OFFSET}`).getTime() + DAY) : undefined,
  });
  return presentReceipts(db, rows);
}

/** Where a lot came from: its producing place's commune, else its owner's commune; the province's name. */
export async function originsOf(
  db: DbOrTx,
  lots: { gtin: string; lot: string; supplierOrganisationId: string | null }[],
) {
  const registryLots = await getLotsByKeys(db, lots);
  const lotOf = new Map(registryLots.map((l) => [`${l.gtin} ${l.lot}`, l]));
  const locationIds = [...new Set(registryLots.map((l) => l.locationId).filter((x): x is string => !!x))];
  const places = new Map(
    (locationIds.length ? await getLocationsByIds(db, locationIds) : []).map((p) => [p.id, p]),
  );
  const orgIds = [
    ...new Set(
      [...lots.map((l) => l.supplierOrganisationId), ...registryLots.map((l) => l.organisationId)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const orgs = new Map((orgIds.length ? await getOrganisationsByIds(db, orgIds) : []).map((o) => [o.id, o]));
  const products = new Map(
    (await getProductsByGtins(db, [...new Set(lots.map((l) => gtin14(l.gtin)))])).map((p) => [
      p.gtin.padStart(14, '0'),
      p,
    ]),
  );
  const provinceName = administrativeUnits().province.name;
  return (l: { gtin: string; lot: string; supplierOrganisationId: string | null }) => {
    const lot = lotOf.get(`${gtin14(l.gtin)} ${l.lot}`);
    const place = lot?.locationId ? places.get(lot.locationId) : undefined;
    const owner = orgs.get(lot?.organisationId ?? l.supplierOrganisationId ?? '');
    const communeCode = place?.communeCode ?? owner?.communeCode ?? null;
    const communeName = communeCode ? (findAdministrativeUnit(communeCode)?.name ?? null) : null;
    return {
      productName: products.get(gtin14(l.gtin))?.name ?? lot?.productName ?? null,
      origin: {
        communeName,
        provinceName: communeName ? provinceName : null,
        placeName: place?.name ?? null,
      },
    };
  };
}

async function presentReceipts(db: DbOrTx, rows: repo.ReceiptRow[]): Promise<ReceiptView[]> {
  const describe = await originsOf(db, rows);
  return rows.map((r) => {
    const { productName, origin } = describe(r);
    return {
      id: r.id,
      method: r.method,
      code: r.code,
      gtin: r.gtin,
      lot: r.lot,
      productName,
      quantity: r.quantity,
      unit: r.unit,
      supplier: { organisationId: r.supplierOrganisationId, name: r.supplierName },
      origin,
      eventId: r.eventId,
      shipmentId: r.shipmentId,
      receivedAt: r.receivedAt.toISOString(),
    };
  });
}

// ---------- the menu

/** The dish's batch as an EPC class of the kitchen's own (not a GS1 key: a kitchen has no company prefix). */
const batchIdOf = (kitchenId: string, dishId: string) => `urn:txng:kitchen:${kitchenId}:dish:${dishId}`;

/**
 * Records a dish of a day's menu: one transformation event captured through the epcis service, its inputs the
 * received lots (with the quantity used when given), its output the dish's batch (portions). A lot the kitchen
 * has not received is refused naming the ingredient.
 */
export async function addDish(
  db: Db,
  actor: Actor,
  kitchenId: string,
  input: z.infer<typeof dishInput>,
): Promise<DishView> {
  const kitchen = await writable(db, actor, kitchenId);
  const errors: FieldError[] = [];
  if (input.servedOn > localToday())
    errors.push({ field: '/body/servedOn', code: 'kitchens.servedOnFuture' });
  const cookedAt = input.cookedAt
    ? new Date(input.cookedAt)
    : input.servedOn === localToday()
      ? new Date()
      : new Date(`${input.servedOn}T09:00:00${VIETNAM_OFFSET}`);
  if (cookedAt.getTime() > Date.now() + 60_000)
    errors.push({ field: '/body/cookedAt', code: 'kitchens.future' });
  const receipts = new Map(
    (
      await repo.findReceipts(
        db,
        input.ingredients.map((i) => i.receiptId),
      )
    )
      .filter((r) => r.kitchenId === kitchen.id)
      .map((r) => [r.id, r]),
  );
  const seen = new Set<string>();
  input.ingredients.forEach((ingredient, i) => {
    const at = `/body/ingredients/${i}`;
    const receipt = receipts.get(ingredient.receiptId);
    if (!receipt) errors.push({ field: `${at}/receiptId`, code: 'kitchens.notReceived' });
    else if (seen.has(receipt.id))
      errors.push({ field: `${at}/receiptId`, code: 'kitchens.duplicateIngredient' });
    else if (receipt.receivedAt > cookedAt)
      errors.push({
        field: `${at}/receiptId`,
        code: 'kitchens.cookedBeforeReceived',
        params: { receivedAt: localTime(receipt.receivedAt) },
      });
    seen.add(ingredient.receiptId);
    if (ingredient.unit && ingredient.quantity === undefined)
      errors.push({ field: `${at}/quantity`, code: 'kitchens.unitWithoutQuantity' });
  });
  if (errors.length) throw badRequest(errors);
  const location = await getLocation(db, kitchen.locationId);
  const where = location ? locationUri(location) : null;
  const dishId = crypto.randomUUID();
  const batchId = batchIdOf(kitchen.id, dishId);
  const event = {
    ...eventHeader('TransformationEvent', cookedAt),
    inputQuantityList: input.ingredients.map((ingredient) => {
      const r = receipts.get(ingredient.receiptId)!;
      const epcClass = buildDigitalLink([
        { ai: '01', value: gtin14(r.gtin) },
        { ai: '10', value: r.lot },
      ]);
      return ingredient.quantity !== undefined
        ? { epcClass, quantity: ingredient.quantity, uom: ingredient.unit ?? r.unit }
        : { epcClass };
    }),
    outputQuantityList: [
      input.portions ? { epcClass: batchId, quantity: input.portions, uom: 'H87' } : { epcClass: batchId },
    ],
    bizStep: 'commissioning',
    disposition: 'active',
    ...(where ? { readPoint: { id: where }, bizLocation: { id: where } } : {}),
    'txng:stage': 'kitchen_dish',
    'txng:dish': input.name,
    'txng:meal': input.meal,
    'txng:servedOn': input.servedOn,
  };
  const dish = await db.transaction(async (tx) => {
    const { eventIds } = await captureEpcisDocument(tx as unknown as Db, epcisDocument([event]), {
      organisationId: kitchen.organisationId,
    });
    const row = await repo.insertDish(
      tx,
      {
        id: dishId,
        kitchenId: kitchen.id,
        servedOn: input.servedOn,
        meal: input.meal,
        name: input.name,
        portions: input.portions ?? null,
        eventId: eventIds[0] ?? event.eventID,
        batchId,
        cookedAt,
      },
      input.ingredients.map((i) => ({
        receiptId: i.receiptId,
        quantity: i.quantity ?? null,
        unit: i.quantity !== undefined ? (i.unit ?? receipts.get(i.receiptId)!.unit) : null,
      })),
    );
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'kitchen_dish',
      entityId: row.id,
      organisationId: kitchen.organisationId,
      after: {
        kitchenId: kitchen.id,
        name: row.name,
        servedOn: row.servedOn,
        meal: row.meal,
        eventId: row.eventId,
      },
    });
    return row;
  });
  return (await presentDishes(db, [dish]))[0];
}

const localTime = (d: Date) =>
  new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function getMenu(db: DbOrTx, actor: Actor, kitchenId: string, date?: string) {
  const kitchen = await readable(db, actor, kitchenId);
  const day = date ?? localToday();
  return { date: day, dishes: await presentDishes(db, await repo.dishesOfDay(db, kitchen.id, day)) };
}

async function presentDishes(db: DbOrTx, dishes: repo.DishRow[]): Promise<DishView[]> {
  const ids = dishes.map((d) => d.id);
  const [ingredients, samples] = await Promise.all([
    repo.ingredientsOf(db, ids),
    repo.samplesOfDishes(db, ids),
  ]);
  const receipts = new Map(
    (
      await presentReceipts(
        db,
        await repo.findReceipts(db, [...new Set(ingredients.map((i) => i.receiptId))]),
      )
    ).map((r) => [r.id, r]),
  );
  const sampleOf = new Map(samples.map((s) => [s.dishId, s]));
  return dishes.map((d) => {
    const sample = sampleOf.get(d.id);
    return {
      id: d.id,
      servedOn: d.servedOn,
      meal: d.meal,
      name: d.name,
      portions: d.portions,
      eventId: d.eventId,
      batchId: d.batchId,
      cookedAt: d.cookedAt.toISOString(),
      ingredients: ingredients
        .filter((i) => i.dishId === d.id)
        .map((i) => ({ ...receipts.get(i.receiptId)!, usedQuantity: i.quantity, usedUnit: i.unit })),
      sample: sample ? presentSample({ ...sample, dish: d }) : null,
    };
  });
}

// ---------- samples (lưu mẫu)

export async function keepSample(
  db: Db,
  actor: Actor,
  kitchenId: string,
  input: z.infer<typeof sampleInput>,
): Promise<SampleView> {
  const kitchen = await writable(db, actor, kitchenId);
  const dish = await repo.findDish(db, input.dishId);
  if (!dish || dish.kitchenId !== kitchen.id)
    throw badRequest([{ field: '/body/dishId', code: 'kitchens.unknownDish' }]);
  const takenAt = input.takenAt ? new Date(input.takenAt) : new Date();
  const discardBy = input.discardBy
    ? new Date(input.discardBy)
    : new Date(takenAt.getTime() + SAMPLE_HOURS * 3600_000);
  const errors: FieldError[] = [];
  if (takenAt.getTime() > Date.now() + 60_000)
    errors.push({ field: '/body/takenAt', code: 'kitchens.future' });
  else if (takenAt < dish.cookedAt)
    errors.push({ field: '/body/takenAt', code: 'kitchens.sampleBeforeCooking' });
  if (discardBy.getTime() < takenAt.getTime() + SAMPLE_HOURS * 3600_000)
    errors.push({ field: '/body/discardBy', code: 'kitchens.sampleTooShort' });
  if (errors.length) throw badRequest(errors);
  const sample = await db
    .transaction(async (tx) => {
      if ((await repo.samplesOfDishes(tx, [dish.id])).length)
        throw badRequest([{ field: '/body/dishId', code: 'kitchens.sampleExists' }]);
      const row = await repo.insertSample(tx, { kitchenId: kitchen.id, dishId: dish.id, takenAt, discardBy });
      await recordAudit(tx, {
        actor,
        action: 'create',
        entityType: 'kitchen_sample',
        entityId: row.id,
        organisationId: kitchen.organisationId,
        after: { dishId: dish.id, dish: dish.name, takenAt: row.takenAt, discardBy: row.discardBy },
      });
      return row;
    })
    .catch((e) => {
      // the same dish sampled twice at once: the second meets the unique index
      if (isUniqueViolation(e)) throw badRequest([{ field: '/body/dishId', code: 'kitchens.sampleExists' }]);
      throw e;
    });
  return presentSample({ ...sample, dish });
}

export async function discardSample(db: Db, actor: Actor, kitchenId: string, sampleId: string) {
  const kitchen = await writable(db, actor, kitchenId);
  const row = await db.transaction(async (tx) => {
    const sample = isUuid(sampleId) ? await repo.findSampleForUpdate(tx, sampleId) : null;
    if (!sample || sample.kitchenId !== kitchen.id) throw notFound();
    if (sample.discardedAt) throw new Problem(409, 'kitchens-sample-discarded');
    if (sample.discardBy.getTime() > Date.now())
      throw new Problem(409, 'kitchens-sample-kept', { params: { discardBy: localTime(sample.discardBy) } });
    const updated = await repo.markDiscarded(tx, sample.id, new Date());
    await recordAudit(tx, {
      actor,
      action: 'discard',
      entityType: 'kitchen_sample',
      entityId: sample.id,
      organisationId: kitchen.organisationId,
      after: { discardedAt: updated.discardedAt },
    });
    return updated;
  });
  const dish = (await repo.findDish(db, row.dishId))!;
  return presentSample({ ...row, dish });
}

export async function listSamples(db: DbOrTx, actor: Actor, kitchenId: string, query: { due?: boolean }) {
  const kitchen = await readable(db, actor, kitchenId);
  const rows = await repo.listSamples(
    db,
    kitchen.id,
    query.due ? { dueBy: new Date() } : { since: new Date(Date.now() - 7 * DAY) },
  );
  return rows.map(presentSample);
}

function presentSample(s: repo.SampleRow & { dish: repo.DishRow }): SampleView {
  return {
    id: s.id,
    dishId: s.dishId,
    dishName: s.dish.name,
    servedOn: s.dish.servedOn,
    meal: s.dish.meal,
    takenAt: s.takenAt.toISOString(),
    discardBy: s.discardBy.toISOString(),
    discardedAt: s.discardedAt?.toISOString() ?? null,
    due: !s.discardedAt && s.discardBy.getTime() <= Date.now(),
  };
}

// ---------- officers' overview

/**
 * Which kitchens and which suppliers are traced, over a period (30 days to today when not said): per kitchen the
 * deliveries received by stamp and otherwise, the days with a menu; per supplier its deliveries and kitchens.
 */
export async function overview(
  db: DbOrTx,
  actor: Actor,
  query: { from?: string; to?: string },
): Promise<OverviewView> {
  const to = query.to ?? localToday();
  const from = query.from ?? localToday(Date.now() - 29 * DAY);
  if (from > to) throw badRequest([{ field: '/querystring/from', code: 'kitchens.fromAfterTo' }]);
  const kitchens = await listKitchens(db, actor);
  const { receipts, menus } = await repo.overviewCounts(
    db,
    kitchens.map((k) => k.id),
    from,
    to,
  );
  const suppliers = new Map<string, OverviewView['suppliers'][number] & { kitchenIds: Set<string> }>();
  for (const r of receipts) {
    const key = r.supplierOrganisationId ?? `name:${r.supplierName}`;
    const s = suppliers.get(key) ?? {
      organisationId: r.supplierOrganisationId,
      name: r.supplierName,
      kitchens: 0,
      deliveriesByStamp: 0,
      deliveriesOther: 0,
      kitchenIds: new Set<string>(),
    };
    if (r.method === 'stamp') s.deliveriesByStamp += r.count;
    else s.deliveriesOther += r.count;
    s.kitchenIds.add(r.kitchenId);
    suppliers.set(key, s);
  }
  return {
    from,
    to,
    kitchens: kitchens.map((k) => {
      const own = receipts.filter((r) => r.kitchenId === k.id);
      const menu = menus.find((m) => m.kitchenId === k.id);
      return {
        id: k.id,
        name: k.name,
        organisationName: k.organisationName,
        communeCode: k.communeCode,
        communeName: k.communeName,
        deliveriesByStamp: own.filter((r) => r.method === 'stamp').reduce((n, r) => n + r.count, 0),
        deliveriesOther: own.filter((r) => r.method !== 'stamp').reduce((n, r) => n + r.count, 0),
        daysWithMenu: menu?.days ?? 0,
        dishes: menu?.dishes ?? 0,
        suppliers: new Set(own.map((r) => r.supplierOrganisationId ?? r.supplierName)).size,
      };
    }),
    suppliers: [...suppliers.values()]
      .map(({ kitchenIds, ...s }) => ({ ...s, kitchens: kitchenIds.size }))
      .sort((a, b) => b.deliveriesByStamp + b.deliveriesOther - (a.deliveriesByStamp + a.deliveriesOther)),
  };
}
