import { type CaptureRule, classBalances, registerCaptureRule } from '../epcis/index.ts';
import { parseDigitalLink } from '../gs1/index.ts';
import { badRequest, type FieldError } from '../platform/index.ts';
import { getLotsByKeys } from '../registry/index.ts';
import { baseUnit, dimensions, type UnitKind as Kind, round, unitCodeOf, unitNames } from './stock.ts';

/** Business steps by which an organisation gives up goods it holds (CBV 2.0), as the balance counts them. */
const givingUp = new Set(['shipping', 'retail_selling', 'destroying']);

/**
 * Mass balance at capture (issue 12 §3): an EPCIS document may not ship, sell, destroy or transform more of a lot
 * than the capturing organisation is known to hold. Known means its own events made or received some of the lot
 * (in a unit of the same kind), or else its registry lot declares a quantity; a lot known by neither is let
 * through, and the automatic mass balance check flags it later. Runs inside the capture's transaction, after its
 * events are in, so the same events sent again and several events of one document count once each.
 */
export const refuseOverdrawnLots: CaptureRule = async (tx, { organisationId, events, ids }) => {
  const eventOf = new Map(events.filter((e) => !e.isErrorDeclaration).map((e) => [e.eventId, e]));
  // the lots this document gives up, each with the first event that does
  const given = new Map<string, { gtin: string; lot: string; index: number }>();
  for (const id of ids) {
    const event = eventOf.get(id.eventId);
    if (!event || id.isErrorDeclaration || !id.isClass || id.quantity === null || given.has(id.id)) continue;
    const out =
      id.role === 'input' ||
      (id.role === 'epc' && event.action !== 'ADD' && givingUp.has(event.bizStep ?? ''));
    if (!out) continue;
    const lot = gs1Lot(id.id);
    if (lot) given.set(id.id, { ...lot, index: event.index });
  }
  if (!given.size) return;

  const flows = new Map<string, Partial<Record<Kind, { gained: number; lost: number }>>>();
  for (const b of await classBalances(tx, organisationId, [...given.keys()])) {
    const d = b.uom ? dimensions[b.uom] : undefined;
    if (!d) continue;
    const f = flows.get(b.classId) ?? {};
    const sum = f[d.kind] ?? { gained: 0, lost: 0 };
    sum.gained += b.gained * d.factor;
    sum.lost += b.lost * d.factor;
    f[d.kind] = sum;
    flows.set(b.classId, f);
  }
  const declared = new Map<string, { kind: Kind; quantity: number }>();
  for (const lot of await getLotsByKeys(tx, [...given.values()])) {
    const code = lot.unit ? unitCodeOf(lot.unit) : undefined;
    const d = code ? dimensions[code] : undefined;
    if (lot.organisationId === organisationId && d && lot.quantity !== null)
      declared.set(`${lot.gtin} ${lot.lot}`, { kind: d.kind, quantity: Number(lot.quantity) * d.factor });
  }

  const errors: FieldError[] = [];
  for (const [classId, { gtin, lot, index }] of given) {
    for (const [kind, { gained, lost }] of Object.entries(flows.get(classId) ?? {}) as [
      Kind,
      { gained: number; lost: number },
    ][]) {
      const own = declared.get(`${gtin} ${lot}`);
      const held = gained > 0 ? gained : own?.kind === kind ? own.quantity : undefined;
      if (held === undefined || lost <= held + 1e-9) continue;
      const names = unitNames[baseUnit[kind]];
      errors.push({
        field: `/epcisBody/eventList/${index}`,
        code: 'chain.captureMoreThanHeld',
        params: {
          lot,
          gtin,
          heldVi: round(held).toLocaleString('vi-VN'),
          heldEn: round(held).toLocaleString('en-GB'),
          lostVi: round(lost).toLocaleString('vi-VN'),
          lostEn: round(lost).toLocaleString('en-GB'),
          unitVi: names.vi,
          unitEn: names.en,
        },
      });
    }
  }
  if (errors.length) throw badRequest(errors);
};

/** The GTIN (14 digits) and lot of a GS1 lot-level class, or null for anything else (patterns, other schemes). */
function gs1Lot(classId: string): { gtin: string; lot: string } | null {
  try {
    const ais = parseDigitalLink(classId).ais;
    const gtin = ais.find((a) => a.ai === '01')?.value;
    const lot = ais.find((a) => a.ai === '10')?.value;
    return gtin && lot ? { gtin: gtin.padStart(14, '0'), lot } : null;
  } catch {
    return null;
  }
}

registerCaptureRule(refuseOverdrawnLots);
