import { type Actor, isStaff, requireOrganisation } from './auth.ts';
import { defineMessages } from './i18n.ts';
import { badRequest, Problem } from './problem.ts';

defineMessages({
  'problem.chain-staff-cannot-record': {
    vi: 'Cán bộ của Sở và các ngành không ghi nhận công đoạn hay nhật ký thay cơ sở sản xuất',
    en: 'Department staff do not record stages or diary entries for producers',
  },
});

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
