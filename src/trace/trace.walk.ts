import type { StoredEvent, StoredEventId } from '../epcis/index.ts';

export type TraceDirection = 'backward' | 'forward' | 'both';

/** How an item was reached from the one before it. */
export type Relation =
  | 'input' // an input of a transformation that made the item before (backward)
  | 'output' // an output of a transformation that consumed the item before (forward)
  | 'content' // packed inside the item before (aggregation child)
  | 'container' // the item before was packed inside it (aggregation parent)
  | 'lot' // the lot a serialised item belongs to
  | 'item'; // a serialised item of the lot before

export interface Reached {
  id: string;
  depth: number;
  via: { from: string; relation: Relation; eventId: string | null } | null;
}

export interface WalkResult {
  items: Reached[];
  events: StoredEvent[];
  /** True when a limit stopped the walk before the chain ended. */
  truncated: boolean;
}

export interface WalkLimits {
  maxDepth: number;
  maxItems: number;
}

const defaultLimits: WalkLimits = { maxDepth: 40, maxItems: 5000 };

/** A GTIN alone names a whole product line, not a lot: following it would pull in every event of the product. */
const followable = (id: string) => !/^https:\/\/id\.gs1\.org\/01\/\d{14}$/.test(id);

/** `/01/g/10/l/21/s` belongs to lot `/01/g/10/l`. */
export function lotOfItem(id: string): string | null {
  const m = /^(https:\/\/id\.gs1\.org\/01\/\d{14}\/10\/[^/?#]+)\/21\/[^/?#]+$/.exec(id);
  return m ? m[1] : null;
}

const hasRole = (ids: StoredEventId[], id: string, role: StoredEventId['role']) =>
  ids.some((i) => i.id === id && i.role === role);
const withRole = (ids: StoredEventId[], role: StoredEventId['role']) =>
  ids.filter((i) => i.role === role).map((i) => i.id);

/**
 * Breadth-first over the event graph: one `fetchEvents` call per hop for the whole frontier. Backward follows
 * transformation outputs to their inputs, containers to what was packed in them and unpacked contents to the
 * container they arrived in; forward follows inputs to outputs, contents to the container they were packed in
 * and containers to what was unpacked from them. Shipping, receiving and selling of the same id by successive parties need no
 * edge: those events name the same id. An id reached as a container (a pallet the item travelled in) is not
 * opened again, so the other lots on the same pallet are not drawn in.
 */
export async function walkEvents(
  roots: string[],
  direction: TraceDirection,
  fetchEvents: (ids: string[]) => Promise<StoredEvent[]>,
  limits: WalkLimits = defaultLimits,
): Promise<WalkResult> {
  const backward = direction !== 'forward';
  const forward = direction !== 'backward';
  const reached = new Map<string, Reached>();
  const containersOnly = new Set<string>();
  const events = new Map<number, StoredEvent>();
  let frontier: string[] = [];

  let truncated = false;
  const reach = (id: string, depth: number, via: Reached['via'], asContainer = false) => {
    if (reached.has(id)) return;
    if (reached.size >= limits.maxItems) {
      truncated = true;
      return;
    }
    reached.set(id, { id, depth, via });
    if (asContainer) containersOnly.add(id);
    if (followable(id)) frontier.push(id);
  };
  for (const root of roots) reach(root, 0, null);

  for (let depth = 0; frontier.length && depth < limits.maxDepth; depth++) {
    const current = frontier;
    frontier = [];
    for (const id of current) {
      const lot = lotOfItem(id);
      if (lot) reach(lot, depth + 1, { from: id, relation: 'lot', eventId: null });
    }
    const found = await fetchEvents(current);
    const inFrontier = new Set(current);
    for (const event of found) {
      const named = event.ids.filter((i) => inFrontier.has(i.id));
      if (!named.length) continue;
      let relevant = false;
      for (const { id } of named) {
        const from = { from: id, eventId: event.eventId };
        if (event.eventType === 'TransformationEvent') {
          if (backward && hasRole(event.ids, id, 'output')) {
            relevant = true;
            for (const input of withRole(event.ids, 'input'))
              reach(input, depth + 1, { ...from, relation: 'input' });
          }
          if (forward && hasRole(event.ids, id, 'input')) {
            relevant = true;
            for (const output of withRole(event.ids, 'output'))
              reach(output, depth + 1, { ...from, relation: 'output' });
          }
          continue;
        }
        relevant = true;
        if (event.eventType !== 'AggregationEvent' && event.eventType !== 'AssociationEvent') continue;
        // Packing (ADD) comes after the contents were made and before the container travels; unpacking (DELETE)
        // the other way round. So which side of an aggregation lies upstream depends on its action.
        const packing = event.action === 'ADD';
        const unpacking = event.action === 'DELETE';
        const towardsContents = (backward && !unpacking) || (forward && !packing);
        const towardsContainer = (backward && !packing) || (forward && !unpacking);
        if (towardsContents && hasRole(event.ids, id, 'parent') && !containersOnly.has(id)) {
          for (const child of withRole(event.ids, 'child'))
            reach(child, depth + 1, { ...from, relation: 'content' });
        }
        if (towardsContainer && hasRole(event.ids, id, 'child')) {
          for (const parent of withRole(event.ids, 'parent'))
            reach(parent, depth + 1, { ...from, relation: 'container' }, true);
        }
      }
      if (relevant) events.set(event.pk, event);
    }
    // items reached only through a lot of theirs that the frontier names (lot ↔ item, the other way)
    for (const event of found) {
      for (const i of event.ids) {
        const lot = lotOfItem(i.id);
        if (lot && inFrontier.has(lot))
          reach(i.id, depth + 1, { from: lot, relation: 'item', eventId: event.eventId });
      }
    }
  }
  const ordered = [...events.values()].sort(
    (a, b) => a.eventTime.getTime() - b.eventTime.getTime() || a.pk - b.pk,
  );
  return { items: [...reached.values()], events: ordered, truncated: truncated || frontier.length > 0 };
}
