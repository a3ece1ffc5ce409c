import type { FastifyInstance } from 'fastify';
import './inspections.messages.ts';
import './inspections.policy.ts';
import { inspectionRoutes } from './inspections.routes.ts';
import { planRoutes } from './plans.routes.ts';

export { checklistItems } from './checklist.ts';
export { stampSuspension } from './inspections.service.ts';
export { connectCaseSignals } from './inspections.signals.ts';
export { connectPublicCache, connectSuspensionAnnouncements } from './public-cache.ts';

/** Inspections and the acts that follow them (issue 12 §2). */
export default async function routes(app: FastifyInstance) {
  await app.register(inspectionRoutes);
  await app.register(planRoutes);
}
