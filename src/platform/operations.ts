import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db.ts';
import { registerMetrics } from './metrics.ts';
import { registerReadiness } from './readiness.ts';
import { carryRequestIdIntoTransactions, registerRequestIds } from './request-id.ts';

export { requestIdOf } from './request-id.ts';

/**
 * Running it (issue 15 §3): request ids (answered in X-Request-Id, logged, and carried into PostgreSQL's
 * application_name for a request's transactions), `/metrics` and `/readyz`. Registered before any route, so every
 * route is counted and every request has its id as its hooks run.
 */
export function registerOperations(app: FastifyInstance, config: Config, database: Database) {
  registerRequestIds(app);
  // on the embedded database nobody else can see application_name: no statement is spent on it there
  if (database.kind === 'postgres') carryRequestIdIntoTransactions(database.db);
  registerMetrics(app, database, config.metricsToken);
  registerReadiness(app, database);
}
