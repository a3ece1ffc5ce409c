import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/**
 * Who does what with surveys, training courses and support programmes (issue 13 §2): the department's admin
 * designs and sends surveys and keeps the training and support records; sector and commune officers answer
 * surveys for the organisations of their sector or communes and read the results of that scope; the reviewers
 * and inspectors read. Organisations and API keys have no part in it.
 */
type ProgrammePermission =
  | 'write:survey:all'
  | 'answer:survey:scope'
  | 'read:survey:all'
  | 'read:survey:scope'
  | 'write:programme:all'
  | 'read:programme:all';

const grants: Record<Role, ProgrammePermission[]> = {
  dost_admin: ['write:survey:all', 'read:survey:all', 'write:programme:all', 'read:programme:all'],
  dost_reviewer: ['read:survey:all', 'read:programme:all'],
  inspector: ['read:survey:all', 'read:programme:all'],
  sector_officer: ['answer:survey:scope', 'read:survey:scope', 'read:programme:all'],
  commune_officer: ['answer:survey:scope', 'read:survey:scope', 'read:programme:all'],
  org_owner: [],
  org_staff: [],
  api_client: [],
};

const permissions = (actor: Actor): ProgrammePermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('programmes', permissions);

export const mayDesignSurveys = (actor: Actor) => permissions(actor).includes('write:survey:all');
export const mayAnswerSurveys = (actor: Actor) => permissions(actor).includes('answer:survey:scope');
export const mayReadAllSurveys = (actor: Actor) => permissions(actor).includes('read:survey:all');
export const mayReadSurveys = (actor: Actor) =>
  mayReadAllSurveys(actor) || permissions(actor).includes('read:survey:scope');
export const mayManageProgrammes = (actor: Actor) => permissions(actor).includes('write:programme:all');
export const mayReadProgrammes = (actor: Actor) => permissions(actor).includes('read:programme:all');

/** Whether a sent survey is addressed to this officer: one of their communes, or their sector's department. */
export function addressedTo(actor: Actor, survey: { communeCodes: string[]; sectors: string[] }): boolean {
  if (mayReadAllSurveys(actor)) return true;
  if (actor.role === 'commune_officer') return actor.communes.some((c) => survey.communeCodes.includes(c));
  if (actor.role === 'sector_officer') return actor.sector !== null && survey.sectors.includes(actor.sector);
  return false;
}
