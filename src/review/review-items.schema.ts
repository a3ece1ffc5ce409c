import { z } from 'zod';
import { fileResponse } from '../files/index.ts';
import { sectors } from '../platform/index.ts';
import { decisions } from './review.handlers.ts';

export const itemStatuses = ['pending', 'approved', 'returned', 'rejected'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const itemListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  status: z.enum(itemStatuses).optional(),
  sector: z.enum(sectors).optional(),
  commune: z.string().trim().min(1).max(20).optional(),
  organisationId: z.uuid().optional(),
});

export const itemView = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  organisationId: z.string().nullable(),
  sector: z.enum(sectors).nullable(),
  communeCode: z.string().nullable(),
  title: z.string(),
  status: z.enum(itemStatuses),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  submitNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

export const decisionView = z.object({
  id: z.string(),
  decision: z.enum(decisions),
  reason: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string(),
  decidedAt: z.string(),
});

export const preCheckView = z.object({
  code: z.string(),
  ok: z.boolean(),
  blocking: z.boolean(),
  /** false: the check does not apply to this record ("Không áp dụng"), neither passed nor failed */
  applies: z.boolean(),
  message: z.string(),
});

export const preCheckQuery = z.object({
  entityType: z.string().trim().min(1).max(50),
  entityId: z.uuid(),
});

export const itemPage = z.object({
  items: z.array(itemView),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

/** The record under review, whole: as its module presents it, the public version an edit would replace, its files. */
export const reviewRecordView = z.object({
  current: z.record(z.string(), z.unknown()),
  /** While an edit of a published record waits: the version the public sees; null otherwise. */
  published: z.record(z.string(), z.unknown()).nullable(),
  files: z.array(fileResponse),
});

export const approvalNeedsQuery = z.object({ entityType: z.string().trim().min(1).max(50) });

export const approvalNeedView = z.object({
  code: z.string(),
  /** The record's fields (as the API names them) that settle the check. */
  fields: z.array(z.string()),
  /** all: every field must be given; any: one of them is enough */
  rule: z.enum(['all', 'any']),
  blocking: z.boolean(),
  message: z.string(),
});

export const itemDetailView = z.object({
  item: itemView,
  decisions: z.array(decisionView),
  preChecks: z.array(preCheckView),
  record: reviewRecordView.nullable(),
  /** Whether the caller may decide on it now. */
  canDecide: z.boolean(),
});

export const decisionInput = z
  .object({
    decision: z.enum(decisions),
    /** Required to return or reject: the producer reads it. */
    reason: z.string().trim().max(2000).optional(),
    /** A stamp request approved for fewer stamps than asked (a reason required then). */
    approvedQuantity: z.number().int().positive().optional(),
  })
  .strict();

/** The department takes a registry row off the public pages, with the reason its organisation will read. */
export const withdrawalInput = z
  .object({
    entityType: z.enum(['organisation', 'location', 'product', 'lot']),
    entityId: z.uuid(),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();

export const withdrawalResult = z.object({
  entityType: z.string(),
  entityId: z.string(),
  reviewStatus: z.string(),
});

export const submissionInput = z
  .object({
    entityType: z.string().trim().min(1).max(50),
    /** Every reviewable thing (organisation, location, product, lot, stamp request) is keyed by a UUID. */
    entityId: z.uuid(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const decisionResult = z.object({ item: itemView, decision: decisionView });

export const itemParams = z.object({ id: z.uuid() });

export const todoView = z.object({
  toReview: z.object({
    total: z.number(),
    oldest: z.array(
      z.object({ id: z.string(), title: z.string(), entityType: z.string(), submittedAt: z.string() }),
    ),
  }),
  toFix: z.array(
    z.object({
      entityType: z.string(),
      id: z.string(),
      name: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  certificates: z.array(
    z.object({
      organisationId: z.string(),
      kind: z.string(),
      number: z.string(),
      validTo: z.string(),
      expired: z.boolean(),
    }),
  ),
});
