import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLocation, makeOrganisation, makeProducer, type TestApp } from '../test/index.ts';

/** The owner sees the pre-checks before submitting; checks that do not apply say so (issue 11 §3). */
let t: TestApp;
let producer: Awaited<ReturnType<typeof makeProducer>>;
let other: Awaited<ReturnType<typeof makeOrganisation>>;

beforeAll(async () => {
  t = await createTestApp();
  producer = await makeProducer(t.db, { publishProduct: false });
  other = await makeOrganisation(t.db, { name: 'Công ty Khác' });
});
afterAll(() => t?.close());

const preChecks = (organisationId: string, entityType: string, entityId: string) =>
  t.app.inject({
    url: `/api/review/pre-checks?entityType=${entityType}&entityId=${entityId}`,
    headers: { ...t.as({ role: 'org_owner', organisationIds: [organisationId] }), 'accept-language': 'vi' },
  });

describe('pre-checks before submitting', () => {
  it('the owner sees what approval will need; a check that does not apply says so instead of passing', async () => {
    const res = await preChecks(producer.organisationId, 'product', producer.productId);
    expect(res.statusCode, res.body).toBe(200);
    const checks = res.json().preChecks as { code: string; ok: boolean; applies: boolean; message: string }[];
    const byCode = new Map(checks.map((c) => [c.code, c]));
    // the product has no OCOP: its validity does not apply
    expect(byCode.get('review.check.ocopValid')).toMatchObject({ applies: false });
    expect(byCode.get('review.check.gtin')).toMatchObject({ applies: true, ok: true });
    expect(checks.every((c) => !/\/body|uuid|T\d\d:\d\d:\d\dZ|\{/.test(c.message))).toBe(true);
  });

  it('a location without GLN, not a growing area: those checks do not apply', async () => {
    const shop = await makeLocation(t.db, producer.organisationId, {
      name: 'Cửa hàng',
      type: 'shop',
      gln: undefined,
    } as never);
    const res = await preChecks(producer.organisationId, 'location', shop.id);
    const checks = res.json().preChecks as { code: string; applies: boolean }[];
    expect(checks.find((c) => c.code === 'review.check.growingAreaCode')?.applies).toBe(false);
  });

  it("nobody reads another organisation's pre-checks; unknown records and types are said plainly", async () => {
    expect((await preChecks(other.id, 'product', producer.productId)).statusCode).toBe(403);
    expect(
      (await preChecks(producer.organisationId, 'product', '00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
    const bad = await preChecks(producer.organisationId, 'spaceship', producer.productId);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/query/entityType');
  });
});

describe("the dashboard's to-do", () => {
  it('an owner sees what the department returned, with the reason, and certificates ending; a reviewer what waits', async () => {
    const owner = t.as({ role: 'org_owner', organisationIds: [producer.organisationId] });
    const reviewer = t.as({ role: 'dost_reviewer' });
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/review/submissions',
      headers: owner,
      payload: { entityType: 'product', entityId: producer.productId },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const before = (await t.app.inject({ url: '/api/review/todo', headers: reviewer })).json();
    expect(before.toReview.total).toBeGreaterThan(0);
    expect(before.toReview.oldest.map((i: any) => i.id)).toContain(submitted.json().id);
    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/review/items/${submitted.json().id}/decision`,
      headers: reviewer,
      payload: { decision: 'return', reason: 'Thiếu tiêu chuẩn áp dụng' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${producer.organisationId}/certificates`,
      headers: t.as({ role: 'dost_admin' }),
      payload: {
        kind: 'vietgap',
        number: 'VG-SAP-HET',
        issuer: 'Sở NN&MT',
        validFrom: '2024-01-01',
        validTo: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    const todo = (await t.app.inject({ url: '/api/review/todo', headers: owner })).json();
    expect(todo.toReview.total).toBe(0); // an organisation decides nothing
    expect(todo.toFix).toContainEqual({
      entityType: 'product',
      id: producer.productId,
      name: expect.any(String),
      status: 'returned',
      reason: 'Thiếu tiêu chuẩn áp dụng',
    });
    expect(todo.certificates).toEqual([expect.objectContaining({ number: 'VG-SAP-HET', expired: false })]);
    // another organisation's to-do holds none of it
    const others = (
      await t.app.inject({
        url: '/api/review/todo',
        headers: t.as({ role: 'org_owner', organisationIds: [other.id] }),
      })
    ).json();
    expect(others.toFix).toEqual([]);
    expect(others.certificates).toEqual([]);
  });
});
