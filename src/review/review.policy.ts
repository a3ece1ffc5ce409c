import { type Actor, type Role, registerPermissions, type Sector } from '../platform/index.ts';

/** What a reviewer or a producer may do with review items (docs/requirements.md §2 D.15). */
export type ReviewPermission =
  | 'read:review:all'
  | 'read:review:sector'
  | 'read:review:commune'
  | 'read:review:own'
  | 'submit:review:any'
  | 'submit:review:own'
  | 'decide:any:all'
  | 'decide:product:sector'
  | 'decide:organisation:commune';

const grants: Record<Role, ReviewPermission[]> = {
  dost_admin: ['read:review:all', 'submit:review:any', 'decide:any:all'],
  dost_reviewer: ['read:review:all', 'decide:any:all'],
  sector_officer: ['read:review:sector', 'decide:product:sector'],
  commune_officer: ['read:review:commune', 'decide:organisation:commune'],
  inspector: ['read:review:all'],
  org_owner: ['read:review:own', 'submit:review:own'],
  org_staff: ['read:review:own', 'submit:review:own'],
  api_client: ['read:review:own', 'submit:review:own'],
};

export const reviewPermissions = (role: Role): ReviewPermission[] => grants[role] ?? [];
registerPermissions('review', (actor) => reviewPermissions(actor.role));
const has = (actor: Actor, p: ReviewPermission) => reviewPermissions(actor.role).includes(p);

/** Where an item sits: what the rules look at. */
export interface ItemScope {
  entityType: string;
  organisationId: string | null;
  sector: string | null;
  communeCode: string | null;
}

/** The items an actor may see, as something the queue query can filter on. */
export type QueueScope =
  | { kind: 'all' }
  | { kind: 'sector'; sector: Sector | null }
  | { kind: 'communes'; codes: string[] }
  | { kind: 'organisations'; ids: string[] };

export function queueScope(actor: Actor): QueueScope {
  if (has(actor, 'read:review:all')) return { kind: 'all' };
  if (has(actor, 'read:review:sector')) return { kind: 'sector', sector: actor.sector };
  if (has(actor, 'read:review:commune')) return { kind: 'communes', codes: actor.communes };
  return { kind: 'organisations', ids: has(actor, 'read:review:own') ? actor.organisationIds : [] };
}

export function canSeeItem(actor: Actor, item: ItemScope): boolean {
  const scope = queueScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'sector':
      return item.sector !== null && item.sector === scope.sector;
    case 'communes':
      return item.communeCode !== null && scope.codes.includes(item.communeCode);
    case 'organisations':
      return item.organisationId !== null && scope.ids.includes(item.organisationId);
  }
}

/** Any decision power at all: the route gate, before the item is known. */
/** Only the department takes what is public off the public pages (issue 11 §1). */
export const mayWithdraw = (actor: Actor) => actor.kind === 'user' && has(actor, 'decide:any:all');

export const mayDecideSomething = (actor: Actor) =>
  actor.kind === 'user' &&
  (has(actor, 'decide:any:all') ||
    has(actor, 'decide:product:sector') ||
    has(actor, 'decide:organisation:commune'));

/**
 * Department reviewers decide everything; a sector officer the products of their sector; a commune officer the
 * organisation registrations of their communes. Nobody decides on their own organisation's data.
 */
export function canDecide(actor: Actor, item: ItemScope): boolean {
  if (actor.kind !== 'user') return false;
  if (item.organisationId && actor.organisationIds.includes(item.organisationId)) return false;
  if (has(actor, 'decide:any:all')) return true;
  if (has(actor, 'decide:product:sector') && item.entityType === 'product') {
    return item.sector !== null && item.sector === actor.sector;
  }
  if (has(actor, 'decide:organisation:commune') && item.entityType === 'organisation') {
    return item.communeCode !== null && actor.communes.includes(item.communeCode);
  }
  return false;
}

export const maySubmit = (actor: Actor) => has(actor, 'submit:review:any') || has(actor, 'submit:review:own');

/** An organisation submits its own things; the department admin may submit on its behalf. */
export function canSubmit(actor: Actor, organisationId: string | null): boolean {
  if (has(actor, 'submit:review:any')) return true;
  return (
    has(actor, 'submit:review:own') &&
    organisationId !== null &&
    actor.organisationIds.includes(organisationId)
  );
}
