import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, requireActor } from '../platform/index.ts';
import {
  assigneeList,
  caseActionBody,
  caseList,
  caseListQuery,
  caseView,
  reporterToldBody,
  reportQueue,
  reportQueueQuery,
} from './cases.api.ts';
import { mayActOnCases, mayReadCases, readsAllCases } from './cases.policy.ts';
import { act, assignees, getCase, listCases, listReportQueue, reporterTold } from './cases.service.ts';

const tags = ['cases'];
const idParams = z.object({ id: z.uuid() });
const readers = allow(mayReadCases);
const actors = allow(mayActOnCases);

export async function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/cases',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'Fraud cases, last changed first, within the reader’s scope',
        description:
          'Admin, reviewers and inspectors read all; sector and commune officers the cases of organisations in their scope; organisations none (403). Filters: state, source, subject type, assignee, organisation, commune, sector.',
        querystring: caseListQuery,
        response: { 200: caseList },
      },
    },
    async (request) => listCases(app.db, requireActor(request), request.query),
  );
  r.get(
    '/cases/assignees',
    {
      preValidation: actors,
      schema: { tags, summary: 'People a case may be assigned to', response: { 200: assigneeList } },
    },
    async (request) => ({ items: await assignees(app.db, requireActor(request)) }),
  );
  r.get(
    '/cases/reports',
    {
      preValidation: allow(readsAllCases),
      schema: {
        tags,
        summary:
          'The consumer report queue: new, in a case, closed (the phone masked unless the reader calls back)',
        querystring: reportQueueQuery,
        response: { 200: reportQueue },
      },
    },
    async (request) => listReportQueue(app.db, requireActor(request), request.query),
  );
  r.get(
    '/cases/:id',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'One case: its subject, signals with their evidence, steps, consumer reports',
        params: idParams,
        response: { 200: caseView },
      },
    },
    async (request) => getCase(app.db, requireActor(request), request.params.id),
  );
  r.post(
    '/cases/:id/actions',
    {
      preValidation: actors,
      schema: {
        tags,
        summary:
          'Move a case: assign (triage/assigned/handling → assigned), start (assigned → handling), close (triage/handling → closed, with the outcome)',
        description:
          'Admin, reviewer or inspector. A move the state does not allow is 409 with the states named.',
        params: idParams,
        body: caseActionBody,
        response: { 200: caseView },
      },
    },
    async (request) => act(app.db, requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/cases/:id/reporter-told',
    {
      preValidation: actors,
      schema: {
        tags,
        summary: 'Record that a reporter was told the closed case’s outcome by phone',
        params: idParams,
        body: reporterToldBody,
        response: { 200: caseView },
      },
    },
    async (request) => reporterTold(app.db, requireActor(request), request.params.id, request.body.reportId),
  );
}
