import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.ts';
import { createTestApp, type TestApp } from '../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.config);
}, 180_000); // the demo province, seeded under a loaded CI machine
afterAll(() => t?.close());

describe('the demo province’s mandatory list', () => {
  it('is issued and in force, and its compliance view names gaps organisation by organisation', async () => {
    const admin = t.as({ role: 'dost_admin' });
    const lists = (await t.app.inject({ method: 'GET', url: '/api/catalogues/lists', headers: admin })).json()
      .items;
    const mandatory = lists.find((l: { kind: string; sector: string }) => l.kind === 'mandatory');
    expect(mandatory).toMatchObject({ sector: 'agriculture', inForce: { number: '1' } });
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/catalogues/versions/${mandatory.inForce.id}/compliance`,
      headers: admin,
    });
    const { rows, totals } = view.json();
    const names = rows.map((r: { productName: string }) => r.productName);
    expect(names).toEqual(
      expect.arrayContaining(['Sầu riêng Ri6 tươi', 'Sầu riêng Ri6 thùng 10 kg', 'Thịt ba rọi heo tươi']),
    );
    expect(names).not.toContain('Hạt điều thô Bù Đăng');
    expect(totals.withGaps).toBeGreaterThan(0);
    expect(rows.every((r: { organisationName: string }) => r.organisationName.length > 0)).toBe(true);
  });
});
