import type { Actor, DbOrTx } from '../platform/index.ts';
import { auditReach } from './audit.policy.ts';

/** The organisations an officer answers for (their sector's, their communes'), from the module that owns them. */
export type OfficerOrganisations = (db: DbOrTx, actor: Actor) => Promise<string[]>;

let officerOrganisations: OfficerOrganisations | null = null;

/** The registry registers how to find the organisations of a sector or of communes (it owns organisations). */
export function registerAuditScope(finder: OfficerOrganisations): void {
  officerOrganisations = finder;
}

/**
 * The organisations whose entries an actor may read, or 'all'. Nothing registered, nothing read: a missing
 * finder shuts the officer out rather than letting them read everything.
 */
export async function readableOrganisations(db: DbOrTx, actor: Actor): Promise<'all' | string[]> {
  const reach = auditReach(actor);
  if (!reach) return [];
  if (reach.kind === 'all') return 'all';
  if (reach.kind === 'own') return actor.organisationIds;
  return officerOrganisations ? officerOrganisations(db, actor) : [];
}
