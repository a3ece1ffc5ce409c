import { z } from 'zod';
import { storableDateTime } from '../platform/index.ts';

export const apiKeyInput = z
  .object({
    name: z.string().trim().min(2).max(200),
    /** Omitted by an organisation owner: the key then acts for the owner's organisation. */
    organisationIds: z.array(z.uuid()).min(1).max(500).optional(),
    expiresAt: storableDateTime().optional(),
  })
  .strict();
export type ApiKeyInput = z.infer<typeof apiKeyInput>;

export const apiKeyListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  includeRevoked: z.enum(['true', 'false']).default('false'),
});
export type ApiKeyListQuery = z.infer<typeof apiKeyListQuery>;

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  organisationIds: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const createdApiKeyView = apiKeyView.extend({
  /** The whole key, shown this once: `Authorization: Bearer <key>`. */
  key: z.string(),
});

export const apiKeyPage = z.object({
  items: z.array(apiKeyView),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
