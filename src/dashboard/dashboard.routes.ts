import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, requireActor } from '../platform/index.ts';
import { dashboardQuery, dashboardView } from './dashboard.api.ts';
import { mayReadProvinceDashboard } from './dashboard.policy.ts';
import { readDashboard } from './dashboard.service.ts';

export async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/dashboard',
    {
      preValidation: allow(mayReadProvinceDashboard),
      schema: {
        tags: ['dashboard'],
        summary: "The province's figures, monthly series and per-commune breakdown for the dashboard",
        description:
          'dost_admin, dost_reviewer and inspector read the province; a sector officer their sector; a commune ' +
          'officer their communes (a commune or sector outside them is 403); organisations 403 (they keep their own ' +
          'counters). `from`/`to` are months (YYYY-MM, Vietnam time; default: this year so far). Organisations, ' +
          'products, lots and stamps issued are as of the end of `to`; stamps activated, scans, inspections, ' +
          'violations (findings of those visits) and consumer reports are in the period. `synced` is not available ' +
          '(the national portal link is not built).',
        querystring: dashboardQuery,
        response: { 200: dashboardView },
      },
    },
    async (request) => readDashboard(app.db, requireActor(request), request.query, app.readDb),
  );
}
