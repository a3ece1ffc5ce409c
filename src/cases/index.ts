import type { FastifyInstance } from 'fastify';

export type { CaseSubject, Signal } from './cases.signals.ts';
export { raiseSignal, subjectKey } from './cases.signals.ts';

/** Fraud cases and the consumer report queue (issue 12 §3). */
export default async function routes(_app: FastifyInstance) {}
