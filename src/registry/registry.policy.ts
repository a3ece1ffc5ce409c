import type { Actor, Sector } from '../platform/index.ts';

/** Who owns a registry row and where it sits: what the read and write rules look at. */
export interface RowScope {
  organisationId: string;
  /** The row's own sector, or its organisation's. */
  sector: string | null;
  /** The row's own commune, or its organisation's. */
  communeCode: string | null;
}

/** The rows an actor may read, as something a list query can filter on. */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'organisations'; ids: string[] }
  | { kind: 'sector'; sector: Sector | null }
  | { kind: 'communes'; codes: string[] };

const organisationRoles = new Set(['org_owner', 'org_staff', 'api_client']);

export function readScope(actor: Actor): ReadScope {
  if (organisationRoles.has(actor.role)) return { kind: 'organisations', ids: actor.organisationIds };
  if (actor.role === 'sector_officer') return { kind: 'sector', sector: actor.sector };
  if (actor.role === 'commune_officer') return { kind: 'communes', codes: actor.communes };
  return { kind: 'all' };
}

export function canRead(actor: Actor, row: RowScope): boolean {
  const scope = readScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organisations':
      return scope.ids.includes(row.organisationId);
    case 'sector':
      return row.sector !== null && row.sector === scope.sector;
    case 'communes':
      return row.communeCode !== null && scope.codes.includes(row.communeCode);
  }
}

/** Organisations change their own master data; of the department's staff only the admin edits anything. */
export function canWrite(actor: Actor, row: Pick<RowScope, 'organisationId'>): boolean {
  if (actor.role === 'dost_admin') return true;
  return organisationRoles.has(actor.role) && actor.organisationIds.includes(row.organisationId);
}

/**
 * The admin registers anyone; a commune officer registers producers of their own communes; a producer registers
 * itself (docs/requirements.md §1).
 */
export function canRegisterOrganisation(actor: Actor, communeCode: string | null): boolean {
  if (actor.role === 'dost_admin') return true;
  // a producer registering itself: the owner account created a moment ago, in the same transaction
  if (actor.kind === 'user' && actor.role === 'org_owner' && actor.organisationIds.length === 0) return true;
  return actor.role === 'commune_officer' && communeCode !== null && actor.communes.includes(communeCode);
}

/** Holding or recalling a lot: its owner, the admin, and inspectors acting on a finding. */
export function canChangeLotStatus(actor: Actor, row: RowScope): boolean {
  return canWrite(actor, row) || actor.role === 'inspector';
}

/**
 * Moving a lot out of a recall or a destruction: the owner who recalled a lot cannot quietly put it back on
 * sale. Inspectors and the admin lift a recall; a destruction is final except for the admin, who corrects
 * mistakes.
 */
export function lotStatusExit(actor: Actor, from: string): 'allowed' | 'forbidden' | 'final' {
  if (from === 'destroyed') return actor.role === 'dost_admin' ? 'allowed' : 'final';
  if (from === 'recalled') {
    return actor.role === 'dost_admin' || actor.role === 'inspector' ? 'allowed' : 'forbidden';
  }
  return 'allowed';
}

/** An owner sends its own draft or returned row for review. */
export function canSubmitForReview(actor: Actor, row: Pick<RowScope, 'organisationId'>): boolean {
  return organisationRoles.has(actor.role) && actor.organisationIds.includes(row.organisationId);
}
