import type { Actor, DbOrTx } from '../platform/index.ts';
import { organisationIdsInScope } from './organisation.repo.ts';
import { readScope } from './registry.policy.ts';

/**
 * The organisations whose data the actor may read, by the registry's rule: its own for an organisation's people
 * and keys, those of their sector for a sector officer, those of their communes for a commune officer; `null`
 * (every organisation) for the department's admin, reviewers and inspectors. Other modules filter their own rows
 * by these ids, so every module reads with the same scope as the registry.
 */
export async function readableOrganisationIds(db: DbOrTx, actor: Actor): Promise<string[] | null> {
  const scope = readScope(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'organisations') return scope.ids;
  return organisationIdsInScope(db, scope);
}

/** Whether the actor may read data owned by this organisation (one id: the single-row form of the list). */
export async function mayReadOrganisationData(
  db: DbOrTx,
  actor: Actor,
  organisationId: string,
): Promise<boolean> {
  const ids = await readableOrganisationIds(db, actor);
  return ids === null || ids.includes(organisationId);
}
