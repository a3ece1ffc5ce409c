import { type Actor, isStaff } from '../platform/index.ts';

/**
 * The review status a row takes when it is edited: an organisation changing its own approved row sends it back
 * to draft, so the change leaves the public pages until it is resubmitted and approved again. The department's
 * own edits keep the status. Spread into the update's values, inside the update's transaction.
 */
export function reviewAfterEdit(current: string, actor: Actor): { reviewStatus?: 'draft' } {
  return current === 'approved' && !isStaff(actor) ? { reviewStatus: 'draft' } : {};
}
