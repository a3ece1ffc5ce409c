import { type Actor, type DbOrTx, notFound } from '../platform/index.ts';
import { type RecallLotKey, recallCoverage, shipmentOrder } from './recall.coverage.ts';
import { type RecallReport, recallRows } from './recall.presenter.ts';
import { shipmentsFromEvents } from './recall.shipping-events.ts';
import { rootId } from './trace.root.ts';
import type { TraceResult } from './trace.schema.ts';
import { traceIds } from './trace.service.ts';

/** Relations that keep us on the same physical goods (a lot, its items, the case or pallet they travel in). */
const sameGoods = new Set(['lot', 'item', 'content', 'container']);

/**
 * The impact of recalling a lot. Affected: the lot and everything made from it or shipped on from it (forward),
 * plus, because a fault may have come in with an ingredient, the lot's direct inputs and every other lot made
 * from those same inputs, with their own downstream (siblings). The inputs' own history further back is not
 * included: that is a backward trace, not a recall. Each lot is labelled with why it is affected.
 */
export async function recallReport(
  db: DbOrTx,
  request: { id: string; asOf?: Date | null; actor: Actor | null },
): Promise<RecallReport> {
  const root = rootId(request.id);
  const common = { asOf: request.asOf ?? null, actor: request.actor };
  const back = await traceIds(db, {
    ...common,
    roots: [root],
    direction: 'backward',
    limits: { maxDepth: 4, maxItems: 500 },
  });
  const inputs = directInputs(root, back);
  const downstream = await traceIds(db, { ...common, roots: [root], direction: 'forward' });
  const siblings = inputs.length
    ? await traceIds(db, { ...common, roots: inputs, direction: 'forward' })
    : null;
  if (!back.events.length && !downstream.events.length) throw notFound('trace.not-found', { id: root });
  const report = recallRows(root, request.asOf ?? null, { back, downstream, siblings, inputs });
  const lots = lotKeys(report);
  const coverage = await recallCoverage(db, lots, request.actor);
  const recorded = new Set(coverage.shipments.map((s) => s.shippingEventId));
  const captured = shipmentsFromEvents([back, downstream, siblings], lots, recorded);
  const shipments = [...coverage.shipments, ...captured].sort(shipmentOrder(lots));
  return { ...report, ...coverage, shipments };
}

/** The affected lots themselves (not their serial items or the pallets they travelled in), recalled lot first. */
function lotKeys(report: Omit<RecallReport, 'stamps' | 'shipments'>): RecallLotKey[] {
  return report.lots.flatMap((l) =>
    l.gtin && l.lot && !l.serial && !l.sscc ? [{ id: l.id, gtin: l.gtin.padStart(14, '0'), lot: l.lot }] : [],
  );
}

function directInputs(root: string, back: TraceResult): string[] {
  const same = new Set([root]);
  const inputs: string[] = [];
  for (const item of [...back.items].sort((a, b) => a.depth - b.depth)) {
    if (!item.via || !same.has(item.via.from)) continue;
    if (sameGoods.has(item.via.relation)) same.add(item.id);
    else if (item.via.relation === 'input') inputs.push(item.id);
  }
  return inputs;
}
