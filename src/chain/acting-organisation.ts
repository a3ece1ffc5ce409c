import { type Actor, isStaff, requireOrganisation } from '../platform/auth.ts';
import type { DbOrTx } from '../platform/db.ts';
import { badRequest, Problem } from '../platform/problem.ts';
import { mayReadOrganisationData } from './registry-port.ts';

/**
 * The organisation a write is made for: the one named in the request (checked against the actor), or the
 * actor's only organisation. Staff act for a named organisation only, so their writes are never ownerless.
 */
export function actingOrganisation(
  actor: Actor,
  requested: string | null | undefined,
  field: string,
): string {
  if (requested) {
    requireOrganisation(actor, requested);
    return requested;
  }
  if (actor.organisationIds.length === 1) return actor.organisationIds[0];
  throw badRequest([{ field, code: 'field.required' }]);
}

/**
 * The organisation that records a stage or a diary entry: only its own people and API keys do. Department staff
 * record nothing in a producer's name: an event speaks for the organisation that captured it.
 */
export function recordingOrganisation(actor: Actor, requested: string | null | undefined, field: string) {
  if (isStaff(actor)) throw new Problem(403, 'chain-staff-cannot-record');
  return actingOrganisation(actor, requested, field);
}

/**
 * Whether the actor may read rows owned by the organisation, by the registry's rule: its own; those of their
 * sector or communes for sector and commune officers; any for the department's admin, reviewers and inspectors.
 */
export function canRead(db: DbOrTx, actor: Actor, organisationId: string): Promise<boolean> {
  return mayReadOrganisationData(db, actor, organisationId);
}
