import { buildDigitalLink, canonicalId, Gs1Error, parseGs1 } from '../gs1/index.ts';
import { badRequest } from '../platform/index.ts';

const gs1Stem = 'https://id.gs1.org/';

/**
 * The canonical Digital Link of what a trace starts from: a Digital Link on any domain, an EPC URN, or an element
 * string (bracketed, or plain digits as a scanner gives them). Attributes such as expiry (`?17=`) are dropped: the
 * chain is keyed by the item, lot or unit. Anything else is a 400 naming the `id` parameter.
 */
export function rootId(input: string, field = '/querystring/id'): string {
  const value = input.trim();
  try {
    let id = canonicalId(value);
    if (!id.startsWith(gs1Stem)) id = buildDigitalLink(parseGs1(value));
    return id.split('?')[0];
  } catch (err) {
    if (err instanceof Gs1Error) {
      throw badRequest([{ field, code: 'trace.badId', params: { reason: err.message } }], 'trace.bad-id');
    }
    throw err;
  }
}
