import {
  findEventsByIds,
  getEventsByPk,
  masterDataNames,
  parseEventQuery,
  queryEvents,
  type StoredEvent,
} from '../epcis/index.ts';
import { buildDigitalLink } from '../gs1/index.ts';
import { type Actor, type DbOrTx, notFound } from '../platform/index.ts';
import {
  getLocationsByGlns,
  getLotByKey,
  getLotsByKeys,
  getOrganisationsByGlns,
  getOrganisationsByIds,
  getProductsByGtins,
  mayReadOrganisationData,
} from '../registry/index.ts';
import { glnOf, isPartyId, itemKey, organisationOfPartyId, partyIdForGln } from './trace.ids.ts';
import { hasOwnName, presentEvent, presentItem, presentLocation, presentParty } from './trace.presenter.ts';
import { publicChainFilter } from './trace.public.ts';
import { rootId } from './trace.root.ts';
import type { TraceResult } from './trace.schema.ts';
import { eventFilterFor } from './trace.visibility.ts';
import { type Reached, type TraceDirection, type WalkLimits, walkEvents } from './trace.walk.ts';

export interface TraceRequest {
  /** A Digital Link URI (any domain), an EPC URN, a GS1 element string, or an eventID. */
  id: string;
  direction: TraceDirection;
  asOf?: Date | null;
  /** Null for internal callers (stamps, recall): no visibility filter. */
  actor: Actor | null;
  /** `public`: only what parties to the chain said, as approved organisations (trace.public.ts). */
  audience?: 'public';
}

const eventIdShape = /^(urn:uuid:|ni:\/\/\/)/i;

/**
 * Walks the chain from a lot, item or logistic unit — or from an event (its eventID), starting at everything the
 * event names — and names its products, parties and places from the registry.
 */
export async function traceFrom(db: DbOrTx, request: TraceRequest): Promise<TraceResult> {
  if (eventIdShape.test(request.id.trim())) return traceFromEvent(db, request);
  const root = rootId(request.id);
  const result = await traceIds(db, { ...request, roots: [root] });
  // a lot the caller sees no event of is answered only when the caller may read it in the registry: otherwise
  // the answer would name another organisation's product
  if (!result.events.length && !(await knownInRegistry(db, root, request.actor))) {
    throw notFound('trace.not-found', { id: root });
  }
  return result;
}

/** The walk from several canonical ids at once (recall: a lot and its inputs), without the not-found rule. */
export async function traceIds(
  db: DbOrTx,
  request: Omit<TraceRequest, 'id'> & { roots: string[]; limits?: WalkLimits },
): Promise<TraceResult> {
  const asOf = request.asOf ?? undefined;
  const visible = await eventFilterFor(db, request.actor);
  const publicOnly = request.audience === 'public' ? publicChainFilter(db) : null;
  const fetch = async (ids: string[]) => {
    const events = await findEventsByIds(db, { ids, asOf });
    const seen = visible ? events.filter(visible) : events;
    return publicOnly ? publicOnly(ids, seen) : seen;
  };
  const walked = await walkEvents(request.roots, request.direction, fetch, request.limits);
  return {
    ...(await describe(db, request.roots[0], request, walked.items, walked.events)),
    truncated: walked.truncated,
  };
}

async function traceFromEvent(db: DbOrTx, request: TraceRequest): Promise<TraceResult> {
  const eventId = request.id.trim();
  const { events: found } = await queryEvents(db, parseEventQuery({ EQ_eventID: eventId }), { all: true });
  // the query answers without ids and links: read the events whole
  const events = await getEventsByPk(
    db,
    found.map((e) => e.pk),
  );
  const visible = await eventFilterFor(db, request.actor);
  const recorded = events.filter((e) => !request.asOf || e.recordTime <= request.asOf);
  const event = recorded.find((e) => !('errorDeclaration' in e.document) && (!visible || visible(e)));
  // only the organisation that captured the event, or the department, can declare it wrong (as in epcis.repo)
  const declaredWrong = recorded.some(
    (d) =>
      'errorDeclaration' in d.document &&
      (d.organisationId === null || d.organisationId === event?.organisationId),
  );
  if (!event || declaredWrong) throw notFound('trace.not-found', { id: eventId });
  const roots = [...new Set(event.ids.map((i) => i.id))];
  return { ...(await traceIds(db, { ...request, roots })), root: eventId };
}

async function knownInRegistry(db: DbOrTx, id: string, actor: Actor | null) {
  const key = itemKey(id);
  const lot = key.gtin && key.lot ? await getLotByKey(db, { gtin: key.gtin, lot: key.lot }) : null;
  return Boolean(lot && (!actor || (await mayReadOrganisationData(db, actor, lot.organisationId))));
}

/** The EPC class of a product (GTIN) or of its lot, as master data names it. */
const classId = (gtin: string, lot?: string) =>
  buildDigitalLink([{ ai: '01', value: gtin }, ...(lot === undefined ? [] : [{ ai: '10', value: lot }])]);

async function describe(
  db: DbOrTx,
  root: string,
  request: Pick<TraceRequest, 'direction' | 'asOf'>,
  reached: Reached[],
  events: StoredEvent[],
): Promise<Omit<TraceResult, 'truncated'>> {
  const keys = reached.map((r) => itemKey(r.id));
  const gtins = [...new Set(keys.flatMap((k) => (k.gtin ? [k.gtin] : [])))];
  const lotKeys = keys.flatMap((k) => (k.gtin && k.lot ? [{ gtin: k.gtin, lot: k.lot }] : []));

  const locationIds = new Set<string>();
  const partyIds = new Set<string>();
  for (const event of events) {
    for (const place of [event.readPoint, event.bizLocation]) if (place) locationIds.add(place);
    for (const link of event.links) {
      if (link.kind === 'bizTransaction') continue;
      (isPartyId(link.value) || link.type?.endsWith('party') ? partyIds : locationIds).add(link.value);
    }
  }
  const capturers = [...new Set(events.flatMap((e) => (e.organisationId ? [e.organisationId] : [])))];
  const partyOrganisationIds = [...partyIds].flatMap((id) => organisationOfPartyId(id) ?? []);
  const glnsOf = (ids: Set<string>) => [...ids].flatMap((id) => glnOf(id) ?? []);

  const [products, lots, places, partyOrganisations, namedOrganisations] = await Promise.all([
    getProductsByGtins(db, gtins),
    getLotsByKeys(db, lotKeys),
    getLocationsByGlns(db, glnsOf(locationIds)),
    getOrganisationsByGlns(db, glnsOf(partyIds)),
    getOrganisationsByIds(db, [...new Set([...capturers, ...partyOrganisationIds])]),
  ]);
  // what the registry does not know, the master data of the organisations whose events these are may name
  const placeByGln = new Map(places.map((p) => [p.gln!, p]));
  const organisationByGln = new Map(partyOrganisations.flatMap((o) => o.glns.map((g) => [g, o] as const)));
  const productByGtin = new Map(products.map((p) => [p.gtin, p]));
  const unnamed = [
    ...[...locationIds].filter((id) => !hasOwnName(placeByGln.get(glnOf(id) ?? ''))),
    ...[...partyIds].filter((id) => !organisationByGln.has(glnOf(id) ?? '') && !organisationOfPartyId(id)),
    ...keys.flatMap((k) =>
      k.gtin && !hasOwnName(productByGtin.get(k.gtin))
        ? [classId(k.gtin), ...(k.lot ? [classId(k.gtin, k.lot)] : [])]
        : [],
    ),
  ];
  const named = await masterDataNames(db, [...new Set(unnamed)], capturers);
  const namedProduct = (gtin: string, lot: string | null) =>
    (lot ? named.get(classId(gtin, lot)) : undefined) ?? named.get(classId(gtin));
  const lotByKey = new Map(lots.map((l) => [`${l.gtin} ${l.lot}`, l]));

  const parties = new Map<string, TraceResult['parties'][number]>();
  for (const id of partyIds) {
    const gln = glnOf(id);
    const byId = organisationOfPartyId(id);
    const known = gln ? organisationByGln.get(gln) : namedOrganisations.find((o) => o.id === byId);
    const party = presentParty(id, known, named.get(id));
    parties.set(party.organisationId ?? id, party);
  }
  for (const organisation of namedOrganisations) {
    if (parties.has(organisation.id) || !capturers.includes(organisation.id)) continue;
    const id = organisation.glns[0] ? partyIdForGln(organisation.glns[0]) : `urn:uuid:${organisation.id}`;
    parties.set(organisation.id, presentParty(id, organisation));
  }

  return {
    root,
    direction: request.direction,
    asOf: request.asOf ? request.asOf.toISOString() : null,
    items: reached.map((r) => presentItem(r, productByGtin, lotByKey, namedProduct)),
    parties: [...parties.values()],
    locations: [...locationIds].map((id) =>
      presentLocation(id, placeByGln.get(glnOf(id) ?? ''), named.get(id)),
    ),
    events: events.map(presentEvent),
  };
}
