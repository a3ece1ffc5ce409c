import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PDF_MAX_BYTES, readUploadedFile } from '../files/index.ts';
import { forbidden, pickLanguage, requireActor, signedIn } from '../platform/index.ts';
import { evaluatePlanFor } from './evaluation.ts';
import { indicatorFormulas } from './formula.ts';
import {
  formulaView,
  indicatorInput,
  indicatorView,
  manualValueInput,
  periodQuery,
  planDetail,
  planEvaluation,
  planInput,
  planView,
  targetsInput,
  taskInput,
  taskView,
} from './plan.api.ts';
import { uploadEvidence } from './plan.files.ts';
import { mayReadPlan } from './plan.policy.ts';
import * as service from './plan.service.ts';

const tags = ['plan'];
const idParams = z.object({ id: z.uuid() });

export async function planRoutes(fastify: FastifyInstance) {
  await fastify.register(multipart, {
    limits: { fileSize: PDF_MAX_BYTES, files: 1, fields: 4, parts: 5 },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/plan/files',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Upload evidence (an image or a PDF) kept as one of the department’s files',
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({
            id: z.uuid(),
            name: z.string().nullable(),
            mediaType: z.string(),
            byteSize: z.number(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const meta = await uploadEvidence(app.db, actor, await readUploadedFile(request));
      return reply
        .status(201)
        .send({ id: meta.id, name: meta.originalName, mediaType: meta.mediaType, byteSize: meta.byteSize });
    },
  );

  app.get(
    '/plan',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: "The province's current plan with its indicators (targets, hand-entered values) and tasks",
        response: { 200: planDetail },
      },
    },
    async (request) => service.currentPlanDetail(app.db, requireActor(request)),
  );

  app.get(
    '/plan/plans',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Every plan entered',
        response: { 200: z.object({ items: z.array(planView) }) },
      },
    },
    async (request) => ({ items: await service.listPlans(app.db, requireActor(request)) }),
  );

  app.post(
    '/plan/plans',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Enter a plan (decision, period); `isCurrent` makes it the one followed',
        body: planInput.extend({ isCurrent: z.boolean().optional() }),
        response: { 201: planView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPlan(app.db, request.body, requireActor(request))),
  );

  app.get(
    '/plan/plans/:id',
    {
      preValidation: signedIn,
      schema: { tags, summary: 'One plan in full', params: idParams, response: { 200: planDetail } },
    },
    async (request) => service.planDetail(app.db, request.params.id, requireActor(request)),
  );

  app.put(
    '/plan/plans/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: "Edit a plan's decision and period",
        params: idParams,
        body: planInput,
        response: { 200: planView },
      },
    },
    async (request) => service.updatePlan(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.get(
    '/plan/formulas',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'The ways an indicator can be computed from the data, in words',
        response: { 200: z.object({ items: z.array(formulaView) }) },
      },
    },
    async (request) => {
      if (!mayReadPlan(requireActor(request))) throw forbidden();
      const lang = pickLanguage(request.headers['accept-language']);
      return {
        items: indicatorFormulas().map((f) => ({
          key: f.key,
          name: f.name[lang],
          describe: f.describe[lang],
          unit: f.unit,
        })),
      };
    },
  );

  app.post(
    '/plan/plans/:id/indicators',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Add an indicator: a formula from the list, or values entered by hand',
        params: idParams,
        body: indicatorInput,
        response: { 201: indicatorView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createIndicator(app.db, request.params.id, request.body, requireActor(request))),
  );

  app.put(
    '/plan/indicators/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Edit an indicator',
        params: idParams,
        body: indicatorInput,
        response: { 200: indicatorView },
      },
    },
    async (request) =>
      service.updateIndicator(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.delete(
    '/plan/indicators/:id',
    {
      preValidation: signedIn,
      schema: { tags, summary: 'Remove an indicator with its targets and values', params: idParams },
    },
    async (request, reply) => {
      await service.deleteIndicator(app.db, request.params.id, requireActor(request));
      return reply.status(204).send();
    },
  );

  app.put(
    '/plan/indicators/:id/targets',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: "Set an indicator's targets for years of the plan (null removes a year's)",
        params: idParams,
        body: targetsInput,
        response: { 200: indicatorView },
      },
    },
    async (request) => service.setTargets(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.put(
    '/plan/indicators/:id/values',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: "Enter a hand-entered indicator's value for a year, with its source",
        params: idParams,
        body: manualValueInput,
        response: { 200: indicatorView },
      },
    },
    async (request) => service.setManualValue(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.post(
    '/plan/plans/:id/tasks',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Add a task (what, who leads it, deadline)',
        params: idParams,
        body: taskInput,
        response: { 201: taskView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createTask(app.db, request.params.id, request.body, requireActor(request))),
  );

  app.put(
    '/plan/tasks/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Edit a task, its state and its evidence',
        params: idParams,
        body: taskInput,
        response: { 200: taskView },
      },
    },
    async (request) => service.updateTask(app.db, request.params.id, request.body, requireActor(request)),
  );

  app.delete(
    '/plan/tasks/:id',
    { preValidation: signedIn, schema: { tags, summary: 'Remove a task', params: idParams } },
    async (request, reply) => {
      await service.deleteTask(app.db, request.params.id, requireActor(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/plan/plans/:id/evaluation',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          "The plan measured over a period: each indicator's value beside the target of the period's last year, and the tasks",
        params: idParams,
        querystring: periodQuery,
        response: { 200: planEvaluation },
      },
    },
    async (request) =>
      evaluatePlanFor(
        app.db,
        request.params.id,
        request.query,
        requireActor(request),
        pickLanguage(request.headers['accept-language']),
      ),
  );

  app.get(
    '/plan/evaluation',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'The current plan measured over a period (as /plan/plans/{id}/evaluation)',
        querystring: periodQuery,
        response: { 200: planEvaluation },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const plan = await service.currentPlanDetail(app.db, actor);
      return evaluatePlanFor(
        app.db,
        plan.id,
        request.query,
        actor,
        pickLanguage(request.headers['accept-language']),
      );
    },
  );
}
