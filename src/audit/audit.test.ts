import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/index.ts';
import {
  createTestApp,
  makeOrganisation,
  makeSignedInUser,
  type Session,
  type TestApp,
} from '../test/index.ts';
import { canonicalJson } from './audit.chain.ts';
import { recordAudit } from './audit.service.ts';

describe('audit log', () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  const actor: Actor = {
    kind: 'user',
    id: 'a1b2',
    name: 'Cán bộ thử',
    role: 'dost_admin',
    organisationIds: [],
    sector: null,
    communes: [],
  };

  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
    admin = (await makeSignedInUser(t, 'dost_admin')).session;
    reviewer = (await makeSignedInUser(t, 'dost_reviewer')).session;
    await recordAudit(t.db, {
      actor,
      action: 'update',
      entityType: 'product',
      entityId: 'p-1',
      before: { name: 'Sầu riêng', nested: { b: 2, a: [1, 'x'] }, at: new Date('2026-05-01T03:00:00Z') },
      after: { name: 'Sầu riêng Ri6', nested: { a: [1, 'x'], b: 2.5 } },
    });
    await t.db.transaction(async (tx) => {
      await recordAudit(tx, { actor, action: 'approve', entityType: 'product', entityId: 'p-1' });
      await recordAudit(tx, {
        actor: null,
        action: 'create',
        entityType: 'lot',
        entityId: 'l-1',
        after: { q: 10 },
      });
    });
  });
  afterAll(() => t.close());

  it('sorts keys when hashing, so jsonb’s reordering does not break the chain', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });

  it('searches by entity, actor and time, newest first, for the department', async () => {
    const res = await t.app.inject({
      url: '/api/audit?entityType=product&entityId=p-1',
      headers: reviewer.read,
    });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(2);
    expect(items.map((e: { action: string }) => e.action)).toEqual(['approve', 'update']);
    expect(items[1].after).toEqual({ name: 'Sầu riêng Ri6', nested: { a: [1, 'x'], b: 2.5 } });
    const byActor = await t.app.inject({ url: '/api/audit?actor=a1b2&pageSize=1', headers: admin.read });
    expect(byActor.json()).toMatchObject({ total: 2, pageSize: 1 });
    const future = await t.app.inject({ url: '/api/audit?from=2099-01-01T00:00:00Z', headers: admin.read });
    expect(future.json().total).toBe(0);
    const backwards = await t.app.inject({
      url: '/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      headers: admin.read,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('is not readable by an organisation’s staff, nor by anyone anonymous', async () => {
    const organisation = await makeOrganisation(t.db);
    const staff = (await makeSignedInUser(t, 'org_staff', { organisationId: organisation.id })).session;
    expect((await t.app.inject({ url: '/api/audit', headers: staff.read })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });

  it('keeps one unbroken chain when many transactions write at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await recordAudit(tx, {
            actor,
            action: 'update',
            entityType: 'lot',
            entityId: `c-${i}`,
            after: { i },
          });
          await recordAudit(tx, { actor, action: 'approve', entityType: 'lot', entityId: `c-${i}` });
        }),
      ),
    );
    const verdict = (await t.app.inject({ url: '/api/audit/verify' })).json();
    expect(verdict).toMatchObject({ valid: true, brokenAtId: null });
    expect(verdict.rows).toBeGreaterThanOrEqual(43);
  });

  it('verifies the hash chain publicly, and finds the first altered row', async () => {
    const ok = await t.app.inject({ url: '/api/audit/verify' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, brokenAtId: null });
    expect(ok.json().rows).toBeGreaterThanOrEqual(3);
    expect(ok.json().headHash).toMatch(/^[0-9a-f]{64}$/);

    const result = (await t.db.execute(
      sql`SELECT id FROM audit_log WHERE entity_id = 'p-1' AND action = 'update'`,
    )) as unknown as { rows: { id: number | string }[] };
    const id = Number(result.rows[0].id);
    await t.db.execute(sql`UPDATE audit_log SET after = '{"name":"Sầu riêng giả"}'::jsonb WHERE id = ${id}`);
    const broken = (await t.app.inject({ url: '/api/audit/verify' })).json();
    expect(broken).toMatchObject({ valid: false, brokenAtId: id });
  });
});
