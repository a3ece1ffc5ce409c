import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/** PGlite hands bytea back as Uint8Array, node-postgres as Buffer: always give the service a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Uploaded images and certificate PDFs. Bytes live in the database so every server process (and both
 * PGlite and PostgreSQL) sees the same files; see docs/decisions/ on file storage.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    kind: text('kind').notNull(), // 'image' | 'pdf'
    mediaType: text('media_type').notNull(),
    originalName: text('original_name'),
    byteSize: integer('byte_size').notNull(),
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    thumbnail: bytea('thumbnail'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_organisation_idx').on(t.organisationId, t.createdAt)],
);

export const fileKinds = ['image', 'pdf'] as const;
export type FileKind = (typeof fileKinds)[number];

export const fileResponse = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  kind: z.enum(fileKinds),
  mediaType: z.string(),
  originalName: z.string().nullable(),
  byteSize: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type FileResponse = z.infer<typeof fileResponse>;

export const fileListResponse = z.object({
  items: z.array(fileResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
