import { type Actor, registerPermissions } from '../platform/index.ts';

export type AuditPermission = 'read:audit:all';

/** The department's administrators and reviewers read the whole log; verifying the chain is public. */
export const auditPermissions = (role: Actor['role']): AuditPermission[] =>
  role === 'dost_admin' || role === 'dost_reviewer' ? ['read:audit:all'] : [];

registerPermissions('audit', (actor) => (actor.kind === 'user' ? auditPermissions(actor.role) : []));

export const canReadAudit = (actor: Actor) =>
  actor.kind === 'user' && auditPermissions(actor.role).includes('read:audit:all');
