import { classBalances, classesGainedBy } from '../epcis/index.ts';
import { parseDigitalLink } from '../gs1/index.ts';
import type { Actor, DbOrTx, FieldError } from '../platform/index.ts';
import { getLotsByKeys, getProductsByGtins, listLots } from '../registry/index.ts';
import { lotClassId } from './epcis-document.ts';
import type { LotQuantity, StageForm } from './stages.schema.ts';

/** Units of one kind convert into each other; a quantity of another kind is none of this one. */
/** A kind of unit: what a quantity measures. */
export type UnitKind = 'mass' | 'volume' | 'count';

export const dimensions: Record<string, { kind: UnitKind; factor: number }> = {
  KGM: { kind: 'mass', factor: 1 },
  GRM: { kind: 'mass', factor: 0.001 },
  TNE: { kind: 'mass', factor: 1000 },
  LTR: { kind: 'volume', factor: 1 },
  MLT: { kind: 'volume', factor: 0.001 },
  H87: { kind: 'count', factor: 1 },
};

/** The names people read for the units forms use (a lot's registry unit is written with them too). */
export const unitNames: Record<string, { vi: string; en: string }> = {
  KGM: { vi: 'kg', en: 'kg' },
  GRM: { vi: 'g', en: 'g' },
  TNE: { vi: 'tấn', en: 't' },
  LTR: { vi: 'lít', en: 'l' },
  MLT: { vi: 'ml', en: 'ml' },
  H87: { vi: 'cái', en: 'pcs' },
};
const codeOfName = new Map(
  Object.entries(unitNames).flatMap(([code, n]) => [
    [code.toLowerCase(), code],
    [n.vi, code],
    [n.en, code],
  ]),
);

/** A unit as people or the registry write it (kg, cái, KGM) as its UN/ECE code, if it is one forms use. */
export const unitCodeOf = (unit: string) => codeOfName.get(unit.trim().toLowerCase());

const key = (gtin: string, lot: string) => `${gtin.padStart(14, '0')} ${lot}`;

/** What an organisation holds of one lot, per kind of unit (kg, litres, pieces), in the kind's base unit. */
type Holding = Partial<Record<'mass' | 'volume' | 'count', number>>;

/**
 * Quantities a batch of stages (an import) gains and uses before it is captured: what the stock check must add to
 * what the repository already holds, so ten rows cannot ship the same 100 kg ten times.
 */
export class StockLedger {
  private readonly delta = new Map<string, Holding>();
  add(gtin: string, lot: string, quantity: number, unit: string) {
    const d = dimensions[unit];
    if (!d) return;
    const h = this.delta.get(key(gtin, lot)) ?? {};
    h[d.kind] = (h[d.kind] ?? 0) + quantity * d.factor;
    this.delta.set(key(gtin, lot), h);
  }
  of(gtin: string, lot: string): Holding {
    return this.delta.get(key(gtin, lot)) ?? {};
  }
  /** Books a stage's gains and uses, once it passed the check. */
  book(form: StageForm) {
    for (const q of used(form)) this.add(q.gtin, q.lot, -q.quantity, q.unit);
    for (const q of made(form)) this.add(q.gtin, q.lot, q.quantity, q.unit);
  }
}

/** The lots a stage gives up or uses: shipped, sold, or the inputs of processing and packing. */
function used(form: StageForm): (LotQuantity & { field: string })[] {
  const list =
    form.stage === 'ship' || form.stage === 'sell'
      ? { name: 'items', items: form.items }
      : form.stage === 'preprocess' || form.stage === 'process' || (form.stage === 'pack' && !form.sscc)
        ? { name: 'inputs', items: form.inputs }
        : null;
  return list ? list.items.map((q, i) => ({ ...q, field: `/body/${list.name}/${i}` })) : [];
}

/** The lots a stage makes or brings in. */
function made(form: StageForm): LotQuantity[] {
  if (form.stage === 'harvest') return [form.output];
  if (form.stage === 'receive') return form.items;
  if (form.stage === 'preprocess' || form.stage === 'process') return form.outputs;
  if (form.stage === 'pack' && !form.sscc) return form.outputs ?? [];
  return [];
}

/**
 * What the organisation holds of these lots: by its own events (made, received, minus shipped, sold, used); for a
 * lot none of its events names, the quantity its registry lot declares.
 */
export async function holdings(
  db: DbOrTx,
  organisationId: string,
  lots: { gtin: string; lot: string }[],
): Promise<Map<string, Holding & { known: boolean }>> {
  const result = new Map<string, Holding & { known: boolean }>();
  if (!lots.length) return result;
  const classOf = new Map(lots.map((l) => [lotClassId(l.gtin, l.lot), key(l.gtin, l.lot)]));
  for (const b of await classBalances(db, organisationId, [...classOf.keys()])) {
    const k = classOf.get(b.classId);
    const d = b.uom ? dimensions[b.uom] : undefined;
    if (!k) continue;
    const h = result.get(k) ?? { known: true };
    if (d) h[d.kind] = (h[d.kind] ?? 0) + (b.gained - b.lost) * d.factor;
    result.set(k, h);
  }
  const unseen = lots.filter((l) => !result.has(key(l.gtin, l.lot)));
  for (const lot of await getLotsByKeys(db, unseen)) {
    if (lot.organisationId !== organisationId) continue;
    const code = lot.unit ? unitCodeOf(lot.unit) : undefined;
    const d = code ? dimensions[code] : undefined;
    result.set(key(lot.gtin, lot.lot), {
      known: true,
      ...(d && lot.quantity !== null ? { [d.kind]: Number(lot.quantity) * d.factor } : {}),
    });
  }
  return result;
}

export const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Mass balance at write time: a stage never ships, sells or uses more of a lot than the organisation holds, and
 * never a lot it does not hold at all (a mistyped lot number is refused, not shipped as a new empty lot). The
 * error names the field and says how much is left, in the unit the form used.
 */
export async function checkStock(
  db: DbOrTx,
  organisationId: string,
  form: StageForm,
  ledger?: StockLedger,
): Promise<FieldError[]> {
  const wanted = used(form);
  if (!wanted.length) return [];
  const held = await holdings(db, organisationId, wanted);
  const errors: FieldError[] = [];
  const usedHere = new StockLedger();
  for (const q of wanted) {
    const d = dimensions[q.unit];
    const h = held.get(key(q.gtin, q.lot));
    const pending = ledger?.of(q.gtin, q.lot) ?? {};
    const names = unitNames[q.unit] ?? { vi: q.unit, en: q.unit };
    if (!h && !Object.keys(pending).length) {
      errors.push({
        field: `${q.field}/lot`,
        code: 'chain.lotNotHeld',
        params: { lot: q.lot, gtin: q.gtin },
      });
      continue;
    }
    if (!d) continue;
    const available = (h?.[d.kind] ?? 0) + (pending[d.kind] ?? 0) + (usedHere.of(q.gtin, q.lot)[d.kind] ?? 0);
    const need = q.quantity * d.factor;
    usedHere.add(q.gtin, q.lot, -q.quantity, q.unit);
    if (need > available + 1e-9)
      errors.push({
        field: `${q.field}/quantity`,
        code: 'chain.moreThanAvailable',
        params: {
          lot: q.lot,
          availableVi: round(Math.max(available, 0) / d.factor).toLocaleString('vi-VN'),
          availableEn: round(Math.max(available, 0) / d.factor).toLocaleString('en-GB'),
          unitVi: names.vi,
          unitEn: names.en,
        },
      });
  }
  return errors;
}

/** One lot an organisation holds, with what is left of it (per kind of unit, in the unit forms use for it). */
export interface StockLine {
  gtin: string;
  lot: string;
  productName: string | null;
  available: { quantity: number; unit: string }[];
}

/** The unit each kind of quantity is counted in. */
export const baseUnit = { mass: 'KGM', volume: 'LTR', count: 'H87' } as const;

/**
 * The lots an organisation holds — made or received by its own events, or declared in its registry lots — with what
 * is left of each: what a shipping or processing form picks from. Searched by lot number, GTIN or product name;
 * lots with nothing left are left out unless `all`.
 */
export async function listStock(
  db: DbOrTx,
  actor: Actor,
  organisationId: string,
  query: { q?: string; all?: boolean; page: number; pageSize: number },
) {
  const keys = new Map<string, { gtin: string; lot: string }>();
  for (const id of await classesGainedBy(db, organisationId)) {
    try {
      const dl = parseDigitalLink(id);
      const gtinAi = dl.ais.find((a) => a.ai === '01');
      const lotAi = dl.ais.find((a) => a.ai === '10');
      if (gtinAi && lotAi) keys.set(key(gtinAi.value, lotAi.value), { gtin: gtinAi.value, lot: lotAi.value });
    } catch {
      // a class that is no GS1 lot (a pattern, another scheme) is nothing a form picks
    }
  }
  const own = await listLots(db, { organisationId, page: 1, pageSize: 200, sort: '-createdAt' }, actor);
  for (const lot of own.items)
    keys.set(key(lot.gtin, lot.lot), { gtin: lot.gtin.padStart(14, '0'), lot: lot.lot });
  const lots = [...keys.values()];
  const [held, products] = await Promise.all([
    holdings(db, organisationId, lots),
    getProductsByGtins(db, [...new Set(lots.map((l) => l.gtin))]),
  ]);
  const names = new Map(products.map((p) => [p.gtin, p.name]));
  const q = query.q?.trim().toLowerCase();
  const lines: StockLine[] = lots
    .map((l) => {
      const h: Holding = held.get(key(l.gtin, l.lot)) ?? {};
      const available = (['mass', 'volume', 'count'] as const)
        .filter((kind) => h[kind] !== undefined)
        .map((kind) => ({ quantity: round(h[kind]!), unit: baseUnit[kind] }));
      return {
        gtin: l.gtin,
        lot: l.lot,
        productName: names.get(l.gtin.padStart(14, '0')) ?? null,
        available,
      };
    })
    .filter((line) => query.all || line.available.some((a) => a.quantity > 0))
    .filter(
      (line) =>
        !q ||
        line.lot.toLowerCase().includes(q) ||
        line.gtin.includes(q) ||
        (line.productName ?? '').toLowerCase().includes(q),
    )
    .sort((a, b) => a.lot.localeCompare(b.lot, 'vi'));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: lines.slice(start, start + query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
    total: lines.length,
  };
}
