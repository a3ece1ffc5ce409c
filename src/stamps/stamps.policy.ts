import type { Actor } from '../platform/index.ts';

/** Who may do what with stamps; pure, so the rules read in one place. */
const organisationRoles = ['org_owner', 'org_staff', 'api_client', 'dost_admin'];

export const canRequestStamps = (actor: Actor, organisationId: string) =>
  organisationRoles.includes(actor.role) &&
  (actor.role === 'dost_admin' || actor.organisationIds.includes(organisationId));

/**
 * Activation, deactivation, printing (which creates anti-counterfeit secrets), reprints and revocation are the
 * owner's alone: whoever prints holds the secrets, and a reprint voids the labels already on the goods. The
 * department acts on stamps through enforcement (suspension), never by printing or revoking in a firm's name.
 */
export const canHandleStamps = (actor: Actor, organisationId: string) =>
  ['org_owner', 'org_staff', 'api_client'].includes(actor.role) &&
  actor.organisationIds.includes(organisationId);

export const canRevokeStamps = canHandleStamps;

/** Department staff see every organisation's stamps; others see only their own (null = no filter). */
export const visibleOrganisations = (actor: Actor): string[] | null =>
  ['dost_admin', 'dost_reviewer', 'inspector'].includes(actor.role) ? null : actor.organisationIds;

export const canReadReports = (actor: Actor) =>
  actor.role === 'dost_admin' || actor.role === 'dost_reviewer' || actor.role === 'inspector';

/** Suspicions of copied stamps: the department reads them all, an organisation those on its own stamps. */
export const canReadSuspicions = (actor: Actor) =>
  canReadReports(actor) || ['org_owner', 'org_staff', 'api_client'].includes(actor.role);

/** Where and when consumers scanned (places, times of day) stays with the department. */
export const seesScanPlaces = (actor: Actor) => canReadReports(actor);
