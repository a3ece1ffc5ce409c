import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/** Who reads which entries of the log (decision 013); verifying the chain is public. */
export type AuditPermission =
  | 'read:audit:all'
  | 'read:audit:sector'
  | 'read:audit:commune'
  | 'read:audit:own';

const grants: Record<Role, AuditPermission[]> = {
  dost_admin: ['read:audit:all'],
  dost_reviewer: ['read:audit:all'],
  // post-issuance inspection follows who changed a lot or a product and when
  inspector: ['read:audit:all'],
  sector_officer: ['read:audit:sector'],
  commune_officer: ['read:audit:commune'],
  // an owner sees what was done to their own organisation's records, by their people and by the department
  org_owner: ['read:audit:own'],
  org_staff: [],
  api_client: [],
};

/** People read the log; keys never do, whatever role they carry. */
export const auditPermissions = (actor: Pick<Actor, 'kind' | 'role'>): AuditPermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('audit', (actor) => auditPermissions(actor));

export const canReadAudit = (actor: Actor) => auditPermissions(actor).length > 0;

/** The entries an actor may read: all, or those about the organisations listed (resolved by audit.scope.ts). */
export type AuditReach = { kind: 'all' } | { kind: 'sector' } | { kind: 'communes' } | { kind: 'own' };

export function auditReach(actor: Actor): AuditReach | null {
  const granted = auditPermissions(actor);
  if (granted.includes('read:audit:all')) return { kind: 'all' };
  if (granted.includes('read:audit:sector')) return { kind: 'sector' };
  if (granted.includes('read:audit:commune')) return { kind: 'communes' };
  if (granted.includes('read:audit:own')) return { kind: 'own' };
  return null;
}
