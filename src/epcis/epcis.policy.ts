import { type Actor, badRequest, isStaff, isUuid, Problem, requireOrganisation } from '../platform/index.ts';
import type { Visibility } from './epcis.service.ts';

/**
 * The organisation a capture is recorded for: the one named in X-Organisation-Id (which the actor must act for:
 * a solution provider's key only for its customers), else the actor's only organisation. The departments' staff
 * capture nothing: their own records (inspections, recalls) have their own routes, and an event in a producer's
 * name speaks for that producer.
 */
export function captureOrganisation(actor: Actor, header: string | undefined): string {
  if (isStaff(actor)) throw new Problem(403, 'epcis-capture-staff');
  if (header) {
    if (!isUuid(header))
      throw badRequest([{ field: 'X-Organisation-Id', code: 'field.format', params: { format: 'uuid' } }]);
    requireOrganisation(actor, header);
    return header;
  }
  if (actor.organisationIds.length === 1) return actor.organisationIds[0];
  throw new Problem(400, 'epcis-organisation-required', {
    errors: [{ field: 'X-Organisation-Id', code: 'field.required' }],
  });
}

/**
 * The organisations whose events an actor reads, when the app gives no registry rule: an organisation its own,
 * staff every one (`null`). The app passes the registry's rule instead, which narrows sector and commune officers.
 */
export const defaultReadableOrganisations = (actor: Actor): string[] | null =>
  isStaff(actor) ? null : actor.organisationIds;

/**
 * Events of the readable organisations (`null`: all): those they captured and those that name one of their parties
 * or locations (`linkValues`).
 */
export function eventVisibility(readable: string[] | null, linkValues: string[] = []): Visibility {
  if (readable === null) return { all: true };
  return { all: false, organisationIds: readable, linkValues };
}
