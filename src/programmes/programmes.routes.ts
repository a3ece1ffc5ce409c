import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PDF_MAX_BYTES, readUploadedFile } from '../files/index.ts';
import { requireActor, signedIn } from '../platform/index.ts';
import {
  courseInput,
  courseView,
  programmeInput,
  programmeView,
  reachedOrganisation,
  responseInput,
  responseView,
  resultsView,
  surveyInput,
  surveyView,
} from './programmes.api.ts';
import * as support from './support.service.ts';
import { responsesXlsx, surveyResults } from './surveys.results.ts';
import * as surveys from './surveys.service.ts';
import * as training from './training.service.ts';

const idParams = z.object({ id: z.uuid() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export async function programmeRoutes(fastify: FastifyInstance) {
  await fastify.register(multipart, {
    limits: { fileSize: PDF_MAX_BYTES, files: 1, fields: 4, parts: 5 },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const gate = { preValidation: signedIn };

  // ---- surveys
  let tags = ['surveys'];
  app.get(
    '/surveys',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Surveys the reader may see',
        response: { 200: z.object({ items: z.array(surveyView) }) },
      },
    },
    async (request) => ({ items: await surveys.listSurveys(app.db, requireActor(request)) }),
  );
  app.post(
    '/surveys',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Design a survey (a draft)',
        body: surveyInput,
        response: { 201: surveyView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await surveys.createSurvey(app.db, request.body, requireActor(request))),
  );
  app.get(
    '/surveys/:id',
    {
      ...gate,
      schema: {
        tags,
        summary: 'One survey with its questions',
        params: idParams,
        response: { 200: surveyView },
      },
    },
    async (request) => surveys.getSurvey(app.db, request.params.id, requireActor(request)),
  );
  app.put(
    '/surveys/:id',
    {
      ...gate,
      schema: {
        tags,
        summary: "Replace a draft's design (questions in the order given)",
        params: idParams,
        body: surveyInput,
        response: { 200: surveyView },
      },
    },
    async (request) => surveys.updateSurvey(app.db, request.params.id, request.body, requireActor(request)),
  );
  app.post(
    '/surveys/:id/send',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Send a draft to its communes and sector departments',
        params: idParams,
        response: { 200: surveyView },
      },
    },
    async (request) => surveys.sendSurvey(app.db, request.params.id, requireActor(request)),
  );
  app.post(
    '/surveys/:id/close',
    {
      ...gate,
      schema: { tags, summary: 'Close a sent survey', params: idParams, response: { 200: surveyView } },
    },
    async (request) => surveys.closeSurvey(app.db, request.params.id, requireActor(request)),
  );
  app.get(
    '/surveys/:id/organisations',
    {
      ...gate,
      schema: {
        tags,
        summary:
          'The organisations the survey reaches within the reader’s scope, with whether each has answered',
        params: idParams,
        response: { 200: z.object({ items: z.array(reachedOrganisation) }) },
      },
    },
    async (request) => ({
      items: await surveys.listReached(app.db, request.params.id, requireActor(request)),
    }),
  );
  app.get(
    '/surveys/:id/responses/:organisationId',
    {
      ...gate,
      schema: {
        tags,
        summary: "One organisation's response (null before it answers)",
        params: z.object({ id: z.uuid(), organisationId: z.uuid() }),
        response: { 200: z.object({ response: responseView.nullable() }) },
      },
    },
    async (request) => ({
      response: await surveys.getResponse(
        app.db,
        request.params.id,
        request.params.organisationId,
        requireActor(request),
      ),
    }),
  );
  app.put(
    '/surveys/:id/responses',
    {
      ...gate,
      schema: {
        tags,
        summary: "Save (or edit) an organisation's answers while the survey is open",
        params: idParams,
        body: responseInput,
        response: { 200: responseView },
      },
    },
    async (request) => surveys.saveResponse(app.db, request.params.id, request.body, requireActor(request)),
  );
  app.get(
    '/surveys/:id/results',
    {
      ...gate,
      schema: {
        tags,
        summary:
          'Results within the reader’s scope: overall, per commune, per sector, and who has not answered',
        params: idParams,
        response: { 200: resultsView },
      },
    },
    async (request) => surveyResults(app.db, request.params.id, requireActor(request)),
  );
  app.get(
    '/surveys/:id/responses.xlsx',
    {
      ...gate,
      schema: {
        tags,
        summary: 'The responses within the reader’s scope as an Excel workbook',
        params: idParams,
      },
    },
    async (request, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="khao-sat.xlsx"')
        .send(await responsesXlsx(app.db, request.params.id, requireActor(request))),
  );

  // ---- training courses
  tags = ['training'];
  app.get(
    '/training-courses',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Training courses, latest first',
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(courseView) }) },
      },
    },
    async (request) => ({
      items: await training.listCourses(app.db, requireActor(request), request.query.year),
    }),
  );
  app.post(
    '/training-courses',
    {
      ...gate,
      schema: { tags, summary: 'Record a training course', body: courseInput, response: { 201: courseView } },
    },
    async (request, reply) =>
      reply.status(201).send(await training.createCourse(app.db, request.body, requireActor(request))),
  );
  app.post(
    '/training-courses/materials',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Upload a course material (an image or a PDF), kept as one of the department’s files',
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({
            id: z.uuid(),
            name: z.string().nullable(),
            mediaType: z.string(),
            url: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const meta = await training.uploadMaterial(app.db, actor, await readUploadedFile(request));
      return reply
        .status(201)
        .send({ id: meta.id, name: meta.originalName, mediaType: meta.mediaType, url: `/files/${meta.id}` });
    },
  );
  app.get(
    '/training-courses/:id',
    {
      ...gate,
      schema: { tags, summary: 'One training course', params: idParams, response: { 200: courseView } },
    },
    async (request) => training.getCourse(app.db, request.params.id, requireActor(request)),
  );
  app.put(
    '/training-courses/:id',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Edit a training course',
        params: idParams,
        body: courseInput,
        response: { 200: courseView },
      },
    },
    async (request) => training.updateCourse(app.db, request.params.id, request.body, requireActor(request)),
  );

  // ---- support programmes
  tags = ['support'];
  app.get(
    '/support-programmes',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Support programmes, latest year first',
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(programmeView) }) },
      },
    },
    async (request) => ({
      items: await support.listProgrammes(app.db, requireActor(request), request.query.year),
    }),
  );
  app.post(
    '/support-programmes',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Record a support programme with the organisations it supports',
        body: programmeInput,
        response: { 201: programmeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await support.createProgramme(app.db, request.body, requireActor(request))),
  );
  app.get(
    '/support-programmes/:id',
    {
      ...gate,
      schema: { tags, summary: 'One support programme', params: idParams, response: { 200: programmeView } },
    },
    async (request) => support.getProgramme(app.db, request.params.id, requireActor(request)),
  );
  app.put(
    '/support-programmes/:id',
    {
      ...gate,
      schema: {
        tags,
        summary: 'Edit a support programme (its organisations, when given, replace the old ones)',
        params: idParams,
        body: programmeInput,
        response: { 200: programmeView },
      },
    },
    async (request) =>
      support.updateProgramme(app.db, request.params.id, request.body, requireActor(request)),
  );
}
