import { type Actor, type Role, registerPermissions, type Sector } from '../platform/index.ts';

/** The province's figures are for the department and its officers; an organisation keeps its own counters. */
const grants: Record<Role, 'read:province-dashboard'[]> = {
  dost_admin: ['read:province-dashboard'],
  dost_reviewer: ['read:province-dashboard'],
  inspector: ['read:province-dashboard'],
  sector_officer: ['read:province-dashboard'],
  commune_officer: ['read:province-dashboard'],
  org_owner: [],
  org_staff: [],
  api_client: [],
};

const permissions = (actor: Actor) => grants[actor.role];

registerPermissions('dashboard', permissions);

export const mayReadProvinceDashboard = (actor: Actor) =>
  permissions(actor).includes('read:province-dashboard');

/**
 * The organisations the dashboard counts for this reader, by the registry's rule (readableOrganisationIds): all
 * for the department's admin, reviewers and inspectors; a sector officer's sector; a commune officer's communes.
 */
export type DashboardScope =
  | { kind: 'all' }
  | { kind: 'sector'; sector: Sector | null }
  | { kind: 'communes'; codes: string[] };

export function dashboardScope(actor: Actor): DashboardScope | null {
  if (!mayReadProvinceDashboard(actor)) return null;
  if (actor.role === 'sector_officer') return { kind: 'sector', sector: actor.sector };
  if (actor.role === 'commune_officer') return { kind: 'communes', codes: actor.communes };
  return { kind: 'all' };
}
