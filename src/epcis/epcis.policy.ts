import { type Actor, isStaff } from '../platform/auth.ts';
import { Problem } from '../platform/problem.ts';
import type { Visibility } from './epcis.service.ts';

/**
 * The organisation a capture is recorded for: the one named in X-Organisation-Id (which the actor must act for),
 * else the actor's only organisation. Staff of the departments may capture for none (null) or name any.
 */
export function captureOrganisation(actor: Actor, header: string | undefined): string | null {
  if (header) {
    if (isStaff(actor) || actor.organisationIds.includes(header)) return header;
    throw new Problem(403, 'forbidden');
  }
  if (isStaff(actor)) return null;
  if (actor.organisationIds.length === 1) return actor.organisationIds[0];
  throw new Problem(400, 'epcis-organisation-required', {
    errors: [{ field: 'X-Organisation-Id', code: 'field.required' }],
  });
}

/** Staff see every event; an organisation sees what it captured and what names one of its parties or locations. */
export function eventVisibility(actor: Actor, linkValues: string[] = []): Visibility {
  if (isStaff(actor)) return { all: true };
  return { all: false, organisationIds: actor.organisationIds, linkValues };
}

/** Capture jobs: staff see all, an organisation its own. */
export const captureJobScope = (actor: Actor): string[] | null =>
  isStaff(actor) ? null : actor.organisationIds;
