import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/index.ts';

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

describe('configuration', () => {
  it('seeds the demo on the embedded database by default, never on PostgreSQL unless asked', async () => {
    const { loadConfig } = await import('./platform/index.ts');
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/txng' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/txng', TXNG_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ TXNG_DEMO: '0' }).demo).toBe(false);
  });

  it('trusts no proxy unless told, so a client cannot choose its own address', async () => {
    const { loadConfig } = await import('./platform/index.ts');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TXNG_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TXNG_TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });
});
