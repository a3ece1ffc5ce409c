import { z } from 'zod';
import { storableDateTime } from '../platform/index.ts';

export const auditQuery = z
  .object({
    entityType: z.string().trim().min(1).max(50).optional(),
    entityId: z.string().trim().min(1).max(200).optional(),
    /** Id of the person or API key that made the change. */
    actor: z.string().trim().min(1).max(100).optional(),
    organisationId: z.uuid().optional(),
    from: storableDateTime().optional(),
    to: storableDateTime().optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) <= new Date(q.to), {
    path: ['to'],
    params: { code: 'audit.toBeforeFrom' },
  });

export const auditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    kind: z.string().nullable(),
    role: z.string().nullable(),
    name: z.string().nullable(),
  }),
  organisationId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

export const auditPage = z.object({
  items: z.array(auditEntryView),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

export const chainVerdictView = z.object({
  valid: z.boolean(),
  rows: z.number(),
  headHash: z.string(),
  brokenAtId: z.number().nullable(),
  checkedAt: z.string(),
});
