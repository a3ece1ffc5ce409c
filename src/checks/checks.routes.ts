import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findUserById } from '../accounts/index.ts';
import { allow, conflict, type DbOrTx, notFound, requireActor } from '../platform/index.ts';
import { mayReadChecks, mayRunChecks } from './checks.policy.ts';
import { type CheckRunView, checkListResponse, checkName, checkRuns, runResponse } from './checks.schema.ts';
import { allChecks } from './registry.ts';
import { lastRuns, runCheck } from './runner.ts';

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Each run's requester by name, for the admin page (a scheduled run, or an account since removed, has none). */
async function requesterNames(db: DbOrTx, runs: CheckRunView[]): Promise<Map<string, string>> {
  const manual = runs.filter((r) => r.trigger === 'manual').map((r) => r.id);
  if (!manual.length) return new Map();
  const rows = await db
    .select({ id: checkRuns.id, requestedBy: checkRuns.requestedBy })
    .from(checkRuns)
    .where(inArray(checkRuns.id, manual));
  const names = new Map<string, string>();
  for (const row of rows) {
    if (!row.requestedBy || !uuidLike.test(row.requestedBy)) continue;
    const user = await findUserById(db, row.requestedBy);
    if (user) names.set(row.id, user.name);
  }
  return names;
}

export async function checkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/checks',
    {
      preValidation: allow(mayReadChecks),
      schema: {
        tags: ['checks'],
        summary: 'The automatic checks, each with its last run, and the schedule',
        description:
          'dost_admin, dost_reviewer and inspector; every other role gets 403. `intervalMinutes`: minutes between ' +
          'scheduled runs (0: only on demand); a run asked for by a person names them (`requestedByName`).',
        response: { 200: checkListResponse },
      },
    },
    async () => {
      const last = await lastRuns(app.db);
      const names = await requesterNames(app.db, [...last.values()]);
      return {
        intervalMinutes: app.config.checks.intervalMinutes,
        items: allChecks(app.config).map((c) => {
          const run = last.get(c.name);
          return {
            name: c.name,
            title: c.title,
            lastRun: run ? { ...run, requestedByName: names.get(run.id) ?? null } : null,
          };
        }),
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
      const actor = requireActor(request);
      const result = await runCheck(app.db, check, { trigger: 'manual', actor });
      if (!result.ran || !result.run) throw conflict('checks.busy');
      return reply.code(201).send({ ran: true, run: { ...result.run, requestedByName: actor.name } });
    },
  );
}
