import { parseEventQuery, queryEvents } from '../epcis/index.ts';
import type { Actor, DbOrTx } from '../platform/index.ts';
import { listLocationsOfOrganisation, listLots, listProducts } from '../registry/index.ts';
import { columns, type ImportKind } from './columns.ts';
import { eventToRow } from './event-rows.ts';
import { type Cell, toCsv, toXlsx } from './spreadsheet.ts';

const PAGE = 200;

/** Every page of a registry list, for an export. */
async function all<T>(fetch: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await fetch(page);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length < PAGE) return items;
  }
}

async function productRows(db: DbOrTx, actor: Actor, organisationId: string): Promise<Cell[][]> {
  const products = await all((page) =>
    listProducts(db, { page, pageSize: PAGE, organisationId, sort: 'gtin' }, actor),
  );
  return products.map((p) => [
    p.gtin,
    p.name,
    p.brand,
    p.modelCode,
    p.productGroup,
    p.unit,
    p.netQuantity,
    p.netQuantityUnit,
    p.shelfLifeDays,
    p.appliedStandards.join('; '),
    p.description,
  ]);
}

async function lotRows(db: DbOrTx, actor: Actor, organisationId: string): Promise<Cell[][]> {
  const lots = await all((page) =>
    listLots(db, { page, pageSize: PAGE, organisationId, sort: 'lot' }, actor),
  );
  // a location is named as the import reads it (GLN, internal code or name), never by its internal id
  const locations = new Map(
    (await listLocationsOfOrganisation(db, organisationId)).map((l) => [
      l.id,
      l.gln ?? l.internalCode ?? l.name,
    ]),
  );
  return lots.map((l) => [
    l.gtin,
    l.lot,
    dayMonthYear(l.productionDate),
    dayMonthYear(l.expiryDate),
    l.quantity,
    l.unit,
    l.locationId ? (locations.get(l.locationId) ?? null) : null,
  ]);
}

/** `2026-06-01` → `01/06/2026`, as the templates ask for dates. */
const dayMonthYear = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

const EVENT_PAGE = 1000;

/** The stage events the organisation captured, in capture order, one row each. */
async function eventRows(db: DbOrTx, organisationId: string): Promise<Cell[][]> {
  const keys = columns.events.map((c) => c.key);
  const rows: Cell[][] = [];
  const query = parseEventQuery({ perPage: String(EVENT_PAGE) });
  for (;;) {
    const { events, more } = await queryEvents(db, query, {
      all: false,
      organisationIds: [organisationId],
      linkValues: [],
    });
    for (const event of events) {
      const row = eventToRow(event);
      if (row) rows.push(keys.map((k) => row[k] ?? null));
    }
    if (!more || !events.length) return rows;
    query.after = { pk: events.at(-1)!.pk, at: null };
  }
}

export const exportableKinds = ['products', 'lots', 'events'] as const satisfies readonly ImportKind[];
export type ExportKind = (typeof exportableKinds)[number];

/** An organisation's products, lots or stage events in the import format, so an export can be edited and imported again. */
export async function exportEntities(
  db: DbOrTx,
  actor: Actor,
  opts: { organisationId: string; kind: ExportKind; format: 'csv' | 'xlsx' },
): Promise<Buffer> {
  const header = columns[opts.kind].map((c) => c.vi);
  const rows =
    opts.kind === 'products'
      ? await productRows(db, actor, opts.organisationId)
      : opts.kind === 'lots'
        ? await lotRows(db, actor, opts.organisationId)
        : await eventRows(db, opts.organisationId);
  return opts.format === 'csv' ? toCsv(header, rows) : toXlsx(opts.kind, header, rows);
}

/** A template: the header row, one example row, and a sheet explaining each column in Vietnamese and English. */
export function template(kind: ImportKind, format: 'csv' | 'xlsx'): Promise<Buffer> | Buffer {
  const cols = columns[kind];
  const header = cols.map((c) => (c.required ? `${c.vi} *` : c.vi));
  const example = cols.map((c) => c.example);
  return format === 'csv' ? toCsv(header, [example]) : toXlsx(kind, header, [example], { columns: cols });
}
