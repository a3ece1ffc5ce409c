import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, roles } from '../../platform/index.ts';
import { createTestApp, makeOrganisation, makeUser, signIn, type TestApp } from '../../test/index.ts';
import type { PersonRole } from '../accounts.policy.ts';
import { accessTable, callerNames } from './access-table.ts';
import { type Caller, call, type Endpoint, listEndpoints } from './walk.ts';

/** These end sessions: each call gets a fresh one, and they run last. */
const sessionEnders = ['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere'];
const keyOf = (e: Endpoint) => `${e.method} ${e.path}`;

describe('role isolation: every role against every endpoint, with real sessions and a real API key', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  const emails = new Map<Role, string>();
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
    orgA = (await makeOrganisation(t.db, { name: 'HTX Sầu Riêng Xuân Lộc', communeCode: '75X001' })).id;
    orgB = (await makeOrganisation(t.db, { name: 'Công ty Hạt Điều Đồng Xoài', communeCode: '75W015' })).id;
    headers.set('anonymous', {});
    for (const role of roles.filter((r): r is PersonRole => r !== 'api_client')) {
      const user = await makeUser(t.db, role, role.startsWith('org_') ? { organisationId: orgA } : {});
      emails.set(role, user.email);
      headers.set(role, (await signIn(t, user.email)).write);
    }
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: headers.get('dost_admin'),
      payload: { name: 'Khóa kiểm thử', organisationIds: [orgA] },
    });
    headers.set('api_client', { authorization: `Bearer ${key.json().key}` });
  });
  afterAll(() => t.close());

  async function headersFor(caller: Caller, endpoint: Endpoint) {
    if (caller === 'anonymous' || caller === 'api_client' || !sessionEnders.includes(keyOf(endpoint))) {
      return headers.get(caller)!;
    }
    return (await signIn(t, emails.get(caller)!)).write;
  }

  /** What is wrong with one caller's answer from one endpoint, or null. */
  function judge(endpoint: Endpoint, caller: Caller, status: number): string | null {
    const access = accessTable[keyOf(endpoint)];
    const who = `${callerNames[caller]} → ${keyOf(endpoint)}: ${status}`;
    if (status >= 500) return `${who} (a server error)`;
    const success = status < 300;
    if (!access) return caller === 'anonymous' && success ? `${who} (unlisted, yet open to anyone)` : null;
    if (caller === 'anonymous') {
      if (access.public) return null;
      if (access.gated) return status === 401 ? null : `${who} (expected 401)`;
      return status === 401 || status === 400 ? null : `${who} (expected 401)`;
    }
    const allowed = access.allow.includes(caller);
    if (allowed) return status === 401 || status === 403 ? `${who} (should be let in)` : null;
    if (access.gated) return status === 403 ? null : `${who} (expected 403)`;
    return success ? `${who} (should be refused)` : null;
  }

  it('lets in exactly the roles of the access table, and never answers 5xx', async () => {
    const endpoints = listEndpoints(t).sort(
      (a, b) => sessionEnders.indexOf(keyOf(a)) - sessionEnders.indexOf(keyOf(b)),
    );
    expect(endpoints.length).toBeGreaterThan(20);
    const callers: Caller[] = ['anonymous', ...roles];
    const problems: string[] = [];
    for (const endpoint of endpoints) {
      for (const caller of callers) {
        const status = await call(t, endpoint, await headersFor(caller, endpoint));
        const problem = judge(endpoint, caller, status);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000); // every endpoint for every role: minutes on a loaded CI machine

  it('an API key acting for one organisation cannot read another organisation’s profile', async () => {
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: (await signIn(t, emails.get('dost_admin')!)).write,
      payload: { name: 'Khóa của A', organisationIds: [orgA] },
    });
    const bearer = { authorization: `Bearer ${key.json().key}` };
    expect((await t.app.inject({ url: `/api/organisations/${orgA}`, headers: bearer })).statusCode).toBe(200);
    expect([403, 404]).toContain(
      (await t.app.inject({ url: `/api/organisations/${orgB}`, headers: bearer })).statusCode,
    );
  });
});
