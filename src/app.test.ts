import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/app.ts';

describe('the program', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /healthz once ready', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes its OpenAPI document', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('answers an unknown address with a problem document in the asked language', async () => {
    const vi = await t.app.inject('/api/nowhere');
    expect(vi.statusCode).toBe(404);
    expect(vi.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(vi.json()).toMatchObject({ status: 404, title: 'Không có địa chỉ này' });
    const en = await t.app.inject({ url: '/api/nowhere', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().title).toBe('No such address');
  });
});
