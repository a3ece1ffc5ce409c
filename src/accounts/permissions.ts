import { auditPermissions } from '../audit/audit.policy.ts';
import type { Actor } from '../platform/auth.ts';
import { reviewPermissions } from '../review/review.policy.ts';
import { accountPermissions } from './accounts.policy.ts';

/** The permission strings of an actor, for the back office to show or hide what the API would refuse anyway. */
export function permissionsOf(actor: Actor): string[] {
  const all = [
    ...(actor.kind === 'user' ? accountPermissions(actor.role) : []),
    ...reviewPermissions(actor.role),
    ...(actor.kind === 'user' ? auditPermissions(actor.role) : []),
  ];
  return [...new Set(all)].sort();
}
