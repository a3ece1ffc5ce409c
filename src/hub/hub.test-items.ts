// test: what a province sends, built as its outbox builds it (src/sync/receiver.ts). The program never imports it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { type SyncItem, type SyncKind, syncKey } from '../sync/index.ts';
import type { TestApp } from '../test/index.ts';

export function item(
  kind: SyncKind,
  recordId: string,
  payload: Record<string, unknown>,
  opts: { version?: number; organisationId?: string | null } = {},
): SyncItem {
  const version = opts.version ?? 1;
  return {
    key: syncKey(kind, recordId, version),
    kind,
    recordId,
    version,
    action: 'upsert',
    payload,
    organisationId: opts.organisationId ?? null,
  };
}

export const withdrawal = (
  of: SyncItem,
  version = of.version + 1,
  reason = 'Thu hồi phê duyệt',
): SyncItem => ({
  ...of,
  key: syncKey(of.kind, of.recordId, version),
  version,
  action: 'withdraw',
  payload: null,
  reason,
});

export async function addNode(t: TestApp, provinceCode: string, name: string, baseUrl: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/hub/nodes',
    headers: t.as({ role: 'dost_admin' }),
    payload: { name, provinceCode, baseUrl },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; key: string; baseUrl: string };
}

export async function deliver(t: TestApp, key: string, items: SyncItem[]) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/hub/deliveries',
    headers: { authorization: `Bearer ${key}` },
    payload: { items },
  });
  expect(res.statusCode).toBe(200);
  const results = res.json().results as { status: string }[];
  expect(results.map((r) => r.status)).toEqual(items.map(() => 'confirmed'));
  return results;
}

/**
 * A province's TXNG as far as the hub sees it: an HTTP server on loopback whose `/healthz` answers 200. `stop`
 * closes it, so its address refuses connections as a province that is down does.
 */
export async function startProvince() {
  const server = http.createServer((request, response) => {
    response.writeHead(request.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
