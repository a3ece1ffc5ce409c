import type { FastifyRequest } from 'fastify';
import { type Lang, pickLanguage } from '../platform/index.ts';

/** `?lang=` wins over Accept-Language; Vietnamese when neither says. */
export function pageLanguage(request: FastifyRequest): Lang {
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (query.lang === 'en' || query.lang === 'vi') return query.lang;
  return pickLanguage(request.headers['accept-language']);
}
