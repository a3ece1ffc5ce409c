import { type Actor, isStaff, requireOrganisation } from '../platform/auth.ts';
import { badRequest } from '../platform/problem.ts';

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

/** Whether the actor may read rows owned by the organisation (its own, or any for department staff). */
export function canRead(actor: Actor, organisationId: string): boolean {
  return isStaff(actor) || actor.organisationIds.includes(organisationId);
}
