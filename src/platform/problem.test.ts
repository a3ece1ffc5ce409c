import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerProblemHandling } from './problem.ts';

async function appWithRoute() {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandling(app);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/things',
    {
      schema: {
        querystring: z.object({ page: z.coerce.number().int().min(1).optional() }),
        body: z.strictObject({
          name: z.string().min(2),
          kind: z.enum(['farm', 'shop']),
          items: z.array(z.object({ quantity: z.number() })),
        }),
      },
    },
    async () => ({ ok: true }),
  );
  await app.ready();
  return app;
}

describe('problem documents for schema validation', () => {
  it('names every offending field as a JSON Pointer, with a Vietnamese sentence in its own words by default', async () => {
    const app = await appWithRoute();
    const res = await app.inject({
      method: 'POST',
      url: '/api/things',
      payload: { name: 'x', kind: 'boat', items: [{ quantity: 'many' }], extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = res.json().errors.map((e: any) => [e.field, e.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['/body/name', 'field.tooSmall'],
        ['/body/kind', 'field.enum'],
        ['/body/items/0/quantity', 'field.type'],
        ['/body', 'field.unknownKeys'],
      ]),
    );
    const message = (field: string) => res.json().errors.find((e: any) => e.field === field).message;
    expect(message('/body/kind')).toBe('Vui lòng chọn loại trong danh sách');
    expect(message('/body/name')).toBe('Tên phải có ít nhất 2 ký tự');
    expect(message('/body/items/0/quantity')).toBe('Số lượng phải là một số');
  });

  it('says a missing field is required, in English when asked', async () => {
    const app = await appWithRoute();
    const res = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'accept-language': 'en' },
      payload: { kind: 'farm', items: [] },
    });
    expect(res.json().errors).toEqual([
      { field: '/body/name', code: 'field.required', message: 'Please enter the name' },
    ]);
  });

  it('names query parameters under /querystring', async () => {
    const app = await appWithRoute();
    const res = await app.inject({
      method: 'POST',
      url: '/api/things?page=0',
      payload: { name: 'ab', kind: 'farm', items: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/querystring/page', code: 'field.tooSmall' });
  });

  it('answers an empty body, malformed JSON and a wrong content type with 4xx, never 500', async () => {
    const app = await appWithRoute();
    const empty = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().type).toBe('/problems/malformed-json');
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/things',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(wrongType.statusCode).toBe(415);
  });
});
