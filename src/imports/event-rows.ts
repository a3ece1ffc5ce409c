import { vietnamLocal } from '../chain/index.ts';
import type { Cell } from './spreadsheet.ts';

/** Stages a TXNG form writes, by CBV bizStep, for events that were captured without `txng:stage`. */
const stageOfBizStep: Record<string, string> = {
  commissioning: 'harvest',
  packing: 'pack',
  storing: 'store',
  shipping: 'ship',
  receiving: 'receive',
  retail_selling: 'sell',
};

const lotKey = /\/01\/(\d{14})\/10\/([^/?#]+)/;
const last = (s: string) => s.split(/[/:#]/).at(-1) ?? s;

function lotOf(element: any): { gtin: string; lot: string; quantity: Cell; unit: Cell } | null {
  const match = typeof element?.epcClass === 'string' ? lotKey.exec(element.epcClass) : null;
  if (!match) return null;
  return {
    gtin: match[1],
    lot: decodeURIComponent(match[2]),
    quantity: element.quantity ?? null,
    unit: element.uom ?? null,
  };
}

/** A location or party id back in the terms a sheet uses: GLN, internal code, tax code, or the URI itself. */
function shortId(uri: string | undefined): string | null {
  if (!uri) return null;
  const gln = /\/(?:414|417)\/(\d{13})/.exec(uri);
  if (gln) return gln[1];
  const txng = /^urn:txng:(?:loc|org|party:taxcode):(.+)$/.exec(uri);
  return txng ? txng[1] : uri;
}

/** Vietnam local time as typed in a sheet: `dd/mm/yyyy HH:mm`. */
const localTime = (utc: Date) => {
  const [day, clock] = vietnamLocal(utc).slice(0, 16).split('T');
  return `${dayMonthYear(day)} ${clock}`;
};

/** `2026-06-01` → `01/06/2026`; anything else as it is. */
const dayMonthYear = (value: unknown): Cell => {
  if (typeof value !== 'string') return (value as Cell) ?? null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
};

/** The names of the stages and units the import reads back (row-handlers.ts), so a sheet shows no codes. */
const stageNames: Record<string, string> = {
  harvest: 'thu hoạch',
  preprocess: 'sơ chế',
  process: 'chế biến',
  pack: 'đóng gói',
  store: 'lưu kho',
  ship: 'xuất hàng',
  receive: 'nhận hàng',
  sell: 'bán lẻ',
};
const unitNames: Record<string, string> = {
  KGM: 'kg',
  GRM: 'g',
  TNE: 'tấn',
  LTR: 'lít',
  MLT: 'ml',
  H87: 'cái',
};
const unitName = (unit: Cell) => (typeof unit === 'string' ? (unitNames[unit] ?? unit) : unit);

/**
 * One stored EPCIS event as a flat stage row (the events import format), or null for events that are not
 * stages (diary entries have their own list). Only the first goods line of the event is shown.
 */
export function eventToRow(event: {
  eventTime: Date;
  bizStep: string | null;
  document: Record<string, unknown>;
}) {
  const doc = event.document as Record<string, any>;
  const stage =
    doc['txng:stage'] ??
    (event.bizStep ? (stageOfBizStep[last(event.bizStep)] ?? last(event.bizStep)) : null);
  if (!stage || stage === 'diary') return null;
  const main =
    lotOf(doc.outputQuantityList?.[0]) ?? lotOf(doc.quantityList?.[0]) ?? lotOf(doc.childQuantityList?.[0]);
  const input = doc.parentID ? null : lotOf(doc.inputQuantityList?.[0]);
  const partnerList = stage === 'receive' ? doc.sourceList : doc.destinationList;
  const partner = (partnerList ?? []).find((l: any) => last(String(l.type)) === 'owning_party');
  const partnerId: string | undefined = partner?.source ?? partner?.destination;
  const documents = new Map<string, string>(
    (doc.bizTransactionList ?? []).map((b: any) => [
      last(String(b.type)),
      decodeURIComponent(last(String(b.bizTransaction))),
    ]),
  );
  const ilmd = doc.ilmd ?? {};
  const sscc = typeof doc.parentID === 'string' ? /\/00\/(\d{18})/.exec(doc.parentID)?.[1] : undefined;
  const row: Record<string, Cell> = {
    stage: stageNames[stage] ?? stage,
    event_time: localTime(event.eventTime),
    location: shortId(doc.readPoint?.id ?? doc.bizLocation?.id),
    gtin: main?.gtin ?? null,
    lot: main?.lot ?? null,
    quantity: main?.quantity ?? null,
    unit: unitName(main?.unit ?? null),
    input_gtin: input?.gtin ?? null,
    input_lot: input?.lot ?? null,
    input_quantity: input?.quantity ?? null,
    input_unit: unitName(input?.unit ?? null),
    sscc: sscc ?? null,
    partner_organisation_id: partnerId?.startsWith('urn:txng:org:') ? shortId(partnerId) : null,
    partner_name: partner ? (doc['txng:counterpartName'] ?? null) : null,
    partner_gln: partnerId && /\/417\//.test(partnerId) ? shortId(partnerId) : null,
    partner_tax_code: partnerId?.startsWith('urn:txng:party:taxcode:') ? shortId(partnerId) : null,
    invoice: documents.get('inv') ?? null,
    delivery_note: documents.get('desadv') ?? null,
    quarantine_certificate: documents.get('cert') ?? null,
    harvest_start_date: dayMonthYear(ilmd['cbvmda:harvestStartDate']),
    harvest_end_date: dayMonthYear(ilmd['cbvmda:harvestEndDate']),
    production_date: dayMonthYear(ilmd['txng:productionDate']),
    expiry_date: dayMonthYear(ilmd['cbvmda:itemExpirationDate']),
    note: doc['txng:note'] ?? null,
  };
  return row;
}
