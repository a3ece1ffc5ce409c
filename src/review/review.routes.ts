import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, pickLanguage, requireActor, signedIn } from '../platform/index.ts';
import { withdrawPublication } from '../registry/index.ts';
import { mayDecideSomething, maySubmit, mayWithdraw } from './review.policy.ts';
import { presentApprovalNeed, presentDecision, presentItem, presentPreCheck } from './review.presenter.ts';
import * as service from './review.service.ts';
import { todoFor } from './review.todo.ts';
import {
  approvalNeedsQuery,
  approvalNeedView,
  decisionInput,
  decisionResult,
  itemDetailView,
  itemListQuery,
  itemPage,
  itemParams,
  itemView,
  preCheckQuery,
  preCheckView,
  submissionInput,
  todoView,
  withdrawalInput,
  withdrawalResult,
} from './review-items.schema.ts';

const tags = ['review'];

export async function reviewRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/review/items',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          'Review queue: reviewers see their sector/communes (the department: all); an organisation sees its own ' +
          'submissions with the reasons of returns. Pending items oldest first.',
        querystring: itemListQuery,
        response: { 200: itemPage },
      },
    },
    async (request) => {
      const { commune, ...rest } = request.query;
      const page = await service.listQueue(app.db, { ...rest, communeCode: commune }, requireActor(request));
      return {
        items: page.rows.map(presentItem),
        page: page.page,
        pageSize: page.pageSize,
        total: page.total,
      };
    },
  );

  app.get(
    '/review/items/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          'One review item with its decisions, the automatic pre-checks as they stand now and the whole record ' +
          'read-only (with the public version an edit would replace, and its files)',
        params: itemParams,
        response: { 200: itemDetailView },
      },
    },
    async (request) => {
      const lang = pickLanguage(request.headers['accept-language']);
      const detail = await service.readItem(app.db, app.config, request.params.id, requireActor(request));
      return {
        item: presentItem(detail.item),
        decisions: detail.decisions.map(presentDecision),
        preChecks: detail.preChecks.map((c) => presentPreCheck(c, lang)),
        record: detail.record,
        canDecide: detail.canDecide,
      };
    },
  );

  app.post(
    '/review/items/:id/decision',
    {
      preValidation: allow(mayDecideSomething),
      schema: {
        tags,
        summary: 'Approve, return (with reason) or reject (with reason) a pending item',
        params: itemParams,
        body: decisionInput,
        response: { 200: decisionResult },
      },
    },
    async (request) => {
      const result = await service.decide(app.db, request.params.id, request.body, requireActor(request));
      return { item: presentItem(result.item), decision: presentDecision(result.decision) };
    },
  );

  app.get(
    '/review/todo',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          "The dashboard's to-do: items waiting for the caller's decision; the caller's organisation's records " +
          'returned or rejected, with the reason; its certificates ended or ending within 60 days',
        response: { 200: todoView },
      },
    },
    async (request) => todoFor(app.db, requireActor(request)),
  );

  app.get(
    '/review/pre-checks',
    {
      preValidation: allow(maySubmit),
      schema: {
        tags,
        summary:
          'The pre-checks a record would meet in review, for its owner before submitting: what approval will need',
        querystring: preCheckQuery,
        response: { 200: z.object({ preChecks: z.array(preCheckView) }) },
      },
    },
    async (request) => {
      const lang = pickLanguage(request.headers['accept-language']);
      const checks = await service.previewPreChecks(app.db, request.query, requireActor(request));
      return { preChecks: checks.map((c) => presentPreCheck(c, lang)) };
    },
  );

  app.get(
    '/review/approval-needs',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'What approval checks that a form can fill in, for a kind of record (organisation|location|product|lot): ' +
          'the fields each check needs, whether one of them is enough, and whether it blocks approval. Public: ' +
          'a fixed list, which the registration form marks too',
        querystring: approvalNeedsQuery,
        response: { 200: z.object({ needs: z.array(approvalNeedView) }) },
      },
    },
    async (request) => {
      const lang = pickLanguage(request.headers['accept-language']);
      const needs = service.approvalNeedsOf(request.query.entityType);
      return { needs: needs.map((n) => presentApprovalNeed(n, lang)) };
    },
  );

  app.post(
    '/review/submissions',
    {
      preValidation: allow(maySubmit),
      schema: {
        tags,
        summary:
          'Submit an organisation profile, location, product or lot (entityType organisation|location|product|lot) ' +
          'for review; also resubmits after a return',
        body: submissionInput,
        response: { 201: itemView },
      },
    },
    async (request, reply) => {
      const item = await service.submitEntity(app.db, request.body, requireActor(request));
      return reply.status(201).send(presentItem(item));
    },
  );

  app.post(
    '/review/withdrawals',
    {
      preValidation: allow(mayWithdraw),
      schema: {
        tags,
        summary:
          'The department takes an organisation, location, product or lot off the public pages (stamps of it then ' +
          'answer as unknown); an approved one goes back to its organisation as returned, with the reason',
        body: withdrawalInput,
        response: { 200: withdrawalResult },
      },
    },
    async (request) => {
      const { entityType, entityId, reason } = request.body;
      const result = await withdrawPublication(app.db, {
        entity: entityType,
        id: entityId,
        reason,
        actor: requireActor(request),
      });
      return { entityType, entityId, reviewStatus: result.reviewStatus };
    },
  );
}
