import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, conflict, notFound, requireActor } from '../platform/index.ts';
import { mayReadChecks, mayRunChecks } from './checks.policy.ts';
import { checkListResponse, checkName, runResponse } from './checks.schema.ts';
import { allChecks } from './registry.ts';
import { lastRuns, runCheck } from './runner.ts';

export async function checkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/checks',
    {
      preValidation: allow(mayReadChecks),
      schema: {
        tags: ['checks'],
        summary: 'The automatic checks, each with its last run',
        description: 'dost_admin, dost_reviewer and inspector; every other role gets 403.',
        response: { 200: checkListResponse },
      },
    },
    async () => {
      const last = await lastRuns(app.db);
      return {
        items: allChecks(app.config).map((c) => ({
          name: c.name,
          title: c.title,
          lastRun: last.get(c.name) ?? null,
        })),
      };
    },
  );
  app.post(
    '/checks/:name/runs',
    {
      preValidation: allow(mayRunChecks),
      schema: {
        tags: ['checks'],
        summary: 'Run one automatic check now',
        description:
          'dost_admin, dost_reviewer and inspector; every other role gets 403. Findings become signals of the ' +
          'cases module (re-runs update them). 404 for an unknown check, 409 while another process runs it.',
        params: z.object({ name: checkName }),
        response: { 201: runResponse },
      },
    },
    async (request, reply) => {
      const check = allChecks(app.config).find((c) => c.name === request.params.name);
      if (!check) throw notFound('checks.unknown-check');
      const result = await runCheck(app.db, check, { trigger: 'manual', actor: requireActor(request) });
      if (!result.ran) throw conflict('checks.busy');
      return reply.code(201).send(result);
    },
  );
}
