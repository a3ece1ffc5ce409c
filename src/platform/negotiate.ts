import type { FastifyRequest } from 'fastify';

/** A person's browser asks for HTML before JSON; a script or a scanner app usually does not. */
export function prefersHtml(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  const htmlAt = accept.indexOf('text/html');
  if (htmlAt < 0) return false;
  const jsonAt = accept.search(/application\/(linkset\+json|json|ld\+json|problem\+json)/);
  return jsonAt < 0 || htmlAt < jsonAt;
}
