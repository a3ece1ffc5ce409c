import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestDatabase, type TestApp } from '../test/index.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { Database, Db } from './db.ts';
import { isPrivateAddress, routeGroup } from './metrics.ts';
import { registerProblemHandling } from './problem.ts';
import { registerReadiness, stopReadiness } from './readiness.ts';
import {
  applicationName,
  carryRequestIdIntoTransactions,
  currentRequestId,
  registerRequestIds,
  requestIdOf,
  withRequestId,
} from './request-id.ts';

const token = 'metrics-token-0123456789abcdef';

describe('request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers every request with its id: the caller’s when well formed, else a new UUID', async () => {
    const own = await t.app.inject({ url: '/healthz' });
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-7f3a.42:1' } });
    expect(given.headers['x-request-id']).toBe('lb-7f3a.42:1');
    for (const bad of ['has space', 'x'.repeat(59), 'xin-chào', 'a;drop'])
      expect(requestIdOf({ headers: { 'x-request-id': bad } } as any)).not.toBe(bad);
    expect(requestIdOf({ headers: { 'x-request-id': ['a', 'b'] } } as any)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the request id in application_name', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    // the program does this on PostgreSQL only; here on whichever database the run has
    carryRequestIdIntoTransactions(database.db);
    carryRequestIdIntoTransactions(database.db); // twice is once
  });
  afterAll(() => database?.close());

  const settingIn = (db: Db) =>
    db.transaction(async (tx) => {
      const result = await tx.execute(sql`select current_setting('application_name') as name`);
      return String((result as unknown as { rows: { name: string }[] }).rows[0].name);
    });

  it('names the request in its transactions, and only in them', async () => {
    expect(await withRequestId('req-1', () => settingIn(database.db))).toBe(applicationName('req-1'));
    // local to the transaction: the next one, outside any request, does not carry it
    expect(await settingIn(database.db)).not.toContain('req-1');
    expect(currentRequestId()).toBeNull();
  });

  it('keeps the request’s id through the body being read, into the handler’s transaction', async () => {
    const app = Fastify({ genReqId: requestIdOf });
    registerRequestIds(app);
    app.post('/work', async () => ({
      inRequest: currentRequestId(),
      inTransaction: await settingIn(database.db),
    }));
    const res = await app.inject({
      method: 'POST',
      url: '/work',
      headers: { 'x-request-id': 'abc-123' },
      payload: { some: 'body' },
    });
    expect(res.json()).toEqual({ inRequest: 'abc-123', inTransaction: 'txng abc-123' });
    await app.close();
  });

  it.skipIf(!process.env.TXNG_TEST_DATABASE_URL)(
    'shows in pg_stat_activity while the request’s transaction runs (PostgreSQL)',
    async () => {
      const seen = await withRequestId('seen-in-activity', () =>
        database.db.transaction(async (tx) => {
          const result = await tx.execute(
            sql`select application_name from pg_stat_activity where pid = pg_backend_pid()`,
          );
          return (result as unknown as { rows: { application_name: string }[] }).rows[0].application_name;
        }),
      );
      expect(seen).toBe('txng seen-in-activity');
    },
  );
});

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('counts requests by route group and status class, and reads the jobs and the outbox', async () => {
    await t.app.inject({ url: '/healthz' });
    await t.app.inject({ url: '/api/organisations' }); // 401: signed out
    await t.app.inject({ url: '/01/09506000134352', headers: { accept: 'application/json' } });
    await t.app.inject({ url: '/no/such/address/here', headers: { accept: 'application/json' } });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(/txng_http_requests_total\{group="ops",status="2xx"\} \d+/);
    expect(text).toMatch(/txng_http_requests_total\{group="api\/organisations",status="4xx"\} \d+/);
    expect(text).toMatch(/txng_http_requests_total\{group="resolver",status="4xx"\} \d+/);
    expect(text).toMatch(/txng_http_request_duration_seconds_bucket\{le="0.1",group="ops"\} \d+/);
    expect(text).toContain('txng_epcis_capture_jobs{state="running"} 0');
    expect(text).toContain('# TYPE txng_sync_outbox gauge');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    // no URL is a label: the unknown address counts in its group, not under its own name
    expect(text).not.toContain('no/such');
    if (t.database.kind === 'postgres') expect(text).toMatch(/txng_db_pool_connections\{state="total"\} \d+/);
  });

  it('refuses a caller on the internet, and one a proxy passes on, with a problem document', async () => {
    const outside = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(outside.statusCode).toBe(403);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(outside.json()).toMatchObject({ type: '/problems/metrics-local-only', status: 403 });
    const proxied = await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '10.0.0.8' } });
    expect(proxied.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
  });

  it('with TXNG_METRICS_TOKEN, opens to its bearer from anywhere and to nobody else', async () => {
    const withToken = await createTestApp({ metricsToken: token });
    try {
      const none = await withToken.app.inject({ url: '/metrics' });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(none.json()).toMatchObject({ type: '/problems/metrics-token', status: 401 });
      const wrong = await withToken.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${token.slice(0, -1)}x` },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await withToken.app.inject({
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.1' },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('txng_http_requests_total');
    } finally {
      await withToken.close();
    }
  });

  it('groups routes by pattern into a bounded set', () => {
    expect(routeGroup(undefined)).toBe('unmatched');
    expect(routeGroup('/healthz')).toBe('ops');
    expect(routeGroup('/api/stamps/:id/print')).toBe('api/stamps');
    expect(routeGroup('/epcis/capture')).toBe('epcis');
    expect(routeGroup('/01/*')).toBe('resolver');
    expect(routeGroup('/:compressed')).toBe('resolver');
    expect(routeGroup('/page/*')).toBe('consumer-page');
    expect(routeGroup('/dpp/*')).toBe('consumer-page');
    expect(routeGroup('/app/assets/*')).toBe('static');
    expect(routeGroup('/portal.css')).toBe('static');
    expect(routeGroup('/san-pham/:id')).toBe('portal');
    expect(routeGroup('/')).toBe('portal');
    expect(isPrivateAddress('::ffff:192.168.1.4')).toBe(true);
    expect(isPrivateAddress('::1')).toBe(true);
    expect(isPrivateAddress('172.32.0.1')).toBe(false);
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
  });
});

describe('/readyz', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('is ready when the database answers with every migration; /healthz never asks the database', async () => {
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready' });
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  const appOn = async (execute: () => Promise<unknown>) => {
    const app = Fastify();
    registerProblemHandling(app);
    registerReadiness(app, {
      db: { execute } as unknown as Db,
      readDb: { execute } as unknown as Db,
      kind: 'postgres',
      close: async () => {},
    });
    await app.ready();
    return app;
  };

  it('answers 503 with a problem document when the database does not answer or lacks migrations', async () => {
    const down = await appOn(() => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')));
    const res = await down.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ type: '/problems/not-ready', status: 503 });
    // where the database is stays in the log
    expect(res.body).not.toContain('10.0.0.5');
    await down.close();
    const behind = await appOn(async () => ({ rows: [{ n: 0 }] }));
    const old = await behind.inject({ url: '/readyz', headers: { 'accept-language': 'en' } });
    expect(old.statusCode).toBe(503);
    expect(old.json().title).toMatch(/^Not ready: the database has 0 of \d+ migrations$/);
    await behind.close();
  });

  it('answers 503 once a graceful shutdown begins', async () => {
    stopReadiness(t.app);
    const res = await t.app.inject({ url: '/readyz', headers: { 'accept-language': 'vi' } });
    expect(res.statusCode).toBe(503);
    expect(res.json().title).toBe('Hệ thống chưa sẵn sàng: shutting down');
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('TXNG_METRICS_TOKEN', () => {
  it('is checked at start: a bad one is named, without repeating it', () => {
    try {
      loadConfig({ TXNG_METRICS_TOKEN: 'short secret' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        'TXNG_METRICS_TOKEN: got 12 characters, expected a token of 24 or more letters, digits or ._~+/=- (openssl rand -hex 32)',
      ]);
      expect((err as Error).message).not.toContain('short secret');
    }
    expect(loadConfig({ TXNG_METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(loadConfig({}).metricsToken).toBeNull();
  });
});
