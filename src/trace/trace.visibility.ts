import type { StoredEvent } from '../epcis/index.ts';
import type { Actor, DbOrTx } from '../platform/index.ts';
import { partyIdsOfOrganisations, readableOrganisationIds } from '../registry/index.ts';

export type EventFilter = (event: StoredEvent) => boolean;

/**
 * What part of a chain an organisation sees (TT 02's "one step back, one step forward"): the events it captured
 * and the events that name it as source or destination by one of its party identifiers, the same ones the
 * EPCIS query uses (the registry decides which declared GLNs count). Sector and commune officers see the same of
 * the organisations of their sector or communes (the registry's read rule); the department's admin, reviewers and
 * inspectors see everything, and so do internal callers that pass no actor (the public page decides what to show).
 * The walk only crosses events the actor sees, so an organisation cannot discover lots beyond its neighbours.
 */
export async function eventFilterFor(db: DbOrTx, actor: Actor | null): Promise<EventFilter | null> {
  if (!actor) return null;
  const readable = await readableOrganisationIds(db, actor);
  if (readable === null) return null;
  const own = new Set(readable);
  const partyIds = new Set(await partyIdsOfOrganisations(db, readable));
  return (event) =>
    (event.organisationId !== null && own.has(event.organisationId)) ||
    event.links.some((l) => l.kind !== 'bizTransaction' && partyIds.has(l.value));
}
