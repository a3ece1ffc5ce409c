import { type Actor, registerPermissions } from '../platform/index.ts';

const organisationRoles = new Set(['org_owner', 'org_staff', 'api_client']);

/** The goods groups and their label items are the department's data: its admin keeps them. */
export const mayEditGoodsGroups = (actor: Actor) => actor.role === 'dost_admin';

/** A product's label is its organisation's to write (as the product is), and the admin's to correct. */
export function mayWriteLabel(actor: Actor, organisationId: string): boolean {
  if (actor.role === 'dost_admin') return true;
  return organisationRoles.has(actor.role) && actor.organisationIds.includes(organisationId);
}

registerPermissions('passport', (actor) =>
  mayEditGoodsGroups(actor) ? ['write:goods-groups:all', 'write:labels:all'] : [],
);
