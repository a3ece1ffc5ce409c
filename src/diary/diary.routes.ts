import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordingOrganisation, requireActor } from '../platform/index.ts';
import { diaryEntryInput, diaryEntryResponse, diaryListQuery, diaryListResponse } from './diary.schema.ts';
import { getDiaryEntry, listDiary, recordDiaryEntry } from './diary.service.ts';

const tags = ['diary'];

export async function diaryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/diary',
    {
      schema: {
        tags,
        summary: 'Add a production diary entry (captured as an EPCIS event)',
        description:
          'A harvest is refused (409) while a pesticide or veterinary drug applied at the same location is within its withdrawal interval; the problem names the blocking entry. ' +
          'An entry written offline carries its own `id` (a UUID made by the client): sent again with the same content it answers the stored entry (200), with other content, or when the id is already used by another organisation, 409 `diary-entry-id-taken`.',
        body: diaryEntryInput,
        response: { 200: diaryEntryResponse, 201: diaryEntryResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisationId = recordingOrganisation(
        actor,
        request.body.organisationId,
        '/body/organisationId',
      );
      const { entry, created } = await recordDiaryEntry(
        app.db,
        app.config,
        actor,
        organisationId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(entry);
    },
  );
  r.get(
    '/diary',
    {
      schema: {
        tags,
        summary: 'The diary of a growing area or herd, newest first',
        querystring: diaryListQuery,
        response: { 200: diaryListResponse },
      },
    },
    async (request) => listDiary(app.db, app.config, requireActor(request), request.query),
  );
  r.get(
    '/diary/:id',
    {
      schema: {
        tags,
        summary: 'One diary entry',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: diaryEntryResponse },
      },
    },
    async (request) => getDiaryEntry(app.db, app.config, requireActor(request), request.params.id),
  );
}
