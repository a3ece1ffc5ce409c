import { recordAudit } from '../audit/index.ts';
import { describeFilesOf } from '../files/index.ts';
import {
  type Actor,
  badRequest,
  type Config,
  conflict,
  type Db,
  type DbOrTx,
  forbidden,
  notFound,
  sideBySide,
  type Tx,
} from '../platform/index.ts';
import {
  allPreChecks,
  type Decision,
  type PreCheck,
  type ReviewItem,
  type ReviewSubject,
  reviewHandler,
} from './review.handlers.ts';
import './review.messages.ts';
import { canDecide, canSeeItem, canSubmit, queueScope } from './review.policy.ts';
import * as repo from './review.repo.ts';

export interface Submission extends ReviewSubject {
  entityType: string;
  entityId: string;
  actor: Actor | null;
  note?: string | null;
}

/**
 * Opens a review item; call it inside the transaction that marks the thing as submitted. The entity type must
 * have a handler (`registerReviewHandler`), which will hear the decision. One pending item per thing.
 */
export async function submitForReview(tx: DbOrTx, s: Submission): Promise<ReviewItem> {
  if (!reviewHandler(s.entityType)) throw new Error(`no review handler for "${s.entityType}"`);
  if (await repo.findPendingItem(tx, s.entityType, s.entityId)) throw conflict('review.already-pending');
  const item = await repo
    .insertItem(tx, {
      entityType: s.entityType,
      entityId: s.entityId,
      organisationId: s.organisationId,
      sector: s.sector,
      communeCode: s.communeCode,
      title: s.title,
      submittedBy: s.actor?.id ?? null,
      submitNote: s.note ?? null,
    })
    .catch((err) => {
      // two submissions racing: the partial unique index lets one through
      if ((err?.code ?? err?.cause?.code) === '23505') throw conflict('review.already-pending');
      throw err;
    });
  await recordAudit(tx, {
    actor: s.actor,
    action: 'submit',
    entityType: 'review_item',
    entityId: item.id,
    organisationId: item.organisationId,
    after: { entityType: item.entityType, entityId: item.entityId, note: item.submitNote },
  });
  return item;
}

/** The owner sends a registry row (or anything whose handler can describe it) for review. */
export async function submitEntity(
  db: Db,
  input: { entityType: string; entityId: string; note?: string },
  actor: Actor,
): Promise<ReviewItem> {
  const handler = reviewHandler(input.entityType);
  if (!handler?.describe || !handler.onSubmit) {
    throw badRequest([{ field: '/body/entityType', code: 'review.notSubmittable' }]);
  }
  const subject = await handler.describe(db, input.entityId);
  if (!subject) throw notFound('review.subject-not-found');
  if (!canSubmit(actor, subject.organisationId)) throw forbidden();
  return db.transaction(async (tx) => {
    await handler.onSubmit!(tx, input.entityId, actor, input.note ?? null);
    return submitForReview(tx, { ...subject, ...input, actor });
  });
}

/**
 * The pre-checks a record would meet in review, for its owner before submitting (the reviewer sees the same beside
 * the submitted item): what approval will need, and what is missing now.
 */
export async function previewPreChecks(
  db: Db,
  input: { entityType: string; entityId: string },
  actor: Actor,
): Promise<PreCheck[]> {
  const handler = reviewHandler(input.entityType);
  if (!handler?.describe || !handler.preChecks) {
    throw badRequest([{ field: '/query/entityType', code: 'review.notSubmittable' }]);
  }
  const subject = await handler.describe(db, input.entityId);
  if (!subject) throw notFound('review.subject-not-found');
  if (!canSubmit(actor, subject.organisationId)) throw forbidden();
  return allPreChecks(handler, db, { ...subject, ...input } as unknown as ReviewItem);
}

export async function runPreChecks(db: DbOrTx, item: ReviewItem): Promise<PreCheck[]> {
  return allPreChecks(reviewHandler(item.entityType), db, item);
}

const outcome: Record<Decision, string> = { approve: 'approved', return: 'returned', reject: 'rejected' };

/**
 * A reviewer decides on a pending item: the decision, the owning module's status change and the audit entry land
 * together. Approval is refused while a blocking pre-check fails; returning or rejecting needs a reason the
 * producer will read.
 */
export async function decide(
  db: Db,
  itemId: string,
  input: { decision: Decision; reason?: string | null; approvedQuantity?: number },
  actor: Actor,
) {
  const reason = input.reason?.trim() || null;
  if (input.decision !== 'approve' && !reason)
    throw badRequest([{ field: '/body/reason', code: 'review.reasonRequired' }]);
  return db.transaction(async (tx: Tx) => {
    const item = await repo.findItem(tx, itemId, { forUpdate: true });
    if (!item || !canSeeItem(actor, item)) throw notFound('review.item-not-found');
    if (!canDecide(actor, item)) throw forbidden('review.not-yours-to-decide');
    if (item.status !== 'pending') throw conflict('review.already-decided', { status: item.status });
    const checks = await runPreChecks(tx, item);
    const blocking = checks.filter((c) => c.blocking && !c.ok);
    if (input.decision === 'approve' && blocking.length) {
      throw conflict('review.pre-checks-failed', { checks: blocking.map((c) => c.code).join(', ') });
    }
    const handler = reviewHandler(item.entityType);
    if (!handler) throw conflict('review.no-handler', { entityType: item.entityType });
    if (input.approvedQuantity !== undefined && item.entityType !== 'stamp_request')
      throw badRequest([{ field: '/body/approvedQuantity', code: 'review.quantityNotApplicable' }]);
    await handler.onDecision(tx, item, input.decision, actor, reason, {
      ...(input.approvedQuantity === undefined ? {} : { approvedQuantity: input.approvedQuantity }),
    });
    const closed = await repo.closeItem(tx, item.id, {
      status: outcome[input.decision],
      decidedBy: actor.id,
      reason,
    });
    const decision = await repo.insertDecision(tx, {
      itemId: item.id,
      decision: input.decision,
      reason,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      preChecks: checks,
    });
    await recordAudit(tx, {
      actor,
      action: input.decision,
      entityType: 'review_item',
      entityId: item.id,
      organisationId: item.organisationId,
      before: { status: item.status },
      after: { status: closed.status, reason, entityType: item.entityType, entityId: item.entityId },
    });
    return { item: closed, decision };
  });
}

export async function listQueue(
  db: DbOrTx,
  query: repo.ItemFilter & { page: number; pageSize: number },
  actor: Actor,
) {
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.listItems(db, queueScope(actor), filter, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { rows, total, page, pageSize };
}

/**
 * An item with its decisions, its pre-checks as they stand now and the whole record read-only. Whoever may see the
 * item reads the record's files with it (a reviewer is not otherwise shown an organisation's file descriptions).
 */
export async function readItem(db: DbOrTx, config: Config, id: string, actor: Actor) {
  const item = await repo.findItem(db, id);
  if (!item || !canSeeItem(actor, item)) throw notFound('review.item-not-found');
  // the history is the thing's, not only this submission's: a resubmission shows why it was returned before
  const [decisions, preChecks, record] = await sideBySide(db, [
    () =>
      repo.itemIdsOfEntity(db, item.entityType, item.entityId).then((ids) => repo.decisionsOfItems(db, ids)),
    () => runPreChecks(db, item),
    () => readRecord(db, config, item),
  ]);
  return {
    item,
    decisions,
    preChecks,
    record,
    canDecide: canDecide(actor, item) && item.status === 'pending',
  };
}

async function readRecord(db: DbOrTx, config: Config, item: ReviewItem) {
  const found = await reviewHandler(item.entityType)?.record?.(db, item);
  if (!found) return null;
  const files = item.organisationId
    ? await describeFilesOf(db, config, found.fileIds, item.organisationId)
    : [];
  return { current: found.current, published: found.published, files };
}

/** What approval will check that a form can fill in, per kind of record: the owner's form marks those fields. */
export function approvalNeedsOf(entityType: string) {
  const handler = reviewHandler(entityType);
  if (!handler?.preChecks) throw badRequest([{ field: '/query/entityType', code: 'review.notSubmittable' }]);
  return handler.needs ?? [];
}
