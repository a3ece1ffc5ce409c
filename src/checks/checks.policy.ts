import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/** The department runs and reads the automatic checks; officers see their cases, not the checks; organisations none. */
const grants: Record<Role, ('run:checks' | 'read:checks')[]> = {
  dost_admin: ['run:checks', 'read:checks'],
  dost_reviewer: ['run:checks', 'read:checks'],
  inspector: ['run:checks', 'read:checks'],
  sector_officer: [],
  commune_officer: [],
  org_owner: [],
  org_staff: [],
  api_client: [],
};

/** People only: an API key never starts a province-wide check. */
const permissions = (actor: Actor) => (actor.kind === 'user' ? grants[actor.role] : []);

registerPermissions('checks', permissions);

export const mayRunChecks = (actor: Actor) => permissions(actor).includes('run:checks');
export const mayReadChecks = (actor: Actor) => permissions(actor).includes('read:checks');
