import { type Actor, isStaff, registerPermissions } from '../platform/index.ts';

/** An organisation's owner and staff (and the department's administrator, for a named organisation) keep devices and thresholds. */
export const mayManageSensors = (actor: Actor) =>
  actor.role === 'dost_admin' || actor.role === 'org_owner' || actor.role === 'org_staff';

/** Alerts and a lot's readings: the organisation's side, and the department and sector officers (their sector's alerts). */
export const mayReadSensors = (actor: Actor) =>
  actor.role !== 'commune_officer' && actor.role !== 'inspector';

/** The department decides whether an excursion shows on the consumer page: its admin, reviewers and sector officers. */
export const mayPublishExcursions = (actor: Actor) =>
  actor.role === 'dost_admin' || actor.role === 'dost_reviewer' || actor.role === 'sector_officer';

/** Reads every organisation's alerts (a sector officer: those sent to their sector, and those of its organisations). */
export const readsAllSensors = (actor: Actor) => isStaff(actor) && actor.role !== 'sector_officer';

registerPermissions('sensors', (actor) => [
  ...(mayManageSensors(actor) ? ['write:sensors:own'] : []),
  ...(mayPublishExcursions(actor) ? ['publish:sensor-excursions'] : []),
]);
