import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeStampedProduct, type TestApp } from '../test/index.ts';
import { clearResolverCache } from './resolver.cache.ts';

/**
 * Stamps on the market never go dark (issue 11 §1): while an edit of an approved product, lot, place or
 * organisation waits for review, the approved version keeps answering every scan; approval swaps the versions;
 * only the department's withdrawal takes it off the public pages.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let owner: Record<string, string>;
let reviewer: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t, 'Sầu riêng Ri6 loại 1');
  owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
  reviewer = t.as({ role: 'dost_reviewer' });
});
afterAll(() => t?.close());

const browser = { accept: 'text/html' };
/** A person scanning the stamp: the resolver's answer, then the page it leads to. */
async function scan() {
  clearResolverCache();
  const path = f.stampPath(f.activeSerial);
  const redirect = await t.app.inject({ url: path, headers: browser });
  expect(redirect.statusCode, redirect.body).toBe(307);
  const page = await t.app.inject({ url: `/page${path}`, headers: browser });
  const linkset = await t.app.inject({ url: `${path}?linkType=linkset` });
  return { status: page.statusCode, body: page.body, linkset: linkset.json() };
}
const send = (method: 'PATCH' | 'POST', url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method, url, headers, payload: payload as object });
async function submitAndDecide(decision: 'approve' | 'return', reason?: string) {
  const submitted = await send('POST', '/api/review/submissions', owner, {
    entityType: 'product',
    entityId: f.producer.productId,
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  const decided = await send('POST', `/api/review/items/${submitted.json().id}/decision`, reviewer, {
    decision,
    ...(reason ? { reason } : {}),
  });
  expect(decided.statusCode, decided.body).toBe(200);
}

describe('versioned publication', () => {
  it('an edit of an approved product waits for review while every stamp keeps answering with the approved version', async () => {
    const before = await scan();
    expect(before.status).toBe(200);
    expect(before.body).toContain('Sầu riêng Ri6 loại 1');

    const edit = await send('PATCH', `/api/products/${f.producer.productId}`, owner, {
      name: 'Sầu riêng Ri6 loại đặc biệt',
      shelfLifeDays: 9,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().reviewStatus).toBe('draft');

    // the owner's back office shows the edit; the public still the approved version, genuine as before
    const during = await scan();
    expect(during.status).toBe(200);
    expect(during.body).toContain('Sầu riêng Ri6 loại 1');
    expect(during.body).not.toContain('loại đặc biệt');
    expect(during.body).not.toContain('Mã không có trong hệ thống');
    expect(during.linkset.linkset.at(-1).itemDescription).toBe('Sầu riêng Ri6 loại 1');
    const passport = await t.app.inject({ url: `/dpp/01/${f.producer.gtin}` });
    expect(passport.statusCode).toBe(200);
    expect(passport.body).toContain('Sầu riêng Ri6 loại 1');

    // returned with a reason: still the approved version in public
    await submitAndDecide('return', 'Thiếu ảnh sản phẩm');
    expect((await scan()).body).toContain('Sầu riêng Ri6 loại 1');

    // approved: the edit becomes the public version, at once
    await submitAndDecide('approve');
    const after = await scan();
    expect(after.body).toContain('Sầu riêng Ri6 loại đặc biệt');
    expect(after.linkset.linkset.at(-1).itemDescription).toBe('Sầu riêng Ri6 loại đặc biệt');
  });

  it('a second edit while one waits keeps the version the public had, not the first edit', async () => {
    for (const name of ['Tên nháp một', 'Tên nháp hai']) {
      const edit = await send('PATCH', `/api/products/${f.producer.productId}`, owner, { name });
      expect(edit.statusCode, edit.body).toBe(200);
    }
    expect((await scan()).body).toContain('Sầu riêng Ri6 loại đặc biệt');
  });

  it('the same for the organisation and the lot behind the stamp', async () => {
    const organisation = await send('PATCH', `/api/organisations/${f.producer.organisationId}`, owner, {
      representative: 'Người đại diện mới',
    });
    expect(organisation.statusCode, organisation.body).toBe(200);
    const lot = await send('PATCH', `/api/lots/${f.lot.id}`, owner, { quantity: 777 });
    expect(lot.statusCode, lot.body).toBe(200);
    expect(lot.json().reviewStatus).toBe('draft');
    const page = await scan();
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('Mã không có trong hệ thống');
    // a recall reaches the public at once, whatever edit of the lot waits for review
    const status = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/lots/${f.lot.id}/status`,
        headers: t.as({ role: 'inspector' }),
        payload,
      });
    const recall = await status({ status: 'recalled', note: 'Phát hiện dư lượng' });
    expect(recall.statusCode, recall.body).toBe(200);
    expect((await scan()).body).toContain('Lô hàng đang bị thu hồi');
    expect((await status({ status: 'active' })).statusCode).toBe(200);
  });

  it('only the department withdraws what is public: the stamps then answer as unknown, and the owner reads why', async () => {
    const withdraw = (headers: Record<string, string>) =>
      send('POST', '/api/review/withdrawals', headers, {
        entityType: 'product',
        entityId: f.producer.productId,
        reason: 'Sản phẩm bị thu hồi giấy chứng nhận',
      });
    expect((await withdraw(owner)).statusCode).toBe(403);
    expect((await withdraw(t.as({ role: 'sector_officer', sector: 'agriculture' }))).statusCode).toBe(403);
    const done = await withdraw(reviewer);
    expect(done.statusCode, done.body).toBe(200);
    clearResolverCache();
    const path = f.stampPath(f.activeSerial);
    expect((await t.app.inject({ url: path, headers: { accept: 'application/json' } })).statusCode).toBe(404);
    const page = await t.app.inject({ url: `/page${path}`, headers: browser });
    expect(page.statusCode).toBe(404);
    // nothing left to withdraw; the edit the owner was making is still theirs
    const again = await withdraw(reviewer);
    expect(again.statusCode).toBe(409);
    const product = await t.app.inject({ url: `/api/products/${f.producer.productId}`, headers: owner });
    expect(product.json()).toMatchObject({
      name: 'Tên nháp hai',
      reviewStatus: 'returned',
      reviewNote: 'Sản phẩm bị thu hồi giấy chứng nhận',
      publicVersionKept: false,
    });
    const log = await t.app.inject({
      url: `/api/audit?entityId=${f.producer.productId}&pageSize=50`,
      headers: reviewer,
    });
    expect(log.statusCode, log.body).toBe(200);
    expect(JSON.stringify(log.json())).toContain('"withdraw"');
  });

  it('an approved row the department withdraws goes back to its organisation as returned, with the reason', async () => {
    const location = f.producer.locationId;
    const done = await send('POST', '/api/review/withdrawals', reviewer, {
      entityType: 'location',
      entityId: location,
      reason: 'Toạ độ vùng trồng sai',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().reviewStatus).toBe('returned');
    const read = await t.app.inject({ url: `/api/locations/${location}`, headers: owner });
    expect(read.json()).toMatchObject({ reviewStatus: 'returned', reviewNote: 'Toạ độ vùng trồng sai' });
  });
});
