import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  makeOrganisation,
  makeSignedInUser,
  type Session,
  signIn,
  type TestApp,
  testPassword,
} from '../test/index.ts';
import { apiKeys } from './accounts.schema.ts';

describe('accounts and API keys', () => {
  let t: TestApp;
  let admin: Session;
  let orgA: string;
  let orgB: string;
  let ownerA: Session;

  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
    orgA = (await makeOrganisation(t.db, { name: 'HTX Chôm Chôm Long Khánh' })).id;
    orgB = (await makeOrganisation(t.db, { name: 'Công ty Điều Bình Phước' })).id;
    admin = (await makeSignedInUser(t, 'dost_admin')).session;
    ownerA = (await makeSignedInUser(t, 'org_owner', { organisationId: orgA })).session;
  });
  afterAll(() => t.close());

  const post = (url: string, s: Session, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: s.write, payload });

  describe('users', () => {
    it('the admin creates an account of each role with the scope the role needs', async () => {
      const cases = [
        { role: 'dost_reviewer' },
        { role: 'sector_officer', sector: 'health' },
        { role: 'commune_officer', communes: ['75W010', '75X001'] },
        { role: 'inspector' },
        { role: 'org_staff', organisationId: orgB },
      ];
      for (const c of cases) {
        const res = await post('/api/users', admin, {
          email: `${c.role}@SoKHCN.example.vn`,
          name: 'Nguyễn Văn An',
          password: testPassword,
          ...c,
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({ ...c, email: `${c.role}@sokhcn.example.vn`, disabled: false });
        expect(res.json()).not.toHaveProperty('passwordHash');
      }
    });

    it('names the missing scope, the unknown organisation and the weak password', async () => {
      const base = { email: 'x@example.vn', name: 'Trần Thị Bình', password: testPassword };
      const noCommunes = await post('/api/users', admin, { ...base, role: 'commune_officer' });
      expect(noCommunes.statusCode).toBe(400);
      expect(noCommunes.json().errors[0]).toMatchObject({ field: '/body/communes', code: 'field.required' });
      const unknownOrg = await post('/api/users', admin, {
        ...base,
        role: 'org_staff',
        organisationId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknownOrg.json().errors[0]).toMatchObject({ field: '/body/organisationId' });
      const unknownCommune = await post('/api/users', admin, {
        ...base,
        role: 'commune_officer',
        communes: ['75W010', 'XX'],
      });
      expect(unknownCommune.json().errors[0]).toMatchObject({
        field: '/body/communes/1',
        code: 'accounts.unknownCommune',
      });
      const weak = await post('/api/users', admin, { ...base, role: 'inspector', password: 'short' });
      expect(weak.json().errors[0]).toMatchObject({ field: '/body/password', code: 'accounts.weakPassword' });
      const apiClient = await post('/api/users', admin, { ...base, role: 'api_client' });
      expect(apiClient.statusCode).toBe(400);
    });

    it('refuses a second account with the same email, whatever its case (409)', async () => {
      const body = {
        email: 'dup@example.vn',
        name: 'Lê Văn Cường',
        password: testPassword,
        role: 'inspector',
      };
      expect((await post('/api/users', admin, body)).statusCode).toBe(201);
      const again = await post('/api/users', admin, { ...body, email: 'DUP@example.vn' });
      expect(again.statusCode).toBe(409);
      expect(again.json().type).toBe('/problems/accounts.email-taken');
    });

    it('an organisation owner adds staff to their own organisation only, and cannot create officers', async () => {
      const staff = { name: 'Phạm Thị Dung', password: testPassword, role: 'org_staff' };
      const own = await post('/api/users', ownerA, {
        ...staff,
        email: 'staff-a@example.vn',
        organisationId: orgA,
      });
      expect(own.statusCode).toBe(201);
      const other = await post('/api/users', ownerA, {
        ...staff,
        email: 'staff-b@example.vn',
        organisationId: orgB,
      });
      expect(other.statusCode).toBe(403);
      const officer = await post('/api/users', ownerA, {
        ...staff,
        email: 'r@example.vn',
        role: 'dost_reviewer',
      });
      expect(officer.statusCode).toBe(403);
    });

    it('an organisation owner lists only the people of their organisation', async () => {
      const res = await t.app.inject({ url: '/api/users?pageSize=200', headers: ownerA.read });
      expect(res.statusCode).toBe(200);
      const list = res.json();
      expect(list.total).toBeGreaterThanOrEqual(2);
      expect(list.items.every((u: { organisationId: string }) => u.organisationId === orgA)).toBe(true);
      const all = await t.app.inject({ url: '/api/users?pageSize=200', headers: admin.read });
      expect(all.json().total).toBeGreaterThan(list.total);
    });

    it('an organisation owner cannot see or change an account of another organisation (404)', async () => {
      const { user } = await makeSignedInUser(t, 'org_staff', { organisationId: orgB });
      expect((await t.app.inject({ url: `/api/users/${user.id}`, headers: ownerA.read })).statusCode).toBe(
        404,
      );
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        headers: ownerA.write,
        payload: { disabled: true },
      });
      expect(patch.statusCode).toBe(404);
    });

    it('an administrator cannot disable themselves or change their own role', async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${admin.userId}`,
        headers: admin.write,
        payload: { disabled: true },
      });
      expect(res.statusCode).toBe(409);
    });

    it('a changed role ends the person’s sessions, so the old powers do not live on', async () => {
      const officer = await makeSignedInUser(t, 'dost_reviewer');
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${officer.user.id}`,
        headers: admin.write,
        payload: { role: 'inspector' },
      });
      expect(res.json()).toMatchObject({ role: 'inspector' });
      expect((await t.app.inject({ url: '/api/auth/me', headers: officer.session.read })).statusCode).toBe(
        401,
      );
    });

    it('a sector officer of industry and trade sees the industry_trade organisations, and no others', async () => {
      const shop = (await makeOrganisation(t.db, { name: 'Cửa hàng Công Thương', sector: 'industry_trade' }))
        .id;
      const created = await post('/api/users', admin, {
        email: 'congthuong@example.vn',
        name: 'Phạm Văn Đức',
        password: testPassword,
        role: 'sector_officer',
        sector: 'industry_trade',
      });
      expect(created.json()).toMatchObject({ sector: 'industry_trade' });
      const officer = await signIn(t, 'congthuong@example.vn');
      const me = await t.app.inject({ url: '/api/auth/me', headers: officer.read });
      expect(me.json()).toMatchObject({ sector: 'industry_trade' });
      const list = await t.app.inject({ url: '/api/organisations?pageSize=200', headers: officer.read });
      expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([shop]);
      // the registry spells the sector the same way: no other spelling reaches the API
      const dashed = await post('/api/users', admin, {
        email: 'dash@example.vn',
        name: 'Phạm Văn Đức',
        password: testPassword,
        role: 'sector_officer',
        sector: 'industry-trade',
      });
      expect(dashed.statusCode).toBe(400);
    });
  });

  describe('API keys', () => {
    it('an owner issues a key for their organisation: shown once, stored hashed, usable as Bearer without CSRF', async () => {
      const res = await post('/api/api-keys', ownerA, { name: 'Phần mềm kho' });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created.key).toMatch(new RegExp(`^txng_${created.prefix}_[\\w-]{43}$`));
      expect(created.organisationIds).toEqual([orgA]);
      const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
      expect(row.secretHash).not.toContain(created.key.slice(`txng_${created.prefix}_`.length));

      const list = await t.app.inject({ url: '/api/api-keys', headers: ownerA.read });
      const listed = list.json().items.find((k: { id: string }) => k.id === created.id);
      expect(listed.prefix).toBe(created.prefix);
      expect(listed).not.toHaveProperty('key');

      const bearer = { authorization: `Bearer ${created.key}` };
      const me = await t.app.inject({ url: '/api/auth/me', headers: bearer });
      expect(me.json()).toMatchObject({
        kind: 'apiKey',
        role: 'api_client',
        organisationIds: [orgA],
        csrfToken: null,
      });
      const unsafe = await t.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        headers: bearer,
        payload: {},
      });
      expect(unsafe.statusCode).toBe(403); // a key never manages keys, and no CSRF token was asked for
    });

    it('an owner cannot issue a key that acts for another organisation', async () => {
      const res = await post('/api/api-keys', ownerA, { name: 'Mượn quyền', organisationIds: [orgA, orgB] });
      expect(res.statusCode).toBe(403);
    });

    it('a solution provider’s key acts for its named customers; a customer sees it but only the admin revokes it', async () => {
      const res = await post('/api/api-keys', admin, {
        name: 'Nhà cung cấp giải pháp',
        organisationIds: [orgA, orgB],
      });
      expect(res.statusCode).toBe(201);
      const { id, key } = res.json();
      const bearer = { authorization: `Bearer ${key}` };
      expect(
        (await t.app.inject({ url: '/api/auth/me', headers: bearer })).json().organisationIds.sort(),
      ).toEqual([orgA, orgB].sort());
      const seen = await t.app.inject({ url: '/api/api-keys', headers: ownerA.read });
      expect(seen.json().items.map((k: { id: string }) => k.id)).toContain(id);
      const byOwner = await t.app.inject({
        method: 'DELETE',
        url: `/api/api-keys/${id}`,
        headers: ownerA.write,
      });
      expect(byOwner.statusCode).toBe(403);
      const byAdmin = await t.app.inject({
        method: 'DELETE',
        url: `/api/api-keys/${id}`,
        headers: admin.write,
      });
      expect(byAdmin.json().revokedAt).not.toBeNull();
      const after = await t.app.inject({ url: '/api/auth/me', headers: bearer });
      expect(after.statusCode).toBe(401);
      expect(after.json().type).toBe('/problems/accounts.bad-api-key');
    });

    it('an owner does not see keys of other organisations', async () => {
      const other = await post('/api/api-keys', admin, { name: 'Khóa B', organisationIds: [orgB] });
      const seen = await t.app.inject({ url: '/api/api-keys', headers: ownerA.read });
      expect(seen.json().items.map((k: { id: string }) => k.id)).not.toContain(other.json().id);
      const revoke = await t.app.inject({
        method: 'DELETE',
        url: `/api/api-keys/${other.json().id}`,
        headers: ownerA.write,
      });
      expect(revoke.statusCode).toBe(404);
    });

    it('refuses an expired key and an unknown organisation', async () => {
      const past = await post('/api/api-keys', admin, {
        name: 'Hết hạn',
        organisationIds: [orgA],
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(past.json().errors[0].field).toBe('/body/expiresAt');
      const unknown = await post('/api/api-keys', admin, {
        name: 'Không rõ',
        organisationIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(unknown.json().errors[0].field).toBe('/body/organisationIds/0');
    });

    it('answers a malformed or unknown Bearer with 401', async () => {
      for (const authorization of ['Bearer nope', 'Basic dXNlcjpwYXNz', 'Bearer']) {
        expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization } })).statusCode).toBe(
          401,
        );
      }
    });
  });
});
