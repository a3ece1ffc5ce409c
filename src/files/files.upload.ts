import type { FastifyRequest } from 'fastify';
import { assertStorableText, badRequest, Problem, readMultipart } from '../platform/index.ts';
import { PDF_MAX_BYTES, tooLarge } from './files.service.ts';

/** The one file of a multipart upload (part `file`), read whole, with the name it came with. */
export interface UploadedFile {
  bytes: Buffer;
  fileName: string | null;
}

/**
 * Reads the file a form sent, the same way for every upload route: 415 for a body that is no form, 400 for a
 * form without a file, 413 past the limit, and a name that must be storable text (it is kept with the file).
 * The route's multipart plugin must allow at least `maxBytes`.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number = PDF_MAX_BYTES,
): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new Problem(415, 'unsupported-media-type');
  const overLimit = () => tooLarge(maxBytes);
  const part = await readMultipart(() => request.file(), overLimit);
  if (!part) throw badRequest([{ field: '/body/file', code: 'files.missing' }], 'files-no-file');
  const bytes = await readMultipart(() => part.toBuffer(), overLimit);
  assertStorableText(part.filename, '/body/file/filename');
  return { bytes, fileName: part.filename || null };
}
