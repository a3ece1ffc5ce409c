import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../platform/index.ts';
import { idParams } from './organisation.schema.ts';
import { productInput, productListQuery, productPage, productPatch, productView } from './product.schema.ts';
import * as service from './product.service.ts';

const tags = ['registry: products'];

export async function productRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'List products (mã truy vết sản phẩm) the caller may see',
        querystring: productListQuery,
        response: { 200: productPage },
      },
    },
    async (request) => service.listProducts(app.db, request.query, requireActor(request)),
  );

  app.post(
    '/products',
    {
      schema: {
        tags,
        summary: 'Declare a product with its GTIN',
        body: productInput,
        response: { 201: productView },
      },
    },
    async (request, reply) => {
      const created = await service.createProduct(app.db, request.body, requireActor(request));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/products/:id',
    { schema: { tags, summary: 'One product', params: idParams, response: { 200: productView } } },
    async (request) => service.readProduct(app.db, request.params.id, requireActor(request)),
  );

  app.patch(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product',
        params: idParams,
        body: productPatch,
        response: { 200: productView },
      },
    },
    async (request) => service.updateProduct(app.db, request.params.id, request.body, requireActor(request)),
  );
}
