import type { FastifyRequest } from 'fastify';
import type { Problem } from '../platform/index.ts';

/**
 * The EPCIS 2.0 REST binding's exception type for a problem answered under /epcis (`epcisException:…` in the
 * RFC 7807 `type`; TXNG's own problem type stays in `code`). Null where the binding names none (429).
 */
export function epcisExceptionType(problem: Problem, request: FastifyRequest): string | null {
  const capture = request.method === 'POST' && /\/epcis\/(capture|events)\b/.test(request.url);
  const name = ((): string | null => {
    switch (problem.status) {
      case 400:
        if (problem.code.startsWith('epcis-subscription')) return 'SubscriptionControlsException';
        return capture || request.method !== 'GET' ? 'ValidationException' : 'QueryParameterException';
      case 401:
      case 403:
        return 'SecurityException';
      case 404:
        return 'NoSuchNameException';
      case 406:
        return 'NotAcceptableException';
      case 409:
        return 'ResourceAlreadyExistsException';
      case 413:
        return capture ? 'CaptureLimitExceededException' : 'QueryTooLargeException';
      case 414:
        return 'URITooLongException';
      case 415:
        return 'UnsupportedMediaTypeException';
      default:
        return problem.status >= 500 ? 'ImplementationException' : null;
    }
  })();
  return name && `epcisException:${name}`;
}
