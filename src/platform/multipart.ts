import type { FastifyInstance } from 'fastify';
import { defineMessages } from './i18n.ts';
import { badRequest, Problem } from './problem.ts';

/** RFC 2046 §5.1.1: a boundary is 1 to 70 characters; the parser refuses an empty or longer one with a bare Error. */
const boundaryParameter = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/** The boundary a multipart Content-Type names, or null when it names none that can be used. */
export function multipartBoundary(contentType: string): string | null {
  const match = boundaryParameter.exec(contentType);
  const boundary = match ? (match[1] ?? match[2]) : '';
  return boundary.length >= 1 && boundary.length <= 70 ? boundary : null;
}

const isMultipart = (contentType: unknown): contentType is string =>
  typeof contentType === 'string' && /^\s*multipart\//i.test(contentType);

/**
 * A multipart request must say where its parts end. Without a boundary the parser threw before reading a byte and
 * the route answered 500; checked once here, for every route, before any route reads the body.
 */
export function registerMultipartGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const contentType = request.headers['content-type'];
    if (isMultipart(contentType) && !multipartBoundary(contentType))
      throw new Problem(400, 'multipart-malformed', {
        errors: [{ field: '/headers/content-type', code: 'multipart.noBoundary' }],
      });
  });
}

/**
 * Runs one read of a multipart body (the next file, a part's bytes, the whole form) and turns what the parser
 * throws into problems: a part over its size limit is the route's own `tooLarge`, too many parts 413, and a body
 * that breaks off or has malformed part headers 400. Everything thrown while reading comes from the request's
 * bytes, so none of it is the server's fault.
 */
export async function readMultipart<T>(read: () => Promise<T>, tooLarge: () => Problem): Promise<T> {
  try {
    return await read();
  } catch (err: any) {
    if (err instanceof Problem) throw err;
    switch (err?.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        throw tooLarge();
      case 'FST_PARTS_LIMIT':
      case 'FST_FILES_LIMIT':
      case 'FST_FIELDS_LIMIT':
        throw new Problem(413, 'multipart-too-many-parts');
    }
    throw badRequest([{ field: '/body', code: 'multipart.malformed' }], 'multipart-malformed');
  }
}

defineMessages({
  'problem.multipart-malformed': {
    vi: 'Nội dung multipart/form-data không hợp lệ',
    en: 'The multipart/form-data body is not valid',
  },
  'problem.multipart-too-many-parts': {
    vi: 'Biểu mẫu có quá nhiều phần (tệp hoặc trường)',
    en: 'The form has too many parts (files or fields)',
  },
  'multipart.noBoundary': {
    vi: 'Content-Type multipart phải có tham số boundary (1–70 ký tự)',
    en: 'a multipart Content-Type needs a boundary parameter (1–70 characters)',
  },
  'multipart.malformed': {
    vi: 'nội dung bị cắt ngang hoặc sai cấu trúc multipart',
    en: 'the body breaks off or is not well-formed multipart',
  },
});
