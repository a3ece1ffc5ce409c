import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/**
 * Who may manage accounts and keys. Readable permission strings (`verb:object:scope`), pure functions:
 * the service asks these before it touches a row.
 */
export type AccountPermission =
  | 'manage:user:any'
  | 'manage:user:organisation'
  | 'reset:password:any'
  | 'manage:api-key:any'
  | 'manage:api-key:organisation';

const grants: Record<Role, AccountPermission[]> = {
  dost_admin: ['manage:user:any', 'reset:password:any', 'manage:api-key:any'],
  dost_reviewer: [],
  sector_officer: [],
  commune_officer: [],
  inspector: [],
  org_owner: ['manage:user:organisation', 'manage:api-key:organisation'],
  org_staff: [],
  api_client: [],
};

export const accountPermissions = (role: Role): AccountPermission[] => grants[role] ?? [];

// what the back office shows a person; keys act, people manage
registerPermissions('accounts', (actor) => (actor.kind === 'user' ? accountPermissions(actor.role) : []));

/** Keys act, people manage: an API key never manages accounts, whatever role it carries. */
const has = (actor: Actor, permission: AccountPermission) =>
  actor.kind === 'user' && accountPermissions(actor.role).includes(permission);

export const canManageUsers = (actor: Actor) =>
  has(actor, 'manage:user:any') || has(actor, 'manage:user:organisation');

/** Setting someone else's password is the department's alone: an owner's staff use the forgotten-password link. */
export const canResetPasswords = (actor: Actor) => has(actor, 'reset:password:any');

export const canManageApiKeys = (actor: Actor) =>
  has(actor, 'manage:api-key:any') || has(actor, 'manage:api-key:organisation');

/** Roles a person can hold; api_client belongs to keys only. */
export const personRoles = [
  'dost_admin',
  'dost_reviewer',
  'sector_officer',
  'commune_officer',
  'inspector',
  'org_owner',
  'org_staff',
] as const satisfies readonly Role[];
export type PersonRole = (typeof personRoles)[number];

export const organisationRoles: readonly Role[] = ['org_owner', 'org_staff'];

export interface UserScope {
  role: PersonRole;
  organisationId: string | null;
}

/** An owner manages the people of their own organisation only, and cannot raise anyone above owner. */
export function canManageUser(actor: Actor, target: UserScope): boolean {
  if (has(actor, 'manage:user:any')) return true;
  if (!has(actor, 'manage:user:organisation')) return false;
  return (
    organisationRoles.includes(target.role) &&
    target.organisationId !== null &&
    actor.organisationIds.includes(target.organisationId)
  );
}

/** A key may act only for organisations its creator may act for. */
export function canIssueApiKey(actor: Actor, organisationIds: string[]): boolean {
  if (has(actor, 'manage:api-key:any')) return true;
  if (!has(actor, 'manage:api-key:organisation')) return false;
  return organisationIds.length > 0 && organisationIds.every((id) => actor.organisationIds.includes(id));
}

/** An owner sees every key that can act for their organisation (including a provider's), to know who can. */
export function canSeeApiKey(actor: Actor, keyOrganisationIds: string[]): boolean {
  if (has(actor, 'manage:api-key:any')) return true;
  return (
    has(actor, 'manage:api-key:organisation') &&
    keyOrganisationIds.some((id) => actor.organisationIds.includes(id))
  );
}

/** …but revokes only keys that act for nobody else: a provider's shared key is the department's to revoke. */
export const canRevokeApiKey = (actor: Actor, keyOrganisationIds: string[]) =>
  canIssueApiKey(actor, keyOrganisationIds);
