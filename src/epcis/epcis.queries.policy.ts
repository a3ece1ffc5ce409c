import { type Actor, badRequest, isStaff, isUuid, Problem, requireOrganisation } from '../platform/index.ts';

/**
 * The organisation whose named queries and subscriptions a request reads or changes: the one named in
 * X-Organisation-Id (which the actor must act for), else the actor's only organisation. The department's staff
 * have none: a subscription sends what one organisation may read, and staff read through GET /epcis/events.
 */
export function queryOwner(actor: Actor, header: string | undefined): string {
  if (isStaff(actor)) throw new Problem(403, 'epcis-queries-staff');
  if (header) {
    if (!isUuid(header))
      throw badRequest([{ field: 'X-Organisation-Id', code: 'field.format', params: { format: 'uuid' } }]);
    requireOrganisation(actor, header);
    return header;
  }
  if (actor.organisationIds.length === 1) return actor.organisationIds[0];
  throw new Problem(400, 'epcis-query-organisation-required', {
    errors: [{ field: 'X-Organisation-Id', code: 'field.required' }],
  });
}
