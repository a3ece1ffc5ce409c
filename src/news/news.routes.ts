import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PDF_MAX_BYTES, readUploadedFile } from '../files/index.ts';
import { allow, requireActor } from '../platform/index.ts';
import { newsInput, newsList, newsListQuery, newsPatch, newsView, publishInput } from './news.api.ts';
import { mayEditNews } from './news.policy.ts';
import { renderNewsBody } from './news.render.ts';
import * as service from './news.service.ts';

const tags = ['news'];
const idParams = z.object({ id: z.uuid() });
const editors = allow(mayEditNews);

/** `/api/news`: the department's news and guidance, written by its admin and reviewers. */
export async function newsRoutes(fastify: FastifyInstance) {
  await fastify.register(multipart, {
    limits: { fileSize: PDF_MAX_BYTES, files: 1, fields: 4, parts: 5 },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/news',
    {
      preValidation: editors,
      schema: {
        tags,
        summary: 'News and guidance, drafts included',
        querystring: newsListQuery,
        response: { 200: newsList },
      },
    },
    async (request) => service.listNewsItems(app.db, app.config, requireActor(request), request.query),
  );

  app.post(
    '/news',
    {
      preValidation: editors,
      schema: {
        tags,
        summary: 'Write a news item or guidance (a draft)',
        body: newsInput,
        response: { 201: newsView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createNews(app.db, app.config, requireActor(request), request.body)),
  );

  app.post(
    '/news/preview',
    {
      preValidation: editors,
      schema: {
        tags,
        summary: 'The body as the portal will show it (HTML, raw HTML and unsafe links left out)',
        body: z.strictObject({ body: z.string().max(50_000) }),
        response: { 200: z.object({ html: z.string() }) },
      },
    },
    async (request) => ({ html: renderNewsBody(request.body.body) }),
  );

  app.post(
    '/news/attachments',
    {
      preValidation: editors,
      schema: {
        tags,
        summary: 'Upload an attachment (image or PDF) kept as one of the department’s files',
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({
            id: z.uuid(),
            name: z.string().nullable(),
            kind: z.string(),
            mediaType: z.string(),
            byteSize: z.number().int(),
            url: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const meta = await service.uploadNewsAttachment(app.db, actor, await readUploadedFile(request));
      return reply.status(201).send({
        id: meta.id,
        name: meta.originalName,
        kind: meta.kind,
        mediaType: meta.mediaType,
        byteSize: meta.byteSize,
        url: `/files/${meta.id}`,
      });
    },
  );

  app.get(
    '/news/:id',
    {
      preValidation: editors,
      schema: { tags, summary: 'One item', params: idParams, response: { 200: newsView } },
    },
    async (request) => service.getNewsItem(app.db, app.config, requireActor(request), request.params.id),
  );

  app.patch(
    '/news/:id',
    {
      preValidation: editors,
      schema: {
        tags,
        summary: 'Change an item',
        params: idParams,
        body: newsPatch,
        response: { 200: newsView },
      },
    },
    async (request) =>
      service.updateNewsItem(app.db, app.config, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/news/:id/publish',
    {
      preValidation: editors,
      schema: {
        tags,
        summary: 'Publish on the portal',
        params: idParams,
        body: publishInput.optional(),
        response: { 200: newsView },
      },
    },
    async (request) =>
      service.setNewsPublished(
        app.db,
        app.config,
        requireActor(request),
        request.params.id,
        true,
        request.body?.publishedAt,
      ),
  );

  app.post(
    '/news/:id/unpublish',
    {
      preValidation: editors,
      schema: {
        tags,
        summary: 'Take off the portal (back to draft)',
        params: idParams,
        response: { 200: newsView },
      },
    },
    async (request) =>
      service.setNewsPublished(app.db, app.config, requireActor(request), request.params.id, false),
  );
}
