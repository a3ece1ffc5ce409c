import type { Actor, DbOrTx, Tx } from '../platform/index.ts';
import {
  getOrganisation,
  getProduct,
  type ReviewedEntity,
  setReviewStatus,
  withdrawPublication,
} from '../registry/index.ts';
import { reviewHandler, submitForReview } from '../review/index.ts';

/**
 * The "approval withdrawn" act (issue 12 §2): the product — or, naming none, the organisation — is taken off the
 * public pages by the department's own withdrawal (registry's withdrawPublication, audited there), so its stamps
 * answer as the resolver does for withdrawn data at the very next scan.
 *
 * The versioned publication does not keep a withdrawn version. Lifting therefore restores what was public only
 * when the row is still exactly as it was withdrawn (same updatedAt): it is approved again, the same data back on
 * the public pages ('republished'). A row its organisation has changed since goes back to the department's review
 * queue as submitted ('resubmitted'): the inspector must not publish data nobody reviewed.
 */
export type LiftOutcome = 'republished' | 'resubmitted' | 'already_public' | 'unchanged';

const subjectOf = (act: { productId: string | null; organisationId: string }) =>
  act.productId
    ? { entity: 'product' as ReviewedEntity, id: act.productId }
    : { entity: 'organisation' as ReviewedEntity, id: act.organisationId };

async function currentRow(db: DbOrTx, entity: ReviewedEntity, id: string) {
  const row = entity === 'product' ? await getProduct(db, id) : await getOrganisation(db, id);
  return row ? { reviewStatus: row.reviewStatus, updatedAt: row.updatedAt } : null;
}

/** Withdraws the publication; returns what lifting needs to know. 409 when nothing of it is public. */
export async function withdrawApproval(
  tx: Tx,
  actor: Actor,
  act: { productId: string | null; organisationId: string; reason: string },
): Promise<{ withdrawnFrom: string; withdrawnStamp: string }> {
  const { entity, id } = subjectOf(act);
  const before = await currentRow(tx, entity, id);
  await withdrawPublication(tx, { entity, id, reason: act.reason, actor });
  const after = await currentRow(tx, entity, id);
  return { withdrawnFrom: before!.reviewStatus, withdrawnStamp: after!.updatedAt };
}

export async function restoreApproval(
  tx: Tx,
  actor: Actor,
  act: { productId: string | null; organisationId: string; withdrawnStamp: string | null },
  reason: string,
): Promise<LiftOutcome> {
  const { entity, id } = subjectOf(act);
  const now = await currentRow(tx, entity, id);
  if (!now) return 'unchanged';
  if (now.reviewStatus === 'approved') return 'already_public';
  if (now.reviewStatus === 'returned' && now.updatedAt === act.withdrawnStamp) {
    const note = `Gỡ quyết định thu hồi phê duyệt: ${reason}`;
    await setReviewStatus(tx, { entity, id, status: 'submitted', note, actor });
    await setReviewStatus(tx, { entity, id, status: 'approved', note, actor });
    return 'republished';
  }
  if (now.reviewStatus === 'submitted') return 'resubmitted';
  if (now.reviewStatus !== 'returned' && now.reviewStatus !== 'draft') return 'unchanged';
  const handler = reviewHandler(entity);
  const subject = await handler?.describe?.(tx, id);
  if (!handler?.onSubmit || !subject) return 'unchanged';
  const note = `Thanh tra gỡ quyết định thu hồi phê duyệt; dữ liệu đã thay đổi, cần thẩm định lại: ${reason}`;
  await handler.onSubmit(tx, id, actor, note);
  await submitForReview(tx, { ...subject, entityType: entity, entityId: id, actor, note });
  return 'resubmitted';
}
