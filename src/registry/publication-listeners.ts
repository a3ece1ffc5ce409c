import type { Tx } from '../platform/index.ts';
import type { ReviewedEntity } from './review-status.ts';

/**
 * What changed in the public version of a registry row: `approved` (the row is its public version now),
 * `withdrawn` (the department took it off the public pages) or `status` (a lot's status changed: recalled, held,
 * released).
 */
export interface PublicationChange {
  entity: ReviewedEntity;
  id: string;
  organisationId: string;
  change: 'approved' | 'withdrawn' | 'status';
  /** The reason given: the withdrawal's, or the note of a lot's status change. */
  reason: string | null;
}

export type PublicationListener = (tx: Tx, change: PublicationChange) => Promise<void>;

const listeners = new Set<PublicationListener>();

/**
 * A module above the registry hears every change of what is public, inside the change's transaction (the sync
 * outbox, decision 051): connected by app.ts, so the arrow does not point up.
 */
export function connectPublicationListener(listener: PublicationListener): void {
  listeners.add(listener);
}

export async function notifyPublication(tx: Tx, change: PublicationChange): Promise<void> {
  for (const listener of listeners) await listener(tx, change);
}
