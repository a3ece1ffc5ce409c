import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordingOrganisation, requireActor } from '../platform/index.ts';
import { stageForm, stageResponse, stockPage, stockQuery } from './stages.schema.ts';
import { recordStageOnce } from './stages.service.ts';
import { listStock } from './stock.ts';

export async function stageRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/stages',
    {
      schema: {
        tags: ['stages'],
        summary:
          'Record a stage (harvest, pre-process, process, pack, store, ship, receive, sell) as an EPCIS event',
        description:
          'The `stage` field selects the form. A form filled offline carries its own `id` (a UUID made by the client): sent again with the same content it answers the recorded stage (200); with other content, or when another organisation used the id, 409 `stage-id-taken`. Lots are GTIN + lot number with a quantity in UN/ECE Rec 20 units (KGM, TNE, LTR, H87 …). A shipment to an organisation on the platform waits in its inbox (`/api/shipments/incoming`).',
        body: stageForm,
        response: { 200: stageResponse, 201: stageResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const organisationId = recordingOrganisation(
        actor,
        request.body.organisationId,
        '/body/organisationId',
      );
      const { recorded, created } = await recordStageOnce(app.db, actor, organisationId, request.body);
      return reply.status(created ? 201 : 200).send(recorded);
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/stock',
    {
      schema: {
        tags: ['stages'],
        summary:
          'The lots my organisation holds (made, received, or declared in its registry lots) with what is left of ' +
          'each: what shipping, selling and processing forms pick from',
        querystring: stockQuery,
        response: { 200: stockPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { organisationId, ...query } = request.query;
      return listStock(
        app.db,
        actor,
        recordingOrganisation(actor, organisationId, '/query/organisationId'),
        query,
      );
    },
  );
}
