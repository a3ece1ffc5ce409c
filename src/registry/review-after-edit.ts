import { type Actor, isStaff } from '../platform/index.ts';
import { keepPublished, type Versioned } from './published.ts';

/**
 * What an edit does to a row's review: an organisation changing its own approved row sends it back to draft for
 * review, while the approved version stays public (published.ts) until the edit is approved or the department
 * withdraws it. The department's own edits keep the status. Spread into the update's values, inside the update's
 * transaction.
 */
export function reviewAfterEdit(before: Versioned, actor: Actor) {
  return keepPublished(before, !isStaff(actor));
}
