import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';
import { classId, event, org, product } from './checks.fixtures.ts';
import { silentMandatory } from './silent-mandatory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const now = new Date('2026-12-05T10:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const check = silentMandatory({ days: 30 });

describe('silent mandatory products check', () => {
  it('fires for a mandatory product whose last event is 45 days old, and one with no event at all', async () => {
    const db = t.db;
    const o = await org(db);
    const old = await product(db, o, { mandatory: true, name: 'Thịt heo' });
    await event(db, {
      organisationId: o,
      time: daysAgo(45),
      action: 'ADD',
      bizStep: 'commissioning',
      ids: [{ id: classId(old.gtin, 'A'), role: 'epc', quantity: 1, uom: 'KGM' }],
    });
    const never = await product(db, o, { mandatory: true, name: 'Rau muống' });
    const mine = (await check.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine.map((f) => (f.subject as { productId: string }).productId).sort()).toEqual(
      [old.id, never.id].sort(),
    );
    expect(mine.find((f) => f.evidence.productId === never.id)?.summary).toBe(
      'Sản phẩm Rau muống thuộc danh mục bắt buộc truy xuất chưa có sự kiện nào.',
    );
  });

  it('does not fire for a mandatory product with a recent event, nor for a silent product not on the list', async () => {
    const db = t.db;
    const o = await org(db);
    const fresh = await product(db, o, { mandatory: true });
    await event(db, {
      organisationId: o,
      time: daysAgo(3),
      bizStep: 'shipping',
      ids: [{ id: classId(fresh.gtin, 'B'), role: 'epc', quantity: 1, uom: 'KGM' }],
    });
    await product(db, o, { mandatory: false });
    const mine = (await check.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine).toEqual([]);
  });
});
