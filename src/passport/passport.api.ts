import { z } from 'zod';

const itemKey = z
  .string()
  .trim()
  .refine((k) => /^[a-z][A-Za-z0-9]{1,39}$/.test(k), { params: { code: 'passport.itemKey' } });

export const goodsGroupItemInput = z.strictObject({
  key: itemKey,
  vi: z.string().trim().min(2).max(300),
  en: z.string().trim().min(2).max(300),
});

export const goodsGroupInput = z.strictObject({
  code: z
    .string()
    .trim()
    .refine((c) => /^[a-z0-9][a-z0-9-]{1,59}$/.test(c), { params: { code: 'passport.groupCode' } }),
  nameVi: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().min(2).max(200),
  legalBasis: z.string().trim().max(500).default(''),
  items: z.array(goodsGroupItemInput).min(1).max(60),
});
export type GoodsGroupInput = z.infer<typeof goodsGroupInput>;

export const goodsGroupPatch = goodsGroupInput.omit({ code: true }).partial().strict();
export type GoodsGroupPatch = z.infer<typeof goodsGroupPatch>;

export const goodsGroupView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  legalBasis: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      vi: z.string(),
      en: z.string(),
      /** Where the value comes from: a product field, the producer, the lot on the pack, or the label's text. */
      source: z.enum(['product', 'producer', 'lot', 'label']),
    }),
  ),
  updatedAt: z.string(),
});
export type GoodsGroupView = z.infer<typeof goodsGroupView>;

export const labelInput = z.strictObject({
  goodsGroup: z.string().trim().min(1).max(60),
  /** The label's own texts by item key (only items of the group whose source is `label`). */
  values: z.record(z.string(), z.string().trim().max(3000)).default({}),
});
export type LabelInput = z.infer<typeof labelInput>;

export const labelItemView = z.object({
  key: z.string(),
  name: z.string(),
  source: z.enum(['product', 'producer', 'lot', 'label']),
  value: z.string().nullable(),
  missing: z.boolean(),
});

export const labelView = z.object({
  productId: z.string(),
  goodsGroup: z.string().nullable(),
  values: z.record(z.string(), z.string()),
  items: z.array(labelItemView),
  /** The items still missing, in words: what the reviewer will see. */
  missing: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type LabelView = z.infer<typeof labelView>;

export const passportVersionsView = z.object({
  items: z.array(z.object({ version: z.number().int(), approvedAt: z.string() })),
});
