import { z } from 'zod';

export const newsKinds = ['news', 'guidance'] as const;
export type NewsKind = (typeof newsKinds)[number];
export const newsStatuses = ['draft', 'published'] as const;

export const newsInput = z.strictObject({
  kind: z.enum(newsKinds),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(600).default(''),
  body: z.string().max(50_000).default(''),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export type NewsInput = z.infer<typeof newsInput>;

export const newsPatch = newsInput.partial();
export type NewsPatch = z.infer<typeof newsPatch>;

export const publishInput = z.strictObject({
  /** When the item counts as published (its date on the portal); now when left out. */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});

export const attachmentView = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  kind: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  url: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const newsView = z.object({
  id: z.uuid(),
  kind: z.enum(newsKinds),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  attachments: z.array(attachmentView),
  status: z.enum(newsStatuses),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NewsView = z.infer<typeof newsView>;

export const newsListQuery = z.object({
  kind: z.enum(newsKinds).optional(),
  status: z.enum(newsStatuses).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NewsListQuery = z.infer<typeof newsListQuery>;

export const newsList = z.object({
  items: z.array(newsView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
