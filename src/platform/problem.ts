import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldMessage, routeScope } from './field-messages.ts';
import { defineMessages, type Lang, pickLanguage, t } from './i18n.ts';

/** One thing wrong with the input: a JSON Pointer (or query/header name) and a message key with its parameters. */
export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * An RFC 7807 problem. `code` names both the problem type (`/problems/{code}`) and its message key
 * (`problem.{code}`); the title and field messages are rendered in the requester's language.
 */
export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly params: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    opts: { errors?: FieldError[]; params?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.status = status;
    this.code = code;
    this.errors = opts.errors ?? [];
    this.params = opts.params ?? {};
    this.headers = opts.headers ?? {};
  }
}

export const badRequest = (errors: FieldError[], code = 'validation') => new Problem(400, code, { errors });
export const notFound = (code = 'not-found', params?: Record<string, unknown>) =>
  new Problem(404, code, { params });
export const forbidden = (code = 'forbidden') => new Problem(403, code);
export const unauthorized = () => new Problem(401, 'unauthorized');
export const conflict = (code: string, params?: Record<string, unknown>) =>
  new Problem(409, code, { params });

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The problem type a route's standard names for a problem (the EPCIS binding's `epcisException:…`); the
     * document then also carries TXNG's own `/problems/{code}` as `code`. Without it the type is TXNG's own.
     */
    problemType?: (problem: Problem, request: FastifyRequest) => string | null;
  }
}

export interface ProblemDocument {
  type: string;
  /** TXNG's problem type, when `type` is a standard's (see `problemType`). */
  code?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; code: string; message: string }[];
}

export function renderProblem(
  problem: Problem,
  lang: Lang,
  instance?: string,
  standardType?: string | null,
): ProblemDocument {
  const own = `/problems/${problem.code}`;
  const doc: ProblemDocument = {
    type: standardType ?? own,
    ...(standardType ? { code: own } : {}),
    title: t(lang, `problem.${problem.code}`, problem.params),
    status: problem.status,
    instance,
  };
  if (problem.errors.length) {
    // the EPCIS binding names fields of its own documents: only the back office API's fields have labels
    const scope = routeScope(instance);
    doc.errors = problem.errors.map((e) => ({
      field: e.field,
      code: e.code,
      message: fieldMessage(lang, e, scope),
    }));
    doc.detail = doc.errors
      .slice(0, 3)
      .map((e) => `${e.field || '/'}: ${e.message}`)
      .join('; ');
  }
  return doc;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  const lang = pickLanguage(request.headers['accept-language']);
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply
    .status(problem.status)
    .header('content-language', lang)
    .type('application/problem+json; charset=utf-8')
    .send(
      renderProblem(
        problem,
        lang,
        request.url,
        request.routeOptions?.config?.problemType?.(problem, request),
      ),
    );
}

/**
 * Maps a zod issue (from a request schema, or a schema a module parses itself) to a message key; `origin` and
 * `inclusive` let the message say "phải lớn hơn 0" for a number and "ít nhất 2 ký tự" for a text.
 */
export function fromZodIssue(issue: any, location: string): FieldError {
  const path = [location, ...(issue.path ?? [])].filter((p) => p !== undefined && p !== '');
  const field = `/${path.join('/')}`;
  switch (issue.code) {
    case 'invalid_type':
      // zod does not report the input; its message says when the value was absent
      return issue.input === undefined && /received undefined/.test(issue.message ?? '')
        ? { field, code: 'field.required' }
        : { field, code: 'field.type', params: { expected: issue.expected } };
    case 'too_small':
      return { field, code: 'field.tooSmall', params: bound('minimum', issue) };
    case 'too_big':
      return { field, code: 'field.tooBig', params: bound('maximum', issue) };
    case 'invalid_format':
      return { field, code: 'field.format', params: { format: issue.format } };
    case 'invalid_value':
      return { field, code: 'field.enum', params: { allowed: (issue.values ?? []).join(', ') } };
    case 'unrecognized_keys':
      return { field, code: 'field.unknownKeys', params: { keys: (issue.keys ?? []).join(', ') } };
    default:
      // custom refinements carry their own message key
      return { field, code: issue.params?.code ?? 'field.invalid', params: issue.params ?? {} };
  }
}

const bound = (key: 'minimum' | 'maximum', issue: any) => ({
  [key]: issue[key],
  ...(issue.origin ? { origin: issue.origin } : {}),
  ...(issue.inclusive !== undefined ? { inclusive: issue.inclusive } : {}),
});

/** Turns every error Fastify can raise into a problem document; only real faults become 500. */
export function registerProblemHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = (error as any).validationContext ?? 'body';
      // the type provider flattens each zod issue to { keyword: code, instancePath, params: rest of the issue }
      const errors = (error as any).validation.map((v: any) =>
        fromZodIssue(
          {
            ...v.params,
            code: v.keyword,
            message: v.message,
            path: v.instancePath.split('/').filter(Boolean),
          },
          location,
        ),
      );
      return sendProblem(reply, request, badRequest(errors));
    }
    const code = (error as FastifyError).code;
    const mapped = mapFastifyError(error as FastifyError);
    if (mapped) return sendProblem(reply, request, mapped);
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return sendProblem(reply, request, new Problem(400, 'too-deep'));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendProblem(
        reply,
        request,
        new Problem(status, status === 429 ? 'rate-limited' : 'bad-request', {
          params: { reason: error.message, code },
        }),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, new Problem(500, 'internal'));
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, notFound('route-not-found')));
}

function mapFastifyError(error: FastifyError): Problem | null {
  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest([{ field: '/', code: 'body.empty' }], 'body-empty');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported-media-type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'body-too-large');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(400, 'bad-content-length');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest(
        [{ field: '/', code: 'body.malformedJson', params: { reason: error.message } }],
        'malformed-json',
      );
  }
  if (error instanceof SyntaxError || (error as any).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return badRequest(
      [{ field: '/', code: 'body.malformedJson', params: { reason: error.message } }],
      'malformed-json',
    );
  }
  return null;
}

defineMessages({
  'problem.validation': { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request data is not valid' },
  'problem.body-empty': { vi: 'Nội dung yêu cầu trống', en: 'The request body is empty' },
  'problem.malformed-json': {
    vi: 'Nội dung không phải JSON hợp lệ',
    en: 'The request body is not valid JSON',
  },
  'problem.too-deep': { vi: 'Dữ liệu lồng nhau quá sâu', en: 'The request data is nested too deeply' },
  'problem.unsupported-media-type': {
    vi: 'Kiểu nội dung (Content-Type) không được hỗ trợ',
    en: 'The Content-Type of the request is not supported',
  },
  'problem.body-too-large': { vi: 'Nội dung yêu cầu quá lớn', en: 'The request body is too large' },
  'problem.bad-content-length': { vi: 'Độ dài nội dung không hợp lệ', en: 'The Content-Length is not valid' },
  'problem.bad-request': { vi: 'Yêu cầu không hợp lệ: {reason}', en: 'Bad request: {reason}' },
  'problem.rate-limited': {
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
    en: 'Too many requests, please try again later',
  },
  'problem.not-found': { vi: 'Không tìm thấy', en: 'Not found' },
  'problem.route-not-found': { vi: 'Không có địa chỉ này', en: 'No such address' },
  'problem.unauthorized': { vi: 'Cần đăng nhập hoặc khóa API', en: 'Sign-in or an API key is required' },
  'problem.forbidden': {
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
  },
  'problem.internal': {
    vi: 'Lỗi hệ thống, vui lòng thử lại sau',
    en: 'Internal error, please try again later',
  },
  'body.empty': { vi: 'nội dung trống', en: 'the body is empty' },
  'body.malformedJson': { vi: 'JSON sai cú pháp ({reason})', en: 'malformed JSON ({reason})' },
  'field.required': { vi: 'bắt buộc phải có', en: 'is required' },
  'field.type': { vi: 'sai kiểu dữ liệu, cần {expected}', en: 'has the wrong type, expected {expected}' },
  'field.tooSmall': { vi: 'nhỏ hơn mức tối thiểu {minimum}', en: 'is below the minimum {minimum}' },
  'field.tooBig': { vi: 'vượt mức tối đa {maximum}', en: 'exceeds the maximum {maximum}' },
  'field.format': { vi: 'sai định dạng ({format})', en: 'has the wrong format ({format})' },
  'field.enum': { vi: 'phải là một trong: {allowed}', en: 'must be one of: {allowed}' },
  'field.unknownKeys': {
    vi: 'có trường không được phép: {keys}',
    en: 'has fields that are not allowed: {keys}',
  },
  'field.invalid': { vi: 'không hợp lệ', en: 'is not valid' },
});
