import { z } from 'zod';
import { storableDateTime } from '../platform/index.ts';

export const auditQuery = z
  .object({
    entityType: z.string().trim().min(1).max(50).optional(),
    entityId: z.string().trim().min(1).max(200).optional(),
    /** Id of the person or API key that made the change. */
    actor: z.string().trim().min(1).max(100).optional(),
    organisationId: z.uuid().optional(),
    /** Part of a lot code, a product's name or another record's label, as written when the entry was. */
    q: z.string().trim().min(1).max(100).optional(),
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
  /** The entry in a sentence, in the language of Accept-Language; times in Vietnam's (dd/mm/yyyy HH:mm). */
  summary: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    kind: z.string().nullable(),
    role: z.string().nullable(),
    name: z.string().nullable(),
    /** The organisation the person acted for, by name, as it was then. */
    organisation: z.string().nullable(),
    /** Name and organisation (or office) in words. */
    text: z.string(),
  }),
  organisationId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  subject: z.object({ kind: z.string(), label: z.string().nullable() }),
  /** What changed, field by field, named and formatted for people; unchanged fields and ids left out. */
  changes: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
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
