import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeStampedProduct, type TestApp } from '../test/index.ts';

/**
 * A recall made in the back office reaches the consumer page of every stamp of the lot in the very next request
 * (issue 11 §5): the resolver's short cache of published data must not hold the lot's status back.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let owner: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t, 'Bưởi da xanh loại 1');
  owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
});
afterAll(() => t?.close());

const stampPage = async (serial: number) => {
  const path = f.stampPath(serial);
  const redirect = await t.app.inject({ url: path, headers: { accept: 'text/html' } });
  expect(redirect.statusCode, redirect.body).toBe(307);
  return t.app.inject({ url: `/page${path}`, headers: { accept: 'text/html' } });
};
const setStatus = (headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/lots/${f.lot.id}/status`, headers, payload });

describe('recall from the lot page', () => {
  it('a recall by the owner shows on the consumer page of a stamp of the lot at the very next scan', async () => {
    const before = await stampPage(f.activeSerial);
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('Lô hàng đang bị thu hồi');

    const recalled = await setStatus(owner, { status: 'recalled', note: 'Phát hiện dư lượng thuốc BVTV' });
    expect(recalled.statusCode, recalled.body).toBe(200);
    expect(recalled.json()).toMatchObject({
      status: 'recalled',
      statusChange: { note: 'Phát hiện dư lượng thuốc BVTV' },
    });

    // no cache is cleared: the same stamp, and another of the lot, straight after
    for (const serial of [f.activeSerial, f.activeSerial + 5]) {
      const after = await stampPage(serial);
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('Lô hàng đang bị thu hồi');
    }
  });

  it("the lot's page reads the reason, when and by whom", async () => {
    const lot = await t.app.inject({ url: `/api/lots/${f.lot.id}`, headers: owner });
    expect(lot.json().statusChange).toMatchObject({ note: 'Phát hiện dư lượng thuốc BVTV' });
    expect(new Date(lot.json().statusChange.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a recall without a reason is refused, naming the field', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/lots',
      headers: owner,
      payload: { productId: f.producer.productId, lot: 'L2026-04' },
    });
    expect(other.statusCode, other.body).toBe(201);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/lots/${other.json().id}/status`,
      headers: owner,
      payload: { status: 'recalled', note: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: '/body/note' });
  });

  it('security: another organisation cannot recall the lot nor read why it was recalled', async () => {
    const stranger = await makeOrganisation(t.db, { name: 'Công ty Khác' });
    const as = t.as({ role: 'org_owner', organisationIds: [stranger.id] });
    expect((await setStatus(as, { status: 'active' })).statusCode).toBe(404);
    const read = await t.app.inject({ url: `/api/lots/${f.lot.id}`, headers: as });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('dư lượng');
  });

  it('a recall reaches the stamps of a lot not yet approved, without publishing anything else of the lot', async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/lots',
      headers: owner,
      payload: {
        productId: f.producer.productId,
        lot: 'L2026-05',
        productionDate: '2026-03-05',
        quantity: 120,
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().reviewStatus).toBe('draft');
    const serial = f.range.firstSerial + 60;
    const bound = await t.app.inject({
      method: 'POST',
      url: `/api/stamps/ranges/${f.range.id}/activate`,
      headers: owner,
      payload: { lot: 'L2026-05', firstSerial: serial, lastSerial: serial + 9 },
    });
    expect(bound.statusCode, bound.body).toBe(200);
    const path = `/01/${f.producer.gtin}/10/L2026-05/21/${serial}`;
    const scan = () => t.app.inject({ url: `/page${path}`, headers: { accept: 'text/html' } });
    expect((await scan()).body).not.toContain('Lô hàng đang bị thu hồi');
    const recalled = await t.app.inject({
      method: 'PUT',
      url: `/api/lots/${draft.json().id}/status`,
      headers: owner,
      payload: { status: 'recalled', note: 'Bao bì nhiễm bẩn' },
    });
    expect(recalled.statusCode, recalled.body).toBe(200);
    const page = await scan();
    expect(page.body).toContain('Lô hàng đang bị thu hồi');
    expect(page.body).not.toContain('05/03/2026');
  });

  it('the owner cannot lift its own recall; an inspector can', async () => {
    expect((await setStatus(owner, { status: 'active' })).statusCode).toBe(403);
    const lifted = await setStatus(t.as({ role: 'inspector' }), {
      status: 'active',
      note: 'Đã kiểm nghiệm lại',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect((await stampPage(f.activeSerial)).body).not.toContain('Lô hàng đang bị thu hồi');
  });
});
