import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/**
 * Who takes the package for a manual upload to the national portal: the department's admin for the province, an
 * organisation's people for their own organisations' data.
 */
type ExportPermission = 'export:sync-package:all' | 'export:sync-package:own';

const grants: Record<Role, ExportPermission[]> = {
  dost_admin: ['export:sync-package:all'],
  dost_reviewer: [],
  sector_officer: [],
  commune_officer: [],
  inspector: [],
  org_owner: ['export:sync-package:own'],
  org_staff: ['export:sync-package:own'],
  api_client: [],
};

/** People only: an API key takes its data through the API's own reads, not as a package. */
const permissions = (actor: Actor): ExportPermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('sync-export', permissions);

/** The organisations whose data the actor's package holds: null for the whole province; undefined: none allowed. */
export function exportScope(actor: Actor): string[] | null | undefined {
  const mine = permissions(actor);
  if (mine.includes('export:sync-package:all')) return null;
  if (mine.includes('export:sync-package:own')) return actor.organisationIds;
  return undefined;
}

export const mayExportPackage = (actor: Actor) => exportScope(actor) !== undefined;
