import type { RecallShipment, RecallStamps } from './recall.coverage.ts';
import type { TraceEvent, TraceItem, TraceResult } from './trace.schema.ts';

export type AffectedReason = 'recalled' | 'downstream' | 'input' | 'same_input';

export interface RecallRow {
  traceabilityLotCode: string;
  gtin: string | null;
  productDescription: string | null;
  quantity: number | null;
  unitOfMeasure: string | null;
  locationDescription: string | null;
  locationGln: string | null;
  date: Date;
  event: string;
  referenceDocumentType: string | null;
  referenceDocumentNumber: string | null;
  party: string | null;
  source: string | null;
  destination: string | null;
  affectedAs: AffectedReason;
  lotStatus: string | null;
  identifier: string;
}

export interface RecallReport {
  root: string;
  asOf: string | null;
  generatedAt: string;
  lots: (TraceItem & { affectedAs: AffectedReason })[];
  parties: TraceResult['parties'];
  locations: TraceResult['locations'];
  rows: RecallRow[];
  /** The stamps bound to each affected lot and the shipments that carried it, as far as the caller may read. */
  stamps: RecallStamps[];
  shipments: RecallShipment[];
}

const rank: Record<AffectedReason, number> = { recalled: 0, input: 1, downstream: 2, same_input: 3 };

/** Turns the recall walks into one row per event and lot it names: the FSMA 204 key data elements. */
export function recallRows(
  root: string,
  asOf: Date | null,
  walks: { back: TraceResult; downstream: TraceResult; siblings: TraceResult | null; inputs: string[] },
): Omit<RecallReport, 'stamps' | 'shipments'> {
  const affected = new Map<string, TraceItem & { affectedAs: AffectedReason }>();
  const mark = (items: TraceItem[], reason: (item: TraceItem) => AffectedReason) => {
    for (const item of items) {
      const affectedAs = reason(item);
      const known = affected.get(item.id);
      if (!known || rank[affectedAs] < rank[known.affectedAs]) affected.set(item.id, { ...item, affectedAs });
    }
  };
  const inputs = new Set(walks.inputs);
  mark(walks.downstream.items, (i) => (i.id === root ? 'recalled' : 'downstream'));
  mark(walks.siblings?.items ?? [], (i) => (inputs.has(i.id) ? 'input' : 'same_input'));
  mark(
    walks.back.items.filter((i) => i.id === root || inputs.has(i.id)),
    (i) => (i.id === root ? 'recalled' : 'input'),
  );

  const all = [walks.back, walks.downstream, walks.siblings].filter((w): w is TraceResult => w !== null);
  const parties = uniqueBy(
    all.flatMap((w) => w.parties),
    (p) => p.organisationId ?? p.id,
  );
  const locations = uniqueBy(
    all.flatMap((w) => w.locations),
    (l) => l.id,
  );
  const events = uniqueBy(
    all.flatMap((w) => w.events),
    (e) => e.eventId,
  );
  /** Who sent or received: the owning party's name, else the place's, else the identifier itself. */
  const counterpart = (links: TraceEvent['sources']) => {
    const named = links.filter((l) => l.type?.endsWith('party') || l.value.includes('/417/'));
    const chosen = named.length ? named : links;
    return joined(
      chosen.map(
        (l) =>
          parties.find((p) => p.id === l.value)?.name ??
          locations.find((p) => p.id === l.value)?.name ??
          l.value,
      ),
    );
  };
  const capturer = (id: string | null) =>
    id ? (parties.find((p) => p.organisationId === id)?.name ?? null) : null;
  const place = (id: string | null) => (id ? locations.find((l) => l.id === id) : undefined);

  const rows: RecallRow[] = [];
  for (const event of events) {
    const where = place(event.bizLocation) ?? place(event.readPoint);
    for (const named of event.ids) {
      const item = affected.get(named.id);
      if (!item) continue;
      rows.push({
        traceabilityLotCode: item.lot ?? item.serial ?? item.sscc ?? item.id,
        gtin: item.gtin,
        productDescription: item.productName,
        quantity: named.quantity ?? (item.serial || item.sscc ? 1 : null),
        unitOfMeasure: named.uom ?? (item.serial || item.sscc ? 'EA' : null),
        locationDescription: where?.name ?? null,
        locationGln: where?.gln ?? null,
        date: new Date(event.eventTime),
        event: cte(event),
        referenceDocumentType: joined(event.bizTransactions.map((b) => b.type ?? '')),
        referenceDocumentNumber: joined(event.bizTransactions.map((b) => b.value)),
        party: capturer(event.capturedBy),
        source: counterpart(event.sources),
        destination: counterpart(event.destinations),
        affectedAs: item.affectedAs,
        lotStatus: item.lotStatus,
        identifier: item.id,
      });
    }
  }
  rows.sort(
    (a, b) =>
      a.date.getTime() - b.date.getTime() || a.traceabilityLotCode.localeCompare(b.traceabilityLotCode),
  );
  return {
    root,
    asOf: asOf ? asOf.toISOString() : null,
    generatedAt: new Date().toISOString(),
    lots: [...affected.values()].sort(
      (a, b) => rank[a.affectedAs] - rank[b.affectedAs] || a.id.localeCompare(b.id),
    ),
    parties,
    locations,
    rows,
  };
}

/** The critical tracking event as FSMA 204 names it, from the CBV business step or the event type. */
function cte(event: TraceEvent): string {
  if (event.bizStep) return event.bizStep;
  return event.eventType === 'TransformationEvent' ? 'transforming' : event.eventType;
}

const joined = (values: string[]) =>
  values.filter(Boolean).length ? values.filter(Boolean).join('; ') : null;

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}
