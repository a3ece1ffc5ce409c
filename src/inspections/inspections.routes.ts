import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, requireActor } from '../platform/index.ts';
import { recordFollowUp, recordSanction } from './follow-ups.service.ts';
import {
  actionInput,
  actionList,
  actionListQuery,
  actionView,
  findingInput,
  findingView,
  followUpInput,
  liftInput,
  sanctionInput,
  sanctionView,
  visitInput,
  visitListQuery,
  visitView,
} from './inspections.api.ts';
import { mayDecide, mayReadInspections } from './inspections.policy.ts';
import {
  addFinding,
  decideAction,
  liftAction,
  listActions,
  listVisits,
  readVisit,
  recordVisit,
} from './inspections.service.ts';

const tags = ['inspections'];
const idParams = z.object({ id: z.uuid() });
const writers = allow(mayDecide);
const readers = allow(mayReadInspections);

export async function inspectionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/inspections/actions',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'Decide an outcome act: a warning, stamps suspended, a lot on hold or recalled',
        description:
          'Inspector or admin. A stamp suspension names the GTIN and the first and last serial; a lot act names the lot; an approval withdrawal names a product (or none: the organisation), whose data leave the public pages. The consumer page shows the act at the very next request.',
        body: actionInput,
        response: { 201: actionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await decideAction(app.db, requireActor(request), request.body)),
  );
  r.post(
    '/inspections/actions/:id/lift',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'Lift an outcome act (inspector or admin), with the reason',
        params: idParams,
        body: liftInput,
        response: { 200: actionView },
      },
    },
    async (request) => liftAction(app.db, requireActor(request), request.params.id, request.body.reason),
  );
  r.get(
    '/inspections/actions',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'Outcome acts, newest first, within the reader’s scope (an owner: its own organisation’s)',
        querystring: actionListQuery,
        response: { 200: actionList },
      },
    },
    async (request) => listActions(app.db, requireActor(request), request.query),
  );
  r.post(
    '/inspections/visits',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'Record an inspection visit with its checklist',
        body: visitInput,
        response: { 201: visitView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordVisit(app.db, requireActor(request), request.body)),
  );
  r.get(
    '/inspections/visits',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'Inspection visits with their findings, newest first, within the reader’s scope',
        querystring: visitListQuery,
        response: {
          200: z.object({
            items: z.array(visitView),
            page: z.number(),
            pageSize: z.number(),
            total: z.number(),
          }),
        },
      },
    },
    async (request) => listVisits(app.db, requireActor(request), request.query),
  );
  r.get(
    '/inspections/visits/:id',
    {
      preValidation: readers,
      schema: {
        tags,
        summary: 'One visit, its checklist and findings',
        params: idParams,
        response: { 200: visitView },
      },
    },
    async (request) => readVisit(app.db, requireActor(request), request.params.id),
  );
  r.post(
    '/inspections/visits/:id/findings',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'Record a finding of a visit, with photos or files and a deadline to fix',
        params: idParams,
        body: findingInput,
        response: { 201: findingView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addFinding(app.db, requireActor(request), request.params.id, request.body)),
  );
  r.post(
    '/inspections/visits/:id/follow-ups',
    {
      preValidation: writers,
      schema: {
        tags,
        summary: 'A follow-up visit records whether a finding of the visit it follows up was fixed',
        params: idParams,
        body: followUpInput,
        response: { 200: findingView },
      },
    },
    async (request) => recordFollowUp(app.db, requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/inspections/visits/:id/sanctions',
    {
      preValidation: writers,
      schema: {
        tags,
        summary:
          'Record an administrative fine decision of a visit (number, date, amount in VND, legal basis)',
        params: idParams,
        body: sanctionInput,
        response: { 201: sanctionView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordSanction(app.db, requireActor(request), request.params.id, request.body)),
  );
}
