import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defineMessages } from './i18n.ts';
import { badRequest, type FieldError } from './problem.ts';

/**
 * A NUL (PostgreSQL's text and jsonb cannot hold it: the driver's error became a 500) or a UTF-16 surrogate without
 * its partner (not Unicode: the driver silently stores U+FFFD instead, so what is read back is not what was sent).
 * Matched on code units, without the `u` flag, so a lone surrogate is seen as one.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isUnstorableText = (text: string): boolean =>
  text.includes('\u0000') || loneSurrogate.test(text);

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** How many offending strings one answer names: enough to fix a form, not a list as long as the attack. */
const maxReported = 10;

/**
 * The JSON Pointers (under `root`) of every string, and every object key, in a parsed value that cannot be stored.
 * Walked with an explicit stack: a deeply nested hostile body must not exhaust the call stack here.
 */
export function unstorableTextErrors(value: unknown, root: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length && errors.length < maxReported) {
    const [node, pointer] = stack.pop()!;
    if (typeof node === 'string') {
      if (isUnstorableText(node)) errors.push({ field: pointer || '/', code: 'field.unstorableText' });
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${pointer}/${i}`]);
    } else if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const [key, child] of Object.entries(node).reverse()) {
        const childPointer = `${pointer}/${escapePointer(key)}`;
        if (isUnstorableText(key)) errors.push({ field: childPointer, code: 'field.unstorableKey' });
        else stack.push([child, childPointer]);
      }
    }
  }
  return errors.slice(0, maxReported);
}

/** Throws 400 naming the field when a single value read outside the schemas (a multipart field, a cell) is unstorable. */
export function assertStorableText(value: unknown, field: string): void {
  const errors = unstorableTextErrors(value, field);
  if (errors.length) throw badRequest(errors);
}

/**
 * One rule for every route, applied once: no NUL and no unpaired surrogate in the path parameters, the query
 * string, the headers or a parsed body (JSON, form or text) gets past validation. It runs before the route's own
 * schema, so a route added later is covered without remembering to be. Multipart parts are read by their routes
 * and checked there with `assertStorableText`.
 */
export function registerHostileTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const errors = requestTextErrors(request);
    if (errors.length) throw badRequest(errors);
  });
}

function requestTextErrors(request: FastifyRequest): FieldError[] {
  return [
    ...unstorableTextErrors(request.params, '/params'),
    ...unstorableTextErrors(request.query, '/querystring'),
    ...unstorableTextErrors(request.headers, '/headers'),
    ...unstorableTextErrors(request.body, '/body'),
  ].slice(0, maxReported);
}

defineMessages({
  'field.unstorableText': {
    vi: 'chứa ký tự không được phép (ký tự NUL hoặc nửa cặp thay thế UTF-16)',
    en: 'contains a character that is not allowed (NUL or an unpaired UTF-16 surrogate)',
  },
  'field.unstorableKey': {
    vi: 'tên trường chứa ký tự không được phép (ký tự NUL hoặc nửa cặp thay thế UTF-16)',
    en: 'the field name contains a character that is not allowed (NUL or an unpaired UTF-16 surrogate)',
  },
});
