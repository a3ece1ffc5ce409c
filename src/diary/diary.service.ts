import crypto from 'node:crypto';
import { recordAudit } from '../audit/index.ts';
import {
  checkCalendarDates,
  checkLotQuantity,
  epcisDocument,
  gtin14,
  locationUri,
  ownLocation,
} from '../chain/index.ts';
import { captureEpcisDocument } from '../epcis/index.ts';
import { checkFilesOwnedBy, fileUrl } from '../files/index.ts';
import {
  type Actor,
  badRequest,
  type Config,
  type Db,
  type DbOrTx,
  type FieldError,
  notFound,
  Problem,
} from '../platform/index.ts';
import { getLocation, mayReadOrganisationData } from '../registry/index.ts';
import * as repo from './diary.repo.ts';
import {
  type DiaryEntryInput,
  type DiaryEntryResponse,
  type DiaryKind,
  withdrawalKinds,
} from './diary.schema.ts';
import { buildDiaryEvent, todayInVietnam } from './diary-event.ts';
import './diary.messages.ts';

function checkEntry(input: DiaryEntryInput): FieldError[] {
  const errors: FieldError[] = checkCalendarDates({ '/body/entryDate': input.entryDate });
  if (!errors.length && input.entryDate > todayInVietnam())
    errors.push({ field: '/body/entryDate', code: 'diary.futureDate' });
  if (withdrawalKinds.includes(input.kind)) {
    if (!input.inputName) errors.push({ field: '/body/inputName', code: 'field.required' });
    if (!input.activeIngredient) errors.push({ field: '/body/activeIngredient', code: 'field.required' });
    if (!input.dose) errors.push({ field: '/body/dose', code: 'field.required' });
    if (input.withdrawalDays === undefined)
      errors.push({ field: '/body/withdrawalDays', code: 'field.required' });
  } else if (input.withdrawalDays !== undefined) {
    errors.push({ field: '/body/withdrawalDays', code: 'diary.withdrawalOnlyForDrugs' });
  }
  if ((input.quantity === undefined) !== (input.unit === undefined))
    errors.push({ field: input.unit ? '/body/quantity' : '/body/unit', code: 'field.required' });
  if (input.lot) {
    if (input.kind !== 'harvest') errors.push({ field: '/body/lot', code: 'diary.lotOnlyForHarvest' });
    errors.push(...checkLotQuantity({ ...input.lot, quantity: 1, unit: 'KGM' }, '/body/lot'));
  }
  return errors;
}

/** The stored row's values for an entry as the client sent it: what is written, and what a repeat is compared on. */
function rowValues(input: DiaryEntryInput) {
  return {
    locationId: input.locationId,
    season: input.season,
    entryDate: input.entryDate,
    kind: input.kind,
    inputName: input.inputName ?? null,
    activeIngredient: input.activeIngredient ?? null,
    dose: input.dose ?? null,
    withdrawalDays: input.withdrawalDays ?? null,
    quantity: input.quantity === undefined ? null : String(input.quantity),
    unit: input.unit ?? null,
    lotGtin: input.lot ? gtin14(input.lot.gtin) : null,
    lotNumber: input.lot?.lot ?? null,
    note: input.note ?? null,
    photoFileIds: input.photoFileIds,
  };
}

function sameContent(row: repo.DiaryEntryRow, input: DiaryEntryInput): boolean {
  const want = rowValues(input);
  return (Object.keys(want) as (keyof typeof want)[]).every((key) => {
    const [stored, sent] = [row[key], want[key]];
    if (key === 'quantity')
      return (stored === null ? null : Number(stored)) === (sent === null ? null : Number(sent));
    return JSON.stringify(stored) === JSON.stringify(sent);
  });
}

/**
 * A second submission of an id already stored: the same organisation sending the same content gets the stored
 * entry (a phone that did not hear the first answer); anything else is a conflict that says nothing of the stored
 * entry, whose organisation it belongs to nor what it holds.
 */
function repeatOf(row: repo.DiaryEntryRow, organisationId: string, input: DiaryEntryInput) {
  if (row.organisationId === organisationId && sameContent(row, input)) return row;
  throw new Problem(409, 'diary-entry-id-taken', { errors: [{ field: '/body/id', code: 'diary.idTaken' }] });
}

/**
 * Adds a diary entry and captures it as an EPCIS event. A harvest is refused while a pesticide or veterinary
 * drug applied at the same location is still inside its withdrawal interval. An entry sent with its own id
 * (written offline, decision 061) is stored once: a repeat of the same content answers the stored entry
 * (`created: false`), a different content or another organisation's id is a 409.
 */
export async function recordDiaryEntry(
  db: Db,
  config: Config,
  actor: Actor,
  organisationId: string,
  input: DiaryEntryInput,
): Promise<{ entry: DiaryEntryResponse; created: boolean }> {
  // a repeat is answered before today's checks: what was stored stays stored, whatever changed since
  const earlier = input.id ? await repo.findEntry(db, input.id) : null;
  if (earlier)
    return { entry: presentEntry(config, repeatOf(earlier, organisationId, input)), created: false };

  const errors = checkEntry(input);
  const { location, errors: locationErrors } = await ownLocation(
    db,
    input.locationId,
    organisationId,
    '/body/locationId',
  );
  errors.push(
    ...locationErrors,
    ...(await checkFilesOwnedBy(db, input.photoFileIds, organisationId, '/body/photoFileIds')),
  );
  if (errors.length || !location) throw badRequest(errors);

  const { row, created } = await db.transaction(async (tx) => {
    const id = input.id ?? crypto.randomUUID();
    if (input.id) {
      // two submissions of the same id at once: the second waits here and finds the first's row
      await repo.lockEntryId(tx, id);
      const stored = await repo.findEntry(tx, id);
      if (stored) return { row: repeatOf(stored, organisationId, input), created: false };
    }
    if (input.kind === 'harvest')
      await assertHarvestAllowed(tx, input.locationId, input.entryDate, '/body/entryDate');
    else await repo.lockLocation(tx, input.locationId);
    const event = buildDiaryEvent(
      { ...input, id },
      { location: locationUri(location), photoUrls: input.photoFileIds.map((f) => fileUrl(config, f)) },
    );
    const { eventIds } = await captureEpcisDocument(tx as unknown as Db, epcisDocument([event]), {
      organisationId,
    });
    const inserted = await repo.insertEntry(tx, {
      id,
      organisationId,
      ...rowValues(input),
      eventId: eventIds[0] ?? event.eventID,
      createdBy: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'diary_entry',
      entityId: id,
      organisationId,
      after: inserted,
    });
    return { row: inserted, created: true };
  });
  return { entry: presentEntry(config, row), created };
}

/** Adds a diary entry (see recordDiaryEntry) and answers it, new or repeated. */
export async function addDiaryEntry(
  db: Db,
  config: Config,
  actor: Actor,
  organisationId: string,
  input: DiaryEntryInput,
): Promise<DiaryEntryResponse> {
  return (await recordDiaryEntry(db, config, actor, organisationId, input)).entry;
}

/**
 * Refuses a harvest at the location on `date` (a Vietnam calendar day) while a pesticide or veterinary drug
 * entered in its diary is inside its withdrawal interval. Call it inside the transaction that records the
 * harvest: it holds the location's lock until that transaction ends. The stage forms call it too.
 */
export async function assertHarvestAllowed(tx: DbOrTx, locationId: string, date: string, field: string) {
  await repo.lockLocation(tx, locationId);
  const blocking = await repo.findRunningWithdrawal(tx, locationId, date);
  if (blocking) throw withdrawalRunning(blocking, field);
}

function withdrawalRunning(
  blocking: NonNullable<Awaited<ReturnType<typeof repo.findRunningWithdrawal>>>,
  field: string,
) {
  const params = {
    entryId: blocking.id,
    input: blocking.inputName ?? blocking.activeIngredient ?? '',
    appliedOn: blocking.entryDate,
    until: blocking.until,
  };
  return new Problem(409, 'diary-withdrawal-running', {
    params,
    errors: [{ field, code: 'diary.withdrawalRunning', params }],
  });
}

/** A location's diary, newest first: for its organisation and department staff only. */
export async function listDiary(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  query: { locationId: string; season?: string; page: number; pageSize: number },
) {
  const location = await getLocation(db, query.locationId);
  if (!location || !(await mayReadOrganisationData(db, actor, location.organisationId))) throw notFound();
  const { rows, total } = await repo.listEntries(db, query);
  return {
    items: rows.map((r) => presentEntry(config, r)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getDiaryEntry(db: DbOrTx, config: Config, actor: Actor, id: string) {
  const row = await repo.findEntry(db, id);
  if (!row || !(await mayReadOrganisationData(db, actor, row.organisationId))) throw notFound();
  return presentEntry(config, row);
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function presentEntry(config: Config, r: repo.DiaryEntryRow): DiaryEntryResponse {
  return {
    id: r.id,
    organisationId: r.organisationId,
    locationId: r.locationId,
    season: r.season,
    entryDate: r.entryDate,
    kind: r.kind as DiaryKind,
    inputName: r.inputName,
    activeIngredient: r.activeIngredient,
    dose: r.dose,
    withdrawalDays: r.withdrawalDays,
    withdrawalUntil: r.withdrawalDays === null ? null : addDays(r.entryDate, r.withdrawalDays),
    quantity: r.quantity === null ? null : Number(r.quantity),
    unit: r.unit,
    lot: r.lotGtin && r.lotNumber ? { gtin: r.lotGtin, lot: r.lotNumber } : null,
    note: r.note,
    photos: r.photoFileIds.map((id) => ({
      id,
      url: fileUrl(config, id),
      thumbnailUrl: `${fileUrl(config, id)}?size=thumb`,
    })),
    eventId: r.eventId,
    createdAt: r.createdAt.toISOString(),
  };
}
