import type { StoredEvent } from '../epcis/epcis.types.ts';
import type { Actor } from '../platform/auth.ts';
import { isStaff } from '../platform/auth.ts';
import type { DbOrTx } from '../platform/db.ts';
import { getOrganisationsByIds, listLocationsOfOrganisation } from '../registry/registry.service.ts';
import { glnOf } from './trace.ids.ts';

export type EventFilter = (event: StoredEvent) => boolean;

/**
 * What part of a chain an organisation sees (TT 02's "one step back, one step forward"): the events it captured
 * and the events that name it, by one of its GLNs, as source or destination. Staff of the department and of the
 * sectors see everything; so do internal callers that pass no actor (the public page decides what to show).
 * The walk only crosses events the actor sees, so an organisation cannot discover lots beyond its neighbours.
 */
export async function eventFilterFor(db: DbOrTx, actor: Actor | null): Promise<EventFilter | null> {
  if (!actor || isStaff(actor)) return null;
  const own = new Set(actor.organisationIds);
  const glns = new Set<string>();
  for (const organisation of await getOrganisationsByIds(db, actor.organisationIds)) {
    for (const gln of organisation.glns) glns.add(gln);
  }
  for (const organisationId of actor.organisationIds) {
    for (const location of await listLocationsOfOrganisation(db, organisationId)) {
      if (location.gln) glns.add(location.gln);
    }
  }
  return (event) =>
    (event.organisationId !== null && own.has(event.organisationId)) ||
    event.links.some((l) => l.kind !== 'bizTransaction' && glns.has(glnOf(l.value) ?? ''));
}
