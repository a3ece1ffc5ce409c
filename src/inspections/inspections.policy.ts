import { type Actor, type Role, registerPermissions } from '../platform/index.ts';

/** Who does what with inspections (issue 12 §2): inspectors and the admin write, others read within their scope. */
type InspectionPermission =
  | 'write:inspection:all'
  | 'read:inspection:all'
  | 'read:inspection:scope'
  | 'read:inspection:own';

const grants: Record<Role, InspectionPermission[]> = {
  dost_admin: ['write:inspection:all', 'read:inspection:all'],
  inspector: ['write:inspection:all', 'read:inspection:all'],
  dost_reviewer: ['read:inspection:all'],
  // officers read the visits of the organisations of their sector or communes
  sector_officer: ['read:inspection:scope'],
  commune_officer: ['read:inspection:scope'],
  // the inspected organisation's owner reads its own findings, deadlines and acts, not the internal note
  org_owner: ['read:inspection:own'],
  org_staff: [],
  api_client: [],
};

/** People only: an API key never inspects nor reads inspections, whatever role it carries. */
const permissions = (actor: Actor): InspectionPermission[] =>
  actor.kind === 'user' ? (grants[actor.role] ?? []) : [];

registerPermissions('inspections', permissions);

export const mayDecide = (actor: Actor) => permissions(actor).includes('write:inspection:all');
export const mayReadInspections = (actor: Actor) => permissions(actor).length > 0;
/** The inspected side: sees findings, deadlines and acts of its own organisation, never internal notes. */
export const isInspectedSide = (actor: Actor) => permissions(actor).includes('read:inspection:own');
/** Inspection plans are the province's own work: staff within their scope read them, organisations never. */
export const mayReadPlans = (actor: Actor) => mayReadInspections(actor) && !isInspectedSide(actor);
