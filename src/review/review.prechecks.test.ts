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
    expect(checks.every((c) => !/\/body|uuid|T\d\d:\d\d:\d\dZ/.test(c.message))).toBe(true);
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
