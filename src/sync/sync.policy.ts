import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/** What leaves the province is the department's: its admin watches the outbox and acts on it; nobody else. */
type SyncPermission = 'manage:sync:all';

const grants: Record<Role, SyncPermission[]> = {
  dost_admin: ['manage:sync:all'],
  dost_reviewer: [],
  sector_officer: [],
  commune_officer: [],
  inspector: [],
  org_owner: [],
  org_staff: [],
  api_client: [],
};

/** People only: an API key never reads nor moves the outbox, whatever role it carries. */
const permissions = (actor: Actor): SyncPermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('sync', permissions);

export const mayManageSync = (actor: Actor) => permissions(actor).includes('manage:sync:all');
