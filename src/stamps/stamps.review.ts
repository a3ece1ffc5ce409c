import { type Actor, badRequest, type DbOrTx, defineMessages, type Tx } from '../platform/index.ts';
import { getOrganisation } from '../registry/index.ts';
import {
  type Decision,
  type DecisionOptions,
  type PreCheck,
  type ReviewItem,
  type ReviewRecord,
  registerReviewHandler,
} from '../review/index.ts';
import { findProduct } from './stamps.ports.ts';
import { presentRequest } from './stamps.presenter.ts';
import * as repo from './stamps.repo.ts';
import { allocateStampRange } from './stamps.service.ts';

const statusOf: Record<Decision, 'approved' | 'returned' | 'refused'> = {
  approve: 'approved',
  return: 'returned',
  reject: 'refused',
};

/**
 * The decision lands in the review's transaction: approval allocates the serial range there — as many stamps as
 * asked, or fewer when the reviewer says so, with a reason the producer reads.
 */
async function onDecision(
  tx: Tx,
  item: ReviewItem,
  decision: Decision,
  actor: Actor,
  reason: string | null,
  options: DecisionOptions = {},
) {
  const approved = options.approvedQuantity;
  if (approved !== undefined) {
    const request = await repo.findRequest(tx, item.entityId);
    if (decision !== 'approve')
      throw badRequest([{ field: '/body/approvedQuantity', code: 'stamps.approvedQuantityOnlyOnApproval' }]);
    if (request && approved > request.quantity)
      throw badRequest([
        {
          field: '/body/approvedQuantity',
          code: 'stamps.approvedAboveRequested',
          params: { requested: request.quantity },
        },
      ]);
    if (request && approved < request.quantity && !reason)
      throw badRequest([{ field: '/body/reason', code: 'stamps.fewerNeedsReason' }]);
  }
  const decided = await repo.decideRequest(tx, item.entityId, {
    status: statusOf[decision],
    reason,
    decidedBy: actor.id,
    approvedQuantity: approved ?? null,
  });
  if (decided?.status === 'approved') await allocateStampRange(tx, decided);
}

async function preChecks(db: DbOrTx, item: ReviewItem): Promise<PreCheck[]> {
  const request = await repo.findRequest(db, item.entityId);
  if (!request) return [{ code: 'stamps.check.exists', ok: false, blocking: true }];
  const product = await findProduct(db, request.gtin);
  const organisation = await getOrganisation(db, request.organisationId);
  return [
    { code: 'stamps.check.productApproved', ok: product?.approved === true, blocking: true },
    { code: 'stamps.check.producerApproved', ok: organisation?.reviewStatus === 'approved', blocking: true },
    {
      code: 'stamps.check.quantity',
      ok: request.quantity <= 100_000,
      blocking: false,
      params: { quantity: request.quantity },
    },
  ];
}

/** The request as its organisation sent it, with the product by name, for the reviewer to read whole. */
async function record(db: DbOrTx, item: ReviewItem): Promise<ReviewRecord | null> {
  const request = await repo.findRequest(db, item.entityId);
  if (!request) return null;
  const product = await findProduct(db, request.gtin);
  return {
    current: { ...presentRequest(request, null), productName: product?.name ?? null },
    published: null,
    fileIds: [],
  };
}

registerReviewHandler('stamp_request', { onDecision, preChecks, record });

defineMessages({
  'stamps.approvedQuantityOnlyOnApproval': {
    vi: 'số lượng phê duyệt chỉ dùng khi phê duyệt',
    en: 'an approved quantity goes only with an approval',
  },
  'stamps.approvedAboveRequested': {
    vi: 'không được phê duyệt nhiều hơn số tem cơ sở đề nghị ({requested})',
    en: 'cannot approve more stamps than requested ({requested})',
  },
  'stamps.fewerNeedsReason': {
    vi: 'phê duyệt ít tem hơn đề nghị cần ghi lý do để cơ sở biết',
    en: 'approving fewer stamps than requested needs a reason the organisation reads',
  },
  'stamps.check.exists': { vi: 'Yêu cầu cấp tem tồn tại', en: 'The stamp request exists' },
  'stamps.check.productApproved': {
    vi: 'Sản phẩm đã được Sở KH&CN duyệt',
    en: 'The product has been approved by the department',
  },
  'stamps.check.producerApproved': {
    vi: 'Hồ sơ tổ chức đã được duyệt',
    en: 'The organisation profile has been approved',
  },
  'stamps.check.quantity': {
    vi: 'Số lượng tem hợp lý ({quantity}; trên 100.000 cần xem kỹ)',
    en: 'A reasonable number of stamps ({quantity}; above 100,000 needs a closer look)',
  },
});
