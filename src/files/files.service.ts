import crypto from 'node:crypto';
import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  type Config,
  type Db,
  type DbOrTx,
  notFound,
  Problem,
} from '../platform/index.ts';
import { getOrganisationsByIds, mayReadOrganisationData } from '../registry/index.ts';
import { sniffFileType } from './file-type.ts';
import type { FileMeta } from './files.repo.ts';
import * as repo from './files.repo.ts';
import type { FileResponse } from './files.schema.ts';
import { processImage } from './image.ts';
import './files.messages.ts';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const PDF_MAX_BYTES = 10 * 1024 * 1024;

export interface Upload {
  bytes: Buffer;
  fileName: string | null;
}

/**
 * The organisation an inspector files an upload under: the one inspected, named in the request. A finding's photos
 * are the inspected organisation's files (the finding checks they are), and its owner reads them in the
 * conclusions; an inspector acts for no organisation of their own, so without this no finding could have a photo.
 * Null when the rule does not apply (anyone else, or no organisation named): the caller's usual rule decides.
 */
export async function inspectedOrganisation(
  db: DbOrTx,
  actor: Actor,
  requested: string | undefined,
  field: string,
) {
  if (actor.role !== 'inspector' || !requested) return null;
  const [found] = await getOrganisationsByIds(db, [requested]);
  if (!found) throw badRequest([{ field, code: 'files.organisationUnknown' }]);
  return found.id;
}

/**
 * The department's own files (the plan's evidence, news attachments, training materials) belong to no organisation:
 * they are kept under this owner id, which no organisation has, so no organisation's listing or check reaches them.
 */
export const departmentFilesOwner = '00000000-0000-0000-0000-000000000000';

/** Stores an image (re-encoded, resized, metadata stripped) or a PDF (as sent) for the organisation. */
export async function uploadFile(
  db: Db,
  actor: Actor,
  organisationId: string,
  upload: Upload,
): Promise<FileMeta> {
  const type = sniffFileType(upload.bytes);
  if (!type)
    throw badRequest([{ field: '/body/file', code: 'files.unsupportedType' }], 'files-unsupported-type');
  const limit = type.kind === 'image' ? IMAGE_MAX_BYTES : PDF_MAX_BYTES;
  if (upload.bytes.length > limit) throw tooLarge(limit);

  let stored: {
    data: Buffer;
    thumbnail: Buffer | null;
    width: number | null;
    height: number | null;
    mediaType: string;
  };
  if (type.kind === 'image') {
    const image = await processImage(upload.bytes).catch(() => {
      throw badRequest([{ field: '/body/file', code: 'files.undecodableImage' }], 'files-unsupported-type');
    });
    stored = { ...image, mediaType: 'image/webp' };
  } else {
    stored = { data: upload.bytes, thumbnail: null, width: null, height: null, mediaType: type.mediaType };
  }
  return db.transaction(async (tx) => {
    const meta = await repo.insertFile(tx, {
      organisationId,
      kind: type.kind,
      mediaType: stored.mediaType,
      originalName: upload.fileName?.slice(0, 255) ?? null,
      byteSize: stored.data.length,
      width: stored.width,
      height: stored.height,
      sha256: crypto.createHash('sha256').update(stored.data).digest('hex'),
      data: stored.data,
      thumbnail: stored.thumbnail,
      createdBy: actor.id,
    });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'file',
      entityId: meta.id,
      organisationId,
      after: {
        kind: meta.kind,
        mediaType: meta.mediaType,
        byteSize: meta.byteSize,
        originalName: meta.originalName,
      },
    });
    return meta;
  });
}

export function tooLarge(limit: number) {
  return new Problem(413, 'files-too-large', {
    params: { megabytes: limit / 1024 / 1024 },
    errors: [{ field: '/body/file', code: 'files.tooLarge', params: { megabytes: limit / 1024 / 1024 } }],
  });
}

/** Sector and commune officers see records in their scope, not the owner's file descriptions (docs/api.md). */
const officers = new Set(['sector_officer', 'commune_officer']);

/** A file's description: the owner organisation's people and the department's staff (admin, reviewers, inspectors). */
export async function getFileForActor(db: DbOrTx, actor: Actor, id: string): Promise<FileMeta> {
  const meta = await repo.findFileMeta(db, id);
  // another organisation's file answers like a missing one: ids are not confirmed to outsiders
  if (!meta || officers.has(actor.role) || !(await mayReadOrganisationData(db, actor, meta.organisationId)))
    throw notFound();
  return meta;
}

export function listFiles(db: DbOrTx, organisationId: string, page: number, pageSize: number) {
  return repo.listFileMetas(db, organisationId, page, pageSize);
}

/** Content for `GET /files/:id`: ids are random UUIDs, so knowing one is the capability to read it. */
export async function getFileContent(db: DbOrTx, id: string, variant: 'full' | 'thumb') {
  const content = await repo.findFileContent(db, id, variant);
  if (!content) throw notFound();
  // a PDF has no thumbnail: answer with the file itself
  const found = content.data ? content : await repo.findFileContent(db, id, 'full');
  if (!found?.data) throw notFound();
  return { ...found, data: found.data };
}

/**
 * For modules that attach files (diary photos, certificates, product images): every id must be a file of
 * the organisation. Returns the field errors, one per bad id, so the caller can name its own field.
 */
export async function checkFilesOwnedBy(db: DbOrTx, ids: string[], organisationId: string, field: string) {
  const found = new Map((await repo.findFileMetas(db, ids)).map((m) => [m.id, m]));
  return ids.flatMap((id, i) =>
    found.get(id)?.organisationId === organisationId
      ? []
      : [{ field: `${field}/${i}`, code: 'files.notFound', params: { id } }],
  );
}

/**
 * The descriptions of files a record names, for whoever may read the record (a reviewer whose queue holds it):
 * only files of the record's own organisation, so a record cannot lend its reader another organisation's files.
 */
export async function describeFilesOf(db: DbOrTx, config: Config, ids: string[], organisationId: string) {
  const metas = await repo.findFileMetas(db, ids);
  return metas.filter((m) => m.organisationId === organisationId).map((m) => presentFile(config, m));
}

export const fileUrl = (config: Config, id: string) => `${config.baseUrl}/files/${id}`;

export function presentFile(config: Config, meta: FileMeta): FileResponse {
  return {
    id: meta.id,
    organisationId: meta.organisationId,
    kind: meta.kind as FileResponse['kind'],
    mediaType: meta.mediaType,
    originalName: meta.originalName,
    byteSize: meta.byteSize,
    width: meta.width,
    height: meta.height,
    url: fileUrl(config, meta.id),
    thumbnailUrl: meta.hasThumbnail ? `${fileUrl(config, meta.id)}?size=thumb` : null,
    createdAt: meta.createdAt.toISOString(),
  };
}
