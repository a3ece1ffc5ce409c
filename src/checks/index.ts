import type { FastifyInstance } from 'fastify';
import './checks.messages.ts';
import './checks.policy.ts';
import { checkRoutes } from './checks.routes.ts';

export type { Check } from './check.ts';
export type { CaseSubject, Finding, RaiseSignal, Signal } from './contract.ts';
export { allChecks } from './registry.ts';
export { connectCaseSignals, runCheck, startScheduler } from './runner.ts';

/** Automatic checks: routes to list them and run one now (the schedule is started by the server). */
export default async function routes(app: FastifyInstance) {
  await app.register(checkRoutes);
}
