import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actingOrganisation, requireActor } from '../platform/index.ts';
import { fileListResponse, fileResponse } from './files.schema.ts';
import {
  getFileForActor,
  inspectedOrganisation,
  listFiles,
  PDF_MAX_BYTES,
  presentFile,
  uploadFile,
} from './files.service.ts';
import { readUploadedFile } from './files.upload.ts';

const tags = ['files'];

/** `/api/files`: upload and list an organisation's files. */
export async function fileApiRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: PDF_MAX_BYTES, files: 1, fields: 4, parts: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/files',
    {
      schema: {
        tags,
        summary: 'Upload an image (re-encoded, max 1600 px, 400 px thumbnail, metadata stripped) or a PDF',
        description:
          'multipart/form-data with one part named `file`. Images up to 5 MB (JPEG, PNG, WebP, GIF, AVIF), PDF up to 10 MB; the type is read from the content.',
        consumes: ['multipart/form-data'],
        querystring: z.object({ organisationId: z.string().uuid().optional() }),
        response: { 201: fileResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const field = '/querystring/organisationId';
      const organisationId =
        (await inspectedOrganisation(app.db, actor, request.query.organisationId, field)) ??
        actingOrganisation(actor, request.query.organisationId, field);
      const meta = await uploadFile(app.db, actor, organisationId, await readUploadedFile(request));
      return reply.status(201).send(presentFile(app.config, meta));
    },
  );

  r.get(
    '/files',
    {
      schema: {
        tags,
        summary: "List an organisation's files, newest first",
        querystring: z.object({
          organisationId: z.string().uuid().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: fileListResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize } = request.query;
      const organisationId = actingOrganisation(
        actor,
        request.query.organisationId,
        '/querystring/organisationId',
      );
      const { rows, total } = await listFiles(app.db, organisationId, page, pageSize);
      return { items: rows.map((m) => presentFile(app.config, m)), total, page, pageSize };
    },
  );

  r.get(
    '/files/:id',
    {
      schema: {
        tags,
        summary: "A file's description (owner organisation and department staff)",
        params: z.object({ id: z.string().uuid() }),
        response: { 200: fileResponse },
      },
    },
    async (request) => {
      const meta = await getFileForActor(app.db, requireActor(request), request.params.id);
      return presentFile(app.config, meta);
    },
  );
}
