import type { FastifyRequest } from 'fastify';
import { type Lang, pickLanguage } from '../platform/i18n.ts';

/** A person's browser asks for HTML before JSON; a script or a scanner app usually does not. */
export function prefersHtml(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  const htmlAt = accept.indexOf('text/html');
  if (htmlAt < 0) return false;
  const jsonAt = accept.search(/application\/(linkset\+json|json|ld\+json|problem\+json)/);
  return jsonAt < 0 || htmlAt < jsonAt;
}

/** `?lang=` wins over Accept-Language; Vietnamese when neither says. */
export function pageLanguage(request: FastifyRequest): Lang {
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (query.lang === 'en' || query.lang === 'vi') return query.lang;
  return pickLanguage(request.headers['accept-language']);
}
