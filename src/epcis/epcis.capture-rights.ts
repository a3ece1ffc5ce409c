import { type DbOrTx, Problem } from '../platform/index.ts';
import { isForeign, isOwnedBy, ownersOfIdentifiers } from '../registry/index.ts';
import type { EventRow, IdRow, LinkRow } from './epcis.extract.ts';
import { destinationsOfIds } from './epcis.repo.ts';

/**
 * Who may say what about whose goods (docs/security.md, "Capture"). An organisation speaks for an event when
 * nothing in it belongs to someone else, or when the foreign goods are ones it handles:
 * - its places (readPoint, bizLocation) are its own or nobody's;
 * - what it makes (the outputs of a transformation, the goods an ObjectEvent ADD commissions) is its own or
 *   nobody's: nobody makes another firm's goods;
 * - other goods (epcList, parent, children, inputs, quantities) under another organisation's keys only when the
 *   event names it as source or destination (it ships or receives them), or when goods were sent to it before
 *   (by a stored event, or by an earlier event of the same document).
 * Identifiers that are not GS1 keys, or that no organisation of the province holds, are nobody's.
 * Throws 403 naming every identifier it may not speak for; nothing of the document is stored.
 */
export async function refuseForeignSpeech(
  tx: DbOrTx,
  organisationId: string,
  extracted: { rows: EventRow[]; ids: IdRow[]; links: LinkRow[] },
) {
  const events = extracted.rows.filter((r) => !r.isErrorDeclaration);
  // the ids and links of the events themselves (declarations name no goods of their own to speak for)
  const idsOf = groupBy(extracted.ids);
  const linksOf = groupBy(extracted.links);
  const everything: string[] = [];
  for (const i of extracted.ids) everything.push(i.id);
  for (const l of extracted.links) if (l.kind !== 'bizTransaction') everything.push(l.value);
  for (const e of events) {
    if (e.readPoint !== null) everything.push(e.readPoint);
    if (e.bizLocation !== null) everything.push(e.bizLocation);
  }
  const owners = await ownersOfIdentifiers(tx, everything);
  const foreign = (id: string) => isForeign(owners, id, organisationId);
  const held = await heldGoods(
    tx,
    organisationId,
    extracted.ids.filter((i) => foreign(i.id)).map((i) => i.id),
  );

  const errors: { field: string; code: string; params: Record<string, string> }[] = [];
  for (const event of events) {
    const at = `/epcisBody/eventList/${event.index}`;
    const links = (linksOf.get(event.eventId) ?? []).filter((l) => l.kind !== 'bizTransaction');
    const named = links.some((l) => isOwnedBy(owners, l.value, organisationId));
    const receives = links.some(
      (l) => l.kind === 'destination' && isOwnedBy(owners, l.value, organisationId),
    );
    for (const [place, value] of [
      ['readPoint', event.readPoint],
      ['bizLocation', event.bizLocation],
    ] as const) {
      if (value && foreign(value))
        errors.push(refusal(`${at}/${place}`, 'epcis.capture.foreignPlace', value));
    }
    const ids = idsOf.get(event.eventId) ?? [];
    const commissions = event.eventType === 'ObjectEvent' && event.action === 'ADD';
    for (const id of ids) {
      if (!foreign(id.id)) continue;
      const makes = id.role === 'output' || (commissions && id.role === 'epc');
      if (makes) errors.push(refusal(`${at}/${listOf(id)}`, 'epcis.capture.foreignOutput', id.id));
      else if (!named && !held.has(id.id))
        errors.push(refusal(`${at}/${listOf(id)}`, 'epcis.capture.foreignGoods', id.id));
    }
    // goods received by this event may be spoken for by the document's later events
    if (receives) for (const id of ids) held.add(id.id);
  }
  if (errors.length) throw new Problem(403, 'epcis-capture-forbidden', { errors });
}

/** Foreign goods that stored events have sent to the organisation (a destination it owns). */
async function heldGoods(tx: DbOrTx, organisationId: string, foreignIds: string[]): Promise<Set<string>> {
  const sent = await destinationsOfIds(tx, [...new Set(foreignIds)]);
  if (!sent.length) return new Set();
  const destinationOwners = await ownersOfIdentifiers(
    tx,
    sent.map((s) => s.value),
  );
  return new Set(sent.filter((s) => isOwnedBy(destinationOwners, s.value, organisationId)).map((s) => s.id));
}

const refusal = (field: string, code: string, id: string) => ({ field, code, params: { id } });

/** The event field an identifier came from, for the refusal's pointer. */
function listOf(id: IdRow): string {
  if (id.role === 'parent') return 'parentID';
  const lists = {
    epc: ['epcList', 'quantityList'],
    child: ['childEPCs', 'childQuantityList'],
    input: ['inputEPCList', 'inputQuantityList'],
    output: ['outputEPCList', 'outputQuantityList'],
  } as const;
  return lists[id.role][id.isClass ? 1 : 0];
}

/** The rows of events (not declarations) by eventID: an event's eventID is the same string its rows carry. */
function groupBy<T extends { eventId: string; isErrorDeclaration: boolean }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    if (item.isErrorDeclaration) continue;
    const list = map.get(item.eventId);
    if (list) list.push(item);
    else map.set(item.eventId, [item]);
  }
  return map;
}
