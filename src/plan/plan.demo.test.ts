import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.ts';
import { createTestApp, type TestApp } from '../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.config);
}, 180_000); // the demo province, seeded under a loaded CI machine
afterAll(() => t?.close());

describe('the demo province’s plan (Đồng Nai 2026–2030)', () => {
  it('is the current plan, with its targets by year, formulas where data exists and its tasks', async () => {
    const admin = t.as({ role: 'dost_admin' });
    const plan = (await t.app.inject({ method: 'GET', url: '/api/plan', headers: admin })).json();
    expect(plan).toMatchObject({ startYear: 2026, endYear: 2030, decisionNumber: null });
    expect(plan.title).toMatch(/Đồng Nai giai đoạn 2026 - 2030/);
    const byCode = Object.fromEntries(plan.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode['II.2.c']).toMatchObject({ formulaKey: 'products_connected_growth', unit: 'percent' });
    expect(byCode['II.2.c'].targets).toHaveLength(5);
    expect(byCode['II.2.d'].targets[0]).toEqual({ year: 2026, target: 100 });
    expect(byCode['II.2.a'].formulaKey).toBeNull();
    expect(plan.tasks.map((x: { code: string }) => x.code)).toContain('4.2');
    const report = plan.tasks.find((x: { code: string }) => x.code === 'VI.1.g');
    expect(report).toMatchObject({ deadline: '2026-11-30', state: 'not_started' });

    const e = await t.app.inject({
      method: 'GET',
      url: '/api/plan/evaluation?from=2026-01-01&to=2026-12-31',
      headers: admin,
    });
    expect(e.statusCode).toBe(200);
    const evaluated = Object.fromEntries(e.json().indicators.map((i: { code: string }) => [i.code, i]));
    // the demo's organisations were all registered (and approved) this year
    expect(evaluated['PL 3.2'].source).toBe('computed');
    expect(evaluated['PL 3.2'].value).toBeGreaterThan(0);
    expect(evaluated['II.2.a']).toMatchObject({ source: 'missing', value: null, target: 100, met: null });
  });
});
