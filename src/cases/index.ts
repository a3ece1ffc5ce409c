import type { FastifyInstance } from 'fastify';
import './cases.messages.ts';
import './cases.policy.ts';
import { caseRoutes } from './cases.routes.ts';

export { organisationsWithOpenCases } from './cases.risk.ts';
export type { CaseSubject, Signal } from './cases.signals.ts';
export { raiseSignal, subjectKey } from './cases.signals.ts';

/** Fraud cases and the consumer report queue (issue 12 §3). */
export default async function routes(app: FastifyInstance) {
  await app.register(caseRoutes);
}
