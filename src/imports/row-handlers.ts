import type { z } from 'zod';
import {
  checkStageAllowed,
  gtin14,
  type PreparedStage,
  persistStages,
  prepareStage,
  type StageForm,
  type StageLookups,
  StockLedger,
  selfParty,
  stageForm,
} from '../chain/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type FieldError,
  fromZodIssue,
  Problem,
  type Tx,
} from '../platform/index.ts';
import {
  createLot,
  createProduct,
  getProductByGtin,
  type LocationView,
  listLocationsOfOrganisation,
  lotInput,
  productInput,
} from '../registry/index.ts';
import type { ImportKind } from './columns.ts';

export interface RowContext {
  tx: Tx;
  actor: Actor;
  organisationId: string;
  locations: LocationView[];
  lookups: StageLookups;
  /** What the file's earlier rows made and used: the stock check counts them before they are captured. */
  ledger: StockLedger;
}

type Values = Record<string, string>;

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Numbers as people type them: `1500`, `1500.5`, or with a decimal comma `1500,5`. */
function number(values: Values, key: string, errors: FieldError[]): number | undefined {
  const raw = text(values[key]);
  if (raw === undefined) return undefined;
  const n = Number(/^\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw);
  if (Number.isFinite(n)) return n;
  // said once, here: the schema is not asked about a value already reported
  errors.push({ field: `/body/${key}`, code: 'imports.number', params: { value: raw } });
  return undefined;
}

/** A date as people write it in Vietnam (`01/06/2026`, `1/6/2026`) or as ISO (`2026-06-01`), as ISO. */
function date(raw: string | undefined): string | undefined {
  const value = text(raw);
  if (!value) return undefined;
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  return local ? `${local[3]}-${local[2].padStart(2, '0')}-${local[1].padStart(2, '0')}` : value;
}

/** A time as typed in a sheet (`01/06/2026 07:30` or `2026-06-01 07:30`): without an offset it is Vietnam time. */
function time(raw: string | undefined): string | undefined {
  const value = text(raw);
  if (!value) return undefined;
  const [day, clock] = value.split(/[ T](?=\d{1,2}:\d{2})/);
  const iso = date(day);
  const hm = clock ? /^(\d{1,2}):(\d{2})(:\d{2})?$/.exec(clock) : null;
  if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    if (hm) return `${iso}T${hm[1].padStart(2, '0')}:${hm[2]}${hm[3] ?? ':00'}+07:00`;
    if (!clock) return `${iso}T00:00:00+07:00`;
  }
  return value;
}

/** Stages by their Vietnamese names (as the back office shows them) or their technical ones. */
const stageNames: Record<string, string> = {
  'thu hoạch': 'harvest',
  'sơ chế': 'preprocess',
  'chế biến': 'process',
  'đóng gói': 'pack',
  'lưu kho': 'store',
  'nhập kho': 'store',
  'xuất hàng': 'ship',
  'vận chuyển': 'ship',
  'nhận hàng': 'receive',
  bán: 'sell',
  'bán lẻ': 'sell',
  'bán hàng': 'sell',
};

function stageOf(raw: string | undefined): string | undefined {
  const value = text(raw)?.normalize('NFC').toLocaleLowerCase('vi');
  return value ? (stageNames[value] ?? value) : undefined;
}

/** Units by the names people use (kg, tấn, lít, cái) or by their UN/ECE codes (KGM, H87). */
const unitCodes: Record<string, string> = {
  kg: 'KGM',
  g: 'GRM',
  tấn: 'TNE',
  t: 'TNE',
  lít: 'LTR',
  l: 'LTR',
  ml: 'MLT',
  cái: 'H87',
  hộp: 'H87',
  pcs: 'H87',
};

function unitOf(raw: string | undefined): string | undefined {
  const value = text(raw);
  if (!value) return undefined;
  return unitCodes[value.normalize('NFC').toLocaleLowerCase('vi')] ?? value.toUpperCase();
}

function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) =>
    fromZodIssue(issue.code === 'invalid_union' ? { ...issue, code: 'invalid_value' } : issue, 'body'),
  );
}

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, errors: FieldError[]): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    // a value already reported (an unknown location) is not reported again as missing
    const reported = new Set(errors.map((e) => e.field));
    errors.push(...zodErrors(parsed.error).filter((e) => !reported.has(e.field)));
  }
  if (errors.length) throw badRequest(errors);
  return parsed.data as z.infer<T>;
}

/** A location of the organisation named in a sheet by id, GLN, internal code or exact name. */
function findLocation(ctx: RowContext, raw: string | undefined, errors: FieldError[]): string | undefined {
  const value = text(raw);
  if (!value) return undefined;
  const lower = value.toLowerCase();
  const found = ctx.locations.find(
    (l) =>
      l.id === value || l.gln === value || l.internalCode === value || l.name.trim().toLowerCase() === lower,
  );
  if (!found) errors.push({ field: '/body/locationId', code: 'imports.unknownLocation', params: { value } });
  return found?.id;
}

async function importProduct(ctx: RowContext, v: Values) {
  const errors: FieldError[] = [];
  const input = parseOrThrow(
    productInput,
    {
      organisationId: ctx.organisationId,
      gtin: v.gtin ?? '',
      name: v.name ?? '',
      brand: text(v.brand),
      modelCode: text(v.model_code),
      productGroup: text(v.product_group),
      unit: text(v.unit),
      netQuantity: number(v, 'net_quantity', errors),
      netQuantityUnit: text(v.net_quantity_unit),
      shelfLifeDays: number(v, 'shelf_life_days', errors),
      appliedStandards: (v.applied_standards ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      description: text(v.description),
    },
    errors,
  );
  await createProduct(ctx.tx as unknown as Db, input, ctx.actor);
}

async function importLot(ctx: RowContext, v: Values) {
  const errors: FieldError[] = [];
  const gtin = text(v.gtin) ?? '';
  const product = /^\d{8,14}$/.test(gtin) ? await getProductByGtin(ctx.tx, gtin14(gtin)) : null;
  if (!product || product.organisationId !== ctx.organisationId)
    errors.push({ field: '/body/productId', code: 'imports.unknownProduct', params: { value: gtin } });
  const input = parseOrThrow(
    lotInput,
    {
      productId: product?.id,
      lot: v.lot ?? '',
      productionDate: date(v.production_date),
      expiryDate: date(v.expiry_date),
      quantity: number(v, 'quantity', errors),
      unit: text(v.unit),
      locationId: findLocation(ctx, v.location, errors),
    },
    errors,
  );
  await createLot(ctx.tx as unknown as Db, input, ctx.actor);
}

async function importEvent(ctx: RowContext, v: Values) {
  const errors: FieldError[] = [];
  const main = {
    gtin: v.gtin ?? '',
    lot: v.lot ?? '',
    quantity: number(v, 'quantity', errors),
    unit: unitOf(v.unit),
  };
  const input = text(v.input_gtin)
    ? {
        gtin: v.input_gtin,
        lot: v.input_lot ?? '',
        quantity: number(v, 'input_quantity', errors),
        unit: unitOf(v.input_unit),
      }
    : undefined;
  const partner = {
    organisationId: text(v.partner_organisation_id),
    name: text(v.partner_name),
    gln: text(v.partner_gln),
    taxCode: text(v.partner_tax_code),
  };
  const documents = {
    invoice: text(v.invoice),
    deliveryNote: text(v.delivery_note),
    quarantineCertificate: text(v.quarantine_certificate),
  };
  const stage = stageOf(v.stage);
  const base = {
    stage,
    eventTime: time(v.event_time),
    locationId: findLocation(ctx, v.location, errors),
    note: text(v.note),
  };
  const dates = { productionDate: date(v.production_date), expiryDate: date(v.expiry_date) };
  const form: Record<string, unknown> = { ...base };
  switch (stage) {
    case 'harvest':
      Object.assign(form, {
        output: main,
        harvestStartDate: date(v.harvest_start_date),
        harvestEndDate: date(v.harvest_end_date),
        expiryDate: dates.expiryDate,
      });
      break;
    case 'preprocess':
    case 'process':
      Object.assign(form, { inputs: input ? [input] : [], outputs: [main], ...dates });
      break;
    case 'pack':
      Object.assign(
        form,
        text(v.sscc)
          ? { inputs: [main], sscc: text(v.sscc) }
          : { inputs: input ? [input] : [], outputs: [main], ...dates },
      );
      break;
    case 'ship':
      Object.assign(form, { items: [main], to: partner, documents });
      break;
    case 'receive':
      Object.assign(form, { items: [main], from: partner, documents });
      break;
    default:
      Object.assign(form, { items: [main] });
  }
  const parsed: StageForm = parseOrThrow(stageForm, form, errors);
  const prepared = await prepareStage(ctx.tx, ctx.organisationId, parsed, ctx.lookups);
  await checkStageAllowed(ctx.tx, prepared, ctx.ledger);
  return prepared;
}

/**
 * The events of a clean file are captured together, as one EPCIS document: one batched capture instead of one
 * per row. A capture error names `/epcisBody/eventList/{i}`, which is traced back to its row.
 */
async function captureEvents(ctx: RowContext, prepared: { row: number; item: unknown }[]) {
  try {
    const stages = prepared.map((p) => p.item as PreparedStage);
    const { eventIds } = await persistStages(ctx.tx, ctx.organisationId, stages);
    return eventIds;
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    if (!err.errors.length)
      throw new RowProblems([
        { row: prepared[0].row, error: { field: '/body', code: `problem.${err.code}`, params: err.params } },
      ]);
    throw new RowProblems(
      err.errors.map((e) => {
        const index = Number(/^\/epcisBody\/eventList\/(\d+)/.exec(e.field)?.[1] ?? 0);
        return { row: prepared[index]?.row ?? prepared[0].row, error: { ...e, field: '/body' } };
      }),
    );
  }
}

/** Errors of a whole-file step, each tied to the row it is about. */
export class RowProblems extends Error {
  readonly problems: { row: number; error: FieldError }[];
  constructor(problems: { row: number; error: FieldError }[]) {
    super('row problems');
    this.problems = problems;
  }
}

export interface KindHandler {
  /** checks one row and writes it, or returns what the whole-file step needs */
  row(ctx: RowContext, values: Values): Promise<unknown>;
  /** runs once, when every row passed; returns the ids it created */
  finish?(ctx: RowContext, rows: { row: number; item: unknown }[]): Promise<string[]>;
}

export const handlers: Record<ImportKind, KindHandler> = {
  products: { row: importProduct },
  lots: { row: importLot },
  events: { row: importEvent, finish: captureEvents },
};

/** What every row of an import needs from the registry, read once. */
export async function importContext(tx: Tx, actor: Actor, organisationId: string): Promise<RowContext> {
  const locations = await listLocationsOfOrganisation(tx, organisationId);
  const byId = new Map(locations.map((l) => [l.id, l]));
  let self: ReturnType<StageLookups['self']> | undefined;
  return {
    tx,
    actor,
    organisationId,
    locations,
    ledger: new StockLedger(),
    lookups: {
      self: () => {
        self ??= selfParty(tx, organisationId);
        return self;
      },
      location: async (id) => byId.get(id) ?? null,
    },
  };
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Which column of the sheet a service's field error is about (null: the row as a whole). */
export function columnOf(kind: ImportKind, field: string): string | null {
  const path = field
    .replace(/^\/body\/?/, '')
    .split('/')
    .filter(Boolean);
  if (!path.length) return null;
  const [head, ...rest] = path;
  const last = rest.filter((p) => !/^\d+$/.test(p)).at(-1);
  if (head === 'organisationId') return null;
  if (head === 'productId') return 'gtin';
  if (head === 'locationId') return 'location';
  if (kind === 'events') {
    if (head === 'eventTime') return 'event_time';
    if (['output', 'outputs', 'items'].includes(head)) return last ? snake(last) : 'gtin';
    if (head === 'inputs') return `input_${snake(last ?? 'gtin')}`;
    if (head === 'to' || head === 'from') return `partner_${snake(last ?? 'name')}`;
    if (head === 'documents') return last ? snake(last) : null;
  }
  return snake(head);
}
