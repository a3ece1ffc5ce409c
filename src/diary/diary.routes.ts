import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordingOrganisation, requireActor } from '../platform/index.ts';
import { diaryEntryInput, diaryEntryResponse, diaryListQuery, diaryListResponse } from './diary.schema.ts';
import { addDiaryEntry, getDiaryEntry, listDiary } from './diary.service.ts';

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
          'A harvest is refused (409) while a pesticide or veterinary drug applied at the same location is within its withdrawal interval; the problem names the blocking entry.',
        body: diaryEntryInput,
        response: { 201: diaryEntryResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisationId = recordingOrganisation(
        actor,
        request.body.organisationId,
        '/body/organisationId',
      );
      return reply
        .status(201)
        .send(await addDiaryEntry(app.db, app.config, actor, organisationId, request.body));
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
