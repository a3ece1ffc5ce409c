import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/**
 * Who reads and acts on fraud cases (issue 12 §3): the department's admin, reviewers and inspectors read all and
 * act; sector and commune officers read the cases of the organisations in their scope; organisations never.
 */
type CasePermission = 'write:case:all' | 'read:case:all' | 'read:case:scope';

const grants: Record<Role, CasePermission[]> = {
  dost_admin: ['write:case:all', 'read:case:all'],
  dost_reviewer: ['write:case:all', 'read:case:all'],
  inspector: ['write:case:all', 'read:case:all'],
  sector_officer: ['read:case:scope'],
  commune_officer: ['read:case:scope'],
  org_owner: [],
  org_staff: [],
  api_client: [],
};

/** People only: an API key never reads cases, whatever role it carries. */
const permissions = (actor: Actor): CasePermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('cases', permissions);

export const mayActOnCases = (actor: Actor) => permissions(actor).includes('write:case:all');
export const mayReadCases = (actor: Actor) => permissions(actor).length > 0;
export const readsAllCases = (actor: Actor) => permissions(actor).includes('read:case:all');
/** A reporter's phone number: seen by who calls them back (admin, inspectors), masked for everyone else. */
export const seesReporterPhone = (actor: Actor) =>
  actor.kind === 'user' && (actor.role === 'dost_admin' || actor.role === 'inspector');
/** Who a case may be assigned to. */
export const assignableRoles: Role[] = [
  'inspector',
  'sector_officer',
  'commune_officer',
  'dost_reviewer',
  'dost_admin',
];
