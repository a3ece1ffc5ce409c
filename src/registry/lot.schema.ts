import { z } from 'zod';
import { storableDate } from '../platform/index.ts';
import { listQuery, pageSchema, reviewStatuses } from './list-query.ts';

export const lotStatuses = ['active', 'on_hold', 'recalled', 'destroyed'] as const;
export type LotStatus = (typeof lotStatuses)[number];

/** GS1 AI 82 character set (GS1 General Specifications, figure 7.11-1), at most 20 characters for AI 10. */
export const lotNumberPattern = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export const lotInput = z.object({
  productId: z.uuid(),
  // an empty lot number is asked for with the other missing fields; its characters are checked by the service
  lot: z.string().min(1),
  productionDate: storableDate().optional(),
  expiryDate: storableDate().optional(),
  quantity: z.number().nonnegative().optional(),
  unit: z.string().trim().max(20).optional(),
  locationId: z.uuid().optional(),
  inputLotIds: z.array(z.uuid()).max(200).optional(),
});
export type LotInput = z.infer<typeof lotInput>;

export const lotPatch = lotInput.omit({ productId: true, lot: true }).partial().strict();
export type LotPatch = z.infer<typeof lotPatch>;

export const lotStatusInput = z.object({
  status: z.enum(lotStatuses),
  note: z.string().trim().max(2000).optional(),
});

export const lotView = z.object({
  id: z.string(),
  organisationId: z.string(),
  productId: z.string(),
  productName: z.string(),
  gtin: z.string(),
  lot: z.string(),
  /** The lot's traceability code (mã truy vết sản phẩm) as a canonical GS1 Digital Link. */
  digitalLink: z.string(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  locationId: z.string().nullable(),
  inputLotIds: z.array(z.string()),
  status: z.enum(lotStatuses),
  reviewStatus: z.enum(reviewStatuses),
  reviewNote: z.string().nullable(),
  /** An edit waits for review while the approved version stays public (published.ts). */
  publicVersionKept: z.boolean(),
  /**
   * The latest change of `status`, with its reason, when and by whom (one lot's read and the status change
   * only; absent from lists). Null: the status never changed.
   */
  statusChange: z
    .object({ note: z.string().nullable(), at: z.string(), byName: z.string().nullable() })
    .nullable()
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LotView = z.infer<typeof lotView>;

export const lotListQuery = listQuery(['lot', 'createdAt', 'productionDate', 'expiryDate']).extend({
  organisationId: z.uuid().optional(),
  productId: z.uuid().optional(),
  gtin: z.string().optional(),
  status: z.enum(lotStatuses).optional(),
});
export type LotListQuery = z.infer<typeof lotListQuery>;

export const lotPage = pageSchema(lotView);
