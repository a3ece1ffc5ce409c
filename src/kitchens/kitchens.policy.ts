import { type Actor, isStaff, type Role, registerPermissions } from '../platform/index.ts';

/**
 * Who does what with school kitchens (issue 16 §4, decision 060): the school or its caterer (owner, staff, API
 * key) runs its own kitchens; the owner and the department's admin register one; the department, the inspectors
 * and the health sector's officers read every kitchen (school meals are food safety, the health sector's
 * business, whichever sector the caterer is registered in); a commune officer reads the kitchens of their
 * communes. Other sector officers have no part in it.
 */
type KitchenPermission = 'write:kitchen:own' | 'create:kitchen' | 'read:kitchen:own' | 'read:kitchen:scope';

const grants: Record<Role, KitchenPermission[]> = {
  dost_admin: ['create:kitchen', 'read:kitchen:scope'],
  dost_reviewer: ['read:kitchen:scope'],
  inspector: ['read:kitchen:scope'],
  sector_officer: ['read:kitchen:scope'],
  commune_officer: ['read:kitchen:scope'],
  org_owner: ['create:kitchen', 'write:kitchen:own', 'read:kitchen:own'],
  org_staff: ['write:kitchen:own', 'read:kitchen:own'],
  api_client: ['write:kitchen:own', 'read:kitchen:own'],
};

function permissions(actor: Actor): KitchenPermission[] {
  // of the sector officers, only the health sector's
  if (actor.role === 'sector_officer' && actor.sector !== 'health') return [];
  return grants[actor.role] ?? [];
}

registerPermissions('kitchens', permissions);

export const mayCreateKitchen = (actor: Actor) => permissions(actor).includes('create:kitchen');
export const mayUseKitchens = (actor: Actor) => permissions(actor).length > 0;
export const mayReadOverview = (actor: Actor) => permissions(actor).includes('read:kitchen:scope');

/** The kitchens an actor reads: its organisations' own; every one; or those of a commune officer's communes. */
export type KitchenScope =
  | { kind: 'organisations'; ids: string[] }
  | { kind: 'all' }
  | { kind: 'communes'; codes: string[] };

export function kitchenScope(actor: Actor): KitchenScope {
  if (!isStaff(actor)) return { kind: 'organisations', ids: actor.organisationIds };
  if (actor.role === 'commune_officer') return { kind: 'communes', codes: actor.communes };
  if (permissions(actor).includes('read:kitchen:scope')) return { kind: 'all' };
  return { kind: 'organisations', ids: [] };
}

export function inScope(
  scope: KitchenScope,
  kitchen: { organisationId: string; communeCode: string | null },
) {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'organisations') return scope.ids.includes(kitchen.organisationId);
  return kitchen.communeCode !== null && scope.codes.includes(kitchen.communeCode);
}
