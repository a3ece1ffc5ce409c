import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApiKey, seedDemo } from '../demo/index.ts';
import { createTestApp, signIn, type TestApp } from '../test/index.ts';
import { demoPassword } from './password-policy.ts';

describe('demo accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
    await seedDemo(t.db, t.config);
  }, 180_000); // the demo province, seeded under a loaded CI machine
  afterAll(() => t.close());

  it('signs in every documented demo account with the demo password, in its role', async () => {
    const accounts = {
      'admin@sokhcn.dongnai.gov.vn': 'dost_admin',
      'thamdinh@sokhcn.dongnai.gov.vn': 'dost_reviewer',
      'nongnghiep@snnmt.dongnai.gov.vn': 'sector_officer',
      'longkhanh@ubnd.dongnai.gov.vn': 'commune_officer',
      'thanhtra@sokhcn.dongnai.gov.vn': 'inspector',
      'chunhiem@htx-chomchom-binhloc.vn': 'org_owner',
      'nhanvien@htx-chomchom-binhloc.vn': 'org_staff',
    };
    for (const [email, role] of Object.entries(accounts)) {
      expect((await signIn(t, email, demoPassword)).role).toBe(role);
    }
  });

  it('the demo solution provider’s key acts for its three customers', async () => {
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${demoApiKey}` },
    });
    expect(me.json()).toMatchObject({ kind: 'apiKey', role: 'api_client' });
    expect(me.json().organisationIds).toHaveLength(3);
  });

  it('gives the reviewers a queue with work in it', async () => {
    const reviewer = await signIn(t, 'thamdinh@sokhcn.dongnai.gov.vn', demoPassword);
    const res = await t.app.inject({
      url: '/api/review/items?status=pending&pageSize=200',
      headers: reviewer.read,
    });
    expect(res.json().total).toBeGreaterThan(0);
    // every pending item opens with its pre-checks computed from the registry and the captured events
    for (const item of res.json().items as { id: string; entityType: string }[]) {
      const detail = await t.app.inject({ url: `/api/review/items/${item.id}`, headers: reviewer.read });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().preChecks.length, item.entityType).toBeGreaterThan(0);
    }
  });
});
