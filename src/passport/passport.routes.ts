import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, pickLanguage, requireActor, signedIn } from '../platform/index.ts';
import {
  goodsGroupInput,
  goodsGroupPatch,
  goodsGroupView,
  labelInput,
  labelView,
  passportVersionsView,
} from './passport.api.ts';
import { mayEditGoodsGroups } from './passport.policy.ts';
import * as service from './passport.service.ts';

const tags = ['passport'];
const productParams = z.object({ id: z.uuid() });
const groupParams = z.object({ code: z.string().trim().min(1).max(60) });
const lang = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);

/** `/api/goods-groups` (the department's label rules) and a product's e-label and passport versions. */
export async function passportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/goods-groups',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Goods groups and the items their labels must carry',
        response: { 200: z.object({ items: z.array(goodsGroupView) }) },
      },
    },
    async () => ({ items: await service.listGoodsGroups(app.db) }),
  );

  app.post(
    '/goods-groups',
    {
      preValidation: allow(mayEditGoodsGroups),
      schema: {
        tags,
        summary: 'Add a goods group (the department’s admin)',
        body: goodsGroupInput,
        response: { 201: goodsGroupView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createGoodsGroup(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/goods-groups/:code',
    {
      preValidation: allow(mayEditGoodsGroups),
      schema: {
        tags,
        summary: 'Change a goods group’s names or label items (the department’s admin)',
        params: groupParams,
        body: goodsGroupPatch,
        response: { 200: goodsGroupView },
      },
    },
    async (request) =>
      service.updateGoodsGroup(app.db, requireActor(request), request.params.code, request.body),
  );

  app.get(
    '/products/:id/label',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'A product’s e-label: its goods group, each item’s value and what is missing',
        params: productParams,
        response: { 200: labelView },
      },
    },
    async (request) => service.getLabel(app.db, requireActor(request), request.params.id, lang(request)),
  );

  app.put(
    '/products/:id/label',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Write a product’s e-label (shown publicly from the product’s next approval)',
        params: productParams,
        body: labelInput,
        response: { 200: labelView },
      },
    },
    async (request) =>
      service.putLabel(app.db, requireActor(request), request.params.id, request.body, lang(request)),
  );

  app.get(
    '/products/:id/passport-versions',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'The approved versions of a product’s digital passport, newest first',
        params: productParams,
        response: { 200: passportVersionsView },
      },
    },
    async (request) => service.listVersions(app.db, requireActor(request), request.params.id),
  );
}
