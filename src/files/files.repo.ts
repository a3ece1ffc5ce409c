import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { files } from './files.schema.ts';

const metaColumns = {
  id: files.id,
  organisationId: files.organisationId,
  kind: files.kind,
  mediaType: files.mediaType,
  originalName: files.originalName,
  byteSize: files.byteSize,
  width: files.width,
  height: files.height,
  sha256: files.sha256,
  hasThumbnail: sql<boolean>`(${files.thumbnail} is not null)`,
  createdAt: files.createdAt,
};

export type FileMeta = Omit<typeof files.$inferSelect, 'data' | 'thumbnail' | 'createdBy'> & {
  hasThumbnail: boolean;
};

const toMeta = (row: any): FileMeta => ({ ...row, hasThumbnail: Boolean(row.hasThumbnail) });

export async function insertFile(db: DbOrTx, row: typeof files.$inferInsert): Promise<FileMeta> {
  const [inserted] = await db.insert(files).values(row).returning(metaColumns);
  return toMeta(inserted);
}

export async function findFileMeta(db: DbOrTx, id: string): Promise<FileMeta | null> {
  const [row] = await db.select(metaColumns).from(files).where(eq(files.id, id));
  return row ? toMeta(row) : null;
}

export async function findFileMetas(db: DbOrTx, ids: string[]): Promise<FileMeta[]> {
  if (!ids.length) return [];
  const rows = await db.select(metaColumns).from(files).where(inArray(files.id, ids));
  return rows.map(toMeta);
}

export async function findFileContent(db: DbOrTx, id: string, variant: 'full' | 'thumb') {
  const [row] = await db
    .select({
      data: variant === 'thumb' ? files.thumbnail : files.data,
      mediaType: files.mediaType,
      kind: files.kind,
      sha256: files.sha256,
      originalName: files.originalName,
    })
    .from(files)
    .where(eq(files.id, id));
  return row ?? null;
}

export async function listFileMetas(db: DbOrTx, organisationId: string, page: number, pageSize: number) {
  const where = eq(files.organisationId, organisationId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(metaColumns)
      .from(files)
      .where(where)
      .orderBy(desc(files.createdAt), desc(files.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(files).where(where),
  ]);
  return { rows: rows.map(toMeta), total: Number(total) };
}
