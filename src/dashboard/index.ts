import type { FastifyInstance } from 'fastify';
import { dashboardRoutes } from './dashboard.routes.ts';
import './dashboard.messages.ts';
import './dashboard.policy.ts';

/** The province's dashboard (issue 13 §3): figures, monthly series and the communes' map, read-only. */
export default async function dashboard(app: FastifyInstance) {
  await app.register(dashboardRoutes);
}
