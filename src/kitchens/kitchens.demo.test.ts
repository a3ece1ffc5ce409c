import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.ts';
import { createTestApp, type TestApp } from '../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.config);
}, 180_000); // the demo province, seeded under a loaded CI machine
afterAll(() => t?.close());

describe('the demo province’s school kitchen', () => {
  it('has four days of deliveries and menus, by stamp and otherwise, that the health officer sees', async () => {
    const health = t.as({ role: 'sector_officer', sector: 'health' });
    const res = await t.app.inject({ method: 'GET', url: '/api/kitchens/overview', headers: health });
    expect(res.statusCode, res.body).toBe(200);
    const [kitchen] = res.json().kitchens;
    expect(kitchen).toMatchObject({ name: 'Trường Tiểu học Bình Lộc', daysWithMenu: 4, deliveriesOther: 1 });
    expect(kitchen.deliveriesByStamp).toBeGreaterThanOrEqual(6);
    const page = await t.app.inject({ method: 'GET', url: `/bep-an/${kitchen.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sầu riêng tráng miệng');
    expect(page.body).toContain('/01/');
  });
});
