import type { Actor, Sector } from '../platform/index.ts';

const departmentWide = (actor: Actor) => actor.role === 'dost_admin';

/** Creates a list and edits its versions: the admin, or a sector officer of the list's own sector. */
export const canManage = (actor: Actor, sector: Sector) =>
  departmentWide(actor) || (actor.role === 'sector_officer' && actor.sector === sector);

/** Proposes a version (drafts it and submits it for review): managers and commune officers. */
export const canPropose = (actor: Actor, sector: Sector) =>
  canManage(actor, sector) || actor.role === 'commune_officer';

/** Approves or returns a submitted version: the department's reviewer, the admin, the sector's own officer. */
export const canDecide = (actor: Actor, sector: Sector) =>
  actor.role === 'dost_reviewer' || canManage(actor, sector);

/** Reads lists: the province's staff (lists are public decisions, but drafts are not). */
export const canReadLists = (actor: Actor) => !['org_owner', 'org_staff', 'api_client'].includes(actor.role);

/** The organisations a compliance view covers for this reader. */
export type ComplianceScope =
  | { kind: 'all' }
  | { kind: 'sector'; sector: Sector | null }
  | { kind: 'communes'; codes: string[] };

export function complianceScope(actor: Actor): ComplianceScope | null {
  switch (actor.role) {
    case 'dost_admin':
    case 'dost_reviewer':
    case 'inspector':
      return { kind: 'all' };
    case 'sector_officer':
      return { kind: 'sector', sector: actor.sector };
    case 'commune_officer':
      return { kind: 'communes', codes: actor.communes };
    default:
      return null;
  }
}
