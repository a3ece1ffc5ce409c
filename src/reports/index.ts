import type { FastifyInstance } from 'fastify';
import './reports.messages.ts';
import './reports.policy.ts';
import { reportRoutes } from './reports.routes.ts';

// What other modules and the benchmarks may call.
export { keyFigureKeys, keyFigures } from './key-figures.ts';
export { computeContent, reportPeriod } from './reports.service.ts';

/** Periodic reports of the department (issue 13 §3). */
export default async function reports(app: FastifyInstance) {
  await app.register(reportRoutes);
}
