import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/** The province's plan is the department's: its admin edits it, the province's staff read it, organisations never. */
type PlanPermission = 'write:plan:all' | 'read:plan:all';

const grants: Record<Role, PlanPermission[]> = {
  dost_admin: ['write:plan:all', 'read:plan:all'],
  dost_reviewer: ['read:plan:all'],
  sector_officer: ['read:plan:all'],
  commune_officer: ['read:plan:all'],
  inspector: ['read:plan:all'],
  org_owner: [],
  org_staff: [],
  api_client: [],
};

/** People only: an API key never reads nor edits the plan, whatever role it carries. */
const permissions = (actor: Actor): PlanPermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('plan', permissions);

export const mayEditPlan = (actor: Actor) => permissions(actor).includes('write:plan:all');
export const mayReadPlan = (actor: Actor) => permissions(actor).includes('read:plan:all');
