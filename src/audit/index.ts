import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit.routes.ts';

export { lastAuditedChange } from './audit.last-change.ts';
export { registerAuditScope } from './audit.scope.ts';
export { recordAudit } from './audit.service.ts';
export { registerAuditSubject } from './audit.subjects.ts';

export default async function routes(app: FastifyInstance) {
  await app.register(rateLimit, { global: false });
  await app.register(auditRoutes);
}
