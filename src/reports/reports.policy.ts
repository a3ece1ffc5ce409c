import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/** Who does what with the department's periodic reports (issue 13 §3): the admin writes and issues, staff read. */
type ReportPermission = 'write:report:all' | 'read:report:all';

const grants: Record<Role, ReportPermission[]> = {
  dost_admin: ['write:report:all', 'read:report:all'],
  dost_reviewer: ['read:report:all'],
  sector_officer: ['read:report:all'],
  commune_officer: ['read:report:all'],
  inspector: ['read:report:all'],
  // the department's reports to the province are its own work: organisations never see them
  org_owner: [],
  org_staff: [],
  api_client: [],
};

/** People only: an API key neither writes nor reads reports, whatever role it carries. */
const permissions = (actor: Actor): ReportPermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('reports', permissions);

export const mayWriteReports = (actor: Actor) => permissions(actor).includes('write:report:all');
export const mayReadReports = (actor: Actor) => permissions(actor).includes('read:report:all');
