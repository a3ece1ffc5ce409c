import { z } from 'zod';
import { hasValidCheckDigit } from '../gs1/index.ts';
import { sectors, storableDate } from '../platform/index.ts';
import { fileUrl } from './file-url.ts';
import { listQuery, pageSchema, reviewStatuses } from './list-query.ts';

export const riskTiers = ['low', 'medium', 'high'] as const;

/**
 * Checked here as well as by the service, so a wrong GTIN is reported with every other mistake of the form at once;
 * an empty one is only asked for.
 */
const gtinDigits = z
  .string()
  .trim()
  .min(1)
  .refine((g) => !g || (/^(\d{8}|\d{12,14})$/.test(g) && hasValidCheckDigit(g)), {
    params: { code: 'registry.gtin' },
  });

export const productInput = z.object({
  organisationId: z.uuid(),
  gtin: gtinDigits,
  name: z.string().trim().min(2).max(300),
  description: z.string().trim().max(5000).optional(),
  images: z.array(fileUrl).max(20).optional(),
  brand: z.string().trim().max(200).optional(),
  modelCode: z.string().trim().max(100).optional(),
  productGroup: z.string().trim().max(200).optional(),
  sector: z.enum(sectors).optional(),
  unit: z.string().trim().max(50).optional(),
  netQuantity: z.number().positive().optional(),
  netQuantityUnit: z.string().trim().max(20).optional(),
  shelfLifeDays: z.number().int().positive().max(36500).optional(),
  appliedStandards: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  conformityDeclaration: z.string().trim().max(500).optional(),
  riskTier: z.enum(riskTiers).optional(),
  ocopStars: z.number().int().min(3).max(5).optional(),
  ocopDecision: z.string().trim().max(200).optional(),
  ocopDecisionDate: storableDate().optional(),
  ocopValidUntil: storableDate().optional(),
  geographicalIndication: z.string().trim().max(300).optional(),
  certificationMark: z.string().trim().max(300).optional(),
});
export type ProductInput = z.infer<typeof productInput>;

/** The GTIN is the product's identity (lots and stamps carry it): a different GTIN is a different product. */
export const productPatch = productInput.omit({ organisationId: true, gtin: true }).partial().strict();
export type ProductPatch = z.infer<typeof productPatch>;

export const productView = z.object({
  id: z.string(),
  organisationId: z.string(),
  gtin: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  images: z.array(z.string()),
  brand: z.string().nullable(),
  modelCode: z.string().nullable(),
  productGroup: z.string().nullable(),
  sector: z.enum(sectors).nullable(),
  unit: z.string().nullable(),
  netQuantity: z.number().nullable(),
  netQuantityUnit: z.string().nullable(),
  shelfLifeDays: z.number().nullable(),
  appliedStandards: z.array(z.string()),
  conformityDeclaration: z.string().nullable(),
  riskTier: z.string().nullable(),
  ocop: z
    .object({
      stars: z.number(),
      decision: z.string(),
      decisionDate: z.string().nullable(),
      validUntil: z.string(),
    })
    .nullable(),
  geographicalIndication: z.string().nullable(),
  certificationMark: z.string().nullable(),
  reviewStatus: z.enum(reviewStatuses),
  reviewNote: z.string().nullable(),
  /** An edit waits for review while the approved version stays public (published.ts). */
  publicVersionKept: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof productView>;

export const productListQuery = listQuery(['name', 'createdAt', 'gtin']).extend({
  organisationId: z.uuid().optional(),
  sector: z.enum(sectors).optional(),
  ocop: z.enum(['true', 'false']).optional(),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

export const productPage = pageSchema(productView);
