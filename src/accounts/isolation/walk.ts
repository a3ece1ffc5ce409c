import crypto from 'node:crypto';
import type { Role } from '../../platform/index.ts';
import type { TestApp } from '../../test/index.ts';

/** One documented endpoint of the running program, as the OpenAPI document lists it. */
export interface Endpoint {
  method: string;
  /** OpenAPI form: `/api/users/{id}`. */
  path: string;
}

export function listEndpoints(t: TestApp): Endpoint[] {
  const doc = t.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  return Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => methods.has(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
}

export type Caller = Role | 'anonymous';

/** What the walk learns from a status: refused for want of identity, refused for want of right, or let through. */
export type Outcome = 'unauthenticated' | 'forbidden' | 'passed' | 'error';

export const outcomeOf = (status: number): Outcome =>
  status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status >= 500 ? 'error' : 'passed';

/**
 * Calls an endpoint with made-up path parameters (random UUIDs) and an empty JSON body: enough for the
 * program to decide who the caller is and whether the caller may come in at all.
 */
export async function call(t: TestApp, endpoint: Endpoint, headers: Record<string, string>) {
  const url = endpoint.path.replace(/\{[^}]+\}/g, () => crypto.randomUUID());
  const withBody = ['POST', 'PUT', 'PATCH'].includes(endpoint.method);
  const res = await t.app.inject({
    method: endpoint.method as 'GET',
    url,
    headers: { ...headers, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    payload: withBody ? '{}' : undefined,
  });
  return res.statusCode;
}
