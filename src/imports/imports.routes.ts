import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actingOrganisation,
  badRequest,
  Problem,
  pickLanguage,
  readMultipart,
  requireActor,
} from '../platform/index.ts';
import { importKinds } from './columns.ts';
import { exportableKinds, exportEntities, template } from './exports.service.ts';
import { runImport } from './imports.service.ts';
import { takeImportSlot } from './in-flight.ts';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const tags = ['imports'];
const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const rowError = z.object({
  row: z.number(),
  column: z.string().nullable(),
  /** the column's Vietnamese header */
  columnName: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
const importResult = z.object({
  kind: z.enum(importKinds),
  format: z.enum(['csv', 'xlsx']),
  committed: z.boolean(),
  total: z.number(),
  valid: z.number(),
  errors: z.array(rowError),
  columns: z.array(z.object({ key: z.string(), name: z.string() })),
  rows: z.array(z.object({ row: z.number(), values: z.record(z.string(), z.string()), ok: z.boolean() })),
});

const fileName = <K extends string>(kinds: readonly K[]) =>
  z.string().regex(new RegExp(`^(${kinds.join('|')})\\.(csv|xlsx)$`));
const splitName = (name: string) => name.split('.') as [string, 'csv' | 'xlsx'];

function sendFile(reply: any, name: string, format: 'csv' | 'xlsx', body: Buffer) {
  return reply
    .type(mediaTypes[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** The one file of the form, whole: the parsers need it in memory, and it is at most MAX_FILE_BYTES. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  const overLimit = () =>
    new Problem(413, 'files-too-large', { params: { megabytes: MAX_FILE_BYTES / 1024 / 1024 } });
  const part = await readMultipart(() => request.file(), overLimit);
  if (!part) throw badRequest([{ field: '/body/file', code: 'files.missing' }], 'files-no-file');
  return readMultipart(() => part.toBuffer(), overLimit);
}

export async function importRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, parts: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/imports/:kind',
    {
      schema: {
        tags,
        summary: 'Import products, lots or stage events from CSV or Excel: preview, then commit',
        description:
          'multipart/form-data with one part `file` (CSV UTF-8 with or without BOM, or .xlsx). Without `commit=true` nothing is stored: the answer lists the parsed rows and every error by row number and column. With `commit=true` the file is stored only if every row passes (one transaction), else 400 with the same errors.',
        consumes: ['multipart/form-data'],
        params: z.object({ kind: z.enum(importKinds) }),
        querystring: z.object({
          organisationId: z.string().uuid().optional(),
          commit: z.enum(['true', 'false']).default('false'),
        }),
        response: { 200: importResult, 201: importResult },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisationId = actingOrganisation(
        actor,
        request.query.organisationId,
        '/querystring/organisationId',
      );
      if (!request.isMultipart()) throw new Problem(415, 'unsupported-media-type');
      // taken before the upload is read: a refused import costs neither its bytes nor their parsing
      const release = takeImportSlot(organisationId);
      try {
        const bytes = await readUpload(request);
        const commit = request.query.commit === 'true';
        const result = await runImport(app.db, actor, {
          organisationId,
          kind: request.params.kind,
          bytes,
          commit,
          lang: pickLanguage(request.headers['accept-language']),
        });
        return reply.status(commit ? 201 : 200).send(result);
      } finally {
        release();
      }
    },
  );

  r.get(
    '/imports/templates/:file',
    {
      schema: {
        tags,
        summary: 'Download an import template (products, lots or events; .xlsx or .csv)',
        params: z.object({ file: fileName(importKinds) }),
      },
    },
    async (request, reply) => {
      requireActor(request);
      const [kind, format] = splitName(request.params.file);
      const body = await template(kind as (typeof importKinds)[number], format);
      return sendFile(reply, `txng-mau-${request.params.file}`, format, body);
    },
  );

  r.get(
    '/exports/:file',
    {
      schema: {
        tags,
        summary:
          "Export the organisation's products or lots (CSV with UTF-8 BOM, or .xlsx), in the import format",
        params: z.object({ file: fileName(exportableKinds) }),
        querystring: z.object({ organisationId: z.string().uuid().optional() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisationId = actingOrganisation(
        actor,
        request.query.organisationId,
        '/querystring/organisationId',
      );
      const [kind, format] = splitName(request.params.file);
      const body = await exportEntities(app.db, actor, {
        organisationId,
        kind: kind as (typeof exportableKinds)[number],
        format,
      });
      return sendFile(reply, `txng-${request.params.file}`, format, body);
    },
  );
}
