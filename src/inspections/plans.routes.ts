import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, requireActor } from '../platform/index.ts';
import { mayDecide, mayReadPlans } from './inspections.policy.ts';
import { planInput, planList, planListQuery, planStateInput, planView } from './plans.api.ts';
import { createPlan, listPlans, movePlan, readPlan, updatePlan } from './plans.service.ts';

const tags = ['inspections'];
const idParams = z.object({ id: z.uuid() });
const writers = allow(mayDecide);
const readers = allow(mayReadPlans);

/** Inspection plans: inspectors and the admin write; the department and officers (their scope) read. */
export async function planRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/inspection-plans',
    {
      preValidation: readers,
      schema: {
        tags,
        summary:
          'Inspection plans, newest period first; an officer sees those naming an organisation of their scope',
        querystring: planListQuery,
        response: { 200: planList },
      },
    },
    async (request) => listPlans(app.db, requireActor(request), request.query),
  );
  r.post(
    '/inspection-plans',
    {
      preValidation: writers,
      schema: {
        tags,
        summary:
          'Create a plan (draft): period, scope and targets from a catalogue list version, by risk or by hand',
        body: planInput,
        response: { 201: planView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPlan(app.db, requireActor(request), request.body)),
  );
  r.get(
    '/inspection-plans/:id',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'One plan with its targets and the visits recorded under it (none: not yet visited)',
        params: idParams,
        response: { 200: planView },
      },
    },
    async (request) => readPlan(app.db, requireActor(request), request.params.id),
  );
  r.put(
    '/inspection-plans/:id',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'Change a draft plan (409 once under way); the targets are chosen again',
        params: idParams,
        body: planInput,
        response: { 200: planView },
      },
    },
    async (request) => updatePlan(app.db, requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/inspection-plans/:id/state',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'Move a plan: draft → in_progress → closed (409 for any other move)',
        params: idParams,
        body: planStateInput,
        response: { 200: planView },
      },
    },
    async (request) => movePlan(app.db, requireActor(request), request.params.id, request.body.state),
  );
}
