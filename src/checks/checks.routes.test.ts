import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inspector = () => t.as({ role: 'inspector' });

describe('checks routes', () => {
  it('lists the six checks for the department, with their last run after one is run on demand', async () => {
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/checks/expired_credentials/runs',
      headers: inspector(),
    });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({
      ran: true,
      run: { check: 'expired_credentials', trigger: 'manual', error: null },
    });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/checks',
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { name: string; lastRun: unknown }[];
    expect(items.map((i) => i.name)).toEqual([
      'clone_stamps',
      'mass_balance',
      'timeline',
      'expired_credentials',
      'silent_mandatory',
      'out_of_province',
    ]);
    expect(items.find((i) => i.name === 'expired_credentials')?.lastRun).toMatchObject({ findings: 0 });
  });

  it('gives the schedule and names the person who ran a check on demand', async () => {
    const person = await makeUser(t.db, 'dost_admin');
    const headers = t.as({ role: 'dost_admin', id: person.id, name: person.name });
    const run = await t.app.inject({ method: 'POST', url: '/api/checks/clone_stamps/runs', headers });
    expect(run.statusCode).toBe(201);
    expect(run.json().run).toMatchObject({ trigger: 'manual', requestedByName: person.name });
    const list = (await t.app.inject({ method: 'GET', url: '/api/checks', headers })).json();
    expect(list.intervalMinutes).toBe(t.app.config.checks.intervalMinutes);
    const item = list.items.find((i: { name: string }) => i.name === 'clone_stamps');
    expect(item.lastRun).toMatchObject({ trigger: 'manual', requestedByName: person.name, error: null });
    expect(JSON.stringify(item)).not.toContain(person.id);
  });

  it('refuses organisations and officers (403) and the anonymous (401), before reading the name', async () => {
    for (const role of [
      'org_owner',
      'org_staff',
      'sector_officer',
      'commune_officer',
      'api_client',
    ] as const) {
      const headers = t.as({ role, organisationIds: ['00000000-0000-4000-8000-000000000001'] });
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/checks/timeline/runs', headers })).statusCode,
      ).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/checks', headers })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/checks/timeline/runs' })).statusCode).toBe(401);
  });

  it('answers an unknown check with 404 and a malformed name with 400 naming the field, in Vietnamese', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/checks/no_such_check/runs',
      headers: inspector(),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().title).toBe('Không có kiểm tra tự động tên này');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/checks/Bad-Name!/runs',
      headers: inspector(),
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('/params/name');
  });
});
