import type { Got } from '../../api/types.ts';

export type Trace = Got<'/api/trace'>;
export type TraceEvent = Trace['events'][number];
export type TraceItem = Trace['items'][number];

/** The words a step is called by (keys under `lotPage.step`). */
export type StepName =
  | 'harvesting'
  | 'commissioning'
  | 'packing'
  | 'shipping'
  | 'receiving'
  | 'storing'
  | 'transforming'
  | 'retail_selling'
  | 'growing'
  | 'inspecting'
  | 'destroying'
  | 'event';

const known = new Set<string>([
  'commissioning',
  'packing',
  'shipping',
  'receiving',
  'storing',
  'transforming',
  'retail_selling',
  'growing',
  'inspecting',
  'destroying',
]);

/**
 * A CBV business step comes short (`shipping`) or as a URI (`…/BizStep-shipping`); CBV has no harvest, so a
 * commissioning that records harvest dates is one. Any transformation but packing is a transformation.
 */
export function stepOf(event: Pick<TraceEvent, 'bizStep' | 'eventType' | 'ilmd'>): StepName {
  const short = (event.bizStep ?? '').replace(/^.*(BizStep-|bizstep:|\/)/, '');
  if (event.eventType === 'TransformationEvent' && short !== 'packing') return 'transforming';
  if (
    short === 'commissioning' &&
    Object.keys(event.ilmd ?? {}).some((k) => /harvest(Start|End)Date$/.test(k))
  )
    return 'harvesting';
  return known.has(short) ? (short as StepName) : 'event';
}

export interface FlowNode {
  item: TraceItem;
  /** The events that name this item, oldest first. */
  events: TraceEvent[];
}

/**
 * The trace as layers: one per hop from the lot, each node with the events that name it. Backward layers come
 * farthest first, so the page reads from the farm to the customer; the lot itself is the middle layer, with
 * the events of both walks.
 */
export function layers(backward: Trace | undefined, forward: Trace | undefined) {
  const eventsOf = (trace: Trace | undefined, id: string) =>
    (trace?.events ?? []).filter((e) => e.ids.some((i) => i.id === id));
  const byDepth = (trace: Trace | undefined) => {
    const out: FlowNode[][] = [];
    for (const item of trace?.items ?? []) {
      if (item.depth === 0) continue;
      const layer = out[item.depth - 1] ?? [];
      layer.push({ item, events: eventsOf(trace, item.id) });
      out[item.depth - 1] = layer;
    }
    return out.filter(Boolean);
  };
  const rootItem = forward?.items.find((i) => i.depth === 0) ?? backward?.items.find((i) => i.depth === 0);
  const rootEvents = new Map<string, TraceEvent>();
  if (rootItem) {
    for (const e of [...eventsOf(backward, rootItem.id), ...eventsOf(forward, rootItem.id)])
      rootEvents.set(e.eventId, e);
  }
  return {
    origins: byDepth(backward).reverse(),
    root: rootItem
      ? {
          item: rootItem,
          events: [...rootEvents.values()].sort((a, b) => a.eventTime.localeCompare(b.eventTime)),
        }
      : null,
    destinations: byDepth(forward),
  };
}

/** Who a link names: the party's registered name, else the place's, else nothing we may show. */
export function nameOf(trace: Trace | undefined, value: string) {
  const party = trace?.parties.find((p) => p.id === value);
  if (party) return { name: party.name, organisationId: party.organisationId, gln: party.gln };
  const place = trace?.locations.find((l) => l.id === value);
  if (place) return { name: place.name, organisationId: place.organisationId, gln: place.gln };
  return { name: null, organisationId: null, gln: null };
}
